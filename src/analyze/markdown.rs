//! Markdown → HTML: a small state machine over pulldown-cmark events,
//! iterated with byte offsets so that every link problem has a line. It
//! renders each page once and returns everything later steps need: the HTML,
//! the table of contents, heading ids (for anchor checks), outgoing links
//! (for anchor checks and backlinks) and diagnostics.

use crate::analyze::highlight::Highlighter;
use crate::analyze::links::{resolve, Target};
use crate::diagnostics::Diagnostic;
use crate::model::{Handbook, Lang, Page, PairId};
use crate::text::slug::slugify;
use crate::text::urls::{encode_path, relative};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::{HashMap, HashSet};

/// One entry of a page's table of contents.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
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

/// Everything rendering a page's Markdown produces.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    pub ids: HashSet<String>,
    pub links: Vec<OutLink>,
    /// Same-page anchors with their offsets, checked against `ids`.
    pub local_anchors: Vec<(String, usize)>,
    pub diagnostics: Vec<Diagnostic>,
    /// On the glossary: heading id → the first paragraph after it, as
    /// plain text (a term's short explanation).
    pub definitions: HashMap<String, String>,
    /// The plain text by section (the intro, then each `##` and `###`
    /// heading), which the search index makes its targets.
    pub sections: Vec<TextSection>,
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

/// Tooltips show at most this many characters of a definition.
const DEFINITION_MAX: usize = 240;

/// How links are written in the output.
#[derive(Debug, Clone, Copy, Default)]
pub struct LinkStyle {
    /// Folder URLs end in `index.html` (offline copies).
    pub explicit_index: bool,
    /// For the print view, where every page of the language is a chapter:
    /// links to pages become links within the document, heading ids get
    /// their chapter's prefix and headings move one level down.
    pub print: bool,
}

