//! Splitting text into words and folding each word to the form the stemmer
//! sees: lowercase, diacritics off, German spelled-out umlauts merged. The
//! stemmers then only ever get a–z, which is also what makes the Rust and
//! JavaScript stemmers agree.

use super::data::{AnalysisData, Digraph};
use crate::text::hash::HashMap;
use std::ops::Range;

/// Word splitting and folding for one language.
pub(super) struct Folder {
    table: HashMap<char, String>,
    ignorable: Vec<(u32, u32)>,
    hyphens: Vec<char>,
    digraphs: Vec<([char; 2], String, Vec<char>)>,
}

impl Folder {
    pub fn new(data: &AnalysisData, digraphs: &[Digraph]) -> Folder {
        let table = data
            .fold
            .iter()
            .filter_map(|(from, to)| Some((from.chars().next()?, to.clone())))
            .collect();
        let digraphs = digraphs
            .iter()
            .filter_map(|d| {
                let mut from = d.from.chars();
                let pair = [from.next()?, from.next()?];
                Some((pair, d.to.clone(), d.not_after.chars().collect()))
            })
            .collect();
        Folder {
            table,
            ignorable: data.ignorable.clone(),
            hyphens: data.hyphens.chars().collect(),
            digraphs,
        }
    }

    fn is_ignorable(&self, c: char) -> bool {
        let c = u32::from(c);
        self.ignorable.iter().any(|&(lo, hi)| lo <= c && c <= hi)
    }

    /// Letters and digits of any script, plus the ignorable marks inside a word.
    fn is_word_char(&self, c: char) -> bool {
        c.is_alphanumeric() || self.is_ignorable(c)
    }

    /// The byte ranges of the words in `text`, grouped: words joined by
    /// exactly one hyphen (`Integrations-Konzept`) form one group.
    pub fn groups(&self, text: &str) -> Vec<Vec<Range<usize>>> {
        let mut words: Vec<Range<usize>> = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (self.is_word_char(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    words.push(s..i);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            words.push(s..text.len());
        }
        let mut groups: Vec<Vec<Range<usize>>> = Vec::new();
        let mut prev_end = None;
        for word in words {
            let joined = prev_end
                .and_then(|end| text.get(end..word.start))
                .is_some_and(|gap| self.is_hyphen(gap));
            prev_end = Some(word.end);
            match groups.last_mut() {
                Some(group) if joined => group.push(word),
                _ => groups.push(vec![word]),
            }
        }
        groups
    }

    fn is_hyphen(&self, gap: &str) -> bool {
        let mut chars = gap.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if self.hyphens.contains(&c))
    }

    /// Lowercase, then replace table characters and drop ignorable marks,
    /// then merge the language's digraphs.
    pub fn fold(&self, word: &str) -> String {
        let mut folded = String::with_capacity(word.len());
        for c in word.to_lowercase().chars() {
            if self.is_ignorable(c) {
                continue;
            }
            match self.table.get(&c) {
                Some(to) => folded.push_str(to),
                None => folded.push(c),
            }
        }
        if self.digraphs.is_empty() {
            return folded;
        }
        self.merge_digraphs(&folded)
    }

    /// `ue` → `u` and the like; the letter before is read from the input,
    /// so each pair is judged on the word as written.
    fn merge_digraphs(&self, word: &str) -> String {
        let chars: Vec<char> = word.chars().collect();
        let mut out = String::with_capacity(word.len());
        let mut i = 0;
        while i < chars.len() {
            let before = i.checked_sub(1).and_then(|p| chars.get(p));
            let hit = chars.get(i + 1).and_then(|&next| {
                self.digraphs.iter().find(|(pair, _, not_after)| {
                    *pair == [chars[i], next] && !before.is_some_and(|b| not_after.contains(b))
                })
            });
            match hit {
                Some((_, to, _)) => {
                    out.push_str(to);
                    i += 2;
                }
                None => {
                    out.push(chars[i]);
                    i += 1;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(lang: &str) -> Folder {
        let data = AnalysisData::builtin().unwrap();
        Folder::new(&data, &data.languages[lang].digraphs)
    }

    fn words(f: &Folder, text: &str) -> Vec<Vec<String>> {
        let groups = f.groups(text);
        let word = |r: &Range<usize>| text[r.clone()].to_string();
        groups
            .iter()
            .map(|g| g.iter().map(word).collect())
            .collect()
    }

    #[test]
    fn german_umlauts_sharp_s_and_spelled_out_umlauts_meet() {
        let de = folder("de");
        for w in [
            "Münster",
            "Munster",
            "Muenster",
            "MÜNSTER",
            "Mu\u{308}nster",
        ] {
            assert_eq!(de.fold(w), "munster", "{w}");
        }
        assert_eq!(de.fold("Straße"), "strasse");
        assert_eq!(de.fold("STRASSE"), "strasse");
        assert_eq!(de.fold("Übersicht"), de.fold("Uebersicht"));
        assert_eq!(de.fold("Bäcker"), de.fold("Baecker"));
        assert_eq!(de.fold("schön"), de.fold("schoen"));
    }

    #[test]
    fn german_ue_stays_after_q_and_in_au_eu() {
        let de = folder("de");
        assert_eq!(de.fold("Quelle"), "quelle");
        assert_eq!(de.fold("bauen"), "bauen");
        assert_eq!(de.fold("neue"), "neue");
        assert_eq!(de.fold("Steuer"), "steuer");
    }

    #[test]
    fn dutch_keeps_its_digraphs_and_folds_diacritics() {
        let nl = folder("nl");
        assert_eq!(nl.fold("boek"), "boek");
        assert_eq!(nl.fold("goed"), "goed");
        assert_eq!(nl.fold("Münster"), "munster");
        assert_eq!(nl.fold("ideeën"), "ideeen");
        assert_eq!(nl.fold("coördinatie"), "coordinatie");
        assert_eq!(nl.fold("café"), "cafe");
        assert_eq!(nl.fold("\u{133}s"), "ijs");
        assert_eq!(nl.fold("\u{132}SSELMONDE"), "ijsselmonde");
        assert_eq!(nl.fold("crème brûlée"), "creme brulee");
    }

    #[test]
    fn words_split_on_everything_but_letters_and_digits() {
        let f = folder("nl");
        let got = words(&f, "Fase 2: de rol (van) 3 partners, 2008–2011!");
        let want = [
            "Fase", "2", "de", "rol", "van", "3", "partners", "2008", "2011",
        ];
        assert_eq!(got, want.map(|w| vec![w.to_string()]));
        assert!(f.groups("").is_empty());
        assert!(f.groups("?! … — 🙂").is_empty());
        assert_eq!(words(&f, "a🙂b"), [["a"], ["b"]]);
    }

    #[test]
    fn one_hyphen_joins_words_into_a_group() {
        let f = folder("de");
        assert_eq!(
            words(&f, "Integrations-Konzept, e-mail"),
            [vec!["Integrations", "Konzept"], vec!["e", "mail"]]
        );
        assert_eq!(words(&f, "a - b"), [["a"], ["b"]]);
        assert_eq!(words(&f, "a--b"), [["a"], ["b"]]);
        assert_eq!(words(&f, "Vor\u{2011}Ort"), [vec!["Vor", "Ort"]]);
    }

    #[test]
    fn marks_and_soft_hyphens_stay_inside_the_word() {
        let f = folder("de");
        assert_eq!(words(&f, "Mu\u{308}nster"), [["Mu\u{308}nster"]]);
        assert_eq!(f.fold("Inte\u{ad}gration"), "integration");
        assert_eq!(f.fold("\u{301}"), "");
    }
}
