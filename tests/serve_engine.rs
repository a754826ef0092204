//! `brug serve`'s rebuild engine, in-process: after every kind of edit the
//! route it took is the expected one, and the served site equals a fresh
//! build both ways. (tests/serve.rs drives the real server over HTTP.)

mod common;

use brug::serve::engine::Route;
use common::preview::Preview;
use common::Fixture;
use std::path::Path;

#[test]
fn after_every_kind_of_edit_the_served_site_equals_a_fresh_build() {
    use Route::{Body, Full, Pages, Theme};
    let f = Fixture::new("web");
    let mut preview = Preview::start(f.root());
    let transient = std::cell::RefCell::new(Vec::new());
    let edit = |path: &str, from: &str, to: &str| {
        let text = f.read_source(path);
        assert!(text.contains(from), "{path} has no `{from}`");
        f.write(path, text.replacen(from, to, 1));
    };
    let front = |path: &str, line: &str| {
        let text = f.read_source(path);
        f.write(path, text.replacen("+++\n", &format!("+++\n{line}\n"), 1));
    };
    type Step<'a> = (&'a str, Route, Box<dyn Fn() + 'a>);
    let steps: Vec<Step> = vec![
        (
            "body",
            Body,
            Box::new(|| {
                edit(
                    "content/methods/consensus.nl.md",
                    "\n\n",
                    "\n\nEen extra zin.\n\n",
                )
            }),
        ),
        (
            "body, a German page",
            Body,
            Box::new(|| {
                edit(
                    "content/methods/consensus.de.md",
                    "\n\n",
                    "\n\nNoch ein Satz.\n\n",
                )
            }),
        ),
        (
            "body with a new link: backlinks and relies-on lists change",
            Pages,
            Box::new(|| {
                let text = f.read_source("content/methods/facilitator.nl.md");
                f.write(
                    "content/methods/facilitator.nl.md",
                    format!("{text}\nZie ook [lotsen](../practices/lotsen.md).\n"),
                );
            }),
        ),
        (
            "title",
            Pages,
            Box::new(|| {
                edit(
                    "content/methods/consensus.nl.md",
                    "title = \"Consensus\"",
                    "title = \"Consensus bereiken\"",
                )
            }),
        ),
        (
            "a title saved as editors do: a temporary file renamed over the page",
            Pages,
            Box::new(|| {
                let text = f.read_source("content/methods/consensus.nl.md");
                transient.borrow_mut().push("content/methods/sedq1Xz9");
                f.write(
                    "content/methods/sedq1Xz9",
                    text.replacen("Consensus bereiken", "Consensus vinden", 1),
                );
                std::fs::rename(
                    f.root().join("content/methods/sedq1Xz9"),
                    f.root().join("content/methods/consensus.nl.md"),
                )
                .unwrap();
            }),
        ),
        (
            "a body saved the same way",
            Body,
            Box::new(|| {
                let text = f.read_source("content/methods/consensus.nl.md");
                f.write("content/methods/.consensus.nl.md.kate-swp", "x");
                f.write("content/methods/consensus.nl.md~", text.clone());
                f.write(
                    "content/methods/4913",
                    text.replacen("\n\n", "\n\nNog een zin.\n\n", 1),
                );
                std::fs::rename(
                    f.root().join("content/methods/4913"),
                    f.root().join("content/methods/consensus.nl.md"),
                )
                .unwrap();
                f.remove("content/methods/consensus.nl.md~");
                f.remove("content/methods/.consensus.nl.md.kate-swp");
            }),
        ),
        (
            "weight: the section's order changes",
            Pages,
            Box::new(|| front("content/methods/facilitator.nl.md", "weight = -5")),
        ),
        (
            "summary, shown in the section's list",
            Pages,
            Box::new(|| front("content/methods/consensus.de.md", "summary = \"Kurz.\"")),
        ),
        (
            "title of a section: every page's navigation",
            Pages,
            Box::new(|| {
                edit(
                    "content/methods/_index.nl.md",
                    "title = \"methods\"",
                    "title = \"Methoden\"",
                )
            }),
        ),
        (
            "weight of a section: the navigation's order",
            Pages,
            Box::new(|| front("content/structures/_index.nl.md", "weight = -10")),
        ),
        (
            "title of the home page",
            Pages,
            Box::new(|| {
                edit(
                    "content/_index.nl.md",
                    "title = \"Start\"",
                    "title = \"Begin\"",
                )
            }),
        ),
        (
            "a term added",
            Pages,
            Box::new(|| {
                let text = f.read_source("content/practices/los.nl.md");
                f.write(
                    "content/practices/los.nl.md",
                    text.replacen(
                        "[transfer]",
                        "[taxonomies]\ntarget_groups = [\"migrants\"]\n[transfer]",
                        1,
                    ),
                );
            }),
        ),
        (
            "a term removed",
            Pages,
            Box::new(|| {
                edit(
                    "content/practices/lotsen.de.md",
                    "target_groups = [\"migrants\"]\n",
                    "",
                )
            }),
        ),
        (
            "the last page of a term in a language loses it: its page goes",
            Pages,
            Box::new(|| {
                edit(
                    "content/modules/start.de.md",
                    "target_groups = [\"migrants\"]\n",
                    "",
                )
            }),
        ),
        (
            "and gets it back",
            Pages,
            Box::new(|| {
                edit(
                    "content/modules/start.de.md",
                    "[taxonomies]\n",
                    "[taxonomies]\ntarget_groups = [\"migrants\"]\n",
                )
            }),
        ),
        (
            "transfer status",
            Pages,
            Box::new(|| {
                edit(
                    "content/practices/lotsen.nl.md",
                    "enschede = \"planned\"",
                    "enschede = \"adapting\"",
                )
            }),
        ),
        (
            "related",
            Pages,
            Box::new(|| {
                front(
                    "content/methods/consensus.nl.md",
                    "related = [\"../structures/kerngroep.md\"]",
                )
            }),
        ),
        (
            "a translation recorded from another text is outdated",
            Pages,
            Box::new(|| {
                front(
                    "content/methods/consensus.de.md",
                    "translated_from = \"0000000000\"",
                )
            }),
        ),
        (
            "updated date",
            Pages,
            Box::new(|| front("content/structures/kerngroep.de.md", "updated = 2031-02-03")),
        ),
        (
            "the glossary (its terms' tooltips are on other pages)",
            Full,
            Box::new(|| edit("content/glossary.nl.md", "stuurt &", "leidt &")),
        ),
        (
            "a page becomes a draft",
            Full,
            Box::new(|| front("content/structures/kerngroep.de.md", "draft = true")),
        ),
        (
            "slug",
            Full,
            Box::new(|| front("content/structures/kerngroep.nl.md", "slug = \"kern\"")),
        ),
        (
            "title after a full rebuild",
            Pages,
            Box::new(|| {
                edit(
                    "content/structures/kerngroep.nl.md",
                    "title = \"",
                    "title = \"De ",
                )
            }),
        ),
        (
            "translation_key",
            Full,
            Box::new(|| {
                f.write("content/practices/wonen.de.md", "+++\ntitle = \"Wohnen\"\nkind = \"practice\"\ntranslation_key = \"wonen-paar\"\n[transfer]\nfrom = \"muenster\"\nto = [\"almelo\"]\nstatus = \"adapting\"\n+++\nText.\n");
                let text = f.read_source("content/practices/wonen.nl.md");
                f.write(
                    "content/practices/wonen.nl.md",
                    text.replacen("+++\n", "+++\ntranslation_key = \"wonen-paar\"\n", 1),
                );
            }),
        ),
        (
            "add",
            Full,
            Box::new(|| {
                f.write(
                    "content/modules/extra.nl.md",
                    "+++\ntitle = \"Extra\"\n+++\nZie [start](start.md).\n",
                )
            }),
        ),
        (
            "rename",
            Full,
            Box::new(|| {
                std::fs::rename(
                    f.root().join("content/modules/extra.nl.md"),
                    f.root().join("content/modules/anders.nl.md"),
                )
                .unwrap();
            }),
        ),
        (
            "delete",
            Full,
            Box::new(|| f.remove("content/modules/anders.nl.md")),
        ),
        (
            "template",
            Theme,
            Box::new(|| {
                let base = std::fs::read_to_string(
                    Path::new(env!("CARGO_MANIFEST_DIR"))
                        .join("themes/default/templates/base.html"),
                )
                .unwrap();
                f.write(
                    "themes/default/templates/base.html",
                    base.replacen("</footer>", "<p>Eigen voettekst</p></footer>", 1),
                );
            }),
        ),
        (
            "a stylesheet of the handbook's own",
            Theme,
            Box::new(|| {
                let css = std::fs::read_to_string(
                    Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/site.css"),
                )
                .unwrap();
                f.write(
                    "themes/default/static/site.css",
                    format!("{css}\nmain {{ max-width: 40rem; }}\n"),
                );
            }),
        ),
        (
            "a new asset",
            Theme,
            Box::new(|| f.write("themes/default/static/extra.js", "// extra\n")),
        ),
        (
            "the asset removed again",
            Theme,
            Box::new(|| f.remove("themes/default/static/extra.js")),
        ),
        (
            "the template override removed: the built-in one again",
            Theme,
            Box::new(|| f.remove("themes/default/templates/base.html")),
        ),
        (
            "a template again",
            Theme,
            Box::new(|| {
                let page = std::fs::read_to_string(
                    Path::new(env!("CARGO_MANIFEST_DIR"))
                        .join("themes/default/templates/page.html"),
                )
                .unwrap();
                f.write(
                    "themes/default/templates/page.html",
                    format!("{{# eigen #}}{page}"),
                );
            }),
        ),
        (
            "strings",
            Full,
            Box::new(|| {
                let nl = std::fs::read_to_string(
                    Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n/nl.ftl"),
                )
                .unwrap();
                f.write(
                    "i18n/nl.ftl",
                    nl.replacen("home = Startpagina", "home = Begin", 1),
                );
            }),
        ),
        (
            "config",
            Full,
            Box::new(|| {
                edit(
                    "handbook.toml",
                    "nl = \"Webhandboek\"",
                    "nl = \"Het webhandboek\"",
                )
            }),
        ),
        (
            "title after a template, string and config change",
            Pages,
            Box::new(|| {
                edit(
                    "content/methods/consensus.de.md",
                    "title = \"Konsens\"",
                    "title = \"Konsens finden\"",
                )
            }),
        ),
    ];
    for (name, expected, step) in steps {
        step();
        for path in transient.borrow_mut().drain(..) {
            preview.came_and_went(path);
        }
        let rebuild = preview.check(expected, name);
        if name.starts_with("a title saved as editors do") {
            // Named by the page, not by the temporary file.
            let page = f.root().join("content/methods/consensus.nl.md");
            assert_eq!(rebuild.paths, [page], "{name}");
        }
        if name.starts_with("the asset removed") {
            assert!(
                !preview.serves("static/extra.js"),
                "{name}: the asset is still served"
            );
        }
        if name.contains("its page goes") {
            let gone = "de/merkmale/zielgruppen/zugewanderte/index.html";
            assert!(
                !preview.serves(gone),
                "{name}: the term page is still served"
            );
        }
    }
}

