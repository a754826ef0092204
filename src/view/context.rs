//! Template contexts: typed, serializable views of one page, built from the
//! `Handbook` and serialized once per page. Templates never see the model
//! itself, so the model can change without breaking themes, and contexts stay
//! small (large per-page contexts were a main cause of slow builds elsewhere).

use crate::analyze::graph::Graph;
use crate::analyze::markdown::{LinkStyle, TocEntry};
use crate::analyze::overview::Overviews;
use crate::analyze::safety::Safety;
use crate::model::{Lang, PairId, SectionId, Translation};
use crate::source::config::Config;
use crate::source::frontmatter::Kind;
use crate::source::strings::Strings;
use crate::text::urls::relative;
use crate::view::house::House;
use crate::view::reader::Reader;
use serde::Serialize;

/// A link to a page, with what lists need to show about it.
#[derive(Debug, Serialize)]
pub struct Link {
    pub title: String,
    pub href: String,
    pub current: bool,
    pub summary: Option<String>,
    pub kind: Option<&'static str>,
    /// The page exists only in another language (a fallback notice page).
    pub missing: bool,
    /// Set when the link lands in another language than the page's own.
    pub lang: Option<String>,
}

/// One entry of the language switch.
#[derive(Debug, Serialize)]
pub struct LangLink {
    pub code: String,
    /// The language's own name ("Nederlands", "Deutsch").
    pub name: String,
    pub href: String,
    pub current: bool,
}

#[derive(Debug, Serialize)]
pub struct Alternate {
    pub lang: String,
    pub href: String,
}

/// What the site chrome of every page in one language needs.
#[derive(Debug, Serialize)]
pub struct Chrome {
    pub lang: String,
    pub site_title: String,
    pub description: String,
    /// Relative prefix from this page to the site root (`../../`).
    pub root: String,
    pub home_href: String,
    pub search_href: String,
    pub nav: Vec<Link>,
    /// The taxonomy pages, for browsing by term.
    pub browse: Vec<Link>,
    /// The print view of this language, when there is one.
    pub print_href: Option<String>,
    /// The handbook's PDF in this language (`brug build --pdf`).
    pub pdf: Option<PdfLink>,
    pub languages: Vec<LangLink>,
    /// The page's `Content-Security-Policy`: only the site's own files.
    pub csp: String,
    /// Built with `--draft`: the page says it is not for publishing.
    pub draft: bool,
    /// The handbook map (sidebar) as seen from this page, as HTML.
    #[serde(serialize_with = "super::map::placed")]
    pub map: String,
    /// `[theme]`: accent stylesheet, logo, footer and funders.
    pub house: House,
}

/// A link to a file with its size, as the language writes it.
#[derive(Debug, Serialize)]
pub struct PdfLink {
    pub href: String,
    /// `1,3 MB`.
    pub size: String,
}

/// The notice on an outdated or missing translation.
#[derive(Debug, Serialize)]
pub struct Notice {
    /// `outdated` or `missing`.
    pub kind: &'static str,
    pub href: String,
    pub lang: String,
    pub lang_name: String,
    pub title: String,
}

#[derive(Debug, Serialize)]
pub struct TermGroup {
    pub taxonomy: &'static str,
    /// Label and link to the term's page (no link for undefined terms).
    pub terms: Vec<TermLink>,
}

#[derive(Debug, Serialize)]
pub struct TermLink {
    pub label: String,
    pub href: Option<String>,
}

