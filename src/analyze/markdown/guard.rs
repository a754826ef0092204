//! What a page's Markdown may put on the page: raw HTML as the handbook
//! allows it (sanitised, trusted or omitted), no link that runs script, no
//! image from another site, and no nesting deeper than `MAX_DEPTH`, which
//! would only exhaust the stack of a later step.

use crate::analyze::safety::scan::{Finding, Kind, Scan};
use crate::analyze::safety::{external_host, refused_scheme, Safety, MAX_DEPTH};
use crate::diagnostics::Diagnostic;
use crate::model::Page;
use crate::source::config::RawHtml;
use pulldown_cmark::{Event, Tag, TagEnd};

const TRUST_HINT: &str =
    "if every editor of this handbook is trusted, set [markdown] raw_html = \"trusted\" in handbook.toml";

/// What the guard does with an event.
pub(super) enum Verdict<'a> {
    /// Not raw HTML: the writer goes on with it.
    Other(Event<'a>),
    /// Raw HTML, decided: these events go to the page (none when left out,
    /// and none yet while an HTML block is being read).
    Emit(Vec<Event<'a>>),
}

/// The guard's state over one page.
pub(super) struct Guard<'a> {
    safety: Safety<'a>,
    page: &'a Page,
    scan: Scan,
    /// An open HTML block: its offset, its text, its events.
    block: Option<(usize, String, Vec<Event<'a>>)>,
    /// Markdown elements open now.
    depth: usize,
    deep_reported: bool,
    /// Did raw HTML reach the page (so that the page is sanitised)?
    pub(super) raw_seen: bool,
    pub(super) diagnostics: Vec<Diagnostic>,
}

impl<'a> Guard<'a> {
    pub(super) fn new(page: &'a Page, safety: Safety<'a>) -> Self {
        Guard {
            safety,
            page,
            scan: Scan::default(),
            block: None,
            depth: 0,
            deep_reported: false,
            raw_seen: false,
            diagnostics: Vec::new(),
        }
    }

    /// Does `event` stay? Elements nested deeper than `MAX_DEPTH` are left
    /// out (their text stays), with one error for the page.
    pub(super) fn keeps(&mut self, event: &Event, offset: usize) -> bool {
        match event {
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH && !self.deep_reported {
                    self.deep_reported = true;
                    self.error(
                        offset,
                        format!("Markdown nests more than {MAX_DEPTH} levels deep here (block quotes, lists or emphasis inside each other)"),
                        "flatten it: no page needs this much nesting, and the deeper levels are left out",
                    );
                }
                self.depth <= MAX_DEPTH
            }
            Event::End(_) => {
                self.depth = self.depth.saturating_sub(1);
                self.depth < MAX_DEPTH
            }
            _ => true,
        }
    }

    /// Takes raw HTML: reports on it and decides what reaches the page.
    pub(super) fn raw(&mut self, event: Event<'a>, offset: usize) -> Verdict<'a> {
        match event {
            Event::Start(Tag::HtmlBlock) => {
                self.block = Some((offset, String::new(), vec![event]));
                Verdict::Emit(Vec::new())
            }
            Event::Html(html) if self.block.is_some() => {
                if let Some((_, text, events)) = &mut self.block {
                    text.push_str(&html);
                    events.push(Event::Html(html));
                }
                Verdict::Emit(Vec::new())
            }
            Event::End(TagEnd::HtmlBlock) => {
                let Some((start, text, mut events)) = self.block.take() else {
                    return Verdict::Emit(Vec::new());
                };
                events.push(event);
                self.decide(&text, start, events)
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                let text = html.to_string();
                self.decide(&text, offset, vec![Event::InlineHtml(html)])
            }
            other => Verdict::Other(other),
        }
    }

    /// May a Markdown link (or image, `image`) go to `dest`? Reports why not.
    pub(super) fn link(&mut self, dest: &str, image: bool, offset: usize) -> bool {
        if let Some(scheme) = refused_scheme(dest, image) {
            self.error(
                offset,
                format!("a link to a `{scheme}:` URL could run script in the reader's browser"),
                "link to a page of the handbook or to a web address (https://…)",
            );
            return false;
        }
        match external_host(dest) {
            Some(host) if image && !self.safety.allows_host(&host) => {
                self.error(
                    offset,
                    format!("the image {dest} is loaded from another site ({host}), which every reader's visit would be announced to, and which the offline copy lacks"),
                    format!("copy the file next to the page and write its name, or allow the host with [output] external_resources = [\"{host}\"] in handbook.toml"),
                );
                false
            }
            _ => true,
        }
    }

    /// Scans raw HTML `text` at `offset`; returns the events that go on.
    fn decide(&mut self, text: &str, offset: usize, events: Vec<Event<'a>>) -> Verdict<'a> {
        if self.safety.raw_html == RawHtml::Omit {
            return Verdict::Emit(Vec::new());
        }
        let mut keep = true;
        for f in self.scan.fragment(text, MAX_DEPTH) {
            let at = offset + place(text, &f);
            keep &= f.kind != Kind::TooDeep;
            self.report(f, at);
        }
        if !keep {
            return Verdict::Emit(Vec::new());
        }
        self.raw_seen = true;
        Verdict::Emit(events)
    }

    fn report(&mut self, f: Finding, at: usize) {
        let sanitize = self.safety.raw_html == RawHtml::Sanitize;
        let tag = &f.tag;
        let (message, hint) = match f.kind {
            Kind::External { url, host } if !self.safety.allows_host(&host) => {
                if sanitize && !crate::analyze::safety::policy::TAGS.contains(&tag.as_str()) {
                    return; // removed anyway, and reported as such
                }
                let hint = format!("copy the file next to the page and refer to it by its name, or allow the host with [output] external_resources = [\"{host}\"] in handbook.toml");
                let message = format!("<{tag}> loads {url} from another site ({host}), which every reader's visit would be announced to, and which the offline copy lacks");
                return self.error(at, message, hint);
            }
            Kind::TooDeep => {
                if !self.deep_reported {
                    self.deep_reported = true;
                    self.error(at, format!("HTML elements nest more than {MAX_DEPTH} levels deep here"), "close the elements you open; this HTML is left out of the page");
                }
                return;
            }
            _ if !sanitize => return,
            Kind::External { .. } => return,
            Kind::Dropped => (format!("removed <{tag}> and its content"), format!("raw HTML may not run scripts or carry style sheets; {TRUST_HINT}")),
            Kind::Unwrapped => (format!("removed the element <{tag}> (its text stays)"), format!("raw HTML may not embed frames, objects or forms; use Markdown or an element such as details, abbr or figure; {TRUST_HINT}")),
            Kind::Attribute(a) => (format!("removed the attribute `{a}` of <{tag}>"), format!("attributes that run script or set styles are not allowed; a class can be styled by the theme; {TRUST_HINT}")),
            Kind::Scheme { attr, scheme } => (format!("removed the `{scheme}:` URL in `{attr}` of <{tag}>"), "link to a page of the handbook or to a web address (https://…)".to_string()),
        };
        let d = Diagnostic::warning(&self.page.file, message).at(&self.page.text, at);
        self.diagnostics.push(d.hint(hint));
    }

    fn error(&mut self, at: usize, message: String, hint: impl Into<String>) {
        let d = Diagnostic::error(&self.page.file, message).at(&self.page.text, at);
        self.diagnostics.push(d.hint(hint));
    }
}

/// The byte offset of finding `f` in `text`: the `<tag` on its line, or
/// the line's start.
fn place(text: &str, f: &Finding) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(f.line.saturating_sub(1))
        .map(str::len)
        .sum();
    let line = text[line_start..].split('\n').next().unwrap_or("");
    let open = format!("<{}", f.tag);
    let at = line.char_indices().find(|(i, _)| {
        line[*i..].len() >= open.len() && line[*i..i + open.len()].eq_ignore_ascii_case(&open)
    });
    line_start + at.map_or(0, |(i, _)| i)
}
