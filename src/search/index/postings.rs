//! The postings: for each term, the targets that contain it with their
//! BM25F score, so that the browser only adds numbers.
//!
//! Two passes over the targets: the first finds their lengths and the
//! terms' document frequencies, the second counts again and scores. Pass 2
//! counts again rather than keep every target's counts: that halves the
//! peak memory. It also works through the targets in slices, which bounds
//! the scored postings held at once, and encodes each term's postings as
//! they arrive, keeping a byte of form bits per posting rather than the
//! postings themselves (a third of the memory, and no second copy when
//! they are written out).

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
/// each a varint; then, where the targets differ in which form of the
/// term they have, each listed form and the targets that have it (see
/// `forms_encoded`).
pub(super) fn encoded(targets: &[Target], fields: &Fields, terms: &Terms) -> Vec<String> {
    let bm25 = Bm25::new(targets, fields, terms);
    by_term(targets, fields, terms, &bm25)
        .into_par_iter()
        .zip(&terms.forms)
        .map(|(gathered, forms)| {
            let mut s = gathered.coded;
            forms_encoded(&mut s, &gathered.forms, forms);
            s
        })
        .collect()
}

/// A posting: the target number, the forms bit set (8 bits) and the value
/// (score * 2 + title, 5 bits).
type Posting = u64;
const FORM_SHIFT: u32 = 5;
const DOC_SHIFT: u32 = 13;

/// What scoring needs beyond a target's own counts (pass 1).
struct Bm25 {
    /// Each target's weighted length.
    lengths: Vec<f32>,
    /// Their average, at least 1.
    avg: f32,
    /// Each term's inverse document frequency.
    idf: Vec<f32>,
    /// Each term's document frequency: how many postings it will have.
    df: Vec<u32>,
}

impl Bm25 {
    fn new(targets: &[Target], fields: &Fields, terms: &Terms) -> Bm25 {
        let (df, lengths) = document_frequencies(targets, fields, terms);
        let n = targets.len().max(1) as f32;
        let avg = (lengths.iter().sum::<f32>() / n).max(1.0);
        Bm25 {
            lengths,
            avg,
            idf: idf(&df, n),
            df,
        }
    }

    /// The postings of target `doc` with term frequencies `tf`, as
    /// (term, posting) sorted by term.
    fn postings(&self, doc: usize, tf: Frequencies) -> Vec<(u32, Posting)> {
        let norm = K1 * (1.0 - B + B * self.lengths[doc] / self.avg);
        let doc = doc as u64;
        let mut list: Vec<(u32, Posting)> = tf
            .into_iter()
            .map(|(term, (f, title, forms))| {
                let score = score(self.idf[term as usize], f, norm);
                let value = u64::from(score * 2 + u32::from(title));
                (
                    term,
                    doc << DOC_SHIFT | u64::from(forms) << FORM_SHIFT | value,
                )
            })
            .collect();
        list.sort_unstable();
        list
    }
}

