//! User-interface strings: one Fluent bundle per language (`i18n/LANG.ftl`),
//! used by templates through the `t()` function and by Rust for dates and
//! counts. A missing id fails loudly, and an id defined in one language but
//! not in another is an error, so no reader ever sees a half-translated UI.

use crate::diagnostics::Diagnostic;
use crate::source::config::Lang;
use crate::source::frontmatter::Date;
use crate::text::hash::{Fingerprint, Source};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

/// One `.ftl` file: its language code, its path for diagnostics, its text.
pub struct FtlFile {
    pub lang: String,
    pub file: PathBuf,
    pub text: String,
    /// Compiled into brug (the defaults), or the handbook's own, whose
    /// messages replace the defaults' one by one.
    pub builtin: bool,
}

/// The UI strings of every configured language.
pub struct Strings {
    bundles: Vec<FluentBundle<FluentResource>>,
    /// A hash of the files the strings come from, part of what every page
    /// is made from (`Renderer::source`).
    pub fingerprint: Source,
}

impl Strings {
    /// Builds bundles for `languages` from `files`: the built-in strings
    /// of each language, then the handbook's own over them, message by
    /// message. Reports syntax errors, missing languages, a handbook id that
    /// looks like a misspelt built-in one, and ids that are not defined in
    /// every language.
    pub fn load(files: Vec<FtlFile>, languages: &[String]) -> (Option<Strings>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut bundles = Vec::new();
        let mut ids: Vec<(PathBuf, BTreeSet<String>)> = Vec::new();
        for code in languages {
            let layers: Vec<&FtlFile> = files.iter().filter(|f| &f.lang == code).collect();
            let Some(shown) = layers.iter().rev().map(|f| f.file.clone()).next() else {
                diags.push(
                    Diagnostic::error(
                        format!("i18n/{code}.ftl"),
                        format!("there are no interface strings for language `{code}`"),
                    )
                    .hint(format!(
                        "copy i18n/nl.ftl to i18n/{code}.ftl and translate it"
                    )),
                );
                continue;
            };
            let langid = code.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            let mut names = BTreeSet::new();
            let mut builtin = BTreeSet::new();
            for file in layers {
                let resource = parse(file, &mut diags);
                let own = message_ids(&resource);
                if file.builtin {
                    builtin.extend(own.iter().cloned());
                } else if !builtin.is_empty() {
                    misspelt(file, &own, &builtin, &mut diags);
                }
                names.extend(own);
                bundle.add_resource_overriding(resource);
            }
            ids.push((shown, names));
            bundles.push(bundle);
        }
        let all: BTreeSet<&String> = ids.iter().flat_map(|(_, s)| s).collect();
        for (file, own) in &ids {
            for id in all.iter().filter(|id| !own.contains(**id)) {
                diags.push(
                    Diagnostic::error(
                        file,
                        format!(
                            "the string `{id}` is missing here but defined for another language"
                        ),
                    )
                    .hint(format!("add a line `{id} = …` to {}", file.display())),
                );
            }
        }
        let ok = !diags.iter().any(Diagnostic::is_error);
        let mut fingerprint = Fingerprint::default();
        for code in languages {
            fingerprint.part(code.as_bytes());
        }
        for f in &files {
            fingerprint.part(f.lang.as_bytes()).part(f.text.as_bytes());
        }
        let fingerprint = fingerprint.finish();
        (
            ok.then_some(Strings {
                bundles,
                fingerprint,
            }),
            diags,
        )
    }

    /// The string `id` in `lang` with `args`; an error names a missing id.
    pub fn get(&self, lang: Lang, id: &str, args: Option<&FluentArgs>) -> Result<String, String> {
        let bundle = &self.bundles[lang];
        let msg = bundle
            .get_message(id)
            .ok_or_else(|| format!("unknown interface string `{id}`"))?;
        let pattern = msg
            .value()
            .ok_or_else(|| format!("interface string `{id}` has no value"))?;
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned();
        match errors.first() {
            Some(e) => Err(format!("interface string `{id}`: {e}")),
            None => Ok(text),
        }
    }

    /// Like `get`, for ids the theme is known to define (checked by tests);
    /// falls back to the id so a custom theme's mistake shows, not crashes.
    pub fn text(&self, lang: Lang, id: &str) -> String {
        self.get(lang, id, None).unwrap_or_else(|_| id.to_string())
    }

