//! Text analysis for the site search: turns a text into the terms the index
//! stores, and a query into the terms it looks up. The browser analyses
//! queries with `themes/default/static/search/analyze.js`, which must give the
//! same terms for the same input; `tests/search_parity.rs` checks that, so
//! change both together. The data both read (fold table, stopwords, linking
//! elements, limits) is `themes/default/static/search/analysis-data.js`.
//!
//! Each word goes through these steps, in this order:
//!
//! 1. **Words**: runs of letters and digits of any script; everything else
//!    separates. Words joined by one hyphen form a group.
//! 2. **Lowercase**, then **fold**: the table turns `ä`→`a`, `ß`→`ss`,
//!    `é`→`e`, `ĳ`→`ij`, combining marks are dropped, and German merges
//!    `ae`/`oe`/`ue` into `a`/`o`/`u` (not `ue` after `q`, `a` or `e`), so
//!    `Münster`, `Munster` and `Muenster` meet. Dutch merges only `ue` (for
//!    names such as Münster); `oe` is a Dutch letter pair (boek, goed).
//! 3. **Stopwords** (compared folded) give no terms.
//! 4. **Stem** with Snowball (rust-stemmers here, the same algorithms in the
//!    browser). Folding comes first so the stemmers only ever see a–z: the
//!    German stemmer would fold umlauts and `ß` the same way itself, and the
//!    two stemmer implementations are proven identical on such input. Words
//!    with other characters (digits, other scripts) are kept folded, unstemmed.
//! 5. **Compounds**: a word of a–z is split into vocabulary words (see
//!    [`Vocab`]); the whole word's term comes first, then each part's stem,
//!    then the parts of each part, one level deeper at most.
//!
//! A hyphen group gives its words' terms, then the stem of the words written
//! together (`e-mail` also gives `email`'s term). Within one group each term
//! appears once; across groups terms repeat, so counts stay meaningful.

mod compound;
mod data;
mod fold;

pub use compound::Vocab;
pub use data::AnalysisData;

use crate::text::hash::HashSet;
use data::Limits;
use fold::Folder;
use rust_stemmers::{Algorithm, Stemmer};
use std::ops::Range;

/// The analysis for one language.
pub struct Analyzer {
    lang: String,
    stemmer: Stemmer,
    folder: Folder,
    stopwords: HashSet<String>,
    linkers: Vec<String>,
    limits: Limits,
}

/// One word of a text: where it stands and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the analysed text.
    pub range: Range<usize>,
    /// Lowercased and folded, before stopwords and stemming.
    pub folded: String,
}

impl Analyzer {
    /// The analyzer for `lang` (`nl` or `de`) from the built-in data; `None`
    /// for a language the data does not describe.
    pub fn new(lang: &str) -> Option<Analyzer> {
        Analyzer::with_data(&AnalysisData::builtin().ok()?, lang)
    }

    /// The analyzer for `lang` from `data` (a theme's own analysis-data.js).
    pub fn with_data(data: &AnalysisData, lang: &str) -> Option<Analyzer> {
        let language = data.languages.get(lang)?;
        let algorithm = match language.stemmer.as_str() {
            "dutch" => Algorithm::Dutch,
            "german" => Algorithm::German,
            _ => return None,
        };
        let folder = Folder::new(data, &language.digraphs);
        let stopwords = language.stopwords.iter().map(|w| folder.fold(w)).collect();
        Some(Analyzer {
            lang: lang.to_string(),
            stemmer: Stemmer::create(algorithm),
            folder,
            stopwords,
            linkers: language.linkers.clone(),
            limits: data.limits,
        })
    }

    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The search terms of `text`, in text order; see the module docs.
    pub fn terms(&self, text: &str, vocab: &Vocab) -> Vec<String> {
        let mut out = Vec::new();
        for group in self.folder.groups(text) {
            let mut terms = GroupTerms::default();
            let words: Vec<&str> = group.iter().filter_map(|r| text.get(r.clone())).collect();
            for word in &words {
                self.word_terms(word, vocab, &mut terms);
            }
            if words.len() > 1 {
                let joined = self.folder.fold(&words.concat());
                if is_az(&joined) && self.keeps(&joined) {
                    terms.push(self.stem(&joined));
                }
            }
            out.extend(terms.order);
        }
        out
    }

