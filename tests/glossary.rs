//! Glossary links on the `web` fixture: a link to a term carries the term's
//! short explanation as a tooltip, in the target's language, and the
//! glossary lists under each term the pages that use it.

mod common;
use common::{main_of, Fixture};

#[test]
fn a_link_to_a_term_carries_its_explanation() {
    let f = Fixture::new("web");
    f.build();
    let wees = f.page("nl/modules/wees/index.html");
    let main = main_of(&wees);
    assert!(
        main.contains(r#"<span class="term"><a href="../../begrippen/#kerngroep" title="Begrip" aria-describedby="brug-tip-1">kerngroep</a><span class="term-tip" role="tooltip" id="brug-tip-1">Duits: Kerngruppe. De groep die het project stuurt &amp; documenteert.</span></span>"#),
        "{main}"
    );
    // A long explanation is cut at a word, with an ellipsis.
    let long = &main[main.find("id=\"brug-tip-2\">").unwrap()..];
    let long = &long[..long.find("</span>").unwrap()];
    assert!(long.ends_with('…') && long.chars().count() <= 260, "{long}");
    assert!(!long.contains("Dit deel valt weg"));
    // In German the explanation comes from the German glossary.
    let de = f.page("de/methods/facilitator/index.html");
    assert!(
        de.contains(">Die Gruppe, die das Projekt steuert.</span>"),
        "{de}"
    );
}

#[test]
fn only_terms_with_an_explanation_get_a_tooltip() {
    let f = Fixture::new("web");
    f.write(
        "content/modules/wees.nl.md",
        "+++\ntitle = \"Wees\"\n+++\n\nZie [leeg](../glossary.md#leeg) en [begrippen](../glossary.md).\n\n## Over de [kerngroep](../glossary.md#kerngroep)\n",
    );
    f.build();
    let main = main_of(&f.page("nl/modules/wees/index.html")).to_string();
    assert!(!main.contains("term-tip"), "{main}");
    assert!(main.contains(r#"<a href="../../begrippen/#leeg">leeg</a>"#));
}

#[test]
fn the_glossary_lists_where_each_term_is_used() {
    let f = Fixture::new("web");
    f.build();
    let nl = f.page("nl/begrippen/index.html");
    let main = main_of(&nl);
    let kerngroep =
        &main[main.find("id=\"kerngroep\"").unwrap()..main.find("id=\"lang\"").unwrap()];
    // The German page's link counts for the pair: both pages use the term.
    assert!(
        kerngroep.contains(r#"<p class="term-uses">Gebruikt in: <a href="../methods/facilitator/">Gespreksleider</a>, <a href="../modules/wees/">Wees</a></p>"#),
        "{kerngroep}"
    );
    let unused = &main[main.find("id=\"leeg\"").unwrap()..];
    assert!(!unused.contains("term-uses"));
    assert!(!nl.contains("brug-uses"), "no placeholder is left");
    let de = f.page("de/begriffe/index.html");
    assert!(
        de.contains(r#"<p class="term-uses">Verwendet in: <a href="../methods/facilitator/">Moderation</a>, <a href="../modules/wees/">Waise</a></p>"#),
        "{de}"
    );
    // A page that exists only in Dutch is listed in Dutch.
    assert!(de.contains(r#"<p class="term-uses">Verwendet in: <a href="../modules/wees/">Waise</a>, <a href="../../nl/practices/wonen/" hreflang="nl" lang="nl">Werkgroep wonen</a></p>"#), "{de}");
}

#[test]
fn a_glossary_setting_that_names_no_page_is_an_error() {
    let f = Fixture::new("web");
    let config = f.read_source("handbook.toml");
    f.write(
        "handbook.toml",
        format!("glossary = \"woorden.md\"\n{config}"),
    );
    let run = f.brug(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`glossary = \"woorden.md\"` names no page"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("help: "));
}
