//! The handbook map: the sidebar's tree of the handbook as seen from one
//! page. The top level (home, top-level pages and sections, the overview
//! pages) is on every page; only the sections on the way to the current
//! page are opened, and a long section shows a window of its pages around
//! the current one. So a page's map grows with its depth and its section,
//! never with the size of the handbook.
//!
//! It is on every page, so it reaches the template as finished HTML: as a
//! tree of template values it cost a third of the build (each node a map
//! of nine values, walked by a recursive macro). A theme styles it by its
//! classes (`map-tree` around it, `map-more`, `missing-marker`). When the
//! pages are minified it is written minified, and a page gets it only
//! after the rest of the page is minified (`PLACEHOLDER`).

use super::context::{Link, Views};
use crate::model::{Lang, PairId, SectionId};

/// How many pages on each side of the current page an opened section
/// shows (a section's own page lists them all).
pub const MAP_WINDOW: usize = 10;

/// One entry of the map.
#[derive(Debug)]
pub struct MapNode {
    pub link: Link,
    /// A section on the way to the current page: its entries follow.
    pub open: bool,
    pub children: Vec<MapNode>,
    /// All pages of an opened section (its children may be a window).
    pub total: usize,
    /// Pages of an opened section left out of its window.
    pub more: usize,
}

impl MapNode {
    fn leaf(link: Link) -> Self {
        MapNode {
            link,
            open: false,
            children: Vec::new(),
            total: 0,
            more: 0,
        }
    }
}

/// What a minified page's template gets for its map, which the page's job
/// replaces with the map once the page is minified (`minify::spliced`):
/// the map is written minified already, and it is a quarter of a page.
pub const PLACEHOLDER: &str = "<brug-map></brug-map>";

/// Serializes a context's map: whole for an unminified page, as
/// `PLACEHOLDER` for a minified one (`text::long`).
pub fn placed<S: serde::Serializer>(html: &str, s: S) -> Result<S::Ok, S::Error> {
    crate::text::long::placed_text(html, PLACEHOLDER, s)
}

