//! The shipped handbook (`content/` at the repository root): it checks
//! cleanly with --strict, every page exists in both languages, and it has
//! the structure the handbook promises its readers.

use brug::model::Translation;
use brug::source::frontmatter::Kind;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn checks_cleanly_with_strict() {
    let out = Command::new(env!("CARGO_BIN_EXE_brug"))
        .args(["check", "--strict", "--root"])
        .arg(root())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "brug check --strict on the shipped handbook:\n{stderr}"
    );
    assert!(
        stderr.contains("0 missing and 0 outdated translation(s), 0 warning(s)"),
        "{stderr}"
    );
}

#[test]
fn has_the_promised_structure() {
    let loaded = brug::model::load::load(root());
    let hb = loaded.handbook.expect("the shipped handbook loads");
    let mut diags = Vec::new();
    let (site, _) = brug::build::site::prepare(&hb, brug::build::site::options(false), &mut diags)
        .expect("the theme renders");
    assert!(
        diags.is_empty(),
        "{}",
        brug::diagnostics::render_all(&diags)
    );

    // Every pair complete in both languages.
    for pair in &hb.pairs {
        assert!(
            pair.status.iter().all(|s| *s == Translation::Current),
            "{}: {:?}",
            pair.key,
            pair.status
        );
    }
    // The four sections, in both languages.
    for dir in ["modules", "methods", "structures", "practices"] {
        let s = hb
            .section_by_dir
            .get(dir)
            .unwrap_or_else(|| panic!("no section {dir}"));
        let index = hb.sections[*s]
            .index
            .unwrap_or_else(|| panic!("{dir} has no _index"));
        assert!(
            hb.pairs[index].pages.iter().all(Option::is_some),
            "{dir}/_index in both languages"
        );
    }
    let pages: Vec<_> = hb.pairs.iter().filter(|p| !p.is_index()).collect();
    assert!(pages.len() >= 40, "only {} page pairs", pages.len());

    // Practices carry a transfer table; every page links to at least two others.
    for (id, page) in hb.pages.iter().enumerate() {
        if page.kind == Kind::Practice && !page.is_index() {
            let t = page
                .front
                .transfer
                .as_ref()
                .unwrap_or_else(|| panic!("{} has no [transfer]", page.file.display()));
            assert!(
                !t.to.is_empty() && !t.conditions.trim().is_empty(),
                "{}",
                page.file.display()
            );
            let kinds: BTreeSet<_> = site.markdown[id]
                .links
                .iter()
                .map(|l| hb.pages[hb.pairs[l.pair].best_page(l.lang)].kind)
                .collect();
            assert!(
                kinds.contains(&Kind::Method) || kinds.contains(&Kind::Structure),
                "{} links to no method or structure",
                page.file.display()
            );
        }
        let own = hb.page_pair(id);
        let targets: BTreeSet<_> = site.markdown[id]
            .links
            .iter()
            .map(|l| l.pair)
            .filter(|&p| Some(p) != own)
            .collect();
        assert!(
            targets.len() >= 2,
            "{} links to {} other page(s)",
            page.file.display(),
            targets.len()
        );
    }

    // Methods link to the practices that use them.
    for (id, page) in hb.pages.iter().enumerate() {
        if page.kind == Kind::Method && !page.is_index() {
            let to_practice = site.markdown[id]
                .links
                .iter()
                .any(|l| hb.pages[hb.pairs[l.pair].best_page(l.lang)].kind == Kind::Practice);
            assert!(to_practice, "{} links to no practice", page.file.display());
        }
    }

    // The glossary: at least 25 terms with the same anchor in both languages.
    let glossary = hb
        .by_stem
        .get(&("glossary".to_string(), 0))
        .expect("content/glossary.nl.md");
    let ids: Vec<BTreeSet<&String>> = hb.pairs[*glossary]
        .pages
        .iter()
        .map(|p| {
            site.markdown[p.expect("glossary in both languages")]
                .toc
                .iter()
                .filter(|e| e.level == 3)
                .map(|e| &e.id)
                .collect()
        })
        .collect();
    assert!(ids[0].len() >= 25, "glossary has {} terms", ids[0].len());
    assert_eq!(ids[0], ids[1], "glossary anchors differ between languages");
}
