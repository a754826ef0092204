//! The transfer diagram, drawn at build time as inline SVG: no script and no
//! library, so it shows offline, in print and without JavaScript.
//!
//! Layout: each city is a vertical bar at the left or right edge (cities
//! alternate sides, so two cities face each other); each practice is a box
//! in the middle column, with an arrow from its origin's bar to the box and
//! one from the box to each target city's bar. The line style of that
//! arrow and a text label in the box give the status, never colour alone.

use crate::text::escape::html as esc;
use std::fmt::Write;

/// A practice in the diagram.
#[derive(Debug)]
pub struct Node<'a> {
    pub title: &'a str,
    /// Relative link to the practice's page.
    pub href: &'a str,
    /// Index of the origin city.
    pub from: usize,
    /// Target city index, status key and status label.
    pub to: Vec<(usize, &'a str, &'a str)>,
}

/// The words the diagram needs, in the page's language.
#[derive(Debug)]
pub struct Text<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub desc: &'a str,
    /// (status key, label) for the legend.
    pub legend: Vec<(&'a str, &'a str)>,
}

const WIDTH: u32 = 760;
const BAR: u32 = 120;
const BOX_X: u32 = 190;
const BOX_W: u32 = WIDTH - 2 * BOX_X;
const TOP: u32 = 56;
const LINE: u32 = 18;
const GAP: u32 = 14;
/// Characters per line of a box title at the font size in site.css.
const WRAP: usize = 42;
const MAX_LINES: usize = 3;

/// Draws the diagram. `cities` are the labels of all cities in order.
pub fn transfers(cities: &[&str], nodes: &[Node], text: &Text) -> String {
    let (rows, y) = layout(nodes);
    let legend_y = y + 10;
    let body_bottom = y.saturating_sub(GAP).max(TOP + 40);
    let id = esc(text.id);
    let mut s = String::with_capacity(1024 + nodes.len() * 600);
    open(&mut s, &id, legend_y + 40, text);
    let bars = Bars::draw(&mut s, cities, body_bottom);
    for (node, row) in nodes.iter().zip(&rows) {
        bars.edges(&mut s, node, row, &id);
        node_box(&mut s, node, row, cities);
    }
    legend(&mut s, &text.legend, legend_y);
    s.push_str("</svg>");
    s
}

/// Where a practice's box goes: its top, its height and its title lines.
struct Row {
    y: u32,
    h: u32,
    lines: Vec<String>,
}

/// The boxes stacked from `TOP`, each as tall as its title and status
/// lines; and the first `y` below the last box and its gap.
fn layout(nodes: &[Node]) -> (Vec<Row>, u32) {
    let mut rows = Vec::with_capacity(nodes.len());
    let mut y = TOP;
    for node in nodes {
        let lines = wrap(node.title, WRAP, MAX_LINES);
        let h = 16 + LINE * (lines.len() as u32 + node.to.len() as u32);
        rows.push(Row { y, h, lines });
        y += h + GAP;
    }
    (rows, y)
}

/// Opens the `svg` element with its accessible title and description and
/// defines the arrow head (`id` is escaped).
fn open(s: &mut String, id: &str, height: u32, text: &Text) {
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="transfer-diagram" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"#,
        title = esc(text.title),
        desc = esc(text.desc),
    );
    let _ = write!(
        s,
        r#"<defs><marker id="{id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path class="arrow-head" d="M0,0 L10,5 L0,10 z"/></marker></defs>"#,
    );
}

/// The city bars as drawn: (x, top, bottom) per city.
struct Bars(Vec<(u32, u32, u32)>);

impl Bars {
    /// Draws the bars: even cities on the left, odd ones on the right,
    /// each side split evenly down to `body_bottom`.
    fn draw(s: &mut String, cities: &[&str], body_bottom: u32) -> Bars {
        let sides = [
            (0..cities.len()).filter(|i| i % 2 == 0).collect::<Vec<_>>(),
            (0..cities.len()).filter(|i| i % 2 == 1).collect::<Vec<_>>(),
        ];
        let mut bars = vec![(0u32, 0u32, 0u32); cities.len()];
        for (side, members) in sides.iter().enumerate() {
            let span = (body_bottom - TOP + 24) / members.len().max(1) as u32;
            for (k, &city) in members.iter().enumerate() {
                let x = if side == 0 { 0 } else { WIDTH - BAR };
                let top = TOP - 24 + span * k as u32;
                bars[city] = (x, top, top + span - 8);
                let _ = write!(
                    s,
                    r#"<g class="city"><rect x="{x}" y="{top}" width="{BAR}" height="{h}" rx="6"/><text x="{cx}" y="{ty}" text-anchor="middle">{label}</text></g>"#,
                    h = span - 8,
                    cx = x + BAR / 2,
                    ty = top + 22,
                    label = esc(cities[city]),
                );
            }
        }
        Bars(bars)
    }