/// A target city of a practice and how the transfer stands there.
#[derive(Debug, Serialize)]
pub struct CityStatus {
    pub city: String,
    pub status: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct TransferView {
    /// The origin's label; `None` when the page states none.
    pub from: Option<String>,
    pub to: Vec<CityStatus>,
    pub conditions: String,
    /// `transfer_source` of handbook.toml in this language, if set.
    pub source: Option<String>,
}

/// Everything a page, section or home template shows.
#[derive(Debug, Serialize)]
pub struct PageView<'a> {
    pub title: String,
    pub summary: Option<String>,
    pub kind: &'static str,
    #[serde(serialize_with = "crate::text::long::long_text")]
    pub content: &'a str,
    pub toc: &'a [TocEntry],
    pub breadcrumbs: Vec<Link>,
    pub alternates: Vec<Alternate>,
    pub notice: Option<Notice>,
    /// Pages of this section (section pages), or, on a page, a window of
    /// its neighbours in its section (a long list on every page would make
    /// the build quadratic in section size and the page unusable).
    pub pages: Vec<Link>,
    /// The page's section and how many pages it has (pages only).
    pub section: Option<Link>,
    pub section_total: usize,
    pub sections: Vec<Link>,
    pub prev: Option<Link>,
    pub next: Option<Link>,
    pub updated: Option<String>,
    pub updated_iso: Option<String>,
    pub terms: Vec<TermGroup>,
    pub transfer: Option<TransferView>,
    /// Pages that link to this one ("Referenced by").
    pub referenced_by: Vec<Link>,
    /// `related` as written, then pages sharing the most terms.
    pub related: Vec<Link>,
    /// On a practice: the methods and structures it links to.
    pub relies_on: Vec<Link>,
    /// On a method or structure: the practices that link to it.
    pub used_by: Vec<Link>,
    /// This page's chapter in the print view.
    pub chapter: String,
    /// Its side-by-side view, when it exists in another language too.
    pub side_by_side: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct PageContext<'a> {
    pub site: Chrome,
    pub page: PageView<'a>,
}

/// A template context: every page's has the site chrome.
pub trait WithChrome: Serialize {
    fn chrome(&self) -> &Chrome;
}

impl WithChrome for PageContext<'_> {
    fn chrome(&self) -> &Chrome {
        &self.site
    }
}

impl WithChrome for SiteContext {
    fn chrome(&self) -> &Chrome {
        &self.site
    }
}

/// How many neighbours on each side a page's section navigation shows.
const NAV_WINDOW: usize = 7;

/// Builds contexts for one language version of the site.
pub struct Views<'a> {
    /// The model, every pair's read noted.
    pub reader: Reader<'a>,
    pub strings: &'a Strings,
    pub graph: &'a Graph,
    pub overviews: &'a Overviews,
    pub style: LinkStyle,
    /// Pages of a draft build say so.
    pub draft: bool,
    /// The pages are minified: the map is written minified (`map.rs`).
    pub minified: bool,
}

impl<'a> Views<'a> {
    /// The pairs whose data the contexts built so far show, sorted.
    pub fn take_reads(&self) -> Vec<PairId> {
        self.reader.take_reads()
    }

    /// The URL from `from` to the pair `to` in `lang`.
    pub fn href(&self, from: &str, to: PairId, lang: Lang) -> Option<String> {
        let url = self.reader.pair(to).urls[lang].as_deref()?;
        Some(relative(from, url, self.style.explicit_index))
    }

    pub fn link(&self, from: &str, pair: PairId, lang: Lang) -> Option<Link> {
        let p = self.reader.pair(pair);
        let href = self.href(from, pair, lang)?;
        let page = self.reader.best_page(pair, lang);
        Some(Link {
            title: page.front.title.clone(),
            href,
            current: p.urls[lang].as_deref() == Some(from),
            summary: page.front.summary.clone(),
            kind: Some(page.kind.as_str()),
            missing: p.pages[lang].is_none(),
            lang: None,
        })
    }

    /// A link to `pair` in `lang` when that version exists, else to the
    /// version that does (a reader is better served by the text than by a
    /// notice that it is missing).
    pub fn best_link(&self, from: &str, pair: PairId, lang: Lang) -> Option<Link> {
        if self.reader.pair(pair).pages[lang].is_some() {
            return self.link(from, pair, lang);
        }
        let other = self.reader.best_page(pair, lang).lang;
        let link = self.link(from, pair, other)?;
        Some(Link {
            lang: Some(self.reader.lang_code(other).to_string()),
            ..link
        })
    }

