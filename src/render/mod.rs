//! Rendering: the render plan as data. `Site::prepare` renders every page's
//! Markdown once (in parallel) and checks anchors; `Site::jobs` lists every
//! output file; `Site::run` turns one job into bytes. A full build runs all
//! jobs with rayon; a single-page rebuild is the same code on a shorter list.

pub mod minify;

use crate::analyze::glossary::{self, Glossary};
use crate::analyze::graph::Graph;
use crate::analyze::highlight::Highlighter;
use crate::analyze::markdown::{self, Glossing, LinkStyle, Rendered};
use crate::analyze::overview::Overviews;
use crate::diagnostics::Diagnostic;
use crate::model::{Handbook, Lang, PairId};
use crate::source::strings::{Strings, TeraStrings};
use crate::source::theme::Theme;
use crate::view::context::{PageContext, SiteContext, Views};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// How the output is written.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub minify: bool,
    pub links: LinkStyle,
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
    LanguageChooser,
    NotFound,
    Sitemap,
    /// A theme asset, by index in `Site::assets`.
    Asset(usize),
    /// A file from `content/` in a language folder.
    Static(usize, Lang),
    /// The search index of a language and its postings shards.
    SearchIndex(Lang),
    /// Text chunk `k` of a language's search targets (for snippets).
    SearchText(Lang, usize),
}

/// One written file: site-relative path and bytes.
#[derive(Debug, Clone)]
pub struct Output {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// What `prepare` makes from the content, kept by `brug serve` between
/// changes: every page's rendered Markdown and what follows from links and
/// front matter alone.
pub struct Parts {
    pub markdown: Vec<Rendered>,
    /// `None`: compute them again.
    pub derived: Option<Derived>,
    /// The pairs whose data each rendered template showed (`Reads`).
    pub reads: Reads,
    /// Pages whose Markdown must be rendered again (their file changed).
    pub stale: Vec<usize>,
}

/// Per template job, the pairs whose data its page shows, as recorded
/// while rendering it: what a page depends on besides its own pair and the
/// site's structure (sections, link graph, overview pages).
pub type Reads = HashMap<Job, Vec<PairId>>;

/// The link graph and the generated pages' plan.
pub struct Derived {
    pub graph: Graph,
    pub overviews: Overviews,
}

/// Everything rendering needs, prepared once per build.
pub struct Site<'a> {
    pub hb: &'a Handbook,
    strings: Arc<Strings>,
    teras: Vec<tera::Tera>,
    assets: Vec<(String, Vec<u8>)>,
    /// Rendered Markdown per page id.
    pub markdown: Vec<Rendered>,
    /// Links between pairs: backlinks, related pages.
    pub graph: Graph,
    /// The generated pages: transfer overview, taxonomies.
    pub overviews: Overviews,
    /// Term definitions and uses.
    pub glossary: Glossary,
    /// Filled as template jobs run.
    reads: Mutex<Reads>,
    opts: RenderOptions,
}

