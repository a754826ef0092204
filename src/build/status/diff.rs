//! What changed in an original between two versions, as a translator
//! reads it: by paragraph, and by sentence inside a changed paragraph.
//! A line diff would mark a whole re-wrapped paragraph as changed; a word
//! diff scatters the change. Sentences are the unit a translator updates.

use similar::{capture_diff_slices, Algorithm, DiffOp};

/// Below this share of equal words two paragraphs at the same place are a
/// removal and an addition rather than one changed paragraph.
const SIMILAR: f32 = 0.4;

/// One changed place in the text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Change {
    pub kind: Kind,
    /// Paragraph number (1-based) in the old text, if it was there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<usize>,
    /// Paragraph number (1-based) in the new text, if it is there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<usize>,
    /// The heading of the section it is in (without `#` and `{#id}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Its paragraph number in that section (the heading's next paragraph
    /// is 1), or in the whole text when no heading comes before it.
    pub paragraph: usize,
    /// The start of the unchanged paragraph before it, for orientation,
    /// unless that is the section's heading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// The sentences, each kept, removed or added.
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Title,
    Changed,
    Added,
    Removed,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Part {
    pub op: Op,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Same,
    Removed,
    Added,
}

/// The changes from the page text `old` to `new` (each a title and a
/// Markdown body). Unchanged paragraphs are left out.
pub fn diff(old: (&str, &str), new: (&str, &str)) -> Vec<Change> {
    let mut out = Vec::new();
    let (old_title, new_title) = (old.0.trim(), new.0.trim());
    if old_title != new_title {
        out.push(Change {
            kind: Kind::Title,
            old: None,
            new: None,
            section: None,
            paragraph: 0,
            after: None,
            parts: vec![part(Op::Removed, old_title), part(Op::Added, new_title)],
        });
    }
    let a = paragraphs(old.1);
    let b = paragraphs(new.1);
    for op in capture_diff_slices(Algorithm::Patience, &a, &b) {
        let (o, ol, n, nl) = match op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete {
                old_index, old_len, ..
            } => (old_index, old_len, 0, 0),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (old_index, 0, new_index, new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (old_index, old_len, new_index, new_len),
        };
        let after = o.checked_sub(1).map(|i| first_line(&a[i]));
        let mut place = Place {
            out: &mut out,
            after,
        };
        for i in 0..ol.max(nl) {
            match (i < ol, i < nl) {
                (true, true) if similarity(&a[o + i], &b[n + i]) >= SIMILAR => {
                    place.push(Kind::Changed, Some(o + i), Some(n + i), {
                        sentence_diff(&a[o + i], &b[n + i])
                    });
                }
                (true, true) => {
                    place.push(
                        Kind::Removed,
                        Some(o + i),
                        None,
                        whole(Op::Removed, &a[o + i]),
                    );
                    place.push(Kind::Added, None, Some(n + i), whole(Op::Added, &b[n + i]));
                }
                (true, false) => place.push(
                    Kind::Removed,
                    Some(o + i),
                    None,
                    whole(Op::Removed, &a[o + i]),
                ),
                (false, _) => {
                    place.push(Kind::Added, None, Some(n + i), whole(Op::Added, &b[n + i]))
                }
            }
        }
    }
    for change in &mut out {
        locate(change, &a, &b);
    }
    out
}

/// Sets the section and the paragraph number of `change`, counted in the
/// new text (`b`), or in the old one (`a`) for a removed paragraph.
fn locate(change: &mut Change, a: &[String], b: &[String]) {
    let (list, index) = match (change.kind, change.old, change.new) {
        (Kind::Removed, Some(o), _) => (a, o - 1),
        (_, _, Some(n)) => (b, n - 1),
        _ => return,
    };
    let Some(h) = (0..index).rev().find(|&i| heading(&list[i]).is_some()) else {
        change.paragraph = index + 1;
        return;
    };
    change.section = heading(&list[h]);
    change.paragraph = index - h;
    if change.after.as_deref() == Some(first_line(&list[h]).as_str()) {
        change.after = None;
    }
}

