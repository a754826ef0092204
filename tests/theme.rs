//! The shipped theme and strings: both languages define the same ids, and
//! every id the templates use exists.

use std::collections::BTreeSet;
use std::path::Path;

fn ids(lang: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("i18n/{lang}.ftl")),
    )
    .unwrap();
    text.lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
        .collect()
}

#[test]
fn nl_and_de_define_the_same_ids() {
    let nl = ids("nl");
    let de = ids("de");
    assert!(nl.len() > 40);
    assert_eq!(
        nl.symmetric_difference(&de).collect::<Vec<_>>(),
        Vec::<&String>::new()
    );
}

#[test]
fn every_string_the_templates_use_exists() {
    let nl = ids("nl");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
    let mut used = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (i, _) in text.match_indices("t(key=\"") {
            let rest = &text[i + 7..];
            let id = &rest[..rest.find('"').unwrap()];
            // `"kind-" ~ page.kind` style keys: expand every value they can take.
            let expansions: Vec<String> = match id {
                "kind-" | "kinds-" => ["module", "method", "structure", "practice", "page"]
                    .iter()
                    .map(|k| format!("{id}{k}"))
                    .collect(),
                "status-" => [
                    "proposed",
                    "planned",
                    "adapting",
                    "implemented",
                    "not_transferable",
                ]
                .iter()
                .map(|k| format!("status-{k}"))
                .collect(),
                "taxonomy-" => ["policy_fields", "target_groups", "cities"]
                    .iter()
                    .map(|k| format!("taxonomy-{k}"))
                    .collect(),
                id => vec![id.to_string()],
            };
            used.extend(expansions);
        }
    }
    assert!(used.len() > 20, "{used:?}");
    let missing: Vec<_> = used.difference(&nl).collect();
    assert!(
        missing.is_empty(),
        "templates use undefined strings: {missing:?}"
    );
    for month in 1..=12 {
        assert!(nl.contains(&format!("month-{month}")));
    }
}

#[test]
fn the_stylesheet_has_print_and_dark_schemes() {
    let css = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/site.css"),
    )
    .unwrap();
    let print = &css[css.find("@media print").expect("print styles")..];
    for chrome in [".site-header", ".breadcrumbs", ".pagination", ".search"] {
        assert!(print.contains(chrome), "print hides {chrome}");
    }
    assert!(print.contains("size: A4"));
    let dark = &css[css
        .find("@media (prefers-color-scheme: dark)")
        .expect("dark scheme")..];
    assert!(
        dark.contains("--bg:") && dark.contains("--fg:"),
        "dark scheme sets the colours"
    );
    assert!(
        css.contains("@media (max-width:"),
        "narrow screens get their own layout"
    );
}