/// The front matter of `text` without its `[transfer]` table (the last
/// table in the fixture's practices).
fn without_transfer(text: &str) -> String {
    let start = text.find("[transfer]").expect("a [transfer] table");
    let end = start + text[start..].find("+++").expect("closing +++");
    format!("{}{}", &text[..start], &text[end..])
}

/// The transfer overview exists while one practice has a `[transfer]`
/// table, and every page's navigation links it: the last table going (or
/// the first coming) changes every page, though no page shows that table.
#[test]
fn the_transfer_overview_comes_and_goes_with_the_last_transfer() {
    let f = Fixture::new("web");
    for page in ["los.nl", "los.de", "lotsen.nl", "lotsen.de"] {
        let path = format!("content/practices/{page}.md");
        f.write(&path, without_transfer(&f.read_source(&path)));
    }
    let mut preview = Preview::start(f.root());
    let last = "content/practices/wonen.nl.md";
    let with = f.read_source(last);
    f.write(last, without_transfer(&with));
    preview.check(Route::Pages, "the last transfer goes");
    assert!(!preview.serves("nl/overdracht/index.html"));
    f.write(last, with);
    preview.check(Route::Pages, "a transfer comes");
    assert!(preview.serves("nl/overdracht/index.html"));
}

/// The search index of a language comes in several files; when an edit
/// makes them fewer, the ones left over are no longer served.
#[test]
fn search_files_an_edit_leaves_behind_are_not_served() {
    let f = Fixture::new("web");
    let headings: String = (1..=80)
        .map(|i| format!("## Kop {i}\n\nTekst {i}.\n\n"))
        .collect();
    let long = format!("+++\ntitle = \"Lang\"\n+++\n{headings}");
    f.write("content/modules/lang.nl.md", &long);
    let mut preview = Preview::start(f.root());
    assert!(preview.serves("search/text-nl-1.js"));
    f.write(
        "content/modules/lang.nl.md",
        "+++\ntitle = \"Lang\"\n+++\nKort.\n",
    );
    preview.check(Route::Pages, "fewer sections");
    assert!(!preview.serves("search/text-nl-1.js"));
}

