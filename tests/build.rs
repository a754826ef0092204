//! The output contract of `brug build` on a fixture handbook: pairs,
//! alternates, the language switch, links and anchors, sitemap, 404,
//! language chooser. Missing and outdated translations' notices are cases
//! in `tests/cases/`; minification is in `tests/minify.rs`.

mod common;
use common::{attrs, main_of, Fixture};
use std::path::Path;

#[test]
fn pages_land_at_their_slugs_in_both_languages() {
    let f = Fixture::new("basic");
    f.build();
    for path in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "nl/index.html",
        "de/index.html",
        "nl/modules/index.html",
        "de/module/index.html",
        "nl/modules/start/index.html",
        "de/module/auftakt/index.html",
        "nl/methods/consensus/index.html",
        "de/methoden/consensus/index.html",
        "nl/modules/schema.png",
        "de/module/schema.png",
        "static/site.css",
        "static/highlight-light.css",
        "static/highlight-dark.css",
        ".brug-output",
    ] {
        assert!(f.out().join(path).is_file(), "{path} missing");
    }
}

#[test]
fn pairs_have_lang_alternates_and_a_switch_to_the_counterpart() {
    let f = Fixture::new("basic");
    f.build();
    let nl = f.page("nl/modules/start/index.html");
    assert!(nl.contains("<html lang=\"nl\">"));
    assert!(
        nl.contains(
            "<link rel=\"alternate\" hreflang=\"de\" href=\"../../../de/module/auftakt/\">"
        ),
        "{nl}"
    );
    assert!(nl.contains("<link rel=\"alternate\" hreflang=\"nl\" href=\"./\">"));
    assert!(nl.contains(
        "<a href=\"../../../de/module/auftakt/\" hreflang=\"de\" lang=\"de\">Deutsch</a>"
    ));
    let de = f.page("de/module/auftakt/index.html");
    assert!(de.contains("<html lang=\"de\">"));
    assert!(de.contains(
        "<a href=\"../../../nl/modules/start/\" hreflang=\"nl\" lang=\"nl\">Nederlands</a>"
    ));
    // Pairing through translation_key: different file names, one pair.
    let konsens = f.page("de/methoden/consensus/index.html");
    assert!(
        konsens.contains("hreflang=\"nl\" href=\"../../../nl/methods/consensus/\""),
        "{konsens}"
    );
}

