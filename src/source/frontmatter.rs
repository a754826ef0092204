//! Front matter: splits a page source into its TOML front matter (between
//! `+++` lines) and its Markdown body, and parses the front matter into a
//! typed value. Positions stay exact: TOML errors are reported at the line of
//! the file, not of the front matter.

use crate::diagnostics::Diagnostic;
use crate::source::schema::{check_keys, sub_table, Source};
use serde::{Deserialize, Serialize};
use std::path::Path;
use toml::de::DeTable;

const KNOWN_KEYS: [&str; 13] = [
    "title",
    "summary",
    "weight",
    "slug",
    "updated",
    "draft",
    "translation_key",
    "kind",
    "taxonomies",
    "transfer",
    "source_language",
    "translated_from",
    "related",
];
const TRANSFER_KEYS: [&str; 4] = ["from", "to", "status", "conditions"];

/// What a page is; sections may set it for the pages they hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Module,
    Method,
    Structure,
    Practice,
    Page,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Module => "module",
            Kind::Method => "method",
            Kind::Structure => "structure",
            Kind::Practice => "practice",
            Kind::Page => "page",
        }
    }
}

/// Where a transferable practice stands in a city.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TransferStatus {
    /// Suggested by the handbook's editors; the cities did not plan it.
    Proposed,
    /// Planned by the cities (in the shipped handbook: in the application).
    Planned,
    Adapting,
    Implemented,
    NotTransferable,
}

impl TransferStatus {
    pub const ALL: [TransferStatus; 5] = [
        TransferStatus::Proposed,
        TransferStatus::Planned,
        TransferStatus::Adapting,
        TransferStatus::Implemented,
        TransferStatus::NotTransferable,
    ];

    /// The key used in front matter, CSS classes and string ids.
    pub fn as_str(self) -> &'static str {
        match self {
            TransferStatus::Proposed => "proposed",
            TransferStatus::Planned => "planned",
            TransferStatus::Adapting => "adapting",
            TransferStatus::Implemented => "implemented",
            TransferStatus::NotTransferable => "not_transferable",
        }
    }

    fn parse(s: &str) -> Option<TransferStatus> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// `status` of a transfer: one status for every target city, or one per
/// city (`status = { almelo = "implemented", enschede = "planned" }`) when
/// a practice went to several cities and fared differently in each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Statuses {
    All(TransferStatus),
    PerCity(std::collections::BTreeMap<String, TransferStatus>),
}

impl<'de> Deserialize<'de> for Statuses {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        fn status<E: serde::de::Error>(s: &str) -> Result<TransferStatus, E> {
            TransferStatus::parse(s).ok_or_else(|| {
                E::custom(format!(
                    "unknown status `{s}`; use one of: proposed, planned, adapting, implemented, not_transferable"
                ))
            })
        }
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Statuses;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a status such as \"planned\", or a table of statuses per city")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Statuses, E> {
                status(s).map(Statuses::All)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Statuses, A::Error> {
                let mut out = std::collections::BTreeMap::new();
                while let Some((city, s)) = map.next_entry::<String, String>()? {
                    out.insert(city, status(&s)?);
                }
                Ok(Statuses::PerCity(out))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// A practice's `[transfer]` table.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Transfer {
    /// City key of the origin; `None` when the sources do not state one
    /// (the page then says "origin not stated" instead of guessing).
    #[serde(default)]
    pub from: Option<String>,
    /// City keys it goes to.
    pub to: Vec<String>,
    pub status: Statuses,
    /// The municipal and national preconditions.
    #[serde(default)]
    pub conditions: String,
}

impl Transfer {
    /// Whether `city` is the stated origin.
    pub fn comes_from(&self, city: &str) -> bool {
        self.from.as_deref() == Some(city)
    }

    /// The status in target city `city` (`None` if it has none).
    pub fn status_in(&self, city: &str) -> Option<TransferStatus> {
        match &self.status {
            Statuses::All(s) => self.to.iter().any(|c| c == city).then_some(*s),
            Statuses::PerCity(map) => map.get(city).copied(),
        }
    }
}

/// The terms a page carries, per taxonomy.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Taxonomies {
    pub policy_fields: Vec<String>,
    pub target_groups: Vec<String>,
    pub cities: Vec<String>,
}

