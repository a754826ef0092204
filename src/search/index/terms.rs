//! The index's terms: each distinct word of the indexed text is analysed
//! once (most words repeat), the terms get numbers in sorted order, and a
//! target's text is counted as weighted term frequencies, with the forms
//! of each term it has (`Wahl` and `Wahlen` are forms of `wahl`).

use super::targets::{Field, Fields, Target, FIELDS};
use crate::search::analyze::{Analyzer, Vocab};
use crate::text::hash::{HashMap, HashSet};
use rayon::prelude::*;

/// A target's weighted frequency of each term it contains, by term
/// number (in the order first seen), with whether the term is in the title
/// and which of the term's listed forms it has (bit k:
/// `Terms::forms[term][k]`).
pub(super) type Frequencies = Vec<(u32, (f32, bool, u8))>;

thread_local! {
    /// Per term number, its place in the `Frequencies` being counted on
    /// this thread (`NONE` when absent): counting a target touches each of
    /// its words' terms, and an array beats hashing them (the index's
    /// hottest loop). Reset after every count.
    static PLACE: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

const NONE: u32 = u32::MAX;

/// The forms listed per term, most frequent first: a query for one of them
/// ranks the targets that have it above those with only other forms or
/// compounds. Rarer forms are not told apart.
pub(super) const FORMS_MAX: usize = 8;

/// The terms of one language's index.
pub(super) struct Terms<'a> {
    /// Every term, sorted: a term's number is its place here.
    pub sorted: Vec<String>,
    /// The compound vocabulary, which the browser splits queries with.
    pub vocab: Vocab,
    /// Each term's forms (folded words whose stem it is), at most
    /// `FORMS_MAX`, most frequent first.
    pub forms: Vec<Vec<String>>,
    /// Each word of the text: its term numbers, and the (term number,
    /// form number) of its whole words (one lookup per word counted).
    of_word: HashMap<&'a str, WordTerms>,
}

/// A word's term numbers and (term number, form number) pairs.
type WordTerms = (Vec<u32>, Vec<(u32, u8)>);

/// Each word's (term number, form number) pairs.
type FormsOfWord<'a> = HashMap<&'a str, Vec<(u32, u8)>>;

impl<'a> Terms<'a> {
    /// Analyses the words of all `targets`, in parallel.
    pub fn analyse(analyzer: &Analyzer, targets: &[Target<'a>], fields: &Fields<'a>) -> Terms<'a> {
        let words = distinct_words(targets, fields);
        let vocab = analyzer.vocab(words.iter().copied());
        let analysed: Vec<(&str, Vec<String>)> = words
            .par_iter()
            .map(|&w| (w, analyzer.terms(w, &vocab)))
            .collect();
        let word_forms: Vec<(&str, Vec<(String, String)>)> =
            words.par_iter().map(|&w| (w, analyzer.forms(w))).collect();
        drop(words);
        let sorted = sorted_terms(&analysed);
        let term_id: HashMap<&str, u32> = sorted
            .iter()
            .enumerate()
            .map(|(i, t)| (t.as_str(), i as u32))
            .collect();
        let (forms, mut forms_of_word) = listed_forms(word_forms, &term_id, sorted.len());
        let of_word = numbered(analysed, &term_id)
            .into_iter()
            .map(|(w, terms)| (w, (terms, forms_of_word.remove(w).unwrap_or_default())))
            .collect();
        drop(term_id);
        Terms {
            sorted,
            vocab,
            forms,
            of_word,
        }
    }

