//! User-interface strings: one Fluent bundle per language (`i18n/LANG.ftl`),
//! used by templates through the `t()` function and by Rust for dates and
//! counts. A missing id fails loudly, and an id defined in one language but
//! not in another is an error, so no reader ever sees a half-translated UI.

use crate::diagnostics::Diagnostic;
use crate::source::config::Lang;
use crate::source::frontmatter::Date;
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
}

/// The UI strings of every configured language.
pub struct Strings {
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl Strings {
    /// Builds bundles for `languages` from `files`; reports syntax errors,
    /// missing files and ids that are not defined in every language.
    pub fn load(files: Vec<FtlFile>, languages: &[String]) -> (Option<Strings>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut bundles = Vec::new();
        let mut ids: Vec<(PathBuf, BTreeSet<String>)> = Vec::new();
        let mut by_lang: HashMap<&str, &FtlFile> =
            files.iter().map(|f| (f.lang.as_str(), f)).collect();
        for code in languages {
            let Some(file) = by_lang.remove(code.as_str()) else {
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
            let resource = match FluentResource::try_new(file.text.clone()) {
                Ok(r) => r,
                Err((r, errors)) => {
                    for e in errors {
                        diags.push(
                            Diagnostic::error(
                                &file.file,
                                format!("Fluent syntax error: {}", e.kind),
                            )
                            .at(&file.text, e.pos.start)
                            .hint("see https://projectfluent.org/fluent/guide/ for the syntax"),
                        );
                    }
                    r
                }
            };
            let names: BTreeSet<String> = resource
                .entries()
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                })
                .collect();
            ids.push((file.file.clone(), names));
            let langid = code.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            bundle.add_resource_overriding(resource);
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
        let ok = diags.is_empty();
        (ok.then_some(Strings { bundles }), diags)
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
            },
            FtlFile {
                lang: "de".into(),
                file: "i18n/de.ftl".into(),
                text: de.into(),
            },
        ];
        Strings::load(files, &["nl".into(), "de".into()])
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
