//! The files the browser loads: the index script (terms, shard starts,
//! targets, pages, compound vocabulary) and, for a handbook with more than
//! one shard's worth, the postings shards.

use super::encode::{json, json_list, varint};
use super::targets::Target;
use super::terms::Terms;
use super::{PageInfo, CHUNK};
use std::collections::HashMap;
use std::fmt::Write as _;

/// About this many bytes of postings per shard file; a handbook with one
/// shard's worth has its postings inside the index file.
const SHARD_BYTES: usize = 64 * 1024;

/// Everything one language's index files hold.
pub(super) struct Index<'i, 'a> {
    pub code: &'i str,
    /// The plain text indexed, so that benchmarks can compare.
    pub text_bytes: usize,
    pub terms: &'i Terms<'a>,
    /// Each term's encoded postings.
    pub postings: &'i [String],
    pub targets: &'i [Target<'a>],
    pub pages: &'a [PageInfo],
}

impl Index<'_, '_> {
    /// (site-relative path, content) of the index and its shards.
    pub fn files(&self) -> Vec<(String, String)> {
        // Postings go to shard files of consecutive terms, loaded as
        // queries need them: the first result waits for a few of them, not
        // for all. A small handbook's postings come with the index: one
        // file less to wait for before the first result.
        let shards = shard_starts(self.postings);
        let inline = shards.len() <= 1;
        let mut files = vec![(
            format!("search/index-{}.js", self.code),
            self.script(&shards, inline),
        )];
        if !inline {
            files.extend(self.shard_files(&shards));
        }
        files
    }

    /// The index script; with the postings if `inline`.
    fn script(&self, shards: &[usize], inline: bool) -> String {
        let mut js = String::with_capacity(1 << 16);
        let _ = write!(
            js,
            "BrugSearch.index({{\"lang\":{},\"chunk\":{CHUNK},\"text_bytes\":{},\"terms\":",
            json(self.code),
            self.text_bytes
        );
        json_list(&mut js, self.terms.sorted.iter().map(String::as_str));
        js.push_str(",\"shards\":");
        js.push_str(&serde_json::to_string(shards).unwrap_or_else(|_| "[]".into()));
        if inline {
            js.push_str(",\"postings\":");
            json_list(&mut js, self.postings.iter().map(String::as_str));
        }
        let (groups, group_id) = groups(self.pages);
        let _ = write!(js, ",\"docs\":{},\"groups\":", json(&docs(self.targets)));
        json_list(&mut js, groups.iter().copied());
        js.push_str(",\"pages\":");
        self.write_pages(&mut js, &group_id);
        js.push_str(",\"vocab\":");
        json_list(&mut js, self.terms.vocab.iter());
        js.push_str("});\n");
        js
    }

    /// Appends the pages as an array of [title, URL, group, pair, other
    /// language's URL, its code].
    fn write_pages(&self, js: &mut String, group_id: &HashMap<&str, usize>) {
        js.push('[');
        for (i, p) in self.pages.iter().enumerate() {
            if i > 0 {
                js.push(',');
            }
            let (other, other_lang) = p
                .other
                .as_ref()
                .map_or(("", ""), |(u, l)| (u.as_str(), l.as_str()));
            let _ = write!(
                js,
                "[{},{},{},{},{},{}]",
                json(&p.title),
                json(&p.url),
                group_id[p.section.as_str()],
                p.pair,
                json(other),
                json(other_lang)
            );
        }
        js.push(']');
    }

    /// The postings shard files, shard `k` from term `shards[k]`.
    fn shard_files<'s>(
        &'s self,
        shards: &'s [usize],
    ) -> impl Iterator<Item = (String, String)> + 's {
        let code = self.code;
        shards.iter().enumerate().map(move |(k, &start)| {
            let end = shards.get(k + 1).copied().unwrap_or(self.postings.len());
            let mut c = format!("BrugSearch.postings({},{k},", json(code));
            json_list(&mut c, self.postings[start..end].iter().map(String::as_str));
            c.push_str(");\n");
            (format!("search/post-{code}-{k}.js"), c)
        })
    }
}

/// The first term of each shard: a new shard starts once the one before
/// holds `SHARD_BYTES` (counting three bytes of JSON around each list).
fn shard_starts(postings: &[String]) -> Vec<usize> {
    let mut shards: Vec<usize> = Vec::new();
    let mut size = SHARD_BYTES;
    for (t, p) in postings.iter().enumerate() {
        if size >= SHARD_BYTES {
            shards.push(t);
            size = 0;
        }
        size += p.len() + 3;
    }
    shards
}

/// Targets as the page-number delta of each, one varint; their anchors
/// and headings travel with their text, after the first results.
fn docs(targets: &[Target]) -> String {
    let mut docs = String::with_capacity(targets.len() * 2);
    let mut prev_page = 0;
    for t in targets {
        varint(&mut docs, (t.page - prev_page) as u32);
        prev_page = t.page;
    }
    docs
}

/// Section titles repeat on every page of a section: a table of them, in
/// order of first use, and each one's place in it.
fn groups(pages: &[PageInfo]) -> (Vec<&str>, HashMap<&str, usize>) {
    let mut groups: Vec<&str> = Vec::new();
    let mut group_id: HashMap<&str, usize> = HashMap::new();
    for p in pages {
        group_id.entry(p.section.as_str()).or_insert_with(|| {
            groups.push(p.section.as_str());
            groups.len() - 1
        });
    }
    (groups, group_id)
}

#[cfg(test)]
mod tests {
    use super::super::encode::decode;
    use super::*;

    fn page(section: &str) -> PageInfo {
        PageInfo {
            pair: 0,
            title: String::new(),
            url: String::new(),
            section: section.into(),
            other: None,
            facts: String::new(),
        }
    }

    #[test]
    fn shards_start_once_the_last_is_full() {
        assert!(shard_starts(&[]).is_empty());
        let small = vec!["x".repeat(10); 5];
        assert_eq!(shard_starts(&small), [0]);
        let big = vec!["x".repeat(SHARD_BYTES / 2); 5];
        assert_eq!(shard_starts(&big), [0, 2, 4]);
    }

    #[test]
    fn targets_are_page_deltas() {
        let t = |page| Target {
            page,
            anchor: "",
            heading: "",
            text: "",
        };
        let targets = [t(0), t(0), t(1), t(1), t(40)];
        assert_eq!(decode(&docs(&targets)), [0, 0, 1, 0, 39]);
    }

    #[test]
    fn sections_are_numbered_in_order_of_first_use() {
        let pages = [page("B"), page("A"), page("B"), page("")];
        let (groups, id) = groups(&pages);
        assert_eq!(groups, ["B", "A", ""]);
        assert_eq!((id["B"], id["A"], id[""]), (0, 1, 2));
    }
}
