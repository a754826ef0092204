//! `brug status --format json`: every pair with the state, file and stamp
//! of each language, and for an outdated translation the changes in its
//! original since the stamp, for CI jobs and editors' tools. Keys are
//! stable; a field that does not apply is left out.

use super::{counts, expected_file, Counts, Outdated};
use crate::model::{Handbook, Translation};
use serde::Serialize;

#[derive(Serialize)]
struct Report<'a> {
    languages: Vec<Language<'a>>,
    pairs: Vec<Pair<'a>>,
}

#[derive(Serialize)]
struct Language<'a> {
    lang: &'a str,
    #[serde(flatten)]
    counts: Counts,
}

#[derive(Serialize)]
struct Pair<'a> {
    key: &'a str,
    original: &'a str,
    versions: Vec<Version<'a>>,
}

#[derive(Serialize)]
struct Version<'a> {
    lang: &'a str,
    state: &'static str,
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    hash: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    translated_from: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stamped: Option<&'a super::Version>,
    #[serde(skip_serializing_if = "Option::is_none")]
    changes: Option<&'a [super::diff::Change]>,
    /// Why the changes cannot be shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    changes_error: Option<&'a str>,
}

/// The report as pretty-printed JSON; `outdated` holds the changes of the
/// outdated translations (from `super::outdated`).
pub fn render(hb: &Handbook, outdated: &[Outdated]) -> String {
    let languages = (0..hb.config.languages.len())
        .map(|lang| Language {
            lang: hb.lang_code(lang),
            counts: counts(hb, lang),
        })
        .collect();
    let pairs = hb
        .pairs
        .iter()
        .enumerate()
        .map(|(pair_id, pair)| Pair {
            key: &pair.key,
            original: hb.lang_code(pair.source_lang),
            versions: (0..pair.pages.len())
                .map(|lang| version(hb, pair_id, lang, outdated))
                .collect(),
        })
        .collect();
    let mut json = serde_json::to_string_pretty(&Report { languages, pairs })
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    json.push('\n');
    json
}

fn version<'a>(
    hb: &'a Handbook,
    pair_id: usize,
    lang: usize,
    outdated: &'a [Outdated],
) -> Version<'a> {
    let pair = &hb.pairs[pair_id];
    let page = pair.pages[lang].map(|p| &hb.pages[p]);
    let (state, reason) = match &pair.status[lang] {
        Translation::Current => ("current", None),
        Translation::Missing => ("missing", None),
        Translation::Outdated { reason } => ("outdated", Some(reason.as_str())),
    };
    let diff = outdated
        .iter()
        .find(|o| o.pair == pair_id && o.lang == lang)
        .map(|o| &o.changes);
    Version {
        lang: hb.lang_code(lang),
        state,
        file: page.map_or_else(
            || expected_file(hb, pair, lang),
            |p| p.file.display().to_string(),
        ),
        hash: page
            .filter(|_| lang == pair.source_lang)
            .map(|p| p.hash.as_str()),
        translated_from: page.and_then(|p| p.front.translated_from.as_deref()),
        reason,
        stamped: diff.and_then(|d| d.as_ref().ok()).map(|(v, _)| v),
        changes: diff
            .and_then(|d| d.as_ref().ok())
            .map(|(_, c)| c.as_slice()),
        changes_error: diff
            .and_then(|d| d.as_ref().err())
            .map(|w| w.message.as_str()),
    }
}
