//! The side-by-side view aligns a page's versions by the ids of their
//! `##` headings. A heading whose id the other version lacks shows against
//! an empty cell there; often the section exists but its id differs, so
//! `brug check` names such headings: one warning per version of a pair,
//! at its first heading without partner, naming all of them.

use crate::analyze::markdown::{Rendered, TocEntry};
use crate::analyze::overview::Overviews;
use crate::diagnostics::{Diagnostic, Lines};
use crate::model::Handbook;
use std::collections::HashSet;

/// Headings a warning names; more are counted.
const NAMED: usize = 10;

/// A warning per version of a pair whose `##` headings include ids that
/// another version lacks (only when the build writes side-by-side views).
pub fn check(
    hb: &Handbook,
    markdown: &[Rendered],
    overviews: &Overviews,
    diags: &mut Vec<Diagnostic>,
) {
    if overviews.side.is_empty() {
        return;
    }
    let h2 = |page: usize| -> Vec<&TocEntry> {
        let toc = markdown.get(page).map_or(&[][..], |r| r.toc.as_slice());
        toc.iter().filter(|e| e.level == 2).collect()
    };
    for pair in &hb.pairs {
        let versions: Vec<usize> = pair.pages.iter().flatten().copied().collect();
        if versions.len() < 2 {
            continue;
        }
        let headings: Vec<Vec<&TocEntry>> = versions.iter().map(|&v| h2(v)).collect();
        let ids: Vec<HashSet<&str>> = headings
            .iter()
            .map(|hs| hs.iter().map(|e| e.id.as_str()).collect())
            .collect();
        for (i, &page) in versions.iter().enumerate() {
            for (j, &other) in versions.iter().enumerate() {
                let alone: Vec<&TocEntry> = headings[i]
                    .iter()
                    .copied()
                    .filter(|e| j != i && !ids[j].contains(e.id.as_str()))
                    .collect();
                if !alone.is_empty() {
                    diags.push(warning(hb, page, other, &alone));
                }
            }
        }
    }
}

/// The warning for the headings `alone` of page `page` that page `other`
/// has no id for.
fn warning(hb: &Handbook, page: usize, other: usize, alone: &[&TocEntry]) -> Diagnostic {
    let p = hb.with_text(page);
    let lines = Lines::new(&p.text);
    let other_file = hb.pages[other].file.display();
    let first = alone[0];
    let message = if alone.len() == 1 {
        format!(
            "the heading `{}` (id `{}`) has no heading with that id in {other_file}; the side-by-side view shows it beside an empty cell",
            first.title, first.id
        )
    } else {
        let mut names: Vec<String> = alone
            .iter()
            .take(NAMED)
            .map(|e| format!("`{}` (line {})", e.title, lines.line_col(e.offset).0))
            .collect();
        if alone.len() > NAMED {
            names.push(format!("and {} more", alone.len() - NAMED));
        }
        format!(
            "{} `##` headings have no heading with the same id in {other_file}, so the side-by-side view shows them beside empty cells: {}",
            alone.len(),
            names.join(", ")
        )
    };
    Diagnostic::warning(&p.file, message)
        .at_line(&lines, first.offset)
        .hint(format!(
            "give the matching heading in {other_file} the same id: ## … {{#{}}}",
            first.id
        ))
}