/// In how many targets each term occurs, and each target's weighted
/// length: one count of every target for both.
fn document_frequencies(
    targets: &[Target],
    fields: &Fields,
    terms: &Terms,
) -> (Vec<u32>, Vec<f32>) {
    let count = terms.sorted.len();
    let mut lengths = vec![0.0; targets.len()];
    let df = lengths
        .par_iter_mut()
        .zip(targets)
        .fold(
            || vec![0u32; count],
            |mut df, (length, t)| {
                let (tf, len) = terms.count(fields.of(t));
                for (term, _) in tf {
                    df[term as usize] += 1;
                }
                *length = len;
                df
            },
        )
        .reduce(
            || vec![0u32; count],
            |mut a, b| {
                a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
                a
            },
        );
    (df, lengths)
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
fn by_term(targets: &[Target], fields: &Fields, terms: &Terms, bm25: &Bm25) -> Vec<Gathered> {
    let mut by_term: Vec<Gathered> = bm25.df.iter().map(|&df| Gathered::new(df)).collect();
    for (s, slice) in targets.chunks(POSTING_SLICE).enumerate() {
        let base = s * POSTING_SLICE;
        let found: Vec<Vec<(u32, Posting)>> = slice
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

/// One term's postings, encoded as they arrive in target order: as
/// varints, the target number's distance from the previous one, then the
/// value; and each posting's form bits, for `forms_encoded`.
struct Gathered {
    coded: String,
    prev: u32,
    forms: Vec<u8>,
}

impl Gathered {
    /// Room for `df` postings.
    fn new(df: u32) -> Gathered {
        let df = df as usize;
        Gathered {
            coded: String::with_capacity(df * 2),
            prev: 0,
            forms: Vec::with_capacity(df),
        }
    }

    fn push(&mut self, p: Posting) {
        let doc = (p >> DOC_SHIFT) as u32;
        varint(&mut self.coded, doc - self.prev);
        varint(&mut self.coded, (p & 31) as u32);
        self.prev = doc;
        self.forms.push((p >> FORM_SHIFT) as u8);
    }
}

/// Appends, for each of the term's listed `forms`, a space, the form, a
/// space and which postings have it, in varints: 0 and the places (in
/// `list`) that have it, or 1 and those that do not, each as the distance
/// from the previous place; or 2 and a bit per posting, five to a digit
/// (a frequent form: 8,000 postings in 1,600 digits). The shortest of the
/// three. Nothing when every posting has the one form there is.
fn forms_encoded(s: &mut String, list: &[u8], forms: &[String]) {
    let has = |p: u8, k: usize| p & 1 << k != 0;
    if forms.len() <= 1 && list.iter().all(|&p| has(p, 0)) {
        return;
    }
    for (k, form) in forms.iter().enumerate() {
        let with = list.iter().filter(|&&p| has(p, k)).count();
        let absent = with * 2 > list.len();
        let mut places = String::new();
        varint(&mut places, u32::from(absent));
        let mut prev = 0;
        for (i, &p) in list.iter().enumerate() {
            if has(p, k) != absent {
                varint(&mut places, i as u32 - prev);
                prev = i as u32;
            }
        }
        let mut bits = String::from("2");
        for five in list.chunks(5) {
            let digit = five
                .iter()
                .enumerate()
                .map(|(b, &p)| u32::from(has(p, k)) << b)
                .sum();
            varint(&mut bits, digit);
        }
        s.push(' ');
        s.push_str(form);
        s.push(' ');
        s.push_str(if bits.len() < places.len() {
            &bits
        } else {
            &places
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::encode::decode;
    use super::*;

    fn posting(doc: u64, forms: u64, value: u64) -> Posting {
        doc << DOC_SHIFT | forms << FORM_SHIFT | value
    }

    fn gathered(list: &[Posting]) -> Gathered {
        let mut g = Gathered::new(list.len() as u32);
        list.iter().for_each(|&p| g.push(p));
        g
    }

    fn delta_encoded(list: &[Posting]) -> String {
        gathered(list).coded
    }

    fn forms_of(list: &[Posting]) -> Vec<u8> {
        let g = gathered(list);
        assert_eq!(g.forms.len(), list.len());
        g.forms
    }

    #[test]
    fn postings_are_target_deltas_and_values() {
        let list = [posting(3, 1, 7), posting(4, 0, 30), posting(40, 3, 2)];
        assert_eq!(decode(&delta_encoded(&list)), [3, 7, 1, 30, 36, 2]);
        assert_eq!(delta_encoded(&[]), "");
    }

    #[test]
    fn forms_list_the_places_that_have_them_or_do_not() {
        // Form 0 in places 0, 1, 3 of four (listed as those without: 2),
        // form 1 in place 3 only (listed as those with: 3).
        let list = [
            posting(1, 1, 2),
            posting(2, 1, 2),
            posting(5, 0, 2),
            posting(9, 3, 2),
        ];
        let forms = ["wahlen".to_string(), "wahl".to_string()];
        let mut s = String::new();
        forms_encoded(&mut s, &forms_of(&list), &forms);
        let parts: Vec<&str> = s.split(' ').collect();
        assert_eq!(parts[..4], ["", "wahlen", "12", "wahl"]);
        assert_eq!(decode(parts[2]), [1, 2]);
        assert_eq!(decode(parts[4]), [0, 3]);
        // One form that every posting has: nothing to tell apart.
        let mut s = String::new();
        forms_encoded(&mut s, &forms_of(&list[..2]), &forms[..1]);
        assert_eq!(s, "");
        // One form, and a posting from a compound only: listed.
        forms_encoded(&mut s, &forms_of(&list[..3]), &forms[..1]);
        assert_eq!(s, " wahlen 12");
        // A form in every other of 40 postings: as bits, 0b10101 and
        // 0b01010 in turn.
        let many: Vec<Posting> = (0..40).map(|i| posting(i, (i + 1) % 2, 2)).collect();
        let mut s = String::new();
        forms_encoded(&mut s, &forms_of(&many), &forms[..1]);
        let coded = s.rsplit(' ').next().unwrap();
        assert_eq!(decode(coded), [2, 21, 10, 21, 10, 21, 10, 21, 10]);
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
            df: vec![1, 0, 1],
        };
        let tf: Frequencies = [(2, (1.0, false, 0)), (0, (6.0, true, 0b101))]
            .into_iter()
            .collect();
        let list = bm25.postings(1, tf);
        assert_eq!(list.iter().map(|p| p.0).collect::<Vec<_>>(), [0, 2]);
        assert!(list.iter().all(|p| p.1 >> DOC_SHIFT == 1));
        assert_eq!(list[0].1 & 1, 1);
        assert_eq!(list[1].1 & 1, 0);
        assert_eq!(list[0].1 >> FORM_SHIFT & 0xff, 0b101);
    }
}
