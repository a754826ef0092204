//! The section tree and the URL table: which folder is a section, what kind
//! each page is, and the URL of every pair in every language. URLs are
//! computed once, before rendering, so links resolve by table lookup.
//! URL paths are site-relative (`nl/methoden/consensus/`): the model holds no
//! absolute URL, which keeps the offline copy possible.

use crate::diagnostics::Diagnostic;
use crate::model::{join, Handbook, Lang, Section, SectionId, StaticFile};
use crate::source::config::MissingTranslation;
use crate::source::frontmatter::Kind;
use crate::text::slug::slugify;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

/// Fills `sections`, page kinds, pair URLs and static files of `hb`.
pub fn build(hb: &mut Handbook, static_files: Vec<PathBuf>, diags: &mut Vec<Diagnostic>) {
    build_sections(hb);
    assign_kinds(hb);
    assign_urls(hb, diags);
    order(hb);
    add_statics(hb, static_files);
}

fn parent_dir(dir: &str) -> Option<&str> {
    if dir.is_empty() {
        None
    } else {
        Some(dir.rsplit_once('/').map_or("", |(p, _)| p))
    }
}

fn build_sections(hb: &mut Handbook) {
    let mut dirs = BTreeSet::from([String::new()]);
    for pair in &hb.pairs {
        let mut dir = Some(pair.dir.as_str());
        while let Some(d) = dir {
            dirs.insert(d.to_string());
            dir = parent_dir(d);
        }
    }
    let langs = hb.config.languages.len();
    for dir in dirs {
        let id = hb.sections.len();
        hb.section_by_dir.insert(dir.clone(), id);
        let parent = parent_dir(&dir).map(|p| hb.section_by_dir[p]);
        hb.sections.push(Section {
            dir,
            parent,
            index: None,
            pairs: vec![Vec::new(); langs],
            children: vec![Vec::new(); langs],
        });
    }
    for (id, pair) in hb.pairs.iter_mut().enumerate() {
        let section = hb.section_by_dir[&pair.dir];
        pair.section = section;
        if pair.is_index() {
            hb.sections[section].index = Some(id);
        }
    }
}

/// A page's kind: its own `kind`, else the nearest section's, else `page`.
fn assign_kinds(hb: &mut Handbook) {
    let mut kinds = Vec::with_capacity(hb.pages.len());
    for page in &hb.pages {
        let mut kind = page.front.kind;
        let mut section = (!page.is_index())
            .then(|| hb.section_by_dir.get(&page.dir).copied())
            .flatten();
        while kind.is_none() {
            let Some(s) = section else { break };
            kind = hb.sections[s]
                .index
                .and_then(|i| hb.pages[hb.pairs[i].best_page(page.lang)].front.kind);
            section = hb.sections[s].parent;
        }
        kinds.push(kind.unwrap_or(Kind::Page));
    }
    for (page, kind) in hb.pages.iter_mut().zip(kinds) {
        page.kind = kind;
    }
}

/// URL segments of a content folder in `lang`: each folder's section slug in
/// that language, else its name made URL-safe.
pub fn segments(hb: &Handbook, dir: &str, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let mut prefix = String::new();
    for part in dir.split('/').filter(|p| !p.is_empty()) {
        prefix = join(&prefix, part);
        let slug = hb
            .section_by_dir
            .get(&prefix)
            .and_then(|&s| hb.sections[s].index)
            .and_then(|i| hb.pairs[i].pages[lang])
            .and_then(|p| hb.pages[p].front.slug.clone());
        out.push(slug.unwrap_or_else(|| segment_of(part)));
    }
    out
}

fn segment_of(name: &str) -> String {
    // File and folder names are language-neutral; German transliteration
    // keeps `ü` distinguishable from `u`.
    let s = slugify(name, "de");
    if s.is_empty() {
        "page".into()
    } else {
        s
    }
}

