//! Compound splitting: Dutch and German write compounds as one word, so
//! `Integrationskonzept` must also be found by `Konzept`. A word is split into
//! words the handbook itself uses (the `Vocab`), with linking elements between
//! them; the browser gets the same vocabulary and splits the same way.

use super::data::Limits;
use crate::text::hash::HashMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The known words compounds may be split into: folded words of at least
/// `min_part` letters a–z that are not stopwords. Serializes as the sorted
/// JSON array that `BrugAnalyze.analyze` takes as its `vocab`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Vocab {
    words: BTreeSet<String>,
}

impl Vocab {
    /// A vocabulary of exactly these (already folded) words.
    pub fn from_words<I, S>(words: I) -> Vocab
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Vocab {
            words: words.into_iter().map(Into::into).collect(),
        }
    }

    pub(super) fn insert(&mut self, word: String) {
        self.words.insert(word);
    }

    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words in sorted order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }
}

/// A segmentation of a suffix of the word: part ranges and how many linking
/// elements or endings it needed.
#[derive(Clone)]
struct Seg {
    parts: Vec<(usize, usize)>,
    links: usize,
}

/// Fewer parts, then fewer linking elements, then longer parts from the left.
/// On a full tie the segmentation found first is kept.
fn better(a: &Seg, b: &Seg) -> bool {
    if a.parts.len() != b.parts.len() {
        return a.parts.len() < b.parts.len();
    }
    if a.links != b.links {
        return a.links < b.links;
    }
    for (x, y) in a.parts.iter().zip(&b.parts) {
        let (lx, ly) = (x.1 - x.0, y.1 - y.0);
        if lx != ly {
            return lx > ly;
        }
    }
    false
}

/// Splits `word` (a–z only) into two or more vocabulary words, each at least
/// `min_part` letters, at most `max_parts` of them; between two parts one
/// linking element may stand, and after the last one an ending from the same
/// list. Returns the parts without linking elements or ending.
pub(super) fn split<'w>(
    word: &'w str,
    vocab: &Vocab,
    linkers: &[String],
    limits: &Limits,
) -> Option<Vec<&'w str>> {
    let mut splitter = Splitter {
        word,
        vocab,
        linkers,
        min_part: limits.min_part.max(1),
        memo: HashMap::default(),
    };
    let seg = splitter.best(0, limits.max_parts)?;
    seg.parts.iter().map(|&(s, e)| word.get(s..e)).collect()
}

struct Splitter<'a> {
    word: &'a str,
    vocab: &'a Vocab,
    linkers: &'a [String],
    min_part: usize,
    memo: HashMap<(usize, usize), Option<Seg>>,
}

impl Splitter<'_> {
    /// The best segmentation of `word[i..]` into at most `left` parts. The
    /// whole word (i == 0) never counts as its own single part.
    fn best(&mut self, i: usize, left: usize) -> Option<Seg> {
        if left == 0 {
            return None;
        }
        if let Some(known) = self.memo.get(&(i, left)) {
            return known.clone();
        }
        let n = self.word.len();
        let mut best: Option<Seg> = None;
        let mut consider = |seg: Seg| {
            if best.as_ref().is_none_or(|b| better(&seg, b)) {
                best = Some(seg);
            }
        };
        for end in (i + self.min_part..=n).rev() {
            let Some(part) = self.word.get(i..end) else {
                continue;
            };
            if !self.vocab.contains(part) {
                continue;
            }
            let rest = self.word.get(end..).unwrap_or_default();
            if i > 0 {
                if rest.is_empty() {
                    consider(Seg {
                        parts: vec![(i, end)],
                        links: 0,
                    });
                }
                if self.linkers.iter().any(|l| l == rest) {
                    consider(Seg {
                        parts: vec![(i, end)],
                        links: 1,
                    });
                }
            }
            let linkers = std::iter::once("").chain(self.linkers.iter().map(String::as_str));
            for linker in linkers.collect::<Vec<_>>() {
                let next = end + linker.len();
                if !rest.starts_with(linker) || next + self.min_part > n {
                    continue;
                }
                if let Some(tail) = self.best(next, left - 1) {
                    let mut parts = vec![(i, end)];
                    parts.extend(tail.parts);
                    let links = tail.links + usize::from(!linker.is_empty());
                    consider(Seg { parts, links });
                }
            }
        }
        self.memo.insert((i, left), best.clone());
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        max_token: 64,
        min_part: 3,
        max_parts: 4,
        max_compound: 40,
        max_depth: 2,
    };

    fn de_linkers() -> Vec<String> {
        ["s", "es", "n", "en", "e", "er"].map(String::from).to_vec()
    }

    fn parts(word: &str, vocab: &[&str]) -> Option<Vec<String>> {
        let vocab = Vocab::from_words(vocab.iter().copied());
        let got = split(word, &vocab, &de_linkers(), &LIMITS)?;
        Some(got.into_iter().map(String::from).collect())
    }

    #[test]
    fn splits_on_a_linking_element() {
        let got = parts("integrationskonzept", &["integration", "konzept"]);
        assert_eq!(got.unwrap(), ["integration", "konzept"]);
    }

    #[test]
    fn accepts_an_ending_after_the_last_part() {
        let got = parts("integrationskonzepten", &["integration", "konzept"]);
        assert_eq!(got.unwrap(), ["integration", "konzept"]);
    }

    #[test]
    fn prefers_fewer_parts_then_fewer_links_then_longer_left_parts() {
        let vocab = ["stadt", "teil", "stadtteil", "arbeit"];
        assert_eq!(
            parts("stadtteilarbeit", &vocab).unwrap(),
            ["stadtteil", "arbeit"]
        );
        let vocab = ["integration", "integrations", "konzept"];
        assert_eq!(
            parts("integrationskonzept", &vocab).unwrap(),
            ["integrations", "konzept"]
        );
        let vocab = ["abc", "abcd", "defg", "efg"];
        assert_eq!(parts("abcdefg", &vocab).unwrap(), ["abcd", "efg"]);
    }

    #[test]
    fn never_returns_the_word_itself_or_short_parts() {
        assert_eq!(parts("konzept", &["konzept"]), None);
        assert_eq!(parts("konzepte", &["konzept"]), None);
        assert_eq!(parts("rathaus", &["ra", "thaus"]), None);
        assert_eq!(parts("", &["abc"]), None);
    }

    #[test]
    fn stops_at_max_parts() {
        let vocab = ["abc"];
        assert_eq!(parts("abcabcabcabc", &vocab).unwrap().len(), 4);
        assert_eq!(parts("abcabcabcabcabc", &vocab), None);
    }

    #[test]
    fn worst_case_input_stays_fast() {
        let vocab: Vec<String> = (3..=40).map(|n| "a".repeat(n)).collect();
        let vocab = Vocab::from_words(vocab);
        let word = "a".repeat(40);
        let got = split(&word, &vocab, &de_linkers(), &LIMITS).unwrap();
        assert_eq!(got, ["a".repeat(37), "a".repeat(3)]);
    }
}