    /// A date as the language writes it (`24 november 2026`, `24. November 2026`).
    pub fn date(&self, lang: Lang, date: Date) -> String {
        let mut args = FluentArgs::new();
        args.set("day", FluentValue::from(date.day));
        args.set(
            "month",
            FluentValue::from(self.text(lang, &format!("month-{}", date.month))),
        );
        args.set("year", FluentValue::from(date.year.to_string()));
        self.get(lang, "date-format", Some(&args))
            .unwrap_or_else(|_| date.iso())
    }
}

impl Strings {
    /// A file's size as the language writes it (`845 KB`, `1,3 MB`):
    /// kilobytes below a megabyte, else megabytes to one decimal.
    pub fn file_size(&self, lang: Lang, bytes: usize) -> String {
        let kb = bytes.div_ceil(1024);
        if kb < 1024 {
            return format!("{kb} KB");
        }
        let tenths = (bytes as f64 / (1024.0 * 1024.0) * 10.0).round() as u64;
        let point = self.text(lang, "decimal-separator");
        format!("{}{point}{} MB", tenths / 10, tenths % 10)
    }
}

/// Parses one file; its syntax errors become diagnostics (the entries
/// that parsed are kept).
fn parse(file: &FtlFile, diags: &mut Vec<Diagnostic>) -> FluentResource {
    match FluentResource::try_new(file.text.clone()) {
        Ok(r) => r,
        Err((r, errors)) => {
            for e in errors {
                diags.push(
                    Diagnostic::error(&file.file, format!("Fluent syntax error: {}", e.kind))
                        .at(&file.text, e.pos.start)
                        .hint("see https://projectfluent.org/fluent/guide/ for the syntax"),
                );
            }
            r
        }
    }
}

