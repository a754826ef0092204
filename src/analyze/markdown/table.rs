//! Table columns aligned by class (`align-right`) instead of the inline
//! `style` pulldown-cmark writes, so that pages need no inline styles and
//! their content security policy can forbid them.

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

#[derive(Default)]
pub(super) struct Tables {
    aligns: Vec<Alignment>,
    head: bool,
    cell: usize,
}

impl Tables {
    /// `event` as it goes to the page: the table's alignments taken out,
    /// and an aligned cell opened with its class.
    pub(super) fn map<'a>(&mut self, event: Event<'a>) -> Event<'a> {
        match event {
            Event::Start(Tag::Table(aligns)) => {
                self.aligns = aligns;
                return Event::Start(Tag::Table(Vec::new()));
            }
            Event::Start(Tag::TableHead) => (self.head, self.cell) = (true, 0),
            Event::End(TagEnd::TableHead) => self.head = false,
            Event::Start(Tag::TableRow) => self.cell = 0,
            Event::End(TagEnd::TableCell) => self.cell += 1,
            Event::Start(Tag::TableCell) => {
                let class = match self.aligns.get(self.cell) {
                    Some(Alignment::Left) => "left",
                    Some(Alignment::Center) => "center",
                    Some(Alignment::Right) => "right",
                    _ => return event,
                };
                let cell = if self.head { "th" } else { "td" };
                return Event::InlineHtml(format!("<{cell} class=\"align-{class}\">").into());
            }
            _ => {}
        }
        event
    }
}
