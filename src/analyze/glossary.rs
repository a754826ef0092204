//! The glossary: which page it is, the short explanation of each of its
//! terms (for tooltips on links to it), and where each term is used (listed
//! under the term on the glossary itself).

use crate::analyze::markdown::Rendered;
use crate::diagnostics::Diagnostic;
use crate::model::{Handbook, PairId};
use std::collections::HashMap;

/// The glossary's source path when `handbook.toml` names none.
const DEFAULT: &str = "glossary.md";

/// The glossary's terms and their uses, built once per build.
#[derive(Debug, Default)]
pub struct Glossary {
    pub pair: Option<PairId>,
    /// Heading id → short explanation, per language (a language without
    /// its own glossary uses the version readers are sent to).
    pub definitions: Vec<HashMap<String, String>>,
    /// Heading id → pairs linking to it.
    pub uses: HashMap<String, Vec<PairId>>,
}

/// The glossary's pair: `glossary` of handbook.toml (an error if it names
/// no page), else `glossary.md` if the handbook has it.
pub fn find(hb: &Handbook, diags: &mut Vec<Diagnostic>) -> Option<PairId> {
    let path = hb.config.glossary.as_deref();
    let stem = path
        .unwrap_or(DEFAULT)
        .trim_start_matches("./")
        .trim_end_matches(".md");
    let pair = (0..hb.config.languages.len())
        .find_map(|l| hb.by_stem.get(&(stem.to_string(), l)).copied());
    if pair.is_none() {
        if let Some(path) = path {
            diags.push(
                Diagnostic::error("handbook.toml", format!("`glossary = \"{path}\"` names no page"))
                    .hint(format!(
                        "give the source path below content/ without language, e.g. glossary = \"{DEFAULT}\" for content/glossary.{}.md",
                        hb.config.default_language
                    )),
            );
        }
    }
    pair
}

impl Glossary {
    /// Definitions from the glossary's rendered pages, per language.
    pub fn new(
        hb: &Handbook,
        pair: Option<PairId>,
        rendered: &HashMap<usize, Rendered>,
    ) -> Glossary {
        let Some(pair) = pair else {
            return Glossary::default();
        };
        let definitions = (0..hb.config.languages.len())
            .map(|l| {
                let page = hb.pairs[pair].best_page(l);
                rendered
                    .get(&page)
                    .map(|r| r.definitions.clone())
                    .unwrap_or_default()
            })
            .collect();
        Glossary {
            pair: Some(pair),
            definitions,
            uses: HashMap::new(),
        }
    }

    /// Records which pairs link to which term (a link in either language
    /// counts for the pair, as in the link graph).
    pub fn count_uses(&mut self, hb: &Handbook, markdown: &[Rendered]) {
        let Some(glossary) = self.pair else { return };
        let mut uses: HashMap<String, Vec<PairId>> = HashMap::new();
        for (page, r) in markdown.iter().enumerate() {
            let Some(from) = hb.page_pair(page) else {
                continue;
            };
            if from == glossary {
                continue;
            }
            for link in r.links.iter().filter(|l| l.pair == glossary) {
                if let Some(anchor) = &link.anchor {
                    let list = uses.entry(anchor.clone()).or_default();
                    if !list.contains(&from) {
                        list.push(from);
                    }
                }
            }
        }
        self.uses = uses;
    }
}
