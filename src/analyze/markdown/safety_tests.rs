//! What content may put on a page: raw HTML per `[markdown] raw_html`,
//! links that run script, images from other sites, deep nesting.

use super::tests::{page, table};
use super::*;
use crate::analyze::safety::MAX_DEPTH;
use crate::diagnostics::Severity;
use crate::source::config::RawHtml;

fn render_with(body: &str, raw_html: RawHtml, hosts: &[String]) -> Rendered {
    let place = Place {
        url: "nl/modules/start/",
        style: LinkStyle::default(),
        glossing: Glossing::Off,
        print: Some("nl/print/"),
        safety: Safety { raw_html, hosts },
        column: None,
    };
    render(&page(body, 0), &table(), &place, &Highlighter::default())
}

fn sanitized(body: &str) -> Rendered {
    render_with(body, RawHtml::Sanitize, &[])
}

/// Each diagnostic as `severity line: message`.
fn said(r: &Rendered) -> Vec<String> {
    r.diagnostics
        .iter()
        .map(|d| format!("{:?} {}: {}", d.severity, d.line, d.message))
        .collect()
}

const HOSTILE: &str = "Tekst <img src=x onerror=alert(3)> en <abbr title=\"x\">VV</abbr>.\n\n<script>alert(1)</script>\n\n<iframe src=\"https://www.youtube.com/embed/x\">video</iframe>\n\n<a href=\"javascript:alert(4)\" onclick=\"x()\">klik</a>\n";

#[test]
fn raw_html_is_sanitised_and_every_removal_is_a_warning() {
    let r = sanitized(HOSTILE);
    assert_eq!(
        r.html,
        "<p>Tekst <img src=\"x\"> en <abbr title=\"x\">VV</abbr>.</p>\n\nvideo\n<p><a>klik</a></p>\n"
    );
    assert_eq!(r.print.as_deref(), Some(r.html.as_str()));
    // Lines count from the front matter's three lines.
    assert_eq!(
        said(&r),
        [
            "Warning 4: removed the attribute `onerror` of <img>",
            "Warning 6: removed <script> and its content",
            "Warning 8: removed the element <iframe> (its text stays)",
            "Warning 10: removed the `javascript:` URL in `href` of <a>",
            "Warning 10: removed the attribute `onclick` of <a>",
        ]
    );
    assert_eq!(r.diagnostics[1].column, 1);
    assert_eq!(r.diagnostics[0].column, 7, "at the <img");
    assert!(r.diagnostics[1]
        .hint
        .as_deref()
        .unwrap()
        .contains("raw_html = \"trusted\""));
}

#[test]
fn details_spanning_markdown_survive_sanitising() {
    let r = sanitized("<details>\n<summary>Meer</summary>\n\nInhoud met *nadruk*.\n\n</details>\n");
    assert!(r.diagnostics.is_empty(), "{:?}", said(&r));
    assert_eq!(
        r.html,
        "<details>\n<summary>Meer</summary>\n<p>Inhoud met <em>nadruk</em>.</p>\n</details>\n"
    );
}

#[test]
fn trusted_keeps_raw_html_as_written_and_omit_drops_it() {
    let r = render_with(HOSTILE, RawHtml::Trusted, &[]);
    assert!(r.html.contains("<script>alert(1)</script>"), "{}", r.html);
    assert!(r.html.contains("onerror=alert(3)"));
    // The frame still loads from another site: refused even when trusted.
    assert_eq!(said(&r), ["Error 8: <iframe> loads https://www.youtube.com/embed/x from another site (www.youtube.com), which every reader's visit would be announced to, and which the offline copy lacks"]);
    let hosts = vec!["www.youtube.com".to_string()];
    let allowed = render_with(HOSTILE, RawHtml::Trusted, &hosts);
    assert!(allowed.diagnostics.is_empty(), "{:?}", said(&allowed));
    assert!(allowed
        .html
        .contains("<iframe src=\"https://www.youtube.com/embed/x\">"));
    let omitted = render_with(HOSTILE, RawHtml::Omit, &[]);
    assert!(omitted.diagnostics.is_empty());
    assert!(!omitted.html.contains('<') || !omitted.html.contains("abbr"));
    assert!(
        !omitted.html.contains("script") && !omitted.html.contains("iframe"),
        "{}",
        omitted.html
    );
}

