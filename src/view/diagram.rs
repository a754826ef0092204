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
    let mut rows = Vec::with_capacity(nodes.len());
    let mut y = TOP;
    for node in nodes {
        let lines = wrap(node.title, WRAP, MAX_LINES);
        let h = 16 + LINE * (lines.len() as u32 + node.to.len() as u32);
        rows.push((y, h, lines));
        y += h + GAP;
    }
    let legend_y = y + 10;
    let height = legend_y + 40;
    let body_bottom = y.saturating_sub(GAP).max(TOP + 40);

    let mut s = String::with_capacity(1024 + nodes.len() * 600);
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="transfer-diagram" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"#,
        id = esc(text.id),
        title = esc(text.title),
        desc = esc(text.desc),
    );
    let _ = write!(
        s,
        r#"<defs><marker id="{id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path class="arrow-head" d="M0,0 L10,5 L0,10 z"/></marker></defs>"#,
        id = esc(text.id)
    );

    // City bars, split evenly along their side.
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
    let edge_x = |city: usize| {
        let (x, _, _) = bars[city];
        if x == 0 {
            (BAR, BOX_X)
        } else {
            (WIDTH - BAR, BOX_X + BOX_W)
        }
    };
    let clamp_y = |city: usize, y: u32| {
        let (_, top, bottom) = bars[city];
        y.clamp(top + 34, bottom.saturating_sub(6).max(top + 34))
    };

    for (node, (y, h, lines)) in nodes.iter().zip(&rows) {
        let mid = y + h / 2;
        // Origin → box.
        if node.from < cities.len() {
            let (bar_x, box_x) = edge_x(node.from);
            let _ = write!(
                s,
                r#"<line class="edge edge-origin" x1="{bar_x}" y1="{y1}" x2="{box_x}" y2="{y2}" marker-end="url(#{id}-arrow)"/>"#,
                y1 = clamp_y(node.from, mid.saturating_sub(6)),
                y2 = mid.saturating_sub(6),
                id = esc(text.id),
            );
        }
        // Box → each target.
        for (k, &(city, status, _)) in node.to.iter().enumerate() {
            if city >= cities.len() {
                continue;
            }
            let (bar_x, box_x) = edge_x(city);
            let ey = mid + 6 + 4 * k as u32;
            let _ = write!(
                s,
                r#"<line class="edge edge-{status}" x1="{box_x}" y1="{ey}" x2="{bar_x}" y2="{y2}" marker-end="url(#{id}-arrow)"/>"#,
                status = esc(status),
                y2 = clamp_y(city, ey),
                id = esc(text.id),
            );
        }
        // The box, a link to the practice.
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

    // Legend: a line sample and the status label for each status.
    let step = WIDTH / text.legend.len().max(1) as u32;
    for (k, (status, label)) in text.legend.iter().enumerate() {
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
    s.push_str("</svg>");
    s
}

/// The same symbols as the status badges in site.css.
fn status_icon(status: &str) -> &'static str {
    match status {
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
