//! `handbook.toml`: the site configuration, typed. Parsing (`Config::parse`)
//! is separate from reading the file and from validation, so each can be
//! tested on strings and every problem becomes a positioned diagnostic.

use crate::diagnostics::Diagnostic;
use crate::source::house_style::HouseStyle;
use crate::source::schema::{check_keys, sub_table, Source};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use toml::de::DeTable;

/// A label per language code, e.g. `{ nl = "Onderwijs", de = "Bildung" }`.
pub type Labels = BTreeMap<String, String>;

/// The taxonomies a page may use in `[taxonomies]`. `cities` is defined in
/// `[cities]` because cities also appear in `[transfer]` tables.
pub const TAXONOMIES: [&str; 3] = ["policy_fields", "target_groups", "cities"];

const KNOWN_KEYS: [&str; 15] = [
    "languages",
    "glossary",
    "default_language",
    "source_language",
    "base_url",
    "missing_translation",
    "minify",
    "title",
    "description",
    "transfer_source",
    "cities",
    "taxonomies",
    "markdown",
    "output",
    "theme",
];

/// What Markdown rendering does with raw HTML written in a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Keep what is safe (tables, `details`, `abbr`, …), remove scripts,
    /// event handlers, frames and forms, with a warning for each removal.
    #[default]
    Sanitize,
    /// Keep it as written: for a handbook whose editors are all trusted.
    Trusted,
    /// Drop it, as if it were not there.
    Omit,
}

/// `[markdown]`: how page bodies are rendered.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct MarkdownConfig {
    pub raw_html: RawHtml,
}

/// `[output]`: what the written pages may do.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct OutputConfig {
    /// Hosts that pages may load images, media, frames, scripts and
    /// stylesheets from (`"www.youtube-nocookie.com"`). Empty: only the
    /// site's own files, so that no reader's visit is announced to a third
    /// party and the offline copy is complete.
    pub external_resources: Vec<String>,
    /// Write a side-by-side view of every page that exists in more than
    /// one language: `true`, `false`, or unset for up to
    /// `SIDE_BY_SIDE_MAX` pages per language (the views double the pages
    /// a build writes, which a handbook that large feels).
    pub side_by_side: Option<bool>,
}

/// Above this many pages in a language, views are written only when
/// `[output] side_by_side = true` asks for them.
pub const SIDE_BY_SIDE_MAX: usize = 1000;

/// What to do for a page that exists in one language only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum MissingTranslation {
    /// Write a page in the other language that says so and links to the original.
    #[default]
    Fallback,
    /// Write nothing in the other language.
    Omit,
}

/// A language, as its index into `Config::languages`.
pub type Lang = usize;

/// The typed content of `handbook.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct Config {
    /// Language codes, in the order the language switch shows them.
    pub languages: Vec<String>,
    /// The language of `public/index.html`'s fallback and of the sitemap root.
    pub default_language: String,
    /// The language originals are written in; translations follow it.
    pub source_language: String,
    /// Absolute URL of the published site; used only in `sitemap.xml`.
    pub base_url: String,
    pub missing_translation: MissingTranslation,
    /// Minify the pages and the theme's scripts and stylesheets (the CLI's
    /// `--no-minify` turns it off).
    pub minify: bool,
    /// Site title per language.
    pub title: Labels,
    /// One-sentence site description per language (meta description).
    pub description: Labels,
    /// Per language: where the `[transfer]` data come from and what they
    /// cannot say, shown on the transfer overview and every practice.
    pub transfer_source: Labels,
    /// City key → label per language.
    pub cities: BTreeMap<String, Labels>,
    /// Taxonomy name → term key → label per language.
    pub taxonomies: BTreeMap<String, BTreeMap<String, Labels>>,
    /// Source path of the glossary page (`glossary.md`, the default when
    /// that page exists). Links to its headings get the term's explanation.
    pub glossary: Option<String>,
    pub markdown: MarkdownConfig,
    pub output: OutputConfig,
    /// `[theme]`: accent colour, logo, footer and funders.
    pub theme: HouseStyle,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            languages: vec!["nl".into(), "de".into()],
            default_language: "nl".into(),
            source_language: "nl".into(),
            base_url: String::new(),
            missing_translation: MissingTranslation::Fallback,
            minify: true,
            title: Labels::new(),
            description: Labels::new(),
            transfer_source: Labels::new(),
            cities: BTreeMap::new(),
            taxonomies: BTreeMap::new(),
            glossary: None,
            markdown: MarkdownConfig::default(),
            output: OutputConfig::default(),
            theme: HouseStyle::default(),
        }
    }
}

