//! The side-by-side view aligns a page's versions by the ids of their
//! `##` headings. A heading whose id the other version lacks shows against
//! an empty cell there; often the section exists but its id differs, so
//! `brug check` names every such heading.

use crate::analyze::markdown::Rendered;
use crate::diagnostics::{Diagnostic, Lines};
use crate::model::Handbook;
use std::collections::HashSet;

/// A warning per `##` heading of a version whose id another version of
/// the same pair lacks.
pub fn check(hb: &Handbook, markdown: &[Rendered], diags: &mut Vec<Diagnostic>) {
    for pair in &hb.pairs {
        let versions: Vec<usize> = pair.pages.iter().flatten().copied().collect();
        if versions.len() < 2 {
            continue;
        }
        let h2 = |page: usize| {
            let toc = markdown.get(page).map_or(&[][..], |r| r.toc.as_slice());
            toc.iter().filter(|e| e.level == 2)
        };
        let ids: Vec<HashSet<&str>> = versions
            .iter()
            .map(|&v| h2(v).map(|e| e.id.as_str()).collect())
            .collect();
        for (i, &page) in versions.iter().enumerate() {
            let mut lines = None;
            for entry in h2(page) {
                for (j, &other) in versions.iter().enumerate() {
                    if j == i || ids[j].contains(entry.id.as_str()) {
                        continue;
                    }
                    let file = &hb.pages[page].file;
                    let text = &hb.pages[page].text;
                    let lines = lines.get_or_insert_with(|| Lines::new(text));
                    let other_file = hb.pages[other].file.display();
                    diags.push(
                        Diagnostic::warning(
                            file,
                            format!(
                                "the heading `{}` (id `{}`) has no heading with that id in {other_file}; the side-by-side view shows it beside an empty cell",
                                entry.title, entry.id
                            ),
                        )
                        .at_line(lines, entry.offset)
                        .hint(format!(
                            "give the matching heading in {other_file} the same id: ## … {{#{}}}",
                            entry.id
                        )),
                    );
                }
            }
        }
    }
}
