//! The build pipeline, end to end: load → theme and strings → render →
//! write. `check` runs the same steps without writing. Diagnostics from every
//! step are collected; output is written only when there is no error.

use crate::analyze::markdown::LinkStyle;
use crate::analyze::overview::PdfFile;
use crate::analyze::prepared::Prepared;
use crate::build::output;
use crate::diagnostics::Diagnostic;
use crate::model::load::load;
use crate::model::{Handbook, Translation};
use crate::render::renderer::Renderer;
use crate::render::{Output, Ran, Reads, RenderOptions, Site};
use crate::source::strings::Strings;
use crate::source::theme::Theme;
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
    /// (language, bytes of `search/index-LANG.js` and its dictionary's
    /// blocks): the index a reader's queries read from.
    pub search: Vec<(String, usize)>,
    /// Files written, unchanged and removed in the output folder.
    pub output: Option<crate::build::output::Written>,
}

impl Report {
    pub fn errors(&self) -> usize {
        crate::diagnostics::count(&self.diagnostics).0
    }

    pub fn warnings(&self) -> usize {
        crate::diagnostics::count(&self.diagnostics).1
    }

    /// Did every job of `ran` succeed, with no error before it?
    fn written_ok(&self, ran: &Ran) -> bool {
        ran.diagnostics.is_empty() && self.errors() == 0
    }
}

