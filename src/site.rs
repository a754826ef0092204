//! The build pipeline, end to end: load → theme and strings → render →
//! write. `check` runs the same steps without writing. Diagnostics from every
//! step are collected; output is written only when there is no error.

use crate::diagnostics::Diagnostic;
use crate::i18n::Strings;
use crate::load::load;
use crate::markdown::LinkStyle;
use crate::model::{Handbook, Translation};
use crate::output;
use crate::render::{Output, RenderOptions, Site};
use crate::theme::Theme;
use std::path::Path;
use std::time::{Duration, Instant};

/// What a build or check did, for the one-line summary and for tests.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// (language, pages written) per language.
    pub pages: Vec<(String, usize)>,
    pub missing: usize,
    pub outdated: usize,
    pub files: usize,
    pub written: bool,
    pub elapsed: Duration,
}

impl Report {
    pub fn errors(&self) -> usize {
        crate::diagnostics::count(&self.diagnostics).0
    }

    pub fn warnings(&self) -> usize {
        crate::diagnostics::count(&self.diagnostics).1
    }
}

/// Loads, renders and (when `out` is given and nothing failed) writes the site.
pub fn run(root: &Path, out: Option<&Path>, opts: RenderOptions) -> Report {
    let start = Instant::now();
    let mut report = Report::default();
    if let Some(out) = out {
        if let Err(e) = output::check_target(out) {
            report
                .diagnostics
                .push(Diagnostic::error(out, format!("{e:#}")));
            return report;
        }
    }
    let loaded = load(root);
    report.diagnostics = loaded.diagnostics;
    let Some(hb) = loaded.handbook else {
        return finish(report, start);
    };
    summarize(&hb, &mut report);
    let opts = RenderOptions {
        minify: opts.minify && hb.config.minify,
        ..opts
    };
    let outputs = render(&hb, opts, &mut report.diagnostics);
    if report.errors() > 0 {
        return finish(report, start);
    }
    if let (Some(out), Some(files)) = (out, outputs) {
        report.files = files.len();
        match output::write_site(out, &files) {
            Ok(()) => report.written = true,
            Err(e) => report
                .diagnostics
                .push(Diagnostic::error(out, format!("{e:#}"))),
        }
    }
    finish(report, start)
}

fn finish(mut report: Report, start: Instant) -> Report {
    crate::diagnostics::sort(&mut report.diagnostics);
    report.diagnostics.dedup();
    report.elapsed = start.elapsed();
    report
}

/// Renders every output file of `hb`; `None` when templates or strings fail.
pub fn render(
    hb: &Handbook,
    opts: RenderOptions,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<Output>> {
    let (mut theme, theme_diags) = Theme::load(&hb.root);
    diags.extend(theme_diags);
    let (strings, string_diags) =
        Strings::load(std::mem::take(&mut theme.strings), &hb.config.languages);
    diags.extend(string_diags);
    let strings = strings?;
    let (site, site_diags) = Site::prepare(hb, theme, strings, opts);
    diags.extend(site_diags);
    let site = site?;
    let (outputs, run_diags) = site.run_all();
    diags.extend(run_diags);
    Some(outputs)
}

fn summarize(hb: &Handbook, report: &mut Report) {
    report.pages = (0..hb.config.languages.len())
        .map(|l| {
            (
                hb.lang_code(l).to_string(),
                hb.pairs.iter().filter(|p| p.pages[l].is_some()).count(),
            )
        })
        .collect();
    for pair in &hb.pairs {
        for status in &pair.status {
            match status {
                Translation::Missing => report.missing += 1,
                Translation::Outdated { .. } => report.outdated += 1,
                Translation::Current => {}
            }
        }
    }
}

/// Default render options for `brug build`.
pub fn options(minify: bool) -> RenderOptions {
    RenderOptions {
        minify,
        links: LinkStyle::default(),
    }
}
