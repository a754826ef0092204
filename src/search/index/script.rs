//! The files the browser loads: the index script (where each dictionary
//! block and postings shard starts, each page's number of targets and
//! pair), the dictionary's blocks (terms and compound vocabulary) and, for
//! a handbook with more than one shard's worth, the postings shards and the
//! page files (title, URL, section and counterpart of `PAGE_CHUNK` pages
//! each), which a query loads for the results it shows.

use super::encode::{dictionary, front_coded, json, json_list, varint, Block, Kind};
use super::targets::Target;
use super::terms::Terms;
use super::{PageInfo, CHUNK};
use crate::text::hash::HashMap;
use std::fmt::Write as _;

/// A shard file holds about a `SHARDS`th of the postings, but no less
/// than `SHARD_MIN` and no more than `SHARD_MAX` bytes: a small handbook's
/// query loads the few KB its words need, not all postings, and a large
/// one keeps its number of files down.
const SHARDS: usize = 32;
const SHARD_MIN: usize = 2 * 1024;
const SHARD_MAX: usize = 64 * 1024;
/// About this many bytes of dictionary per words file: a query word loads
/// the few blocks its compound parts and terms fall in; only a word the
/// handbook lacks (looked for inside terms, or one typing error away)
/// loads them all.
const WORDS_BLOCK: usize = 2 * 1024;
/// A dictionary of at most this many bytes comes inside the index: the
/// round trip for its blocks would cost a small handbook's reader more
/// time than the few KB it saves.
const WORDS_INLINE: usize = 24 * 1024;
/// Pages per page file: the first results need the titles and URLs of
/// eight pages, so each of those loads a few KB, not every page's.
pub const PAGE_CHUNK: usize = 32;

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
        let (groups, group_id) = groups(self.pages);
        let blocks = dictionary(
            self.terms.sorted.iter().map(String::as_str),
            self.terms.vocab.iter(),
            WORDS_BLOCK,
        );
        let mut files = vec![(
            format!("search/index-{}.js", self.code),
            self.script(&shards, inline, &blocks, &groups, &group_id),
        )];
        if !words_inline(&blocks) {
            for (k, block) in blocks.iter().enumerate() {
                let c = format!(
                    "BrugSearch.words({},{k},{});\n",
                    json(self.code),
                    json(&block.coded)
                );
                files.push((format!("search/words-{}-{k}.js", self.code), c));
            }
        }
        if !inline {
            files.extend(self.shard_files(&shards));
            for (k, pages) in self.pages.chunks(PAGE_CHUNK).enumerate() {
                let mut c = format!("BrugSearch.pages({},{k},", json(self.code));
                write_pages(&mut c, pages, &group_id);
                c.push_str(");\n");
                files.push((format!("search/pages-{}-{k}.js", self.code), c));
            }
        }
        files
    }

    /// The index script; with the postings and the pages if `inline`.
    fn script(
        &self,
        shards: &[usize],
        inline: bool,
        blocks: &[Block],
        groups: &[&str],
        group_id: &HashMap<&str, usize>,
    ) -> String {
        let mut js = String::with_capacity(1 << 16);
        let _ = write!(
            js,
            "BrugSearch.index({{\"lang\":{},\"chunk\":{CHUNK},\"page_chunk\":{PAGE_CHUNK},\"text_bytes\":{},\"term_count\":{},\"blocks\":",
            json(self.code),
            self.text_bytes,
            self.terms.sorted.len()
        );
        js.push_str(&json(&block_starts(blocks)));
        js.push_str(",\"block_terms\":");
        let mut before = String::new();
        for b in blocks {
            varint(&mut before, b.terms_before);
        }
        js.push_str(&json(&before));
        if words_inline(blocks) {
            js.push_str(",\"words\":");
            json_list(&mut js, blocks.iter().map(|b| b.coded.as_str()));
        }
        js.push_str(",\"shards\":");
        js.push_str(&serde_json::to_string(shards).unwrap_or_else(|_| "[]".into()));
        if inline {
            js.push_str(",\"postings\":");
            json_list(&mut js, self.postings.iter().map(String::as_str));
            js.push_str(",\"pages\":");
            write_pages(&mut js, self.pages, group_id);
        }
        let _ = write!(
            js,
            ",\"counts\":{},\"pairs\":{},\"groups\":",
            json(&counts(self.targets, self.pages.len())),
            json(&pairs(self.pages))
        );
        json_list(&mut js, groups.iter().copied());
        js.push_str("});\n");
        js
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

/// Whether the dictionary is small enough to come inside the index.
fn words_inline(blocks: &[Block]) -> bool {
    blocks.iter().map(|b| b.coded.len()).sum::<usize>() <= WORDS_INLINE
}

/// The first word of each dictionary block, front-coded.
fn block_starts(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut prev = "";
    for (i, b) in blocks.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        front_coded(&mut out, prev, b.first, Kind::Term);
        prev = b.first;
    }
    out
}

