//! Step 5, rendering: the render plan as data. `Site` binds the model, the
//! analysis (`Prepared`) and the compiled theme (`Renderer`); `Site::jobs`
//! lists every output file, `Site::run` turns one job into bytes (and the
//! pairs its page showed), and `Site::run_all` is the one job runner that
//! `brug build`, `check`, `bundle` and `serve` all use, in parallel with
//! rayon. A rebuild of a few pages is the same runner on a shorter list.

mod house;
pub mod minify;
mod pages;
pub mod renderer;
mod search;
mod side;

use crate::analyze::markdown::LinkStyle;
use crate::analyze::prepared::Prepared;
use crate::diagnostics::Diagnostic;
use crate::model::{Handbook, Lang, PairId};
use crate::text::hash::Source;
use crate::view::context::Views;
use crate::view::reader::Reader;
use rayon::prelude::*;
use renderer::Renderer;
use std::collections::HashMap;

/// How the output is written.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub minify: bool,
    pub links: LinkStyle,
    /// A draft: built although the handbook has errors, every page marked
    /// as such and kept out of search engines.
    pub draft: bool,
    /// `brug build --pdf`: the handbook's PDFs go into the site, and
    /// every page's print link offers them.
    pub pdf: bool,
}

/// One output file to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Job {
    /// A pair in a language: its page, or the missing-translation notice.
    Page(PairId, Lang),
    /// The alphabetical index of pages in a language (`LANG/search/`).
    PageIndex(Lang),
    /// The transfer overview in a language.
    Transfer(Lang),
    /// A taxonomy's page: its terms with counts.
    Taxonomy(usize, Lang),
    /// A term's page: its pages by kind.
    Term(usize, usize, Lang),
    /// The whole handbook of a language on one page, for printing.
    Print(Lang),
    /// A pair's versions side by side, in the reader's language.
    SideBySide(PairId, Lang),
    LanguageChooser,
    NotFound,
    Sitemap,
    /// A theme asset, by index in `Renderer::assets`.
    Asset(usize),
    /// The house style's stylesheet, when `[theme]` sets an accent.
    HouseStyle,
    /// A logo named in `[theme]`, by index in `house_style::images`.
    HouseImage(usize),
    /// A file from `content/` in a language folder.
    Static(usize, Lang),
    /// The search index of a language and its postings shards.
    SearchIndex(Lang),
    /// Text chunk `k` of a language's search targets (for snippets).
    SearchText(Lang, usize),
    /// The handbook's PDF in a language (`brug build --pdf`).
    Pdf(Lang),
}

impl Job {
    /// Does this job render a template (and so read pairs through views)?
    pub fn is_template(self) -> bool {
        !matches!(
            self,
            Job::Sitemap
                | Job::Asset(_)
                | Job::HouseStyle
                | Job::HouseImage(_)
                | Job::Static(..)
                | Job::SearchIndex(_)
                | Job::SearchText(..)
                | Job::Pdf(_)
        )
    }
}

/// One written file: site-relative path and bytes.
#[derive(Debug, Clone)]
pub struct Output {
    pub path: String,
    pub bytes: Vec<u8>,
    /// `bytes` are a page still to be minified (`finished` does it). It is
    /// the last step, and the costliest per byte, so a writer that finds
    /// the page unchanged since it last wrote it skips it.
    pub minify: bool,
    /// A hash of what the file is made from, when its job has one cheaper
    /// than its bytes (a page: template, strings and context); otherwise
    /// the writer hashes the bytes.
    pub source: Option<Source>,
    /// The destination holds this file, made from `source`, already
    /// (`Site::dest`): the job skipped it and `bytes` are empty.
    pub kept: bool,
}

impl Output {
    /// A file whose bytes are final.
    pub fn new(path: String, bytes: Vec<u8>) -> Output {
        Output {
            path,
            bytes,
            minify: false,
            source: None,
            kept: false,
        }
    }

    /// A file the destination holds already, made from `source`.
    pub fn kept(path: String, source: Source) -> Output {
        Output {
            source: Some(source),
            kept: true,
            ..Output::new(path, Vec::new())
        }
    }

    /// The file as it is written: minified, when it is a page still to be.
    pub fn finished(self) -> Output {
        match self.minify {
            true => Output {
                bytes: minify::html(&self.bytes),
                minify: false,
                ..self
            },
            false => self,
        }
    }
}

/// Per template job, the pairs whose data its page shows, as recorded
/// while rendering it: what a page depends on besides its own pair and the
/// site's structure (sections, link graph, overview pages).
pub type Reads = HashMap<Job, Vec<PairId>>;

/// A job's reads, or what went wrong with it.
type JobResult = Result<Option<Vec<PairId>>, Vec<Diagnostic>>;

/// What one job made.
pub struct Done {
    pub files: Vec<Output>,
    /// For a template job of a site that notes them, the pairs its page
    /// showed.
    pub reads: Option<Vec<PairId>>,
}

/// What running a list of jobs made besides its files.
#[derive(Default)]
pub struct Ran {
    /// How many jobs ran.
    pub jobs: usize,
    /// Failed jobs and files the sink refused.
    pub diagnostics: Vec<Diagnostic>,
    pub reads: Reads,
}