/// A page shows a window of its neighbours in its section. Moving a page
/// from the end to the front shifts the window of pages that never showed
/// it; they must be rendered again all the same.
#[test]
fn moving_a_page_shifts_the_neighbour_window_of_pages_far_from_it() {
    let f = Fixture::new("web");
    for i in 1..=24 {
        f.write(
            &format!("content/modules/m{i:02}.nl.md"),
            format!("+++\ntitle = \"Module {i:02}\"\nweight = {i}\n+++\nTekst {i}.\n"),
        );
    }
    let mut preview = Preview::start(f.root());
    let text = f.read_source("content/modules/m24.nl.md");
    f.write(
        "content/modules/m24.nl.md",
        text.replace("weight = 24", "weight = -1"),
    );
    preview.check(Route::Pages, "weight");
    // And a title alone changes no window: far pages stay as they were.
    let text = f.read_source("content/modules/m12.nl.md");
    f.write(
        "content/modules/m12.nl.md",
        text.replace("Module 12", "Module twaalf"),
    );
    preview.check(Route::Pages, "title");
}

/// An error found only once the handbook is assembled again (an unknown
/// city in front matter that parses): the rebuild fails and the last good
/// site stays; the fix is a full build, and the next edit takes the
/// in-place route again.
#[test]
fn a_bad_edit_found_late_keeps_the_last_good_site_and_recovers() {
    let f = Fixture::new("web");
    let mut preview = Preview::start(f.root());
    let before = preview.engine.files();
    let file = "content/practices/lotsen.nl.md";
    let good = f.read_source(file);
    let gidsen = good.replacen("title = \"Lotsen\"", "title = \"Gidsen\"", 1);
    f.write(
        file,
        gidsen.replacen("from = \"muenster\"", "from = \"atlantis\"", 1),
    );
    let failed = preview.rebuild();
    assert!(failed.failed && failed.errors() > 0, "{failed:#?}");
    assert!(failed
        .diagnostics
        .iter()
        .any(|d| d.message.contains("atlantis")));
    assert!(
        std::sync::Arc::ptr_eq(&before, &preview.engine.files()),
        "the last good site stays"
    );
    f.write(file, gidsen);
    preview.check(Route::Full, "fixed");
    f.write(file, good);
    preview.check(Route::Pages, "and edited in place again");
}