impl Config {
    /// Parses `text` (the content of `file`). Returns the config, or `None`
    /// when it cannot be used, plus every diagnostic found.
    pub fn parse(text: &str, file: &Path) -> (Option<Config>, Vec<Diagnostic>) {
        let src = Source::new(file, text, 0);
        let mut diags = Vec::new();
        let table = match DeTable::parse(text) {
            Ok(t) => t,
            Err(e) => {
                return (
                    None,
                    vec![src.toml_error(&e, "handbook.toml is not valid TOML")],
                )
            }
        };
        check_keys(
            &src,
            table.get_ref(),
            &KNOWN_KEYS,
            "handbook.toml",
            &mut diags,
        );
        if let Some(tax) = sub_table(table.get_ref(), "taxonomies") {
            check_keys(&src, tax, &TAXONOMIES[..2], "[taxonomies]", &mut diags);
        }
        for (name, known) in [
            ("markdown", &["raw_html"][..]),
            ("output", &["external_resources", "side_by_side"]),
            ("theme", &["accent", "logo", "footer", "funders"]),
        ] {
            if let Some(t) = sub_table(table.get_ref(), name) {
                check_keys(&src, t, known, &format!("[{name}]"), &mut diags);
            }
        }
        let config = match Config::deserialize(toml::Deserializer::from(table)) {
            Ok(c) => c,
            Err(e) => {
                diags.push(src.toml_error(&e, "handbook.toml has a wrong value"));
                return (None, diags);
            }
        };
        config.validate(&src, &mut diags);
        (Some(config), diags)
    }

    /// Checks what types alone cannot: languages known, labels complete.
    fn validate(&self, src: &Source, diags: &mut Vec<Diagnostic>) {
        let file = src.file;
        if self.languages.is_empty() {
            diags.push(
                Diagnostic::error(file, "`languages` is empty")
                    .hint("write languages = [\"nl\", \"de\"]"),
            );
        }
        for (key, value) in [
            ("default_language", &self.default_language),
            ("source_language", &self.source_language),
        ] {
            if !self.languages.contains(value) {
                diags.push(
                    Diagnostic::error(
                        file,
                        format!("`{key}` is \"{value}\", which is not in `languages`"),
                    )
                    .hint(format!("use one of: {}", self.languages.join(", "))),
                );
            }
        }
        if !(self.base_url.starts_with("https://") || self.base_url.starts_with("http://")) {
            diags.push(
                Diagnostic::warning(file, "`base_url` is not an absolute http(s) URL; sitemap.xml needs one")
                    .hint("add base_url = \"https://handboek.example\" with the address the site is published at"),
            );
        }
        for host in &self.output.external_resources {
            if host.is_empty() || host.contains(['/', ':', ' ']) {
                diags.push(
                    Diagnostic::error(
                        file,
                        format!("`[output] external_resources` lists \"{host}\", which is not a host name"),
                    )
                    .hint("write the host alone, e.g. \"media.example.org\", without https:// or a path"),
                );
            }
        }
        self.theme.validate(src, diags);
        let mut check_labels = |what: String, labels: &Labels| {
            for lang in &self.languages {
                if !labels.contains_key(lang) {
                    let mut d = Diagnostic::warning(
                        file,
                        format!("{what} has no label for language `{lang}`"),
                    )
                    .hint(format!("add {lang} = \"…\" to it"));
                    // At its table header, when it is written as one.
                    if let Some(at) = src.lines.text().find(&format!("\n{what}")) {
                        d = d.at_line(&src.lines, at + 1);
                    }
                    diags.push(d);
                }
            }
        };
        check_labels("[title]".into(), &self.title);
        for (key, labels) in &self.cities {
            check_labels(format!("[cities.{key}]"), labels);
        }
        for (tax, terms) in &self.taxonomies {
            for (key, labels) in terms {
                check_labels(format!("[taxonomies.{tax}.{key}]"), labels);
            }
        }
    }

    /// The terms of `taxonomy` (cities included), by key.
    pub fn terms(&self, taxonomy: &str) -> Option<&BTreeMap<String, Labels>> {
        if taxonomy == "cities" {
            Some(&self.cities)
        } else {
            self.taxonomies.get(taxonomy)
        }
    }

