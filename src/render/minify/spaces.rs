//! The one repair minify-html-onepass's output needs: it drops the space
//! after a quoted attribute value (`a="x"b=y`), which browsers read but
//! HTML forbids ("missing whitespace between attributes"). This puts it
//! back, walking the page as the HTML tokenizer does: tags and their
//! attributes, comments and other markup declarations, and the raw text
//! of `script`, `style`, `textarea` and `title`, where nothing is touched.

/// `html` with a space after every quoted attribute value that another
/// attribute follows directly.
pub fn after_quoted_values(html: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(html.len() + 64);
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &html[at..]).map(|i| at + i) {
        let next = html.get(lt + 1).copied().unwrap_or(0);
        let end = if next.is_ascii_alphabetic() {
            let (end, raw) = start_tag(html, lt, &mut out, at);
            at = end;
            match raw {
                Some(name) => raw_text_end(html, end, name),
                None => continue,
            }
        } else if html[lt..].starts_with(b"<!--") {
            find(html, lt + 4, b"-->").map_or(html.len(), |i| i + 3)
        } else if next == b'!' || next == b'/' || next == b'?' {
            memchr::memchr(b'>', &html[lt..]).map_or(html.len(), |i| lt + i + 1)
        } else {
            lt + 1
        };
        out.extend_from_slice(&html[at..end]);
        at = end;
    }
    out.extend_from_slice(&html[at..]);
    out
}

/// The elements whose content is raw text: no tags inside until their own
/// end tag.
const RAW: [&[u8]; 4] = [b"script", b"style", b"textarea", b"title"];

/// Copies the text before `lt` and the start tag at `lt` into `out`,
/// spacing its attributes; returns where the tag ends and, for a raw-text
/// element, its name.
fn start_tag(
    html: &[u8],
    lt: usize,
    out: &mut Vec<u8>,
    from: usize,
) -> (usize, Option<&'static [u8]>) {
    out.extend_from_slice(&html[from..lt]);
    let name_end = html[lt + 1..]
        .iter()
        .position(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
        .map_or(html.len(), |i| lt + 1 + i);
    let name = &html[lt + 1..name_end];
    let raw = RAW.into_iter().find(|r| r.eq_ignore_ascii_case(name));
    let mut i = name_end;
    let mut copied = lt;
    while i < html.len() {
        match html[i] {
            b'>' => {
                out.extend_from_slice(&html[copied..=i]);
                return (i + 1, raw);
            }
            q @ (b'"' | b'\'') if html[i - 1] == b'=' => {
                let close = memchr::memchr(q, &html[i + 1..]).map_or(html.len() - 1, |j| i + 1 + j);
                out.extend_from_slice(&html[copied..=close]);
                copied = close + 1;
                let follows = html.get(close + 1).copied().unwrap_or(b'>');
                if !(follows.is_ascii_whitespace() || follows == b'>' || follows == b'/') {
                    out.push(b' ');
                }
                i = close + 1;
            }
            _ => i += 1,
        }
    }
    out.extend_from_slice(&html[copied..]);
    (html.len(), None)
}

/// Where the raw text of element `name` that starts at `from` ends: at
/// its end tag (`</name`, any case), or at the end of the page.
fn raw_text_end(html: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(i) = find(html, at, b"</") {
        let tail = &html[i + 2..];
        if tail.len() >= name.len() && tail[..name.len()].eq_ignore_ascii_case(name) {
            return i;
        }
        at = i + 2;
    }
    html.len()
}

fn find(html: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(&html[from..], needle).map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::after_quoted_values as fix;

    fn s(html: &str) -> String {
        String::from_utf8(fix(html.as_bytes())).unwrap()
    }

    #[test]
    fn a_quoted_value_gets_its_space_back() {
        assert_eq!(
            s(r#"<form data-a="x y"data-b=z data-c='p q'data-d="r">"#),
            r#"<form data-a="x y" data-b=z data-c='p q' data-d="r">"#
        );
        assert_eq!(s(r#"<a href="a b">t</a>"#), r#"<a href="a b">t</a>"#);
        assert_eq!(s(r#"<input value="a b"/>"#), r#"<input value="a b"/>"#);
        assert_eq!(s(r#"<a title="a>b"class=x>"#), r#"<a title="a>b" class=x>"#);
    }

    #[test]
    fn text_comments_and_raw_text_are_left_alone() {
        for page in [
            r#"<p>"quoted"word and a < b</p>"#,
            r#"<!-- <a b="c"d> --><p>x</p>"#,
            r#"<!doctype html><script>var a = "<a b="+"c"+"d>";</script>"#,
            r#"<style>a[title="x"]b{}</style><title>"a"b</title>"#,
            r#"<textarea>"a"b <i x="y"z></textarea>"#,
            "</p><?x \"a\"b?>",
        ] {
            assert_eq!(s(page), page);
        }
        assert_eq!(
            s(r#"<SCRIPT>"a"b</script><i x="y"z>"#),
            r#"<SCRIPT>"a"b</script><i x="y" z>"#
        );
    }

    #[test]
    fn a_cut_off_page_does_not_panic() {
        for page in [
            "<",
            "<a",
            "<a b=\"",
            "<a b=\"c\"",
            "<script>",
            "<!--",
            "<a b='c'd",
        ] {
            let _ = s(page);
        }
        assert_eq!(s("<a b='c'd"), "<a b='c' d");
    }
}
