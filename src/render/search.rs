//! The search jobs: a language's index (with its postings shards) and the
//! text chunks for snippets, from the pages' rendered text sections.

use super::{Output, Site};
use crate::model::{Lang, PairId};
use crate::text::hash::{Fingerprint, Source};

impl Site<'_> {
    /// The pages a language's search covers (those that exist in it), in
    /// pair order: (pair, page id).
    pub(super) fn search_pages(&self, lang: Lang) -> impl Iterator<Item = (PairId, usize)> + '_ {
        self.hb
            .pairs
            .iter()
            .enumerate()
            .filter_map(move |(pair, p)| {
                p.urls[lang].as_ref()?;
                Some((pair, p.pages[lang]?))
            })
    }

    pub(super) fn search_index(&self, lang: Lang) -> Vec<Output> {
        let hb = self.hb;
        let explicit = self.renderer.links().explicit_index;
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
                url: search_url(explicit, url),
                section,
                other: other.map(|(u, l)| (search_url(explicit, &u), l)),
                facts: self.facts(pair, page, lang),
            });
            markdown.push(&self.prepared.markdown[page]);
        }
        let source = self.dest.map(|_| index_source(hb, lang, &pages, &markdown));
        if let Some(source) = source {
            if let Some(paths) = self.dest.and_then(|d| d.holds_all(&source)) {
                return paths
                    .into_iter()
                    .map(|path| Output::kept(path, source))
                    .collect();
            }
        }
        crate::search::index::build(hb, lang, &pages, &markdown)
            .files
            .into_iter()
            .map(|(path, text)| Output {
                source,
                ..Output::new(path, text.into_bytes())
            })
            .collect()
    }

    /// What page `page` (of `pair`) shows besides its text, as words in
    /// `lang`: a practice's transfer box as the page shows it (origin,
    /// each target city with its status, conditions) and the labels of
    /// its taxonomy terms. So `Münster` finds a practice that came from
    /// Münster although its text does not say so.
    fn facts(&self, pair: PairId, page: usize, lang: Lang) -> String {
        let hb = self.hb;
        let code = hb.lang_code(lang);
        let strings = self.renderer.strings();
        let mut words: Vec<String> = Vec::new();
        if let Some(t) = crate::analyze::overview::transfer_of(hb, pair, lang) {
            let view = crate::view::context::transfer_view(&hb.config, t, code);
            words.extend(view.from);
            for city in view.to {
                words.push(city.city);
                if let Some(status) = city.status {
                    words.push(strings.text(lang, &format!("status-{status}")));
                }
            }
            words.push(view.conditions);
        }
        for (taxonomy, terms) in hb.pages[page].front.taxonomies.iter() {
            for term in terms {
                words.push(hb.config.term_label(taxonomy, term, code).to_string());
            }
        }
        words.join(" ")
    }

    pub(super) fn search_text(&self, lang: Lang, k: usize) -> Output {
        let chunk = crate::search::index::CHUNK;
        // Skip whole pages up to the chunk's first target, then take.
        let mut skip = k * chunk;
        let mut sections: Vec<&crate::analyze::markdown::TextSection> = Vec::with_capacity(chunk);
        for (_, page) in self.search_pages(lang) {
            let list = &self.prepared.markdown[page].sections;
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
        Output::new(
            format!("search/text-{code}-{k}.js"),
            crate::search::index::text_chunk(code, k, &sections).into_bytes(),
        )
    }
}

/// A site-relative URL as search results link it: offline copies name
/// `index.html` explicitly, because `file://` does not open folders.
fn search_url(explicit_index: bool, url: &str) -> String {
    if explicit_index && (url.is_empty() || url.ends_with('/')) {
        format!("{url}index.html")
    } else {
        url.to_string()
    }
}

/// What a language's search index is made from: brug's version (the
/// analyser and its data), the language, each page's fields and the text
/// sections of its Markdown, all that `search::index::build` reads.
fn index_source(
    hb: &crate::model::Handbook,
    lang: Lang,
    pages: &[crate::search::index::PageInfo],
    markdown: &[&crate::analyze::markdown::Rendered],
) -> Source {
    let mut h = Fingerprint::default();
    h.part(env!("CARGO_PKG_VERSION").as_bytes())
        .part(b"search-index")
        .part(hb.lang_code(lang).as_bytes());
    for (p, md) in pages.iter().zip(markdown) {
        let summary = hb.pages[hb.pairs[p.pair].best_page(lang)]
            .front
            .summary
            .as_deref()
            .unwrap_or_default();
        h.part(&(p.pair as u64).to_le_bytes())
            .part(p.title.as_bytes())
            .part(p.url.as_bytes())
            .part(p.section.as_bytes())
            .part(summary.as_bytes())
            .part(p.facts.as_bytes());
        match &p.other {
            Some((url, code)) => h.part(url.as_bytes()).part(code.as_bytes()),
            None => h.part(b"-"),
        };
        h.part(&(md.sections.len() as u64).to_le_bytes());
        for s in &md.sections {
            h.part(s.anchor.as_deref().unwrap_or("\0").as_bytes())
                .part(s.heading.as_bytes())
                .part(s.text.as_bytes());
        }
    }
    h.finish()
}