    /// The label of a taxonomy term (cities included) in `lang`, falling back
    /// to the key itself so that a page never shows an empty label.
    pub fn term_label<'a>(&'a self, taxonomy: &str, key: &'a str, lang: &str) -> &'a str {
        self.terms(taxonomy)
            .and_then(|t| t.get(key))
            .and_then(|labels| labels.get(lang))
            .map_or(key, String::as_str)
    }

    /// Is `key` a defined term of `taxonomy`?
    pub fn has_term(&self, taxonomy: &str, key: &str) -> bool {
        self.terms(taxonomy).is_some_and(|t| t.contains_key(key))
    }

    /// The site title in `lang` (the first title given, if that one is missing).
    pub fn title(&self, lang: &str) -> &str {
        self.title
            .get(lang)
            .or_else(|| self.title.values().next())
            .map_or("Handbook", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Option<Config>, Vec<Diagnostic>) {
        Config::parse(text, Path::new("handbook.toml"))
    }

    #[test]
    fn reads_the_documented_schema() {
        let (config, diags) = parse(
            "languages = [\"nl\", \"de\"]\nbase_url = \"https://x.example\"\nmissing_translation = \"omit\"\n[title]\nnl = \"Handboek\"\nde = \"Handbuch\"\n[cities.almelo]\nnl = \"Almelo\"\nde = \"Almelo\"\n[taxonomies.policy_fields.education]\nnl = \"Onderwijs\"\nde = \"Bildung\"\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        let config = config.unwrap();
        let (_, diags) = parse("[title]\nnl = \"a\"\nde = \"b\"\n");
        assert!(diags[0].message.contains("base_url"), "{diags:?}");
        assert_eq!(config.missing_translation, MissingTranslation::Omit);
        assert_eq!(
            config.term_label("policy_fields", "education", "de"),
            "Bildung"
        );
        assert_eq!(config.term_label("cities", "almelo", "nl"), "Almelo");
        assert!(config.minify);
    }

    #[test]
    fn unknown_key_names_the_closest() {
        let (config, diags) =
            parse("base_url = \"https://x.example\"\n[title]\nnl = \"a\"\nde = \"b\"\n[cites.almelo]\nnl = \"A\"\n");
        assert!(config.is_some());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, 5);
        assert_eq!(diags[0].hint.as_deref(), Some("did you mean `cities`?"));
    }

    #[test]
    fn wrong_type_and_bad_toml_are_positioned_errors() {
        let (config, diags) = parse("minify = \"yes\"\n[title]\nnl = \"a\"\nde = \"b\"\n");
        assert!(config.is_none());
        assert!(diags[0].is_error());
        let (config, diags) = parse("languages = [\"nl\"\n");
        assert!(config.is_none());
        assert_eq!(diags[0].line, 1);
    }

    #[test]
    fn a_missing_label_is_placed_at_its_table() {
        let (_, diags) = parse("base_url = \"https://x.example\"\n[title]\nnl = \"a\"\nde = \"b\"\n\n[cities.almelo]\nnl = \"Almelo\"\n");
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!((diags[0].line, diags[0].column), (6, 1));
        assert!(diags[0]
            .message
            .contains("[cities.almelo] has no label for language `de`"));
    }

    #[test]
    fn thousands_of_unknown_keys_are_each_placed_quickly() {
        // Found while fuzzing: each warning read the file from its start
        // to find its line, so 10,000 unknown keys took minutes.
        let text: String = (0..10_000).map(|i| format!("titel{i} = {i}\n")).collect();
        let (_, diags) = parse(&text);
        let unknown = diags.iter().filter(|d| d.message.contains("unknown key"));
        assert_eq!(unknown.count(), 10_000);
        let last = diags
            .iter()
            .find(|d| d.message.contains("titel9999"))
            .unwrap();
        assert_eq!((last.line, last.column), (10_000, 1));
    }

    #[test]
    fn default_language_must_be_listed() {
        let (_, diags) = parse("languages = [\"nl\", \"de\"]\ndefault_language = \"fr\"\n[title]\nnl = \"a\"\nde = \"b\"\n");
        assert!(diags
            .iter()
            .any(|d| d.is_error() && d.message.contains("default_language")));
    }
}