/// What a destination holds already, asked by a job before it makes its
/// files (a build into an output with a manifest).
pub trait Holds: Sync {
    /// Does it hold the file at `path`, made from `source`, as written?
    fn holds(&self, path: &str, source: &Source) -> bool;
    /// The files it holds made from `source`, when it holds each of them
    /// as written (a job that makes several files).
    fn holds_all(&self, source: &Source) -> Option<Vec<String>>;
}

/// The model, its analysis and the compiled theme, ready to run jobs.
#[derive(Clone, Copy)]
pub struct Site<'a> {
    pub hb: &'a Handbook,
    pub prepared: &'a Prepared,
    pub renderer: &'a Renderer,
    /// The typeset PDFs per language, for `Job::Pdf` (`brug build --pdf`;
    /// their names and sizes are in `Overviews::pdf`).
    pub pdfs: &'a [(Lang, Vec<u8>)],
    /// What the destination holds already (a build into an output with a
    /// manifest): a file found there is not made again.
    pub dest: Option<&'a dyn Holds>,
    /// Whether template jobs note the pairs their pages show (`Done::reads`),
    /// which only a model kept for rendering again needs.
    pub note_reads: bool,
}

impl<'a> Site<'a> {
    pub fn new(hb: &'a Handbook, prepared: &'a Prepared, renderer: &'a Renderer) -> Self {
        Site {
            hb,
            prepared,
            renderer,
            pdfs: &[],
            dest: None,
            note_reads: true,
        }
    }

    /// The same site, its template jobs noting no reads: for a build that
    /// keeps no model (each page's list of hundreds of pairs, sorted, adds
    /// up to megabytes).
    pub fn without_reads(self) -> Self {
        Site {
            note_reads: false,
            ..self
        }
    }

    /// The same site, skipping the files `dest` holds already.
    pub fn holding(self, dest: &'a dyn Holds) -> Self {
        Site {
            dest: Some(dest),
            ..self
        }
    }

    /// The same site with the typeset PDFs among its files.
    pub fn with_pdfs(self, pdfs: &'a [(Lang, Vec<u8>)]) -> Self {
        Site { pdfs, ..self }
    }

    /// Runs every job of the site (`run_all` on `jobs()`).
    pub fn emit(&self, sink: &(dyn Fn(Output) -> anyhow::Result<()> + Sync)) -> Ran {
        self.run_all(&self.jobs(), sink)
    }

    /// `emit`, handing over pages before their minification, for a writer
    /// that minifies only the pages it has to write (`Output::finished`).
    pub fn emit_unfinished(&self, sink: &(dyn Fn(Output) -> anyhow::Result<()> + Sync)) -> Ran {
        self.run_unfinished(&self.jobs(), sink)
    }

    /// Runs `jobs` in parallel, handing each file to `sink` as soon as it
    /// is ready (so a site is never held in memory whole), and collects
    /// the diagnostics of failed jobs and the pairs each template showed.
    pub fn run_all(
        &self,
        jobs: &[Job],
        sink: &(dyn Fn(Output) -> anyhow::Result<()> + Sync),
    ) -> Ran {
        self.run_unfinished(jobs, &|output: Output| sink(output.finished()))
    }

    /// `run_all`, with pages not yet minified.
    fn run_unfinished(
        &self,
        jobs: &[Job],
        sink: &(dyn Fn(Output) -> anyhow::Result<()> + Sync),
    ) -> Ran {
        let results: Vec<(Job, JobResult)> = jobs
            .par_iter()
            .map(|&job| {
                let result = self.run(job).map_err(|d| vec![d]).and_then(|done| {
                    let refused: Vec<Diagnostic> = done
                        .files
                        .into_iter()
                        .filter_map(|output| {
                            let path = output.path.clone();
                            sink(output)
                                .err()
                                .map(|e| Diagnostic::error(path, format!("{e:#}")))
                        })
                        .collect();
                    refused.is_empty().then_some(done.reads).ok_or(refused)
                });
                (job, result)
            })
            .collect();
        let mut ran = Ran {
            jobs: jobs.len(),
            ..Ran::default()
        };
        for (job, result) in results {
            match result {
                Ok(Some(reads)) => {
                    ran.reads.insert(job, reads);
                }
                Ok(None) => {}
                Err(diags) => ran.diagnostics.extend(diags),
            }
        }
        ran
    }

