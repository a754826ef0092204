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
    fn string_lists_are_json_arrays() {
        let mut s = String::new();
        json_list(&mut s, ["a\"b", "", "ü"].into_iter());
        assert_eq!(s, r#"["a\"b","","ü"]"#);
        let mut empty = String::new();
        json_list(&mut empty, std::iter::empty());
        assert_eq!(empty, "[]");
    }
}
