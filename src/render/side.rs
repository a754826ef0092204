//! The side-by-side view job: each version of a pair rendered once more
//! as a column of the view (ids prefixed with its language, links
//! relative to the view), then aligned by the view context.

use super::{Output, Site};
use crate::analyze::markdown::{self, Glossing, Part, Place};
use crate::analyze::safety::Safety;
use crate::diagnostics::Diagnostic;
use crate::model::{Lang, PairId};
use crate::view::context::Views;

impl Site<'_> {
    /// The side-by-side view of `pair` in `lang`.
    pub(super) fn side_by_side(
        &self,
        views: &Views,
        pair: PairId,
        lang: Lang,
    ) -> Result<Output, Diagnostic> {
        let hb = self.hb;
        let overviews = &self.prepared.overviews;
        let urls: Vec<Option<String>> = (0..hb.config.languages.len())
            .map(|l| overviews.side_url(&hb.pairs[pair], l))
            .collect();
        let url = urls[lang].clone().unwrap_or_default();
        let order = std::iter::once(lang).chain((0..urls.len()).filter(|&l| l != lang));
        let parts: Vec<(Lang, Vec<Part>)> = order
            .filter_map(|l| Some((l, self.column(hb.pairs[pair].pages[l]?, &url))))
            .collect();
        let ctx = views.side_page(pair, lang, &url, parts, &urls);
        let file = &hb.pages[hb.pairs[pair].best_page(lang)].file;
        self.template_page(format!("{url}index.html"), lang, "side.html", &ctx, file)
    }

    /// Page `id` rendered as a column of the view at `url`. No glossary
    /// tooltips: their ids would repeat in the two columns.
    fn column(&self, id: usize, url: &str) -> Vec<Part> {
        let hb = self.hb;
        let page = &hb.pages[id];
        let place = Place {
            url,
            style: self.renderer.links(),
            glossing: Glossing::Off,
            print: None,
            safety: Safety::of(&hb.config),
            column: Some(hb.lang_code(page.lang)),
        };
        let mut parts = markdown::render(page, hb, &place, &self.renderer.highlighter).parts;
        // An intro of white space only is no intro.
        parts.retain(|p| p.id.is_some() || !p.html.trim().is_empty());
        parts
    }
}
