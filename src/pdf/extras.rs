//! What the site shows beside a page's Markdown, for the PDF: a
//! practice's transfer box, the glossary's list of the pages that use
//! each term, and the transfer overview (its table and diagram) as the
//! last chapter. The words and the data are the site's own (`view`).

use super::escape::{markup, string};
use super::images::Images;
use super::markup::{chapter_label, internal_link};
use crate::analyze::glossary::Glossary;
use crate::analyze::prepared::Prepared;
use crate::model::{Handbook, Lang, PairId};
use crate::source::strings::Strings;
use crate::view::context::{transfer_view, Views};

/// A link to the chapter of `pair`, showing its title in `lang` (plain
/// text if the chapter is not in the document: see `markup::resolve`).
fn chapter_link(hb: &Handbook, pair: PairId, lang: Lang) -> String {
    let title = &hb.pages[hb.pairs[pair].best_page(lang)].front.title;
    internal_link(&chapter_label(pair), &markup(title))
}

/// The transfer box of a practice page, as on its web page; empty for
/// other pages.
pub fn transfer_box(hb: &Handbook, strings: &Strings, pair: PairId, lang: Lang) -> String {
    let Some(t) = crate::analyze::overview::transfer_of(hb, pair, lang) else {
        return String::new();
    };
    let view = transfer_view(&hb.config, t, hb.lang_code(lang));
    let text = |id: &str| markup(&strings.text(lang, id));
    let from = match &view.from {
        Some(city) => markup(city),
        None => text("transfer-from-unstated"),
    };
    let to: Vec<String> = view
        .to
        .iter()
        .map(|c| match c.status {
            Some(s) => format!("[{}: {}]", markup(&c.city), text(&format!("status-{s}"))),
            None => format!("[{}]", markup(&c.city)),
        })
        .collect();
    let mut out = format!(
        "#block(inset: 8pt, stroke: 0.5pt, width: 100%)[#strong[{}]\n\n#strong[{}:] {from}\n\n#strong[{}:]\n#list({})\n",
        text("transfer-title"),
        text("transfer-from"),
        text("transfer-to"),
        to.join(", ")
    );
    if !view.conditions.trim().is_empty() {
        out.push_str(&format!(
            "\n#strong[{}:] {}\n",
            text("transfer-conditions"),
            markup(&view.conditions)
        ));
    }
    if let Some(source) = &view.source {
        out.push_str(&format!("\n#text(size: 9pt)[{}]\n", markup(source)));
    }
    out.push_str("]\n\n");
    out
}

/// The glossary's list of the pages that use a term, in one language.
pub struct TermUses<'a> {
    pub hb: &'a Handbook,
    pub glossary: &'a Glossary,
    pub lang: Lang,
    /// "Gebruikt in:"
    pub label: String,
}

impl TermUses<'_> {
    /// The list under term `id`, by title; empty when no page uses it.
    pub fn list(&self, id: &str) -> String {
        let mut pairs: Vec<PairId> = self.glossary.uses.get(id).cloned().unwrap_or_default();
        let title = |p: PairId| {
            let page = &self.hb.pages[self.hb.pairs[p].best_page(self.lang)];
            page.front.title.to_lowercase()
        };
        pairs.sort_by_cached_key(|&p| title(p));
        pairs.dedup();
        if pairs.is_empty() {
            return String::new();
        }
        let links: Vec<String> = pairs
            .iter()
            .map(|&p| chapter_link(self.hb, p, self.lang))
            .collect();
        format!(
            "#text(size: 9pt)[{} {}]\n\n",
            markup(&self.label),
            links.join(", ")
        )
    }
}

