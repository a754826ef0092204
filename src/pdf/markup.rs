//! One chapter's Markdown as Typst markup. Every string from content goes
//! through `escape`; structure (lists, tables, quotes, emphasis, links)
//! becomes function calls with content blocks, which nest without the
//! indentation rules of Typst's list markup. Links into the document wait
//! as placeholders until every chapter's labels are known (`resolve`).

use super::escape::{label, markup, string};
use super::extras::TermUses;
use super::images::Images;
use crate::analyze::links::{Resolve, Target};
use crate::analyze::markdown::options;
use crate::diagnostics::{Diagnostic, Lines};
use crate::model::{Handbook, Page, PairId};
use crate::text::slug::slugify;
use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};
use std::collections::{HashMap, HashSet};

/// Marks a link into the document: `LINK` label `END`, then `[text]`.
const LINK: char = '\u{E000}';
/// Marks a footnote reference: `NOTE` name `END`.
const NOTE: char = '\u{E001}';
const END: char = '\u{E002}';

/// The label of a pair's chapter, and of a heading in it.
pub fn chapter_label(pair: PairId) -> String {
    format!("c{pair}")
}

/// A link to `label` around `text` (Typst markup), made a real link by
/// `resolve` once every label of the document is known.
pub fn internal_link(label: &str, text: &str) -> String {
    format!("{LINK}{label}{END}[{text}]")
}

fn heading_label(pair: PairId, id: &str) -> String {
    label(&format!("c{pair}-{id}"))
}

/// Where a chapter goes and what the document collects from it.
pub struct Chapter<'a> {
    pub hb: &'a Handbook,
    pub pair: PairId,
    pub page: &'a Page,
    /// The level of the chapter's own heading (1 + its depth).
    pub level: usize,
    /// On the glossary: the pages that use each term, listed at the end
    /// of its definition as on the web page.
    pub uses: Option<&'a TermUses<'a>>,
}

/// What is open while events arrive.
enum Open {
    Heading {
        level: HeadingLevel,
        explicit: Option<String>,
        text: String,
    },
    /// A link to the web: its address, printed after the text.
    WebLink(String),
    Link,
    Image {
        dest: String,
        alt: String,
        offset: usize,
    },
    Code {
        lang: String,
        text: String,
    },
    Footnote(String),
}

struct Writer<'a, 'd> {
    ch: &'a Chapter<'a>,
    images: &'d mut Images,
    diags: &'d mut Vec<Diagnostic>,
    lines: Lines<'a>,
    /// Output buffers: a heading's or footnote's own on top.
    bufs: Vec<String>,
    open: Vec<Open>,
    ids: HashSet<String>,
    notes: HashMap<String, String>,
    last_level: usize,
    html_warned: bool,
    /// The glossary's term whose first paragraph may come next, the one
    /// being read, and the one whose uses go before the next heading.
    term: Option<String>,
    reading: Option<String>,
    defined: Option<String>,
}

/// The chapter's body as Typst markup (headings below the chapter's own
/// level), with the labels of its headings added to `labels`.
pub fn chapter(
    ch: &Chapter,
    images: &mut Images,
    labels: &mut HashSet<String>,
    diags: &mut Vec<Diagnostic>,
) -> String {
    let mut w = Writer {
        ch,
        images,
        diags,
        lines: Lines::new(&ch.page.text),
        bufs: vec![String::new()],
        open: Vec::new(),
        ids: HashSet::new(),
        notes: HashMap::new(),
        last_level: ch.level,
        html_warned: false,
        term: None,
        reading: None,
        defined: None,
    };
    let body = ch.page.body();
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        w.event(event, ch.page.body_offset + range.start);
    }
    w.term_uses();
    let out = w.bufs.swap_remove(0);
    labels.extend(w.ids.iter().map(|id| heading_label(ch.pair, id)));
    footnotes(&out, &w.notes, ch.pair)
}