#[test]
fn every_internal_link_and_anchor_in_the_output_exists() {
    let f = Fixture::new("basic");
    f.build();
    let out = f.out();
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(&out).into_iter().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "html") || path.ends_with("404.html") {
            continue;
        }
        let html = std::fs::read_to_string(path).unwrap();
        for href in attrs(&html, "href").into_iter().chain(attrs(&html, "src")) {
            if href.contains("://") || href.starts_with("mailto:") {
                continue;
            }
            let (file_part, anchor) = href.split_once('#').unwrap_or((href, ""));
            let mut target = if file_part.is_empty() {
                path.to_path_buf()
            } else {
                path.parent().unwrap().join(file_part)
            };
            if file_part.ends_with('/') || file_part == "." || target.is_dir() {
                target = target.join("index.html");
            }
            let target = normalize(&target);
            assert!(
                target.is_file(),
                "{}: link {href} → {} does not exist",
                path.display(),
                target.display()
            );
            if !anchor.is_empty() {
                let page = std::fs::read_to_string(&target).unwrap();
                assert!(
                    page.contains(&format!("id=\"{anchor}\"")),
                    "{}: anchor {href} missing",
                    path.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links checked");
}

fn normalize(p: &Path) -> std::path::PathBuf {
    let mut out = std::path::PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

#[test]
fn markdown_features_render() {
    let f = Fixture::new("basic");
    f.build();
    let main = main_of(&f.page("nl/modules/start/index.html")).to_string();
    // Links to source files become relative URLs, language-neutral and explicit.
    assert!(
        main.contains("<a href=\"../coaching/\">coaching</a>"),
        "{main}"
    );
    assert!(main.contains("<a href=\"../../methods/\">methoden</a>"));
    assert!(main.contains("<a href=\"../../../de/module/auftakt/\">Duitse origineel</a>"));
    assert!(main.contains("<a href=\"../schema.png\">schema</a>"));
    assert!(main.contains("<a href=\"#werkvorm\">toelichting</a>"));
    // Tables, task lists, footnotes, strikethrough.
    assert!(main.contains("<table>"));
    assert!(
        main.contains("<span class=\"task-mark\">☑</span> Uitnodigen"),
        "{main}"
    );
    assert!(
        !main.contains("type=\"checkbox\""),
        "unlabelled checkboxes fail WCAG"
    );
    assert!(main.contains("footnote"));
    assert!(main.contains("<del>doorgehaald</del>"));
    // Heading ids readable for umlauts and ß; a table of contents.
    assert!(
        main.contains("<h2 id=\"coordinatie-en-ideeen\">"),
        "Dutch trema: {main}"
    );
    let de = f.page("de/module/auftakt/index.html");
    assert!(
        de.contains("<h2 id=\"uebersicht-und-strasse\">"),
        "German umlaut and ß"
    );
    assert!(main.contains("<nav class=\"toc\""));
    assert!(main.contains("<a href=\"#inhoud\">Inhoud</a>"));
    // Code highlighted with classes only.
    assert!(main.contains("<pre class=\"code\" data-lang=\"json\">"));
    assert!(main.contains("class=\"hl-"));
    assert!(!main.contains("style=\""));
    // Two headings: no table of contents.
    assert!(!f
        .page("nl/methods/consensus/index.html")
        .contains("class=\"toc\""));
}

#[test]
fn navigation_breadcrumbs_and_prev_next_follow_weight() {
    let f = Fixture::new("basic");
    f.build();
    let html = f.page("nl/modules/coaching/index.html");
    let main = main_of(&html);
    assert!(
        main.contains("<a class=\"prev\" rel=\"prev\" href=\"../start/\">"),
        "{main}"
    );
    assert!(main.contains("<a class=\"next\" rel=\"next\" href=\"../bezoek/\">"));
    assert!(main.contains("<li><a href=\"../\">Modules</a></li>"));
    assert!(html.contains("<a class=\"skip-link\" href=\"#main\">"));
    // Main navigation: sections by weight.
    let nav_start = html.find("class=\"main-nav\"").unwrap();
    let nav = &html[nav_start..];
    assert!(nav.find("Modules").unwrap() < nav.find("Methoden").unwrap());
    // Dates as each language writes them.
    assert!(f
        .page("nl/modules/start/index.html")
        .contains("Bijgewerkt op 24 november 2026"));
    assert!(f
        .page("de/module/auftakt/index.html")
        .contains("Aktualisiert am 24. November 2026"));
    // Plural counts from Fluent.
    assert!(f.page("nl/modules/index.html").contains("3 pagina's"));
    assert!(f.page("de/methoden/index.html").contains("1 Seite"));
}

#[test]
fn site_level_files() {
    let f = Fixture::new("basic");
    f.build();
    let chooser = f.page("index.html");
    assert!(
        chooser.contains("href=\"nl/index.html\""),
        "works from file://: {chooser}"
    );
    assert!(chooser.contains("href=\"de/index.html\""));
    let sitemap = f.page("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/handboek/nl/modules/start/</loc>"));
    assert!(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"https://example.org/handboek/de/module/auftakt/\"/>"));
    assert!(
        !sitemap.contains("de/module/bezoek/"),
        "fallback pages are not in the sitemap"
    );
    let not_found = f.page("404.html");
    assert!(
        not_found.contains("href=\"/handboek/static/site.css\""),
        "404 works at any depth"
    );
    assert!(not_found.contains("Pagina niet gevonden"));
    let index = f.page("nl/search/index.html");
    assert!(index.contains("Alle pagina's"));
}

#[test]
fn nothing_is_loaded_from_outside_the_site() {
    let f = Fixture::new("basic");
    f.build();
    for (path, bytes) in f.snapshot() {
        if path.extension().is_some_and(|e| e == "html" || e == "css") {
            let text = String::from_utf8_lossy(&bytes);
            for attr in ["src", "href"] {
                for v in attrs(&text, attr) {
                    assert!(
                        !v.starts_with("http") && !v.starts_with("//"),
                        "{}: {v}",
                        path.display()
                    );
                }
            }
            assert!(!text.contains("@import"), "{}", path.display());
        }
    }
}

#[test]
fn a_build_prints_a_one_line_summary() {
    let f = Fixture::new("basic");
    let run = f.build();
    let last = run.stderr.lines().last().unwrap();
    assert!(last.starts_with("built 7 nl + 6 de pages into"), "{last}");
    assert!(
        last.contains("1 missing and 2 outdated translation(s)"),
        "{last}"
    );
    let files = std::fs::read_to_string(f.out().join(".brug-output"))
        .unwrap()
        .lines()
        .skip(2)
        .count();
    assert!(
        last.contains(&format!("into {} ({files} files);", f.out().display())),
        "{last}"
    );
    // A second build says that it wrote nothing.
    let again = f.build();
    let last = again.stderr.lines().last().unwrap();
    assert!(
        last.contains(&format!(
            "(0 file(s) written, {files} unchanged, 0 removed);"
        )),
        "{last}"
    );
}

#[test]
fn theme_files_are_overridden_file_by_file_and_strings_message_by_message() {
    let f = Fixture::new("basic");
    f.build();
    let footer = |page: &str| {
        let at = page.find("<footer").unwrap();
        page[at..].to_string()
    };
    // By default the footer says what handbook.toml's description says.
    assert!(footer(&f.page("nl/index.html")).contains("Een klein handboek om brug te testen."));
    f.write(
        "i18n/nl.ftl",
        "footer-text = Gemeente Test: { $description }\n",
    );
    f.write("themes/default/static/site.css", "body{color:#000}");
    f.build();
    assert!(f
        .page("nl/index.html")
        .contains("Gemeente Test: Een klein handboek"));
    assert!(!f.page("de/index.html").contains("Gemeente Test:"));
    assert!(
        f.page("nl/index.html").contains("Direct naar de inhoud"),
        "the other strings stay built in"
    );
    assert_eq!(f.page("static/site.css"), "body{color:#000}");
    assert!(
        f.out().join("static/highlight-dark.css").exists(),
        "other theme files stay embedded"
    );
    // A template changed is every page changed, though no context did:
    // a build into the same output must not keep the pages it made before.
    let base = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html"),
    )
    .unwrap();
    let marked = base.replace("</footer>", "<p>Gemeente Test</p></footer>");
    assert_ne!(marked, base);
    f.write("themes/default/templates/base.html", marked);
    f.build();
    for page in [
        "nl/index.html",
        "de/index.html",
        "nl/modules/start/index.html",
    ] {
        assert!(
            footer(&f.page(page)).contains("<p>Gemeente Test</p>"),
            "{page}"
        );
    }
}