    /// Links to `pairs` (best language each), keeping those of `kinds`.
    fn links_of(&self, from: &str, pairs: &[PairId], lang: Lang, kinds: &[Kind]) -> Vec<Link> {
        pairs
            .iter()
            .filter(|&&q| {
                let kind = self.reader.kind(q);
                kinds.is_empty() || kinds.contains(&kind)
            })
            .filter_map(|&q| self.best_link(from, q, lang))
            .collect()
    }

    fn section_link(&self, from: &str, section: SectionId, lang: Lang) -> Option<Link> {
        match self.reader.section(section).index {
            Some(pair) => self.link(from, pair, lang),
            None => None,
        }
    }

    pub fn chrome(&self, url: &str, pair: Option<PairId>, lang: Lang) -> Chrome {
        let counterparts: Vec<Option<String>> = (0..self.reader.langs())
            .map(|l| pair.and_then(|p| self.reader.pair(p).urls[l].clone()))
            .collect();
        self.chrome_of(url, lang, &counterparts, pair)
    }

    /// The chrome of a page whose versions in other languages are at
    /// `counterparts` (the language switch goes there, else to home).
    pub fn chrome_to(&self, url: &str, lang: Lang, counterparts: &[Option<String>]) -> Chrome {
        self.chrome_of(url, lang, counterparts, None)
    }

    /// The chrome of the page at `url` showing `pair`, if any.
    pub(super) fn chrome_of(
        &self,
        url: &str,
        lang: Lang,
        counterparts: &[Option<String>],
        pair: Option<PairId>,
    ) -> Chrome {
        let reader = &self.reader;
        let config = reader.config();
        let code = reader.lang_code(lang).to_string();
        let home = format!("{code}/");
        let mut nav: Vec<Link> = reader
            .top()
            .map(|root| {
                root.children[lang]
                    .iter()
                    .filter_map(|&s| self.section_link(url, s, lang))
                    .collect()
            })
            .unwrap_or_default();
        if let Some(urls) = &self.overviews.transfer {
            nav.push(self.generated_link(url, &urls[lang], lang, "transfer-overview-title"));
        }
        let browse = self
            .overviews
            .taxonomies
            .iter()
            .filter(|t| !t.terms.is_empty())
            .map(|t| self.generated_link(url, &t.urls[lang], lang, &format!("taxonomy-{}", t.name)))
            .collect();
        let languages = (0..reader.langs())
            .map(|l| {
                let target = counterparts
                    .get(l)
                    .cloned()
                    .flatten()
                    .unwrap_or_else(|| format!("{}/", reader.lang_code(l)));
                LangLink {
                    code: reader.lang_code(l).to_string(),
                    name: self.strings.text(l, "language-name"),
                    href: relative(url, &target, self.style.explicit_index),
                    current: l == lang,
                }
            })
            .collect();
        let print_href = self
            .overviews
            .print
            .as_ref()
            .map(|urls| relative(url, &urls[lang], self.style.explicit_index));
        let pdf = self
            .overviews
            .pdf
            .get(lang)
            .and_then(Option::as_ref)
            .map(|f| PdfLink {
                href: relative(url, &f.url, false),
                size: self.strings.file_size(lang, f.bytes),
            });
        Chrome {
            print_href,
            pdf,
            lang: code.clone(),
            site_title: config.title(&code).to_string(),
            description: config.description.get(&code).cloned().unwrap_or_default(),
            root: relative(url, "", false),
            home_href: relative(url, &home, self.style.explicit_index),
            search_href: relative(url, &format!("{code}/search/"), self.style.explicit_index),
            nav,
            browse,
            languages,
            csp: Safety::of(config).content_security_policy(),
            draft: self.draft,
            map: self.map_html(url, pair, lang),
            house: self.house(url, lang),
        }
    }

