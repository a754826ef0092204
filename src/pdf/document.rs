//! The Typst document of one language: settings (title, language, date,
//! A4 pages with the chapter's title as running header and the page
//! number below), a cover, the table of contents, then every chapter of
//! the print view's reading order on a new page, and the transfer
//! overview last.

use super::escape::{markup, string};
use super::extras::{transfer_box, transfer_chapter, TermUses};
use super::images::Images;
use super::markup::{chapter, chapter_label, resolve, Chapter};
use crate::analyze::prepared::Prepared;
use crate::diagnostics::Diagnostic;
use crate::model::{Handbook, Lang, PairId, Translation};
use crate::source::frontmatter::Date;
use crate::source::strings::Strings;
use std::collections::HashSet;

/// The document's text, and the images it uses.
pub struct Document {
    pub text: String,
    pub images: Images,
}

/// The newest `updated` date of the chapters' pages: the document's date,
/// so that the same sources give the same PDF.
pub fn newest(hb: &Handbook, lang: Lang, chapters: &[(PairId, usize)]) -> Option<Date> {
    chapters
        .iter()
        .filter_map(|&(pair, _)| hb.pages[hb.pairs[pair].best_page(lang)].front.updated)
        .max()
}

/// The document of `lang` with `chapters` (pair, depth) in reading order.
pub fn document(
    hb: &Handbook,
    prepared: &Prepared,
    strings: &Strings,
    lang: Lang,
    chapters: &[(PairId, usize)],
    diags: &mut Vec<Diagnostic>,
) -> Document {
    let code = hb.lang_code(lang);
    let title = label_in(&hb.config.title, code);
    let date = newest(hb, lang, chapters);
    let mut text = preamble(&title, code, date);
    text.push_str(&cover(hb, strings, lang, &title, date));
    let mut images = Images::default();
    let mut labels = HashSet::new();
    let uses = TermUses {
        hb,
        glossary: &prepared.glossary,
        lang,
        label: strings.text(lang, "glossary-uses"),
    };
    for &(pair, depth) in chapters {
        let page = &hb.pages[hb.pairs[pair].best_page(lang)];
        let level = 1 + depth;
        labels.insert(chapter_label(pair));
        text.push_str("\n#pagebreak(weak: true)\n");
        text.push_str(&format!(
            "#metadata({}) <brug-chapter>\n",
            string(&page.front.title)
        ));
        text.push_str(&format!(
            "{} {} <{}>\n\n",
            "=".repeat(level),
            markup(&page.front.title),
            chapter_label(pair)
        ));
        if let Some(notice) = notice(hb, strings, pair, lang) {
            text.push_str(&format!(
                "#block(inset: 8pt, stroke: 0.5pt)[{}]\n\n",
                markup(&notice)
            ));
        }
        if let Some(summary) = &page.front.summary {
            text.push_str(&format!("#emph[{}]\n\n", markup(summary)));
        }
        text.push_str(&transfer_box(hb, strings, pair, lang));
        let ch = Chapter {
            hb,
            pair,
            page,
            level,
            uses: (prepared.glossary.pair == Some(pair)).then_some(&uses),
        };
        text.push_str(&chapter(&ch, &mut images, &mut labels, diags));
    }
    text.push_str(&transfer_chapter(hb, prepared, strings, lang, &mut images));
    Document {
        text: resolve(&text, &labels),
        images,
    }
}

/// A label of `labels` in language `code`, else any.
fn label_in(labels: &crate::source::config::Labels, code: &str) -> String {
    labels
        .get(code)
        .or_else(|| labels.values().next())
        .cloned()
        .unwrap_or_default()
}

/// The site's notice for a page missing or outdated in `lang`.
fn notice(hb: &Handbook, strings: &Strings, pair: PairId, lang: Lang) -> Option<String> {
    match hb.pairs[pair].status[lang] {
        Translation::Missing => Some(strings.text(lang, "notice-missing")),
        Translation::Outdated { .. } => Some(strings.text(lang, "notice-outdated")),
        Translation::Current => None,
    }
}

/// The document's settings. Text is set ragged right, as on the site:
/// justified lines vary the spaces between words, which makes reading
/// harder for many (WCAG 1.4.8), and Typst's optimal line breaking for
/// them took half the time of a 1,000-page PDF.
fn preamble(title: &str, lang: &str, date: Option<Date>) -> String {
    let date = match date {
        Some(d) => format!(
            "datetime(year: {}, month: {}, day: {})",
            d.year, d.month, d.day
        ),
        None => "none".into(),
    };
    format!(
        r##"#set document(title: {title}, date: {date})
#set text(lang: "{lang}", font: "Libertinus Serif", size: 11pt)
#show raw: set text(font: "DejaVu Sans Mono", size: 9pt)
#set table(inset: 5pt, stroke: 0.5pt)
#show link: set text(fill: rgb("#1a4f8b"))
#set page(
  paper: "a4",
  margin: (x: 2.3cm, top: 2.6cm, bottom: 2.4cm),
  header: context {{
    let chapter = selector(<brug-chapter>)
    let next = query(chapter.after(here()))
    let before = query(chapter.before(here()))
    let now = if next.len() > 0 and next.first().location().page() == here().page() {{
      next.first()
    }} else if before.len() > 0 {{
      before.last()
    }}
    if now != none {{
      set text(size: 9pt)
      emph(now.value)
    }}
  }},
  footer: context {{
    set text(size: 9pt)
    align(center, counter(page).display())
  }},
)
"##,
        title = string(title),
    )
}

fn cover(hb: &Handbook, strings: &Strings, lang: Lang, title: &str, date: Option<Date>) -> String {
    let code = hb.lang_code(lang);
    let description = label_in(&hb.config.description, code);
    let updated = date.map(|d| {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("date", strings.date(lang, d));
        strings
            .get(lang, "updated", Some(&args))
            .unwrap_or_else(|_| d.iso())
    });
    let mut out = String::from("#page(header: none, footer: none)[\n#v(28%)\n");
    out.push_str(&format!(
        "#text(size: 26pt, weight: \"bold\")[{}]\n\n",
        markup(title)
    ));
    if !description.is_empty() {
        out.push_str(&format!("#text(size: 13pt)[{}]\n\n", markup(&description)));
    }
    if let Some(updated) = updated {
        out.push_str(&format!("#v(2em)\n{}\n", markup(&updated)));
    }
    out.push_str("]\n");
    out.push_str(&format!(
        "#outline(title: [{}], depth: 3)\n",
        markup(&strings.text(lang, "pdf-contents"))
    ));
    out
}
