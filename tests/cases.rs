//! The case handbooks of `tests/cases/`, one small handbook per feature
//! (see `tests/cases/README.md`). Every case with an `expected/` folder is
//! built and compared by `every_case_with_expected_output`; a case without
//! one, and every change that needs a rebuild, has a test of its own here.

mod common;

use brug::serve::engine::Route;
use common::book::{cases_dir, BookTest};

/// The names of the case folders, sorted.
fn case_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(cases_dir())
        .unwrap()
        .flatten()
        .filter(|e| e.path().join("handbook.toml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_case_with_expected_output() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for name in case_names() {
        if !cases_dir().join(&name).join("expected").is_dir() {
            continue;
        }
        let mut case = BookTest::case(&name);
        case.run(&["build", "--no-minify"]);
        if case.last().code != 0 {
            failures.push(format!("{name}: the build failed:\n{}", case.last().stderr));
            continue;
        }
        failures.extend(case.expected_mismatches());
        checked += 1;
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert!(checked >= 8, "only {checked} cases have expected output");
}

#[test]
fn every_case_without_expected_output_has_a_test() {
    let tests = include_str!("cases.rs");
    for name in case_names() {
        if !cases_dir().join(&name).join("expected").is_dir() {
            assert!(
                tests.contains(&format!("BookTest::case(\"{name}\")")),
                "tests/cases/{name} has no expected/ folder and no test"
            );
        }
    }
}

#[test]
fn a_link_to_an_anchor_that_is_gone_fails_the_build_and_keeps_the_output() {
    BookTest::case("links")
        .build()
        .edit("content/consensus.nl.md", |t| {
            t.replace("## Werkwijze {#werkwijze}", "## Aanpak")
        })
        .build_fails()
        .check_stderr("error: the anchor `#werkwijze` does not exist on content/consensus.nl.md")
        .check_stderr("--> content/stemmen.nl.md:6:")
        .check_file(
            "nl/consensus/index.html",
            &["<h2 id=\"werkwijze\">Werkwijze</h2>"],
        );
}

#[test]
fn a_missing_translation_has_no_alternate_and_omit_writes_nothing() {
    BookTest::case("missing-translation")
        .build()
        .check_expected()
        .check_file_lacks("de/module/bezoek/index.html", "rel=\"alternate\"")
        .check_file_lacks(
            "nl/modules/bezoek/index.html",
            "<link rel=\"alternate\" hreflang=\"de\"",
        )
        .edit("handbook.toml", |t| {
            t.replace(
                "missing_translation = \"fallback\"",
                "missing_translation = \"omit\"",
            )
        })
        .build()
        .check_no_file("de/module/bezoek")
        .check_file("nl/modules/bezoek/index.html", &["<h1>Werkbezoeken</h1>"])
        .check_file_lacks("de/module/index.html", "bezoek");
}

#[test]
fn a_translation_written_later_replaces_the_notice_until_it_is_removed() {
    BookTest::case("missing-translation")
        .write(
            "content/modules/bezoek.de.md",
            "+++\ntitle = \"Arbeitsbesuche\"\n+++\n\nEinzelne Besuche.\n",
        )
        .build()
        .check_file(
            "de/module/bezoek/index.html",
            &[
                "<h1>Arbeitsbesuche</h1>",
                "<link rel=\"alternate\" hreflang=\"nl\" href=\"../../../nl/modules/bezoek/\">",
            ],
        )
        .check_file_lacks("de/module/bezoek/index.html", "noch nicht")
        .check_file_lacks("de/module/index.html", "noch nicht")
        .remove("content/modules/bezoek.de.md")
        .build()
        .check_expected();
}

#[test]
fn a_current_translation_has_no_notice_and_stamping_makes_one_current() {
    BookTest::case("outdated-translation")
        .build()
        // Both pages carry the same `updated` date.
        .check_file_lacks("de/index.html", "veraltet")
        .run(&["status", "--stamp", "content/konsens.de.md"])
        .check_exit(0)
        .build()
        .check_file_lacks("de/consensus/index.html", "veraltet")
        .check_file("de/coaching/index.html", &["möglicherweise veraltet"]);
}

#[test]
fn a_changed_german_slug_moves_the_page_and_every_link_to_it() {
    BookTest::case("german-slug")
        .build()
        .edit("content/methods/consensus.de.md", |t| {
            t.replace("slug = \"konsensprinzip\"", "slug = \"einvernehmen\"")
        })
        .build()
        .check_no_file("de/methoden/konsensprinzip")
        .check_file(
            "de/methoden/einvernehmen/index.html",
            &["<h1>Konsensprinzip</h1>"],
        )
        .check_file(
            "nl/methods/consensus/index.html",
            &[
                "<link rel=\"alternate\" hreflang=\"de\" href=\"../../../de/methoden/einvernehmen/\">",
                "<a href=\"../../../de/methoden/einvernehmen/#vorgehen\">Duitse versie</a>",
            ],
        )
        .check_file(
            "de/index.html",
            &["<a href=\"methoden/einvernehmen/#vorgehen\">Konsensprinzip</a>"],
        )
        .check_file_lacks("sitemap.xml", "konsensprinzip");
}

/// Output files under `public/DIR` that hold `needle`.
fn files_holding(case: &BookTest, dir: &str, needle: &str) -> Vec<String> {
    let out = case.root().join("public");
    walkdir::WalkDir::new(out.join(dir))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter(|e| std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains(needle)))
        .map(|e| e.path().strip_prefix(&out).unwrap().display().to_string())
        .collect()
}

