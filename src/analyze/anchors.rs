//! Anchor checks: every `#anchor` of an internal link must be a heading id
//! of its target, which is known only once every page's Markdown is
//! rendered.

use crate::analyze::markdown::Rendered;
use crate::diagnostics::{Diagnostic, Lines};
use crate::model::{Handbook, Page, PageId};
use crate::source::schema::closest;
use std::collections::HashMap;

/// How many broken anchors of one page get a "did you mean" (each is
/// compared with every heading id of its target); the rest list headings.
/// A page with more is generated or garbled, and guessing for each of
/// thousands of anchors among thousands of headings took minutes.
const GUESSES: usize = 100;

/// Every `#anchor` of an internal link must be a heading id of its target.
pub fn check(hb: &Handbook, markdown: &[Rendered], diags: &mut Vec<Diagnostic>) {
    // The sorted heading ids of each page a broken anchor points to, and
    // each linking page's lines: made once, however many anchors are broken.
    let mut ids_of: HashMap<PageId, Vec<&str>> = HashMap::new();
    for (id, r) in markdown.iter().enumerate() {
        let page = &hb.pages[id];
        let linked = r.links.iter().filter_map(|link| {
            let anchor = link.anchor.as_ref()?;
            let target = hb.pairs[link.pair].pages[link.lang]
                .unwrap_or_else(|| hb.pairs[link.pair].best_page(link.lang));
            let missing = !markdown[target].ids.contains(anchor);
            missing.then_some((link.offset, anchor, Some(target)))
        });
        let local = r
            .local_anchors
            .iter()
            .filter(|(anchor, _)| !r.ids.contains(anchor))
            .map(|(anchor, offset)| (*offset, anchor, None));
        // The text may have been freed: read again only for a diagnostic.
        let text = std::cell::OnceCell::new();
        let lines = std::cell::OnceCell::new();
        for (n, (offset, anchor, target)) in linked.chain(local).enumerate() {
            let on = target.unwrap_or(id);
            let ids = ids_of
                .entry(on)
                .or_insert_with(|| sorted_ids(&markdown[on]));
            let lines =
                lines.get_or_init(|| Lines::new(&text.get_or_init(|| hb.with_text(id)).text));
            let guess = n < GUESSES;
            let at = (lines, offset);
            diags.push(anchor_error(hb, page, at, anchor, target, ids, guess));
        }
    }
}

fn sorted_ids(r: &Rendered) -> Vec<&str> {
    let mut ids: Vec<&str> = r.ids.iter().map(String::as_str).collect();
    ids.sort_unstable();
    ids
}

/// The error for `#anchor`, written in `page` at a byte offset (with the
/// page's lines), missing from page `target` (`None`: the page itself),
/// whose heading ids are `ids`; with a guess of the id meant, if `guess`.
fn anchor_error(
    hb: &Handbook,
    page: &Page,
    (lines, offset): (&Lines, usize),
    anchor: &str,
    target: Option<usize>,
    ids: &[&str],
    guess: bool,
) -> Diagnostic {
    let on = target.map_or("this page".to_string(), |t| {
        hb.pages[t].file.display().to_string()
    });
    let best = if guess { closest(anchor, ids) } else { None };
    let hint = match best {
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
    .at_line(lines, offset)
    .hint(hint)
}