    /// The x of the city's bar edge and of the box edge that face each
    /// other.
    fn edge_x(&self, city: usize) -> (u32, u32) {
        let (x, _, _) = self.0[city];
        if x == 0 {
            (BAR, BOX_X)
        } else {
            (WIDTH - BAR, BOX_X + BOX_W)
        }
    }

    /// `y` moved onto the city's bar, below its label.
    fn clamp_y(&self, city: usize, y: u32) -> u32 {
        let (_, top, bottom) = self.0[city];
        y.clamp(top + 34, bottom.saturating_sub(6).max(top + 34))
    }

    /// Draws the arrows of one practice: from its origin's bar to its box
    /// and from the box to each target city's bar (unknown cities have
    /// none; `id` is escaped).
    fn edges(&self, s: &mut String, node: &Node, row: &Row, id: &str) {
        let mid = row.y + row.h / 2;
        if node.from < self.0.len() {
            let (bar_x, box_x) = self.edge_x(node.from);
            let _ = write!(
                s,
                r#"<line class="edge edge-origin" x1="{bar_x}" y1="{y1}" x2="{box_x}" y2="{y2}" marker-end="url(#{id}-arrow)"/>"#,
                y1 = self.clamp_y(node.from, mid.saturating_sub(6)),
                y2 = mid.saturating_sub(6),
            );
        }
        for (k, &(city, status, _)) in node.to.iter().enumerate() {
            if city >= self.0.len() {
                continue;
            }
            let (bar_x, box_x) = self.edge_x(city);
            let ey = mid + 6 + 4 * k as u32;
            let _ = write!(
                s,
                r#"<line class="edge edge-{status}" x1="{box_x}" y1="{ey}" x2="{bar_x}" y2="{y2}" marker-end="url(#{id}-arrow)"/>"#,
                status = esc(status),
                y2 = self.clamp_y(city, ey),
            );
        }
    }
}

/// Draws a practice's box, a link to its page: the title lines, then a
/// line per target city with the status as icon and word.
fn node_box(s: &mut String, node: &Node, row: &Row, cities: &[&str]) {
    let Row { y, h, lines } = row;
    let _ = write!(
        s,
        r#"<a class="node" href="{href}"><rect x="{BOX_X}" y="{y}" width="{BOX_W}" height="{h}" rx="4"/>"#,
        href = esc(node.href),
    );
    let mut ty = y + 8 + LINE - 4;
    for line in lines {
        let _ = write!(
            s,
            r#"<text class="node-title" x="{x}" y="{ty}">{line}</text>"#,
            x = BOX_X + 10,
            line = esc(line),
        );
        ty += LINE;
    }
    for &(city, status, label) in &node.to {
        let _ = write!(
            s,
            r#"<text class="node-status status-{status}" x="{x}" y="{ty}">{icon} {city}: {label}</text>"#,
            x = BOX_X + 10,
            status = esc(status),
            icon = status_icon(status),
            city = esc(cities.get(city).copied().unwrap_or_default()),
            label = esc(label),
        );
        ty += LINE;
    }
    s.push_str("</a>");
}

/// Draws the legend at `legend_y`: a line sample and the label for each
/// (status, label), so that the line styles need no colour to read.
fn legend(s: &mut String, legend: &[(&str, &str)], legend_y: u32) {
    let step = WIDTH / legend.len().max(1) as u32;
    for (k, (status, label)) in legend.iter().enumerate() {
        let x = step * k as u32;
        let _ = write!(
            s,
            r#"<g class="legend"><line class="edge edge-{status}" x1="{x}" y1="{ly}" x2="{x2}" y2="{ly}"/><text x="{tx}" y="{ty}">{icon} {label}</text></g>"#,
            status = esc(status),
            x2 = x + 36,
            ly = legend_y + 16,
            tx = x + 44,
            ty = legend_y + 21,
            icon = status_icon(status),
            label = esc(label),
        );
    }
}

