//! Minification: pages, theme scripts and stylesheets are minified by
//! default, and a minified page, whose map brug writes minified itself, is
//! what the minifier makes of the whole page.

mod common;
use common::Fixture;
use std::path::Path;

#[test]
fn default_build_is_minified_and_smaller() {
    let f = Fixture::new("basic");
    f.brug(&["build"]).ok();
    let minified = f.page("nl/modules/start/index.html");
    f.build();
    let plain = f.page("nl/modules/start/index.html");
    assert!(
        minified.len() < plain.len() * 9 / 10,
        "{} vs {}",
        minified.len(),
        plain.len()
    );
    assert!(
        minified.starts_with("<!doctype html>") || minified.starts_with("<!DOCTYPE html>"),
        "doctype kept valid"
    );
}

/// A minified page's map is written minified by brug and put in after the
/// rest is minified: every page must be what the minifier makes of the
/// whole page, map included (titles with `&`, `<`, quotes, apostrophes and
/// runs of spaces, a missing translation's marker, an opened section).
/// Outside the map, byte for byte; inside, the same text and markup, where
/// brug may spell a character reference or a run of spaces otherwise.
#[test]
fn a_minified_page_is_its_whole_unminified_page_minified() {
    let f = Fixture::new("web");
    let retitle = |path: &str, title: &str| {
        let text = f.read_source(path);
        let old = text.lines().find(|l| l.starts_with("title = ")).unwrap();
        f.write(path, text.replacen(old, &format!("title = {title:?}"), 1));
    };
    retitle("content/methods/_index.nl.md", "Methoden & \"werk\" <b>");
    retitle("content/practices/_index.de.md", "Praxis & Beispiele 'X'");
    retitle("content/practices/los.de.md", "R&D < 3 & 4 > 2 &amp;");
    retitle("content/practices/lotsen.de.md", "Lotsen  und   Paten");
    // (the page without its map's items, the map's items)
    let split = |page: &str| -> (String, String) {
        let Some(nav) = page.find("<nav class=map-tree") else {
            return (page.to_string(), String::new());
        };
        let start = nav + page[nav..].find('>').unwrap() + 1;
        let end = start + page[start..].find("</nav>").unwrap();
        let outside = format!("{}{}", &page[..start], &page[end..]);
        (outside, page[start..end].to_string())
    };
    // The text a reader gets: the references either spells decoded (in
    // one pass, as a browser does), runs of spaces as one.
    let read = |html: &str| {
        let refs = [
            "&amp;", "&AMP;", "&amp", "&AMP", "&lt;", "&LT;", "&lt", "&LT",
        ];
        let mut text = String::new();
        let mut rest = html;
        while let Some(c) = rest.chars().next() {
            match refs.iter().find(|r| rest.starts_with(**r)) {
                Some(r) => {
                    text.push(if r[1..].starts_with(['a', 'A']) {
                        '&'
                    } else {
                        '<'
                    });
                    rest = &rest[r.len()..];
                }
                None => {
                    text.push(c);
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let mut maps = 0;
    for (path, built, whole) in built_and_whole(&f) {
        let (whole_outside, whole_map) = split(&whole);
        let (outside, map) = split(&built);
        assert_eq!(outside, whole_outside, "{}", path.display());
        assert_eq!(read(&map), read(&whole_map), "{}", path.display());
        maps += usize::from(!map.is_empty());
    }
    assert!(maps > 20, "{maps} pages with a map");
    let de = f.page("de/practices/lotsen/index.html");
    assert!(de.contains("class=missing-marker"), "{de}");
    assert!(de.contains("<details open>"), "{de}");
    assert!(de.contains(">R&amp;D &lt; 3 & 4 > 2 &amp;amp;</a>"), "{de}");
    // Raw HTML of a trusted handbook that writes the map's placeholder
    // itself: the page is minified whole, with the map where it belongs.
    let toml = f.read_source("handbook.toml");
    f.write(
        "handbook.toml",
        format!("{toml}\n[markdown]\nraw_html = \"trusted\"\n"),
    );
    let body = f.read_source("content/modules/start.nl.md");
    f.write(
        "content/modules/start.nl.md",
        format!("{body}\n<brug-map></brug-map>\n"),
    );
    let run = f.brug(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = f.page("nl/modules/start/index.html");
    let (_, map) = split(&page);
    assert!(map.starts_with("<ul><li>"), "{page}");
    assert_eq!(page.matches("<brug-map></brug-map>").count(), 1, "{page}");
}

#[test]
fn the_themes_scripts_and_stylesheets_are_minified_as_the_pages_are() {
    const FILES: [&str; 10] = [
        "site.js",
        "site.css",
        "search/dictionary.js",
        "search/score.js",
        "search/search.js",
        "search/search-ui.js",
        "search/analyze.js",
        "search/analysis-data.js",
        "search/snowball/dutch.js",
        "search/snowball/german.js",
    ];
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static");
    let source = |file: &str| std::fs::read_to_string(theme.join(file)).unwrap();
    let f = Fixture::new("basic");
    f.brug(&["build"]).ok();
    for file in FILES {
        let (built, theirs) = (f.page(&format!("static/{file}")), source(file));
        assert!(
            built.len() < theirs.len() * 9 / 10,
            "{file}: {} of {}",
            built.len(),
            theirs.len()
        );
        assert!(
            !built.contains("\n  ") && !built.contains("/* "),
            "{file}: {built}"
        );
    }
    // `--no-minify` and `minify = false` write them as they are.
    f.build();
    for file in FILES {
        assert_eq!(f.page(&format!("static/{file}")), source(file), "{file}");
    }
    let toml = f.read_source("handbook.toml");
    f.write("handbook.toml", format!("minify = false\n{toml}"));
    f.brug(&["build"]).ok();
    assert_eq!(f.page("static/site.css"), source("site.css"));
}

/// A theme that does not show the map as it is (here: its text only)
/// gets the map itself, not the placeholder that stands for it while a
/// page is minified.
#[test]
fn a_theme_that_filters_the_map_gets_the_map() {
    let f = Fixture::new("web");
    let base = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html"),
    )
    .unwrap();
    let filtered = base.replace("{{ site.map | safe }}", "{{ site.map | striptags }}");
    assert_ne!(filtered, base);
    f.write("themes/default/templates/base.html", filtered);
    let mut pages = 0;
    for (path, built, whole) in built_and_whole(&f) {
        assert!(!built.contains("brug-map"), "{}: {built}", path.display());
        assert_eq!(built, whole, "{}", path.display());
        pages += 1;
    }
    assert!(pages > 20, "{pages}");
    let page = f.page("nl/modules/start/index.html");
    assert!(
        page.contains("tabindex=0>StartBegrippen"),
        "the map's text: {page}"
    );
}

/// Builds `f` minified and, into `plain/`, not: each HTML page as built
/// minified, with its unminified page minified whole by the minifier.
fn built_and_whole(f: &Fixture) -> Vec<(std::path::PathBuf, String, String)> {
    let run = f.brug(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let plain = f.root().join("plain");
    let run = f.brug(&["build", "--no-minify", "--out", plain.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let minified = common::snapshot(&f.out());
    common::snapshot(&plain)
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == "html"))
        .map(|(path, bytes)| {
            let whole = String::from_utf8(brug::render::minify::html(&bytes)).unwrap();
            let built = String::from_utf8(minified[&path].clone()).unwrap();
            (path, built, whole)
        })
        .collect()
}
