//! The `Handbook`: the one model every later step reads. It is built once by
//! `load` (mutably), then shared read-only (`&Handbook`) with rendering,
//! status, check and serve. It knows nothing about HTML.

pub mod load;
pub mod pairs;
pub mod positions;
pub mod sources;
pub mod tree;

use crate::source::config::Config;
use crate::source::frontmatter::{FrontMatter, Kind};
use std::collections::HashMap;
use std::path::PathBuf;

pub type PageId = usize;
pub type PairId = usize;
pub type SectionId = usize;
pub use crate::source::config::Lang;

/// One Markdown source file in one language.
#[derive(Debug, Clone)]
pub struct Page {
    /// Path relative to the handbook root (`content/methods/consensus.nl.md`).
    pub file: PathBuf,
    /// Content-relative folder, `/`-separated, `""` for the top.
    pub dir: String,
    /// File name without language and extension (`consensus`, `_index`).
    pub name: String,
    pub lang: Lang,
    pub front: FrontMatter,
    /// The whole normalized file text; diagnostics point into it.
    pub text: String,
    /// Byte offset of the Markdown body in `text`.
    pub body_offset: usize,
    /// Short content hash (see `pairs::text_hash`), compared with translations'
    /// `translated_from`.
    pub hash: String,
    /// Resolved kind (own front matter, else the nearest section's, else page).
    pub kind: Kind,
}

impl Page {
    /// The Markdown after the front matter; empty once the text is freed
    /// (`Handbook::drop_sources`).
    pub fn body(&self) -> &str {
        self.text.get(self.body_offset..).unwrap_or_default()
    }

    pub fn is_index(&self) -> bool {
        self.name == "_index"
    }

    /// `dir/name`, the language-neutral source path without `.md`.
    pub fn stem(&self) -> String {
        join(&self.dir, &self.name)
    }
}

/// How a language version of a pair stands.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum Translation {
    /// Present and up to date (or it is the original).
    Current,
    /// Present, but its original changed after it was translated.
    Outdated { reason: String },
    /// No file in this language.
    Missing,
}

/// The versions of one page in every language.
#[derive(Debug, Clone)]
pub struct Pair {
    /// `translation_key`, or the language-neutral source path.
    pub key: String,
    /// Content folder and name of the first version found (for fallback URLs).
    pub dir: String,
    pub name: String,
    /// Page per language.
    pub pages: Vec<Option<PageId>>,
    /// State per language.
    pub status: Vec<Translation>,
    /// Site-relative URL path per language (`nl/methoden/consensus/`); `None`
    /// when the language is omitted.
    pub urls: Vec<Option<String>>,
    /// The original's language.
    pub source_lang: Lang,
    /// The section the pair belongs to (its own section for an `_index`).
    pub section: SectionId,
}

impl Pair {
    pub fn is_index(&self) -> bool {
        self.name == "_index"
    }

    /// Some version of the pair, preferring `lang`, then the original.
    pub fn best_page(&self, lang: Lang) -> PageId {
        self.pages[lang]
            .or(self.pages[self.source_lang])
            .or_else(|| self.pages.iter().flatten().next().copied())
            .expect("a pair has at least one page")
    }
}

/// A content folder holding pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub dir: String,
    pub parent: Option<SectionId>,
    /// The `_index` pair, if the folder has one.
    pub index: Option<PairId>,
    /// Its non-index pairs, ordered per language by weight, then title.
    pub pairs: Vec<Vec<PairId>>,
    /// Sub-sections, ordered per language by weight, then title.
    pub children: Vec<Vec<SectionId>>,
}

/// A non-Markdown file under `content/`, copied beside the pages.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Absolute path of the source.
    pub source: PathBuf,
    pub dir: String,
    pub name: String,
    /// Site-relative URL path per language.
    pub urls: Vec<String>,
}

/// The whole handbook, resolved.
#[derive(Debug, Clone)]
pub struct Handbook {
    pub root: PathBuf,
    pub config: Config,
    pub pages: Vec<Page>,
    pub pairs: Vec<Pair>,
    pub sections: Vec<Section>,
    pub statics: Vec<StaticFile>,
    /// `(dir/name, lang)` of every page file → its pair.
    pub by_stem: HashMap<(String, Lang), PairId>,
    /// Content-relative path of every static file → index in `statics`.
    pub static_by_path: HashMap<String, usize>,
    /// Content folder → section.
    pub section_by_dir: HashMap<String, SectionId>,
}

impl Handbook {
    pub fn lang_code(&self, lang: Lang) -> &str {
        &self.config.languages[lang]
    }

    pub fn lang_index(&self, code: &str) -> Option<Lang> {
        self.config.languages.iter().position(|l| l == code)
    }

    /// The pair a page belongs to; `None` for a page that lost a pairing
    /// conflict (reported as an error while loading).
    pub fn page_pair(&self, page: PageId) -> Option<PairId> {
        let p = &self.pages[page];
        let pair = *self.by_stem.get(&(p.stem(), p.lang))?;
        (self.pairs[pair].pages[p.lang] == Some(page)).then_some(pair)
    }

    /// Title of a pair in `lang`, or in its best language.
    pub fn title(&self, pair: PairId, lang: Lang) -> &str {
        &self.pages[self.pairs[pair].best_page(lang)].front.title
    }

    /// The home page pair (`content/_index.*.md`), if there is one.
    pub fn home(&self) -> Option<PairId> {
        self.sections.first().and_then(|s| s.index)
    }
}

/// Splits a path below `content/` into its `/`-separated folder and its
/// file name, the form every lookup in the model uses.
pub fn content_path(content: &std::path::Path, path: &std::path::Path) -> (String, String) {
    let rel = path.strip_prefix(content).unwrap_or(path);
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = rel
        .parent()
        .map(crate::text::urls::slash_path)
        .unwrap_or_default();
    (dir, name)
}

/// Joins a content folder and a name with `/`.
pub fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

/// Byte offset of a quoted value in a page's front matter (for positions of
/// checks that run after parsing); the start of the front matter otherwise.
pub fn value_offset(page: &Page, value: &str) -> usize {
    let front = page.text.get(..page.body_offset).unwrap_or_default();
    front
        .find(&format!("\"{value}\""))
        .or_else(|| front.find(&format!("'{value}'")))
        .map_or(4.min(front.len()), |i| i + 1)
}
