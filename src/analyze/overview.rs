//! The generated overview pages, which have no Markdown source: the transfer
//! overview, the print view and the taxonomy pages (one per taxonomy, one
//! per term; see `taxonomy`). This module decides which exist and where
//! they live; their URLs are in the reader's language and are checked once
//! against the content's URLs.

mod taxonomy;

pub use taxonomy::{Taxonomy, Term};

use crate::diagnostics::Diagnostic;
use crate::model::{Handbook, Lang, Pair, PairId};
use crate::source::config::{SIDE_BY_SIDE_MAX, TAXONOMIES};
use crate::source::strings::Strings;
use crate::text::slug::slugify;
use std::collections::HashMap;

/// Everything generated beside the content pages.
#[derive(Debug, Default, PartialEq)]
pub struct Overviews {
    /// The transfer overview's URL per language; `None` when the handbook
    /// has no practice with a `[transfer]` table.
    pub transfer: Option<Vec<String>>,
    /// Practice pairs with a transfer, in title order per language.
    pub practices: Vec<Vec<PairId>>,
    pub taxonomies: Vec<Taxonomy>,
    /// The print view's URL per language; `None` above `PRINT_MAX` pages,
    /// where one document would be more than anyone prints.
    pub print: Option<Vec<String>>,
    /// Per language, the pages in reading order with their depth.
    pub chapters: Vec<Vec<(PairId, usize)>>,
    /// Per language, the folder of the side-by-side views
    /// (`nl/naast-elkaar/`); a page's view is below it at the page's path.
    /// Empty when there are none (`[output] side_by_side`).
    pub side: Vec<String>,
    /// Per language, the handbook's PDF in the site; empty unless the
    /// build typesets them (`brug build --pdf`).
    pub pdf: Vec<Option<PdfFile>>,
}

/// A PDF of the handbook among the site's files.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfFile {
    /// Its path from the site root (`handboek-integratievisie-nl.pdf`).
    pub url: String,
    pub bytes: usize,
}

/// The largest handbook (pages per language) that gets a print view.
pub const PRINT_MAX: usize = 1000;

impl Overviews {
    /// Works out the overview pages. A URL that a content page already has
    /// is an error: one of them would silently overwrite the other.
    pub fn build(hb: &Handbook, strings: &Strings, diags: &mut Vec<Diagnostic>) -> Overviews {
        let langs = hb.config.languages.len();
        let practices: Vec<Vec<PairId>> = (0..langs).map(|l| practices(hb, l)).collect();
        let transfer =
            (!practices.iter().all(Vec::is_empty)).then(|| page_urls(hb, strings, "slug-transfer"));
        let taxonomies = TAXONOMIES
            .iter()
            .map(|&name| taxonomy::taxonomy(hb, strings, name))
            .collect();
        let chapters: Vec<Vec<(PairId, usize)>> =
            (0..langs).map(|l| reading_order(hb, l)).collect();
        let print = chapters
            .iter()
            .all(|c| c.len() <= PRINT_MAX)
            .then(|| page_urls(hb, strings, "slug-print"));
        let overviews = Overviews {
            transfer,
            practices,
            taxonomies,
            print,
            chapters,
            side: match side_by_side(hb) {
                true => page_urls(hb, strings, "slug-side"),
                false => Vec::new(),
            },
            pdf: Vec::new(),
        };
        overviews.check_urls(hb, diags);
        overviews
    }

    /// Every generated URL with a description for error messages.
    fn urls(&self) -> Vec<(&str, String)> {
        let mut all = Vec::new();
        for url in self.transfer.iter().flatten() {
            all.push((url.as_str(), "the transfer overview".to_string()));
        }
        for url in self.print.iter().flatten() {
            all.push((url.as_str(), "the print view".to_string()));
        }
        for t in &self.taxonomies {
            for url in &t.urls {
                all.push((url.as_str(), format!("the page of taxonomy `{}`", t.name)));
            }
            for term in &t.terms {
                for url in &term.urls {
                    all.push((
                        url.as_str(),
                        format!("the page of term `{}` ({})", term.key, t.name),
                    ));
                }
            }
        }
        all
    }

