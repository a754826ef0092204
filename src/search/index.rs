//! The search index of one language, built from the same model as the
//! pages: every page that exists in the language is one target for its
//! intro and one per `##`/`###` heading, so a result can link to
//! `page/#heading`. Terms come from [`super::analyze`], weighted by field
//! (title over headings over summary over body) and scored with BM25F at
//! build time, so the browser only adds numbers.
//!
//! Output: `search/index-LANG.js` (terms, targets, pages, the compound
//! vocabulary), `search/post-LANG-K.js` (the postings of a range of terms,
//! loaded when a query needs them) and `search/text-LANG-K.js` (each
//! target's anchor, heading and text, for links and snippets, loaded after
//! the results). Both are scripts that call `BrugSearch`, so they load from
//! `file://`, where fetch and XHR do not work. The format is described at
//! the top of `themes/default/static/search/search.js`.

use super::analyze::Analyzer;
use crate::analyze::markdown::Rendered;
use crate::model::{Handbook, Lang, PairId};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

/// Field weights: a word in the title counts as much as six in the body.
const TITLE: f32 = 6.0;
const HEADING: f32 = 3.0;
const SUMMARY: f32 = 2.0;
const BODY: f32 = 1.0;
/// BM25 parameters (the usual ones).
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Scores are stored as integers of this many steps per unit, at most
/// `SCORE_MAX`, so that a score and the title flag fit one base-32 digit.
const STEPS: f32 = 2.0;
const SCORE_MAX: u32 = 15;
/// Targets per text chunk file.
pub const CHUNK: usize = 64;
/// Targets whose postings are gathered at once (bounds the memory).
const POSTING_SLICE: usize = 8192;
/// About this many bytes of postings per shard file; a handbook with one
/// shard's worth has its postings inside the index file.
const SHARD_BYTES: usize = 64 * 1024;

/// Base-32 varint digits that end a number, and those that continue it.
const END: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
const MORE: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ@$%&*+";

/// A page as search results show it.
pub struct PageInfo {
    pub pair: PairId,
    pub title: String,
    /// Site-relative URL of the page.
    pub url: String,
    pub section: String,
    /// The page in another language: URL and language code.
    pub other: Option<(String, String)>,
}

/// One language's index files and what the build reports about them.
pub struct Built {
    /// (site-relative path, content): the index and its postings shards;
    /// the text chunks are separate jobs (`text_chunk`).
    pub files: Vec<(String, String)>,
    pub targets: usize,
    pub terms: usize,
    /// Bytes of plain page text in this language, for comparison.
    pub text_bytes: usize,
}

#[derive(Clone, Copy)]
struct Target<'a> {
    page: usize,
    anchor: &'a str,
    heading: &'a str,
    text: &'a str,
}