/// The id of a pair's chapter in the print view.
pub fn chapter_id(pair: PairId) -> String {
    format!("c{pair}")
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Renders the body of `page`, whose own URL path is `url`.
pub fn render(
    hb: &Handbook,
    page: &Page,
    url: &str,
    hl: &Highlighter,
    style: LinkStyle,
    glossing: Glossing,
) -> Rendered {
    let mut r = Rendered::default();
    let body = page.body();
    let mut events: Vec<Event> = Vec::new();
    let mut heading: Option<(HeadingLevel, Option<String>, usize, Vec<Event>)> = None;
    let mut code: Option<(String, String)> = None;
    let mut define = Definitions::default();
    // The closing HTML of an open glossary link (`</a>` and its tooltip).
    let mut term_close: Option<String> = None;
    let mut tips = 0;
    let mut text = TextCollector::default();
    // In the print view: this page's chapter id, which prefixes its ids.
    let chapter = style
        .print
        .then(|| {
            hb.by_stem
                .get(&(page.stem(), page.lang))
                .map(|&p| chapter_id(p))
        })
        .flatten();
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let offset = page.body_offset + range.start;
        text.see(&event);
        if matches!(glossing, Glossing::Define) {
            define.see(&event, &mut r, &mut events);
        }
        if let Some((buf, lang)) = &mut code {
            match event {
                Event::Text(t) => buf.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let html = hl.block(buf, lang);
                    code = None;
                    events.push(Event::Html(html.into()));
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some((level, id.map(|i| i.to_string()), offset, Vec::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = heading.take() {
                    let level = h.0;
                    let id = finish_heading(
                        page,
                        hb.lang_code(page.lang),
                        h,
                        &mut r,
                        &mut events,
                        chapter.as_deref(),
                    );
                    text.heading_done(level, &id);
                    define.term = Some(id);
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => l.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((String::new(), lang));
            }
            Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                let links_before = r.links.len();
                let place = Place {
                    url,
                    style,
                    chapter: chapter.as_deref(),
                };
                let tag = with_dest(tag, |dest| link(hb, page, &place, dest, offset, &mut r));
                let term = match (&glossing, &tag, r.links.get(links_before), &heading) {
                    (
                        Glossing::Link { pair, definitions },
                        Tag::Link {
                            dest_url, title, ..
                        },
                        Some(out),
                        None,
                    ) if out.pair == *pair => out
                        .anchor
                        .as_ref()
                        .and_then(|a| definitions.get(out.lang)?.get(a))
                        .map(|def| {
                            tips += 1;
                            term_link(dest_url, title, def, tips)
                        }),
                    _ => None,
                };
                match term {
                    Some((open, close)) => {
                        events.push(Event::InlineHtml(open.into()));
                        term_close = Some(close);
                    }
                    None => push(&mut heading, &mut events, Event::Start(tag)),
                }
            }
            Event::End(TagEnd::Link) if term_close.is_some() => {
                let close = term_close.take().unwrap_or_default();
                events.push(Event::InlineHtml(close.into()));
            }
            // A disabled checkbox without a label fails WCAG (axe `label`);
            // a task list is read, not filled in, so a symbol says it all.
            Event::TaskListMarker(done) => {
                let mark = if done { "☑" } else { "☐" };
                let html = format!("<span class=\"task-mark\">{mark}</span> ");
                push(&mut heading, &mut events, Event::InlineHtml(html.into()));
            }
            other => push(&mut heading, &mut events, other),
        }
    }
    define.close(&mut events);
    pulldown_cmark::html::push_html(&mut r.html, events.into_iter());
    // Every page's HTML and text are kept until the site is written: keep
    // them at their size, not at the capacity they grew to (up to twice
    // it; allocators shrink a block in place rather than give half back).
    r.html = r.html.as_str().to_owned();
    r.sections = text.sections;
    for s in &mut r.sections {
        s.text = s.text.as_str().to_owned();
    }
    r
}

/// Collects a page's plain text by section while its events stream by.
struct TextCollector {
    sections: Vec<TextSection>,
    /// The text of the heading being read.
    heading: Option<String>,
}

impl Default for TextCollector {
    fn default() -> Self {
        TextCollector {
            sections: vec![TextSection::default()],
            heading: None,
        }
    }
}

impl TextCollector {
    fn see(&mut self, event: &Event) {
        let target = match &mut self.heading {
            Some(h) => h,
            None => match self.sections.last_mut() {
                Some(s) => &mut s.text,
                None => return,
            },
        };
        match event {
            Event::Start(Tag::Heading { .. }) => self.heading = Some(String::new()),
            Event::Text(t) | Event::Code(t) => target.push_str(t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            ) if !target.ends_with(' ') && !target.is_empty() => target.push(' '),
            _ => {}
        }
    }

    /// A heading ended: levels 2 and 3 start a section, deeper ones are text.
    fn heading_done(&mut self, level: HeadingLevel, id: &str) {
        let heading = self.heading.take().unwrap_or_default();
        if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
            self.sections.push(TextSection {
                anchor: Some(id.to_string()),
                heading: heading.trim().to_string(),
                text: String::new(),
            });
        } else if let Some(s) = self.sections.last_mut() {
            s.text.push_str(heading.trim());
            s.text.push(' ');
        }
    }
}

/// A glossary link's opening and closing HTML: the link, described by a
/// tooltip with the term's explanation (shown by CSS on hover and focus).
fn term_link(href: &str, title: &str, definition: &str, n: usize) -> (String, String) {
    use crate::text::escape::html as esc;
    let id = format!("brug-tip-{n}");
    let title = if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", esc(title))
    };
    (
        format!(
            "<span class=\"term\"><a href=\"{}\"{title} aria-describedby=\"{id}\">",
            esc(href)
        ),
        format!(
            "</a><span class=\"term-tip\" role=\"tooltip\" id=\"{id}\">{}</span></span>",
            esc(definition)
        ),
    )
}

/// Collects the glossary's definitions while its events stream by: the
/// first paragraph right after a heading defines that heading's term.
#[derive(Default)]
struct Definitions {
    /// The last heading's id, while no other block has started.
    term: Option<String>,
    /// The id whose first paragraph is being read, and its text so far.
    reading: Option<(String, String)>,
    /// The term whose section is open (its uses go before the next heading).
    open: Option<String>,
}

impl Definitions {
    fn see(&mut self, event: &Event, r: &mut Rendered, events: &mut Vec<Event>) {
        match event {
            Event::Start(Tag::Paragraph) => {
                if let Some(id) = self.term.take() {
                    self.reading = Some((id, String::new()));
                }
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some((id, text)) = self.reading.take() {
                    r.definitions
                        .insert(id.clone(), shorten(&text, DEFINITION_MAX));
                    self.open = Some(id);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = &mut self.reading {
                    text.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, text)) = &mut self.reading {
                    text.push(' ');
                }
            }
            Event::Start(Tag::Heading { .. }) => {
                self.term = None;
                self.close(events);
            }
            Event::Start(_) => self.term = None,
            _ => {}
        }
    }

    fn close(&mut self, events: &mut Vec<Event>) {
        if let Some(id) = self.open.take() {
            events.push(Event::Html(uses_marker(&id).into()));
        }
    }
}