    fn check_urls(&self, hb: &Handbook, diags: &mut Vec<Diagnostic>) {
        let content: HashMap<&str, (PairId, Lang)> = hb
            .pairs
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                p.urls
                    .iter()
                    .enumerate()
                    .filter_map(move |(l, u)| Some((u.as_deref()?, (i, l))))
            })
            .collect();
        self.check_side_folder(hb, diags);
        for (url, what) in self.urls() {
            if let Some(&(pair, lang)) = content.get(url) {
                let page = &hb.pages[hb.pairs[pair].best_page(lang)];
                diags.push(
                    Diagnostic::error(
                        &page.file,
                        format!("this page's URL /{url} is also the URL of {what}"),
                    )
                    .at(&page.text, 0)
                    .hint("give the page or its section another `slug`"),
                );
            }
        }
    }

    /// A content page inside the side-by-side views' folder would be
    /// overwritten by a view (or hide one): an error.
    fn check_side_folder(&self, hb: &Handbook, diags: &mut Vec<Diagnostic>) {
        for (pair, p) in hb.pairs.iter().enumerate() {
            for (lang, url) in p.urls.iter().enumerate() {
                let Some(url) = url else { continue };
                if self
                    .side
                    .get(lang)
                    .is_some_and(|f| url.starts_with(f.as_str()))
                {
                    let page = &hb.pages[hb.pairs[pair].best_page(lang)];
                    diags.push(
                        Diagnostic::error(
                            &page.file,
                            format!("this page's URL /{url} lies in /{}, the folder of the side-by-side views", self.side[lang]),
                        )
                        .at(&page.text, 0)
                        .hint("give the page or its section another `slug`"),
                    );
                }
            }
        }
    }

    /// The URL of the side-by-side view of `pair` in `lang`: for a pair
    /// that exists in `lang` and in at least one other language.
    pub fn side_url(&self, p: &Pair, lang: Lang) -> Option<String> {
        p.pages[lang]?;
        if p.pages.iter().flatten().count() < 2 {
            return None;
        }
        let url = p.urls[lang].as_deref()?;
        let below = url.split_once('/').map_or("", |(_, rest)| rest);
        Some(format!("{}{below}", self.side.get(lang)?))
    }

    /// Per page id: does a side-by-side view show it? (Its columns are
    /// rendered from the pages' sources.)
    pub fn side_pages(&self, hb: &Handbook) -> Vec<bool> {
        let mut shown = vec![false; hb.pages.len()];
        for p in &hb.pairs {
            if (0..p.pages.len()).any(|l| self.side_url(p, l).is_some()) {
                for &id in p.pages.iter().flatten() {
                    shown[id] = true;
                }
            }
        }
        shown
    }

    /// Each generated page as its URL per language, for the sitemap.
    pub fn pages(&self) -> Vec<Vec<Option<String>>> {
        let mut pages: Vec<Vec<Option<String>>> = Vec::new();
        let some = |urls: &[String]| urls.iter().cloned().map(Some).collect();
        if let Some(urls) = &self.transfer {
            pages.push(some(urls));
        }
        if let Some(urls) = &self.print {
            pages.push(some(urls));
        }
        for tax in &self.taxonomies {
            pages.push(some(&tax.urls));
            for term in &tax.terms {
                pages.push(
                    term.urls
                        .iter()
                        .zip(&term.pairs)
                        .map(|(u, pairs)| (!pairs.is_empty()).then(|| u.clone()))
                        .collect(),
                );
            }
        }
        pages
    }

    /// The pages of a term in `lang` (empty terms get no page).
    pub fn term_pages(&self) -> impl Iterator<Item = (usize, usize, Lang)> + '_ {
        self.taxonomies.iter().enumerate().flat_map(|(t, tax)| {
            tax.terms.iter().enumerate().flat_map(move |(i, term)| {
                term.pairs
                    .iter()
                    .enumerate()
                    .filter(|(_, pairs)| !pairs.is_empty())
                    .map(move |(l, _)| (t, i, l))
            })
        })
    }
}