/// Print colours for the diagram, whose web page styles it with the
/// site's stylesheet (Typst reads no CSS variables).
const DIAGRAM_STYLE: &str = "<style>\
.city rect{fill:#f2f2f2;stroke:#555}\
text{font-family:'Libertinus Serif'}\
.city text{fill:#111;font-weight:700;font-size:16px}\
.node rect{fill:#fff;stroke:#1a4f8b;stroke-width:1.5}\
.node-title{fill:#1a4f8b;font-size:14px;font-weight:600}\
.node-status{fill:#111;font-size:13px}\
.legend text{fill:#111;font-size:12px}\
.edge{stroke:#111;stroke-width:1.5;fill:none}\
.edge-origin{stroke:#555}\
.edge-adapting{stroke-dasharray:8 4}\
.edge-proposed{stroke-dasharray:1 7}\
.edge-planned{stroke-dasharray:2 4}\
.edge-not_transferable{stroke-dasharray:10 3 2 3}\
.arrow-head{fill:#111}\
</style>";

/// The transfer overview as the document's last chapter (level 1): its
/// introduction, the table of every practice by city, and the diagram.
/// Empty when the handbook has no practice with a transfer.
pub fn transfer_chapter(
    hb: &Handbook,
    prepared: &Prepared,
    strings: &Strings,
    lang: Lang,
    images: &mut Images,
) -> String {
    let views = Views {
        reader: crate::view::reader::Reader::new(hb),
        strings,
        graph: &prepared.graph,
        overviews: &prepared.overviews,
        style: Default::default(),
        draft: false,
        minified: false,
    };
    let Some(overview) = views.transfer_page(lang) else {
        return String::new();
    };
    let page = overview.page;
    let text = |id: &str| markup(&strings.text(lang, id));
    let title = strings.text(lang, "transfer-overview-title");
    let mut out = format!(
        "\n#pagebreak(weak: true)\n#metadata({}) <brug-chapter>\n= {} <transfer-overview>\n\n{}\n\n",
        string(&title),
        markup(&title),
        text("transfer-overview-intro")
    );
    if let Some(source) = &page.source {
        out.push_str(&format!("#text(size: 9pt)[{}]\n\n", markup(source)));
    }
    out.push_str(&format!(
        "== {} <transfer-table>\n\n",
        text("transfer-table-title")
    ));
    // Titles and conditions take the room; city columns as wide as a
    // status word.
    let columns = format!("(3fr, {}4fr)", "auto, ".repeat(page.cities.len()));
    let mut cells = vec![format!("[{}]", text("transfer-col-practice"))];
    cells.extend(page.cities.iter().map(|c| format!("[{}]", markup(c))));
    cells.push(format!("[{}]", text("transfer-conditions")));
    out.push_str(&format!(
        "#table(columns: {columns}, align: left, table.header({}), ",
        cells.join(", ")
    ));
    for row in &page.rows {
        out.push_str(&format!("[{}], ", chapter_link(hb, row.pair, lang)));
        for cell in &row.cells {
            let shown = match (cell.origin, cell.status) {
                (true, _) => text("transfer-origin"),
                (false, Some(s)) => text(&format!("status-{s}")),
                (false, None) => text("transfer-none"),
            };
            out.push_str(&format!("[{shown}], "));
        }
        out.push_str(&format!("[{}], ", markup(&row.conditions)));
    }
    out.push_str(")\n\n");
    out.push_str(&format!(
        "== {} <transfer-diagram>\n\n",
        text("diagram-title")
    ));
    match page.svg {
        Some(svg) => {
            let svg = svg.replacen('>', &format!(">{DIAGRAM_STYLE}"), 1);
            let path = images.add_generated("svg", svg.into_bytes());
            out.push_str(&format!(
                "#figure(image({}, width: 100%, alt: {}), caption: [{}])\n",
                string(&path),
                string(&strings.text(lang, "diagram-desc")),
                text("pdf-diagram-caption")
            ));
        }
        None => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("max", page.diagram_max);
            let note = strings
                .get(lang, "diagram-too-large", Some(&args))
                .unwrap_or_default();
            out.push_str(&format!("{}\n", markup(&note)));
        }
    }
    out
}
