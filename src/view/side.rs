//! The side-by-side view of a page: its versions in two (or more) columns,
//! their `##` sections aligned in rows by shared heading id, a section
//! that one version lacks shown against a cell that says so.

use super::context::{Alternate, Chrome, Views};
use crate::analyze::markdown::Part;
use crate::model::{Lang, PairId};
use crate::text::urls::relative;
use serde::Serialize;
use std::collections::HashMap;

/// One version's column head: its language and a link to its page.
#[derive(Debug, Serialize)]
pub struct Column {
    pub lang: String,
    /// The language's name in the reader's language ("Duits").
    pub name: String,
    pub title: String,
    pub href: String,
}

/// One cell: a version's section, or `None` where that version lacks it.
#[derive(Debug, Serialize)]
pub struct Cell {
    pub lang: String,
    pub name: String,
    pub html: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct SideView {
    /// The title in the reader's language.
    pub title: String,
    pub summary: Option<String>,
    /// The page in the reader's language, for the way back.
    pub back: String,
    pub alternates: Vec<Alternate>,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Serialize)]
pub struct SideContext {
    pub site: Chrome,
    pub page: SideView,
}

impl super::context::WithChrome for SideContext {
    fn chrome(&self) -> &Chrome {
        &self.site
    }
}

impl Views<'_> {
    /// The link from `url` to the side-by-side view of `pair` in `lang`.
    pub fn side_href(&self, url: &str, pair: PairId, lang: Lang) -> Option<String> {
        let view = self.overviews.side_url(self.reader.pair(pair), lang)?;
        Some(relative(url, &view, self.style.explicit_index))
    }

    /// The view at `url` of `pair` in `lang`, whose versions (reader's
    /// language first) rendered as columns to `parts`; `views` holds each
    /// language's view URL.
    pub fn side_page(
        &self,
        pair: PairId,
        lang: Lang,
        url: &str,
        parts: Vec<(Lang, Vec<Part>)>,
        views: &[Option<String>],
    ) -> SideContext {
        let reader = &self.reader;
        let name = |l: Lang| {
            self.strings
                .text(lang, &format!("lang-{}", reader.lang_code(l)))
        };
        let columns = parts
            .iter()
            .map(|&(l, _)| Column {
                lang: reader.lang_code(l).into(),
                name: name(l),
                title: reader.title(pair, l).into(),
                href: self.href(url, pair, l).unwrap_or_default(),
            })
            .collect();
        let keys: Vec<Vec<Option<&str>>> = parts
            .iter()
            .map(|(_, ps)| ps.iter().map(|p| p.id.as_deref()).collect())
            .collect();
        let aligned = align(&keys);
        // Each part's HTML goes into its cell, moved, not copied.
        let mut htmls: Vec<(Lang, Vec<Option<String>>)> = parts
            .into_iter()
            .map(|(l, ps)| (l, ps.into_iter().map(|p| Some(p.html)).collect()))
            .collect();
        let rows = aligned
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .zip(htmls.iter_mut())
                    .map(|(i, (l, cells))| Cell {
                        lang: reader.lang_code(*l).into(),
                        name: name(*l),
                        html: i.and_then(|i| cells[i].take()),
                    })
                    .collect()
            })
            .collect();
        let alternates = views
            .iter()
            .enumerate()
            .filter_map(|(l, v)| {
                Some(Alternate {
                    lang: reader.lang_code(l).into(),
                    href: relative(url, v.as_deref()?, self.style.explicit_index),
                })
            })
            .collect();
        SideContext {
            site: self.chrome_of(url, lang, views, Some(pair)),
            page: SideView {
                title: reader.title(pair, lang).into(),
                summary: reader.best_page(pair, lang).front.summary.clone(),
                back: self.href(url, pair, lang).unwrap_or_default(),
                alternates,
                columns,
                rows,
            },
        }
    }
}

/// Rows of part indices, one entry per column: the first column's parts
/// in order, each later column's parts beside the part with the same id
/// (the intro, `None`, beside the intro), a part without partner in a
/// row of its own right before the row of the next part that has one.
/// Linear in the number of parts.
pub fn align(columns: &[Vec<Option<&str>>]) -> Vec<Vec<Option<usize>>> {
    /// A row: its key (a heading id, `None` for the intro) and its cells.
    type Row<'k> = (Option<&'k str>, Vec<Option<usize>>);
    let n = columns.len();
    let mut rows: Vec<Row> = Vec::new();
    for (c, parts) in columns.iter().enumerate() {
        let at: HashMap<Option<&str>, usize> =
            rows.iter().enumerate().map(|(r, (k, _))| (*k, r)).collect();
        // before[r]: new rows that go right before old row r.
        let mut before: Vec<Vec<Row>> = (0..=rows.len()).map(|_| Vec::new()).collect();
        // Parts without partner wait for the next part that has one, and
        // go right before its row: each column's own sections stay together.
        let mut waiting = Vec::new();
        for (j, &key) in parts.iter().enumerate() {
            match at.get(&key) {
                Some(&r) if rows[r].1[c].is_none() => {
                    rows[r].1[c] = Some(j);
                    before[r].append(&mut waiting);
                }
                _ => {
                    let mut cells = vec![None; n];
                    cells[c] = Some(j);
                    waiting.push((key, cells));
                }
            }
        }
        before[rows.len()].append(&mut waiting);
        let mut merged = Vec::with_capacity(rows.len() + parts.len());
        let mut before = before.into_iter();
        merged.extend(before.next().into_iter().flatten());
        for (row, new) in rows.into_iter().zip(before) {
            merged.push(row);
            merged.extend(new);
        }
        rows = merged;
    }
    rows.into_iter().map(|(_, cells)| cells).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(ids: &[&'static str]) -> Vec<Option<&'static str>> {
        ids.iter().map(|&i| (!i.is_empty()).then_some(i)).collect()
    }

    #[test]
    fn sections_with_the_same_id_share_a_row() {
        let rows = align(&[col(&["", "a", "b"]), col(&["", "a", "b"])]);
        assert_eq!(
            rows,
            vec![
                vec![Some(0), Some(0)],
                vec![Some(1), Some(1)],
                vec![Some(2), Some(2)]
            ]
        );
    }

    #[test]
    fn a_section_of_one_version_only_gets_its_own_row_in_place() {
        // nl: intro, a, b, d; de: intro, a, c, d (c is new, b is gone).
        let rows = align(&[col(&["", "a", "b", "d"]), col(&["", "a", "c", "d"])]);
        assert_eq!(
            rows,
            vec![
                vec![Some(0), Some(0)],
                vec![Some(1), Some(1)],
                vec![Some(2), None],
                vec![None, Some(2)],
                vec![Some(3), Some(3)],
            ]
        );
    }

    #[test]
    fn a_missing_intro_and_an_added_first_section() {
        let rows = align(&[col(&["a"]), col(&["", "z", "a"])]);
        assert_eq!(
            rows,
            vec![
                vec![None, Some(0)],
                vec![None, Some(1)],
                vec![Some(0), Some(2)]
            ]
        );
    }

    #[test]
    fn thousands_of_sections_align_at_once() {
        let ids: Vec<String> = (0..20_000).map(|i| format!("s{i}")).collect();
        let a: Vec<Option<&str>> = ids.iter().map(|s| Some(s.as_str())).collect();
        let b: Vec<Option<&str>> = ids.iter().rev().map(|s| Some(s.as_str())).collect();
        let rows = align(&[a, b]);
        assert_eq!(rows.len(), 20_000, "every section found its partner");
    }
}