    /// The weighted term frequencies of a target's `fields`, and its
    /// weighted length (the sum of them).
    pub fn count(&self, fields: [Field<'a>; FIELDS]) -> (Frequencies, f32) {
        PLACE.with_borrow_mut(|place| {
            if place.len() < self.sorted.len() {
                place.resize(self.sorted.len(), NONE);
            }
            let mut tf: Frequencies = Vec::new();
            let mut len = 0.0;
            for (text, weight, title) in fields {
                for w in text.split_whitespace() {
                    let Some((word_terms, word_forms)) = self.of_word.get(w) else {
                        continue;
                    };
                    for &term in word_terms {
                        let at = &mut place[term as usize];
                        if *at == NONE {
                            *at = tf.len() as u32;
                            tf.push((term, (0.0, false, 0)));
                        }
                        let e = &mut tf[*at as usize].1;
                        e.0 += weight;
                        e.1 |= title;
                        len += weight;
                    }
                    for &(term, form) in word_forms {
                        if let Some(&at) = place.get(term as usize).filter(|&&at| at != NONE) {
                            tf[at as usize].1 .2 |= 1 << form;
                        }
                    }
                }
            }
            for &(term, _) in &tf {
                place[term as usize] = NONE;
            }
            (tf, len)
        })
    }
}

/// Every distinct whitespace-separated word in the fields of `targets`.
fn distinct_words<'a>(targets: &[Target<'a>], fields: &Fields<'a>) -> HashSet<&'a str> {
    targets
        .par_iter()
        .fold(HashSet::default, |mut set, t| {
            for (text, _, _) in fields.of(t) {
                set.extend(text.split_whitespace());
            }
            set
        })
        .reduce(HashSet::default, |mut a, b| {
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

/// Each term's listed forms (the `FORMS_MAX` most frequent among the
/// distinct words, ties by spelling) and each word's (term, form number)
/// pairs for the forms listed.
fn listed_forms<'a>(
    word_forms: Vec<(&'a str, Vec<(String, String)>)>,
    term_id: &HashMap<&str, u32>,
    terms: usize,
) -> (Vec<Vec<String>>, FormsOfWord<'a>) {
    let mut counts: Vec<HashMap<&str, u32>> = vec![HashMap::default(); terms];
    for (_, pairs) in &word_forms {
        for (term, form) in pairs {
            if let Some(&t) = term_id.get(term.as_str()) {
                *counts[t as usize].entry(form.as_str()).or_default() += 1;
            }
        }
    }
    let forms: Vec<Vec<String>> = counts
        .into_iter()
        .map(|c| {
            let mut list: Vec<(&str, u32)> = c.into_iter().collect();
            list.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            list.into_iter()
                .take(FORMS_MAX)
                .map(|(f, _)| f.to_string())
                .collect()
        })
        .collect();
    let of_word = word_forms
        .iter()
        .map(|(w, pairs)| {
            let listed = pairs.iter().filter_map(|(term, form)| {
                let t = *term_id.get(term.as_str())?;
                let k = forms[t as usize].iter().position(|f| f == form)?;
                Some((t, k as u8))
            });
            (*w, listed.collect())
        })
        .collect();
    (forms, of_word)
}

/// Each word with its terms as numbers (places in the sorted terms): the
/// analysed strings can go.
fn numbered<'a>(
    analysed: Vec<(&'a str, Vec<String>)>,
    term_id: &HashMap<&str, u32>,
) -> HashMap<&'a str, Vec<u32>> {
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

    fn ids(sorted: &[String]) -> HashMap<&str, u32> {
        sorted
            .iter()
            .enumerate()
            .map(|(i, t)| (t.as_str(), i as u32))
            .collect()
    }

    fn word_forms() -> Vec<(&'static str, Vec<(String, String)>)> {
        let pairs = |p: &[(&str, &str)]| {
            p.iter()
                .map(|(t, f)| (t.to_string(), f.to_string()))
                .collect()
        };
        vec![
            ("Lotsen", pairs(&[("lots", "lotsen")])),
            ("Buddyprojekt", pairs(&[("buddyprojekt", "buddyprojekt")])),
            ("Projekt", pairs(&[("projekt", "projekt")])),
            ("Projekte", pairs(&[("projekt", "projekte")])),
            ("projekte", pairs(&[("projekt", "projekte")])),
            ("und", Vec::new()),
        ]
    }

    #[test]
    fn terms_are_numbered_in_sorted_order() {
        let sorted = sorted_terms(&analysed());
        assert_eq!(sorted, ["buddy", "buddyprojekt", "lots", "projekt"]);
        let words = numbered(analysed(), &ids(&sorted));
        assert_eq!(words["Buddyprojekt"], [1, 0, 3]);
        assert_eq!(words["Projekt"], [3]);
        assert_eq!(words["und"], Vec::<u32>::new());
    }

    #[test]
    fn forms_are_listed_most_frequent_first_and_numbered_per_word() {
        let sorted = sorted_terms(&analysed());
        let (forms, of_word) = listed_forms(word_forms(), &ids(&sorted), sorted.len());
        assert_eq!(forms[3], ["projekte", "projekt"]);
        assert_eq!(forms[0], Vec::<String>::new());
        assert_eq!(of_word["Projekt"], [(3, 1)]);
        assert_eq!(of_word["Projekte"], [(3, 0)]);
        assert_eq!(of_word["Buddyprojekt"], [(1, 0)]);
        // At most FORMS_MAX forms: the rarest are not listed.
        let many: Vec<(&str, Vec<(String, String)>)> = (0..FORMS_MAX + 2)
            .map(|i| ("w", vec![("lots".to_string(), format!("lots{i}"))]))
            .collect();
        let (forms, _) = listed_forms(many, &ids(&sorted), sorted.len());
        assert_eq!(forms[2].len(), FORMS_MAX);
    }

    #[test]
    fn counts_weigh_fields_and_mark_the_title_and_the_forms() {
        let sorted = sorted_terms(&analysed());
        let (forms, mut forms_of_word) = listed_forms(word_forms(), &ids(&sorted), sorted.len());
        let of_word = numbered(analysed(), &ids(&sorted))
            .into_iter()
            .map(|(w, terms)| (w, (terms, forms_of_word.remove(w).unwrap_or_default())))
            .collect();
        let terms = Terms {
            of_word,
            sorted,
            vocab: Vocab::default(),
            forms,
        };
        let fields = [
            ("Lotsen", 6.0, true),
            ("", 2.0, false),
            ("", 2.0, false),
            ("Projekt", 3.0, false),
            ("Lotsen und Buddyprojekt", 1.0, false),
        ];
        let (tf, len) = terms.count(fields);
        let tf: std::collections::HashMap<u32, _> = tf.into_iter().collect();
        assert_eq!(tf[&2], (7.0, true, 0b1));
        // `projekt` as a word (form 1) and inside `Buddyprojekt` (no form).
        assert_eq!(tf[&3], (4.0, false, 0b10));
        assert_eq!(tf[&0], (1.0, false, 0));
        assert_eq!(len, 6.0 + 3.0 + 1.0 + 3.0);
        assert_eq!(terms.count(fields).0.len(), tf.len(), "counted afresh");
    }
}
