//! The targets a result can link to and the text of each: a page's intro
//! (with the page's title, summary and facts: transfer box and taxonomy
//! terms) and each of its `##`/`###` sections (with its heading), every
//! field weighted by where it stands.

use super::PageInfo;
use crate::analyze::markdown::Rendered;
use crate::model::{Handbook, Lang};

/// Field weights: a word in the title counts as much as six in the body.
const TITLE: f32 = 6.0;
const HEADING: f32 = 3.0;
const SUMMARY: f32 = 2.0;
/// The transfer box and the taxonomy terms: short, chosen words, as the
/// summary is.
const FACTS: f32 = 2.0;
const BODY: f32 = 1.0;

/// One target: a section of page number `page` (an empty `anchor` is the
/// page's intro).
#[derive(Clone, Copy)]
pub(super) struct Target<'a> {
    pub page: usize,
    pub anchor: &'a str,
    pub heading: &'a str,
    pub text: &'a str,
}

/// A field's text, its weight and whether it is the page's title (which
/// results show differently).
pub(super) type Field<'a> = (&'a str, f32, bool);

/// How many fields a target has.
pub(super) const FIELDS: usize = 5;

/// Every section of every page, in page order: a target's place here is
/// the number its postings and its text chunk use.
pub(super) fn of<'a>(markdown: &[&'a Rendered]) -> Vec<Target<'a>> {
    let mut targets = Vec::new();
    for (i, r) in markdown.iter().enumerate() {
        for s in &r.sections {
            targets.push(Target {
                page: i,
                anchor: s.anchor.as_deref().unwrap_or_default(),
                heading: &s.heading,
                text: &s.text,
            });
        }
    }
    targets
}

/// The page-level text of the targets: each page's title and summary,
/// which belong to its intro target.
pub(super) struct Fields<'a> {
    pages: &'a [PageInfo],
    summaries: Vec<&'a str>,
}

impl<'a> Fields<'a> {
    pub fn new(hb: &'a Handbook, lang: Lang, pages: &'a [PageInfo]) -> Fields<'a> {
        let summaries = pages
            .iter()
            .map(|p| {
                let page = &hb.pages[hb.pairs[p.pair].best_page(lang)];
                page.front.summary.as_deref().unwrap_or_default()
            })
            .collect();
        Fields { pages, summaries }
    }

    /// The fields of target `t` with their weights; a section's title,
    /// summary and facts are empty, so that a page's count once.
    #[inline]
    pub fn of(&self, t: &Target<'a>) -> [Field<'a>; FIELDS] {
        let top = t.anchor.is_empty();
        let page = &self.pages[t.page];
        let (title, summary, facts) = if top {
            (
                page.title.as_str(),
                self.summaries[t.page],
                page.facts.as_str(),
            )
        } else {
            ("", "", "")
        };
        [
            (title, TITLE, true),
            (summary, SUMMARY, false),
            (facts, FACTS, false),
            (t.heading, HEADING, false),
            (t.text, BODY, false),
        ]
    }

    /// Bytes of plain text indexed, so that benchmarks can compare the
    /// index's size with it.
    pub fn text_bytes(&self, targets: &[Target]) -> usize {
        targets
            .iter()
            .map(|t| t.heading.len() + t.text.len())
            .sum::<usize>()
            + self
                .pages
                .iter()
                .map(|p| p.title.len() + p.facts.len())
                .sum::<usize>()
            + self.summaries.iter().map(|s| s.len()).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_summary_and_facts_belong_to_the_intro_only() {
        let pages = [PageInfo {
            pair: 0,
            title: "Lotsen".into(),
            url: "nl/lotsen/".into(),
            section: String::new(),
            other: None,
            facts: "Münster Almelo".into(),
        }];
        let fields = Fields {
            pages: &pages,
            summaries: vec!["Kort"],
        };
        let intro = Target {
            page: 0,
            anchor: "",
            heading: "",
            text: "Tekst",
        };
        let texts = |t: &Target<'static>| fields.of(t).map(|(text, _, _)| text);
        assert_eq!(
            texts(&intro),
            ["Lotsen", "Kort", "Münster Almelo", "", "Tekst"]
        );
        let section = Target {
            anchor: "aanpak",
            heading: "Aanpak",
            ..intro
        };
        assert_eq!(texts(&section), ["", "", "", "Aanpak", "Tekst"]);
        assert!(fields.of(&intro)[0].2 && !fields.of(&intro)[4].2);
        let facts = "Münster Almelo".len();
        assert_eq!(
            fields.text_bytes(&[intro, section]),
            5 + 6 + 5 + 6 + 4 + facts
        );
    }
}
