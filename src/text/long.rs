//! The long texts of a template context (a page's HTML, its map). Tera
//! gets them whole; a page's fingerprint only their hashes, since as JSON
//! 10 KB of HTML are escaped quote by quote only to be hashed (4 % of a
//! build); and a page that is minified gets its map as a placeholder, put
//! in after minifying, since the map is written minified already and is a
//! quarter of what the minifier would read.

use std::cell::Cell;

/// What the long texts of a context serialize as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Texts {
    Whole,
    Hashed,
    Placeholders,
}

thread_local! {
    static TEXTS: Cell<Texts> = const { Cell::new(Texts::Whole) };
}

/// Runs `f` (which serializes a context) with the long texts as `texts`
/// say.
pub fn serializing<T>(texts: Texts, f: impl FnOnce() -> T) -> T {
    /// Puts the mode back however `f` ends (a panic is caught by its job).
    struct Reset(Texts);
    impl Drop for Reset {
        fn drop(&mut self) {
            TEXTS.set(self.0);
        }
    }
    let _reset = Reset(TEXTS.replace(texts));
    f()
}

/// A long text: itself, or its XXH3-128 while hashed. For a
/// `#[serde(serialize_with)]`.
pub fn long_text<S: serde::Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
    match TEXTS.get() {
        Texts::Hashed => s.serialize_u128(xxhash_rust::xxh3::xxh3_128(text.as_bytes())),
        _ => s.serialize_str(text),
    }
}

/// A long text that a minified page gets as `placeholder` (when it has
/// any text: an empty one stays empty, and false to a template's `if`).
pub fn placed_text<S: serde::Serializer>(
    text: &str,
    placeholder: &str,
    s: S,
) -> Result<S::Ok, S::Error> {
    match TEXTS.get() {
        Texts::Placeholders if !text.is_empty() => s.serialize_str(placeholder),
        _ => long_text(text, s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Page<'a> {
        #[serde(serialize_with = "long_text")]
        html: &'a str,
        #[serde(serialize_with = "map")]
        map: &'a str,
    }

    fn map<S: serde::Serializer>(text: &&str, s: S) -> Result<S::Ok, S::Error> {
        placed_text(text, "<m></m>", s)
    }

    fn json(html: &str, map: &str) -> String {
        serde_json::to_string(&Page { html, map }).unwrap()
    }

    #[test]
    fn long_texts_are_whole_hashed_or_placeholders() {
        assert_eq!(
            json("<p>\"x\"", "<ul>"),
            r#"{"html":"<p>\"x\"","map":"<ul>"}"#
        );
        let (a, b) = serializing(Texts::Hashed, || {
            (json("<p>a", "<ul>"), json("<p>b", "<ol>"))
        });
        assert!(!a.contains('<') && !b.contains('<'), "{a} {b}");
        let (html_a, map_a) = a.split_once(',').unwrap();
        let (html_b, map_b) = b.split_once(',').unwrap();
        assert!(html_a != html_b && map_a != map_b, "{a} {b}");
        let placed = serializing(Texts::Placeholders, || {
            (json("<p>", "<ul>"), json("<p>", ""))
        });
        assert_eq!(placed.0, r#"{"html":"<p>","map":"<m></m>"}"#);
        assert_eq!(
            placed.1, r#"{"html":"<p>","map":""}"#,
            "no map, no placeholder"
        );
        assert_eq!(json("a", "b"), r#"{"html":"a","map":"b"}"#, "put back");
        let caught = std::panic::catch_unwind(|| serializing(Texts::Hashed, || panic!("in a job")));
        assert!(caught.is_err());
        assert_eq!(
            json("a", "b"),
            r#"{"html":"a","map":"b"}"#,
            "put back after a panic"
        );
    }
}
