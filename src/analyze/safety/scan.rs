//! Reads raw HTML from a page tag by tag (html5ever's tokenizer, the same
//! that the sanitiser parses with) and reports what the sanitiser will
//! remove, what would load from another site, and how deep elements nest,
//! each with the line it is on.

use super::policy::{allows_attr, is_url_attr, CLEAN_CONTENT, TAGS, URL_SCHEMES};
use super::{external_host, url_scheme};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::{Cell, RefCell};

/// One thing found in raw HTML, on a line of the fragment (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub line: usize,
    /// The tag it concerns, as written (lowercase).
    pub tag: String,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// An element the sanitiser removes with its content (`script`).
    Dropped,
    /// An element the sanitiser removes, keeping its content (`iframe`).
    Unwrapped,
    /// An attribute the sanitiser removes (`onerror`, `style`).
    Attribute(String),
    /// A URL whose scheme the sanitiser removes (`javascript:`).
    Scheme { attr: String, scheme: String },
    /// A resource (image, media, frame, script, stylesheet) from `host`.
    External { url: String, host: String },
    /// Elements open deeper than the limit.
    TooDeep,
}

/// Elements that never have content, so never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// The state that carries from one raw fragment of a page to the next:
/// `<details>` may open in one HTML block and close in another.
#[derive(Debug, Default)]
pub struct Scan {
    /// Elements open now.
    pub depth: usize,
}

impl Scan {
    /// Reads `html`; returns what it found. `limit` is the deepest nesting
    /// allowed (counting from the depth this fragment starts at).
    pub fn fragment(&mut self, html: &str, limit: usize) -> Vec<Finding> {
        let sink = Sink {
            found: RefCell::new(Vec::new()),
            depth: Cell::new(self.depth),
            limit,
            deep_reported: Cell::new(false),
        };
        let tok = Tokenizer::new(sink, TokenizerOpts::default());
        let input = BufferQueue::default();
        input.push_back(StrTendril::from_slice(html));
        let _ = tok.feed(&input);
        tok.end();
        self.depth = tok.sink.depth.get();
        tok.sink.found.into_inner()
    }
}

struct Sink {
    found: RefCell<Vec<Finding>>,
    depth: Cell<usize>,
    limit: usize,
    deep_reported: Cell<bool>,
}

impl Sink {
    fn push(&self, line: u64, tag: &str, kind: Kind) {
        self.found.borrow_mut().push(Finding {
            line: line as usize,
            tag: tag.to_owned(),
            kind,
        });
    }

    fn start(&self, tag: &Tag, line: u64) {
        let name: &str = &tag.name;
        if !tag.self_closing && !VOID.contains(&name) {
            self.depth.set(self.depth.get() + 1);
            // Every fragment that goes too deep says so, so that it can be
            // left out; the page reports it once.
            if self.depth.get() > self.limit && !self.deep_reported.replace(true) {
                self.push(line, name, Kind::TooDeep);
            }
        }
        if CLEAN_CONTENT.contains(&name) {
            self.push(line, name, Kind::Dropped);
        } else if !TAGS.contains(&name) {
            self.push(line, name, Kind::Unwrapped);
        }
        let kept = TAGS.contains(&name);
        for attr in &tag.attrs {
            let attr_name: &str = &attr.name.local;
            let value: &str = &attr.value;
            if is_resource(name, attr_name) {
                if let Some(host) = external_host(value) {
                    let url = value.to_owned();
                    self.push(line, name, Kind::External { url, host });
                }
            }
            if !kept {
                continue;
            }
            if !allows_attr(name, attr_name) {
                self.push(line, name, Kind::Attribute(attr_name.to_owned()));
            } else if is_url_attr(name, attr_name) {
                if let Some(scheme) = url_scheme(value) {
                    if !URL_SCHEMES.contains(&scheme.as_str()) {
                        let attr = attr_name.to_owned();
                        self.push(line, name, Kind::Scheme { attr, scheme });
                    }
                }
            }
        }
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        match tag.kind {
            TagKind::StartTag => {
                self.start(&tag, line);
                match &*tag.name {
                    "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                    "style" | "iframe" | "xmp" | "noembed" | "noframes" => {
                        TokenSinkResult::RawData(RawKind::Rawtext)
                    }
                    "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
                    _ => TokenSinkResult::Continue,
                }
            }
            TagKind::EndTag => {
                if !VOID.contains(&&*tag.name) {
                    self.depth.set(self.depth.get().saturating_sub(1));
                }
                TokenSinkResult::Continue
            }
        }
    }
}

/// Does `attr` of `tag` make the browser fetch something to show the page?
fn is_resource(tag: &str, attr: &str) -> bool {
    match attr {
        "src" => true,
        "srcset" | "imagesrcset" => true,
        "poster" => tag == "video",
        "data" => tag == "object",
        "href" => matches!(tag, "link" | "image" | "use"),
        "background" => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(html: &str) -> Vec<Finding> {
        Scan::default().fragment(html, 100)
    }

    #[test]
    fn reports_each_removal_on_its_line() {
        let found = scan("<p>\n<script>let x = '<img src=y onerror=z>'</script>\n<img src=\"x.png\" onerror=\"alert(3)\">\n<a href=\"JavaScript:alert(2)\">b</a></p>");
        let kinds: Vec<(usize, &str, &Kind)> = found
            .iter()
            .map(|f| (f.line, f.tag.as_str(), &f.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (2, "script", &Kind::Dropped),
                (3, "img", &Kind::Attribute("onerror".into())),
                (
                    4,
                    "a",
                    &Kind::Scheme {
                        attr: "href".into(),
                        scheme: "javascript".into()
                    }
                ),
            ]
        );
    }

    #[test]
    fn finds_resources_from_other_sites() {
        let found = scan("<iframe src=\"https://www.youtube.com/embed/x\"></iframe><img src=\"//cdn.example/a.png\"><img src=\"foto.png\"><a href=\"https://e.example\">ok</a>");
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0].kind, Kind::Unwrapped);
        assert_eq!(
            found[1].kind,
            Kind::External {
                url: "https://www.youtube.com/embed/x".into(),
                host: "www.youtube.com".into()
            }
        );
        assert!(matches!(&found[2].kind, Kind::External { host, .. } if host == "cdn.example"));
    }

    #[test]
    fn depth_carries_over_fragments_and_is_reported_once() {
        let mut s = Scan::default();
        assert!(s.fragment("<details><summary>a</summary>", 3).is_empty());
        assert_eq!(s.depth, 1);
        assert!(s.fragment("</details>", 3).is_empty());
        assert_eq!(s.depth, 0);
        let found = s.fragment(&"<div>".repeat(10), 3);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, Kind::TooDeep);
    }
}