/// Where a build's files go.
#[derive(Clone, Copy)]
pub enum Dest<'a> {
    /// Nowhere: `brug check`.
    Check,
    /// A folder, written aside and swapped in when nothing failed.
    Dir(&'a Path),
    /// A function, as each file is ready (`brug serve` keeps them in memory).
    Memory(&'a (dyn Fn(Output) + Sync)),
}

/// Loads, renders and (when `out` is given and nothing failed) writes the site.
pub fn run(root: &Path, out: Option<&Path>, opts: RenderOptions) -> Report {
    match out {
        Some(dir) => run_to(root, Dest::Dir(dir), opts),
        None => run_to(root, Dest::Check, opts),
    }
}

/// Loads and renders the site into `dest`.
pub fn run_to(root: &Path, dest: Dest, opts: RenderOptions) -> Report {
    run_keeping(root, dest, opts).0
}

/// What a successful build or check made besides its files: the model,
/// the analysis, the compiled theme and the pairs each template showed.
/// `brug serve` keeps it to rebuild only what a change affects; `brug
/// pdf` typesets from it.
pub struct Built {
    pub hb: Handbook,
    pub prepared: Prepared,
    pub renderer: Renderer,
    /// The pairs each template job showed (`brug serve` only).
    pub reads: Reads,
    /// The diagnostics about single files (`Loaded::file_diagnostics`).
    pub file_diagnostics: Vec<Diagnostic>,
}

/// `run_to`, also handing back the model of a successful in-memory build.
pub fn run_keeping(root: &Path, dest: Dest, opts: RenderOptions) -> (Report, Option<Built>) {
    run_inspecting(root, dest, opts, &mut |_, _| {})
}

/// `brug check`, handing `inspect` the model and its analysis as soon as
/// they exist, also when they hold errors, so that one run reports every
/// problem (`check --external` reads the external links there).
pub fn check_inspecting(root: &Path, inspect: &mut dyn FnMut(&Handbook, &Prepared)) -> Report {
    run_inspecting(root, Dest::Check, options(false), inspect).0
}

fn run_inspecting(
    root: &Path,
    dest: Dest,
    opts: RenderOptions,
    inspect: &mut dyn FnMut(&Handbook, &Prepared),
) -> (Report, Option<Built>) {
    let start = Instant::now();
    let mut report = Report::default();
    if let Dest::Dir(out) = dest {
        if let Err(d) = check_out(root, out) {
            report.diagnostics.push(d);
            return (report, None);
        }
    }
    let loaded = load(root);
    report.diagnostics = loaded.diagnostics;
    let Some(mut hb) = loaded.handbook else {
        return (finish(report, start), None);
    };
    summarize(&hb, &mut report);
    let opts = RenderOptions {
        minify: opts.minify && hb.config.minify,
        ..opts
    };
    // A build into a folder keeps no model: each page's text can go once
    // it is analysed, but a PDF typesets from the texts afterwards.
    let free = matches!(dest, Dest::Dir(_)) && !opts.pdf;
    // A first build renders every page, and holds every page's HTML until
    // then: compressed, a quarter of the memory. A build into its earlier
    // output renders few pages, and compressing all would cost it a tenth
    // of its time.
    let pack = free && matches!(dest, Dest::Dir(out) if !output::holds_a_build(out));
    let Some((prepared, renderer)) = prepare_to(
        &mut hb,
        opts,
        Freeing { free, pack },
        &mut report.diagnostics,
    ) else {
        return (finish(report, start), None);
    };
    inspect(&hb, &prepared);
    if opts.draft {
        draft(&mut report.diagnostics);
    }
    if report.errors() > 0 {
        return (finish(report, start), None);
    }
    let mut prepared = prepared;
    let pdfs = match opts.pdf {
        true => match typeset(&hb, &renderer, &mut prepared, &mut report.diagnostics) {
            Some(pdfs) => pdfs,
            None => return (finish(report, start), None),
        },
        false => Vec::new(),
    };
    if matches!(dest, Dest::Dir(_)) && opts.pdf {
        // Typeset: the texts can go now, but those the side-by-side views
        // render again.
        let sides = prepared.overviews.side_pages(&hb);
        hb.drop_sources(&|page| sides[page]);
    }
    let site = Site::new(&hb, &prepared, &renderer).with_pdfs(&pdfs);
    let reads = emit(&site, dest, &mut report);
    report.search.sort();
    let kept = matches!(dest, Dest::Memory(_) | Dest::Check).then(|| Built {
        reads,
        hb,
        prepared,
        renderer,
        file_diagnostics: loaded.file_diagnostics,
    });
    (finish(report, start), kept)
}

/// Typesets every language's PDF (`brug build --pdf`) and notes each
/// one's name and size for the pages' print links; None when one failed.
fn typeset(
    hb: &Handbook,
    renderer: &Renderer,
    prepared: &mut Prepared,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<(crate::model::Lang, Vec<u8>)>> {
    let langs: Vec<_> = (0..hb.config.languages.len()).collect();
    let typeset = crate::build::pdf::typeset(hb, prepared, renderer.strings(), &langs, diags)?;
    prepared.overviews.pdf = langs
        .iter()
        .map(|&l| {
            let t = typeset.iter().find(|t| t.lang == l)?;
            Some(PdfFile {
                url: crate::pdf::file_name(hb, l),
                bytes: t.bytes.len(),
            })
        })
        .collect();
    Some(typeset.into_iter().map(|t| (t.lang, t.bytes)).collect())
}

/// A draft is built in spite of the handbook's errors: each is shown as
/// a warning that says so. (Errors that leave nothing to build, in
/// `handbook.toml` or the theme, stop before this.)
fn draft(diagnostics: &mut [Diagnostic]) {
    for d in diagnostics.iter_mut().filter(|d| d.is_error()) {
        d.severity = crate::diagnostics::Severity::Warning;
        d.message = format!("{} (an error; built anyway as a draft)", d.message);
    }
}

/// An output folder brug may write: not inside `content/`, and its own.
fn check_out(root: &Path, out: &Path) -> Result<(), Diagnostic> {
    if inside(out, &root.join("content")) {
        return Err(Diagnostic::error(
            out,
            "the output folder is inside content/; every build would copy the previous one",
        )
        .hint("choose an --out outside content/, e.g. the default ROOT/public"));
    }
    output::check_target(out).map_err(|e| Diagnostic::error(out, format!("{e:#}")))
}

/// Runs every job into `dest`, noting in `report` the files, whether they
/// were written, failed jobs and the size of each search index. Returns
/// the pairs each template showed.
fn emit(site: &Site, dest: Dest, report: &mut Report) -> Reads {
    let search = std::sync::Mutex::new(Vec::new());
    // Notes the size of each search index on its way out; `len` is asked
    // for only there, since a kept file's length costs a `stat`.
    let measure = |path: &str, len: &dyn Fn() -> usize| {
        if let Some(lang) = search_language(path) {
            if let Ok(mut s) = search.lock() {
                s.push((lang.to_string(), len()));
            }
        }
    };
    let ran = match dest {
        Dest::Memory(keep) => site.emit(&|o| {
            measure(&o.path, &|| o.bytes.len());
            keep(o);
            Ok(())
        }),
        // check: render everything (template errors surface), keep nothing.
        Dest::Check => site.emit_unfinished(&|o| {
            measure(&o.path, &|| o.bytes.len());
            Ok(())
        }),
        Dest::Dir(out) => write(site, out, &measure, report),
    };
    report.files = ran.jobs;
    report.written = !matches!(dest, Dest::Check) && report.written_ok(&ran);
    report.diagnostics.extend(ran.diagnostics);
    let mut sizes: std::collections::BTreeMap<String, usize> = Default::default();
    for (lang, bytes) in search.into_inner().unwrap_or_default() {
        *sizes.entry(lang).or_default() += bytes;
    }
    report.search = sizes.into_iter().collect();
    ran.reads
}

/// The language of a search index file or of one of its dictionary's
/// blocks (`search/index-LANG.js`, `search/words-LANG-K.js`).
fn search_language(path: &str) -> Option<&str> {
    if let Some(rest) = path.strip_prefix("search/index-") {
        return rest.strip_suffix(".js");
    }
    let rest = path.strip_prefix("search/words-")?.strip_suffix(".js")?;
    rest.rsplit_once('-').map(|(lang, _)| lang)
}

/// Writes the site aside and swaps it in, unless a job failed.
fn write(
    site: &Site,
    out: &Path,
    measure: &(dyn Fn(&str, &dyn Fn() -> usize) + Sync),
    report: &mut Report,
) -> Ran {
    let mut ran = Ran::default();
    let written = output::write_site(out, |stage| {
        let site = site.holding(stage).without_reads();
        ran = output::with_writer(stage, |send| {
            site.emit_unfinished(&|o| {
                // A kept file's bytes are those in the output.
                measure(&o.path, &|| match o.kept {
                    true => std::fs::metadata(out.join(&o.path)).map_or(0, |m| m.len() as usize),
                    false => o.bytes.len(),
                });
                send(o)
            })
        })?;
        match ran.diagnostics.is_empty() {
            true => Ok(()),
            false => anyhow::bail!("{} file(s) could not be rendered", ran.diagnostics.len()),
        }
    });
    match written {
        Ok(w) => report.output = Some(w),
        Err(e) if ran.diagnostics.is_empty() => report
            .diagnostics
            .push(Diagnostic::error(out, format!("{e:#}"))),
        Err(_) => {}
    }
    ran
}

/// Is `path` (which may not exist yet) inside the folder `dir`?
fn inside(path: &Path, dir: &Path) -> bool {
    let Ok(dir) = dir.canonicalize() else {
        return false;
    };
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    // Canonicalize the deepest part that exists, so `..` and links resolve.
    while !existing.exists() {
        match existing.parent() {
            Some(p) => existing = p,
            None => return false,
        }
    }
    existing.canonicalize().is_ok_and(|p| p.starts_with(&dir))
}

/// Sorts the report's diagnostics and notes the time taken.
pub fn finish(mut report: Report, start: Instant) -> Report {
    crate::diagnostics::sort(&mut report.diagnostics);
    report.diagnostics.dedup();
    report.elapsed = start.elapsed();
    report
}

/// The link graph as Graphviz DOT (for `brug check --graph`), with the
/// diagnostics found on the way.
pub fn graph(root: &Path) -> (Option<String>, Vec<Diagnostic>) {
    let loaded = load(root);
    let mut diags = loaded.diagnostics;
    let Some(hb) = loaded.handbook else {
        return (None, diags);
    };
    let dot = prepare(&hb, options(false), &mut diags).map(|(p, _)| p.graph.dot(&hb));
    crate::diagnostics::sort(&mut diags);
    (dot, diags)
}

/// Loads theme and strings, compiles the templates and analyses `hb`;
/// `None` when templates or strings are unusable.
pub fn prepare(
    hb: &Handbook,
    opts: RenderOptions,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Prepared, Renderer)> {
    let renderer = renderer(hb, opts, diags)?;
    let prepared = Prepared::build(hb, renderer.strings(), opts.links, diags);
    Some((prepared, renderer))
}

/// What a build into a folder frees or compresses while it runs.
struct Freeing {
    /// Each page's text as soon as it is analysed.
    free: bool,
    /// Each page's HTML, compressed until its page job.
    pack: bool,
}

/// `prepare`, freeing (`Prepared::build_freeing`) as `freeing` says.
fn prepare_to(
    hb: &mut Handbook,
    opts: RenderOptions,
    freeing: Freeing,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Prepared, Renderer)> {
    let renderer = renderer(hb, opts, diags)?;
    let strings = renderer.strings();
    let prepared = match freeing.free {
        true => Prepared::build_freeing(hb, strings, opts.links, freeing.pack, diags),
        false => Prepared::build(hb, strings, opts.links, diags),
    };
    Some((prepared, renderer))
}

/// Loads the theme and strings of `hb` and compiles the templates.
pub fn renderer(
    hb: &Handbook,
    opts: RenderOptions,
    diags: &mut Vec<Diagnostic>,
) -> Option<Renderer> {
    let (mut theme, theme_diags) = Theme::load(&hb.root);
    diags.extend(theme_diags);
    let (strings, string_diags) =
        Strings::load(std::mem::take(&mut theme.strings), &hb.config.languages);
    diags.extend(string_diags);
    let langs = hb.config.languages.len();
    Renderer::new(theme, strings?, langs, opts)
        .map_err(|d| diags.push(d))
        .ok()
}

/// Fills in the report's counts of pages per language and of missing and
/// outdated translations.
pub fn summarize(hb: &Handbook, report: &mut Report) {
    report.pages = (0..hb.config.languages.len())
        .map(|l| {
            (
                hb.lang_code(l).to_string(),
                hb.pairs.iter().filter(|p| p.pages[l].is_some()).count(),
            )
        })
        .collect();
    // A page that exists but could not be read is an error already, not
    // also a missing translation.
    let unreadable: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .filter_map(|d| d.file.strip_prefix("content").ok())
        .map(|f| f.to_string_lossy().replace('\\', "/"))
        .collect();
    for pair in &hb.pairs {
        for (lang, status) in pair.status.iter().enumerate() {
            let file = format!(
                "{}.{}.md",
                crate::model::join(&pair.dir, &pair.name),
                hb.lang_code(lang)
            );
            match status {
                Translation::Missing if unreadable.contains(&file) => {}
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
        draft: false,
        pdf: false,
    }
}

#[cfg(test)]
mod tests {
    use super::search_language;

    #[test]
    fn the_index_and_its_dictionary_blocks_count_for_their_language() {
        assert_eq!(search_language("search/index-nl.js"), Some("nl"));
        assert_eq!(search_language("search/words-de-12.js"), Some("de"));
        assert_eq!(search_language("search/words-nl-be-0.js"), Some("nl-be"));
        assert_eq!(search_language("search/post-nl-0.js"), None);
        assert_eq!(search_language("nl/index.js"), None);
    }
}
