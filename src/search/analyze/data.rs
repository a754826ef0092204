//! The analysis data shared with the browser: the fold table, stopwords,
//! linking elements and limits live in one file,
//! `themes/default/static/search/analysis-data.js`, which the browser runs as
//! a script and the build reads here, so neither side can drift from the
//! other.

use anyhow::{bail, Context, Result};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The data file as compiled into the binary.
const BUILTIN: &str = include_str!("../../../themes/default/static/search/analysis-data.js");

/// Everything the analysis needs besides code, as read from the data file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnalysisData {
    /// Single lowercase characters and what they fold to (`ä` → `a`, `ß` → `ss`).
    pub(super) fold: BTreeMap<String, String>,
    /// Inclusive code point ranges that belong to a word but are dropped from
    /// it: combining marks (so decomposed `u` + `¨` folds like `ü`) and the soft hyphen.
    pub(super) ignorable: Vec<(u32, u32)>,
    /// Characters that join two words into one hyphenated word.
    pub(super) hyphens: String,
    pub(super) limits: Limits,
    pub(super) languages: BTreeMap<String, Language>,
}

/// Bounds that keep the analysis cheap on any input.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Limits {
    /// Longer words (in characters, after folding) are dropped: they are
    /// identifiers or garbage, not something a reader types.
    pub max_token: usize,
    /// The shortest compound part, in letters.
    pub min_part: usize,
    /// The most parts one split may have.
    pub max_parts: usize,
    /// Longer words are not split into compound parts.
    pub max_compound: usize,
    /// How many times a part may itself be split again.
    pub max_depth: usize,
}

/// What differs per language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Language {
    /// `dutch` or `german`: the Snowball algorithm.
    pub stemmer: String,
    /// Linking elements between compound parts (`s` in Integration-s-konzept);
    /// also accepted as an inflection ending after the last part.
    pub linkers: Vec<String>,
    /// Spelled-out umlauts folded after the table (German `ue` → `u`).
    pub digraphs: Vec<Digraph>,
    /// Words that carry no meaning for search, as written (folded on load).
    pub stopwords: Vec<String>,
}

/// A two-letter spelling folded to one letter unless the letter before it
/// says otherwise (`ue` stays in `quelle`, `bauen` and `neue`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Digraph {
    pub from: String,
    pub to: String,
    pub not_after: String,
}

impl AnalysisData {
    /// The data compiled into brug.
    pub fn builtin() -> Result<AnalysisData> {
        AnalysisData::parse(BUILTIN).context("the built-in search/analysis-data.js")
    }

    /// Reads the JSON object between the first `{` and the last `}` of the
    /// data file, so a theme that overrides the file can be read too.
    pub fn parse(text: &str) -> Result<AnalysisData> {
        let (Some(start), Some(end)) = (text.find('{'), text.rfind('}')) else {
            bail!("no JSON object in the analysis data");
        };
        let json = text.get(start..=end).unwrap_or_default();
        let data: AnalysisData =
            serde_json::from_str(json).context("the analysis data is not valid JSON")?;
        data.validate()?;
        Ok(data)
    }

    /// The languages the data describes.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.languages.keys().map(String::as_str)
    }

    fn validate(&self) -> Result<()> {
        if let Some(key) = self.fold.keys().find(|k| k.chars().count() != 1) {
            bail!("fold key {key:?} is not one character");
        }
        let l = &self.limits;
        if l.min_part == 0 || l.max_parts < 2 || l.max_token == 0 {
            bail!("limits need min_part >= 1, max_parts >= 2 and max_token >= 1");
        }
        for (lang, data) in &self.languages {
            if !matches!(data.stemmer.as_str(), "dutch" | "german") {
                bail!("{lang}: unknown stemmer {:?}", data.stemmer);
            }
            if let Some(d) = data.digraphs.iter().find(|d| d.from.chars().count() != 2) {
                bail!("{lang}: digraph {:?} is not two characters", d.from);
            }
            if data.linkers.iter().any(String::is_empty) {
                bail!("{lang}: an empty linking element");
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_parses_with_both_languages() {
        let data = AnalysisData::builtin().unwrap();
        assert_eq!(data.languages().collect::<Vec<_>>(), ["de", "nl"]);
        assert_eq!(data.fold["ß"], "ss");
        assert_eq!(data.fold["ĳ"], "ij");
    }

    #[test]
    fn parse_reports_broken_data() {
        assert!(AnalysisData::parse("no braces").is_err());
        assert!(AnalysisData::parse("x = { not json };").is_err());
        let bad_fold = BUILTIN.replace(r#""\u00df": "ss""#, r#""ss": "ss""#);
        let err = AnalysisData::parse(&bad_fold).unwrap_err();
        assert!(err.to_string().contains("not one character"), "{err}");
        let bad_stemmer = BUILTIN.replace(r#""stemmer": "dutch""#, r#""stemmer": "klingon""#);
        assert!(AnalysisData::parse(&bad_stemmer).is_err());
    }
}