#[test]
fn static_files_with_spaces_are_linked_encoded() {
    let f = Fixture::new("basic");
    f.write("content/modules/mijn plan.pdf", "%PDF-1.4");
    f.write("content/modules/bezoek.nl.md", "+++\ntitle = \"Werkbezoeken\"\n+++\nZie [het plan](mijn%20plan.pdf) en [coaching](coaching.md).\n");
    f.build();
    assert!(f.out().join("nl/modules/mijn plan.pdf").is_file());
    assert!(f
        .page("nl/modules/bezoek/index.html")
        .contains("<a href=\"../mijn%20plan.pdf\">het plan</a>"));
}

#[test]
fn a_draft_builds_in_spite_of_errors_and_every_page_says_so() {
    let f = Fixture::new("basic");
    f.write(
        "content/modules/bezoek.nl.md",
        "+++\ntitle = \"Werkbezoeken\"\n+++\nZie [het plan](plan-b.md) en [coaching](coaching.md#nergens).\n",
    );
    assert_eq!(f.brug(&["build"]).code, 1, "a normal build refuses");
    assert!(!f.out().exists());
    let draft = f.brug(&["build", "--draft", "--no-minify"]);
    assert_eq!(draft.code, 0, "{}", draft.stderr);
    assert!(
        draft
            .stderr
            .contains("warning: `plan-b.md` does not exist (an error; built anyway as a draft)"),
        "{}",
        draft.stderr
    );
    assert!(!f.out().exists(), "public/ stays untouched");
    let page = std::fs::read_to_string(f.root().join("public-draft/nl/modules/bezoek/index.html"))
        .unwrap();
    assert!(page.contains("class=\"draft-banner\""), "{page}");
    assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
    let bundle = f.brug(&["bundle"]);
    assert_eq!(
        bundle.code, 1,
        "a bundle is never a draft:\n{}",
        bundle.stderr
    );
}

