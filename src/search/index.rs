//! The search index of one language, built from the same model as the
//! pages: every page that exists in the language is one target for its
//! intro and one per `##`/`###` heading, so a result can link to
//! `page/#heading`. Terms come from [`super::analyze`], weighted by field
//! (title over headings over summary over body) and scored with BM25F at
//! build time, so the browser only adds numbers.
//!
//! Output: `search/index-LANG.js` (what the first result needs: terms,
//! postings, targets, pages, the compound vocabulary) and
//! `search/text-LANG-K.js` (the targets' text for snippets, loaded later in
//! chunks). Both are scripts that call `BrugSearch`, so they load from
//! `file://`, where fetch and XHR do not work. The format is described at
//! the top of `themes/default/static/search/search.js`.

use super::analyze::{Analyzer, Vocab};
use crate::markdown::Rendered;
use crate::model::{Handbook, Lang, PairId};
use rayon::prelude::*;
use std::collections::HashMap;
use std::fmt::Write as _;

/// Field weights: a word in the title counts as much as six in the body.
const TITLE: f32 = 6.0;
const HEADING: f32 = 3.0;
const SUMMARY: f32 = 2.0;
const BODY: f32 = 1.0;
/// BM25 parameters (the usual ones).
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Scores are stored as integers of this many steps per unit.
const STEPS: f32 = 8.0;
/// Targets per text chunk file.
pub const CHUNK: usize = 64;

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
    pub kind: &'static str,
    /// The page in another language: URL and language code.
    pub other: Option<(String, String)>,
}

/// One language's index files and what the build reports about them.
pub struct Built {
    /// (site-relative path, content): the index, then the text chunks.
    pub files: Vec<(String, String)>,
    pub targets: usize,
    pub terms: usize,
    /// Bytes of plain page text in this language, for comparison.
    pub text_bytes: usize,
}

struct Target<'a> {
    page: usize,
    anchor: &'a str,
    heading: &'a str,
    text: &'a str,
}

/// Builds the index of language `lang` over `pages` (one entry per page
/// that exists in that language, with its rendered Markdown).
pub fn build(hb: &Handbook, lang: Lang, pages: &[PageInfo], markdown: &[&Rendered]) -> Built {
    let code = hb.lang_code(lang);
    let Some(analyzer) = Analyzer::new(code) else {
        return Built {
            files: Vec::new(),
            targets: 0,
            terms: 0,
            text_bytes: 0,
        };
    };
    let summaries: Vec<&str> = pages
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
    let text_bytes = targets.iter().map(|t| t.heading.len() + t.text.len()).sum::<usize>()
        + pages.iter().map(|p| p.title.len()).sum::<usize>()
        + summaries.iter().map(|s| s.len()).sum::<usize>();
    let vocab = analyzer.vocab(
        targets
            .iter()
            .flat_map(|t| [t.heading, t.text])
            .chain(pages.iter().map(|p| p.title.as_str()))
            .chain(summaries.iter().copied()),
    );
    // Weighted term frequencies and length per target, in parallel.
    let analysed: Vec<(HashMap<String, (f32, bool)>, f32)> = targets
        .par_iter()
        .map(|t| {
            let mut cache = HashMap::new();
            let mut tf: HashMap<String, (f32, bool)> = HashMap::new();
            let mut len = 0.0;
            let mut add = |text: &str, weight: f32, title: bool| {
                for term in terms(&analyzer, &vocab, &mut cache, text) {
                    let e = tf.entry(term).or_insert((0.0, false));
                    e.0 += weight;
                    e.1 |= title;
                    len += weight;
                }
            };
            if t.anchor.is_empty() {
                add(&pages[t.page].title, TITLE, true);
                add(summaries[t.page], SUMMARY, false);
            }
            add(t.heading, HEADING, false);
            add(t.text, BODY, false);
            (tf, len)
        })
        .collect();
    let n = analysed.len().max(1) as f32;
    let avg = analysed.iter().map(|(_, l)| l).sum::<f32>() / n;
    let mut by_term: HashMap<&str, Vec<(usize, f32, bool)>> = HashMap::new();
    for (doc, (tf, len)) in analysed.iter().enumerate() {
        for (term, &(f, title)) in tf {
            let norm = K1 * (1.0 - B + B * len / avg.max(1.0));
            by_term
                .entry(term.as_str())
                .or_default()
                .push((doc, f * (K1 + 1.0) / (f + norm), title));
        }
    }
    let mut terms_sorted: Vec<&str> = by_term.keys().copied().collect();
    terms_sorted.sort_unstable();
    let mut postings = Vec::with_capacity(terms_sorted.len());
    for term in &terms_sorted {
        let list = &by_term[term];
        let df = list.len() as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        let mut docs: Vec<&(usize, f32, bool)> = list.iter().collect();
        docs.sort_unstable_by_key(|d| d.0);
        let mut s = String::new();
        let mut prev = 0;
        for &&(doc, tfpart, title) in &docs {
            let score = ((idf * tfpart * STEPS).round() as u32).max(1);
            varint(&mut s, (doc - prev) as u32);
            varint(&mut s, score * 2 + u32::from(title));
            prev = doc;
        }
        postings.push(s);
    }

    let mut js = String::with_capacity(1 << 16);
    let _ = write!(js, "BrugSearch.index({{\"lang\":{},\"chunk\":{CHUNK},\"terms\":", json(code));
    json_list(&mut js, terms_sorted.iter().copied());
    js.push_str(",\"postings\":");
    json_list(&mut js, postings.iter().map(String::as_str));
    js.push_str(",\"docs\":[");
    for (i, t) in targets.iter().enumerate() {
        if i > 0 {
            js.push(',');
        }
        let _ = write!(js, "[{},{},{}]", t.page, json(t.anchor), json(t.heading));
    }
    js.push_str("],\"pages\":[");
    for (i, p) in pages.iter().enumerate() {
        if i > 0 {
            js.push(',');
        }
        let (other, other_lang) = p.other.as_ref().map_or(("", ""), |(u, l)| (u.as_str(), l.as_str()));
        let _ = write!(
            js,
            "[{},{},{},{},{},{},{}]",
            json(&p.title),
            json(&p.url),
            json(&p.section),
            p.pair,
            json(p.kind),
            json(other),
            json(other_lang)
        );
    }
    js.push_str("],\"vocab\":");
    json_list(&mut js, vocab.iter());
    js.push_str("});\n");

    let mut files = vec![(format!("search/index-{code}.js"), js)];
    for (k, chunk) in targets.chunks(CHUNK).enumerate() {
        let mut c = format!("BrugSearch.text({},{k},", json(code));
        json_list(&mut c, chunk.iter().map(|t| t.text.trim()));
        c.push_str(");\n");
        files.push((format!("search/text-{code}-{k}.js"), c));
    }
    Built {
        files,
        targets: targets.len(),
        terms: terms_sorted.len(),
        text_bytes,
    }
}

/// The terms of `text`, analysing each distinct whitespace-separated word
/// once (most words repeat, and stemming and splitting are the cost).
fn terms(analyzer: &Analyzer, vocab: &Vocab, cache: &mut HashMap<String, Vec<String>>, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        if let Some(t) = cache.get(word) {
            out.extend(t.iter().cloned());
            continue;
        }
        let t = analyzer.terms(word, vocab);
        out.extend(t.iter().cloned());
        cache.insert(word.to_string(), t);
    }
    out
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