    /// Produces the files of one job (one, except for a search index);
    /// pages come before their minification (`Output::finished`).
    pub fn run(&self, job: Job) -> Result<Done, Diagnostic> {
        let hb = self.hb;
        let file = |output| Done {
            files: vec![output],
            reads: None,
        };
        match job {
            Job::SearchIndex(lang) => Ok(Done {
                files: self.search_index(lang),
                reads: None,
            }),
            Job::SearchText(lang, k) => Ok(file(self.search_text(lang, k))),
            Job::Sitemap => Ok(file(Output::new(
                "sitemap.xml".into(),
                crate::view::sitemap::render(hb, &self.prepared.overviews.pages()).into_bytes(),
            ))),
            Job::Asset(i) => {
                let (path, bytes) = &self.renderer.assets[i];
                let bytes = match self.renderer.opts.minify {
                    true => minify::asset(path, bytes.clone()),
                    false => bytes.clone(),
                };
                Ok(file(Output::new(format!("static/{path}"), bytes)))
            }
            Job::Pdf(lang) => self.pdf(lang).map(file),
            Job::HouseStyle => self.house_css().map(file),
            Job::HouseImage(i) => self.house_image(i).map(file),
            Job::Static(i, lang) => {
                let f = &hb.statics[i];
                let bytes = std::fs::read(&f.source).map_err(|e| {
                    Diagnostic::error(
                        crate::diagnostics::display_path(&hb.root, &f.source),
                        format!("cannot read: {e}"),
                    )
                })?;
                Ok(file(Output::new(f.urls[lang].clone(), bytes)))
            }
            job => {
                let views = self.views(job);
                let output = self.run_template(job, &views)?;
                Ok(Done {
                    files: vec![output],
                    reads: self.note_reads.then(|| views.take_reads()),
                })
            }
        }
    }

    /// The views a template job builds its context from: every pair it
    /// reads through them is noted.
    fn views(&self, job: Job) -> Views<'a> {
        let mut style = self.renderer.links();
        // From file:// a folder link does not open its index.html, and the
        // chooser is what an offline reader opens first.
        if job == Job::LanguageChooser {
            style.explicit_index = true;
        }
        Views {
            reader: match self.note_reads {
                true => Reader::new(self.hb),
                false => Reader::unnoting(self.hb),
            },
            strings: self.renderer.strings(),
            graph: &self.prepared.graph,
            overviews: &self.prepared.overviews,
            style,
            draft: self.renderer.draft(),
            minified: self.renderer.opts.minify,
        }
    }

    /// Every output file of the site.
    pub fn jobs(&self) -> Vec<Job> {
        let hb = self.hb;
        let langs = hb.config.languages.len();
        // The search indexes are the longest jobs: start them first.
        let mut jobs: Vec<Job> = (0..langs).map(Job::SearchIndex).collect();
        for lang in 0..langs {
            let targets = self
                .search_pages(lang)
                .map(|(_, page)| self.prepared.markdown[page].sections.len())
                .sum::<usize>();
            let chunks = targets.div_ceil(crate::search::index::CHUNK);
            jobs.extend((0..chunks).map(|k| Job::SearchText(lang, k)));
        }
        jobs.extend([Job::LanguageChooser, Job::NotFound, Job::Sitemap]);
        for (pair, p) in hb.pairs.iter().enumerate() {
            jobs.extend(
                (0..langs)
                    .filter(|&l| p.urls[l].is_some())
                    .map(|l| Job::Page(pair, l)),
            );
        }
        let overviews = &self.prepared.overviews;
        for pair in 0..hb.pairs.len() {
            jobs.extend(
                (0..langs)
                    .filter(|&l| overviews.side_url(&hb.pairs[pair], l).is_some())
                    .map(|l| Job::SideBySide(pair, l)),
            );
        }
        jobs.extend((0..langs).map(Job::PageIndex));
        if self.prepared.overviews.transfer.is_some() {
            jobs.extend((0..langs).map(Job::Transfer));
        }
        for t in 0..self.prepared.overviews.taxonomies.len() {
            jobs.extend((0..langs).map(|l| Job::Taxonomy(t, l)));
        }
        jobs.extend(
            self.prepared
                .overviews
                .term_pages()
                .map(|(t, i, l)| Job::Term(t, i, l)),
        );
        if self.prepared.overviews.print.is_some() {
            jobs.extend((0..langs).map(Job::Print));
        }
        jobs.extend((0..self.renderer.assets.len()).map(Job::Asset));
        let style = &hb.config.theme;
        if style.accent().is_some() {
            jobs.push(Job::HouseStyle);
        }
        jobs.extend((0..crate::source::house_style::images(style).len()).map(Job::HouseImage));
        for s in 0..hb.statics.len() {
            jobs.extend((0..langs).map(|l| Job::Static(s, l)));
        }
        jobs.extend(self.pdfs.iter().map(|(lang, _)| Job::Pdf(*lang)));
        jobs
    }

    /// The typeset PDF of `lang`, under the name `Overviews::pdf` gives it.
    fn pdf(&self, lang: Lang) -> Result<Output, Diagnostic> {
        let file = self
            .prepared
            .overviews
            .pdf
            .get(lang)
            .and_then(Option::as_ref);
        let bytes = self.pdfs.iter().find(|(l, _)| *l == lang).map(|(_, b)| b);
        match (file, bytes) {
            (Some(file), Some(bytes)) => Ok(Output::new(file.url.clone(), bytes.clone())),
            _ => Err(Diagnostic::error(
                "handbook.toml",
                "the PDF of a language was not typeset before the site was rendered",
            )
            .hint("this is a mistake in brug; please report it")),
        }
    }
}