impl<'a> Site<'a> {
    /// Compiles templates and renders all Markdown, unless `reuse` holds
    /// what an earlier build made from this very content (`brug serve`
    /// re-renders only the page that changed). Diagnostics (template
    /// errors, broken links and anchors) are returned beside the site.
    pub fn prepare_reusing(
        hb: &'a Handbook,
        theme: Theme,
        strings: Strings,
        opts: RenderOptions,
        reuse: Option<Parts>,
    ) -> (Option<Site<'a>>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let (rendered, derived, reads, stale) = match reuse {
            Some(p) => (Some(p.markdown), p.derived, p.reads, p.stale),
            None => (None, None, Reads::new(), Vec::new()),
        };
        let strings = Arc::new(strings);
        let mut base = tera::Tera::default();
        base.autoescape_on(vec![".html", ".xml"]);
        // Escape what HTML needs, not `/`: tera's default turns every URL
        // into `..&#x2F;..&#x2F;`, bloating pages for nothing.
        base.set_escape_fn(crate::text::escape::html);
        let templates: Vec<(String, String)> = theme.templates.into_iter().collect();
        if let Err(e) = base.add_raw_templates(templates) {
            diags.push(template_error(&e));
            return (None, diags);
        }
        let teras = (0..hb.config.languages.len())
            .map(|lang| {
                let mut t = base.clone();
                t.register_function(
                    "t",
                    TeraStrings {
                        strings: strings.clone(),
                        lang,
                    },
                );
                t
            })
            .collect();
        let hl = Highlighter::default();
        let render_page = |id: usize, glossing: Glossing| {
            let page = &hb.pages[id];
            let url = hb
                .page_pair(id)
                .and_then(|pair| hb.pairs[pair].urls[page.lang].as_deref());
            match url {
                Some(url) => markdown::render(hb, page, url, &hl, opts.links, glossing),
                None => Rendered::default(),
            }
        };
        // The glossary first: every other page's links to it need its
        // definitions for their tooltips.
        let glossary_pair = glossary::find(hb, &mut diags);
        let glossary_pages: Vec<usize> = glossary_pair
            .map(|p| hb.pairs[p].pages.iter().flatten().copied().collect())
            .unwrap_or_default();
        let rendered = rendered.filter(|r| r.len() == hb.pages.len());
        let first: HashMap<usize, Rendered> = glossary_pages
            .iter()
            .map(|&id| match &rendered {
                Some(r) if !stale.contains(&id) => (id, r[id].clone()),
                _ => (id, render_page(id, Glossing::Define)),
            })
            .collect();
        let mut glossary = Glossary::new(hb, glossary_pair, &first);
        let linking = match glossary.pair {
            Some(pair) => Glossing::Link {
                pair,
                definitions: &glossary.definitions,
            },
            None => Glossing::Off,
        };
        let markdown: Vec<Rendered> = match rendered {
            Some(mut r) => {
                for &id in &stale {
                    r[id] = match first.get(&id) {
                        Some(g) => g.clone(),
                        None => render_page(id, linking),
                    };
                }
                r
            }
            None => {
                let mut markdown: Vec<Rendered> = (0..hb.pages.len())
                    .into_par_iter()
                    .map(|id| {
                        if first.contains_key(&id) {
                            Rendered::default()
                        } else {
                            render_page(id, linking)
                        }
                    })
                    .collect();
                for (id, r) in first {
                    markdown[id] = r;
                }
                markdown
            }
        };
        glossary.count_uses(hb, &markdown);
        for r in &markdown {
            diags.extend(r.diagnostics.iter().cloned());
        }
        let (graph, overviews) = match derived {
            // Same links, anchors and front matter as when these were made.
            Some(d) => (d.graph, d.overviews),
            None => {
                crate::analyze::anchors::check(hb, &markdown, &mut diags);
                let graph = Graph::build(hb, &markdown, &mut diags);
                graph.check(hb, &mut diags);
                let overviews = Overviews::build(hb, &strings, &mut diags);
                (graph, overviews)
            }
        };
        let assets = theme.assets.into_iter().collect();
        (
            Some(Site {
                hb,
                strings,
                teras,
                assets,
                markdown,
                graph,
                overviews,
                glossary,
                reads: Mutex::new(reads),
                opts,
            }),
            diags,
        )
    }

    /// Gives back what `prepare` made from the content (for the next
    /// `prepare_reusing`).
    pub fn into_parts(self) -> Parts {
        Parts {
            markdown: self.markdown,
            derived: Some(Derived {
                graph: self.graph,
                overviews: self.overviews,
            }),
            reads: self.reads.into_inner().unwrap_or_default(),
            stale: Vec::new(),
        }
    }

    /// The reads recorded so far (those of the build this site reuses,
    /// then of the jobs run since).
    pub fn reads(&self) -> std::sync::MutexGuard<'_, Reads> {
        self.reads.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The glossary's pair and its definitions, for rendering a page on
    /// its own the way `prepare` did.
    pub fn glossing(&self) -> Glossing<'_> {
        match self.glossary.pair {
            Some(pair) => Glossing::Link {
                pair,
                definitions: &self.glossary.definitions,
            },
            None => Glossing::Off,
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
                .map(|(_, page)| self.markdown[page].sections.len())
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
        jobs.extend((0..langs).map(Job::PageIndex));
        if self.overviews.transfer.is_some() {
            jobs.extend((0..langs).map(Job::Transfer));
        }
        for t in 0..self.overviews.taxonomies.len() {
            jobs.extend((0..langs).map(|l| Job::Taxonomy(t, l)));
        }
        jobs.extend(
            self.overviews
                .term_pages()
                .map(|(t, i, l)| Job::Term(t, i, l)),
        );
        if self.overviews.print.is_some() {
            jobs.extend((0..langs).map(Job::Print));
        }
        jobs.extend((0..self.assets.len()).map(Job::Asset));
        for s in 0..hb.statics.len() {
            jobs.extend((0..langs).map(|l| Job::Static(s, l)));
        }
        jobs
    }

    /// Runs all jobs in parallel, handing each file to `sink` as soon as it
    /// is ready (so the site is never held in memory whole). Returns the
    /// number of files and the diagnostics of failed jobs.
    pub fn emit(
        &self,
        sink: &(dyn Fn(Output) -> anyhow::Result<()> + Sync),
    ) -> (usize, Vec<Diagnostic>) {
        let jobs = self.jobs();
        let diags: Vec<Diagnostic> = jobs
            .par_iter()
            .flat_map_iter(|&job| match self.run(job) {
                Ok(outputs) => outputs
                    .into_iter()
                    .filter_map(|output| {
                        let path = output.path.clone();
                        sink(output)
                            .err()
                            .map(|e| Diagnostic::error(path, format!("{e:#}")))
                    })
                    .collect::<Vec<_>>(),
                Err(d) => vec![d],
            })
            .collect();
        (jobs.len(), diags)
    }

    /// Produces the files of one job (one, except for a search index).
    pub fn run(&self, job: Job) -> Result<Vec<Output>, Diagnostic> {
        match job {
            Job::SearchIndex(lang) => Ok(self.search_index(lang)),
            job => self.run_one(job).map(|o| vec![o]),
        }
    }

    /// The pages a language's search covers (those that exist in it), in
    /// pair order: (pair, page id).
    fn search_pages(&self, lang: Lang) -> impl Iterator<Item = (PairId, usize)> + '_ {
        self.hb
            .pairs
            .iter()
            .enumerate()
            .filter_map(move |(pair, p)| {
                p.urls[lang].as_ref()?;
                Some((pair, p.pages[lang]?))
            })
    }

    fn search_index(&self, lang: Lang) -> Vec<Output> {
        let hb = self.hb;
        let views = self.views();
        let mut pages = Vec::new();
        let mut markdown = Vec::new();
        for (pair, page) in self.search_pages(lang) {
            let p = &hb.pairs[pair];
            let url = p.urls[lang].as_deref().unwrap_or_default();
            let section = hb.sections[p.section]
                .index
                .filter(|&s| s != pair)
                .map(|s| hb.title(s, lang).to_string())
                .unwrap_or_default();
            let other = (0..hb.config.languages.len())
                .filter(|&l| l != lang && p.pages[l].is_some())
                .find_map(|l| Some((p.urls[l].clone()?, hb.lang_code(l).to_string())));
            pages.push(crate::search::index::PageInfo {
                pair,
                title: hb.pages[page].front.title.clone(),
                url: views_url(&views, url),
                section,
                other: other.map(|(u, l)| (views_url(&views, &u), l)),
            });
            markdown.push(&self.markdown[page]);
        }
        crate::search::index::build(hb, lang, &pages, &markdown)
            .files
            .into_iter()
            .map(|(path, text)| Output {
                path,
                bytes: text.into_bytes(),
            })
            .collect()
    }

    fn search_text(&self, lang: Lang, k: usize) -> Output {
        let chunk = crate::search::index::CHUNK;
        // Skip whole pages up to the chunk's first target, then take.
        let mut skip = k * chunk;
        let mut sections: Vec<&crate::analyze::markdown::TextSection> = Vec::with_capacity(chunk);
        for (_, page) in self.search_pages(lang) {
            let list = &self.markdown[page].sections;
            if skip >= list.len() {
                skip -= list.len();
                continue;
            }
            sections.extend(list[skip..].iter().take(chunk - sections.len()));
            skip = 0;
            if sections.len() == chunk {
                break;
            }
        }
        let code = self.hb.lang_code(lang);
        Output {
            path: format!("search/text-{code}-{k}.js"),
            bytes: crate::search::index::text_chunk(code, k, &sections).into_bytes(),
        }
    }

    /// Produces one output file.
    fn run_one(&self, job: Job) -> Result<Output, Diagnostic> {
        let hb = self.hb;
        match job {
            Job::SearchIndex(_) => Err(Diagnostic::error("search", "a search index is many files")),
            Job::SearchText(lang, k) => Ok(self.search_text(lang, k)),
            Job::Sitemap => Ok(Output {
                path: "sitemap.xml".into(),
                bytes: crate::view::sitemap::render(hb, &self.overviews.pages()).into_bytes(),
            }),
            Job::Asset(i) => Ok(Output {
                path: format!("static/{}", self.assets[i].0),
                bytes: if self.opts.minify {
                    minify::asset(&self.assets[i].0, self.assets[i].1.clone())
                } else {
                    self.assets[i].1.clone()
                },
            }),
            Job::Static(i, lang) => {
                let file = &hb.statics[i];
                let bytes = std::fs::read(&file.source).map_err(|e| {
                    Diagnostic::error(
                        crate::diagnostics::display_path(&hb.root, &file.source),
                        format!("cannot read: {e}"),
                    )
                })?;
                Ok(Output {
                    path: file.urls[lang].clone(),
                    bytes,
                })
            }
            job => {
                let views = match job {
                    // From file:// a folder link does not open its
                    // index.html, and the chooser is what an offline
                    // reader opens first.
                    Job::LanguageChooser => Views {
                        style: LinkStyle {
                            explicit_index: true,
                            ..Default::default()
                        },
                        ..self.views()
                    },
                    _ => self.views(),
                };
                let output = self.run_template(job, &views);
                if let Ok(mut reads) = self.reads.lock() {
                    reads.insert(job, views.take_reads());
                }
                output
            }
        }
    }

    /// Produces the file of a job that renders a template, with `views`
    /// noting which pairs it shows.
    fn run_template(&self, job: Job, views: &Views) -> Result<Output, Diagnostic> {
        let hb = self.hb;
        match job {
            Job::Page(pair, lang) => {
                let url = hb.pairs[pair].urls[lang].clone().unwrap_or_default();
                let html = self.page_html(views, pair, lang, &url)?;
                Ok(self.html(format!("{url}index.html"), html))
            }
            Job::PageIndex(lang) => {
                let url = format!("{}/search/", hb.lang_code(lang));
                let html = self.page_index(views, lang, &url)?;
                Ok(self.html(format!("{url}index.html"), html))
            }
            Job::Transfer(lang) => {
                let ctx = views.transfer_page(lang).ok_or_else(|| {
                    Diagnostic::error("content", "there is no practice with a [transfer] table")
                })?;
                let url = self
                    .overviews
                    .transfer
                    .as_ref()
                    .map_or(String::new(), |u| u[lang].clone());
                self.overview_html(lang, "transfer.html", &url, &ctx)
            }
            Job::Taxonomy(t, lang) => {
                let ctx = views.taxonomy_page(t, lang);
                let url = self.overviews.taxonomies[t].urls[lang].clone();
                self.overview_html(lang, "taxonomy.html", &url, &ctx)
            }
            Job::Term(t, i, lang) => {
                let ctx = views.term_page(t, i, lang);
                let url = self.overviews.taxonomies[t].terms[i].urls[lang].clone();
                self.overview_html(lang, "term.html", &url, &ctx)
            }
            Job::Print(lang) => {
                let url = self
                    .overviews
                    .print
                    .as_ref()
                    .map_or(String::new(), |u| u[lang].clone());
                let style = LinkStyle {
                    print: true,
                    ..self.opts.links
                };
                let hl = Highlighter::default();
                let htmls: Vec<String> = self.overviews.chapters[lang]
                    .par_iter()
                    .map(|&(pair, _)| {
                        let page = &hb.pages[hb.pairs[pair].best_page(lang)];
                        markdown::render(hb, page, &url, &hl, style, Glossing::Off).html
                    })
                    .collect();
                let ctx = views.print_page(lang, htmls).ok_or_else(|| {
                    Diagnostic::error("content", "this handbook is too large for a print view")
                })?;
                self.overview_html(lang, "print.html", &url, &ctx)
            }
            Job::LanguageChooser => {
                let html = self.chooser(views)?;
                Ok(self.html("index.html".into(), html))
            }
            Job::NotFound => {
                let html = self.not_found(views)?;
                Ok(self.html("404.html".into(), html))
            }
            other => Err(Diagnostic::error(
                "themes",
                format!("{other:?} renders no template"),
            )),
        }
    }

    fn views(&self) -> Views<'_> {
        Views {
            hb: self.hb,
            strings: &self.strings,
            graph: &self.graph,
            overviews: &self.overviews,
            style: self.opts.links,
            reads: Default::default(),
        }
    }

    fn page_html(
        &self,
        views: &Views,
        pair: PairId,
        lang: Lang,
        url: &str,
    ) -> Result<String, Diagnostic> {
        let hb = self.hb;
        let p = &hb.pairs[pair];
        let filled;
        let (template, content, toc) = match p.pages[lang] {
            Some(page) => {
                let md = &self.markdown[page];
                let html = if Some(pair) == self.glossary.pair {
                    filled = crate::view::glossary::fill_uses(
                        &self.glossary,
                        &md.html,
                        views,
                        url,
                        lang,
                    );
                    filled.as_str()
                } else {
                    md.html.as_str()
                };
                let template = if Some(pair) == hb.home() {
                    "home.html"
                } else if p.is_index() {
                    "section.html"
                } else {
                    "page.html"
                };
                (template, html, md.toc.as_slice())
            }
            None => ("missing.html", "", &[][..]),
        };
        let ctx = PageContext {
            site: views.chrome(url, Some(pair), lang),
            page: views.page(pair, lang, content, toc),
        };
        let file = &hb.pages[p.best_page(lang)].file;
        self.render_template(lang, template, &ctx, file)
    }

    fn page_index(&self, views: &Views, lang: Lang, url: &str) -> Result<String, Diagnostic> {
        let hb = self.hb;
        let mut pages: Vec<_> = (0..hb.pairs.len())
            .filter_map(|p| views.link(url, p, lang))
            .collect();
        pages.sort_by_cached_key(|l| l.title.to_lowercase());
        let ctx = SiteContext {
            site: views.chrome(url, None, lang),
            pages,
            titles: Vec::new(),
        };
        self.render_template(
            lang,
            "search.html",
            &ctx,
            std::path::Path::new("themes/default/templates/search.html"),
        )
    }

    fn overview_html<C: serde::Serialize>(
        &self,
        lang: Lang,
        template: &str,
        url: &str,
        ctx: &C,
    ) -> Result<Output, Diagnostic> {
        let file = format!("themes/default/templates/{template}");
        let html = self.render_template(lang, template, ctx, std::path::Path::new(&file))?;
        Ok(self.html(format!("{url}index.html"), html))
    }

    fn chooser(&self, views: &Views) -> Result<String, Diagnostic> {
        let hb = self.hb;
        let default = hb.lang_index(&hb.config.default_language).unwrap_or(0);
        let site = views.chrome("index.html", None, default);
        let titles: Vec<(String, String)> = hb
            .config
            .languages
            .iter()
            .map(|c| (c.clone(), hb.config.title(c).to_string()))
            .collect();
        let ctx = SiteContext {
            site,
            pages: Vec::new(),
            titles,
        };
        self.render_template(
            default,
            "chooser.html",
            &ctx,
            std::path::Path::new("themes/default/templates/chooser.html"),
        )
    }

    /// The 404 page is served for missing URLs at any depth, so its links
    /// are absolute paths below the base URL's path (`/nl/`), not relative.
    fn not_found(&self, views: &Views) -> Result<String, Diagnostic> {
        let hb = self.hb;
        let default = hb.lang_index(&hb.config.default_language).unwrap_or(0);
        let base = base_path(&hb.config.base_url);
        // From "404.html" every relative href is a path from the site root.
        let mut site = views.chrome("404.html", None, default);
        site.root = base.clone();
        site.home_href = format!("{base}{}", site.home_href);
        site.search_href = format!("{base}{}", site.search_href);
        for href in site
            .languages
            .iter_mut()
            .map(|l| &mut l.href)
            .chain(site.nav.iter_mut().map(|n| &mut n.href))
            .chain(site.browse.iter_mut().map(|n| &mut n.href))
            .chain(site.print_href.iter_mut())
        {
            *href = format!("{base}{href}");
        }
        let ctx = SiteContext {
            site,
            pages: Vec::new(),
            titles: Vec::new(),
        };
        self.render_template(
            default,
            "404.html",
            &ctx,
            std::path::Path::new("themes/default/templates/404.html"),
        )
    }

    fn render_template<C: serde::Serialize>(
        &self,
        lang: Lang,
        name: &str,
        ctx: &C,
        file: &std::path::Path,
    ) -> Result<String, Diagnostic> {
        let ctx = tera::Context::from_serialize(ctx).map_err(|e| template_error(&e))?;
        self.teras[lang].render(name, &ctx).map_err(|e| {
            let mut d = template_error(&e);
            d.message = format!("{} (while rendering {})", d.message, file.display());
            d
        })
    }

    fn html(&self, path: String, html: String) -> Output {
        let bytes = if self.opts.minify {
            minify::html(html.as_bytes())
        } else {
            html.into_bytes()
        };
        Output { path, bytes }
    }
}

/// A site-relative URL as search results link it: offline copies name
/// `index.html` explicitly, because `file://` does not open folders.
fn views_url(views: &Views, url: &str) -> String {
    if views.style.explicit_index && (url.is_empty() || url.ends_with('/')) {
        format!("{url}index.html")
    } else {
        url.to_string()
    }
}

/// The path of the base URL (`https://x.example/handboek/` → `/handboek/`).
fn base_path(base_url: &str) -> String {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    if path.ends_with('/') {
        path.to_string()
    } else {
        format!("{path}/")
    }
}

fn template_error(e: &tera::Error) -> Diagnostic {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    Diagnostic::error("themes/default/templates", format!("template error: {msg}"))
        .hint("check the template named in the message; an unknown interface string must be added to every i18n/*.ftl")
}
