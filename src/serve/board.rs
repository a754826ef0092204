//! The translation status board of `brug serve` (`/__brug/status`, in the
//! editor's language: `/__brug/status/LANG`, or the browser's preferred
//! language of the handbook's): per language how many pages are complete,
//! missing and outdated, the pages still to do with links to both
//! versions, and for each outdated translation what changed in its
//! original since it was stamped (the diff of `brug status --diff`). It is
//! made from the last good build on each request; the live-reload script
//! reloads it after every rebuild. Never written by `brug build`.

use crate::build::status::diff::{Change, Kind, Op};
use crate::build::status::history::{History, Why, WhyKind};
use crate::build::status::{self, Outdated};
use crate::model::{Handbook, Translation};
use crate::source::strings::Strings;
use crate::text::escape::html as esc;
use fluent_bundle::{FluentArgs, FluentValue};
use std::fmt::Write as _;

/// The board's own URL.
pub const PATH: &str = "/__brug/status";

const STYLE: &str = include_str!("board.css");

/// The language of the board: the one named in the path, else the first
/// of the browser's `Accept-Language` that the handbook has, else the
/// handbook's default.
pub fn language(hb: &Handbook, named: Option<&str>, accept: Option<&str>) -> usize {
    let codes = &hb.config.languages;
    let find = |code: &str| {
        let code = code.split(';').next().unwrap_or_default().trim();
        let primary = code.split('-').next().unwrap_or_default();
        codes.iter().position(|c| c.eq_ignore_ascii_case(primary))
    };
    named
        .and_then(find)
        .or_else(|| accept.and_then(|a| a.split(',').find_map(find)))
        .or_else(|| codes.iter().position(|c| *c == hb.config.default_language))
        .unwrap_or(0)
}

/// The board in language `ui` as an HTML page.
pub fn page(hb: &Handbook, strings: &Strings, ui: usize) -> String {
    let outdated = status::outdated(hb, &History::open(&hb.root), &[]);
    let b = Board { hb, strings, ui };
    let mut out = String::new();
    let title = esc(&b.t("serve-status-title"));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · {book}</title><style>{STYLE}</style></head><body>\
         <header><p><a href=\"/\">{book}</a></p>{switch}</header><main>\
         <h1>{title}</h1><p>{intro}</p>",
        lang = esc(hb.lang_code(ui)),
        book = esc(hb.config.title(hb.lang_code(ui))),
        switch = b.switch(),
        intro = esc(&b.t("serve-status-intro")),
    );
    for lang in 0..hb.config.languages.len() {
        b.summary(&mut out, lang);
    }
    b.todo(&mut out, &outdated);
    b.diffs(&mut out, &outdated);
    b.all(&mut out);
    out.push_str("</main></body></html>\n");
    out
}

struct Board<'a> {
    hb: &'a Handbook,
    strings: &'a Strings,
    ui: usize,
}

