//! Where values and keys stand in a page's front matter, for the checks
//! that run after parsing (cities, taxonomy terms, transfer statuses) and
//! may report hundreds of values of one page: one pass over the front
//! matter, then a lookup per value, instead of a search of the whole front
//! matter for each, which made a page with thousands of unknown cities take
//! minutes.

use super::Page;
use crate::diagnostics::Lines;
use std::collections::HashMap;

/// The quoted values and bare keys of one page's front matter, by their
/// text as written, and the lines of the page.
pub struct Positions<'a> {
    front: &'a str,
    /// The content of each string written on one line → the offsets of
    /// its first character, in order.
    values: HashMap<&'a str, Vec<usize>>,
    /// Each bare key followed by `=` (`almelo` in `almelo = "planned"`) →
    /// its first offset.
    keys: HashMap<&'a str, usize>,
    /// The page's text by line, to place diagnostics with.
    pub lines: Lines<'a>,
}

impl<'a> Positions<'a> {
    pub fn of(page: &'a Page) -> Positions<'a> {
        let front = &page.text[..page.body_offset];
        let (values, keys) = scan(front);
        Positions {
            front,
            values,
            keys,
            lines: Lines::new(&page.text),
        }
    }

    /// Byte offset of the first `"value"` or `'value'` (inside the quotes);
    /// the start of the front matter when there is none.
    pub fn value(&self, value: &str) -> usize {
        self.values
            .get(value)
            .and_then(|at| at.first().copied())
            .unwrap_or(4.min(self.front.len()))
    }

    /// Byte offset of the first quoted `value` from the line starting with
    /// `key` on (so that a city in both `from` and `to` points at `to`).
    pub fn value_after(&self, key: &str, value: &str) -> usize {
        let start = self.front.find(&format!("\n{key}")).map_or(0, |i| i + 1);
        let found = self.values.get(value).into_iter().flatten();
        found
            .copied()
            .find(|&at| at >= start)
            .unwrap_or_else(|| self.value(value))
    }

    /// Byte offset of the bare key `key` (`almelo = …`); of the quoted
    /// value `key` when it is no bare key.
    pub fn key(&self, key: &str) -> usize {
        self.keys
            .get(key)
            .copied()
            .unwrap_or_else(|| self.value(key))
    }
}

/// Characters of a bare TOML key.
fn is_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

type Found<'a> = (HashMap<&'a str, Vec<usize>>, HashMap<&'a str, usize>);

/// The strings written on one line and the bare keys of `front`.
fn scan(front: &str) -> Found<'_> {
    let bytes = front.as_bytes();
    let (mut values, mut keys): Found = Default::default();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            quote @ (b'"' | b'\'') => {
                // A basic string's `\"` does not close it; a literal's can't.
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != quote && bytes[j] != b'\n' {
                    j += if quote == b'"' && bytes[j] == b'\\' {
                        2
                    } else {
                        1
                    };
                }
                if bytes.get(j) == Some(&quote) {
                    values.entry(&front[i + 1..j]).or_default().push(i + 1);
                    i = j + 1;
                } else {
                    i += 1;
                }
            }
            b if is_key_byte(b) => {
                let start = i;
                while i < bytes.len() && is_key_byte(bytes[i]) {
                    i += 1;
                }
                if front[i..].trim_start_matches([' ', '\t']).starts_with('=') {
                    keys.entry(&front[start..i]).or_insert(start);
                }
            }
            _ => i += 1,
        }
    }
    (values, keys)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::frontmatter::{FrontMatter, Kind};

    fn page(front: &str) -> Page {
        let text = format!("+++\n{front}+++\nTekst \"x\" met almelo = 1\n");
        Page {
            file: "content/a.nl.md".into(),
            dir: String::new(),
            name: "a".into(),
            lang: 0,
            front: FrontMatter::default(),
            body_offset: text.find("Tekst").unwrap(),
            text,
            hash: String::new(),
            kind: Kind::Page,
        }
    }

    #[test]
    fn values_and_keys_are_found_where_written() {
        let p = page("title = \"x\"\n[transfer]\nfrom = 'almelo'\nto = [\"enschede\", \"almelo\"]\nstatus = { almelo = \"planned\", \"a\\\"b\" = 1 }\n");
        let pos = Positions::of(&p);
        let at = |needle: &str| p.text.find(needle).unwrap();
        assert_eq!(pos.value("x"), at("x\""));
        assert_eq!(pos.value("almelo"), at("almelo'"));
        assert_eq!(pos.value_after("to", "almelo"), at("almelo\"]"));
        assert_eq!(pos.key("almelo"), at("almelo = \"planned"));
        assert_eq!(pos.key("status"), at("status"));
        assert_eq!(pos.value("a\\\"b"), at("a\\\"b"));
        assert_eq!(pos.value("nergens"), 4, "not found: the front matter");
        assert_eq!(
            pos.key("enschede"),
            at("enschede"),
            "no bare key: the value"
        );
    }

    #[test]
    fn thousands_of_values_are_found_in_one_pass() {
        // Found while fuzzing: 5,000 unknown cities took minutes to place.
        let cities: Vec<String> = (0..5000).map(|i| format!("\"c{i}\"")).collect();
        let p = page(&format!("title = \"x\"\nto = [{}]\n", cities.join(", ")));
        let pos = Positions::of(&p);
        for i in 0..5000 {
            let city = format!("c{i}\"");
            assert!(p.text[pos.value(&city[..city.len() - 1])..].starts_with(&city));
        }
    }
}
