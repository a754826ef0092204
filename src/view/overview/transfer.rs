//! The transfer overview: a table of the practices with their status in
//! each city, filters by policy field and status, and, for up to
//! `DIAGRAM_MAX` practices, the diagram of where they went.

use super::{Head, OverviewContext};
use crate::model::{Lang, PairId};
use crate::source::frontmatter::{Transfer, TransferStatus};
use crate::view::context::{Link, Views};
use crate::view::diagram;
use serde::Serialize;

/// Above this many practices the diagram would be taller than anyone reads;
/// the table, which lists them all, stands alone.
pub const DIAGRAM_MAX: usize = 80;

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
    /// The practice (for the PDF, which links to its chapter).
    #[serde(skip)]
    pub pair: PairId,
    pub link: Link,
    /// The page states no origin: the row says so instead of a city.
    pub origin_unstated: bool,
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
    /// `transfer_source` of handbook.toml in this language, if set.
    pub source: Option<String>,
    /// The inline SVG, unless there are more than `DIAGRAM_MAX` practices.
    pub svg: Option<String>,
    pub diagram_max: usize,
}

/// Each status key with its label in the page's language.
type StatusLabels = [(&'static str, String)];

impl Views<'_> {
    /// The transfer overview in `lang`; `None` if there is no practice.
    pub fn transfer_page(&self, lang: Lang) -> Option<OverviewContext<TransferPage>> {
        let hb = &self.reader;
        let urls = self.overviews.transfer.as_ref()?;
        let url = urls[lang].as_str();
        let code = hb.lang_code(lang);
        let city_keys = self.cities_by_origins(lang);
        let shown: Vec<(PairId, &Transfer, Link)> = self.overviews.practices[lang]
            .iter()
            .filter_map(|&pair| {
                let t = hb.transfer(pair, lang)?;
                Some((pair, t, self.best_link(url, pair, lang)?))
            })
            .collect();
        let fields = self.policy_fields(shown.iter().map(|s| s.0), lang);
        let (transfers, rows): (Vec<&Transfer>, Vec<TransferRow>) = shown
            .into_iter()
            .map(|(pair, t, link)| (t, self.transfer_row(pair, t, link, &city_keys, lang)))
            .unzip();
        let cities: Vec<String> = city_keys
            .iter()
            .map(|c| hb.config().term_label("cities", c, code).to_string())
            .collect();
        let svg = (rows.len() <= DIAGRAM_MAX).then(|| {
            let labels = self.status_labels(lang);
            let nodes: Vec<diagram::Node> = rows
                .iter()
                .zip(transfers)
                .map(|(row, t)| diagram_node(&row.link, t, &city_keys, &labels))
                .collect();
            self.transfer_diagram(lang, &cities, &nodes, &labels)
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
                fields,
                statuses: TransferStatus::ALL.iter().map(|s| s.as_str()).collect(),
                source: hb.config().transfer_source.get(code).cloned(),
                svg,
                diagram_max: DIAGRAM_MAX,
            },
        })
    }

    /// The city keys, those that most practices come from first (left in
    /// the diagram), so the main direction of transfer reads left to right.
    fn cities_by_origins(&self, lang: Lang) -> Vec<&String> {
        let hb = &self.reader;
        let mut city_keys: Vec<&String> = hb.config().cities.keys().collect();
        let origins = |c: &str| {
            self.overviews.practices[lang]
                .iter()
                .filter(|&&p| hb.transfer(p, lang).is_some_and(|t| t.comes_from(c)))
                .count()
        };
        city_keys.sort_by_cached_key(|c| (std::cmp::Reverse(origins(c)), (*c).clone()));
        city_keys
    }

    /// (key, label) of the policy fields of the practices `pairs`, for the
    /// field filter: each once, by label.
    fn policy_fields(
        &self,
        pairs: impl Iterator<Item = PairId>,
        lang: Lang,
    ) -> Vec<(String, String)> {
        let hb = &self.reader;
        let code = hb.lang_code(lang);
        let mut keys: Vec<&str> = Vec::new();
        for pair in pairs {
            let page = hb.best_page(pair, lang);
            for f in &page.front.taxonomies.policy_fields {
                if !keys.contains(&f.as_str()) {
                    keys.push(f);
                }
            }
        }
        keys.sort_by_cached_key(|f| {
            hb.config()
                .term_label("policy_fields", f, code)
                .to_lowercase()
        });
        keys.iter()
            .map(|f| {
                (
                    f.to_string(),
                    hb.config().term_label("policy_fields", f, code).to_string(),
                )
            })
            .collect()
    }

    /// The table row of practice `pair`, whose transfer is `t`.
    fn transfer_row(
        &self,
        pair: PairId,
        t: &Transfer,
        link: Link,
        city_keys: &[&String],
        lang: Lang,
    ) -> TransferRow {
        let hb = &self.reader;
        let code = hb.lang_code(lang);
        let fields = &hb.best_page(pair, lang).front.taxonomies.policy_fields;
        TransferRow {
            pair,
            cells: city_keys.iter().map(|c| cell(t, c)).collect(),
            conditions: t.conditions.clone(),
            fields: fields
                .iter()
                .map(|f| hb.config().term_label("policy_fields", f, code).to_string())
                .collect(),
            field_keys: fields.join(" "),
            status_keys: status_keys(t),
            origin_unstated: t.from.is_none(),
            link,
        }
    }

    /// Each status with its label in `lang`, in the order of the legend.
    fn status_labels(&self, lang: Lang) -> Vec<(&'static str, String)> {
        TransferStatus::ALL
            .iter()
            .map(|s| {
                (
                    s.as_str(),
                    self.strings.text(lang, &format!("status-{}", s.as_str())),
                )
            })
            .collect()
    }

    /// The inline SVG of `nodes` between the bars of `cities`, with its
    /// title, description and legend in `lang`.
    fn transfer_diagram(
        &self,
        lang: Lang,
        cities: &[String],
        nodes: &[diagram::Node],
        labels: &StatusLabels,
    ) -> String {
        let city_refs: Vec<&str> = cities.iter().map(String::as_str).collect();
        let title = self.strings.text(lang, "diagram-title");
        let desc = self.strings.text(lang, "diagram-desc");
        diagram::transfers(
            &city_refs,
            nodes,
            &diagram::Text {
                id: "transfer-diagram",
                title: &title,
                desc: &desc,
                legend: labels.iter().map(|(k, l)| (*k, l.as_str())).collect(),
            },
        )
    }
}