    /// A link to a generated page whose title is interface string `title`.
    pub fn generated_link(&self, from: &str, to: &str, lang: Lang, title: &str) -> Link {
        Link {
            title: self.strings.text(lang, title),
            href: relative(from, to, self.style.explicit_index),
            current: from == to,
            summary: None,
            kind: None,
            missing: false,
            lang: None,
        }
    }

    /// The view of pair `pair` in `lang`, whose Markdown rendered to `content`.
    pub fn page(
        &self,
        pair: PairId,
        lang: Lang,
        content: &'a str,
        toc: &'a [TocEntry],
    ) -> PageView<'a> {
        let reader = &self.reader;
        let p = reader.pair(pair);
        let url = p.urls[lang].as_deref().unwrap_or_default();
        let page = reader.best_page(pair, lang);
        let (pages, sections) = self.listing(pair, lang, url);
        let (prev, next) = self.neighbours(pair, lang, url);
        let code = reader.lang_code(lang);
        let g = self.graph;
        let (relies_on, used_by) = match page.kind {
            Kind::Practice => (
                self.links_of(url, &g.out[pair], lang, &[Kind::Method, Kind::Structure]),
                Vec::new(),
            ),
            Kind::Method | Kind::Structure => (
                Vec::new(),
                self.links_of(url, &g.back[pair], lang, &[Kind::Practice]),
            ),
            _ => (Vec::new(), Vec::new()),
        };
        PageView {
            chapter: crate::analyze::markdown::chapter_id(pair),
            side_by_side: self.side_href(url, pair, lang),
            referenced_by: self.links_of(url, &g.back[pair], lang, &[]),
            related: self.links_of(url, &g.related[pair], lang, &[]),
            relies_on,
            used_by,
            title: page.front.title.clone(),
            summary: page.front.summary.clone(),
            kind: page.kind.as_str(),
            content,
            toc,
            breadcrumbs: self.breadcrumbs(pair, lang, url),
            alternates: self.alternates(pair, lang, url),
            notice: self.notice(pair, lang, url),
            pages,
            sections,
            section: (!p.is_index())
                .then(|| self.section_link(url, p.section, lang))
                .flatten(),
            section_total: if p.is_index() {
                0
            } else {
                reader.section(p.section).pairs[lang].len()
            },
            prev,
            next,
            updated: page.front.updated.map(|d| self.strings.date(lang, d)),
            updated_iso: page.front.updated.map(|d| d.iso()),
            terms: page
                .front
                .taxonomies
                .iter()
                .filter(|(_, terms)| !terms.is_empty())
                .map(|(tax, terms)| TermGroup {
                    taxonomy: tax,
                    terms: terms
                        .iter()
                        .map(|t| TermLink {
                            label: reader.config().term_label(tax, t, code).to_string(),
                            href: self.term_href(url, tax, t, lang),
                        })
                        .collect(),
                })
                .collect(),
            transfer: page
                .front
                .transfer
                .as_ref()
                .filter(|_| page.kind == Kind::Practice)
                .map(|t| transfer_view(reader.config(), t, code)),
        }
    }

    /// The link to a term's page in `lang`, if it has one there.
    fn term_href(&self, from: &str, taxonomy: &str, key: &str, lang: Lang) -> Option<String> {
        let tax = self
            .overviews
            .taxonomies
            .iter()
            .find(|t| t.name == taxonomy)?;
        let term = tax.terms.iter().find(|t| t.key == key)?;
        (!term.pairs[lang].is_empty())
            .then(|| relative(from, &term.urls[lang], self.style.explicit_index))
    }

    /// A section page lists its pages and sub-sections; a page shows a
    /// window of its neighbours in its section.
    fn listing(&self, pair: PairId, lang: Lang, url: &str) -> (Vec<Link>, Vec<Link>) {
        let p = self.reader.pair(pair);
        let section = self.reader.section(p.section);
        let list = &section.pairs[lang];
        if p.is_index() {
            let pages = list
                .iter()
                .filter_map(|&q| self.link(url, q, lang))
                .collect();
            let sections = section.children[lang]
                .iter()
                .filter_map(|&s| self.section_link(url, s, lang))
                .collect();
            return (pages, sections);
        }
        let i = list.iter().position(|&q| q == pair).unwrap_or(0);
        let window = &list[i.saturating_sub(NAV_WINDOW)..(i + NAV_WINDOW + 1).min(list.len())];
        let pages = window
            .iter()
            .filter_map(|&q| self.link(url, q, lang))
            .map(|l| Link { summary: None, ..l })
            .collect();
        (pages, Vec::new())
    }

    /// hreflang alternates: the versions that exist. A fallback notice page
    /// is no translation, so it claims none.
    fn alternates(&self, pair: PairId, lang: Lang, url: &str) -> Vec<Alternate> {
        let p = self.reader.pair(pair);
        if p.pages[lang].is_none() {
            return Vec::new();
        }
        (0..self.reader.langs())
            .filter(|&l| p.pages[l].is_some())
            .filter_map(|l| {
                Some(Alternate {
                    lang: self.reader.lang_code(l).into(),
                    href: self.href(url, pair, l)?,
                })
            })
            .collect()
    }

    fn neighbours(&self, pair: PairId, lang: Lang, url: &str) -> (Option<Link>, Option<Link>) {
        let p = self.reader.pair(pair);
        if p.is_index() {
            return (None, None);
        }
        let list = &self.reader.section(p.section).pairs[lang];
        let Some(i) = list.iter().position(|&q| q == pair) else {
            return (None, None);
        };
        let prev = i.checked_sub(1).and_then(|j| self.link(url, list[j], lang));
        let next = list.get(i + 1).and_then(|&q| self.link(url, q, lang));
        (prev, next)
    }

    fn breadcrumbs(&self, pair: PairId, lang: Lang, url: &str) -> Vec<Link> {
        let reader = &self.reader;
        let p = reader.pair(pair);
        let mut chain = Vec::new();
        let mut section = if p.is_index() {
            reader.section(p.section).parent
        } else {
            Some(p.section)
        };
        while let Some(s) = section {
            if let Some(link) = self.section_link(url, s, lang) {
                chain.push(link);
            }
            section = reader.section(s).parent;
        }
        chain.reverse();
        chain
    }

    fn notice(&self, pair: PairId, lang: Lang, url: &str) -> Option<Notice> {
        let reader = &self.reader;
        let p = reader.pair(pair);
        let (kind, other) = match &p.status[lang] {
            Translation::Current => return None,
            Translation::Outdated { .. } => ("outdated", p.source_lang),
            Translation::Missing => ("missing", reader.best_page(pair, lang).lang),
        };
        Some(Notice {
            kind,
            href: self.href(url, pair, other)?,
            lang: reader.lang_code(other).into(),
            // The other language's name in the reader's language ("Duits").
            lang_name: self
                .strings
                .text(lang, &format!("lang-{}", reader.lang_code(other))),
            title: reader.title(pair, other).to_string(),
        })
    }
}

/// A practice's transfer with city labels in language `code`.
pub fn transfer_view(
    config: &Config,
    t: &crate::source::frontmatter::Transfer,
    code: &str,
) -> TransferView {
    let label = |city: &str| config.term_label("cities", city, code).to_string();
    TransferView {
        from: t.from.as_deref().map(label),
        to: t
            .to
            .iter()
            .map(|c| CityStatus {
                city: label(c),
                status: t.status_in(c).map(|s| s.as_str()),
            })
            .collect(),
        conditions: t.conditions.clone(),
        source: config.transfer_source.get(code).cloned(),
    }
}

/// Context of the site-level pages: language chooser, index of pages, 404.
#[derive(Debug, Serialize)]
pub struct SiteContext {
    pub site: Chrome,
    /// The index of pages (empty elsewhere).
    pub pages: Vec<Link>,
    /// (language code, site title in it), for the language chooser.
    pub titles: Vec<(String, String)>,
}
