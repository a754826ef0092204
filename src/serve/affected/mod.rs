//! What a change to some pages can affect, when the set of pages and every
//! URL stayed the same. A template job's output is a function of its own
//! pair, the pairs it read (`Reads`, recorded while it rendered), and the
//! site's structure: section order, the link graph, the overview pages.
//! So a job must run again when its own pair changed, when a pair it read
//! changed (a pair's `fingerprint`), or when the structure it stands on
//! changed; every other output is provably the same as before.

use crate::analyze::graph::Graph;
use crate::analyze::markdown::Rendered;
use crate::analyze::overview::Overviews;
use crate::model::{Handbook, Lang, PairId};
use crate::render::{Job, Reads};
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

/// Everything other pages can show of a pair, hashed: each version's
/// front matter (as written) and resolved kind, its URL and translation
/// state, and where the pair sits. The body is not in it: other pages
/// never show it.
pub fn fingerprints(hb: &Handbook) -> Vec<u64> {
    hb.pairs
        .iter()
        .map(|p| {
            let mut h = std::hash::DefaultHasher::new();
            (&p.key, &p.dir, &p.name, p.source_lang, p.section).hash(&mut h);
            for l in 0..p.pages.len() {
                p.urls[l].hash(&mut h);
                format!("{:?}", p.status[l]).hash(&mut h);
                if let Some(id) = p.pages[l] {
                    let page = &hb.pages[id];
                    page.text[..page.body_offset].hash(&mut h);
                    page.kind.as_str().hash(&mut h);
                }
            }
            h.finish()
        })
        .collect()
}

/// What page `id` gives its language's search index besides its URL and
/// section, hashed: its title, summary, taxonomy terms, transfer and the
/// text of its sections.
pub fn search_key(hb: &Handbook, markdown: &[Rendered], id: usize) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    let page = &hb.pages[id];
    (&page.front.title, &page.front.summary).hash(&mut h);
    // The facts the index takes from the front matter (labels come from
    // handbook.toml, whose change rebuilds everything).
    format!("{:?}{:?}", page.front.taxonomies, page.front.transfer).hash(&mut h);
    for s in markdown.get(id).map_or(&[][..], |r| r.sections.as_slice()) {
        (&s.anchor, &s.heading, &s.text).hash(&mut h);
    }
    h.finish()
}

/// Do `a` and `b` have the same pairs, each with the same pages and URLs
/// in the same sections? Only then are pair ids, Markdown links and every
/// output path the same in both.
pub fn same_pairs(a: &Handbook, b: &Handbook) -> bool {
    a.pairs.len() == b.pairs.len()
        && a.sections.len() == b.sections.len()
        && a.pairs.iter().zip(&b.pairs).all(|(p, q)| {
            p.pages == q.pages && p.urls == q.urls && p.section == q.section && p.key == q.key
        })
        && a.sections
            .iter()
            .zip(&b.sections)
            .all(|(s, t)| s.dir == t.dir && s.parent == t.parent && s.index == t.index)
}

/// The model and derived data of the build before the change.
pub struct Before<'a> {
    /// Its pairs and sections (its pages may have been moved out).
    pub hb: &'a Handbook,
    pub graph: &'a Graph,
    pub overviews: &'a Overviews,
    pub fingerprints: &'a [u64],
    /// `search_key` of each changed file's page.
    pub search_keys: &'a HashMap<usize, u64>,
}

/// The model and derived data after the change.
pub struct After<'a> {
    pub hb: &'a Handbook,
    pub graph: &'a Graph,
    pub overviews: &'a Overviews,
    pub fingerprints: &'a [u64],
    /// Every job of the new site.
    pub jobs: &'a [Job],
    /// The glossary's pair: its page lists the pages using each term.
    pub glossary: Option<PairId>,
    /// Every page's rendered Markdown.
    pub markdown: &'a [Rendered],
}

