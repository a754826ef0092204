//! The event loop of Markdown rendering. Events go to the web page's
//! stream and, for a chapter of the print view, to the chapter's stream
//! as well; only links, headings and glossary tooltips differ between
//! the two, so one parse gives both.

use super::glossing::{term_link, Definitions};
use super::guard::{Guard, Verdict};
use super::table::Tables;
use super::text::TextCollector;
use super::{chapter_id, is_web, ExternalLink, Glossing, OutLink, Part, Place, Rendered, TocEntry};
use crate::analyze::highlight::Highlighter;
use crate::analyze::links::{Resolve, Target};
use crate::analyze::safety::policy::sanitize;
use crate::diagnostics::{Diagnostic, Lines};
use crate::model::Page;
use crate::source::config::RawHtml;
use crate::text::slug::slugify;
use crate::text::urls::{encode_path, relative};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Tag, TagEnd};
use std::cell::OnceCell;
use std::collections::HashMap;

/// The output events: the web page's, and the print chapter's when the
/// page is one.
struct Streams<'a> {
    web: Vec<Event<'a>>,
    print: Option<Vec<Event<'a>>>,
}

impl<'a> Streams<'a> {
    fn new(print: bool) -> Self {
        Streams {
            web: Vec::new(),
            print: print.then(Vec::new),
        }
    }

    /// An event both outputs share.
    fn both(&mut self, event: Event<'a>) {
        if let Some(p) = &mut self.print {
            p.push(event.clone());
        }
        self.web.push(event);
    }

    /// An event that differs: `print` is `None` only without a print stream.
    fn each(&mut self, web: Event<'a>, print: Option<Event<'a>>) {
        if let (Some(p), Some(e)) = (&mut self.print, print) {
            p.push(e);
        }
        self.web.push(web);
    }
}

/// A heading being read: its level, its `{#id}` if written, where it
/// starts, and its inner events.
struct OpenHeading<'a> {
    level: HeadingLevel,
    explicit: Option<String>,
    offset: usize,
    inner: Streams<'a>,
}

/// The state of one page's rendering.
pub(super) struct Writer<'a> {
    page: &'a Page,
    links: &'a dyn Resolve,
    place: &'a Place<'a>,
    hl: &'a Highlighter,
    r: Rendered,
    out: Streams<'a>,
    heading: Option<OpenHeading<'a>>,
    /// An open code block: its text so far and its language.
    code: Option<(String, String)>,
    define: Definitions,
    /// The closing HTML of an open glossary link (`</a>` and its tooltip).
    term_close: Option<String>,
    tips: usize,
    text: TextCollector,
    /// The page's chapter id in the print view, which prefixes its ids there.
    chapter: Option<String>,
    guard: Guard<'a>,
    tables: Tables,
    /// The page's text by line, made at its first diagnostic.
    lines: OnceCell<Lines<'a>>,
    /// In a column render: where in the web stream each `##` starts, and
    /// its id.
    splits: Vec<(usize, String)>,
    /// Per id derived from a heading's text, the suffix to try next when
    /// that id is taken again (`aanpak-2`, `aanpak-3`, …).
    next_suffix: HashMap<String, usize>,
}

impl<'a> Writer<'a> {
    pub(super) fn new(
        page: &'a Page,
        links: &'a dyn Resolve,
        place: &'a Place<'a>,
        hl: &'a Highlighter,
    ) -> Self {
        let chapter = place
            .print
            .and_then(|_| links.pair_of(page))
            .map(chapter_id);
        Writer {
            page,
            links,
            place,
            hl,
            r: Rendered::default(),
            out: Streams::new(place.print.is_some()),
            heading: None,
            code: None,
            define: Definitions::default(),
            term_close: None,
            tips: 0,
            text: TextCollector::default(),
            chapter,
            guard: Guard::new(page, place.safety),
            tables: Tables::default(),
            lines: OnceCell::new(),
            next_suffix: HashMap::new(),
            splits: Vec::new(),
        }
    }