impl Views<'_> {
    /// The map of the page at `url` as HTML (a `<ul>`), minified when the
    /// pages are.
    pub fn map_html(&self, url: &str, pair: Option<PairId>, lang: Lang) -> String {
        let nodes = self.map(url, pair, lang);
        let mut html = String::with_capacity(4096);
        self.write_list(&mut html, &nodes, lang);
        html
    }

    /// Writes `nodes` as a list. Minified, it leaves out what a minifier
    /// would (the quotes an attribute value does not need, the end tags of
    /// `li` and of a `p` that ends its parent), so that a minified page
    /// reads the same with it as if the minifier had written it.
    fn write_list(&self, out: &mut String, nodes: &[MapNode], lang: Lang) {
        use crate::text::escape::{push_min_attr, push_min_text};
        let strings = self.strings;
        let min = self.minified;
        let text = |id: &str, title: &str, count: usize| {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("title", title);
            args.set("count", count);
            strings
                .get(lang, id, Some(&args))
                .unwrap_or_else(|_| id.into())
        };
        let push_text = |out: &mut String, t: &str| match min {
            true => push_min_text(out, t),
            false => out.push_str(&crate::text::escape::html(t)),
        };
        let push_attr = |out: &mut String, name: &str, value: &str| match min {
            true => push_min_attr(out, name, value),
            false => {
                out.push(' ');
                out.push_str(name);
                out.push_str("=\"");
                out.push_str(&crate::text::escape::html(value));
                out.push('"');
            }
        };
        out.push_str("<ul>");
        for n in nodes {
            out.push_str("<li><a");
            push_attr(out, "href", &n.link.href);
            if n.link.current {
                push_attr(out, "aria-current", "page");
            }
            out.push('>');
            push_text(out, &n.link.title);
            out.push_str("</a>");
            if n.link.missing {
                out.push_str(" <span");
                push_attr(out, "class", "missing-marker");
                out.push('>');
                push_text(out, &strings.text(lang, "missing-marker"));
                out.push_str("</span>");
            }
            if n.open {
                out.push_str("<details open><summary>");
                push_text(out, &text("map-contents", &n.link.title, n.total));
                out.push_str("</summary>");
                if !n.children.is_empty() {
                    self.write_list(out, &n.children, lang);
                }
                if n.more > 0 {
                    out.push_str("<p");
                    push_attr(out, "class", "map-more");
                    out.push_str("><a");
                    push_attr(out, "href", &n.link.href);
                    out.push('>');
                    push_text(out, &text("map-all", &n.link.title, n.total));
                    out.push_str(if min { "</a>" } else { "</a></p>" });
                }
                out.push_str("</details>");
            }
            if !min {
                out.push_str("</li>");
            }
        }
        out.push_str("</ul>");
    }

    /// The map of the page at `url`, showing `pair` (none for the overview
    /// and site pages, whose map is the top level).
    pub fn map(&self, url: &str, pair: Option<PairId>, lang: Lang) -> Vec<MapNode> {
        let reader = &self.reader;
        let Some(top) = reader.top() else {
            return Vec::new();
        };
        let path = pair.map(|p| self.sections_to(p)).unwrap_or_default();
        let mut nodes = Vec::new();
        if let Some(home) = top.index.and_then(|h| self.link(url, h, lang)) {
            nodes.push(MapNode::leaf(home));
        }
        nodes.extend(self.section_entries(url, 0, pair, lang, &path));
        if let Some(urls) = &self.overviews.transfer {
            let link = self.generated_link(url, &urls[lang], lang, "transfer-overview-title");
            nodes.push(MapNode::leaf(link));
        }
        nodes.extend(
            self.overviews
                .taxonomies
                .iter()
                .filter(|t| !t.terms.is_empty())
                .map(|t| {
                    let title = format!("taxonomy-{}", t.name);
                    MapNode::leaf(self.generated_link(url, &t.urls[lang], lang, &title))
                }),
        );
        nodes
    }

    /// The sections from the top down to the one holding `pair` (for a
    /// section's own page, that section).
    fn sections_to(&self, pair: PairId) -> Vec<SectionId> {
        let reader = &self.reader;
        let mut path = Vec::new();
        let mut section = Some(reader.pair(pair).section);
        while let Some(s) = section {
            path.push(s);
            section = reader.section(s).parent;
        }
        path.reverse();
        path
    }

    /// The entries inside `section`: its pages (a window around `pair`
    /// when it is long) and its sub-sections, in reading order (by weight,
    /// then title, as the print view has them); those on `path` opened.
    fn section_entries(
        &self,
        url: &str,
        section: SectionId,
        pair: Option<PairId>,
        lang: Lang,
        path: &[SectionId],
    ) -> Vec<MapNode> {
        let s = self.reader.section(section);
        let mut items: Vec<(PairId, Option<SectionId>)> = window(&s.pairs[lang], pair)
            .iter()
            .map(|&q| (q, None))
            .collect();
        for &child in &s.children[lang] {
            if let Some(index) = self.reader.section(child).index {
                items.push((index, Some(child)));
            }
        }
        // Stable: ties keep the section's own order.
        items.sort_by_cached_key(|&(q, _)| {
            let page = self.reader.best_page(q, lang);
            (
                page.front.weight.unwrap_or(0),
                page.front.title.to_lowercase(),
            )
        });
        items
            .into_iter()
            .filter_map(|(q, child)| {
                let link = self.link(url, q, lang)?;
                let mut node = MapNode::leaf(Link {
                    summary: None,
                    ..link
                });
                if let Some(child) = child.filter(|c| path.contains(c)) {
                    let pages = &self.reader.section(child).pairs[lang];
                    node.children = self.section_entries(url, child, pair, lang, path);
                    node.open = true;
                    node.total = pages.len();
                    node.more = pages.len() - window(pages, pair).len();
                }
                Some(node)
            })
            .collect()
    }
}

/// The part of a section's `list` of pages that its map entry shows: all
/// of it when short, else `MAP_WINDOW` pages each side of `pair` (or the
/// first ones when `pair` is not in it).
fn window(list: &[PairId], pair: Option<PairId>) -> &[PairId] {
    let i = pair
        .and_then(|p| list.iter().position(|&q| q == p))
        .unwrap_or(0);
    let start = i.saturating_sub(MAP_WINDOW);
    let end = (start + 2 * MAP_WINDOW + 1).min(list.len());
    let start = end.saturating_sub(2 * MAP_WINDOW + 1).min(start);
    &list[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_section_is_shown_whole() {
        let list: Vec<PairId> = (0..10).collect();
        assert_eq!(window(&list, Some(5)), &list[..]);
        assert_eq!(window(&list, None), &list[..]);
    }

    #[test]
    fn a_long_section_shows_a_window_of_fixed_size_around_the_page() {
        let list: Vec<PairId> = (100..200).collect();
        let size = 2 * MAP_WINDOW + 1;
        let middle = window(&list, Some(150));
        assert_eq!(middle.len(), size);
        assert_eq!(middle[MAP_WINDOW], 150, "the page is in the middle");
        let first = window(&list, Some(100));
        assert_eq!((first[0], first.len()), (100, size));
        let last = window(&list, Some(199));
        assert_eq!((*last.last().unwrap(), last.len()), (199, size));
        assert_eq!(window(&list, None)[0], 100, "not in it: the first pages");
    }
}