/// What must be produced again.
#[derive(Debug, Default, PartialEq)]
pub struct Affected {
    /// Page jobs (a content page in a language), in the order of `jobs`.
    pub pages: Vec<Job>,
    /// The other template jobs: overview and site pages.
    pub generated: Vec<Job>,
    /// Languages whose search index changes: those of the changed files
    /// whose title, summary or text changed; every language when such a
    /// file is a section's page (results show their section's title, which
    /// falls back to another language's).
    pub search: Vec<Lang>,
    /// Languages whose print view changes: those a changed pair is in (a
    /// missing page's chapter shows another language's version).
    pub print: Vec<Lang>,
    /// Pairs whose fingerprint or file changed.
    pub changed: Vec<PairId>,
    /// Generated pages that no longer exist (site-relative paths).
    pub removed: Vec<String>,
}

/// The jobs to run again after `files` (page ids, same in both models)
/// changed. `reads` are the jobs' reads as of `before`.
pub fn affected(before: &Before, after: &After, reads: &Reads, files: &[usize]) -> Affected {
    let hb = after.hb;
    let mut changed: HashSet<PairId> = (0..hb.pairs.len())
        .filter(|&q| before.fingerprints.get(q) != after.fingerprints.get(q))
        .collect();
    changed.extend(files.iter().filter_map(|&id| hb.page_pair(id)));
    // Jobs that showed a changed pair.
    let mut stale = Stale::default();
    for (job, read) in reads {
        if read.iter().any(|q| changed.contains(q)) {
            stale.jobs.insert(*job);
        }
    }
    stale.pairs.extend(changed.iter().copied());
    stale.section_order(before.hb, hb);
    stale.graph(before.graph, after.graph);
    stale.pairs.extend(after.glossary);
    if shown_on_pages(before.overviews) != shown_on_pages(after.overviews) {
        stale.all_pages = true;
    }
    let langs = hb.config.languages.len();
    for &q in &stale.pairs {
        stale.jobs.extend((0..langs).map(|l| Job::Page(q, l)));
    }
    let mut affected = stale.plan(after.jobs, before.overviews != after.overviews);
    affected.print = (0..langs)
        .filter(|&l| {
            changed
                .iter()
                .any(|&q| hb.pairs[q].urls[l].is_some() || hb.pairs[q].pages[l].is_some())
        })
        .collect();
    affected.search = searched(before, after, files);
    let now: HashSet<String> = generated_files(after.overviews).collect();
    affected.removed = generated_files(before.overviews)
        .filter(|f| !now.contains(f))
        .collect();
    affected.removed.sort();
    affected.changed = changed.into_iter().collect();
    affected.changed.sort_unstable();
    affected
}

/// What a change made stale, as it is worked out.
#[derive(Default)]
struct Stale {
    /// Pairs whose pages (in every language) must be rendered again.
    pairs: HashSet<PairId>,
    /// Single jobs to run again.
    jobs: HashSet<Job>,
    /// Every content page (the main navigation changed).
    all_pages: bool,
}

impl Stale {
    /// Section order: a section's pages show their neighbours and count,
    /// its index page lists its pages and sub-sections, and the handbook
    /// map of every page below it shows its pages and sub-sections (the
    /// top section's on every page).
    fn section_order(&mut self, before: &Handbook, after: &Handbook) {
        let langs = after.config.languages.len();
        for (s, (old, new)) in before.sections.iter().zip(&after.sections).enumerate() {
            let children = old.children != new.children;
            for l in 0..langs {
                if !(children || old.pairs[l] != new.pairs[l]) {
                    continue;
                }
                if s == 0 {
                    self.all_pages = true;
                    return;
                }
                let members = old.pairs[l].iter().chain(&new.pairs[l]);
                self.jobs.extend(members.map(|&q| Job::Page(q, l)));
                for q in subtree(after, s, l) {
                    self.jobs.insert(Job::Page(q, l));
                }
            }
        }
    }

