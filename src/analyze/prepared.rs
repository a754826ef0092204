//! The analysis result: every page's rendered Markdown, the glossary, the
//! link graph and the plan of generated pages. Built once per build (or
//! per change in `brug serve`, reusing what the change left alone), then
//! only read by the views, the search index and the renderer.

use crate::analyze::glossary::{self, Glossary};
use crate::analyze::graph::Graph;
use crate::analyze::highlight::Highlighter;
use crate::analyze::markdown::{self, Glossing, LinkStyle, Place, Rendered};
use crate::analyze::overview::Overviews;
use crate::analyze::safety::Safety;
use crate::diagnostics::Diagnostic;
use crate::model::{Handbook, Page, PageId, PairId};
use crate::source::strings::Strings;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;

/// Everything analysis makes from the model.
#[derive(Debug)]
pub struct Prepared {
    /// Rendered Markdown per page id.
    pub markdown: Vec<Rendered>,
    /// Term definitions and uses.
    pub glossary: Glossary,
    /// Links between pairs: backlinks, related pages.
    pub graph: Graph,
    /// The generated pages: transfer overview, taxonomies, print view.
    pub overviews: Overviews,
}

/// What an earlier analysis of nearly the same model lends the next.
pub struct Reuse {
    /// Every page's rendered Markdown, by page id.
    pub markdown: Vec<Rendered>,
    /// Pages whose Markdown must be rendered again (their file changed).
    pub stale: Vec<PageId>,
    /// The link graph and overview plan, when no link, anchor, heading or
    /// front matter changed; `None` derives them again.
    pub derived: Option<(Graph, Overviews)>,
}

impl Prepared {
    /// Analyses `hb` from scratch. Problems (broken links and anchors,
    /// overview URLs in use) go to `diags`.
    pub fn build(
        hb: &Handbook,
        strings: &Strings,
        style: LinkStyle,
        diags: &mut Vec<Diagnostic>,
    ) -> Prepared {
        Self::analyze(hb, strings, style, None, None, diags)
    }

    /// `build` for a build into a folder, which keeps no model: each
    /// page's Markdown text is freed as soon as the page is rendered
    /// (`model::sources`), but those the side-by-side views render again;
    /// with `pack`, each page's HTML is kept compressed (`Rendered::pack`).
    pub fn build_freeing(
        hb: &mut Handbook,
        strings: &Strings,
        style: LinkStyle,
        pack: bool,
        diags: &mut Vec<Diagnostic>,
    ) -> Prepared {
        let overviews = Overviews::build(hb, strings, diags);
        let sides = overviews.side_pages(hb);
        let texts = hb.take_sources(&|page| sides[page]);
        let fresh = Fresh {
            overviews,
            texts,
            pack,
        };
        Self::analyze(hb, strings, style, None, Some(fresh), diags)
    }

    /// Analyses `hb` again, rendering only the stale pages' Markdown (all
    /// of it when the page list no longer matches) and keeping the graph
    /// and overview plan when `reuse` holds them.
    pub fn rebuild(
        hb: &Handbook,
        strings: &Strings,
        style: LinkStyle,
        reuse: Reuse,
        diags: &mut Vec<Diagnostic>,
    ) -> Prepared {
        Self::analyze(hb, strings, style, Some(reuse), None, diags)
    }

    fn analyze(
        hb: &Handbook,
        strings: &Strings,
        style: LinkStyle,
        reuse: Option<Reuse>,
        fresh: Option<Fresh>,
        diags: &mut Vec<Diagnostic>,
    ) -> Prepared {
        let (kept, stale, derived) = match reuse {
            Some(r) if r.markdown.len() == hb.pages.len() => (Some(r.markdown), r.stale, r.derived),
            _ => (None, Vec::new(), None),
        };
        let pack = fresh.as_ref().is_some_and(|f| f.pack);
        let (graph, overviews, texts) = match (derived, fresh) {
            (Some((graph, overviews)), _) => (Some(graph), overviews, None),
            (None, Some(f)) => (None, f.overviews, Some(f.texts)),
            (None, None) => (None, Overviews::build(hb, strings, diags), None),
        };
        let hl = Highlighter::default();
        let pages = Pages {
            hb,
            style,
            print: print_places(hb, &overviews),
            hl: &hl,
            texts: texts.map(std::sync::Mutex::new),
            pack,
        };
        let (markdown, glossary) = pages.render(kept, &stale, diags);
        for r in &markdown {
            diags.extend(r.diagnostics.iter().cloned());
        }
        let graph = graph.unwrap_or_else(|| {
            crate::analyze::anchors::check(hb, &markdown, diags);
            crate::analyze::alignment::check(hb, &markdown, &overviews, diags);
            let graph = Graph::build(hb, &markdown, diags);
            graph.check(hb, diags);
            graph
        });
        Prepared {
            markdown,
            glossary,
            graph,
            overviews,
        }
    }