/// The cell of a practice with transfer `t` in the column of `city`.
fn cell(t: &Transfer, city: &str) -> Cell {
    let status = t.status_in(city);
    let origin = t.comes_from(city);
    Cell {
        origin,
        status: status.map(TransferStatus::as_str),
        rank: if origin {
            0
        } else {
            status.map_or(9, |s| 1 + s as usize)
        },
    }
}

/// The statuses a practice has in its target cities, each once, sorted
/// and space-separated, for the status filter.
fn status_keys(t: &Transfer) -> String {
    let mut statuses: Vec<&str> =
        t.to.iter()
            .filter_map(|c| t.status_in(c))
            .map(TransferStatus::as_str)
            .collect();
    statuses.sort_unstable();
    statuses.dedup();
    statuses.join(" ")
}

/// The practice behind `link` as the diagram draws it: the column of its
/// origin, and that of each target city with the status there.
fn diagram_node<'n>(
    link: &'n Link,
    t: &Transfer,
    city_keys: &[&String],
    labels: &'n StatusLabels,
) -> diagram::Node<'n> {
    diagram::Node {
        title: &link.title,
        href: &link.href,
        from: city_keys
            .iter()
            .position(|&c| t.comes_from(c))
            .unwrap_or(usize::MAX),
        to: t
            .to
            .iter()
            .filter_map(|c| {
                let i = city_keys.iter().position(|&k| k == c)?;
                let status = t.status_in(c)?.as_str();
                Some((i, status, label_of(labels, status)))
            })
            .collect(),
    }
}

/// The label of status `key` (empty for an unknown key).
fn label_of<'l>(labels: &'l StatusLabels, key: &str) -> &'l str {
    labels
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("", |(_, l)| l.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::frontmatter::Statuses;

    /// Münster's practice, implemented in Almelo and planned in Enschede.
    fn transfer() -> Transfer {
        let to = ["almelo", "enschede"].map(String::from).to_vec();
        let per_city = [
            ("almelo".to_string(), TransferStatus::Implemented),
            ("enschede".to_string(), TransferStatus::Planned),
        ];
        Transfer {
            from: Some("muenster".into()),
            to,
            status: Statuses::PerCity(per_city.into_iter().collect()),
            conditions: String::new(),
        }
    }

    #[test]
    fn cells_rank_the_origin_then_by_status() {
        let t = transfer();
        let origin = cell(&t, "muenster");
        assert!(origin.origin && origin.status.is_none() && origin.rank == 0);
        let almelo = cell(&t, "almelo");
        assert_eq!((almelo.status, almelo.rank), (Some("implemented"), 4));
        assert_eq!(cell(&t, "enschede").rank, 2);
        let other = cell(&t, "gronau");
        assert!(!other.origin && other.status.is_none() && other.rank == 9);
    }

    #[test]
    fn status_keys_are_sorted_and_distinct() {
        assert_eq!(status_keys(&transfer()), "implemented planned");
        let all = Transfer {
            status: Statuses::All(TransferStatus::Adapting),
            ..transfer()
        };
        assert_eq!(status_keys(&all), "adapting");
    }

    /// A row's link to a practice page.
    fn practice_link(title: &str, href: &str) -> Link {
        Link {
            title: title.into(),
            href: href.into(),
            current: false,
            summary: None,
            kind: None,
            missing: false,
            lang: None,
        }
    }

    #[test]
    fn diagram_nodes_use_the_city_columns() {
        let link = practice_link("Lotsen", "../lotsen/");
        let keys = ["almelo", "muenster"].map(String::from);
        let city_keys: Vec<&String> = keys.iter().collect();
        let labels = [("implemented", "Ingevoerd".to_string())];
        let node = diagram_node(&link, &transfer(), &city_keys, &labels);
        assert_eq!(
            (node.title, node.href, node.from),
            ("Lotsen", "../lotsen/", 1)
        );
        assert_eq!(node.to, [(0, "implemented", "Ingevoerd")]);
        assert_eq!(label_of(&labels, "planned"), "");
    }

    #[test]
    fn an_unstated_origin_has_no_column_and_no_arrow() {
        let t = Transfer {
            from: None,
            status: Statuses::All(TransferStatus::Proposed),
            ..transfer()
        };
        assert!(!cell(&t, "muenster").origin);
        assert_eq!(cell(&t, "almelo").status, Some("proposed"));
        assert_eq!(status_keys(&t), "proposed");
        let link = practice_link("Profiel", "../profiel/");
        let keys = ["almelo", "muenster"].map(String::from);
        let city_keys: Vec<&String> = keys.iter().collect();
        let node = diagram_node(&link, &t, &city_keys, &[]);
        assert_eq!(node.from, usize::MAX);
    }
}