#[test]
fn a_build_killed_at_any_moment_leaves_what_the_next_build_repairs() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let f = Fixture::new("web");
    let toml = f.read_source("handbook.toml");
    // B differs from A on every page (the title is in every header).
    let title = |t: &str| f.write("handbook.toml", toml.replace("Webhandboek", t));
    let build = || {
        let run = f.brug(&["build", "--no-minify"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    };
    title("Handboek B");
    let expected = common::fresh_build(f.root(), "B");
    let listed = |out: &std::path::Path| {
        let marker = std::fs::read_to_string(out.join(".brug-output")).unwrap();
        // Each line: source hash, size, modification time, path.
        marker
            .lines()
            .skip(2)
            .filter_map(|l| l.splitn(4, ' ').nth(3).map(str::to_string))
            .collect::<Vec<_>>()
    };
    let mut delay = Duration::ZERO;
    loop {
        title("Handboek A");
        build();
        title("Handboek B");
        let mut child = Command::new(env!("CARGO_BIN_EXE_brug"))
            .args(["build", "--no-minify", "--root"])
            .arg(f.root())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while start.elapsed() < delay && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_millis(1));
        }
        let finished = child.try_wait().unwrap().is_some();
        let _ = child.kill(); // SIGKILL: no clean-up runs
        let _ = child.wait();
        // Whatever the moment: every file there is listed as brug's (or
        // is the marker, or the new marker not yet renamed into place).
        let listed = listed(&f.out());
        for (path, _) in common::snapshot(&f.out()) {
            let path = path.to_string_lossy().replace('\\', "/");
            assert!(
                path.starts_with(".brug-output") || listed.contains(&path),
                "killed after {delay:?}: {path} is not listed"
            );
        }
        build();
        let repaired: std::collections::BTreeMap<String, Vec<u8>> = common::snapshot(&f.out())
            .into_iter()
            .map(|(p, b)| (p.to_string_lossy().replace('\\', "/"), b))
            .filter(|(p, _)| p != ".brug-output")
            .collect();
        assert!(repaired == expected, "killed after {delay:?}: not repaired");
        if finished {
            break;
        }
        delay += Duration::from_millis(15);
    }
}

