//! The postings: for each term, the targets that contain it with their
//! BM25F score, so that the browser only adds numbers.
//!
//! Two passes over the targets: the first finds their lengths and the
//! terms' document frequencies, the second counts again and scores. Pass 2
//! counts again rather than keep every target's counts: that halves the
//! peak memory. It also works through the targets in slices, which bounds
//! the scored postings held at once.

use super::encode::varint;
use super::targets::{Fields, Target};
use super::terms::{Frequencies, Terms};
use rayon::prelude::*;

/// BM25 parameters (the usual ones).
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Scores are stored as integers of this many steps per unit, at most
/// `SCORE_MAX`, so that a score and the title flag fit one base-32 digit.
const STEPS: f32 = 2.0;
const SCORE_MAX: u32 = 15;
/// Targets whose postings are gathered at once (bounds the memory).
const POSTING_SLICE: usize = 8192;

/// Each term's postings, encoded for the index: per target, the distance
/// from the previous target's number and the value (score * 2 + title),
/// each a varint.
pub(super) fn encoded(targets: &[Target], fields: &Fields, terms: &Terms) -> Vec<String> {
    let bm25 = Bm25::new(targets, fields, terms);
    by_term(targets, fields, terms, &bm25)
        .par_iter()
        .map(|list| delta_encoded(list))
        .collect()
}

/// What scoring needs beyond a target's own counts (pass 1).
struct Bm25 {
    /// Each target's weighted length.
    lengths: Vec<f32>,
    /// Their average, at least 1.
    avg: f32,
    /// Each term's inverse document frequency.
    idf: Vec<f32>,
}

impl Bm25 {
    fn new(targets: &[Target], fields: &Fields, terms: &Terms) -> Bm25 {
        let lengths: Vec<f32> = targets
            .par_iter()
            .map(|t| terms.count(fields.of(t)).1)
            .collect();
        let df = document_frequencies(targets, fields, terms);
        let n = targets.len().max(1) as f32;
        let avg = (lengths.iter().sum::<f32>() / n).max(1.0);
        Bm25 {
            lengths,
            avg,
            idf: idf(&df, n),
        }
    }

    /// The postings of target `doc` with term frequencies `tf`, as
    /// (term, posting) sorted by term: a posting is the target number
    /// shifted left by 5 and the value (score * 2 + title) below.
    fn postings(&self, doc: usize, tf: Frequencies) -> Vec<(u32, u32)> {
        let norm = K1 * (1.0 - B + B * self.lengths[doc] / self.avg);
        let doc = doc as u32;
        let mut list: Vec<(u32, u32)> = tf
            .into_iter()
            .map(|(term, (f, title))| {
                let score = score(self.idf[term as usize], f, norm);
                (term, doc << 5 | (score * 2 + u32::from(title)))
            })
            .collect();
        list.sort_unstable();
        list
    }
}

/// In how many targets each term occurs.
fn document_frequencies(targets: &[Target], fields: &Fields, terms: &Terms) -> Vec<u32> {
    let count = terms.sorted.len();
    targets
        .par_iter()
        .fold(
            || vec![0u32; count],
            |mut df, t| {
                for term in terms.count(fields.of(t)).0.keys() {
                    df[*term as usize] += 1;
                }
                df
            },
        )
        .reduce(
            || vec![0u32; count],
            |mut a, b| {
                a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
                a
            },
        )
}

/// The inverse document frequency of each term among `n` targets.
fn idf(df: &[u32], n: f32) -> Vec<f32> {
    df.iter()
        .map(|&d| (1.0 + (n - d as f32 + 0.5) / (d as f32 + 0.5)).ln())
        .collect()
}

/// A term's score in one target, from its inverse document frequency, its
/// weighted frequency `f` and the target's length normalisation, in
/// `STEPS` per unit from 1 to `SCORE_MAX`: with the title flag below it,
/// one base-32 digit.
fn score(idf: f32, f: f32, norm: f32) -> u32 {
    let tfpart = f * (K1 + 1.0) / (f + norm);
    ((idf * tfpart * STEPS).round() as u32).clamp(1, SCORE_MAX)
}

/// Pass 2: each term's postings, in target order, gathered a slice of
/// targets at a time.
fn by_term(targets: &[Target], fields: &Fields, terms: &Terms, bm25: &Bm25) -> Vec<Vec<u32>> {
    let mut by_term: Vec<Vec<u32>> = vec![Vec::new(); terms.sorted.len()];
    for (s, slice) in targets.chunks(POSTING_SLICE).enumerate() {
        let base = s * POSTING_SLICE;
        let found: Vec<Vec<(u32, u32)>> = slice
            .par_iter()
            .enumerate()
            .map(|(i, t)| bm25.postings(base + i, terms.count(fields.of(t)).0))
            .collect();
        for (term, posting) in found.into_iter().flatten() {
            by_term[term as usize].push(posting);
        }
    }
    by_term
}

/// One term's postings (in target order) as varints: the target number's
/// distance from the previous one, then the value.
fn delta_encoded(list: &[u32]) -> String {
    let mut s = String::with_capacity(list.len() * 3);
    let mut prev = 0;
    for &p in list {
        let doc = p >> 5;
        varint(&mut s, doc - prev);
        varint(&mut s, p & 31);
        prev = doc;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::super::encode::decode;
    use super::*;

    #[test]
    fn postings_are_target_deltas_and_values() {
        let list = [3 << 5 | 7, 4 << 5 | 30, 40 << 5 | 2];
        assert_eq!(decode(&delta_encoded(&list)), [3, 7, 1, 30, 36, 2]);
        assert_eq!(delta_encoded(&[]), "");
    }

    #[test]
    fn scores_fit_one_digit_with_the_title_flag() {
        assert_eq!(score(0.0, 1.0, 1.0), 1);
        assert_eq!(score(100.0, 50.0, 1.0), SCORE_MAX);
        let (low, high) = (score(1.0, 1.0, K1), score(1.0, 6.0, K1));
        assert!(low < high && high <= SCORE_MAX);
    }

    #[test]
    fn rare_terms_weigh_more() {
        let idf = idf(&[1, 5, 10], 10.0);
        assert!(idf[0] > idf[1] && idf[1] > idf[2] && idf[2] > 0.0);
    }

    #[test]
    fn a_target_postings_are_sorted_by_term() {
        let bm25 = Bm25 {
            lengths: vec![1.0, 2.0],
            avg: 1.5,
            idf: vec![1.0, 2.0, 3.0],
        };
        let tf: Frequencies = [(2, (1.0, false)), (0, (6.0, true))].into_iter().collect();
        let list = bm25.postings(1, tf);
        assert_eq!(list.iter().map(|p| p.0).collect::<Vec<_>>(), [0, 2]);
        assert!(list.iter().all(|p| p.1 >> 5 == 1));
        assert_eq!(list[0].1 & 1, 1);
        assert_eq!(list[1].1 & 1, 0);
    }
}
