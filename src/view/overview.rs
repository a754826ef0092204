//! Contexts of the generated overview pages: the transfer overview and the
//! taxonomy and term pages.

use super::context::{Alternate, Chrome, Link, Views};
use crate::model::Lang;
use crate::source::frontmatter::{Kind, TransferStatus};
use crate::text::urls::relative;
use serde::Serialize;

/// Above this many practices the diagram would be taller than anyone reads;
/// the table, which lists them all, stands alone.
pub const DIAGRAM_MAX: usize = 80;

/// What base.html and the breadcrumbs need of any generated page.
#[derive(Debug, Serialize)]
pub struct Head {
    pub title: String,
    pub summary: Option<String>,
    pub alternates: Vec<Alternate>,
    pub breadcrumbs: Vec<Link>,
}

/// A city column cell of a practice row.
#[derive(Debug, Serialize)]
pub struct Cell {
    /// The practice comes from this city.
    pub origin: bool,
    /// Its status here, if the city took it over.
    pub status: Option<&'static str>,
    /// Sort key: origin first, then by status, then uninvolved.
    pub rank: usize,
}

#[derive(Debug, Serialize)]
pub struct TransferRow {
    pub link: Link,
    pub cells: Vec<Cell>,
    pub conditions: String,
    pub fields: Vec<String>,
    /// Space-separated keys for the filters (`data-fields`, `data-statuses`).
    pub field_keys: String,
    pub status_keys: String,
}

#[derive(Debug, Serialize)]
pub struct TransferPage {
    #[serde(flatten)]
    pub head: Head,
    pub cities: Vec<String>,
    pub rows: Vec<TransferRow>,
    /// (key, label) of the policy fields that practices carry.
    pub fields: Vec<(String, String)>,
    pub statuses: Vec<&'static str>,
    /// The inline SVG, unless there are more than `DIAGRAM_MAX` practices.
    pub svg: Option<String>,
    pub diagram_max: usize,
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

    /// The transfer overview in `lang`; `None` if there is no practice.
    pub fn transfer_page(&self, lang: Lang) -> Option<OverviewContext<TransferPage>> {
        let hb = &self.reader;
        let urls = self.overviews.transfer.as_ref()?;
        let url = urls[lang].as_str();
        let code = hb.lang_code(lang);
        // Cities that practices come from most go first (left in the
        // diagram), so the main direction of transfer reads left to right.
        let mut city_keys: Vec<&String> = hb.config().cities.keys().collect();
        let origins = |c: &str| {
            self.overviews.practices[lang]
                .iter()
                .filter(|&&p| hb.transfer(p, lang).is_some_and(|t| t.from == c))
                .count()
        };
        city_keys.sort_by_cached_key(|c| (std::cmp::Reverse(origins(c)), (*c).clone()));
        let cities: Vec<String> = city_keys
            .iter()
            .map(|c| hb.config().term_label("cities", c, code).to_string())
            .collect();
        let mut field_keys: Vec<&str> = Vec::new();
        let mut rows = Vec::new();
        let mut nodes_data = Vec::new();
        for &pair in &self.overviews.practices[lang] {
            let Some(t) = hb.transfer(pair, lang) else {
                continue;
            };
            let Some(link) = self.best_link(url, pair, lang) else {
                continue;
            };
            let page = hb.best_page(pair, lang);
            let fields = &page.front.taxonomies.policy_fields;
            for f in fields {
                if !field_keys.contains(&f.as_str()) {
                    field_keys.push(f);
                }
            }
            let cells = city_keys
                .iter()
                .map(|&c| {
                    let status = t.status_in(c);
                    let origin = *c == t.from;
                    Cell {
                        origin,
                        status: status.map(TransferStatus::as_str),
                        rank: if origin {
                            0
                        } else {
                            status.map_or(9, |s| 1 + s as usize)
                        },
                    }
                })
                .collect();
            let mut statuses: Vec<&str> =
                t.to.iter()
                    .filter_map(|c| t.status_in(c))
                    .map(TransferStatus::as_str)
                    .collect();
            statuses.sort_unstable();
            statuses.dedup();
            nodes_data.push((
                link.title.clone(),
                link.href.clone(),
                city_keys
                    .iter()
                    .position(|&c| *c == t.from)
                    .unwrap_or(usize::MAX),
                t.to.iter()
                    .filter_map(|c| {
                        let i = city_keys.iter().position(|&k| k == c)?;
                        Some((i, t.status_in(c)?.as_str()))
                    })
                    .collect::<Vec<_>>(),
            ));
            rows.push(TransferRow {
                cells,
                conditions: t.conditions.clone(),
                fields: fields
                    .iter()
                    .map(|f| hb.config().term_label("policy_fields", f, code).to_string())
                    .collect(),
                field_keys: fields.join(" "),
                status_keys: statuses.join(" "),
                link,
            });
        }
        field_keys.sort_by_cached_key(|f| {
            hb.config()
                .term_label("policy_fields", f, code)
                .to_lowercase()
        });
        let labels: Vec<(&str, String)> = TransferStatus::ALL
            .iter()
            .map(|s| {
                (
                    s.as_str(),
                    self.strings.text(lang, &format!("status-{}", s.as_str())),
                )
            })
            .collect();
        let label_of = |key: &str| {
            labels
                .iter()
                .find(|(k, _)| *k == key)
                .map_or("", |(_, l)| l.as_str())
        };
        let svg = (rows.len() <= DIAGRAM_MAX).then(|| {
            let nodes: Vec<crate::view::diagram::Node> = nodes_data
                .iter()
                .map(|(title, href, from, to)| crate::view::diagram::Node {
                    title,
                    href,
                    from: *from,
                    to: to.iter().map(|&(c, s)| (c, s, label_of(s))).collect(),
                })
                .collect();
            let city_refs: Vec<&str> = cities.iter().map(String::as_str).collect();
            let title = self.strings.text(lang, "diagram-title");
            let desc = self.strings.text(lang, "diagram-desc");
            crate::view::diagram::transfers(
                &city_refs,
                &nodes,
                &crate::view::diagram::Text {
                    id: "transfer-diagram",
                    title: &title,
                    desc: &desc,
                    legend: labels.iter().map(|(k, l)| (*k, l.as_str())).collect(),
                },
            )
        });
        let title = self.strings.text(lang, "transfer-overview-title");
        Some(OverviewContext {
            site: self.chrome_to(url, lang, &Self::counterparts(urls)),
            page: TransferPage {
                head: Head {
                    summary: Some(self.strings.text(lang, "transfer-overview-intro")),
                    ..self.head(url, urls, title)
                },
                cities,
                rows,
                fields: field_keys
                    .iter()
                    .map(|f| {
                        (
                            f.to_string(),
                            hb.config().term_label("policy_fields", f, code).to_string(),
                        )
                    })
                    .collect(),
                statuses: TransferStatus::ALL.iter().map(|s| s.as_str()).collect(),
                svg,
                diagram_max: DIAGRAM_MAX,
            },
        })
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
