//! The search index of one language, built from the same model as the
//! pages: every page that exists in the language is one target for its
//! intro and one per `##`/`###` heading, so a result can link to
//! `page/#heading`. Terms come from [`super::analyze`], weighted by field
//! (title over headings over summary and the page's facts over body) and
//! scored with BM25F at build time, so the browser only adds numbers.
//!
//! Output: `search/index-LANG.js` (terms, targets, pages, the compound
//! vocabulary), `search/post-LANG-K.js` (the postings of a range of terms,
//! loaded when a query needs them) and `search/text-LANG-K.js` (each
//! target's anchor, heading and text, for links and snippets, loaded after
//! the results). Both are scripts that call `BrugSearch`, so they load from
//! `file://`, where fetch and XHR do not work. The format is described at
//! the top of `themes/default/static/search/search.js`.
//!
//! The steps, one module each: `targets` lists the targets and their
//! weighted fields, `terms` analyses their words into numbered terms,
//! `postings` scores every term in every target, and `script` writes
//! the files, with the number and string encodings of `encode`.

mod encode;
mod postings;
mod script;
mod targets;
mod terms;

use super::analyze::Analyzer;
use crate::analyze::markdown::{Rendered, TextSection};
use crate::model::{Handbook, Lang, PairId};
use encode::json;
use std::fmt::Write as _;
use targets::Fields;
use terms::Terms;

/// Targets per text chunk file.
pub const CHUNK: usize = 64;

/// A page as search results show it.
pub struct PageInfo {
    pub pair: PairId,
    pub title: String,
    /// Site-relative URL of the page.
    pub url: String,
    pub section: String,
    /// The page in another language: URL and language code.
    pub other: Option<(String, String)>,
    /// What the page shows besides its text, as words of its language: a
    /// practice's transfer box (origin, target cities and their status,
    /// conditions) and its taxonomy terms.
    pub facts: String,
}

/// One language's index files and what the build reports about them.
pub struct Built {
    /// (site-relative path, content): the index and its postings shards;
    /// the text chunks are separate jobs (`text_chunk`).
    pub files: Vec<(String, String)>,
    pub targets: usize,
    pub terms: usize,
    /// Bytes of plain page text in this language, for comparison.
    pub text_bytes: usize,
}

/// Builds the index of language `lang` over `pages` (one entry per page
/// that exists in that language, with its rendered Markdown).
pub fn build<'a>(
    hb: &'a Handbook,
    lang: Lang,
    pages: &'a [PageInfo],
    markdown: &[&'a Rendered],
) -> Built {
    let code = hb.lang_code(lang);
    // A language the analyser does not know gets no search.
    let Some(analyzer) = Analyzer::new(code) else {
        return Built {
            files: Vec::new(),
            targets: 0,
            terms: 0,
            text_bytes: 0,
        };
    };
    let targets = targets::of(markdown);
    let fields = Fields::new(hb, lang, pages);
    let text_bytes = fields.text_bytes(&targets);
    let terms = Terms::analyse(&analyzer, &targets, &fields);
    let postings = postings::encoded(&targets, &fields, &terms);
    let files = script::Index {
        code,
        text_bytes,
        terms: &terms,
        postings: &postings,
        targets: &targets,
        pages,
    }
    .files();
    Built {
        files,
        targets: targets.len(),
        terms: terms.sorted.len(),
        text_bytes,
    }
}

/// The text chunk `k` of language `code`: anchor, heading and text of
/// each of `sections` (the targets `k * CHUNK ..`), for links and snippets.
pub fn text_chunk(code: &str, k: usize, sections: &[&TextSection]) -> String {
    let mut c = format!("BrugSearch.text({},{k},[", json(code));
    for (i, t) in sections.iter().enumerate() {
        if i > 0 {
            c.push(',');
        }
        let _ = write!(
            c,
            "[{},{},{}]",
            json(t.anchor.as_deref().unwrap_or_default()),
            json(&t.heading),
            json(t.text.trim())
        );
    }
    c.push_str("]);\n");
    c
}