impl Taxonomies {
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Vec<String>)> {
        [
            ("policy_fields", &self.policy_fields),
            ("target_groups", &self.target_groups),
            ("cities", &self.cities),
        ]
        .into_iter()
    }
}

/// A calendar date, written as a TOML date (`2026-11-24`) or a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.get(..10)?.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Date { year, month, day })
    }

    /// ISO 8601, as used in `sitemap.xml` and `<time datetime>`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Datetime(toml::value::Datetime),
            Text(String),
        }
        let text = match Raw::deserialize(d) {
            Ok(Raw::Datetime(dt)) => dt.to_string(),
            Ok(Raw::Text(s)) => s,
            Err(_) => {
                return Err(serde::de::Error::custom(
                    "expected a date such as 2026-11-24",
                ))
            }
        };
        Date::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("`{text}` is not a date such as 2026-11-24"))
        })
    }
}

/// The typed front matter of a page or section.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct FrontMatter {
    pub title: String,
    pub summary: Option<String>,
    pub weight: Option<i64>,
    pub slug: Option<String>,
    pub updated: Option<Date>,
    #[serde(default)]
    pub draft: bool,
    pub translation_key: Option<String>,
    pub kind: Option<Kind>,
    #[serde(default)]
    pub taxonomies: Taxonomies,
    pub transfer: Option<Transfer>,
    /// Overrides `source_language` of handbook.toml for this page's pair.
    pub source_language: Option<String>,
    /// Short hash of the original's text when this translation was made.
    pub translated_from: Option<String>,
    /// Source paths of related pages, language-neutral (`../methods/x.md`).
    #[serde(default)]
    pub related: Vec<String>,
}

/// A source split into front matter and body, with byte offsets into the
/// normalized text.
#[derive(Debug)]
pub struct Split<'a> {
    pub front: &'a str,
    pub front_offset: usize,
    pub body: &'a str,
    pub body_offset: usize,
}

/// Splits `text` (BOM removed, line endings normalized) at its `+++` lines.
pub fn split<'a>(text: &'a str, file: &Path) -> Result<Split<'a>, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::error(file, "the file is empty").at(text, 0).hint(
            "a page starts with front matter: +++, a line title = \"…\", +++, then the Markdown text",
        ));
    }
    let Some(rest) = text
        .strip_prefix("+++\n")
        .or_else(|| (text == "+++").then_some(""))
    else {
        if let Some(toml) = yaml_as_toml(text) {
            return Err(Diagnostic::error(
                file,
                "the front matter is YAML (between --- lines); brug reads TOML between +++ lines",
            )
            .at(text, 0)
            .hint(format!("write it as:\n{toml}")));
        }
        return Err(
            Diagnostic::error(file, "the page does not start with front matter")
                .at(text, 0)
                .hint("put a line +++ first, then title = \"…\", then another +++ line"),
        );
    };
    let front_offset = 4;
    let mut pos = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let body_offset = front_offset + pos + line.len();
            return Ok(Split {
                front: &rest[..pos],
                front_offset,
                body: &text[body_offset..],
                body_offset,
            });
        }
        pos += line.len();
    }
    Err(Diagnostic::error(file, "the front matter is never closed")
        .at(text, 0)
        .hint("add a line with only +++ after the last front-matter line"))
}

/// YAML front matter (`---`, as Hugo and Jekyll write it) of simple
/// `key: value` lines, as the TOML brug reads; `None` when `text` does not
/// start with YAML front matter. Lists and nested keys are shown as they
/// are, for the editor to finish.
fn yaml_as_toml(text: &str) -> Option<String> {
    let rest = text.strip_prefix("---\n")?;
    let end = rest.find("\n---")?;
    let mut out = String::from("+++\n");
    for line in rest[..end].lines().take(12) {
        let trimmed = line.trim_start();
        let converted = match trimmed.split_once(':') {
            Some((key, value)) if !key.starts_with(['-', '#']) && !key.contains(' ') => {
                toml_line(key, value.trim())
            }
            _ => line.to_string(),
        };
        out.push_str(&converted);
        out.push('\n');
    }
    out.push_str("+++");
    Some(out)
}