#[test]
fn build_pdf_puts_each_languages_pdf_into_the_site_and_every_print_link_offers_it() {
    let f = Fixture::new("web");
    let run = f.brug(&["build", "--pdf", "--no-minify"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let nl = std::fs::read(f.out().join("webhandboek-nl.pdf")).unwrap();
    assert!(nl.starts_with(b"%PDF-") && f.out().join("webhandbuch-de.pdf").exists());
    let kb = nl.len().div_ceil(1024);
    let page = f.page("nl/methods/consensus/index.html");
    let link = format!(
        "<a href=\"../../../webhandboek-nl.pdf\" type=\"application/pdf\">Handboek als pdf ({kb} KB)</a>"
    );
    assert!(page.contains(&link), "{link}\n{page}");
    let de = f.page("de/index.html");
    assert!(de.contains("href=\"../webhandbuch-de.pdf\""), "{de}");
    // A draft gets no PDF: it could not say so on every page.
    let draft = f.brug(&["build", "--pdf", "--draft"]);
    assert_eq!(draft.code, 2, "{}", draft.stderr);
    assert!(
        draft.stderr.contains("cannot be used with"),
        "{}",
        draft.stderr
    );
    // A build without --pdf offers none and removes the PDFs it made.
    let again = f.brug(&["build", "--no-minify"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(!f.out().join("webhandboek-nl.pdf").exists());
    let page = f.page("nl/methods/consensus/index.html");
    assert!(!page.contains(".pdf"), "{page}");
}

/// A build into its own output skips what it made before from the same
/// source: each page by its template context, each search index by all
/// the text it indexes. Every kind of change must still reach the output,
/// which then matches a fresh build of the same sources.
#[test]
fn a_rebuild_skips_only_what_is_made_from_the_same_source() {
    let f = Fixture::new("web");
    let build = || {
        let run = f.brug(&["build", "--no-minify"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stderr.lines().last().unwrap().to_string()
    };
    let files = |step: &str| -> std::collections::BTreeMap<String, Vec<u8>> {
        let mine: std::collections::BTreeMap<String, Vec<u8>> = common::snapshot(&f.out())
            .into_iter()
            .map(|(p, b)| (p.to_string_lossy().replace('\\', "/"), b))
            .filter(|(p, _)| p != ".brug-output")
            .collect();
        assert!(mine == common::fresh_build(f.root(), step), "{step}");
        mine
    };
    build();
    let first = files("first");
    assert!(build().contains("(0 file(s) written"), "nothing changed");
    let edits: [(&str, &str, &str); 3] = [
        // Only the page's text: its page and its language's search index.
        (
            "content/modules/start.nl.md",
            "",
            "\n\nEen zin met het woord zeldzaamheid.\n",
        ),
        // A title: every page that links it, the index's page list.
        (
            "content/methods/consensus.de.md",
            "title = \"",
            "title = \"Neu: ",
        ),
        // A summary: indexed, and shown in lists.
        (
            "content/methods/facilitator.nl.md",
            "+++\n",
            "+++\nsummary = \"Wie het gesprek leidt.\"\n",
        ),
    ];
    let mut before = first;
    for (path, find, with) in edits {
        let text = f.read_source(path);
        let changed = match find {
            "" => format!("{text}{with}"),
            _ => text.replacen(find, with, 1),
        };
        assert_ne!(changed, text, "{path}");
        f.write(path, changed);
        let line = build();
        assert!(!line.contains("(0 file(s) written"), "{path}: {line}");
        let after = files(path);
        let search_changed = after
            .iter()
            .any(|(p, b)| p.starts_with("search/") && before.get(p) != Some(b));
        assert!(search_changed, "{path}: the search index follows");
        before = after;
    }
    let found = before
        .iter()
        .any(|(p, b)| p.starts_with("search/") && String::from_utf8_lossy(b).contains("zeldzaam"));
    assert!(found, "the new word is indexed");
}

/// A build into a folder frees the Markdown sources once they are
/// analysed (but those side-by-side views render again); `brug serve`
/// keeps them all. Both must make the same files: on the shipped handbook
/// (every feature: print view, transfer overview, glossary, outdated
/// translations) and on a fixture, each with and without side-by-side
/// views.
#[test]
fn a_build_into_a_folder_makes_the_files_a_build_in_memory_makes() {
    use brug::build::site::{options, run_to, Dest};
    let shipped = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for part in ["content", "i18n", "themes"] {
        common::copy_dir(&repo.join(part), &shipped.path().join(part));
    }
    std::fs::copy(
        repo.join("handbook.toml"),
        shipped.path().join("handbook.toml"),
    )
    .unwrap();
    let web = Fixture::new("web");
    for root in [shipped.path(), web.root()] {
        for side_by_side in [true, false] {
            let config = root.join("handbook.toml");
            let text = std::fs::read_to_string(&config).unwrap();
            let text = text.split("\n[output]\n").next().unwrap().to_string();
            let table = format!("\n[output]\nside_by_side = {side_by_side}\n");
            std::fs::write(&config, text + &table).unwrap();
            let kept = std::sync::Mutex::new(std::collections::BTreeMap::new());
            let report = run_to(
                root,
                Dest::Memory(&|o| {
                    kept.lock().unwrap().insert(o.path, o.bytes);
                }),
                options(false),
            );
            assert_eq!(report.errors(), 0, "{:?}", report.diagnostics);
            let kept = kept.into_inner().unwrap();
            let written = common::fresh_build(root, "written");
            let sides = written
                .keys()
                .filter(|p| p.contains("/naast-elkaar/"))
                .count();
            assert_eq!(sides > 0, side_by_side, "{}", root.display());
            assert_eq!(
                written.keys().collect::<Vec<_>>(),
                kept.keys().collect::<Vec<_>>()
            );
            for (path, bytes) in &written {
                assert!(kept[path] == *bytes, "{path} differs in {}", root.display());
            }
        }
    }
}

/// A build into a folder frees each page's text once it is rendered; the
/// checks that run after (anchors, related entries, orphans) read the file
/// again to place their diagnostics. `check` keeps the texts: both must
/// report the same lines, columns and excerpts.
#[test]
fn diagnostics_after_the_texts_are_freed_are_placed_as_check_places_them() {
    let f = Fixture::new("web");
    // Pages of side-by-side views keep their texts: none here.
    let config = f.read_source("handbook.toml");
    f.write(
        "handbook.toml",
        format!("{config}\n[output]\nside_by_side = false\n"),
    );
    let page = "content/modules/wees.nl.md";
    let text = f.read_source(page);
    // Windows line ends and a byte order mark: loading removes both, so
    // reading again must too, or every column after them would shift.
    let text = text
        .replacen("+++\n", "+++\nrelated = [\"nergens\"]\n", 1)
        .replace("[start](start.md)", "[start](start.md#nergens)")
        .replace('\n', "\r\n");
    f.write(page, format!("\u{feff}{text}"));
    let diagnostics = |run: &common::Run| -> Vec<String> {
        let lines: Vec<&str> = run.stderr.lines().collect();
        lines[..lines.len() - 1]
            .iter()
            .map(|l| l.to_string())
            .collect()
    };
    let check = f.brug(&["check"]);
    let build = f.brug(&["build"]);
    assert_ne!(build.code, 0, "a broken anchor is an error");
    let (check, build) = (diagnostics(&check), diagnostics(&build));
    for wanted in [
        "the anchor `#nergens` does not exist",
        "the related entry `nergens` does not resolve",
        "no other page links to this page (an orphan)",
    ] {
        assert!(build.iter().any(|l| l.contains(wanted)), "{wanted}");
    }
    assert!(build.iter().any(|l| l.contains("wees.nl.md:")), "placed");
    assert_eq!(build, check);
}

/// `--pdf` typesets from the pages' texts after the analysis, so a build
/// into a folder frees them only afterwards (but those the side-by-side
/// views render again): it makes the files an in-memory build makes.
#[test]
fn a_pdf_build_into_a_folder_makes_the_files_a_build_in_memory_makes() {
    use brug::build::site::{options, run_to, Dest};
    let f = Fixture::new("web");
    for side_by_side in [false, true] {
        let config = f.read_source("handbook.toml");
        let config = config.split("\n[output]\n").next().unwrap().to_string();
        f.write(
            "handbook.toml",
            format!("{config}\n[output]\nside_by_side = {side_by_side}\n"),
        );
        let kept = std::sync::Mutex::new(std::collections::BTreeMap::new());
        let opts = brug::render::RenderOptions {
            pdf: true,
            ..options(false)
        };
        let keep = |o: brug::render::Output| {
            kept.lock().unwrap().insert(o.path, o.bytes);
        };
        let report = run_to(f.root(), Dest::Memory(&keep), opts);
        assert_eq!(report.errors(), 0, "{:?}", report.diagnostics);
        let kept = kept.into_inner().unwrap();
        let out = tempfile::tempdir().unwrap();
        let site = out.path().join("site");
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_brug"));
        cmd.args(["build", "--pdf", "--no-minify", "--root"])
            .arg(f.root())
            .arg("--out")
            .arg(&site);
        common::run(cmd).ok();
        let written: std::collections::BTreeMap<String, Vec<u8>> = common::snapshot(&site)
            .into_iter()
            .map(|(p, b)| (p.to_string_lossy().replace('\\', "/"), b))
            .filter(|(p, _)| p != ".brug-output")
            .collect();
        assert!(written.keys().any(|p| p.ends_with(".pdf")));
        let sides = written.keys().any(|p| p.contains("/naast-elkaar/"));
        assert_eq!(sides, side_by_side);
        assert_eq!(
            written.keys().collect::<Vec<_>>(),
            kept.keys().collect::<Vec<_>>()
        );
        for (path, bytes) in &written {
            assert!(
                kept[path] == *bytes,
                "{path} differs (side by side: {side_by_side})"
            );
        }
    }
}
