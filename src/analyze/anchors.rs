//! Anchor checks: every `#anchor` of an internal link must be a heading id
//! of its target, which is known only once every page's Markdown is
//! rendered.

use crate::analyze::markdown::Rendered;
use crate::diagnostics::Diagnostic;
use crate::model::{Handbook, Page};
use crate::source::schema::closest;

/// Every `#anchor` of an internal link must be a heading id of its target.
pub fn check(hb: &Handbook, markdown: &[Rendered], diags: &mut Vec<Diagnostic>) {
    for (id, r) in markdown.iter().enumerate() {
        let page = &hb.pages[id];
        for link in &r.links {
            let Some(anchor) = &link.anchor else { continue };
            let target = hb.pairs[link.pair].pages[link.lang]
                .unwrap_or_else(|| hb.pairs[link.pair].best_page(link.lang));
            if !markdown[target].ids.contains(anchor) {
                diags.push(anchor_error(
                    hb,
                    page,
                    link.offset,
                    anchor,
                    Some(target),
                    &markdown[target],
                ));
            }
        }
        for (anchor, offset) in &r.local_anchors {
            if !r.ids.contains(anchor) {
                diags.push(anchor_error(hb, page, *offset, anchor, None, r));
            }
        }
    }
}

fn anchor_error(
    hb: &Handbook,
    page: &Page,
    offset: usize,
    anchor: &str,
    target: Option<usize>,
    r: &Rendered,
) -> Diagnostic {
    let on = target.map_or("this page".to_string(), |t| {
        hb.pages[t].file.display().to_string()
    });
    let mut ids: Vec<&str> = r.ids.iter().map(String::as_str).collect();
    ids.sort_unstable();
    let hint = match closest(anchor, &ids) {
        Some(best) => format!("did you mean #{best}?"),
        None if ids.is_empty() => "the target has no headings; link to the page without #".into(),
        None => format!(
            "headings there: #{}",
            ids.iter().take(8).copied().collect::<Vec<_>>().join(", #")
        ),
    };
    Diagnostic::error(
        &page.file,
        format!("the anchor `#{anchor}` does not exist on {on}"),
    )
    .at(&page.text, offset)
    .hint(hint)
}
