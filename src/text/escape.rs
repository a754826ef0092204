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

/// Writes `text` as element content the way a minifier would: `<` as
/// `&lt;`, `&` as `&amp;` only where it could start a character reference
/// (before a letter, digit or `#`), everything else as it is. For HTML
/// that brug writes minified itself (the map).
pub fn push_min_text(out: &mut String, text: &str) {
    push_min(out, text, false);
}

/// Writes ` name=value` the way a minifier would: unquoted when the value
/// allows it, else double-quoted.
pub fn push_min_attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push('=');
    let bare = !value.is_empty()
        && !value
            .bytes()
            .any(|b| b.is_ascii_whitespace() || b"\"'=<>`".contains(&b));
    match bare {
        true => push_min(out, value, false),
        false => {
            out.push('"');
            push_min(out, value, true);
            out.push('"');
        }
    }
}

fn push_min(out: &mut String, s: &str, quoted: bool) {
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let entity = match b {
            b'<' => "&lt;",
            b'"' if quoted => "&quot;",
            b'&' if bytes
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == b'#') =>
            {
                "&amp;"
            }
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&s[start..]);
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
    fn minified_text_and_attributes_escape_only_what_they_must() {
        let text = |s: &str| {
            let mut out = String::new();
            super::push_min_text(&mut out, s);
            out
        };
        assert_eq!(text("Wonen & werken"), "Wonen & werken");
        assert_eq!(
            text("A&B &#1 <b> 'q' \"d\""),
            "A&amp;B &amp;#1 &lt;b> 'q' \"d\""
        );
        let attr = |v: &str| {
            let mut out = String::new();
            super::push_min_attr(&mut out, "href", v);
            out
        };
        assert_eq!(attr("../a-b/"), " href=../a-b/");
        assert_eq!(attr("a b"), " href=\"a b\"");
        assert_eq!(attr("a'b\"c&d"), " href=\"a'b&quot;c&amp;d\"");
        assert_eq!(attr(""), " href=\"\"");
        assert_eq!(attr("a=b"), " href=\"a=b\"", "= needs quotes");
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
