//! The print view on the shipped handbook's shape (`web` fixture): every
//! page once, in reading order, as a chapter; links between pages become
//! links within the document; every id a link needs exists; every page
//! links to its chapter.

mod common;
use common::{attrs, Fixture};

#[test]
fn the_print_view_holds_every_page_in_reading_order_with_internal_links() {
    let f = Fixture::new("web");
    f.build();
    let html = f.page("nl/afdrukken/index.html");
    let chapters: Vec<&str> = html
        .split("<section class=\"chapter")
        .skip(1)
        .map(|s| {
            let h2 = &s[s.find("<h2 id=").unwrap()..];
            &h2[h2.find('>').unwrap() + 1..h2.find("</h2>").unwrap()]
        })
        .collect();
    // Home first, then each section's index before its pages; Dutch pages
    // only (the German-only counterpart of nothing is missing here).
    assert_eq!(chapters[0], "Start", "{chapters:?}");
    let pos = |t: &str| {
        chapters
            .iter()
            .position(|c| *c == t)
            .unwrap_or_else(|| panic!("{t} in {chapters:?}"))
    };
    assert!(
        pos("methods") < pos("Consensus") && pos("Consensus") < pos("structures"),
        "{chapters:?}"
    );
    let pages = f
        .snapshot()
        .keys()
        .filter(|p| {
            let p = p.to_string_lossy();
            p.starts_with("nl/")
                && p.ends_with("index.html")
                && !p.contains("kenmerken")
                && !p.contains("overdracht")
                && !p.contains("afdrukken")
                && !p.contains("naast-elkaar")
                && !p.contains("search")
        })
        .count();
    assert_eq!(
        chapters.len(),
        pages,
        "every Dutch page is a chapter: {chapters:?}"
    );
    // Every in-document link has its target; page links became such links.
    let ids: Vec<&str> = attrs(&html, "id");
    let mut internal = 0;
    for href in attrs(&html, "href") {
        if let Some(id) = href.strip_prefix('#') {
            assert!(ids.contains(&id), "#{id} has no target");
            internal += 1;
        }
    }
    assert!(
        internal > chapters.len(),
        "table of contents and cross-references"
    );
    let main = &html[html.find("<main").unwrap()..];
    assert!(
        !main.contains("href=\"../methods/"),
        "no links out to pages that are chapters"
    );
    assert!(main.contains("href=\"#c"), "links between chapters");
    // Each page links to its chapter; the German view exists too.
    let consensus = f.page("nl/methods/consensus/index.html");
    let link = attrs(&consensus, "href")
        .into_iter()
        .find(|h| h.starts_with("../../afdrukken/#"))
        .expect("print link");
    assert!(ids.contains(&link.split('#').nth(1).unwrap()));
    assert!(consensus.contains(">Afdrukken</a>"));
    assert!(f
        .page("de/drucken/index.html")
        .contains(">Das ganze Handbuch</h1>"));
}