/// Are side-by-side views written? As `[output] side_by_side` says, and
/// when it says nothing, for handbooks of up to `SIDE_BY_SIDE_MAX` pages in
/// every language.
fn side_by_side(hb: &Handbook) -> bool {
    hb.config.output.side_by_side.unwrap_or_else(|| {
        (0..hb.config.languages.len())
            .all(|l| hb.pairs.iter().filter(|p| p.pages[l].is_some()).count() <= SIDE_BY_SIDE_MAX)
    })
}

/// The URL per language of a generated page whose slug is string `id`.
fn page_urls(hb: &Handbook, strings: &Strings, id: &str) -> Vec<String> {
    (0..hb.config.languages.len())
        .map(|l| {
            let code = hb.lang_code(l);
            format!("{code}/{}/", slugify(&strings.text(l, id), code))
        })
        .collect()
}

/// The practices with a transfer that exist in `lang`, in title order.
fn practices(hb: &Handbook, lang: Lang) -> Vec<PairId> {
    let mut list: Vec<PairId> = (0..hb.pairs.len())
        .filter(|&p| hb.pairs[p].urls[lang].is_some() && transfer_of(hb, p, lang).is_some())
        .collect();
    list.sort_by_cached_key(|&p| hb.title(p, lang).to_lowercase());
    list
}

/// The pages of `lang` in reading order: the home page, then at each level
/// its pages and sub-sections by weight and title, each section's index
/// before its pages. Pages missing in `lang` are left out.
pub fn reading_order(hb: &Handbook, lang: Lang) -> Vec<(PairId, usize)> {
    let mut out = Vec::new();
    if let Some(root) = hb.sections.first() {
        section_order(hb, lang, root, 0, &mut out);
    }
    out
}

fn section_order(
    hb: &Handbook,
    lang: Lang,
    section: &crate::model::Section,
    depth: usize,
    out: &mut Vec<(PairId, usize)>,
) {
    let exists = |p: PairId| hb.pairs[p].pages[lang].is_some();
    if let Some(index) = section.index.filter(|&p| exists(p)) {
        out.push((index, depth));
    }
    let weight = |p: PairId| {
        hb.pages[hb.pairs[p].best_page(lang)]
            .front
            .weight
            .unwrap_or(0)
    };
    enum Item {
        Page(PairId),
        Section(usize),
    }
    let mut items: Vec<(i64, String, Item)> = section.pairs[lang]
        .iter()
        .filter(|&&p| exists(p))
        .map(|&p| (weight(p), hb.title(p, lang).to_lowercase(), Item::Page(p)))
        .collect();
    for &s in &section.children[lang] {
        let key = hb.sections[s].index.map_or((0, String::new()), |p| {
            (weight(p), hb.title(p, lang).to_lowercase())
        });
        items.push((key.0, key.1, Item::Section(s)));
    }
    items.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    for (_, _, item) in items {
        match item {
            Item::Page(p) => out.push((p, depth + 1)),
            Item::Section(s) => section_order(hb, lang, &hb.sections[s], depth + 1, out),
        }
    }
}

/// The transfer of pair `pair` as shown in `lang`, if it is a practice.
pub fn transfer_of(
    hb: &Handbook,
    pair: PairId,
    lang: Lang,
) -> Option<&crate::source::frontmatter::Transfer> {
    let page = &hb.pages[hb.pairs[pair].best_page(lang)];
    (page.kind == crate::source::frontmatter::Kind::Practice)
        .then_some(page.front.transfer.as_ref())
        .flatten()
}