#[test]
fn a_new_title_reaches_every_page_that_names_it() {
    let mut case = BookTest::case("backlink-titles");
    case.build()
        .serve()
        .check_file(
            "nl/consensus/index.html",
            &["<li><a href=\"../lotsen/\">Lotsen</a> <span class=\"xref-kind\">"],
        )
        .edit("content/lotsen.nl.md", |t| {
            t.replace("title = \"Lotsen\"", "title = \"Wegwijzers\"")
        })
        .build()
        // Edited in place: the pages that show the title, as a fresh build.
        .serve_check(Route::Pages)
        .check_file(
            "nl/consensus/index.html",
            &[
                // Referenced by, and used by (a method's list of practices).
                "<li><a href=\"../lotsen/\">Wegwijzers</a> <span class=\"xref-kind\">(Overdraagbare praktijk)</span></li>",
                "<span class=\"pagination-label\">Volgende</span> Wegwijzers</a>",
            ],
        )
        .check_file("nl/index.html", &["<a href=\"lotsen/\">Wegwijzers</a>"])
        .check_file("nl/search/index.html", &["<a href=\"../lotsen/\">Wegwijzers</a>"])
        .check_file("nl/afdrukken/index.html", &["<a href=\"#c2\">Wegwijzers</a>"])
        .check_file(
            "nl/overdracht/index.html",
            &[
                "<th scope=\"row\"><a href=\"../lotsen/\">Wegwijzers</a></th>",
                ">Wegwijzers</text>",
            ],
        )
        // The German page keeps its own title.
        .check_file("de/consensus/index.html", &["<a href=\"../lotsen/\">Lotsen</a>"])
        // The side-by-side view shows both: the German one in its column.
        .check_file(
            "nl/naast-elkaar/lotsen/index.html",
            &["<h1>Wegwijzers</h1>", "<span lang=\"de\">Lotsen</span>"],
        );
    let stale: Vec<String> = files_holding(&case, "nl", "Lotsen")
        .into_iter()
        .filter(|f| f != "nl/naast-elkaar/lotsen/index.html")
        .collect();
    assert!(stale.is_empty(), "the old title is left in {stale:?}");
}

