//! The one list of what raw HTML in a page may contain. The sanitiser
//! (ammonia) applies it; the scan reports against it, so what is removed
//! and what is reported cannot drift apart.

use ammonia::{Builder, UrlRelative};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Elements kept, with their content. Everything a handbook page needs:
/// text markup, tables, `details`, figures, local images and media.
pub const TAGS: &[&str] = &[
    "a",
    "abbr",
    "aside",
    "audio",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "source",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "track",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Elements removed together with their content (a script's text is not
/// something to show either).
pub const CLEAN_CONTENT: &[&str] = &["script", "style"];

/// Attributes kept on every element. No `style`: the pages' content
/// security policy would block it anyway.
pub const GENERIC_ATTRS: &[&str] = &["class", "dir", "id", "lang", "role", "title", "translate"];

/// Attribute prefixes kept on every element.
pub const GENERIC_PREFIXES: &[&str] = &["aria-", "data-"];

/// Attributes kept on one element.
pub const TAG_ATTRS: &[(&str, &[&str])] = &[
    ("a", &["href", "hreflang"]),
    ("audio", &["controls", "loop", "muted", "preload", "src"]),
    ("blockquote", &["cite"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("data", &["value"]),
    ("del", &["cite", "datetime"]),
    ("details", &["open"]),
    ("img", &["alt", "height", "loading", "src", "width"]),
    ("ins", &["cite", "datetime"]),
    ("li", &["value"]),
    ("ol", &["reversed", "start", "type"]),
    ("q", &["cite"]),
    ("source", &["media", "src", "type"]),
    ("td", &["colspan", "headers", "rowspan"]),
    ("th", &["abbr", "colspan", "headers", "rowspan", "scope"]),
    ("time", &["datetime"]),
    ("track", &["default", "kind", "label", "src", "srclang"]),
    (
        "video",
        &[
            "controls", "height", "loop", "muted", "poster", "preload", "src", "width",
        ],
    ),
];

/// URL schemes kept in `href`, `src` and the like; relative URLs are kept.
pub const URL_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Is `attr` allowed on `tag`?
pub fn allows_attr(tag: &str, attr: &str) -> bool {
    GENERIC_ATTRS.contains(&attr)
        || GENERIC_PREFIXES.iter().any(|p| attr.starts_with(p))
        || TAG_ATTRS
            .iter()
            .any(|(t, attrs)| *t == tag && attrs.contains(&attr))
}

/// Does `attr` of `tag` hold a URL (whose scheme is checked)?
pub fn is_url_attr(tag: &str, attr: &str) -> bool {
    matches!(attr, "href" | "src" | "cite" | "xlink:href")
        || (tag == "video" && attr == "poster")
        || (tag == "object" && attr == "data")
        || (tag == "form" && attr == "action")
        || (attr == "formaction")
}

static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut b = Builder::empty();
    let tag_attrs: HashMap<&str, HashSet<&str>> = TAG_ATTRS
        .iter()
        .map(|(t, attrs)| (*t, attrs.iter().copied().collect()))
        .collect();
    b.tags(TAGS.iter().copied().collect())
        .clean_content_tags(CLEAN_CONTENT.iter().copied().collect())
        .generic_attributes(GENERIC_ATTRS.iter().copied().collect())
        .generic_attribute_prefixes(GENERIC_PREFIXES.iter().copied().collect())
        .tag_attributes(tag_attrs)
        .url_schemes(URL_SCHEMES.iter().copied().collect())
        .url_relative(UrlRelative::PassThrough)
        .link_rel(None)
        // Comments stay: brug's own markers on the glossary page are some.
        .strip_comments(false);
    b
});

/// `html` with everything the policy does not allow removed.
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_handbooks_use_and_removes_what_runs() {
        let kept = "<details open=\"\"><summary>Meer</summary><p>Tekst <abbr title=\"Verwaltungsvorstand\">VV</abbr>, <kbd>F1</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <mark>let op</mark></p></details>";
        assert_eq!(sanitize(kept), kept);
        let html = "<p onclick=\"x()\">a<script>alert(1)</script><img src=\"x\" onerror=\"alert(3)\"><a href=\"javascript:alert(2)\">b</a><iframe src=\"https://e.example\">c</iframe></p>";
        assert_eq!(sanitize(html), "<p>a<img src=\"x\"><a>b</a>c</p>");
    }

    #[test]
    fn keeps_what_the_markdown_writer_emits() {
        let html = "<h2 id=\"x\">T</h2>\n<span class=\"term\"><a href=\"../g/#t\" aria-describedby=\"brug-tip-1\">t</a><span class=\"term-tip\" role=\"tooltip\" id=\"brug-tip-1\">uitleg</span></span>\n<pre class=\"code\" data-lang=\"rust\"><code class=\"language-rust\"><span class=\"hl-k\">fn</span></code></pre>\n<!--brug-uses:t-->\n<table><thead><tr><th class=\"align-right\">a</th></tr></thead></table>";
        assert_eq!(sanitize(html), html);
    }
}
