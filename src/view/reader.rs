//! The views' only way into the model. A pair's data (titles, summaries,
//! kinds, URLs, translation states, front matter) can be reached only
//! through `Reader`, and every such read is noted: the pairs a page shows
//! are then known as a value, which `brug serve` uses to render again
//! exactly the pages that show a pair that changed. The handbook itself is
//! private to this module, so a view that forgot to note a read does not
//! compile.

use crate::analyze::overview::transfer_of;
use crate::model::{Handbook, Lang, Page, Pair, PairId, Section, SectionId};
use crate::source::config::Config;
use crate::source::frontmatter::{Kind, Transfer};
use std::cell::RefCell;

/// Reads the model for one job, noting every pair it reads.
pub struct Reader<'a> {
    hb: &'a Handbook,
    reads: RefCell<Vec<PairId>>,
    /// Whether reads are noted: a build into a folder keeps no model to
    /// render again, so it has no use for them.
    noting: bool,
}

impl<'a> Reader<'a> {
    pub fn new(hb: &'a Handbook) -> Self {
        Reader {
            hb,
            reads: RefCell::default(),
            noting: true,
        }
    }

    /// A reader that notes nothing (`take_reads` is then empty).
    pub fn unnoting(hb: &'a Handbook) -> Self {
        Reader {
            noting: false,
            ..Reader::new(hb)
        }
    }

    fn note(&self, pair: PairId) {
        if self.noting {
            self.reads.borrow_mut().push(pair);
        }
    }

    /// The pairs read so far, sorted and without repeats.
    pub fn take_reads(&self) -> Vec<PairId> {
        let mut reads = self.reads.take();
        reads.sort_unstable();
        reads.dedup();
        // A page notes a pair for each of its links: hundreds, mostly
        // repeats, which `brug serve` keeps for every page.
        reads.shrink_to_fit();
        reads
    }

    /// A pair: its pages, URLs and translation state.
    pub fn pair(&self, pair: PairId) -> &'a Pair {
        self.note(pair);
        &self.hb.pairs[pair]
    }

    /// The page shown for `pair` in `lang`: that version, else the one
    /// readers are sent to.
    pub fn best_page(&self, pair: PairId, lang: Lang) -> &'a Page {
        let p = self.pair(pair);
        &self.hb.pages[p.best_page(lang)]
    }

    /// The title of `pair` in `lang` (another version's if it is missing).
    pub fn title(&self, pair: PairId, lang: Lang) -> &'a str {
        self.note(pair);
        self.hb.title(pair, lang)
    }

    /// The kind of `pair` (its pages share it).
    pub fn kind(&self, pair: PairId) -> Kind {
        self.note(pair);
        crate::analyze::graph::kind_of(self.hb, pair)
    }

    /// The transfer of `pair` as shown in `lang`, if it is a practice.
    pub fn transfer(&self, pair: PairId, lang: Lang) -> Option<&'a Transfer> {
        self.note(pair);
        transfer_of(self.hb, pair, lang)
    }

    /// The handbook's configuration: no pair's data.
    pub fn config(&self) -> &'a Config {
        &self.hb.config
    }

    /// A section: its folder, parent, index pair and the order of its
    /// pairs and sub-sections (structure, not any pair's data).
    pub fn section(&self, section: SectionId) -> &'a Section {
        &self.hb.sections[section]
    }

    /// The top section, whose sub-sections are the main navigation.
    pub fn top(&self) -> Option<&'a Section> {
        self.hb.sections.first()
    }

    pub fn lang_code(&self, lang: Lang) -> &'a str {
        self.hb.lang_code(lang)
    }

    pub fn lang_index(&self, code: &str) -> Option<Lang> {
        self.hb.lang_index(code)
    }

    /// How many languages the handbook has.
    pub fn langs(&self) -> usize {
        self.hb.config.languages.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn every_read_of_a_pair_is_noted_and_structure_is_not() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web");
        let hb = crate::model::load::load(&root).handbook.expect("fixture");
        let last = hb.pairs.len() - 1;
        let reader = Reader::new(&hb);
        let _ = reader.section(0);
        let _ = reader.config();
        assert!(reader.take_reads().is_empty());
        let _ = reader.title(last, 0);
        let _ = reader.best_page(1, 1);
        let _ = reader.kind(last);
        let _ = reader.pair(0);
        assert_eq!(reader.take_reads(), vec![0, 1, last]);
        assert!(reader.take_reads().is_empty(), "taking empties the list");
    }
}