impl<'a> Writer<'a, '_> {
    fn out(&mut self) -> &mut String {
        self.bufs.last_mut().expect("a buffer")
    }

    fn push(&mut self, s: &str) {
        self.out().push_str(s);
    }

    fn warn(&mut self, message: String, hint: &str, offset: usize) {
        let d = Diagnostic::warning(&self.ch.page.file, message).at_line(&self.lines, offset);
        self.diags.push(d.hint(hint));
    }

    fn event(&mut self, event: Event, offset: usize) {
        // Inside an image only its alt text counts, inside code its text.
        match (self.open.last_mut(), &event) {
            (Some(Open::Image { alt, .. }), Event::Text(t) | Event::Code(t)) => {
                alt.push_str(t);
                return;
            }
            (Some(Open::Image { .. }), e) if !matches!(e, Event::End(TagEnd::Image)) => return,
            (Some(Open::Code { text, .. }), Event::Text(t)) => {
                text.push_str(t);
                return;
            }
            _ => {}
        }
        match event {
            Event::Start(tag) => self.start(tag, offset),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => {
                if let Some(Open::Heading { text, .. }) = self.open.last_mut() {
                    text.push_str(&t);
                }
                self.push(&markup(&t));
            }
            Event::Code(t) => {
                if let Some(Open::Heading { text, .. }) = self.open.last_mut() {
                    text.push_str(&t);
                }
                let code = format!("#raw({})", string(&t));
                self.push(&code);
            }
            Event::SoftBreak => self.push(" "),
            Event::HardBreak => self.push("#linebreak()"),
            Event::Rule => self.push("\n#line(length: 100%)\n\n"),
            Event::TaskListMarker(done) => self.push(if done { "\\[x\\] " } else { "\\[ \\] " }),
            Event::FootnoteReference(name) => {
                let mark = format!("{NOTE}{}{END}", label(&name));
                self.push(&mark);
            }
            Event::Html(_) | Event::InlineHtml(_) => self.raw_html(offset),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.push(&markup(&t)),
        }
    }

    fn raw_html(&mut self, offset: usize) {
        if !self.html_warned {
            self.html_warned = true;
            self.warn(
                "raw HTML is left out of the PDF".into(),
                "write it in Markdown to have it in the PDF too",
                offset,
            );
        }
    }

    /// The list of pages using the glossary term just defined, if any.
    fn term_uses(&mut self) {
        if let (Some(uses), Some(id)) = (self.ch.uses, self.defined.take()) {
            let list = uses.list(&id);
            self.push(&list);
        }
    }

    fn start(&mut self, tag: Tag, offset: usize) {
        match &tag {
            Tag::Paragraph => self.reading = self.term.take(),
            _ => self.term = None,
        }
        match tag {
            Tag::Paragraph => {}
            Tag::Heading { level, id, .. } => {
                self.term_uses();
                self.bufs.push(String::new());
                self.open.push(Open::Heading {
                    level,
                    explicit: id.map(|s| s.to_string()),
                    text: String::new(),
                });
            }
            Tag::BlockQuote(_) => self.push("#quote(block: true)[\n"),
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info
                        .split_whitespace()
                        .next()
                        .filter(|l| {
                            l.chars()
                                .all(|c| c.is_ascii_alphanumeric() || "+-_".contains(c))
                        })
                        .unwrap_or("")
                        .to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.open.push(Open::Code {
                    lang,
                    text: String::new(),
                });
            }
            Tag::List(Some(start)) => self.push(&format!("#enum(start: {start}, ")),
            Tag::List(None) => self.push("#list("),
            Tag::Item => self.push("["),
            Tag::Table(aligns) => self.table(&aligns),
            Tag::TableHead => self.push("table.header("),
            Tag::TableRow => {}
            Tag::TableCell => self.push("["),
            Tag::Emphasis => self.push("#emph["),
            Tag::Strong => self.push("#strong["),
            Tag::Strikethrough => self.push("#strike["),
            Tag::Link { dest_url, .. } => self.link(&dest_url, offset),
            Tag::Image { dest_url, .. } => self.open.push(Open::Image {
                dest: dest_url.to_string(),
                alt: String::new(),
                offset,
            }),
            Tag::FootnoteDefinition(name) => {
                self.bufs.push(String::new());
                self.open.push(Open::Footnote(label(&name)));
            }
            Tag::HtmlBlock => {}
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => {
                self.push("\n\n");
                if let Some(id) = self.reading.take() {
                    self.defined = Some(id);
                }
            }
            TagEnd::Heading(_) => self.heading(),
            TagEnd::BlockQuote(_) => self.push("]\n\n"),
            TagEnd::CodeBlock => {
                if let Some(Open::Code { lang, text }) = self.open.pop() {
                    let lang = if lang.is_empty() {
                        "none".into()
                    } else {
                        string(&lang)
                    };
                    let code = format!("#raw(block: true, lang: {lang}, {})\n\n", string(&text));
                    self.push(&code);
                }
            }
            TagEnd::List(_) => self.push(")\n\n"),
            TagEnd::Item => self.push("], "),
            TagEnd::Table => self.push(")\n\n"),
            TagEnd::TableHead => self.push("), "),
            TagEnd::TableRow => {}
            TagEnd::TableCell => self.push("], "),
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => self.push("]"),
            TagEnd::Link => match self.open.pop() {
                Some(Open::WebLink(url)) => {
                    let shown = url.strip_prefix("mailto:").unwrap_or(&url);
                    let after = format!("] ({})", markup(shown));
                    self.push(&after);
                }
                _ => self.push("]"),
            },
            TagEnd::Image => self.image(),
            TagEnd::FootnoteDefinition => {
                if let (Some(Open::Footnote(name)), Some(text)) = (self.open.pop(), self.bufs.pop())
                {
                    self.notes.insert(name, text.trim().to_string());
                }
            }
            _ => {}
        }
    }

    fn table(&mut self, aligns: &[Alignment]) {
        let align: Vec<&str> = aligns
            .iter()
            .map(|a| match a {
                Alignment::Left | Alignment::None => "left",
                Alignment::Center => "center",
                Alignment::Right => "right",
            })
            .collect();
        let cols = aligns.len().max(1);
        let open = format!("#table(columns: {cols}, align: ({},), ", align.join(", "));
        self.push(&open);
    }

    /// A heading one level below the last at most (PDF/UA wants no
    /// skipped level), with its id as on the web page as its label.
    fn heading(&mut self) {
        let Some(Open::Heading {
            level,
            explicit,
            text,
        }) = self.open.pop()
        else {
            return;
        };
        let inner = self.bufs.pop().unwrap_or_default();
        let want = self.ch.level + (level as usize).saturating_sub(1).max(1);
        let depth = want.min(self.last_level + 1);
        self.last_level = depth;
        let id = self.heading_id(explicit, &text);
        self.term = Some(id.clone());
        let shown = if inner.trim().is_empty() {
            "\u{a0}"
        } else {
            inner.trim()
        };
        let line = format!(
            "\n{} {shown} <{}>\n\n",
            "=".repeat(depth),
            heading_label(self.ch.pair, &id)
        );
        self.push(&line);
    }

    /// As the web page's writer makes it: written, or the slug, made
    /// unique with -2, -3, ….
    fn heading_id(&mut self, explicit: Option<String>, text: &str) -> String {
        let id = explicit.unwrap_or_else(|| {
            let lang = self.ch.hb.lang_code(self.ch.page.lang);
            let base = match slugify(text, lang) {
                s if s.is_empty() => "section".to_string(),
                s => s,
            };
            let mut id = base.clone();
            let mut n = 2;
            while self.ids.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            id
        });
        self.ids.insert(id.clone());
        id
    }

    fn link(&mut self, dest: &str, offset: usize) {
        let hb = self.ch.hb;
        match hb.resolve(self.ch.page, dest) {
            Ok(Target::Page { pair, anchor, .. }) => {
                let to = match anchor {
                    Some(a) => heading_label(pair, &a),
                    None => chapter_label(pair),
                };
                let open = format!("{LINK}{to}{END}[");
                self.push(&open);
                self.open.push(Open::Link);
            }
            Ok(Target::SamePage { anchor }) => {
                let open = format!("{LINK}{}{END}[", heading_label(self.ch.pair, &anchor));
                self.push(&open);
                self.open.push(Open::Link);
            }
            Ok(Target::External) if is_address(dest) => {
                let open = format!("#link({})[", string(dest));
                self.push(&open);
                self.open.push(Open::WebLink(dest.to_string()));
            }
            other => {
                if other.is_err() {
                    self.warn(
                        format!("the link to `{dest}` leads nowhere in the PDF"),
                        "brug check names the problem",
                        offset,
                    );
                }
                self.push("#[");
                self.open.push(Open::Link);
            }
        }
    }

    fn image(&mut self) {
        let Some(Open::Image { dest, alt, offset }) = self.open.pop() else {
            return;
        };
        let hb = self.ch.hb;
        let found = match hb.resolve(self.ch.page, &dest) {
            Ok(Target::Static { url }) => hb.statics.iter().find(|s| s.urls.contains(&url)),
            _ => None,
        };
        let Some(file) = found else {
            self.warn(
                format!(
                    "the image `{dest}` is not a file beside the pages: the PDF shows its alt text"
                ),
                "put the image under content/ and link it with a relative path",
                offset,
            );
            let text = markup(&alt);
            self.push(&text);
            return;
        };
        let path = match self.images.add(&file.source) {
            Ok(path) => path,
            Err(why) => {
                self.warn(
                    format!(
                        "the image `{dest}` cannot be read ({why}): the PDF shows its alt text"
                    ),
                    "check that the file is a PNG, JPEG, GIF or SVG image",
                    offset,
                );
                let text = markup(&alt);
                self.push(&text);
                return;
            }
        };
        let alt = if alt.trim().is_empty() {
            self.warn(
                format!("the image `{dest}` has no alt text"),
                "describe the image between the brackets: ![what it shows](file)",
                offset,
            );
            file.name.clone()
        } else {
            alt
        };
        let call = format!("#image({}, alt: {})", string(&path), string(&alt));
        self.push(&call);
    }
}