/// The same symbols as the status badges in site.css.
fn status_icon(status: &str) -> &'static str {
    match status {
        "proposed" => "◌",
        "planned" => "○",
        "adapting" => "◐",
        "implemented" => "●",
        _ => "⊘",
    }
}

/// Greedy word wrap into at most `max` lines of about `width` characters;
/// what does not fit ends in an ellipsis (the full title is in the table).
fn wrap(text: &str, width: usize, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let len = current.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    if lines.len() > max {
        lines.truncate(max);
        let last = &mut lines[max - 1];
        let keep: String = last.chars().take(width.saturating_sub(1)).collect();
        *last = format!("{}…", keep.trim_end());
    }
    for line in &mut lines {
        if line.chars().count() > width {
            let keep: String = line.chars().take(width.saturating_sub(1)).collect();
            *line = format!("{keep}…");
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text() -> Text<'static> {
        Text {
            id: "d",
            title: "Overdracht",
            desc: "Zie de tabel",
            legend: vec![("planned", "Gepland"), ("implemented", "Ingevoerd")],
        }
    }

    #[test]
    fn draws_a_node_per_practice_with_its_link_and_statuses() {
        let nodes = [
            Node {
                title: "Lotsen & <buddies>",
                href: "../lotsen/",
                from: 0,
                to: vec![(1, "implemented", "Ingevoerd"), (2, "planned", "Gepland")],
            },
            Node {
                title: "Werkgroep",
                href: "../werkgroep/",
                from: 1,
                to: vec![(0, "planned", "Gepland")],
            },
        ];
        let svg = transfers(&["Münster", "Almelo", "Enschede"], &nodes, &text());
        assert_eq!(svg.matches("<a class=\"node\"").count(), 2);
        assert!(svg.contains(r#"href="../lotsen/""#));
        assert!(svg.contains("Lotsen &amp; &lt;buddies&gt;"));
        assert!(svg.contains("Almelo: Ingevoerd"));
        assert!(svg.contains("Enschede: Gepland"));
        assert_eq!(svg.matches("edge-origin").count(), 2);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("<title id=\"d-title\">Overdracht</title>"));
    }

    #[test]
    fn boxes_stack_with_a_gap_and_fit_their_lines() {
        let nodes = [
            Node {
                title: "Kort",
                href: "a/",
                from: 0,
                to: vec![(1, "planned", "Gepland")],
            },
            Node {
                title: &"woord ".repeat(20),
                href: "b/",
                from: 1,
                to: Vec::new(),
            },
        ];
        let (rows, end) = layout(&nodes);
        assert_eq!((rows[0].y, rows[0].h), (TOP, 16 + 2 * LINE));
        assert_eq!(rows[1].lines.len(), 3);
        assert_eq!(rows[1].y, TOP + rows[0].h + GAP);
        assert_eq!(end, rows[1].y + rows[1].h + GAP);
    }

    #[test]
    fn cities_alternate_sides_and_arrows_stay_on_their_bar() {
        let mut s = String::new();
        let bars = Bars::draw(&mut s, &["A", "B", "C"], 300);
        assert_eq!(s.matches("<g class=\"city\">").count(), 3);
        assert_eq!(bars.edge_x(0), (BAR, BOX_X));
        assert_eq!(bars.edge_x(1), (WIDTH - BAR, BOX_X + BOX_W));
        let (_, top, bottom) = bars.0[2];
        assert_eq!(bars.clamp_y(2, 0), top + 34);
        assert_eq!(bars.clamp_y(2, u32::MAX), bottom - 6);
    }

    #[test]
    fn long_titles_wrap_and_end_in_an_ellipsis() {
        let long = "woord ".repeat(60);
        let lines = wrap(&long, 20, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
        assert!(lines.iter().all(|l| l.chars().count() <= 20));
        assert_eq!(wrap("", 20, 3), vec![String::new()]);
        let one = wrap(&"x".repeat(40), 20, 3);
        assert_eq!(one[0].chars().count(), 20);
    }

    #[test]
    fn no_nodes_and_unknown_cities_do_not_panic() {
        let svg = transfers(&[], &[], &text());
        assert!(svg.ends_with("</svg>"));
        let nodes = [Node {
            title: "X",
            href: "x/",
            from: 9,
            to: vec![(7, "planned", "Gepland")],
        }];
        let svg = transfers(&["A"], &nodes, &text());
        assert!(svg.contains("x/"));
    }
}