/// Builds the index of language `lang` over `pages` (one entry per page
/// that exists in that language, with its rendered Markdown).
pub fn build<'a>(
    hb: &'a Handbook,
    lang: Lang,
    pages: &'a [PageInfo],
    markdown: &[&'a Rendered],
) -> Built {
    let code = hb.lang_code(lang);
    let Some(analyzer) = Analyzer::new(code) else {
        return Built {
            files: Vec::new(),
            targets: 0,
            terms: 0,
            text_bytes: 0,
        };
    };
    let summaries: Vec<&'a str> = pages
        .iter()
        .map(|p| {
            let page = &hb.pages[hb.pairs[p.pair].best_page(lang)];
            page.front.summary.as_deref().unwrap_or_default()
        })
        .collect();
    let mut targets = Vec::new();
    for (i, r) in markdown.iter().enumerate() {
        for s in &r.sections {
            targets.push(Target {
                page: i,
                anchor: s.anchor.as_deref().unwrap_or_default(),
                heading: &s.heading,
                text: &s.text,
            });
        }
    }
    let text_bytes = targets
        .iter()
        .map(|t| t.heading.len() + t.text.len())
        .sum::<usize>()
        + pages.iter().map(|p| p.title.len()).sum::<usize>()
        + summaries.iter().map(|s| s.len()).sum::<usize>();
    // The fields of a target with their weights and whether they are the title.
    let fields = |t: &Target<'a>| -> [(&'a str, f32, bool); 4] {
        let top = t.anchor.is_empty();
        [
            (
                if top {
                    pages[t.page].title.as_str()
                } else {
                    ""
                },
                TITLE,
                true,
            ),
            (if top { summaries[t.page] } else { "" }, SUMMARY, false),
            (t.heading, HEADING, false),
            (t.text, BODY, false),
        ]
    };
    // Most words repeat: analyse each distinct one once, in parallel.
    let words: HashSet<&str> = targets
        .par_iter()
        .fold(HashSet::new, |mut set, t| {
            for (text, _, _) in fields(t) {
                set.extend(text.split_whitespace());
            }
            set
        })
        .reduce(HashSet::new, |mut a, b| {
            a.extend(b);
            a
        });
    let vocab = analyzer.vocab(words.iter().copied());
    let analysed: Vec<(&str, Vec<String>)> = words
        .par_iter()
        .map(|&w| (w, analyzer.terms(w, &vocab)))
        .collect();
    drop(words);
    let mut terms_sorted: Vec<String> = analysed
        .iter()
        .flat_map(|(_, t)| t.iter().cloned())
        .collect();
    terms_sorted.sort_unstable();
    terms_sorted.dedup();
    let term_id: HashMap<&str, u32> = terms_sorted
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i as u32))
        .collect();
    // Words map to term numbers; the analysed strings can go.
    let word_terms: HashMap<&str, Vec<u32>> = analysed
        .into_iter()
        .map(|(w, t)| (w, t.iter().map(|t| term_id[t.as_str()]).collect()))
        .collect();
    drop(term_id);
    // A target's weighted term frequencies (and whether in the title).
    let count = |t: &Target<'a>| -> (HashMap<u32, (f32, bool)>, f32) {
        let mut tf: HashMap<u32, (f32, bool)> = HashMap::new();
        let mut len = 0.0;
        for (text, weight, title) in fields(t) {
            for w in text.split_whitespace() {
                for &term in word_terms.get(w).into_iter().flatten() {
                    let e = tf.entry(term).or_insert((0.0, false));
                    e.0 += weight;
                    e.1 |= title;
                    len += weight;
                }
            }
        }
        (tf, len)
    };
    // Pass 1: lengths and document frequencies. Pass 2 counts again rather
    // than keep every target's counts: that halves the peak memory.
    let lengths: Vec<f32> = targets.par_iter().map(|t| count(t).1).collect();
    let df = targets
        .par_iter()
        .fold(
            || vec![0u32; terms_sorted.len()],
            |mut df, t| {
                for term in count(t).0.keys() {
                    df[*term as usize] += 1;
                }
                df
            },
        )
        .reduce(
            || vec![0u32; terms_sorted.len()],
            |mut a, b| {
                a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
                a
            },
        );
    let n = targets.len().max(1) as f32;
    let avg = (lengths.iter().sum::<f32>() / n).max(1.0);
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| (1.0 + (n - d as f32 + 0.5) / (d as f32 + 0.5)).ln())
        .collect();
    // Pass 2, in slices of targets: each posting is one u32, the target
    // number shifted left by 5 and the value (score * 2 + title) below.
    let mut by_term: Vec<Vec<u32>> = vec![Vec::new(); terms_sorted.len()];
    for (s, slice) in targets.chunks(POSTING_SLICE).enumerate() {
        let base = s * POSTING_SLICE;
        let found: Vec<Vec<(u32, u32)>> = slice
            .par_iter()
            .enumerate()
            .map(|(i, t)| {
                let doc = (base + i) as u32;
                let norm = K1 * (1.0 - B + B * lengths[base + i] / avg);
                let mut list: Vec<(u32, u32)> = count(t)
                    .0
                    .into_iter()
                    .map(|(term, (f, title))| {
                        let tfpart = f * (K1 + 1.0) / (f + norm);
                        // One base-32 digit: scores in half steps up to 15.5.
                        let score = ((idf[term as usize] * tfpart * STEPS).round() as u32)
                            .clamp(1, SCORE_MAX);
                        (term, doc << 5 | (score * 2 + u32::from(title)))
                    })
                    .collect();
                list.sort_unstable();
                list
            })
            .collect();
        for (term, posting) in found.into_iter().flatten() {
            by_term[term as usize].push(posting);
        }
    }
    let postings: Vec<String> = by_term
        .par_iter()
        .map(|list| {
            let mut s = String::with_capacity(list.len() * 3);
            let mut prev = 0;
            for &p in list {
                let doc = p >> 5;
                varint(&mut s, doc - prev);
                varint(&mut s, p & 31);
                prev = doc;
            }
            s
        })
        .collect();

    // Targets as the page-number delta of each, one varint; their anchors
    // and headings travel with their text, after the first results.
    let mut docs = String::with_capacity(targets.len() * 2);
    let mut prev_page = 0;
    for t in &targets {
        varint(&mut docs, (t.page - prev_page) as u32);
        prev_page = t.page;
    }
    // Section titles repeat on every page of a section: a table of them.
    let mut groups: Vec<&str> = Vec::new();
    let mut group_id: HashMap<&str, usize> = HashMap::new();
    for p in pages {
        group_id.entry(p.section.as_str()).or_insert_with(|| {
            groups.push(p.section.as_str());
            groups.len() - 1
        });
    }

    let mut js = String::with_capacity(1 << 16);
    // text_bytes: the plain text indexed, so that benchmarks can compare.
    let _ = write!(
        js,
        "BrugSearch.index({{\"lang\":{},\"chunk\":{CHUNK},\"text_bytes\":{text_bytes},\"terms\":",
        json(code)
    );
    json_list(&mut js, terms_sorted.iter().map(String::as_str));
    // Postings go to shard files of consecutive terms, loaded as queries
    // need them: the first result waits for a few of them, not for all.
    let mut shards: Vec<usize> = Vec::new();
    let mut size = SHARD_BYTES;
    for (t, p) in postings.iter().enumerate() {
        if size >= SHARD_BYTES {
            shards.push(t);
            size = 0;
        }
        size += p.len() + 3;
    }
    js.push_str(",\"shards\":");
    js.push_str(&serde_json::to_string(&shards).unwrap_or_else(|_| "[]".into()));
    // A small handbook's postings come with the index: one file less to
    // wait for before the first result.
    let inline = shards.len() <= 1;
    if inline {
        js.push_str(",\"postings\":");
        json_list(&mut js, postings.iter().map(String::as_str));
    }
    let _ = write!(js, ",\"docs\":{},\"groups\":", json(&docs));
    json_list(&mut js, groups.iter().copied());
    js.push_str(",\"pages\":[");
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
            "[{},{},{},{},{},{}]",
            json(&p.title),
            json(&p.url),
            group_id[p.section.as_str()],
            p.pair,
            json(other),
            json(other_lang)
        );
    }
    js.push_str("],\"vocab\":");
    json_list(&mut js, vocab.iter());
    js.push_str("});\n");

    let mut files = vec![(format!("search/index-{code}.js"), js)];
    for (k, &start) in shards.iter().enumerate().filter(|_| !inline) {
        let end = shards.get(k + 1).copied().unwrap_or(postings.len());
        let mut c = format!("BrugSearch.postings({},{k},", json(code));
        json_list(&mut c, postings[start..end].iter().map(String::as_str));
        c.push_str(");\n");
        files.push((format!("search/post-{code}-{k}.js"), c));
    }
    Built {
        files,
        targets: targets.len(),
        terms: terms_sorted.len(),
        text_bytes,
    }
}

/// The text chunk `k` of language `code`: anchor, heading and text of
/// each of `sections` (the targets `k * CHUNK ..`), for links and snippets.
pub fn text_chunk(
    code: &str,
    k: usize,
    sections: &[&crate::analyze::markdown::TextSection],
) -> String {
    let mut c = format!("BrugSearch.text({},{k},[", json(code));
    for (i, t) in sections.iter().enumerate() {
        if i > 0 {
            c.push(',');
        }
        let _ = write!(
            c,
            "[{},{},{}]",
            json(t.anchor.as_deref().unwrap_or_default()),
            json(&t.heading),
            json(t.text.trim())
        );
    }
    c.push_str("]);\n");
    c
}

/// Appends `n` as base-32 digits, most significant first.
fn varint(out: &mut String, n: u32) {
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

fn json(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn json_list<'a>(out: &mut String, items: impl Iterator<Item = &'a str>) {
    out.push('[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&json(item));
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(s: &str) -> Vec<u32> {
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
}