    /// Renders `page`, a new text of page `id` of `hb`, the way this
    /// analysis rendered every page (its glossary tooltips, its print
    /// chapter): for an edit that changes nothing else. `hl` loads its
    /// syntaxes at the first code block and keeps them for the next call.
    pub fn render_page(
        &self,
        hb: &Handbook,
        id: PageId,
        page: &Page,
        style: LinkStyle,
        hl: &Highlighter,
    ) -> Rendered {
        let pages = Pages {
            hb,
            style,
            print: print_places(hb, &self.overviews),
            hl,
            texts: None,
            pack: false,
        };
        let glossing = match hb.page_pair(id) == self.glossary.pair {
            true => Glossing::Define,
            false => self.glossing(),
        };
        pages.one(id, page, glossing)
    }

    /// How Markdown rendering treats the glossary, as this analysis did
    /// for every page but the glossary itself.
    pub fn glossing(&self) -> Glossing<'_> {
        glossing(&self.glossary)
    }
}

fn glossing(glossary: &Glossary) -> Glossing<'_> {
    match glossary.pair {
        Some(pair) => Glossing::Link {
            pair,
            definitions: &glossary.definitions,
        },
        None => Glossing::Off,
    }
}

/// The print view's URL for each page that is one of its chapters.
fn print_places(hb: &Handbook, overviews: &Overviews) -> Vec<Option<String>> {
    let mut places = vec![None; hb.pages.len()];
    let Some(urls) = &overviews.print else {
        return places;
    };
    for (lang, chapters) in overviews.chapters.iter().enumerate() {
        for &(pair, _) in chapters {
            if let Some(page) = hb.pairs[pair].pages[lang] {
                places[page] = Some(urls[lang].clone());
            }
        }
    }
    places
}

/// The start of a build that frees the pages' texts (`build_freeing`).
struct Fresh {
    overviews: Overviews,
    /// The texts taken out of the model, by page id.
    texts: Vec<Option<String>>,
    /// Whether each page's HTML is kept compressed.
    pack: bool,
}

/// Renders pages' Markdown the way one analysis does.
struct Pages<'a> {
    hb: &'a Handbook,
    style: LinkStyle,
    /// Per page, the print view it is a chapter of.
    print: Vec<Option<String>>,
    hl: &'a Highlighter,
    /// The texts taken out of the model, each dropped once its page is
    /// rendered (`build_freeing`).
    texts: Option<std::sync::Mutex<Vec<Option<String>>>>,
    /// Keep each page's HTML compressed (`Rendered::pack`).
    pack: bool,
}

impl Pages<'_> {
    /// Page `id` with its text, taking it from `texts` when it was taken
    /// out of the model (so it is freed when the page is rendered).
    fn page(&self, id: PageId) -> Cow<'_, Page> {
        let page = &self.hb.pages[id];
        let taken = self.texts.as_ref().and_then(|t| t.lock().ok()?[id].take());
        match taken {
            Some(text) => Cow::Owned(Page {
                text,
                ..page.clone()
            }),
            None => Cow::Borrowed(page),
        }
    }

    /// Renders `page`, the source of page `id`.
    fn one(&self, id: PageId, page: &Page, glossing: Glossing) -> Rendered {
        let hb = self.hb;
        let url = hb
            .page_pair(id)
            .and_then(|pair| hb.pairs[pair].urls[page.lang].as_deref());
        let Some(url) = url else {
            return Rendered::default();
        };
        let place = Place {
            url,
            style: self.style,
            glossing,
            print: self.print[id].as_deref(),
            safety: Safety::of(&hb.config),
            column: None,
        };
        let mut rendered = markdown::render(page, hb, &place, self.hl);
        if self.pack {
            rendered.pack();
        }
        rendered
    }

    /// Every page's Markdown: the glossary first (every link to it needs
    /// its definitions for the tooltip), then the rest in parallel, or only
    /// the stale pages when `kept` holds the others.
    fn render(
        &self,
        kept: Option<Vec<Rendered>>,
        stale: &[PageId],
        diags: &mut Vec<Diagnostic>,
    ) -> (Vec<Rendered>, Glossary) {
        let hb = self.hb;
        let glossary_pair: Option<PairId> = glossary::find(hb, diags);
        let glossary_pages: Vec<PageId> = glossary_pair
            .map(|p| hb.pairs[p].pages.iter().flatten().copied().collect())
            .unwrap_or_default();
        let first: HashMap<PageId, Rendered> = glossary_pages
            .iter()
            .map(|&id| match &kept {
                Some(r) if !stale.contains(&id) => (id, r[id].clone()),
                _ => (id, self.one(id, &self.page(id), Glossing::Define)),
            })
            .collect();
        let mut glossary = Glossary::new(hb, glossary_pair, &first);
        let linking = glossing(&glossary);
        let markdown = match kept {
            Some(mut r) => {
                for &id in stale {
                    r[id] = match first.get(&id) {
                        Some(g) => g.clone(),
                        None => self.one(id, &self.page(id), linking),
                    };
                }
                r
            }
            None => {
                let mut all: Vec<Rendered> = (0..hb.pages.len())
                    .into_par_iter()
                    .map(|id| match first.contains_key(&id) {
                        true => Rendered::default(),
                        false => self.one(id, &self.page(id), linking),
                    })
                    .collect();
                for (id, r) in first {
                    all[id] = r;
                }
                all
            }
        };
        glossary.count_uses(hb, &markdown);
        (markdown, glossary)
    }
}