/// The text of a Markdown heading paragraph (`## Titel {#id}` → `Titel`).
fn heading(paragraph: &str) -> Option<String> {
    let rest = paragraph.trim_start_matches('#');
    let hashes = paragraph.len() - rest.len();
    if !(1..=6).contains(&hashes) || !rest.starts_with(' ') || paragraph.contains('\n') {
        return None;
    }
    let text = rest.trim();
    let text = match text.rfind("{#") {
        Some(at) if text.ends_with('}') => text[..at].trim_end(),
        _ => text,
    };
    Some(text.to_string())
}

/// Collects the changes of one hunk; only the first names its context.
struct Place<'a> {
    out: &'a mut Vec<Change>,
    after: Option<String>,
}

impl Place<'_> {
    fn push(&mut self, kind: Kind, old: Option<usize>, new: Option<usize>, parts: Vec<Part>) {
        // A paragraph only re-wrapped has no changed sentence.
        if parts.iter().all(|p| p.op == Op::Same) {
            return;
        }
        self.out.push(Change {
            kind,
            old: old.map(|i| i + 1),
            new: new.map(|i| i + 1),
            section: None,
            paragraph: 0,
            after: self.after.take(),
            parts,
        });
    }
}

fn part(op: Op, text: &str) -> Part {
    Part {
        op,
        text: text.to_string(),
    }
}

fn whole(op: Op, paragraph: &str) -> Vec<Part> {
    sentences(paragraph)
        .into_iter()
        .map(|s| part(op, &s))
        .collect()
}

/// The sentences of two versions of a paragraph, each kept, removed or added.
fn sentence_diff(old: &str, new: &str) -> Vec<Part> {
    let a = sentences(old);
    let b = sentences(new);
    let mut parts = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &a, &b) {
        let (tag, old, new) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            parts.extend(a[old].iter().map(|s| part(Op::Same, s)));
        } else {
            parts.extend(a[old].iter().map(|s| part(Op::Removed, s)));
            parts.extend(b[new].iter().map(|s| part(Op::Added, s)));
        }
    }
    parts
}

/// The paragraphs of a Markdown body: blocks between blank lines, each
/// line's trailing blanks removed (as the stamp's hash ignores them).
pub fn paragraphs(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in body.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

/// A paragraph's sentences: each line of a list or table on its own, and
/// prose split after `.`, `!` or `?` followed by a blank. Line breaks
/// inside prose do not count, so a re-wrapped sentence stays the same.
pub fn sentences(paragraph: &str) -> Vec<String> {
    let mut out = Vec::new();
    for block in blocks(paragraph) {
        let mut start = 0;
        let bytes = block.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let ends = matches!(b, b'.' | b'!' | b'?')
                && bytes.get(i + 1).is_some_and(|c| c.is_ascii_whitespace());
            if ends {
                push_trimmed(&mut out, &block[start..=i]);
                start = i + 1;
            }
        }
        push_trimmed(&mut out, &block[start..]);
    }
    out
}

/// Adds a sentence with its white space collapsed, if it has any text.
fn push_trimmed(out: &mut Vec<String>, s: &str) {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !words.is_empty() {
        out.push(words.join(" "));
    }
}

/// Splits a paragraph into lines when it is a list, table, quote or
/// code (each line means something alone), else keeps it whole.
fn blocks(paragraph: &str) -> Vec<&str> {
    let structured = paragraph.lines().any(|l| {
        let t = l.trim_start();
        t.starts_with(['-', '*', '+', '|', '>', '#'])
            || t.starts_with("```")
            || t.split_once(". ")
                .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
    });
    if structured {
        paragraph.lines().collect()
    } else {
        vec![paragraph]
    }
}

/// The share of equal words between two paragraphs (0 to 1); blanks do
/// not count, or any two paragraphs would look half alike.
fn similarity(a: &str, b: &str) -> f32 {
    let a: Vec<&str> = a.split_whitespace().collect();
    let b: Vec<&str> = b.split_whitespace().collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let equal: usize = capture_diff_slices(Algorithm::Patience, &a, &b)
        .iter()
        .filter_map(|op| match op {
            DiffOp::Equal { len, .. } => Some(*len),
            _ => None,
        })
        .sum();
    2.0 * equal as f32 / (a.len() + b.len()) as f32
}

/// The first line of a paragraph, cut to about 60 characters.
fn first_line(paragraph: &str) -> String {
    let line = paragraph.lines().next().unwrap_or_default();
    match line.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", line[..cut].trim_end()),
        None => line.to_string(),
    }
}

#[cfg(test)]
mod tests;