/// A template that does not compile: the rebuild fails and names it;
/// removing it brings the built-in one back through a full build, and the
/// next theme change takes the theme route again.
#[test]
fn a_broken_template_keeps_the_last_good_site_and_recovers() {
    let f = Fixture::new("web");
    let mut preview = Preview::start(f.root());
    f.write("themes/default/templates/page.html", "{% if %}kapot");
    let failed = preview.rebuild();
    assert_eq!(failed.route, Route::Full);
    assert!(failed.failed, "{failed:#?}");
    assert!(failed
        .diagnostics
        .iter()
        .any(|d| d.message.contains("template")));
    assert!(preview.serves("nl/methods/consensus/index.html"));
    f.remove("themes/default/templates/page.html");
    preview.check(Route::Full, "the broken template removed");
    let base = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/page.html"),
    )
    .unwrap();
    f.write(
        "themes/default/templates/page.html",
        format!("{{# eigen #}}{base}"),
    );
    preview.check(Route::Theme, "a template after a broken one");
}

/// The glossary is the page `glossary` in handbook.toml names, whatever it
/// holds: with every term's first block a list item it defines nothing,
/// and the edit that makes one term a paragraph must reach the pages that
/// link to it (their tooltips) and the glossary's list of uses, exactly as
/// a fresh build has them.
#[test]
fn a_glossary_that_defines_nothing_yet_is_still_the_glossary() {
    let f = Fixture::new("web");
    for lang in ["nl", "de"] {
        let path = format!("content/glossary.{lang}.md");
        f.write(&path, terms_as_list_items(&f.read_source(&path)));
    }
    let mut preview = Preview::start(f.root());
    let glossary = preview.engine.files()["nl/begrippen/index.html"]
        .bytes
        .clone();
    assert!(!String::from_utf8_lossy(&glossary).contains("term-uses"));
    let path = "content/glossary.nl.md";
    let text = f.read_source(path);
    let first = text.find("\n- ").expect("a list item") + 1;
    f.write(path, format!("{}{}", &text[..first], &text[first + 2..]));
    let rebuild = preview.check(Route::Full, "the first term becomes a paragraph");
    assert!(rebuild.changed.len() > 1, "{:?}", rebuild.changed);
    let glossary = preview.engine.files()["nl/begrippen/index.html"]
        .bytes
        .clone();
    assert!(String::from_utf8_lossy(&glossary).contains("term-uses"));
}

/// `text` with the first block under each `##` heading turned into a list
/// item, so that no term has a first paragraph.
fn terms_as_list_items(text: &str) -> String {
    let mut out = String::new();
    let mut after_heading = false;
    for line in text.split_inclusive('\n') {
        if after_heading && !line.trim().is_empty() {
            out.push_str("- ");
            after_heading = false;
        } else if line.starts_with("## ") {
            after_heading = true;
        }
        out.push_str(line);
    }
    out
}
