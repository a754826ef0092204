//! Markdown → HTML: a small state machine over pulldown-cmark events,
//! iterated with byte offsets so that every link problem has a line. It
//! renders each page once and returns everything later steps need: the HTML,
//! the table of contents, heading ids (for anchor checks), outgoing links
//! (for anchor checks and backlinks) and diagnostics.

use crate::diagnostics::Diagnostic;
use crate::highlight::Highlighter;
use crate::links::{encode_path, relative, resolve, Target};
use crate::model::{Handbook, Lang, Page, PairId};
use crate::slug::slugify;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;

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
}

/// How links are written in the output.
#[derive(Debug, Clone, Copy, Default)]
pub struct LinkStyle {
    /// Folder URLs end in `index.html` (offline copies).
    pub explicit_index: bool,
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
) -> Rendered {
    let mut r = Rendered::default();
    let body = page.body();
    let mut events: Vec<Event> = Vec::new();
    let mut heading: Option<(HeadingLevel, Option<String>, usize, Vec<Event>)> = None;
    let mut code: Option<(String, String)> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let offset = page.body_offset + range.start;
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
                    finish_heading(page, hb.lang_code(page.lang), h, &mut r, &mut events);
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
                let tag = with_dest(tag, |dest| link(hb, page, url, dest, offset, style, &mut r));
                push(&mut heading, &mut events, Event::Start(tag));
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
    pulldown_cmark::html::push_html(&mut r.html, events.into_iter());
    r
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
) {
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
    events.push(Event::Start(Tag::Heading {
        level,
        id: Some(CowStr::from(id)),
        classes: Vec::new(),
        attrs: Vec::new(),
    }));
    events.extend(inner);
    events.push(Event::End(TagEnd::Heading(level)));
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

/// Resolves one link and returns the URL to write.
fn link<'a>(
    hb: &Handbook,
    page: &Page,
    url: &str,
    dest: &CowStr<'a>,
    offset: usize,
    style: LinkStyle,
    r: &mut Rendered,
) -> CowStr<'a> {
    match resolve(hb, page, dest) {
        Ok(Target::External) => dest.clone(),
        Ok(Target::SamePage { anchor }) => {
            r.local_anchors.push((anchor, offset));
            dest.clone()
        }
        Ok(Target::Static { url: target }) => relative(url, &encode_path(&target), false).into(),
        Ok(Target::Page {
            pair,
            lang,
            url: target,
            anchor,
        }) => {
            let mut href = relative(url, &target, style.explicit_index);
            if let Some(a) = &anchor {
                href.push('#');
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
