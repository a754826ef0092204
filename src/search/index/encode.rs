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

/// Appends sorted `items` front-coded, as one JSON string: each item is
/// the length of the prefix it shares with the one before (in UTF-16
/// units, as the browser slices strings, never inside a character) as a
/// varint, then the rest; items are separated by spaces, which no term or
/// vocabulary word holds. Sorted terms share long prefixes: the shipped
/// handbook's terms and vocabulary shrink by about half.
pub(super) fn front_coded<'a>(out: &mut String, items: impl Iterator<Item = &'a str>) {
    let mut coded = String::new();
    let mut prev = "";
    for (i, item) in items.enumerate() {
        debug_assert!(!item.contains(' '), "{item:?}");
        if i > 0 {
            coded.push(' ');
        }
        // Bytes of the longest common prefix, whole characters only.
        let shared = prev
            .char_indices()
            .zip(item.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((at, a), _)| at + a.len_utf8());
        varint(&mut coded, prev[..shared].encode_utf16().count() as u32);
        coded.push_str(&item[shared..]);
        prev = item;
    }
    out.push_str(&json(&coded));
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
        let mut out = String::new();
        front_coded(
            &mut out,
            ["aanpak", "aanpassen", "beleid", "ĳs", "ĳsje", "𝔞b", "𝔞c"].into_iter(),
        );
        assert_eq!(out, "\"0aanpak 5ssen 0beleid 0ĳs 2je 0𝔞b 2c\"");
        let mut empty = String::new();
        front_coded(&mut empty, std::iter::empty());
        assert_eq!(empty, "\"\"");
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
