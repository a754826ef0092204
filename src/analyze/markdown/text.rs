//! A page's plain text by section, collected while its events stream by:
//! the targets of the search index and the text of its snippets.

use super::TextSection;
use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

/// Collects a page's plain text by section while its events stream by.
pub(super) struct TextCollector {
    pub(super) sections: Vec<TextSection>,
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
    pub(super) fn see(&mut self, event: &Event) {
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
    pub(super) fn heading_done(&mut self, level: HeadingLevel, id: &str) {
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