/// A web or mail address a PDF link may open.
fn is_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["http://", "https://", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s))
}

/// `text` with each `open` name `END` mark replaced by what `with` writes
/// for the name.
fn replace_marks(text: &str, open: char, mut with: impl FnMut(&str, &mut String)) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i]);
        let after = &rest[i + open.len_utf8()..];
        let Some(j) = after.find(END) else {
            rest = after;
            break;
        };
        with(&after[..j], &mut out);
        rest = &after[j + END.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// The chapter's footnote references as footnotes: the first with its
/// text, later ones referring to it; a reference without a definition as
/// written.
fn footnotes(text: &str, notes: &HashMap<String, String>, pair: PairId) -> String {
    let mut used = HashSet::new();
    replace_marks(text, NOTE, |name, out| {
        let note_label = label(&format!("fn-c{pair}-{name}"));
        match notes.get(name) {
            Some(_) if !used.insert(name.to_string()) => {
                out.push_str(&format!("#footnote(<{note_label}>)"));
            }
            Some(note) => {
                let note = note.replace([NOTE, END], "");
                out.push_str(&format!("#footnote[{note}] <{note_label}>"));
            }
            None => out.push_str(&markup(&format!("[^{name}]"))),
        }
    })
}

/// The document with every link placeholder made a link to its label,
/// or to the chapter when the heading is not there, or plain text when
/// the page is not in the document.
pub fn resolve(text: &str, labels: &HashSet<String>) -> String {
    replace_marks(text, LINK, |to, out| {
        let chapter = to.split('-').next().unwrap_or(to);
        if labels.contains(to) {
            out.push_str(&format!("#link(<{to}>)"));
        } else if labels.contains(chapter) {
            out.push_str(&format!("#link(<{chapter}>)"));
        } else {
            out.push('#');
        }
    })
}