/// One YAML `key: value` as a TOML line: numbers, booleans, dates and
/// lists as they are, other values quoted, and a key without a value (a
/// nested table in YAML) as a table header.
fn toml_line(key: &str, value: &str) -> String {
    if value.is_empty() {
        return format!("[{key}]");
    }
    let date = value.len() >= 10
        && value.as_bytes()[..10]
            .iter()
            .enumerate()
            .all(|(i, b)| match i {
                4 | 7 => *b == b'-',
                _ => b.is_ascii_digit(),
            });
    let plain = date
        || value.parse::<f64>().is_ok()
        || matches!(value, "true" | "false")
        || value.starts_with('[');
    if plain {
        return format!("{key} = {value}");
    }
    let unquoted = value.trim_matches(|c| c == '"' || c == '\'');
    format!(
        "{key} = \"{}\"",
        unquoted.replace('\\', "\\\\").replace('"', "\\\"")
    )
}

/// Parses front matter. Unknown keys give warnings; wrong values an error.
pub fn parse(text: &str, split: &Split, file: &Path) -> (Option<FrontMatter>, Vec<Diagnostic>) {
    let src = Source::new(file, text, split.front_offset);
    let mut diags = Vec::new();
    let table = match DeTable::parse(split.front) {
        Ok(t) => t,
        Err(e) => {
            return (
                None,
                vec![src.toml_error(&e, "the front matter is not valid TOML")],
            )
        }
    };
    check_keys(
        &src,
        table.get_ref(),
        &KNOWN_KEYS,
        "front matter",
        &mut diags,
    );
    if let Some(t) = sub_table(table.get_ref(), "transfer") {
        check_keys(&src, t, &TRANSFER_KEYS, "[transfer]", &mut diags);
    }
    if let Some(t) = sub_table(table.get_ref(), "taxonomies") {
        check_keys(
            &src,
            t,
            &crate::source::config::TAXONOMIES,
            "[taxonomies]",
            &mut diags,
        );
    }
    if !table.get_ref().contains_key("title") {
        diags.push(
            Diagnostic::error(file, "the front matter has no `title`")
                .at(text, split.front_offset)
                .hint("add a line such as title = \"Het consensusprincipe\""),
        );
        return (None, diags);
    }
    match FrontMatter::deserialize(toml::Deserializer::from(table)) {
        Ok(fm) => (Some(fm), diags),
        Err(e) => {
            diags.push(src.toml_error(&e, "the front matter has a wrong value"));
            (None, diags)
        }
    }
}

