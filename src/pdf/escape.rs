//! Text from content in Typst: as markup (every ASCII punctuation mark
//! escaped, so no `#`, `*`, `_`, `=`, `<`, `@`, `$`, `//` or `https://`
//! in a sentence can start code, emphasis, a heading, a label, a
//! reference, math, a comment or a link) and as string literals.

/// `text` as Typst markup that shows exactly `text`, on one line.
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            // Characters that are invisible or break a line in Typst's
            // markup but not in the source are shown as a space.
            '\u{2028}' | '\u{2029}' | '\u{85}' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `text` as a Typst string literal (with its quotes).
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Typst label name for `id`: the characters a label allows (letters,
/// digits, `-`, `_`, `.`, `:`), any other as `-`.
pub fn label(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_markup_character_is_escaped() {
        assert_eq!(markup("#a *b* _c_"), "\\#a \\*b\\* \\_c\\_");
        assert_eq!(markup("= kop"), "\\= kop");
        assert_eq!(markup("a\nb"), "a b");
        assert_eq!(markup("https://x.nl"), "https\\:\\/\\/x\\.nl");
        assert_eq!(markup("\\`$@<>"), "\\\\\\`\\$\\@\\<\\>");
        assert_eq!(markup("Münster – Almelo"), "Münster – Almelo");
    }

    #[test]
    fn strings_and_labels() {
        assert_eq!(string("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
        assert_eq!(label("c3-het principe"), "c3-het-principe");
    }
}