    /// Each indexed word of `text` (compound parts not) as (its term, the
    /// folded form it had): a query for a form ranks the pages that have
    /// that very form above those with another form of the term.
    pub fn forms(&self, text: &str) -> Vec<(String, String)> {
        let groups = self.folder.groups(text);
        let words = groups.into_iter().flatten().filter_map(|r| text.get(r));
        words
            .map(|word| self.folder.fold(word))
            .filter(|folded| self.keeps(folded))
            .map(|folded| (self.stem(&folded), folded))
            .collect()
    }

    /// Every word of `text` with its byte range and folded form, stopwords
    /// and overlong words included (for highlighting and snippets).
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let groups = self.folder.groups(text);
        let ranges = groups.into_iter().flatten();
        ranges
            .filter_map(|range| {
                let folded = self.folder.fold(text.get(range.clone())?);
                Some(Token { range, folded })
            })
            .collect()
    }

    /// Lowercases and folds one word (step 2).
    pub fn fold(&self, word: &str) -> String {
        self.folder.fold(word)
    }

    /// Whether a folded word is a stopword.
    pub fn is_stopword(&self, folded: &str) -> bool {
        self.stopwords.contains(folded)
    }

    /// The Snowball stem of a folded word of a–z; any other input unchanged.
    pub fn stem(&self, folded: &str) -> String {
        if is_az(folded) {
            self.stemmer.stem(folded).into_owned()
        } else {
            folded.to_string()
        }
    }

    /// Adds the folded words of `text` that may serve as compound parts.
    pub fn add_to_vocab(&self, text: &str, vocab: &mut Vocab) {
        for token in self.tokens(text) {
            let len = token.folded.len();
            let fits = (self.limits.min_part..=self.limits.max_compound).contains(&len);
            if fits && is_az(&token.folded) && !self.is_stopword(&token.folded) {
                vocab.insert(token.folded);
            }
        }
    }

    /// A vocabulary from all of `texts`.
    pub fn vocab<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> Vocab {
        let mut vocab = Vocab::default();
        for text in texts {
            self.add_to_vocab(text, &mut vocab);
        }
        vocab
    }

    /// Not empty, not too long, not a stopword.
    fn keeps(&self, folded: &str) -> bool {
        let len = folded.chars().count();
        len > 0 && len <= self.limits.max_token && !self.is_stopword(folded)
    }

    fn word_terms(&self, word: &str, vocab: &Vocab, terms: &mut GroupTerms) {
        let folded = self.folder.fold(word);
        if !self.keeps(&folded) {
            return;
        }
        terms.push(self.stem(&folded));
        let splittable = 2 * self.limits.min_part..=self.limits.max_compound;
        if is_az(&folded) && splittable.contains(&folded.len()) {
            self.compound_terms(&folded, vocab, 0, terms);
        }
    }

    fn compound_terms(&self, word: &str, vocab: &Vocab, depth: usize, terms: &mut GroupTerms) {
        if depth >= self.limits.max_depth {
            return;
        }
        let Some(parts) = compound::split(word, vocab, &self.linkers, &self.limits) else {
            return;
        };
        for part in parts {
            terms.push(self.stem(part));
            self.compound_terms(part, vocab, depth + 1, terms);
        }
    }
}

/// Only a–z: what the stemmers and the compound splitter take.
fn is_az(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// The terms of one hyphen group, each once, in the order first found. A
/// set, not a search of the list: a group may hold thousands of words
/// (`a-b-c-…` written without spaces), and the index analyses it whole.
#[derive(Default)]
struct GroupTerms {
    order: Vec<String>,
    seen: HashSet<String>,
}

impl GroupTerms {
    fn push(&mut self, term: String) {
        if !self.seen.contains(&term) {
            self.seen.insert(term.clone());
            self.order.push(term);
        }
    }
}

#[cfg(test)]
mod tests;