fn assign_urls(hb: &mut Handbook, diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for id in 0..hb.pairs.len() {
        for lang in 0..hb.config.languages.len() {
            let pair = &hb.pairs[id];
            let page = pair.pages[lang].map(|p| &hb.pages[p]);
            if page.is_none() && hb.config.missing_translation == MissingTranslation::Omit {
                continue;
            }
            let dir = page.map_or(pair.dir.as_str(), |p| p.dir.as_str());
            let mut parts = vec![hb.config.languages[lang].clone()];
            parts.extend(segments(hb, dir, lang));
            if !pair.is_index() {
                let slug = page.and_then(|p| p.front.slug.clone());
                parts.push(slug.unwrap_or_else(|| segment_of(&pair.name)));
            }
            let url = parts.join("/") + "/";
            if let Some(&other) = seen.get(&url) {
                let this = hb.pages[pair.best_page(lang)].clone();
                let that = &hb.pages[hb.pairs[other].best_page(lang)];
                diags.push(
                    Diagnostic::error(
                        &this.file,
                        format!(
                            "this page would get the URL /{url}, which {} has already",
                            that.file.display()
                        ),
                    )
                    .at(
                        &this.text,
                        crate::model::value_offset(
                            &this,
                            this.front.slug.as_deref().unwrap_or("title"),
                        ),
                    )
                    .hint("give one of the two pages another `slug` in its front matter"),
                );
                continue;
            }
            seen.insert(url.clone(), id);
            hb.pairs[id].urls[lang] = Some(url);
        }
    }
}

/// Sort key: weight (unweighted last), then title, then key for stability.
fn sort_key(hb: &Handbook, pair: usize, lang: Lang) -> (i64, String, String) {
    let page = &hb.pages[hb.pairs[pair].best_page(lang)];
    (
        page.front.weight.unwrap_or(i64::MAX),
        page.front.title.to_lowercase(),
        hb.pairs[pair].key.clone(),
    )
}

fn order(hb: &mut Handbook) {
    let langs = hb.config.languages.len();
    let mut pairs_in: Vec<Vec<usize>> = vec![Vec::new(); hb.sections.len()];
    for (id, pair) in hb.pairs.iter().enumerate() {
        if !pair.is_index() {
            pairs_in[pair.section].push(id);
        }
    }
    for (s, in_section) in pairs_in.iter().enumerate() {
        for lang in 0..langs {
            let mut list: Vec<usize> = in_section
                .iter()
                .copied()
                .filter(|&p| hb.pairs[p].urls[lang].is_some())
                .collect();
            list.sort_by_cached_key(|&p| sort_key(hb, p, lang));
            hb.sections[s].pairs[lang] = list;
            let mut children: Vec<SectionId> = (0..hb.sections.len())
                .filter(|&c| hb.sections[c].parent == Some(s))
                .filter(|&c| {
                    hb.sections[c]
                        .index
                        .is_none_or(|i| hb.pairs[i].urls[lang].is_some())
                })
                .collect();
            children.sort_by_cached_key(|&c| match hb.sections[c].index {
                Some(i) => sort_key(hb, i, lang),
                None => (i64::MAX, hb.sections[c].dir.clone(), String::new()),
            });
            hb.sections[s].children[lang] = children;
        }
    }
}

fn add_statics(hb: &mut Handbook, files: Vec<PathBuf>) {
    let content = hb.root.join("content");
    for source in files {
        let (dir, name) = crate::model::content_path(&content, &source);
        let urls = (0..hb.config.languages.len())
            .map(|lang| {
                let mut parts = vec![hb.config.languages[lang].clone()];
                parts.extend(segments(hb, &dir, lang));
                parts.push(name.clone());
                parts.join("/")
            })
            .collect();
        hb.static_by_path
            .insert(join(&dir, &name), hb.statics.len());
        hb.statics.push(StaticFile {
            source,
            dir,
            name,
            urls,
        });
    }
}