/// A term is defined by a paragraph right under its heading. Here every
/// term starts with a list item, so none is; one edit makes the first
/// Dutch term a paragraph. Each step is a full build.
#[test]
fn glossary_terms_as_list_items_define_nothing_until_one_is_a_paragraph() {
    BookTest::case("glossary-terms-as-list-items")
        .build()
        .serve()
        .check_file_lacks("nl/begrippen/index.html", "term-uses")
        .check_file_lacks("nl/begrippen/index.html", "brug-uses")
        .check_file_lacks("de/begriffe/index.html", "term-uses")
        .check_file(
            "nl/modules/wees/index.html",
            &[r#"Zie de <a href="../../begrippen/#kerngroep" title="Begrip">kerngroep</a> en"#],
        )
        .check_file_lacks("nl/modules/wees/index.html", "term-tip")
        .check_file_lacks("nl/practices/wonen/index.html", "term-tip")
        .check_file(
            "de/methods/facilitator/index.html",
            &[r#"Die <a href="../../begriffe/#kerngroep">Kerngruppe</a> beauftragt"#],
        )
        .edit("content/glossary.nl.md", |t| {
            t.replace("- *Duits:* Kerngruppe.", "*Duits:* Kerngruppe.")
        })
        .build()
        // `brug serve` serves what the fresh build made, both ways.
        .serve_check(Route::Full)
        .check_file(
            "nl/begrippen/index.html",
            &[r#"stuurt &amp; documenteert.</p>
                <p class="term-uses">Gebruikt in: <a href="../methods/facilitator/">Gespreksleider</a>, <a href="../modules/wees/">Wees</a></p>
                <h2 id="lang">"#],
        )
        .check_file(
            "nl/modules/wees/index.html",
            &[r#"<span class="term"><a href="../../begrippen/#kerngroep" title="Begrip" aria-describedby="brug-tip-1">kerngroep</a><span class="term-tip" role="tooltip" id="brug-tip-1">Duits: Kerngruppe. De groep die het project stuurt &amp; documenteert.</span></span>"#],
        )
        // The other terms, and the German glossary, still define nothing.
        .check_file_lacks("nl/practices/wonen/index.html", "term-tip")
        .check_file_lacks("de/begriffe/index.html", "term-uses")
        .check_file_lacks("de/methods/facilitator/index.html", "term-tip");
}

#[test]
fn a_long_section_shows_a_window_of_the_map_and_links_to_all_its_pages() {
    let mut case = BookTest::case("handbook-map");
    for i in 0..60 {
        case.write(
            &format!("content/methods/p{i:02}.nl.md"),
            &format!(
                "+++\ntitle = \"Pagina {i:02}\"\nweight = {}\n+++\n\nTekst.\n",
                i + 10
            ),
        );
    }
    // a, b, c, then p00…p59: p30 is the 34th of 63, so the window of
    // 10 pages each side runs from p20 to p40.
    case.build()
        .check_file(
            "nl/methods/p30/index.html",
            &[
                "<a href=\"../p20/\">Pagina 20</a>",
                "<a href=\"./\" aria-current=\"page\">Pagina 30</a>",
                "<a href=\"../p40/\">Pagina 40</a>",
                "<p class=\"map-more\"><a href=\"../\">Alle 63 pagina's in Methoden</a></p>",
            ],
        )
        .check_file_lacks("nl/methods/p30/index.html", "Pagina 19")
        .check_file_lacks("nl/methods/p30/index.html", "Pagina 41")
        // The section's own page is no window: its list names them all.
        .check_file("nl/methods/index.html", &["Pagina 59"])
        // A page of another section carries none of them.
        .check_file_lacks("nl/modules/m/index.html", "Pagina 30");
}

#[test]
fn an_accent_below_aa_contrast_fails_the_build_and_names_a_colour_that_passes() {
    BookTest::case("house-style")
        .build()
        .check_expected()
        .edit("handbook.toml", |t| t.replace("#8a2be2", "#7a9cc6"))
        .build_fails()
        .check_stderr("error: `accent = \"#7a9cc6\"` has a contrast of 2.")
        .check_stderr(":1 on the light background; links need at least 4.5:1 (WCAG AA)")
        .check_stderr("--> handbook.toml:11:1")
        .check_stderr("help: use a darker colour, e.g. accent = \"#")
        // The failed build left the output as it was.
        .check_expected();
}

#[test]
fn a_handbook_without_theme_has_no_house_style() {
    BookTest::case("handbook-map")
        .build()
        .check_no_file("static/house.css")
        .check_file_lacks("nl/index.html", "house.css")
        .check_file_lacks("nl/index.html", "house-footer");
}

#[test]
fn a_page_in_one_language_has_no_side_by_side_view_and_views_stay_out_of_the_sitemap() {
    BookTest::case("side-by-side")
        .build()
        .check_expected()
        .check_stderr("warning: the heading `Alleen hier` (id `alleen-nl`) has no heading with that id in content/aanpak.de.md")
        .check_stderr("--> content/aanpak.nl.md:12:1")
        .check_no_file("nl/naast-elkaar/alleen")
        .check_file_lacks("nl/alleen/index.html", "naast-elkaar")
        .check_file_lacks("sitemap.xml", "naast-elkaar")
        .check_file_lacks("sitemap.xml", "nebeneinander")
        // A shared id for the German section: its own row beside nothing is gone.
        .edit("content/aanpak.de.md", |t| t.replace("{#nur-de}", "{#alleen-nl}"))
        .build()
        .check_file(
            "nl/naast-elkaar/aanpak/index.html",
            &["<h2 id=\"nl-alleen-nl\">Alleen hier</h2> <p>Dit deel heeft geen Duitse tegenhanger.</p> </div> <div class=\"side-cell content\" lang=\"de\"><p class=\"side-lang\" lang=\"nl\">Duits</p> <h2 id=\"de-alleen-nl\">Nur auf Deutsch</h2>"],
        )
        .check_file_lacks("nl/naast-elkaar/aanpak/index.html", "ontbreekt")
        // Switched off: no views, no links to them, the old ones removed.
        .edit("handbook.toml", |t| format!("{t}\n[output]\nside_by_side = false\n"))
        .build()
        .check_no_file("nl/naast-elkaar")
        .check_no_file("de/nebeneinander")
        .check_file_lacks("nl/aanpak/index.html", "naast-elkaar");
}

#[test]
fn a_handbook_of_more_than_a_thousand_pages_gets_views_only_when_it_asks() {
    let mut case = BookTest::case("side-by-side");
    for i in 0..1000 {
        case.write(
            &format!("content/veel/p{i:04}.nl.md"),
            &format!("+++\ntitle = \"Pagina {i}\"\n+++\n\nTekst.\n"),
        );
    }
    // 1,003 Dutch pages: above the limit, so no views unless asked for.
    case.build()
        .check_no_file("nl/naast-elkaar")
        .check_file_lacks("nl/aanpak/index.html", "naast-elkaar")
        .edit("handbook.toml", |t| {
            format!("{t}\n[output]\nside_by_side = true\n")
        })
        .build()
        .check_file(
            "nl/aanpak/index.html",
            &["<a href=\"../naast-elkaar/aanpak/\">Naast elkaar</a>"],
        )
        .check_file("nl/naast-elkaar/aanpak/index.html", &["<h1>De aanpak</h1>"]);
}

#[test]
fn a_new_order_in_a_section_reaches_the_maps_of_the_pages_below_it() {
    // Module gets 24 more pages, more than its map window: a page inside
    // the sub-section Vertiefung shows Module's first 21 entries. Moving the
    // last page to the front brings a page into that window which the page
    // never showed (so never read): only the section's order tells.
    let mut case = BookTest::case("handbook-map");
    for i in 0..24 {
        case.write(
            &format!("content/modules/p{i:02}.nl.md"),
            &format!(
                "+++\ntitle = \"Pagina {i:02}\"\nweight = {}\n+++\n\nTekst.\n",
                i + 10
            ),
        );
    }
    case.build()
        .check_file_lacks("nl/modules/deep/x/index.html", "Pagina 23")
        .serve()
        .edit("content/modules/p23.nl.md", |t| {
            t.replace("weight = 33", "weight = 0")
        })
        .build()
        .serve_check(Route::Pages)
        .check_file(
            "nl/modules/deep/x/index.html",
            &["<li><a href=\"../../p23/\">Pagina 23</a></li>"],
        );
}
