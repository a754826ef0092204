//! The glossary page's lists of the pages that use each term, filled in
//! where Markdown rendering left a marker at the end of each term.

use crate::analyze::glossary::Glossary;
use crate::analyze::markdown::uses_marker;
use crate::model::Lang;
use crate::text::escape::html as esc;
use crate::view::context::Views;

/// The glossary's HTML with each term's marker replaced by the list of
/// pages that use it (or removed when none does).
pub fn fill_uses(glossary: &Glossary, html: &str, views: &Views, url: &str, lang: Lang) -> String {
    let label = views.strings.text(lang, "glossary-uses");
    let mut out = String::with_capacity(html.len() + 4096);
    let mut rest = html;
    while let Some(start) = rest.find("<!--brug-uses:") {
        let Some(len) = rest[start..].find("-->") else {
            break;
        };
        let id = &rest[start + "<!--brug-uses:".len()..start + len];
        out.push_str(&rest[..start]);
        let mut found: Vec<_> = glossary
            .uses
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|&p| views.best_link(url, p, lang))
            .collect();
        found.sort_by_cached_key(|l| l.title.to_lowercase());
        let links: Vec<String> = found
            .into_iter()
            .map(|l| {
                let lang_attr = l
                    .lang
                    .as_deref()
                    .map(|c| format!(" hreflang=\"{c}\" lang=\"{c}\""))
                    .unwrap_or_default();
                format!(
                    "<a href=\"{}\"{lang_attr}>{}</a>",
                    esc(&l.href),
                    esc(&l.title)
                )
            })
            .collect();
        if !links.is_empty() {
            out.push_str(&format!(
                "<p class=\"term-uses\">{} {}</p>",
                esc(&label),
                links.join(", ")
            ));
        }
        debug_assert_eq!(&rest[start..start + len + 3], uses_marker(id));
        rest = &rest[start + len + 3..];
    }
    out.push_str(rest);
    out
}
