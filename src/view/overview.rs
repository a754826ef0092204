//! Contexts of the generated overview pages: the transfer overview (in
//! `transfer`), the print view and the taxonomy and term pages, with the
//! head that all of them share.

mod transfer;

pub use transfer::{Cell, TransferPage, TransferRow, DIAGRAM_MAX};

use super::context::{Alternate, Chrome, Link, Views};
use crate::model::Lang;
use crate::source::frontmatter::Kind;
use crate::text::urls::relative;
use serde::Serialize;

/// What base.html and the breadcrumbs need of any generated page.
#[derive(Debug, Serialize)]
pub struct Head {
    pub title: String,
    pub summary: Option<String>,
    pub alternates: Vec<Alternate>,
    pub breadcrumbs: Vec<Link>,
}

/// A term with its page count, on a taxonomy page.
#[derive(Debug, Serialize)]
pub struct TermEntry {
    pub label: String,
    pub href: Option<String>,
    pub count: usize,
}

#[derive(Debug, Serialize)]
pub struct TaxonomyPage {
    #[serde(flatten)]
    pub head: Head,
    pub name: &'static str,
    pub terms: Vec<TermEntry>,
}

/// The pages of one kind that carry a term.
#[derive(Debug, Serialize)]
pub struct KindGroup {
    pub kind: &'static str,
    pub pages: Vec<Link>,
}

#[derive(Debug, Serialize)]
pub struct TermPage {
    #[serde(flatten)]
    pub head: Head,
    pub taxonomy: &'static str,
    pub count: usize,
    pub groups: Vec<KindGroup>,
}

/// One page of the handbook in the print view.
#[derive(Debug, Serialize)]
pub struct PrintChapter {
    pub id: String,
    pub title: String,
    /// Nesting depth in the table of contents (0: the home page).
    pub depth: usize,
    pub kind: &'static str,
    pub summary: Option<String>,
    #[serde(serialize_with = "crate::text::long::long_text")]
    pub html: String,
}

#[derive(Debug, Serialize)]
pub struct PrintPage {
    #[serde(flatten)]
    pub head: Head,
    pub chapters: Vec<PrintChapter>,
}

#[derive(Debug, Serialize)]
pub struct OverviewContext<P> {
    pub site: Chrome,
    pub page: P,
}

impl<P: Serialize> super::context::WithChrome for OverviewContext<P> {
    fn chrome(&self) -> &Chrome {
        &self.site
    }
}

/// Kinds in the order the handbook presents them.
const KIND_ORDER: [Kind; 5] = [
    Kind::Module,
    Kind::Method,
    Kind::Structure,
    Kind::Practice,
    Kind::Page,
];

impl Views<'_> {
    fn head(&self, url: &str, urls: &[String], title: String) -> Head {
        Head {
            title,
            summary: None,
            alternates: (0..urls.len())
                .map(|l| Alternate {
                    lang: self.reader.lang_code(l).to_string(),
                    href: relative(url, &urls[l], self.style.explicit_index),
                })
                .collect(),
            breadcrumbs: Vec::new(),
        }
    }

    fn counterparts(urls: &[String]) -> Vec<Option<String>> {
        urls.iter().cloned().map(Some).collect()
    }

    /// The print view of `lang`; `htmls` are the chapters' bodies rendered
    /// for it, in the order of `overviews.chapters[lang]`.
    pub fn print_page(&self, lang: Lang, htmls: Vec<String>) -> Option<OverviewContext<PrintPage>> {
        let hb = &self.reader;
        let urls = self.overviews.print.as_ref()?;
        let url = urls[lang].as_str();
        let chapters = self.overviews.chapters[lang]
            .iter()
            .zip(htmls)
            .map(|(&(pair, depth), html)| {
                let page = hb.best_page(pair, lang);
                PrintChapter {
                    id: crate::analyze::markdown::chapter_id(pair),
                    title: page.front.title.clone(),
                    depth,
                    kind: page.kind.as_str(),
                    summary: page.front.summary.clone(),
                    html,
                }
            })
            .collect();
        let title = self.strings.text(lang, "print-title");
        Some(OverviewContext {
            site: self.chrome_to(url, lang, &Self::counterparts(urls)),
            page: PrintPage {
                head: self.head(url, urls, title),
                chapters,
            },
        })
    }

    /// The page of taxonomy `t` (index into `overviews.taxonomies`).
    pub fn taxonomy_page(&self, t: usize, lang: Lang) -> OverviewContext<TaxonomyPage> {
        let hb = &self.reader;
        let tax = &self.overviews.taxonomies[t];
        let url = tax.urls[lang].as_str();
        let code = hb.lang_code(lang);
        let terms = tax.order[lang]
            .iter()
            .map(|&i| {
                let term = &tax.terms[i];
                let count = term.pairs[lang].len();
                TermEntry {
                    label: hb
                        .config()
                        .term_label(tax.name, &term.key, code)
                        .to_string(),
                    href: (count > 0)
                        .then(|| relative(url, &term.urls[lang], self.style.explicit_index)),
                    count,
                }
            })
            .collect();
        let title = self.strings.text(lang, &format!("taxonomy-{}", tax.name));
        OverviewContext {
            site: self.chrome_to(url, lang, &Self::counterparts(&tax.urls)),
            page: TaxonomyPage {
                head: self.head(url, &tax.urls, title),
                name: tax.name,
                terms,
            },
        }
    }

    /// The page of term `i` of taxonomy `t`: its pages, grouped by kind.
    pub fn term_page(&self, t: usize, i: usize, lang: Lang) -> OverviewContext<TermPage> {
        let hb = &self.reader;
        let tax = &self.overviews.taxonomies[t];
        let term = &tax.terms[i];
        let url = term.urls[lang].as_str();
        let code = hb.lang_code(lang);
        let pairs = &term.pairs[lang];
        let groups = KIND_ORDER
            .iter()
            .map(|&kind| KindGroup {
                kind: kind.as_str(),
                pages: pairs
                    .iter()
                    .filter(|&&p| hb.kind(p) == kind)
                    .filter_map(|&p| self.link(url, p, lang))
                    .collect(),
            })
            .filter(|g| !g.pages.is_empty())
            .collect();
        // Terms used only in one language have no page in the other.
        let counterparts: Vec<Option<String>> = (0..term.urls.len())
            .map(|l| (!term.pairs[l].is_empty()).then(|| term.urls[l].clone()))
            .collect();
        let mut head = self.head(
            url,
            &term.urls,
            hb.config()
                .term_label(tax.name, &term.key, code)
                .to_string(),
        );
        head.alternates.retain(|a| {
            hb.lang_index(&a.lang)
                .is_some_and(|l| counterparts[l].is_some())
        });
        head.breadcrumbs = vec![self.generated_link(
            url,
            &tax.urls[lang],
            lang,
            &format!("taxonomy-{}", tax.name),
        )];
        OverviewContext {
            site: self.chrome_to(url, lang, &counterparts),
            page: TermPage {
                head,
                taxonomy: tax.name,
                count: pairs.len(),
                groups,
            },
        }
    }
}
