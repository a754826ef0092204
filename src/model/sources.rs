//! The pages' Markdown texts, which a build into a folder frees as soon as
//! each page is analysed: together they are as large as the analysis
//! itself, and holding both made a fifth of a build's peak memory.
//! `brug serve` and `brug check` keep them.

use super::{Handbook, Page, PageId};
use std::borrow::Cow;

impl Handbook {
    /// Takes the Markdown text out of every page but those `needed` names,
    /// as `Some(text)` by page id (`None` where it stayed). `Page::body`
    /// of a page without its text is empty; `with_text` reads it again.
    pub fn take_sources(&mut self, needed: &dyn Fn(PageId) -> bool) -> Vec<Option<String>> {
        self.pages
            .iter_mut()
            .enumerate()
            .map(|(id, page)| (!needed(id)).then(|| std::mem::take(&mut page.text)))
            .collect()
    }

    /// `take_sources`, dropping the texts.
    pub fn drop_sources(&mut self, needed: &dyn Fn(PageId) -> bool) {
        self.take_sources(needed);
    }

    /// Page `id` with its text, for a diagnostic's line and excerpt after
    /// the text was freed: read again from its file, as loading read it.
    /// A file that changed since keeps the page's positions only where
    /// they still fall; one that cannot be read gives an empty text.
    pub fn with_text(&self, id: PageId) -> Cow<'_, Page> {
        let page = &self.pages[id];
        if !page.text.is_empty() {
            return Cow::Borrowed(page);
        }
        let text = std::fs::read(self.root.join(&page.file))
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .map(crate::source::frontmatter::normalize)
            .unwrap_or_default();
        let body_offset = match text.is_char_boundary(page.body_offset) {
            true => page.body_offset,
            false => text.len(),
        };
        Cow::Owned(Page {
            text,
            body_offset,
            ..page.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::model::load::load;

    #[test]
    fn a_freed_text_is_read_again_as_loading_read_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::write(
            root.join("handbook.toml"),
            "languages = [\"nl\", \"de\"]\ndefault_language = \"nl\"\nsource_language = \"nl\"\n[title]\nnl = \"H\"\nde = \"H\"\n",
        )
        .unwrap();
        // A byte order mark and Windows line ends, which loading removes.
        let text = "\u{feff}+++\r\ntitle = \"Start\"\r\n+++\r\nEen tekst.\r\n";
        std::fs::write(root.join("content/_index.nl.md"), text).unwrap();
        let mut hb = load(root).handbook.expect("loads");
        let loaded = hb.pages[0].clone();
        let taken = hb.take_sources(&|_| false);
        assert_eq!(taken[0].as_deref(), Some(loaded.text.as_str()));
        assert_eq!(hb.pages[0].body(), "", "no body without the text");
        let again = hb.with_text(0);
        assert_eq!(again.text, loaded.text);
        assert_eq!(again.body(), loaded.body());
        // Changed on disk since: shorter than the front matter was.
        std::fs::write(root.join("content/_index.nl.md"), "+").unwrap();
        assert_eq!(hb.with_text(0).body(), "");
        std::fs::remove_file(root.join("content/_index.nl.md")).unwrap();
        assert_eq!(hb.with_text(0).text, "");
    }
}