/// The first term of each shard: a term starts a new shard when it would
/// take the one before past the shard size (counting three bytes of JSON
/// around each list), so that a term with long postings comes alone and a
/// query for it does not also load its neighbours'.
fn shard_starts(postings: &[String]) -> Vec<usize> {
    let total: usize = postings.iter().map(|p| p.len() + 3).sum();
    let limit = (total / SHARDS).clamp(SHARD_MIN, SHARD_MAX);
    let mut shards: Vec<usize> = Vec::new();
    let mut size = 0;
    for (t, p) in postings.iter().enumerate() {
        let len = p.len() + 3;
        if shards.is_empty() || (size > 0 && size + len > limit) {
            shards.push(t);
            size = 0;
        }
        size += len;
    }
    shards
}

/// Appends `pages` as an array of [title, URL, group, other language's
/// URL, its code].
fn write_pages(js: &mut String, pages: &[PageInfo], group_id: &HashMap<&str, usize>) {
    js.push('[');
    for (i, p) in pages.iter().enumerate() {
        if i > 0 {
            js.push(',');
        }
        let (other, other_lang) = p
            .other
            .as_ref()
            .map_or(("", ""), |(u, l)| (u.as_str(), l.as_str()));
        let _ = write!(
            js,
            "[{},{},{},{},{}]",
            json(&p.title),
            json(&p.url),
            group_id[p.section.as_str()],
            json(other),
            json(other_lang)
        );
    }
    js.push(']');
}

/// Each page's number of targets, one varint per page (targets come in
/// page order); their anchors and headings travel with their text, after
/// the first results.
fn counts(targets: &[Target], pages: usize) -> String {
    let mut count = vec![0u32; pages];
    for t in targets {
        count[t.page] += 1;
    }
    let mut out = String::with_capacity(pages);
    for c in count {
        varint(&mut out, c);
    }
    out
}

/// Each page's pair, as the zigzag-coded difference from the page before
/// (pages come in pair order, so mostly one digit), so that a search in
/// both languages can show a pair once before any page file is loaded.
fn pairs(pages: &[PageInfo]) -> String {
    let mut out = String::with_capacity(pages.len());
    let mut prev = 0i64;
    for p in pages {
        let d = p.pair as i64 - prev;
        varint(
            &mut out,
            if d >= 0 {
                (d * 2) as u32
            } else {
                (-d * 2 - 1) as u32
            },
        );
        prev = p.pair as i64;
    }
    out
}

/// Section titles repeat on every page of a section: a table of them, in
/// order of first use, and each one's place in it.
fn groups(pages: &[PageInfo]) -> (Vec<&str>, HashMap<&str, usize>) {
    let mut groups: Vec<&str> = Vec::new();
    let mut group_id: HashMap<&str, usize> = HashMap::default();
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
        // A small handbook's postings: shards of SHARD_MIN.
        let some = vec!["x".repeat(SHARD_MIN / 2 - 3); 5];
        assert_eq!(shard_starts(&some), [0, 2, 4]);
        // A term that would overfill a shard starts the next one, and one
        // larger than a shard comes alone.
        let sizes = [100, SHARD_MIN - 200, 300, SHARD_MIN * 3, 10];
        let uneven: Vec<String> = sizes.iter().map(|&n| "x".repeat(n)).collect();
        assert_eq!(shard_starts(&uneven), [0, 2, 3, 4]);
        // A larger one: a SHARDS-th of the whole, up to SHARD_MAX.
        let more = vec!["x".repeat(SHARD_MIN - 3); SHARDS * 4];
        assert_eq!(shard_starts(&more).len(), SHARDS);
        let big = vec!["x".repeat(SHARD_MAX / 2 - 3); SHARDS * 4];
        assert_eq!(shard_starts(&big).len(), SHARDS * 2);
    }

    #[test]
    fn targets_are_counted_per_page() {
        let t = |page| Target {
            page,
            anchor: "",
            heading: "",
            text: "",
        };
        let targets = [t(0), t(0), t(1), t(1), t(3)];
        assert_eq!(decode(&counts(&targets, 5)), [2, 2, 0, 1, 0]);
    }

    #[test]
    fn pairs_are_zigzag_differences() {
        let pages: Vec<PageInfo> = [0, 1, 2, 40, 39, 39]
            .into_iter()
            .map(|pair| PageInfo { pair, ..page("") })
            .collect();
        assert_eq!(decode(&pairs(&pages)), [0, 2, 2, 76, 1, 0]);
    }

    #[test]
    fn sections_are_numbered_in_order_of_first_use() {
        let pages = [page("B"), page("A"), page("B"), page("")];
        let (groups, id) = groups(&pages);
        assert_eq!(groups, ["B", "A", ""]);
        assert_eq!((id["B"], id["A"], id[""]), (0, 1, 2));
    }
}
