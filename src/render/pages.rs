//! The template jobs: a content page (or its missing-translation notice),
//! the index of pages, the overview pages, the print view, the language
//! chooser and the 404 page, each through its view context.

use super::{minify, Job, Output, Site};
use crate::diagnostics::Diagnostic;
use crate::model::{Lang, PairId};
use crate::text::long::{self, Texts};
use crate::view::context::{PageContext, SiteContext, Views, WithChrome};
use crate::view::map;

impl Site<'_> {
    /// Produces the file of a job that renders a template, with `views`
    /// noting which pairs it shows.
    pub(super) fn run_template(&self, job: Job, views: &Views) -> Result<Output, Diagnostic> {
        let hb = self.hb;
        let overviews = &self.prepared.overviews;
        match job {
            Job::Page(pair, lang) => {
                let url = hb.pairs[pair].urls[lang].clone().unwrap_or_default();
                self.page_html(views, pair, lang, &url)
            }
            Job::PageIndex(lang) => {
                let url = format!("{}/search/", hb.lang_code(lang));
                self.page_index(views, lang, &url)
            }
            Job::Transfer(lang) => {
                let ctx = views.transfer_page(lang).ok_or_else(|| {
                    Diagnostic::error("content", "there is no practice with a [transfer] table")
                })?;
                let url = overviews.transfer.as_ref().map_or("", |u| u[lang].as_str());
                self.overview_html(lang, "transfer.html", url, &ctx)
            }
            Job::Taxonomy(t, lang) => {
                let ctx = views.taxonomy_page(t, lang);
                let url = overviews.taxonomies[t].urls[lang].clone();
                self.overview_html(lang, "taxonomy.html", &url, &ctx)
            }
            Job::Term(t, i, lang) => {
                let ctx = views.term_page(t, i, lang);
                let url = overviews.taxonomies[t].terms[i].urls[lang].clone();
                self.overview_html(lang, "term.html", &url, &ctx)
            }
            Job::Print(lang) => {
                let url = overviews.print.as_ref().map_or("", |u| u[lang].as_str());
                // Each chapter's Markdown was rendered for the print view in
                // the same pass as its page.
                let htmls: Vec<String> = overviews.chapters[lang]
                    .iter()
                    .map(|&(pair, _)| {
                        let page = hb.pairs[pair].best_page(lang);
                        self.prepared.markdown[page]
                            .print
                            .clone()
                            .unwrap_or_default()
                    })
                    .collect();
                let ctx = views.print_page(lang, htmls).ok_or_else(|| {
                    Diagnostic::error("content", "this handbook is too large for a print view")
                })?;
                self.overview_html(lang, "print.html", url, &ctx)
            }
            Job::SideBySide(pair, lang) => self.side_by_side(views, pair, lang),
            Job::LanguageChooser => self.chooser(views),
            Job::NotFound => self.not_found(views),
            other => Err(Diagnostic::error(
                "themes",
                format!("{other:?} renders no template"),
            )),
        }
    }

    fn page_html(
        &self,
        views: &Views,
        pair: PairId,
        lang: Lang,
        url: &str,
    ) -> Result<Output, Diagnostic> {
        let hb = self.hb;
        let p = &hb.pairs[pair];
        let filled;
        let mut html;
        let (template, content, toc) = match p.pages[lang] {
            Some(page) => {
                let md = &self.prepared.markdown[page];
                html = md.page_html();
                if Some(pair) == self.prepared.glossary.pair {
                    filled = crate::view::glossary::fill_uses(
                        &self.prepared.glossary,
                        &html,
                        views,
                        url,
                        lang,
                    );
                    html = std::borrow::Cow::Borrowed(filled.as_str());
                }
                let template = if Some(pair) == hb.home() {
                    "home.html"
                } else if p.is_index() {
                    "section.html"
                } else {
                    "page.html"
                };
                (template, &*html, md.toc.as_slice())
            }
            None => ("missing.html", "", &[][..]),
        };
        let ctx = PageContext {
            site: views.chrome(url, Some(pair), lang),
            page: views.page(pair, lang, content, toc),
        };
        let file = &hb.pages[p.best_page(lang)].file;
        self.template_page(format!("{url}index.html"), lang, template, &ctx, file)
    }

    fn page_index(&self, views: &Views, lang: Lang, url: &str) -> Result<Output, Diagnostic> {
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
        self.template_page(
            format!("{url}index.html"),
            lang,
            "search.html",
            &ctx,
            std::path::Path::new("themes/default/templates/search.html"),
        )
    }

    fn overview_html<C: WithChrome>(
        &self,
        lang: Lang,
        template: &str,
        url: &str,
        ctx: &C,
    ) -> Result<Output, Diagnostic> {
        let file = format!("themes/default/templates/{template}");
        let path = format!("{url}index.html");
        self.template_page(path, lang, template, ctx, std::path::Path::new(&file))
    }

    /// Renders template `name` in `lang` with `ctx` as the page at `path`,
    /// unless the destination holds that page made from the same source
    /// (`Site::dest`): then neither Tera nor the minifier runs. A page
    /// with a map that is minified is minified here, without its map,
    /// which is put in after (`minify::spliced`).
    pub(super) fn template_page<C: WithChrome>(
        &self,
        path: String,
        lang: Lang,
        name: &str,
        ctx: &C,
        file: &std::path::Path,
    ) -> Result<Output, Diagnostic> {
        // Only a destination that keeps files needs their source (`brug
        // serve` and `check` keep none: hashing would only cost time).
        let source = self
            .dest
            .and_then(|_| self.renderer.source(lang, name, ctx));
        if let (Some(dest), Some(s)) = (self.dest, &source) {
            if dest.holds(&path, s) {
                return Ok(Output::kept(path, *s));
            }
        }
        let map = &ctx.chrome().map;
        if !map.is_empty() && self.renderer.splicing() {
            let placed = long::serializing(Texts::Placeholders, || {
                self.renderer.template(lang, name, ctx, file)
            })?;
            if let Some(page) = minify::spliced(placed.as_bytes(), map::PLACEHOLDER, map) {
                return Ok(Output {
                    source,
                    ..Output::new(path, page)
                });
            }
            self.renderer.unspliced();
        }
        let html = self.renderer.template(lang, name, ctx, file)?;
        Ok(Output {
            source,
            ..self.renderer.html(path, html)
        })
    }

    fn chooser(&self, views: &Views) -> Result<Output, Diagnostic> {
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
        self.template_page(
            "index.html".into(),
            default,
            "chooser.html",
            &ctx,
            std::path::Path::new("themes/default/templates/chooser.html"),
        )
    }

    /// The 404 page is served for missing URLs at any depth, so its links
    /// are absolute paths below the base URL's path (`/nl/`), not relative.
    fn not_found(&self, views: &Views) -> Result<Output, Diagnostic> {
        let hb = self.hb;
        let default = hb.lang_index(&hb.config.default_language).unwrap_or(0);
        let base = base_path(&hb.config.base_url);
        // From "404.html" every relative href is a path from the site root.
        let mut site = views.chrome("404.html", None, default);
        // Its links are rewritten below; the map's are HTML already, and a
        // reader who is lost has home and search.
        site.map.clear();
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
            .chain(site.pdf.iter_mut().map(|p| &mut p.href))
            .chain(site.house.stylesheet.iter_mut())
            .chain(site.house.logo.iter_mut())
            .chain(
                site.house
                    .funders
                    .iter_mut()
                    .filter_map(|f| f.logo.as_mut()),
            )
        {
            *href = format!("{base}{href}");
        }
        let ctx = SiteContext {
            site,
            pages: Vec::new(),
            titles: Vec::new(),
        };
        self.template_page(
            "404.html".into(),
            default,
            "404.html",
            &ctx,
            std::path::Path::new("themes/default/templates/404.html"),
        )
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