    /// The link graph: backlinks, related pages, relies on / used by.
    fn graph(&mut self, before: &Graph, after: &Graph) {
        for q in 0..after.out.len() {
            if before.out.get(q) != after.out.get(q)
                || before.back.get(q) != after.back.get(q)
                || before.related.get(q) != after.related.get(q)
            {
                self.pairs.insert(q);
            }
        }
    }

    /// The page and generated-page jobs among `jobs` (in their order) that
    /// must run again.
    fn plan(&self, jobs: &[Job], overviews_changed: bool) -> Affected {
        let mut affected = Affected::default();
        for &job in jobs {
            match job {
                Job::Page(..) if self.all_pages || self.jobs.contains(&job) => {
                    affected.pages.push(job)
                }
                // A view shows its pair's bodies, so it runs with its pages.
                Job::SideBySide(pair, lang)
                    if self.all_pages
                        || self.jobs.contains(&job)
                        || self.jobs.contains(&Job::Page(pair, lang)) =>
                {
                    affected.pages.push(job)
                }
                Job::PageIndex(_)
                | Job::Transfer(_)
                | Job::Taxonomy(..)
                | Job::Term(..)
                | Job::LanguageChooser
                | Job::NotFound
                    if overviews_changed || self.jobs.contains(&job) =>
                {
                    affected.generated.push(job)
                }
                // Cheap, and it shows every page's date.
                Job::Sitemap => affected.generated.push(job),
                _ => {}
            }
        }
        affected
    }
}

/// The languages whose search index changes: those of the changed files
/// whose title, summary or text changed; every language when such a file
/// is a section's page (results show their section's title).
fn searched(before: &Before, after: &After, files: &[usize]) -> Vec<Lang> {
    let hb = after.hb;
    let searched: Vec<usize> = files
        .iter()
        .copied()
        .filter(|id| before.search_keys.get(id) != Some(&search_key(hb, after.markdown, *id)))
        .collect();
    let sections_changed = searched.iter().any(|&id| hb.pages[id].is_index());
    (0..hb.config.languages.len())
        .filter(|&l| sections_changed || searched.iter().any(|&id| hb.pages[id].lang == l))
        .collect()
}

/// The files of the generated pages.
fn generated_files(o: &Overviews) -> impl Iterator<Item = String> + '_ {
    o.pages()
        .into_iter()
        .flatten()
        .flatten()
        .map(|url| format!("{url}index.html"))
}

/// What every content page shows of the overview pages: the navigation's
/// transfer, print and taxonomy links, and which term pages exist for the
/// links in a page's metadata.
type Shown<'a> = (
    Option<&'a Vec<String>>,
    Option<&'a Vec<String>>,
    Vec<(
        &'a str,
        &'a [String],
        Vec<(&'a str, &'a [String], Vec<bool>)>,
    )>,
);

fn shown_on_pages(o: &Overviews) -> Shown<'_> {
    let taxonomies = o
        .taxonomies
        .iter()
        .map(|t| {
            let terms = t
                .terms
                .iter()
                .map(|term| {
                    let exists = term.pairs.iter().map(|p| !p.is_empty()).collect();
                    (term.key.as_str(), term.urls.as_slice(), exists)
                })
                .collect();
            (t.name, t.urls.as_slice(), terms)
        })
        .collect();
    (o.transfer.as_ref(), o.print.as_ref(), taxonomies)
}

/// The pairs of section `s` in `lang` and of every section below it, with
/// their index pairs.
fn subtree(hb: &Handbook, s: usize, lang: Lang) -> Vec<PairId> {
    let below = |mut t: usize| loop {
        if t == s {
            return true;
        }
        match hb.sections[t].parent {
            Some(p) => t = p,
            None => return false,
        }
    };
    hb.sections
        .iter()
        .enumerate()
        .filter(|&(t, _)| below(t))
        .flat_map(|(_, sec)| sec.pairs[lang].iter().chain(&sec.index).copied())
        .collect()
}

#[cfg(test)]
mod tests;
