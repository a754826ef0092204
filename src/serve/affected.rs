//! What a change to some pages can affect, when the set of pages and every
//! URL stayed the same. A template job's output is a function of its own
//! pair, the pairs it read (`Reads`, recorded while it rendered), and the
//! site's structure: section order, the link graph, the overview pages.
//! So a job must run again when its own pair changed, when a pair it read
//! changed (a pair's `fingerprint`), or when the structure it stands on
//! changed; every other output is provably the same as before.

use crate::graph::Graph;
use crate::model::{Handbook, Lang, PairId};
use crate::overview::Overviews;
use crate::render::{Job, Reads};
use std::collections::HashSet;
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
}

/// What must be produced again.
#[derive(Debug, Default, PartialEq)]
pub struct Affected {
    /// Page jobs (a content page in a language), in the order of `jobs`.
    pub pages: Vec<Job>,
    /// The other template jobs: overview and site pages.
    pub generated: Vec<Job>,
    /// Languages whose search index and print view change.
    pub langs: Vec<Lang>,
    /// Pairs whose fingerprint or file changed.
    pub changed: Vec<PairId>,
    /// Generated pages that no longer exist (site-relative paths).
    pub removed: Vec<String>,
}

/// The jobs to run again after `files` (page ids, same in both models)
/// changed. `reads` are the jobs' reads as of `before`.
pub fn affected(before: &Before, after: &After, reads: &Reads, files: &[usize]) -> Affected {
    let hb = after.hb;
    let langs = hb.config.languages.len();
    let mut changed: HashSet<PairId> = (0..hb.pairs.len())
        .filter(|&q| before.fingerprints.get(q) != after.fingerprints.get(q))
        .collect();
    changed.extend(files.iter().filter_map(|&id| hb.page_pair(id)));
    let mut pairs: HashSet<PairId> = changed.clone();
    let mut jobs: HashSet<Job> = HashSet::new();
    let mut all_pages = false;
    // Jobs that showed a changed pair.
    for (job, read) in reads {
        if read.iter().any(|q| changed.contains(q)) {
            jobs.insert(*job);
        }
    }
    // Section order: a section's pages show their neighbours and count, its
    // index page lists its pages and sub-sections; the top section's
    // sub-sections are every page's navigation.
    for (s, (old, new)) in before.hb.sections.iter().zip(&hb.sections).enumerate() {
        if old.children != new.children {
            match new.index {
                Some(index) if s != 0 => {
                    pairs.insert(index);
                }
                _ => all_pages = true,
            }
        }
        for l in 0..langs {
            if old.pairs[l] != new.pairs[l] {
                let members = old.pairs[l].iter().chain(&new.pairs[l]).chain(&new.index);
                jobs.extend(members.map(|&q| Job::Page(q, l)));
            }
        }
    }
    // The link graph: backlinks, related pages, relies on / used by.
    let g = (before.graph, after.graph);
    for q in 0..hb.pairs.len() {
        if g.0.out.get(q) != g.1.out.get(q)
            || g.0.back.get(q) != g.1.back.get(q)
            || g.0.related.get(q) != g.1.related.get(q)
        {
            pairs.insert(q);
        }
    }
    pairs.extend(after.glossary);
    let overviews_changed = before.overviews != after.overviews;
    if shown_on_pages(before.overviews) != shown_on_pages(after.overviews) {
        all_pages = true;
    }
    for q in pairs {
        jobs.extend((0..langs).map(|l| Job::Page(q, l)));
    }
    let mut affected = Affected::default();
    for &job in after.jobs {
        match job {
            Job::Page(..) if all_pages || jobs.contains(&job) => affected.pages.push(job),
            Job::PageIndex(_)
            | Job::Transfer(_)
            | Job::Taxonomy(..)
            | Job::Term(..)
            | Job::LanguageChooser
            | Job::NotFound
                if overviews_changed || jobs.contains(&job) =>
            {
                affected.generated.push(job)
            }
            // Cheap, and it shows every page's date.
            Job::Sitemap => affected.generated.push(job),
            _ => {}
        }
    }
    affected.langs = (0..langs)
        .filter(|&l| {
            changed
                .iter()
                .any(|&q| hb.pairs[q].urls[l].is_some() || hb.pairs[q].pages[l].is_some())
        })
        .collect();
    let now: HashSet<String> = generated_files(after.overviews).collect();
    affected.removed = generated_files(before.overviews)
        .filter(|f| !now.contains(f))
        .collect();
    affected.removed.sort();
    affected.changed = changed.into_iter().collect();
    affected.changed.sort_unstable();
    affected
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