#[test]
fn markdown_links_that_run_script_are_errors() {
    let r = sanitized("[klik](javascript:alert(2)) [a](<JavaScript:x>) [b](data:text/html,x) ![c](data:image/png;base64,AA==)");
    assert_eq!(
        said(&r),
        [
            "Error 4: a link to a `javascript:` URL could run script in the reader's browser",
            "Error 4: a link to a `javascript:` URL could run script in the reader's browser",
            "Error 4: a link to a `data:` URL could run script in the reader's browser",
        ]
    );
    assert!(
        !r.html.contains("javascript") && !r.html.contains("text/html"),
        "{}",
        r.html
    );
    assert!(r.html.contains("src=\"data:image/png;base64,AA==\""));
}

#[test]
fn images_from_other_sites_are_refused_unless_the_host_is_allowed() {
    let body = "![logo](https://example.org/x.png) [een site](https://example.org/)";
    let r = sanitized(body);
    assert_eq!(r.diagnostics.len(), 1, "{:?}", said(&r));
    let d = &r.diagnostics[0];
    assert_eq!((d.severity, d.line, d.column), (Severity::Error, 4, 1));
    assert!(d.message.contains("(example.org)"), "{}", d.message);
    assert!(d
        .hint
        .as_deref()
        .unwrap()
        .contains("external_resources = [\"example.org\"]"));
    assert!(!r.html.contains("example.org/x.png"));
    assert!(
        r.html.contains("href=\"https://example.org/\""),
        "ordinary links stay"
    );
    let hosts = vec!["example.org".to_string()];
    let allowed = render_with(body, RawHtml::Sanitize, &hosts);
    assert!(allowed.diagnostics.is_empty());
    assert!(allowed.html.contains("src=\"https://example.org/x.png\""));
}

#[test]
fn aligned_table_cells_get_a_class_not_a_style() {
    let r = sanitized("| a | b | c |\n|:--|:-:|---|\n| 1 | 2 | 3 |\n");
    assert_eq!(
        r.html,
        "<table><thead><tr><th class=\"align-left\">a</th><th class=\"align-center\">b</th><th>c</th></tr></thead><tbody>\n<tr><td class=\"align-left\">1</td><td class=\"align-center\">2</td><td>3</td></tr>\n</tbody></table>\n"
    );
}

#[test]
fn deep_nesting_is_an_error_and_the_page_stays_shallow() {
    for body in [
        ">".repeat(5000) + " diep",
        (0..20_000)
            .map(|i| format!("{}- x\n", "  ".repeat(i % 3000)))
            .collect(),
        "<div>".repeat(20_000) + "diep",
        "<span>".repeat(20_000) + "diep",
    ] {
        let r = sanitized(&body);
        let errors: Vec<_> = r.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert_eq!(errors.len(), 1, "{:?}", said(&r));
        assert!(
            errors[0].message.contains("levels deep"),
            "{}",
            errors[0].message
        );
        assert!(depth(&r.html) <= MAX_DEPTH + 1, "{} deep", depth(&r.html));
    }
}

/// How deep the elements of `html` nest (void elements and comments
/// aside).
fn depth(html: &str) -> usize {
    let (mut now, mut max) = (0usize, 0);
    for tag in html.split('<').skip(1) {
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        match name.strip_prefix('/') {
            Some(_) => now = now.saturating_sub(1),
            None if matches!(name.as_str(), "br" | "hr" | "img" | "") => {}
            None => {
                now += 1;
                max = max.max(now);
            }
        }
    }
    max
}
