//! The web between pages: one graph whose nodes are pairs, not files, so a
//! link written in either language counts for both. Edges come from the
//! links in the bodies (already resolved while rendering Markdown) and from
//! the front-matter list `related`. From it: backlinks, related pages, and
//! the checks that know the web (orphans, practices that rely on nothing).

use crate::analyze::links::{resolve, Target};
use crate::analyze::markdown::Rendered;
use crate::diagnostics::Diagnostic;
use crate::model::{Handbook, PairId};
use crate::source::frontmatter::Kind;
use std::collections::{BTreeSet, HashMap};

/// How many related pages a page shows.
pub const RELATED_MAX: usize = 5;
/// A taxonomy term on more pages than this says nothing about relatedness
/// (and counting its co-occurrences would make the build quadratic).
const TERM_PAGES_MAX: usize = 200;

/// Links between pairs, computed once per build.
#[derive(Debug, Default)]
pub struct Graph {
    /// Outgoing links per pair, sorted, without the pair itself.
    pub out: Vec<Vec<PairId>>,
    /// Incoming links per pair, sorted.
    pub back: Vec<Vec<PairId>>,
    /// Related pairs per pair: `related` as written first, then pairs that
    /// share the most taxonomy terms; at most `RELATED_MAX`.
    pub related: Vec<Vec<PairId>>,
}

impl Graph {
    /// Builds the graph from the rendered Markdown of every page.
    pub fn build(hb: &Handbook, markdown: &[Rendered], diags: &mut Vec<Diagnostic>) -> Graph {
        let n = hb.pairs.len();
        let mut out: Vec<BTreeSet<PairId>> = vec![BTreeSet::new(); n];
        let mut explicit: Vec<Vec<PairId>> = vec![Vec::new(); n];
        for (id, page) in hb.pages.iter().enumerate() {
            let Some(pair) = hb.page_pair(id) else {
                continue;
            };
            out[pair].extend(markdown[id].links.iter().map(|l| l.pair));
            for entry in &page.front.related {
                match resolve(hb, page, entry) {
                    Ok(Target::Page { pair: target, .. }) => {
                        if !explicit[pair].contains(&target) && target != pair {
                            explicit[pair].push(target);
                        }
                        out[pair].insert(target);
                    }
                    Ok(_) => diags.push(related_error(
                        hb,
                        id,
                        entry,
                        "is not a page of this handbook".into(),
                        "list Markdown source files, e.g. \"../methods/consensus.md\"".into(),
                    )),
                    Err(e) => diags.push(related_error(hb, id, entry, e.message, e.hint)),
                }
            }
        }
        let mut back: Vec<Vec<PairId>> = vec![Vec::new(); n];
        for (from, targets) in out.iter_mut().enumerate() {
            targets.remove(&from);
            for &to in targets.iter() {
                back[to].push(from);
            }
        }
        let related = related(hb, explicit);
        Graph {
            out: out.into_iter().map(|s| s.into_iter().collect()).collect(),
            back,
            related,
        }
    }

    /// Warnings about the web: pages nobody links to, practices that link
    /// to no method or structure.
    pub fn check(&self, hb: &Handbook, diags: &mut Vec<Diagnostic>) {
        for (pair, p) in hb.pairs.iter().enumerate() {
            if p.is_index() {
                continue; // sections are reached through the navigation
            }
            let id = p.best_page(p.source_lang);
            let page = &hb.pages[id];
            if self.back[pair].is_empty() {
                let d = Diagnostic::warning(
                    &page.file,
                    "no other page links to this page (an orphan)",
                )
                .hint(
                    "link to it from a page that relies on it, or list it in that page's `related`",
                );
                diags.push(at_title(hb, id, d));
            }
            let relies = self.out[pair]
                .iter()
                .any(|&q| matches!(kind_of(hb, q), Kind::Method | Kind::Structure));
            if page.kind == Kind::Practice && !relies {
                let d = Diagnostic::warning(&page.file, "this practice links to no method or structure")
                    .hint("link to the methods and structures it needs, e.g. [consensus](../methods/consensus.md)");
                diags.push(at_title(hb, id, d));
            }
        }
    }

