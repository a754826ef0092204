//! Escaping text for HTML and XML output. Templates escape through this too
//! (tera's default also escapes `/`, which bloats every URL).

/// Escapes `&`, `<`, `>` and `"`: enough for element content and for
/// double-quoted attribute values, which is all the theme writes.
pub fn html(s: &str) -> String {
    // Every text of every page passes here: copy the runs between the
    // four characters whole instead of pushing char by char. They are
    // ASCII, so no byte of theirs is inside another character.
    let mut out = String::with_capacity(s.len() + s.len() / 16);
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&s[start..]);
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

    #[test]
    fn escaping_agrees_with_the_char_by_char_version() {
        let reference = |s: &str| -> String {
            s.chars()
                .map(|c| match c {
                    '&' => "&amp;".to_string(),
                    '<' => "&lt;".to_string(),
                    '>' => "&gt;".to_string(),
                    '"' => "&quot;".to_string(),
                    c => c.to_string(),
                })
                .collect()
        };
        let pieces = ["", "a", "&", "<", ">", "\"", "ü", "€", "😀", "'", "&amp;"];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b}{c}");
                    assert_eq!(super::html(&s), reference(&s), "{s:?}");
                }
            }
        }
    }
}
