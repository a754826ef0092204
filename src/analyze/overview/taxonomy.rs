//! The taxonomy pages: one per taxonomy, listing its terms, and one per
//! term and language, listing the pages that carry it. Their URLs come
//! from the labels in the reader's language, below a common folder.

use crate::model::{Handbook, Lang, PairId};
use crate::source::strings::Strings;
use crate::text::slug::slugify;
use std::collections::{HashMap, HashSet};

/// One term of a taxonomy and the pairs that carry it, per language.
#[derive(Debug, PartialEq)]
pub struct Term {
    pub key: String,
    /// URL per language (`nl/beleidsvelden/onderwijs/`).
    pub urls: Vec<String>,
    /// Pairs whose page in that language carries the term, in title order.
    pub pairs: Vec<Vec<PairId>>,
}

/// A taxonomy with its terms in the order of their labels, per language.
#[derive(Debug, PartialEq)]
pub struct Taxonomy {
    pub name: &'static str,
    pub urls: Vec<String>,
    pub terms: Vec<Term>,
    /// Term indices sorted by label, per language.
    pub order: Vec<Vec<usize>>,
}

/// The pages of taxonomy `name`: every term the configuration defines,
/// used or not (a term no page carries has no page of its own).
pub(super) fn taxonomy(hb: &Handbook, strings: &Strings, name: &'static str) -> Taxonomy {
    let langs = hb.config.languages.len();
    let urls = taxonomy_urls(hb, strings, name);
    let keys: Vec<&String> = hb
        .config
        .terms(name)
        .map(|t| t.keys().collect())
        .unwrap_or_default();
    let mut terms: Vec<Term> = keys
        .iter()
        .zip(pairs_by_term(hb, name, &keys))
        .map(|(key, pairs)| Term {
            key: key.to_string(),
            urls: Vec::new(),
            pairs: in_title_order(hb, pairs),
        })
        .collect();
    for (l, base) in urls.iter().enumerate() {
        add_term_urls(hb, name, l, base, &mut terms);
    }
    let order = (0..langs)
        .map(|l| label_order(hb, name, &terms, l))
        .collect();
    Taxonomy {
        name,
        urls,
        terms,
        order,
    }
}

/// The taxonomy page's URL per language. Below a common folder, so that
/// a content page about, say, target groups can keep the natural slug.
fn taxonomy_urls(hb: &Handbook, strings: &Strings, name: &str) -> Vec<String> {
    (0..hb.config.languages.len())
        .map(|l| {
            let code = hb.lang_code(l);
            format!(
                "{code}/{}/{}/",
                slugify(&strings.text(l, "slug-taxonomies"), code),
                slugify(&strings.text(l, &format!("taxonomy-{name}")), code)
            )
        })
        .collect()
}

/// For each of `keys` and each language, the pairs whose page in that
/// language carries the term, in pair order (a pair twice if its page
/// lists the term twice).
fn pairs_by_term(hb: &Handbook, name: &str, keys: &[&String]) -> Vec<Vec<Vec<PairId>>> {
    let langs = hb.config.languages.len();
    let index: HashMap<&str, usize> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let mut pairs = vec![vec![Vec::new(); langs]; keys.len()];
    for (pair, p) in hb.pairs.iter().enumerate() {
        for (l, url) in p.urls.iter().enumerate() {
            if url.is_none() {
                continue;
            }
            let page = &hb.pages[p.best_page(l)];
            for (tax, terms) in page.front.taxonomies.iter() {
                if tax != name {
                    continue;
                }
                for term in terms {
                    if let Some(&i) = index.get(term.as_str()) {
                        pairs[i][l].push(pair);
                    }
                }
            }
        }
    }
    pairs
}

/// Each language's pairs once each, in the order of their titles there.
fn in_title_order(hb: &Handbook, mut by_lang: Vec<Vec<PairId>>) -> Vec<Vec<PairId>> {
    for (l, list) in by_lang.iter_mut().enumerate() {
        // A term listed twice on a page counts once.
        list.sort_unstable();
        list.dedup();
        list.sort_by_cached_key(|&p| hb.title(p, l).to_lowercase());
    }
    by_lang
}

/// Adds each term's URL in `lang`, below the taxonomy's URL `base`.
fn add_term_urls(hb: &Handbook, name: &str, lang: Lang, base: &str, terms: &mut [Term]) {
    let code = hb.lang_code(lang);
    let mut seen = HashSet::new();
    for (i, term) in terms.iter_mut().enumerate() {
        let label = hb.config.term_label(name, &term.key, code);
        let slug = term_slug(label, &term.key, code, i, &seen);
        seen.insert(slug.clone());
        term.urls.push(format!("{base}{slug}/"));
    }
}

/// The slug of term number `i` from its label; a label that slugs like
/// an earlier term's (`seen`) or to nothing falls back to the key, which
/// is unique, and then to the key with the term's number.
fn term_slug(label: &str, key: &str, code: &str, i: usize, seen: &HashSet<String>) -> String {
    let mut slug = slugify(label, code);
    if slug.is_empty() || seen.contains(&slug) {
        slug = slugify(key, code);
    }
    if slug.is_empty() || seen.contains(&slug) {
        slug = format!("{slug}-{i}");
    }
    slug
}

/// The term numbers in the order of their labels in `lang`.
fn label_order(hb: &Handbook, name: &str, terms: &[Term], lang: Lang) -> Vec<usize> {
    let code = hb.lang_code(lang);
    let mut order: Vec<usize> = (0..terms.len()).collect();
    order.sort_by_cached_key(|&i| {
        hb.config
            .term_label(name, &terms[i].key, code)
            .to_lowercase()
    });
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn term_slugs_fall_back_to_the_key_then_the_number() {
        let mut seen = HashSet::new();
        let first = term_slug("Onderwijs", "education", "nl", 0, &seen);
        assert_eq!(first, "onderwijs");
        seen.insert(first);
        assert_eq!(
            term_slug("Onderwijs", "education", "nl", 1, &seen),
            "education"
        );
        seen.insert("education".into());
        assert_eq!(
            term_slug("Onderwijs", "education", "nl", 2, &seen),
            "education-2"
        );
        assert_eq!(term_slug("", "", "nl", 3, &seen), "-3");
    }
}
