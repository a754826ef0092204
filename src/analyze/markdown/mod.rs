//! Markdown → HTML: a small state machine over pulldown-cmark events,
//! iterated with byte offsets so that every link problem has a line. It
//! takes a page's source and a link resolver (`Resolve`), never the whole
//! site, and renders each page once: the HTML, the table of contents,
//! heading ids (for anchor checks), outgoing links (for anchor checks and
//! backlinks), the text by section (for search), diagnostics, and, for a
//! page that is a chapter of the print view, the chapter's HTML from the
//! same events (ids and links rewritten for one long document).

mod glossing;
mod guard;
mod table;
mod text;
mod writer;

#[cfg(test)]
mod safety_tests;
#[cfg(test)]
mod tests;

use crate::analyze::highlight::Highlighter;
use crate::analyze::links::Resolve;
use crate::analyze::safety::Safety;
use crate::diagnostics::Diagnostic;
use crate::model::{Lang, Page, PairId};
use crate::text::packed::Packed;
use pulldown_cmark::{Options, Parser};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// One entry of a page's table of contents.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
    /// Where the heading starts in its file (for diagnostics).
    #[serde(skip)]
    pub offset: usize,
}

/// A link from this page to a page, kept for anchor checks and backlinks.
#[derive(Debug, Clone)]
pub struct OutLink {
    pub pair: PairId,
    pub lang: Lang,
    pub anchor: Option<String>,
    /// Byte offset in the page's text.
    pub offset: usize,
}

/// A link or image to a web address (`http:` or `https:`), kept for
/// `brug check --external`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalLink {
    /// The address as written.
    pub url: String,
    /// Byte offset in the page's text.
    pub offset: usize,
}

/// Is `url` a web address, which `check --external` can request (not
/// `mailto:`, `tel:` or a scheme-relative `//host`)?
pub fn is_web(url: &str) -> bool {
    let scheme = crate::analyze::safety::url_scheme(url);
    matches!(scheme.as_deref(), Some("http" | "https"))
}

/// Everything rendering a page's Markdown produces.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The page's HTML, until `pack` moves it into `packed`.
    pub html: String,
    /// The page's HTML, compressed: how analysis keeps it until the page
    /// job asks for it (`page_html`).
    pub packed: Packed,
    pub toc: Vec<TocEntry>,
    pub ids: HashSet<String>,
    pub links: Vec<OutLink>,
    /// Links and images to web addresses, in order.
    pub external: Vec<ExternalLink>,
    /// Same-page anchors with their offsets, checked against `ids`.
    pub local_anchors: Vec<(String, usize)>,
    pub diagnostics: Vec<Diagnostic>,
    /// On the glossary: heading id → the first paragraph after it, as
    /// plain text (a term's short explanation).
    pub definitions: HashMap<String, String>,
    /// The plain text by section (the intro, then each `##` and `###`
    /// heading), which the search index makes its targets.
    pub sections: Vec<TextSection>,
    /// The page as a chapter of its language's print view, when it is one:
    /// heading ids prefixed with the chapter's, headings one level down,
    /// links to pages of the document as links within it, no tooltips.
    pub print: Option<String>,
    /// Rendered as a column (`Place::column`): the HTML before the first
    /// `##` heading, then from each `##` heading to the next, with the
    /// heading's id as written (unprefixed). `html` is then empty.
    pub parts: Vec<Part>,
}

impl Rendered {
    /// Compresses the page's HTML (`packed`): a build holds every page's
    /// until its page job runs, three quarters of it for nothing.
    pub fn pack(&mut self) {
        if !self.html.is_empty() {
            self.packed = Packed::new(&std::mem::take(&mut self.html));
        }
    }

    /// The page's HTML, packed or not.
    pub fn page_html(&self) -> Cow<'_, str> {
        match self.packed.is_empty() {
            true => Cow::Borrowed(&self.html),
            false => Cow::Owned(self.packed.text()),
        }
    }
}

/// A part of a page's HTML: its intro (no id) or one `##` section.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Part {
    pub id: Option<String>,
    pub html: String,
}

/// A part of a page's plain text: before the first heading (no anchor), or
/// under one heading of level 2 or 3.
#[derive(Debug, Clone, Default)]
pub struct TextSection {
    pub anchor: Option<String>,
    pub heading: String,
    pub text: String,
}

/// What rendering does with the glossary.
#[derive(Debug, Clone, Copy)]
pub enum Glossing<'a> {
    /// Nothing (no glossary in this handbook).
    Off,
    /// This page is the glossary: collect definitions, and mark the end of
    /// each term (`uses_marker`) where the list of pages using it goes.
    Define,
    /// Links to the glossary pair's terms get their explanation as tooltip.
    Link {
        pair: PairId,
        /// Definitions per language.
        definitions: &'a [HashMap<String, String>],
    },
}

/// The placeholder at the end of term `id` on the glossary page.
pub fn uses_marker(id: &str) -> String {
    format!("<!--brug-uses:{id}-->")
}

/// How links are written in the output.
#[derive(Debug, Clone, Copy, Default)]
pub struct LinkStyle {
    /// Folder URLs end in `index.html` (offline copies).
    pub explicit_index: bool,
}

/// Where and how one page's body is written.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    /// The page's own site-relative URL path (links are relative to it).
    pub url: &'a str,
    pub style: LinkStyle,
    pub glossing: Glossing<'a>,
    /// The URL of the print view this page is a chapter of, if any.
    pub print: Option<&'a str>,
    /// What the handbook allows content to put on a page.
    pub safety: Safety<'a>,
    /// A column of the side-by-side view: heading ids and same-page
    /// anchors get this prefix (`nl` → `nl-aanpak`), so that two versions
    /// fit on one page, and the HTML comes in `parts`, split at `##`.
    pub column: Option<&'a str>,
}

/// The id of a pair's chapter in the print view.
pub fn chapter_id(pair: PairId) -> String {
    format!("c{pair}")
}

/// The Markdown extensions brug reads (the PDF reads the same).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Renders the body of `page` at `place`, resolving its links with `links`.
pub fn render(page: &Page, links: &dyn Resolve, place: &Place, hl: &Highlighter) -> Rendered {
    let mut w = writer::Writer::new(page, links, place, hl);
    for (event, range) in Parser::new_ext(page.body(), options()).into_offset_iter() {
        w.event(event, page.body_offset + range.start);
    }
    w.finish()
}