    /// Takes the next event, which starts at byte `offset` of the page.
    pub(super) fn event(&mut self, event: Event<'a>, offset: usize) {
        self.text.see(&event);
        if matches!(self.place.glossing, Glossing::Define) {
            self.define.see(&event, &mut self.r, &mut self.out.web);
        }
        if !self.guard.keeps(&event, offset) {
            return;
        }
        let event = match self.guard.raw(event, offset) {
            Verdict::Other(e) => self.tables.map(e),
            Verdict::Emit(events) => return events.into_iter().for_each(|e| self.push(e)),
        };
        if self.code.is_some() {
            return self.code_event(event);
        }
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                self.heading = Some(OpenHeading {
                    level,
                    explicit: id.map(|i| i.to_string()),
                    offset,
                    inner: Streams::new(self.out.print.is_some()),
                });
            }
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => l.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((String::new(), lang));
            }
            Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                self.start_link(tag, offset)
            }
            Event::End(TagEnd::Link) if self.term_close.is_some() => {
                let close = self.term_close.take().unwrap_or_default();
                let print = Some(Event::End(TagEnd::Link));
                self.out.each(Event::InlineHtml(close.into()), print);
            }
            // A disabled checkbox without a label fails WCAG (axe `label`);
            // a task list is read, not filled in, so a symbol says it all.
            Event::TaskListMarker(done) => {
                let mark = if done { "☑" } else { "☐" };
                let html = format!("<span class=\"task-mark\">{mark}</span> ");
                self.push(Event::InlineHtml(html.into()));
            }
            other => self.push(other),
        }
    }

    /// The HTML of both outputs, and what was found on the way.
    pub(super) fn finish(mut self) -> Rendered {
        self.define.close(&mut self.out.web);
        let mut r = self.r;
        r.diagnostics.append(&mut self.guard.diagnostics);
        // Every page's HTML and text are kept until the site is written:
        // keep them at their size, not at the capacity they grew to (up to
        // twice it; allocators shrink a block in place rather than give
        // half back).
        r.sections = self.text.sections;
        for s in &mut r.sections {
            s.text = s.text.as_str().to_owned();
        }
        let clean = self.guard.raw_seen && self.place.safety.raw_html == RawHtml::Sanitize;
        if self.place.column.is_some() {
            r.parts = parts_of(self.out.web, self.splits, clean);
            return r;
        }
        r.html = html_of(self.out.web);
        r.print = self.out.print.map(html_of);
        if clean {
            r.html = sanitize(&r.html);
            r.print = r.print.as_deref().map(sanitize);
        }
        r
    }

    /// An event shared by both outputs, inside the open heading if any.
    fn push(&mut self, event: Event<'a>) {
        match &mut self.heading {
            Some(h) => h.inner.both(event),
            None => self.out.both(event),
        }
    }

    /// An event that differs between the outputs, inside the open heading
    /// if any.
    fn push_each(&mut self, web: Event<'a>, print: Option<Event<'a>>) {
        match &mut self.heading {
            Some(h) => h.inner.each(web, print),
            None => self.out.each(web, print),
        }
    }

    fn code_event(&mut self, event: Event<'a>) {
        let Some((buf, lang)) = &mut self.code else {
            return;
        };
        match event {
            Event::Text(t) => buf.push_str(&t),
            Event::End(TagEnd::CodeBlock) => {
                let html = self.hl.block(buf, lang);
                self.code = None;
                self.out.both(Event::Html(html.into()));
            }
            _ => {}
        }
    }

    /// A link or image: its destination resolved for each output, and a
    /// link to a glossary term made a tooltip's anchor on the web page.
    fn start_link(&mut self, tag: Tag<'a>, offset: usize) {
        let dest = match &tag {
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => dest_url.clone(),
            _ => CowStr::Borrowed(""),
        };
        let image = matches!(tag, Tag::Image { .. });
        if !self.guard.link(&dest, image, offset) {
            let print = self
                .out
                .print
                .as_ref()
                .map(|_| Event::Start(with_dest(tag.clone(), "".into())));
            return self.push_each(Event::Start(with_dest(tag, "".into())), print);
        }
        let links_before = self.r.links.len();
        let (web_dest, print_dest) = self.hrefs(&dest, offset);
        let print = print_dest.map(|d| Event::Start(with_dest(tag.clone(), d)));
        let web = with_dest(tag, web_dest);
        let definition = match (&self.place.glossing, self.r.links.get(links_before)) {
            (Glossing::Link { pair, definitions }, Some(out))
                if out.pair == *pair && self.heading.is_none() =>
            {
                let anchor = out.anchor.as_ref();
                anchor.and_then(|a| definitions.get(out.lang)?.get(a).cloned())
            }
            _ => None,
        };
        match (definition, &web) {
            (
                Some(def),
                Tag::Link {
                    dest_url, title, ..
                },
            ) => {
                self.tips += 1;
                let (open, close) = term_link(dest_url, title, &def, self.tips);
                self.out.each(Event::InlineHtml(open.into()), print);
                self.term_close = Some(close);
            }
            _ => self.push_each(Event::Start(web), print),
        }
    }

    /// Resolves one link; returns the URL to write on the web page and in
    /// the print chapter (when there is one).
    fn hrefs(&mut self, dest: &CowStr<'a>, offset: usize) -> (CowStr<'a>, Option<CowStr<'a>>) {
        let Place { url, style, .. } = *self.place;
        let print = self.place.print;
        let resolved = self.links.resolve(self.page, dest);
        match resolved {
            Ok(Target::External) => {
                if is_web(dest) {
                    let url = dest.to_string();
                    self.r.external.push(ExternalLink { url, offset });
                }
                (dest.clone(), print.map(|_| dest.clone()))
            }
            Ok(Target::SamePage { anchor }) => {
                let in_chapter = match &self.chapter {
                    Some(c) => format!("#{c}-{anchor}").into(),
                    None => dest.clone(),
                };
                let web = match self.place.column {
                    Some(prefix) => format!("#{prefix}-{anchor}").into(),
                    None => dest.clone(),
                };
                self.r.local_anchors.push((anchor, offset));
                (web, print.map(|_| in_chapter))
            }
            Ok(Target::Static { url: target }) => {
                let target = encode_path(&target);
                let print = print.map(|p| relative(p, &target, false).into());
                (relative(url, &target, false).into(), print)
            }
            Ok(Target::Page {
                pair,
                lang,
                url: target,
                anchor,
            }) => {
                let mut web = relative(url, &target, style.explicit_index);
                let print = print.map(|p| {
                    // In the print view a page of this language is a chapter.
                    if lang == self.page.lang && self.links.exists(pair, lang) {
                        with_anchor(format!("#{}", chapter_id(pair)), '-', &anchor)
                    } else {
                        with_anchor(relative(p, &target, style.explicit_index), '#', &anchor)
                    }
                });
                web = with_anchor(web, '#', &anchor);
                self.r.links.push(OutLink {
                    pair,
                    lang,
                    anchor,
                    offset,
                });
                (web.into(), print.map(Into::into))
            }
            Err(e) => {
                let d = self.at(Diagnostic::error(&self.page.file, e.message), offset);
                self.r.diagnostics.push(d.hint(e.hint));
                (dest.clone(), print.map(|_| dest.clone()))
            }
        }
    }

    /// Closes the open heading: gives it its id, notes it in the table of
    /// contents, and writes it to each output.
    fn end_heading(&mut self) {
        let Some(h) = self.heading.take() else {
            return;
        };
        let title: String = h
            .inner
            .web
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let id = self.heading_id(h.explicit, &title, h.offset);
        let level_num = h.level as u8;
        if (2..=3).contains(&level_num) {
            self.r.toc.push(TocEntry {
                level: level_num,
                id: id.clone(),
                title: title.trim().to_string(),
                offset: h.offset,
            });
        }
        let web_id = match self.place.column {
            Some(prefix) => {
                if h.level == HeadingLevel::H2 {
                    self.splits.push((self.out.web.len(), id.clone()));
                }
                format!("{prefix}-{id}")
            }
            None => id.clone(),
        };
        self.out.web.push(heading_start(h.level, web_id));
        self.out.web.extend(h.inner.web);
        self.out.web.push(Event::End(TagEnd::Heading(h.level)));
        if let (Some(print), Some(inner)) = (&mut self.out.print, h.inner.print) {
            // The print view nests each page under its chapter title.
            let (shown, level) = match &self.chapter {
                Some(c) => (format!("{c}-{id}"), deeper(h.level)),
                None => (id.clone(), h.level),
            };
            print.push(heading_start(level, shown));
            print.extend(inner);
            print.push(Event::End(TagEnd::Heading(level)));
        }
        self.text.heading_done(h.level, &id);
        self.define.term = Some(id);
    }

    /// A heading's id: written `{#id}` (an error when used twice) or
    /// derived from its text, unique on the page: the first free of
    /// `base`, `base-2`, `base-3`, …, searched from where the last heading
    /// with that base stopped (ids are only ever added, so no earlier
    /// suffix can be free again), which keeps a page of thousands of equal
    /// headings linear.
    fn heading_id(&mut self, explicit: Option<String>, title: &str, offset: usize) -> String {
        let id = match explicit {
            Some(id) => {
                if self.r.ids.contains(&id) {
                    let message = format!("the heading id `{id}` is used twice on this page");
                    let d = self.at(Diagnostic::error(&self.page.file, message), offset);
                    self.r
                        .diagnostics
                        .push(d.hint("give each heading its own {#id}"));
                }
                id
            }
            None => {
                let base = match slugify(title, self.links.lang_code(self.page.lang)) {
                    s if s.is_empty() => "section".to_string(),
                    s => s,
                };
                let n = self.next_suffix.entry(base.clone()).or_insert(2);
                let ids = &self.r.ids;
                let mut id = base.clone();
                if ids.contains(&id) {
                    id = format!("{base}-{n}");
                }
                while ids.contains(&id) {
                    *n += 1;
                    id = format!("{base}-{n}");
                }
                id
            }
        };
        self.r.ids.insert(id.clone());
        id
    }

    /// `d` placed at byte `offset` of the page.
    fn at(&self, d: Diagnostic, offset: usize) -> Diagnostic {
        let lines = self.lines.get_or_init(|| Lines::new(&self.page.text));
        d.at_line(lines, offset)
    }
}

