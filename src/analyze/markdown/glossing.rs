//! The glossary in Markdown: the glossary page's definitions (the first
//! paragraph under each term's heading) and the tooltip that a link to a
//! term carries on every other page.

use super::{uses_marker, Rendered};
use pulldown_cmark::{Event, Tag, TagEnd};

/// Tooltips show at most this many characters of a definition.
const DEFINITION_MAX: usize = 240;

/// A glossary link's opening and closing HTML: the link, described by a
/// tooltip with the term's explanation (shown by CSS on hover and focus).
pub(super) fn term_link(href: &str, title: &str, definition: &str, n: usize) -> (String, String) {
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
pub(super) struct Definitions {
    /// The last heading's id, while no other block has started.
    pub(super) term: Option<String>,
    /// The id whose first paragraph is being read, and its text so far.
    reading: Option<(String, String)>,
    /// The term whose section is open (its uses go before the next heading).
    open: Option<String>,
}

impl Definitions {
    pub(super) fn see(&mut self, event: &Event, r: &mut Rendered, events: &mut Vec<Event>) {
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

    pub(super) fn close(&mut self, events: &mut Vec<Event>) {
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