fn message_ids(resource: &FluentResource) -> BTreeSet<String> {
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Warns about each id of the handbook's `file` that the built-in strings
/// lack but have one very like it: a typo would otherwise change nothing.
/// An id with nothing like it is the handbook's own (for its templates).
fn misspelt(
    file: &FtlFile,
    own: &BTreeSet<String>,
    builtin: &BTreeSet<String>,
    diags: &mut Vec<Diagnostic>,
) {
    let known: Vec<&str> = builtin.iter().map(String::as_str).collect();
    for id in own.difference(builtin) {
        if let Some(close) = crate::source::schema::closest(id, &known) {
            let at = file.text.find(&format!("{id} =")).unwrap_or(0);
            diags.push(
                Diagnostic::warning(&file.file, format!("the theme has no string `{id}`"))
                    .at(&file.text, at)
                    .hint(format!("did you mean `{close}`?")),
            );
        }
    }
}

/// The tera function `t(key="…", count=…, …)` for one language.
pub struct TeraStrings {
    pub strings: Arc<Strings>,
    pub lang: Lang,
}

impl tera::Function for TeraStrings {
    fn call(&self, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
        let key = args
            .get("key")
            .and_then(|v| v.as_str())
            .ok_or_else(|| tera::Error::msg("t() needs key=\"…\""))?;
        let mut fargs = FluentArgs::new();
        for (name, value) in args.iter().filter(|(n, _)| *n != "key") {
            match value {
                tera::Value::Number(n) => {
                    fargs.set(name.as_str(), FluentValue::from(n.as_f64().unwrap_or(0.0)))
                }
                tera::Value::String(s) => fargs.set(name.as_str(), FluentValue::from(s.clone())),
                other => fargs.set(name.as_str(), FluentValue::from(other.to_string())),
            }
        }
        let args = (args.len() > 1).then_some(&fargs);
        self.strings
            .get(self.lang, key, args)
            .map(tera::Value::String)
            .map_err(tera::Error::msg)
    }

    fn is_safe(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(nl: &str, de: &str) -> (Option<Strings>, Vec<Diagnostic>) {
        let files = vec![
            FtlFile {
                lang: "nl".into(),
                file: "i18n/nl.ftl".into(),
                text: nl.into(),
                builtin: true,
            },
            FtlFile {
                lang: "de".into(),
                file: "i18n/de.ftl".into(),
                text: de.into(),
                builtin: true,
            },
        ];
        Strings::load(files, &["nl".into(), "de".into()])
    }

    #[test]
    fn a_file_size_is_written_with_the_languages_decimal_separator() {
        let (s, diags) = strings("decimal-separator = { \",\" }\n", "decimal-separator = .\n");
        let s = s.unwrap_or_else(|| panic!("{diags:?}"));
        assert_eq!(s.file_size(0, 865_000), "845 KB");
        assert_eq!(s.file_size(0, 1_363_149), "1,3 MB");
        assert_eq!(s.file_size(0, 1024 * 1023), "1023 KB");
        assert_eq!(s.file_size(0, 1024 * 1023 + 1), "1,0 MB");
        assert_eq!(s.file_size(0, 10 * 1024 * 1024), "10,0 MB");
        assert_eq!(s.file_size(1, 1_363_149), "1.3 MB");
    }

    fn count(s: &Strings, lang: Lang, id: &str, n: usize) -> String {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(n));
        s.get(lang, id, Some(&args)).unwrap()
    }

    #[test]
    fn plurals_and_dates_follow_each_language() {
        let nl = "pages = { $count ->\n [one] 1 pagina\n *[other] { $count } pagina's\n}\nmonth-11 = november\ndate-format = { $day } { $month } { $year }\n";
        let de = "pages = { $count ->\n [one] 1 Seite\n *[other] { $count } Seiten\n}\nmonth-11 = November\ndate-format = { $day }. { $month } { $year }\n";
        let (s, diags) = strings(nl, de);
        assert!(diags.is_empty(), "{diags:?}");
        let s = s.unwrap();
        assert_eq!(count(&s, 0, "pages", 1), "1 pagina");
        assert_eq!(count(&s, 0, "pages", 3), "3 pagina's");
        assert_eq!(count(&s, 1, "pages", 3), "3 Seiten");
        let d = Date {
            year: 2026,
            month: 11,
            day: 24,
        };
        assert_eq!(s.date(0, d), "24 november 2026");
        assert_eq!(s.date(1, d), "24. November 2026");
        assert!(s.get(0, "nope", None).unwrap_err().contains("nope"));
    }

    #[test]
    fn id_missing_in_one_language_is_an_error() {
        let (s, diags) = strings("a = A\nb = B\n", "a = A\n");
        assert!(s.is_none());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].file, PathBuf::from("i18n/de.ftl"));
        assert!(diags[0].message.contains("`b`"));
    }

    #[test]
    fn a_handbook_overrides_single_messages_and_typos_are_named() {
        let mut files = vec![
            FtlFile {
                lang: "nl".into(),
                file: "i18n/nl.ftl".into(),
                text: "footer-text = standaard\nsearch = Zoeken\n".into(),
                builtin: true,
            },
            FtlFile {
                lang: "de".into(),
                file: "i18n/de.ftl".into(),
                text: "footer-text = Standard\nsearch = Suchen\n".into(),
                builtin: true,
            },
        ];
        let own = |text: &str| FtlFile {
            lang: "nl".into(),
            file: "handbook/i18n/nl.ftl".into(),
            text: text.into(),
            builtin: false,
        };
        let defaults = |files: &[FtlFile]| -> Vec<FtlFile> {
            files
                .iter()
                .map(|f| FtlFile {
                    lang: f.lang.clone(),
                    file: f.file.clone(),
                    text: f.text.clone(),
                    builtin: true,
                })
                .collect()
        };
        let mut one = defaults(&files);
        one.push(own("footer-text = Gemeente Almelo\n"));
        let (s, diags) = Strings::load(one, &["nl".into(), "de".into()]);
        assert!(diags.is_empty(), "{diags:?}");
        let s = s.unwrap();
        assert_eq!(s.get(0, "footer-text", None).unwrap(), "Gemeente Almelo");
        assert_eq!(s.get(0, "search", None).unwrap(), "Zoeken");
        assert_eq!(s.get(1, "footer-text", None).unwrap(), "Standard");
        files.push(own("serch = Vind\n"));
        let (s, diags) = Strings::load(files, &["nl".into(), "de".into()]);
        assert!(s.is_none(), "an id of one language only is an error");
        let said: Vec<_> = diags
            .iter()
            .map(|d| (d.line, d.message.as_str(), d.hint.as_deref()))
            .collect();
        assert_eq!(
            said,
            [
                (
                    1,
                    "the theme has no string `serch`",
                    Some("did you mean `search`?")
                ),
                (
                    0,
                    "the string `serch` is missing here but defined for another language",
                    Some("add a line `serch = …` to i18n/de.ftl")
                ),
            ]
        );
    }

    #[test]
    fn syntax_error_has_a_line() {
        let (_, diags) = strings("a = A\nb\n", "a = A\nb = B\n");
        assert!(
            diags
                .iter()
                .any(|d| d.line == 2 && d.message.contains("syntax")),
            "{diags:?}"
        );
    }
}