/// The HTML of `events` in parts: before the first split, then from each
/// split to the next; each sanitized when `clean`.
fn parts_of(mut events: Vec<Event>, splits: Vec<(usize, String)>, clean: bool) -> Vec<Part> {
    let mut parts = Vec::with_capacity(splits.len() + 1);
    for (at, id) in splits.into_iter().rev() {
        let tail = events.split_off(at);
        parts.push((Some(id), tail));
    }
    parts.push((None, events));
    parts.reverse();
    parts
        .into_iter()
        .map(|(id, events)| {
            let html = html_of(events);
            Part {
                id,
                html: if clean { sanitize(&html) } else { html },
            }
        })
        .collect()
}

fn html_of(events: Vec<Event>) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html.as_str().to_owned()
}

fn heading_start<'a>(level: HeadingLevel, id: String) -> Event<'a> {
    Event::Start(Tag::Heading {
        level,
        id: Some(CowStr::from(id)),
        classes: Vec::new(),
        attrs: Vec::new(),
    })
}

fn with_anchor(mut href: String, sep: char, anchor: &Option<String>) -> String {
    if let Some(a) = anchor {
        href.push(sep);
        href.push_str(a);
    }
    href
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

/// A link or image tag with its destination replaced.
fn with_dest<'a>(tag: Tag<'a>, dest: CowStr<'a>) -> Tag<'a> {
    match tag {
        Tag::Link {
            link_type,
            title,
            id,
            ..
        } => Tag::Link {
            link_type,
            dest_url: dest,
            title,
            id,
        },
        Tag::Image {
            link_type,
            title,
            id,
            ..
        } => Tag::Image {
            link_type,
            dest_url: dest,
            title,
            id,
        },
        other => other,
    }
}