/// `text` with collapsed white space, cut at a word boundary to at most
/// `max` characters (an ellipsis says it was cut).
fn shorten(text: &str, max: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::new();
    for word in words {
        if out.chars().count() + word.chars().count() + 1 > max {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn push<'a>(
    heading: &mut Option<(HeadingLevel, Option<String>, usize, Vec<Event<'a>>)>,
    events: &mut Vec<Event<'a>>,
    event: Event<'a>,
) {
    match heading {
        Some((_, _, _, inner)) => inner.push(event),
        None => events.push(event),
    }
}

/// Gives a heading its id (written `{#id}` or derived from its text, unique
/// on the page) and records it in the table of contents.
fn finish_heading<'a>(
    page: &Page,
    lang_code: &str,
    (level, explicit, offset, inner): (HeadingLevel, Option<String>, usize, Vec<Event<'a>>),
    r: &mut Rendered,
    events: &mut Vec<Event<'a>>,
    chapter: Option<&str>,
) -> String {
    let title: String = inner
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    let id = match explicit {
        Some(id) => {
            if r.ids.contains(&id) {
                r.diagnostics.push(
                    Diagnostic::error(
                        &page.file,
                        format!("the heading id `{id}` is used twice on this page"),
                    )
                    .at(&page.text, offset)
                    .hint("give each heading its own {#id}"),
                );
            }
            id
        }
        None => {
            let base = match slugify(&title, lang_code) {
                s if s.is_empty() => "section".to_string(),
                s => s,
            };
            let mut id = base.clone();
            let mut n = 2;
            while r.ids.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            id
        }
    };
    r.ids.insert(id.clone());
    let level_num = level as u8;
    if (2..=3).contains(&level_num) {
        r.toc.push(TocEntry {
            level: level_num,
            id: id.clone(),
            title: title.trim().to_string(),
        });
    }
    // The print view nests each page under its chapter title.
    let (shown_id, level) = match chapter {
        Some(c) => (format!("{c}-{id}"), deeper(level)),
        None => (id.clone(), level),
    };
    events.push(Event::Start(Tag::Heading {
        level,
        id: Some(CowStr::from(shown_id)),
        classes: Vec::new(),
        attrs: Vec::new(),
    }));
    events.extend(inner);
    events.push(Event::End(TagEnd::Heading(level)));
    id
}

fn deeper(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// A link or image tag with its destination replaced by `f(destination)`.
fn with_dest<'a>(tag: Tag<'a>, f: impl FnOnce(&CowStr<'a>) -> CowStr<'a>) -> Tag<'a> {
    match tag {
        Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        } => Tag::Link {
            link_type,
            dest_url: f(&dest_url),
            title,
            id,
        },
        Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        } => Tag::Image {
            link_type,
            dest_url: f(&dest_url),
            title,
            id,
        },
        other => other,
    }
}

/// Where links are written from: the page's URL, the link style and, in
/// the print view, the page's chapter.
#[derive(Clone, Copy)]
struct Place<'p> {
    url: &'p str,
    style: LinkStyle,
    chapter: Option<&'p str>,
}

/// Resolves one link and returns the URL to write.
fn link<'a>(
    hb: &Handbook,
    page: &Page,
    from: &Place,
    dest: &CowStr<'a>,
    offset: usize,
    r: &mut Rendered,
) -> CowStr<'a> {
    let Place {
        url,
        style,
        chapter,
    } = *from;
    match resolve(hb, page, dest) {
        Ok(Target::External) => dest.clone(),
        Ok(Target::SamePage { anchor }) => {
            let href = match chapter {
                Some(c) => format!("#{c}-{anchor}").into(),
                None => dest.clone(),
            };
            r.local_anchors.push((anchor, offset));
            href
        }
        Ok(Target::Static { url: target }) => relative(url, &encode_path(&target), false).into(),
        Ok(Target::Page {
            pair,
            lang,
            url: target,
            anchor,
        }) => {
            // In the print view a page of this language is a chapter.
            let in_document =
                style.print && lang == page.lang && hb.pairs[pair].pages[lang].is_some();
            let mut href = if in_document {
                format!("#{}", chapter_id(pair))
            } else {
                relative(url, &target, style.explicit_index)
            };
            if let Some(a) = &anchor {
                href.push(if in_document { '-' } else { '#' });
                href.push_str(a);
            }
            r.links.push(OutLink {
                pair,
                lang,
                anchor,
                offset,
            });
            href.into()
        }
        Err(e) => {
            r.diagnostics.push(
                Diagnostic::error(&page.file, e.message)
                    .at(&page.text, offset)
                    .hint(e.hint),
            );
            dest.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_at_a_word_and_says_so() {
        assert_eq!(shorten("  een   korte\ntekst ", 40), "een korte tekst");
        assert_eq!(shorten("aaaa bbbb cccc", 9), "aaaa bbbb…");
        assert_eq!(shorten("", 5), "");
        assert_eq!(shorten(&"ü".repeat(20), 5), "…");
    }
}