/// Removes a UTF-8 byte-order mark and turns CRLF into LF, so that every
/// later offset refers to one canonical text.
pub fn normalize(text: String) -> String {
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text);
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_is_named_and_shown_as_toml() {
        let text = "---\ntitle: \"Werkbezoek\"\nweight: 2\ndate: 2024-05-01\ndraft: false\ntaxonomies:\n  policy_fields: [\"education\"]\n---\nTekst\n";
        let err = split(text, Path::new("a.nl.md")).err().unwrap();
        assert!(err.message.contains("YAML"), "{}", err.message);
        assert_eq!(
            err.hint.as_deref(),
            Some("write it as:\n+++\ntitle = \"Werkbezoek\"\nweight = 2\ndate = 2024-05-01\ndraft = false\n[taxonomies]\npolicy_fields = [\"education\"]\n+++")
        );
        let toml = &err.hint.unwrap()["write it as:\n".len()..];
        let converted = toml.trim_matches('+').trim();
        assert!(converted.parse::<toml::Table>().is_ok(), "{converted}");
    }

    fn load(text: &str) -> Result<(Option<FrontMatter>, Vec<Diagnostic>), Diagnostic> {
        let file = Path::new("p.nl.md");
        let s = split(text, file)?;
        Ok(parse(text, &s, file))
    }

    #[test]
    fn splits_and_parses_a_page() {
        let text = "+++\ntitle = \"Consensus\"\nweight = 2\nupdated = 2026-11-24\nkind = \"method\"\n[transfer]\nfrom = \"muenster\"\nto = [\"almelo\"]\nstatus = \"not_transferable\"\n+++\n\n# Body\n";
        let (fm, diags) = load(text).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        let fm = fm.unwrap();
        assert_eq!(fm.title, "Consensus");
        assert_eq!(fm.kind, Some(Kind::Method));
        assert_eq!(fm.updated.unwrap().iso(), "2026-11-24");
        let t = fm.transfer.unwrap();
        assert_eq!(t.status, Statuses::All(TransferStatus::NotTransferable));
        assert_eq!(t.status_in("almelo"), Some(TransferStatus::NotTransferable));
        assert_eq!(t.status_in("muenster"), None);
        assert!(t.comes_from("muenster") && !t.comes_from("almelo"));
        let s = split(text, Path::new("x")).unwrap();
        assert_eq!(s.body, "\n# Body\n");
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        let text = normalize("\u{feff}+++\r\ntitle = \"A\"\r\n+++\r\nText\r\n".into());
        let (fm, _) = load(&text).unwrap();
        assert_eq!(fm.unwrap().title, "A");
    }

    #[test]
    fn bad_front_matter_gives_positioned_errors() {
        let err = load("").unwrap_err();
        assert!(err.message.contains("empty"));
        let err = load("+++\ntitle = \"A\"\nno end\n").unwrap_err();
        assert!(err.message.contains("never closed"));
        let err = load("# Just markdown\n").unwrap_err();
        assert_eq!(err.line, 1);
        let (fm, diags) = load("+++\nsummary = \"x\"\n+++\n").unwrap();
        assert!(fm.is_none() && diags[0].message.contains("no `title`"));
        let (_, diags) = load("+++\ntitle = \"A\"\nweight = \"three\"\n+++\n").unwrap();
        assert_eq!((diags[0].line, diags[0].is_error()), (3, true));
        let (_, diags) = load("+++\ntitle = \"A\n+++\n").unwrap();
        assert_eq!(diags[0].line, 2);
        let (_, diags) =
            load("+++\ntitle = \"A\"\n[transfer]\nfrom = \"x\"\nto = []\nstatus = \"done\"\n+++\n")
                .unwrap();
        assert_eq!(diags[0].line, 6, "{diags:?}");
        assert!(diags[0].message.contains("done"));
    }

    #[test]
    fn origin_may_be_left_unstated_and_status_proposed() {
        let text =
            "+++\ntitle = \"A\"\n[transfer]\nto = [\"almelo\"]\nstatus = \"proposed\"\n+++\n";
        let (fm, diags) = load(text).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        let t = fm.unwrap().transfer.unwrap();
        assert_eq!(t.from, None);
        assert!(!t.comes_from("almelo") && !t.comes_from("muenster"));
        assert_eq!(t.status_in("almelo"), Some(TransferStatus::Proposed));
        assert_eq!(
            TransferStatus::parse("proposed"),
            Some(TransferStatus::Proposed)
        );
    }

    #[test]
    fn status_can_differ_per_city() {
        let text = "+++\ntitle = \"A\"\n[transfer]\nfrom = \"muenster\"\nto = [\"almelo\", \"enschede\"]\nstatus = { almelo = \"implemented\", enschede = \"planned\" }\n+++\n";
        let (fm, diags) = load(text).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        let t = fm.unwrap().transfer.unwrap();
        assert_eq!(t.status_in("almelo"), Some(TransferStatus::Implemented));
        assert_eq!(t.status_in("enschede"), Some(TransferStatus::Planned));
        let bad = "+++\ntitle = \"A\"\n[transfer]\nfrom = \"muenster\"\nto = [\"almelo\"]\nstatus = { almelo = \"klaar\" }\n+++\n";
        let (fm, diags) = load(bad).unwrap();
        assert!(fm.is_none());
        assert_eq!(diags[0].line, 6, "{diags:?}");
        assert!(diags[0].message.contains("klaar"), "{diags:?}");
    }

    #[test]
    fn dates_accept_toml_dates_and_strings() {
        let (fm, _) = load("+++\ntitle = \"A\"\nupdated = \"2026-01-05\"\n+++\n").unwrap();
        assert_eq!(fm.unwrap().updated.unwrap().iso(), "2026-01-05");
        let (fm, diags) = load("+++\ntitle = \"A\"\nupdated = \"gisteren\"\n+++\n").unwrap();
        assert!(fm.is_none());
        assert!(diags[0].message.contains("not a date"));
    }
}