    /// The graph in Graphviz DOT, nodes labelled with their title in the
    /// original language and shaped by kind.
    pub fn dot(&self, hb: &Handbook) -> String {
        let mut out =
            String::from("digraph handbook {\n  rankdir=LR;\n  node [fontname=\"sans-serif\"];\n");
        for (pair, p) in hb.pairs.iter().enumerate() {
            let shape = match kind_of(hb, pair) {
                Kind::Module => "box",
                Kind::Method => "ellipse",
                Kind::Structure => "hexagon",
                Kind::Practice => "note",
                Kind::Page => "plaintext",
            };
            let title = hb
                .title(pair, p.source_lang)
                .replace('\\', "\\\\")
                .replace('"', "\\\"");
            out.push_str(&format!(
                "  \"{}\" [label=\"{title}\", shape={shape}];\n",
                p.key
            ));
        }
        for (from, targets) in self.out.iter().enumerate() {
            for &to in targets {
                out.push_str(&format!(
                    "  \"{}\" -> \"{}\";\n",
                    hb.pairs[from].key, hb.pairs[to].key
                ));
            }
        }
        out.push_str("}\n");
        out
    }
}

pub fn kind_of(hb: &Handbook, pair: PairId) -> Kind {
    let p = &hb.pairs[pair];
    hb.pages[p.best_page(p.source_lang)].kind
}

fn related_error(
    hb: &Handbook,
    page: usize,
    entry: &str,
    message: String,
    hint: String,
) -> Diagnostic {
    let p = hb.with_text(page);
    Diagnostic::error(
        &p.file,
        format!("the related entry `{entry}` does not resolve: {message}"),
    )
    .at(&p.text, crate::model::value_offset(&p, entry))
    .hint(hint)
}

/// `d` placed at the title in page `id`'s front matter (its text read
/// again if it was freed).
fn at_title(hb: &Handbook, id: crate::model::PageId, d: Diagnostic) -> Diagnostic {
    let page = hb.with_text(id);
    let title = crate::model::value_offset(&page, &page.front.title);
    d.at(&page.text, title)
}

/// Explicit `related` first, then pairs ranked by shared taxonomy terms.
/// Uses an inverted index (term → pairs), so the work grows with the pages
/// that share a term, never with all pairs of pages.
fn related(hb: &Handbook, explicit: Vec<Vec<PairId>>) -> Vec<Vec<PairId>> {
    let mut by_term: HashMap<(&str, &str), Vec<PairId>> = HashMap::new();
    for (pair, p) in hb.pairs.iter().enumerate() {
        if p.is_index() {
            continue;
        }
        let page = &hb.pages[p.best_page(p.source_lang)];
        for (tax, terms) in page.front.taxonomies.iter() {
            for term in terms {
                by_term.entry((tax, term.as_str())).or_default().push(pair);
            }
        }
    }
    let mut related = explicit;
    for (pair, list) in related.iter_mut().enumerate() {
        let p = &hb.pairs[pair];
        if p.is_index() {
            continue;
        }
        let page = &hb.pages[p.best_page(p.source_lang)];
        let mut shared: HashMap<PairId, usize> = HashMap::new();
        for (tax, terms) in page.front.taxonomies.iter() {
            for term in terms {
                let Some(holders) = by_term.get(&(tax, term.as_str())) else {
                    continue;
                };
                if holders.len() > TERM_PAGES_MAX {
                    continue;
                }
                for &q in holders.iter().filter(|&&q| q != pair) {
                    *shared.entry(q).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(usize, PairId)> = shared
            .into_iter()
            .filter(|(q, _)| !list.contains(q))
            .map(|(q, n)| (n, q))
            .collect();
        // Pairs with the same count and title (a method and a structure
        // of one name) keep pair order, so every build lists the same.
        ranked.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| {
                    hb.title(a.1, p.source_lang)
                        .cmp(hb.title(b.1, p.source_lang))
                })
                .then(a.1.cmp(&b.1))
        });
        list.extend(ranked.into_iter().map(|(_, q)| q));
        list.truncate(RELATED_MAX);
    }
    related
}
