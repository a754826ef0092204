//! Snapshot tests: the HTML a page's Markdown becomes, and the full text of
//! a diagnostic run, pinned so that any change to them is reviewed.

mod common;
use common::Fixture;

#[test]
fn markdown_to_html() {
    let f = Fixture::new("basic");
    f.build();
    let html = f.page("nl/modules/start/index.html");
    let start = html.find("<div class=\"content\">").unwrap();
    let end = start + html[start..].find("</div>").unwrap();
    insta::assert_snapshot!(&html[start..end]);
}

#[test]
fn diagnostics_text() {
    let f = Fixture::new("basic");
    f.write(
        "content/modules/coaching.nl.md",
        "+++\ntitle = \"Coaching\"\nwieght = 2\n+++\n\nZie [start](strat.md) en [werkwijze](../methods/consensus.md#werkwjize).\n",
    );
    let run = f.brug(&["check"]);
    let text = run
        .stderr
        .lines()
        .filter(|l| !l.starts_with("failed:"))
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!(text);
}
