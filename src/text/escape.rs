//! Escaping text for HTML and XML output. Templates escape through this too
//! (tera's default also escapes `/`, which bloats every URL).

/// Escapes `&`, `<`, `>` and `"`: enough for element content and for
/// double-quoted attribute values, which is all the theme writes.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes for XML text and attributes (the sitemap).
pub fn xml(s: &str) -> String {
    html(s).replace('\'', "&apos;")
}

/// Undoes the character references attribute values carry (`&amp;` and
/// friends), for reading hrefs back out of written pages.
pub fn unescape_attr(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes() {
        assert_eq!(
            super::html("a<b & \"c\" 'd'/"),
            "a&lt;b &amp; &quot;c&quot; 'd'/"
        );
        assert_eq!(super::xml("'"), "&apos;");
    }
}
