//! The index's terms: each distinct word of the indexed text is analysed
//! once (most words repeat), the terms get numbers in sorted order, and a
//! target's text is counted as weighted term frequencies.

use super::targets::{Field, Fields, Target, FIELDS};
use crate::search::analyze::{Analyzer, Vocab};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// A target's weighted frequency of each term it contains, by term
/// number, with whether the term is in the title.
pub(super) type Frequencies = HashMap<u32, (f32, bool)>;

/// The terms of one language's index.
pub(super) struct Terms<'a> {
    /// Every term, sorted: a term's number is its place here.
    pub sorted: Vec<String>,
    /// The compound vocabulary, which the browser splits queries with.
    pub vocab: Vocab,
    /// The term numbers of each word of the text.
    of_word: HashMap<&'a str, Vec<u32>>,
}

impl<'a> Terms<'a> {
    /// Analyses the words of all `targets`, in parallel.
    pub fn analyse(analyzer: &Analyzer, targets: &[Target<'a>], fields: &Fields<'a>) -> Terms<'a> {
        let words = distinct_words(targets, fields);
        let vocab = analyzer.vocab(words.iter().copied());
        let analysed: Vec<(&str, Vec<String>)> = words
            .par_iter()
            .map(|&w| (w, analyzer.terms(w, &vocab)))
            .collect();
        drop(words);
        let sorted = sorted_terms(&analysed);
        let of_word = numbered(analysed, &sorted);
        Terms {
            sorted,
            vocab,
            of_word,
        }
    }

    /// The weighted term frequencies of a target's `fields`, and its
    /// weighted length (the sum of them).
    pub fn count(&self, fields: [Field<'a>; FIELDS]) -> (Frequencies, f32) {
        let mut tf: Frequencies = HashMap::new();
        let mut len = 0.0;
        for (text, weight, title) in fields {
            for w in text.split_whitespace() {
                for &term in self.of_word.get(w).into_iter().flatten() {
                    let e = tf.entry(term).or_insert((0.0, false));
                    e.0 += weight;
                    e.1 |= title;
                    len += weight;
                }
            }
        }
        (tf, len)
    }
}

/// Every distinct whitespace-separated word in the fields of `targets`.
fn distinct_words<'a>(targets: &[Target<'a>], fields: &Fields<'a>) -> HashSet<&'a str> {
    targets
        .par_iter()
        .fold(HashSet::new, |mut set, t| {
            for (text, _, _) in fields.of(t) {
                set.extend(text.split_whitespace());
            }
            set
        })
        .reduce(HashSet::new, |mut a, b| {
            a.extend(b);
            a
        })
}

/// The distinct terms of all analysed words, sorted.
fn sorted_terms(analysed: &[(&str, Vec<String>)]) -> Vec<String> {
    let mut terms: Vec<String> = analysed
        .iter()
        .flat_map(|(_, t)| t.iter().cloned())
        .collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// Each word with its terms as numbers (places in `sorted`): the analysed
/// strings can go.
fn numbered<'a>(
    analysed: Vec<(&'a str, Vec<String>)>,
    sorted: &[String],
) -> HashMap<&'a str, Vec<u32>> {
    let term_id: HashMap<&str, u32> = sorted
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i as u32))
        .collect();
    analysed
        .into_iter()
        .map(|(w, t)| (w, t.iter().map(|t| term_id[t.as_str()]).collect()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analysed() -> Vec<(&'static str, Vec<String>)> {
        let terms = |t: &[&str]| t.iter().map(|s| s.to_string()).collect();
        vec![
            ("Lotsen", terms(&["lots"])),
            ("Buddyprojekt", terms(&["buddyprojekt", "buddy", "projekt"])),
            ("Projekt", terms(&["projekt"])),
            ("und", Vec::new()),
        ]
    }

    #[test]
    fn terms_are_numbered_in_sorted_order() {
        let sorted = sorted_terms(&analysed());
        assert_eq!(sorted, ["buddy", "buddyprojekt", "lots", "projekt"]);
        let words = numbered(analysed(), &sorted);
        assert_eq!(words["Buddyprojekt"], [1, 0, 3]);
        assert_eq!(words["Projekt"], [3]);
        assert_eq!(words["und"], Vec::<u32>::new());
    }

    #[test]
    fn counts_weigh_fields_and_mark_the_title() {
        let sorted = sorted_terms(&analysed());
        let terms = Terms {
            of_word: numbered(analysed(), &sorted),
            sorted,
            vocab: Vocab::default(),
        };
        let fields = [
            ("Lotsen", 6.0, true),
            ("", 2.0, false),
            ("", 2.0, false),
            ("Projekt", 3.0, false),
            ("Lotsen und Buddyprojekt", 1.0, false),
        ];
        let (tf, len) = terms.count(fields);
        assert_eq!(tf[&2], (7.0, true));
        assert_eq!(tf[&3], (4.0, false));
        assert_eq!(tf[&0], (1.0, false));
        assert_eq!(len, 6.0 + 3.0 + 1.0 + 3.0);
    }
}