impl Board<'_> {
    fn t(&self, id: &str) -> String {
        self.strings.text(self.ui, id)
    }

    /// A string with arguments, HTML-escaped.
    fn ta(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.clone());
        }
        esc(&self
            .strings
            .get(self.ui, id, Some(&fa))
            .unwrap_or_else(|_| id.to_string()))
    }

    /// A language's name in the board's language.
    fn lang_name(&self, lang: usize) -> String {
        let code = self.hb.lang_code(lang);
        self.strings
            .get(self.ui, &format!("lang-{code}"), None)
            .unwrap_or_else(|_| self.strings.text(lang, "language-name"))
    }

    /// Links to the board in the other languages.
    fn switch(&self) -> String {
        let links: Vec<String> = (0..self.hb.config.languages.len())
            .filter(|&l| l != self.ui)
            .map(|l| {
                let code = esc(self.hb.lang_code(l));
                format!(
                    "<a href=\"{PATH}/{code}\" hreflang=\"{code}\" lang=\"{code}\">{}</a>",
                    esc(&self.strings.text(l, "serve-status-title"))
                )
            })
            .collect();
        format!(
            "<nav aria-label=\"{}\">{}</nav>",
            esc(&self.t("nav-languages")),
            links.join(" ")
        )
    }

    /// A language's counts and progress bar.
    fn summary(&self, out: &mut String, lang: usize) {
        let c = status::counts(self.hb, lang);
        let total = c.complete + c.missing + c.outdated;
        let code = esc(self.hb.lang_code(lang));
        let num = |n: usize| FluentValue::from(n);
        let _ = write!(
            out,
            "<section class=\"language\" aria-labelledby=\"lang-{code}\"><h2 id=\"lang-{code}\">{name}</h2>\
             <p><label for=\"progress-{code}\">{progress}</label> \
             <progress id=\"progress-{code}\" max=\"{max}\" value=\"{complete}\">{complete}/{total}</progress></p>\
             <p>{counts}</p></section>",
            name = esc(&self.lang_name(lang)),
            progress = self.ta(
                "serve-status-progress",
                &[("complete", num(c.complete)), ("total", num(total))]
            ),
            max = total.max(1),
            complete = c.complete,
            counts = self.ta(
                "serve-status-counts",
                &[
                    ("complete", num(c.complete)),
                    ("missing", num(c.missing)),
                    ("outdated", num(c.outdated))
                ]
            ),
        );
    }

    /// The pairs with a missing or outdated version.
    fn todo(&self, out: &mut String, outdated: &[Outdated]) {
        let _ = write!(out, "<h2>{}</h2>", esc(&self.t("serve-status-todo")));
        let rows: Vec<usize> = (0..self.hb.pairs.len())
            .filter(|&p| {
                self.hb.pairs[p]
                    .status
                    .iter()
                    .any(|s| *s != Translation::Current)
            })
            .collect();
        if rows.is_empty() {
            let _ = write!(out, "<p>{}</p>", esc(&self.t("serve-status-none")));
            return;
        }
        self.table(out, &rows, outdated);
    }

    /// Every pair, folded away.
    fn all(&self, out: &mut String) {
        let rows: Vec<usize> = (0..self.hb.pairs.len()).collect();
        let summary = self.ta(
            "serve-status-all",
            &[("count", FluentValue::from(rows.len()))],
        );
        let _ = write!(out, "<details><summary>{summary}</summary>");
        self.table(out, &rows, &[]);
        out.push_str("</details>");
    }

    /// A table of `rows` (pair ids): the page, then each language's state
    /// with a link to that version.
    fn table(&self, out: &mut String, rows: &[usize], outdated: &[Outdated]) {
        let _ = write!(
            out,
            "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">{}</th>",
            esc(&self.t("serve-status-page"))
        );
        for lang in 0..self.hb.config.languages.len() {
            let _ = write!(out, "<th scope=\"col\">{}</th>", esc(&self.lang_name(lang)));
        }
        out.push_str("</tr></thead><tbody>");
        for &p in rows {
            let pair = &self.hb.pairs[p];
            // A break after each `/` keeps long keys whole on phones.
            let key = esc(&pair.key).replace('/', "/<wbr>");
            let _ = write!(out, "<tr><th scope=\"row\">{key}</th>");
            for lang in 0..pair.pages.len() {
                out.push_str("<td>");
                self.cell(out, p, lang, outdated);
                out.push_str("</td>");
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table></div>");
    }

    /// One language's state of pair `p`, linked to the page.
    fn cell(&self, out: &mut String, p: usize, lang: usize, outdated: &[Outdated]) {
        let pair = &self.hb.pairs[p];
        let (class, id) = match &pair.status[lang] {
            Translation::Missing => ("missing", "serve-status-missing"),
            Translation::Outdated { .. } => ("outdated", "serve-status-outdated"),
            Translation::Current if lang == pair.source_lang => {
                ("current", "serve-status-original")
            }
            Translation::Current => ("current", "serve-status-current"),
        };
        let label = esc(&self.t(id));
        match (pair.pages[lang], &pair.urls[lang]) {
            (Some(_), Some(url)) => {
                let _ = write!(
                    out,
                    "<a class=\"{class}\" href=\"/{}\">{label}</a>",
                    esc(url)
                );
            }
            _ => {
                let _ = write!(out, "<span class=\"{class}\">{label}</span>");
            }
        }
        if outdated.iter().any(|o| o.pair == p && o.lang == lang) {
            let _ = write!(
                out,
                " · <a href=\"#{}\">{}</a>",
                esc(&anchor(self.hb, p, lang)),
                esc(&self.t("serve-status-what-changed"))
            );
        }
    }

    /// For each outdated translation, what changed in its original.
    fn diffs(&self, out: &mut String, outdated: &[Outdated]) {
        if outdated.is_empty() {
            return;
        }
        let _ = write!(out, "<h2>{}</h2>", esc(&self.t("serve-status-changes")));
        for item in outdated {
            let _ = write!(
                out,
                "<section class=\"diff\" id=\"{}\" aria-labelledby=\"h-{0}\"><h3 id=\"h-{0}\">{} ← {}</h3>",
                esc(&anchor(self.hb, item.pair, item.lang)),
                esc(&item.translation.display().to_string()),
                esc(&item.original.display().to_string()),
            );
            match &item.changes {
                Err(why) => {
                    let _ = write!(out, "<p class=\"why\">{}</p>", self.why(why, item));
                }
                Ok((version, changes)) => {
                    let _ = write!(
                        out,
                        "<p>{}",
                        self.ta(
                            "serve-status-stamped",
                            &[
                                ("commit", FluentValue::from(version.commit.as_str())),
                                ("date", FluentValue::from(version.date.as_str()))
                            ]
                        )
                    );
                    if std::path::Path::new(&version.file) != item.original {
                        let file = FluentValue::from(version.file.as_str());
                        let _ = write!(
                            out,
                            " {}",
                            self.ta("serve-status-renamed", &[("file", file)])
                        );
                    }
                    out.push_str("</p>");
                    if changes.is_empty() {
                        let _ = write!(out, "<p>{}</p>", esc(&self.t("serve-status-spacing")));
                    }
                    let lang = self.hb.lang_code(self.hb.pairs[item.pair].source_lang);
                    for change in changes {
                        self.change(out, change, lang);
                    }
                }
            }
            out.push_str("</section>");
        }
    }

    /// One changed place: a heading, then its sentences (in `lang`, the
    /// original's language).
    fn change(&self, out: &mut String, change: &Change, lang: &str) {
        let n = FluentValue::from(change.paragraph);
        let heading = match change.kind {
            Kind::Title => esc(&self.t("serve-status-title-changed")),
            Kind::Changed => self.ta("serve-status-changed", &[("n", n)]),
            Kind::Added => self.ta("serve-status-added", &[("n", n)]),
            Kind::Removed => self.ta("serve-status-removed", &[("n", n)]),
        };
        let section = change
            .section
            .as_deref()
            .map(|s| format!("{}: ", self.quoted("serve-status-section", s, lang)))
            .unwrap_or_default();
        let after = change
            .after
            .as_deref()
            .map(|a| {
                let quoted = self.quoted("serve-status-after", a, lang);
                format!(" <span class=\"after\">{quoted}</span>")
            })
            .unwrap_or_default();
        let _ = write!(
            out,
            "<h4>{section}{heading}{after}</h4><ul class=\"sentences\">"
        );
        let lang = esc(lang);
        let removed = esc(&self.t("serve-status-sentence-removed"));
        let added = esc(&self.t("serve-status-sentence-added"));
        for part in &change.parts {
            let text = esc(&part.text);
            let _ = match part.op {
                Op::Same => write!(out, "<li lang=\"{lang}\">{text}</li>"),
                Op::Removed => write!(
                    out,
                    "<li class=\"removed\"><span class=\"mark\">− <span class=\"sr\">{removed}</span></span><del lang=\"{lang}\">{text}</del></li>"
                ),
                Op::Added => write!(
                    out,
                    "<li class=\"added\"><span class=\"mark\">+ <span class=\"sr\">{added}</span></span><ins lang=\"{lang}\">{text}</ins></li>"
                ),
            };
        }
        out.push_str("</ul>");
    }

    /// String `id` with `$text` quoting the original (in `lang`), HTML-escaped,
    /// the quoted part marked with its language.
    fn quoted(&self, id: &str, text: &str, lang: &str) -> String {
        let text = text.replace(['\u{1}', '\u{2}'], "");
        let value = FluentValue::from(format!("\u{1}{text}\u{2}"));
        self.ta(id, &[("text", value)])
            .replace('\u{1}', &format!("<span lang=\"{}\">", esc(lang)))
            .replace('\u{2}', "</span>")
    }

    /// Why the changes cannot be shown, in the board's language.
    fn why(&self, why: &Why, item: &Outdated) -> String {
        let id = match why.kind {
            WhyKind::Unstamped => "serve-status-why-unstamped",
            WhyKind::NoRepository => "serve-status-why-no-repository",
            WhyKind::NoCommit => "serve-status-why-no-commit",
            WhyKind::NotCommitted => "serve-status-why-not-committed",
            WhyKind::Shallow => "serve-status-why-shallow",
            WhyKind::Git => "serve-status-why-git",
        };
        let file = item.translation.display().to_string();
        self.ta(
            id,
            &[
                ("file", FluentValue::from(file)),
                ("detail", FluentValue::from(why.message.as_str())),
            ],
        )
    }
}

/// The board's anchor for the translation of pair `p` in `lang`: `diff-`
/// and its site path, which the live-reload script builds from a page's
/// own address to link its outdated notice here.
pub fn anchor(hb: &Handbook, p: usize, lang: usize) -> String {
    let pair = &hb.pairs[p];
    format!("diff-{}", pair.urls[lang].as_deref().unwrap_or(&pair.key))
}
