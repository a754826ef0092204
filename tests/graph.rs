//! The web between pages on a fixture with a known graph: backlinks count
//! for both languages, a missing counterpart still links, `related` comes
//! first, practices and methods point at each other, and `check` knows the
//! web (orphans, practices without methods, unresolved `related`, DOT).

mod common;
use common::{main_of, Fixture};

/// The `<section class="xref">` with heading id `id`, as text.
fn xref(html: &str, id: &str) -> String {
    let main = main_of(html);
    let Some(start) = main.find(&format!("aria-labelledby=\"{id}\"")) else {
        return String::new();
    };
    let end = start + main[start..].find("</section>").unwrap();
    main[start..end].to_string()
}

fn titles(section: &str) -> Vec<String> {
    section
        .split("<li><a ")
        .skip(1)
        .map(|li| li[li.find('>').unwrap() + 1..li.find("</a>").unwrap()].to_string())
        .collect()
}

#[test]
fn a_link_written_in_one_language_counts_for_both() {
    let f = Fixture::new("web");
    f.build();
    // lotsen.nl links to consensus; lotsen.de does not.
    let de = f.page("de/methods/consensus/index.html");
    let back = xref(&de, "brug-referenced-by");
    assert!(titles(&back).contains(&"Lotsen".to_string()), "{back}");
    assert!(back.contains("(Übertragbare Praxis)"), "kind shown: {back}");
    let used = xref(&de, "brug-used-by");
    assert_eq!(titles(&used), ["Lotsen", "Werkgroep wonen"], "{used}");
}

#[test]
fn a_missing_counterpart_still_links_in_the_best_language() {
    let f = Fixture::new("web");
    f.build();
    // wonen exists only in Dutch; the German consensus page lists it, landing on the Dutch text.
    let back = xref(
        &f.page("de/methods/consensus/index.html"),
        "brug-referenced-by",
    );
    assert!(back.contains("<a href=\"../../../nl/practices/wonen/\" hreflang=\"nl\" lang=\"nl\">Werkgroep wonen</a>"), "{back}");
    // And the Dutch-only page shows its own web in its fallback-free language.
    let relies = xref(&f.page("nl/practices/wonen/index.html"), "brug-relies-on");
    assert_eq!(titles(&relies), ["Consensus"]);
}

#[test]
fn related_lists_explicit_entries_first_then_shared_terms() {
    let f = Fixture::new("web");
    f.build();
    let nl = xref(&f.page("nl/modules/start/index.html"), "brug-related");
    assert_eq!(
        titles(&nl),
        ["Kerngroep", "Gespreksleider", "Lotsen", "Werkgroep wonen"],
        "{nl}"
    );
    // `related` was written on the Dutch page only; it holds for the pair.
    let de = xref(&f.page("de/modules/start/index.html"), "brug-related");
    assert_eq!(
        titles(&de),
        ["Kerngruppe", "Moderation", "Lotsen", "Werkgroep wonen"],
        "{de}"
    );
}

#[test]
fn practices_list_what_they_rely_on() {
    let f = Fixture::new("web");
    f.build();
    let nl = xref(&f.page("nl/practices/lotsen/index.html"), "brug-relies-on");
    assert_eq!(titles(&nl), ["Consensus", "Kerngroep"], "{nl}");
    assert!(
        nl.contains("(Methode)") && nl.contains("(Structuur)"),
        "{nl}"
    );
    // The German page links only to the Kerngruppe; the Dutch link to consensus counts too.
    let de = xref(&f.page("de/practices/lotsen/index.html"), "brug-relies-on");
    assert_eq!(titles(&de), ["Konsens", "Kerngruppe"], "{de}");
    assert!(
        de.contains("(Methode)") && de.contains("(Struktur)"),
        "{de}"
    );
    // A method page has no "relies on" list, a module page no "used by".
    assert!(xref(&f.page("nl/methods/consensus/index.html"), "brug-relies-on").is_empty());
    assert!(xref(&f.page("nl/modules/start/index.html"), "brug-used-by").is_empty());
}

#[test]
fn check_warns_about_orphans_and_practices_without_methods() {
    let f = Fixture::new("web");
    let run = f.brug(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("warning: no other page links to this page (an orphan)\n  --> content/modules/wees.nl.md:2:10"), "{}", run.stderr);
    assert!(run.stderr.contains("warning: this practice links to no method or structure\n  --> content/practices/los.nl.md:2:10"), "{}", run.stderr);
    assert_eq!(f.brug(&["check", "--strict"]).code, 1);
}

#[test]
fn an_unresolved_related_entry_is_an_error() {
    let f = Fixture::new("web");
    f.write("content/modules/wees.de.md", "+++\ntitle = \"Waise\"\nrelated = [\"../methods/konsens.md\"]\n+++\nSiehe [Auftakt](start.md).\n");
    let run = f.brug(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("error: the related entry `../methods/konsens.md` does not resolve"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--> content/modules/wees.de.md:3:13"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_graph_prints_dot() {
    let f = Fixture::new("web");
    let run = f.brug(&["check", "--graph"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let dot = run.stdout;
    assert!(dot.starts_with("digraph handbook {"));
    assert!(
        dot.contains("\"practices/lotsen\" [label=\"Lotsen\", shape=note];"),
        "{dot}"
    );
    assert!(dot.contains("\"practices/lotsen\" -> \"methods/consensus\";"));
    assert!(
        dot.contains("\"modules/start\" -> \"structures/kerngroep\";"),
        "related entries are edges"
    );
    assert!(
        !dot.contains("-> \"modules/wees\""),
        "nobody links to the orphan"
    );
    assert!(dot.trim_end().ends_with('}'));
}

/// Pages that share as many terms and have the same title rank in the
/// order of their pairs, so that every build lists the same related pages
/// (with a hash map's order, two builds could differ).
#[test]
fn related_pages_of_equal_rank_and_title_are_listed_the_same_every_build() {
    let f = Fixture::new("basic");
    let terms = "[taxonomies]\npolicy_fields = [\"education\"]\n";
    for folder in ["a", "b", "c", "d", "e", "f", "g", "h"] {
        f.write(
            &format!("content/modules/{folder}/zelfde.nl.md"),
            format!("+++\ntitle = \"Zelfde\"\n{terms}+++\nTekst.\n"),
        );
    }
    f.write(
        "content/modules/start.nl.md",
        format!("+++\ntitle = \"Start\"\n{terms}+++\nTekst.\n"),
    );
    f.build();
    let related = xref(&f.page("nl/modules/start/index.html"), "brug-related");
    let hrefs = common::attrs(&related, "href");
    assert_eq!(
        hrefs,
        [
            "../a/zelfde/",
            "../b/zelfde/",
            "../c/zelfde/",
            "../d/zelfde/",
            "../e/zelfde/"
        ],
        "{related}"
    );
}
