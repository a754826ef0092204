//! The encodings of the index files: numbers as base-32 varints whose
//! digits need no escaping in a JSON string, and strings and string lists
//! as JSON.

/// Base-32 varint digits that end a number, and those that continue it.
const END: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
const MORE: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ@$%&*+";

/// Appends `n` as base-32 digits, most significant first.
pub(super) fn varint(out: &mut String, n: u32) {
    let mut digits = [0u8; 7];
    let mut len = 0;
    let mut v = n;
    loop {
        digits[len] = (v & 31) as u8;
        len += 1;
        v >>= 5;
        if v == 0 {
            break;
        }
    }
    for i in (1..len).rev() {
        out.push(MORE[digits[i] as usize] as char);
    }
    out.push(END[digits[0] as usize] as char);
}

/// `s` as a JSON string literal.
pub(super) fn json(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Appends `items` as a JSON array of strings.
pub(super) fn json_list<'a>(out: &mut String, items: impl Iterator<Item = &'a str>) {
    out.push('[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&json(item));
    }
    out.push(']');
}

/// One block of the dictionary: its words front-coded (see
/// `front_coded`), the first of them, and the number of terms before it.
pub(super) struct Block<'a> {
    pub first: &'a str,
    pub terms_before: u32,
    pub coded: String,
}

/// The sorted terms and the sorted compound vocabulary as one front-coded
/// list of the words in either, each marked with its `Kind` (most
/// vocabulary words are a term or share a term's start: the shipped
/// handbook's dictionary is a third smaller than the two lists apart), cut
/// into blocks of about `block_bytes`, so that a query loads the blocks
/// its words fall in, not the whole dictionary.
pub(super) fn dictionary<'a>(
    terms: impl Iterator<Item = &'a str>,
    vocab: impl Iterator<Item = &'a str>,
    block_bytes: usize,
) -> Vec<Block<'a>> {
    let mut blocks: Vec<Block<'a>> = Vec::new();
    let mut prev = "";
    let mut terms_seen = 0u32;
    for (word, kind) in merged(terms, vocab) {
        match blocks.last_mut() {
            Some(b) if b.coded.len() < block_bytes => {
                b.coded.push(' ');
                front_coded(&mut b.coded, prev, word, kind);
            }
            _ => {
                let mut coded = String::new();
                front_coded(&mut coded, "", word, kind);
                blocks.push(Block {
                    first: word,
                    terms_before: terms_seen,
                    coded,
                });
            }
        }
        terms_seen += u32::from(kind != Kind::Vocab);
        prev = word;
    }
    blocks
}

/// The words of two sorted lists in order, each once, with its kind.
fn merged<'a>(
    terms: impl Iterator<Item = &'a str>,
    vocab: impl Iterator<Item = &'a str>,
) -> impl Iterator<Item = (&'a str, Kind)> {
    let mut terms = terms.peekable();
    let mut vocab = vocab.peekable();
    std::iter::from_fn(move || {
        let kind = match (terms.peek(), vocab.peek()) {
            (None, None) => return None,
            (Some(_), None) => Kind::Term,
            (None, Some(_)) => Kind::Vocab,
            (Some(t), Some(v)) => match t.cmp(v) {
                std::cmp::Ordering::Less => Kind::Term,
                std::cmp::Ordering::Greater => Kind::Vocab,
                std::cmp::Ordering::Equal => Kind::Both,
            },
        };
        let word = match kind {
            Kind::Term => terms.next(),
            Kind::Vocab => vocab.next(),
            Kind::Both => vocab.next().and(terms.next()),
        };
        word.map(|w| (w, kind))
    })
}

/// What a word of the dictionary is: a search term, a word compounds are
/// split into, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Term = 0,
    Vocab = 1,
    Both = 2,
}

/// Appends `item` front-coded after `prev`: the length of the prefix it
/// shares with `prev` (in UTF-16 units, as the browser slices strings,
/// never inside a character) times three plus its kind, as a varint, then
/// the rest. Items are separated by spaces, which no term or vocabulary
/// word holds.
pub(super) fn front_coded(out: &mut String, prev: &str, item: &str, kind: Kind) {
    debug_assert!(!item.contains(' '), "{item:?}");
    // Bytes of the longest common prefix, whole characters only.
    let shared = prev
        .char_indices()
        .zip(item.chars())
        .take_while(|((_, a), b)| a == b)
        .last()
        .map_or(0, |((at, a), _)| at + a.len_utf8());
    let units = prev[..shared].encode_utf16().count() as u32;
    varint(out, units * 3 + kind as u32);
    out.push_str(&item[shared..]);
}

/// The numbers of a string of varints, as the browser reads them.
#[cfg(test)]
pub(super) fn decode(s: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut n = 0u32;
    for c in s.bytes() {
        if let Some(d) = END.iter().position(|&e| e == c) {
            out.push(n * 32 + d as u32);
            n = 0;
        } else {
            n = n * 32 + MORE.iter().position(|&m| m == c).unwrap() as u32;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        let mut s = String::new();
        let values = [0, 1, 31, 32, 1023, 1024, 65_535, u32::MAX];
        for v in values {
            varint(&mut s, v);
        }
        assert_eq!(decode(&s), values);
        assert!(!s.contains('"') && !s.contains('\\'));
    }

    #[test]
    fn sorted_lists_are_front_coded_in_utf16_units() {
        let words = ["aanpak", "aanpassen", "beleid", "ĳs", "ĳsje", "𝔞b", "𝔞c"];
        let blocks = dictionary(words.into_iter(), std::iter::empty(), usize::MAX);
        // Shared units × 3 (+ the kind, 0 here): 5 → 15 = "f", 2 → 6.
        assert_eq!(blocks[0].coded, "0aanpak fssen 0beleid 0ĳs 6je 0𝔞b 6c");
        assert!(dictionary(std::iter::empty(), std::iter::empty(), 1).is_empty());
    }

    #[test]
    fn terms_and_vocabulary_share_one_list_with_kinds() {
        let terms = ["aanpak", "beleid", "zz"];
        let vocab = ["aanpakken", "beleid", "visie"];
        let blocks = dictionary(terms.into_iter(), vocab.into_iter(), usize::MAX);
        // aanpak term (0·3+0), aanpakken vocab (6·3+1 = 19 = "j"), beleid
        // both (0·3+2), visie vocab (1), zz term (0).
        assert_eq!(blocks[0].coded, "0aanpak jken 2beleid 1visie 0zz");
    }

    #[test]
    fn blocks_start_afresh_and_count_the_terms_before_them() {
        let terms = ["aanpak", "beleid", "zz"];
        let vocab = ["aanpakken", "beleid", "visie"];
        let blocks = dictionary(terms.into_iter(), vocab.into_iter(), 10);
        let got: Vec<(&str, u32, &str)> = blocks
            .iter()
            .map(|b| (b.first, b.terms_before, b.coded.as_str()))
            .collect();
        // A block ends once it holds 10 bytes; each starts with a whole word.
        assert_eq!(
            got,
            [
                ("aanpak", 0, "0aanpak jken"),
                ("beleid", 1, "2beleid 1visie"),
                ("zz", 2, "0zz")
            ]
        );
    }

    #[test]
    fn string_lists_are_json_arrays() {
        let mut s = String::new();
        json_list(&mut s, ["a\"b", "", "ü"].into_iter());
        assert_eq!(s, r#"["a\"b","","ü"]"#);
        let mut empty = String::new();
        json_list(&mut empty, std::iter::empty());
        assert_eq!(empty, "[]");
    }
}
