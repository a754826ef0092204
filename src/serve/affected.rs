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
/// section, hashed: its title, summary and the text of its sections.
pub fn search_key(hb: &Handbook, markdown: &[Rendered], id: usize) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    let page = &hb.pages[id];
    (&page.front.title, &page.front.summary).hash(&mut h);
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
    affected.print = (0..langs)
        .filter(|&l| {
            changed
                .iter()
                .any(|&q| hb.pairs[q].urls[l].is_some() || hb.pairs[q].pages[l].is_some())
        })
        .collect();
    let searched: Vec<usize> = files
        .iter()
        .copied()
        .filter(|id| before.search_keys.get(id) != Some(&search_key(hb, after.markdown, *id)))
        .collect();
    let sections_changed = searched.iter().any(|&id| hb.pages[id].is_index());
    affected.search = (0..langs)
        .filter(|&l| sections_changed || searched.iter().any(|&id| hb.pages[id].lang == l))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::prepared::Prepared;
    use crate::render::renderer::Renderer;
    use crate::render::Site;
    use std::path::Path;

    fn web() -> Handbook {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web");
        crate::model::load::load(&root)
            .handbook
            .expect("the web fixture loads")
    }

    fn page(hb: &Handbook, file: &str) -> usize {
        hb.pages
            .iter()
            .position(|p| p.file == Path::new(file))
            .expect(file)
    }

    /// The analysis and compiled theme of `hb`.
    fn prepared(hb: &Handbook) -> (Prepared, Renderer) {
        let mut diags = Vec::new();
        let prepared =
            crate::build::site::prepare(hb, crate::build::site::options(false), &mut diags);
        prepared.expect("the fixture prepares")
    }

    /// Every output rendered once, for its reads; with the analysis.
    fn built(hb: &Handbook) -> (Prepared, Reads, Vec<Job>) {
        let (prepared, renderer) = prepared(hb);
        let site = Site::new(hb, &prepared, &renderer);
        let ran = site.emit(&|_| Ok(()));
        assert!(ran.diagnostics.is_empty());
        let jobs = site.jobs();
        (prepared, ran.reads, jobs)
    }

    /// `hb` with the front matter of `file` edited by `f`, assembled again.
    fn edited(hb: &Handbook, file: &str, f: impl Fn(&str) -> String) -> Handbook {
        let mut pages = hb.pages.clone();
        let id = page(hb, file);
        let p = &mut pages[id];
        let front = f(&p.text[..p.body_offset]);
        let body = p.text[p.body_offset..].to_string();
        let text = format!("{front}{body}");
        let split = crate::source::frontmatter::split(&text, &p.file).unwrap();
        let (parsed, _) = crate::source::frontmatter::parse(&text, &split, &p.file);
        p.front = parsed.unwrap();
        p.hash = crate::model::pairs::text_hash(&p.front.title, &body);
        p.body_offset = split.body_offset;
        p.text = text;
        let statics = hb.statics.iter().map(|s| s.source.clone()).collect();
        let mut diags = Vec::new();
        crate::model::load::assemble(&hb.root, hb.config.clone(), pages, statics, &mut diags)
    }

    /// Every output of `hb`'s site: path → bytes.
    fn outputs(hb: &Handbook) -> HashMap<String, Vec<u8>> {
        let (prepared, renderer) = prepared(hb);
        let all = std::sync::Mutex::new(HashMap::new());
        let ran = Site::new(hb, &prepared, &renderer).emit(&|o| {
            all.lock().unwrap().insert(o.path, o.bytes);
            Ok(())
        });
        assert!(ran.diagnostics.is_empty());
        all.into_inner().unwrap()
    }

    /// The plan for the change from `hb` to `new` (`files` changed).
    fn plan(hb: &Handbook, new: &Handbook, files: &[usize]) -> (Affected, Vec<Job>) {
        let (old, reads, _) = built(hb);
        let (parts, _, jobs) = built(new);
        let (bf, af) = (fingerprints(hb), fingerprints(new));
        let mut diags = Vec::new();
        let glossary = crate::analyze::glossary::find(new, &mut diags);
        let keys = files
            .iter()
            .map(|&id| (id, search_key(hb, &old.markdown, id)))
            .collect();
        let plan = affected(
            &Before {
                hb,
                graph: &old.graph,
                overviews: &old.overviews,
                fingerprints: &bf,
                search_keys: &keys,
            },
            &After {
                hb: new,
                graph: &parts.graph,
                overviews: &parts.overviews,
                fingerprints: &af,
                jobs: &jobs,
                glossary,
                markdown: &parts.markdown,
            },
            &reads,
            files,
        );
        (plan, jobs)
    }

    /// The soundness of `affected`, checked against brute force: for each
    /// kind of edit, every output that differs between the full builds
    /// before and after is one the plan produces again (or removes).
    #[test]
    fn every_output_that_changes_is_in_the_plan() {
        let hb = web();
        let before = outputs(&hb);
        // (file, edit, whether every page shows what it changes)
        type Edit = (&'static str, fn(&str) -> String, bool);
        let edits: Vec<Edit> = vec![
            (
                "content/methods/consensus.nl.md",
                |f| f.replace("Consensus", "Akkoord"),
                false,
            ),
            (
                "content/methods/facilitator.nl.md",
                |f| f.replacen("+++\n", "+++\nweight = -5\n", 1),
                false,
            ),
            (
                "content/methods/consensus.de.md",
                |f| f.replacen("+++\n", "+++\nsummary = \"Kurz.\"\n", 1),
                false,
            ),
            (
                "content/methods/_index.nl.md",
                |f| f.replace("\"methods\"", "\"Methoden\""),
                true,
            ),
            (
                "content/structures/_index.nl.md",
                |f| f.replacen("+++\n", "+++\nweight = -10\n", 1),
                true,
            ),
            (
                "content/_index.nl.md",
                |f| f.replace("Start", "Begin"),
                true,
            ),
            (
                "content/practices/los.nl.md",
                |f| {
                    f.replace(
                        "[transfer]",
                        "[taxonomies]\ntarget_groups = [\"migrants\"]\n[transfer]",
                    )
                },
                false,
            ),
            (
                "content/practices/lotsen.de.md",
                |f| f.replace("target_groups = [\"migrants\"]\n", ""),
                false,
            ),
            (
                "content/practices/lotsen.nl.md",
                |f| f.replace("enschede = \"planned\"", "enschede = \"adapting\""),
                false,
            ),
            (
                "content/practices/lotsen.nl.md",
                |f| f.replace("title = \"Lotsen\"", "title = \"Wegwijzers\""),
                false,
            ),
            (
                "content/methods/consensus.nl.md",
                |f| {
                    f.replacen(
                        "+++\n",
                        "+++\nrelated = [\"../structures/kerngroep.md\"]\n",
                        1,
                    )
                },
                false,
            ),
            (
                "content/methods/consensus.de.md",
                |f| f.replacen("+++\n", "+++\ntranslated_from = \"0000000000\"\n", 1),
                false,
            ),
            (
                "content/structures/kerngroep.de.md",
                |f| f.replacen("+++\n", "+++\nupdated = 2031-02-03\n", 1),
                false,
            ),
            (
                "content/methods/facilitator.nl.md",
                |f| f.replacen("+++\n", "+++\nkind = \"structure\"\n", 1),
                false,
            ),
            (
                "content/modules/wees.nl.md",
                |f| f.replacen("+++\n", "+++\nsummary = \"Een samenvatting.\"\n", 1),
                false,
            ),
            (
                "content/practices/wonen.nl.md",
                |f| {
                    f.replace(
                        "policy_fields = [\"housing\"]",
                        "policy_fields = [\"education\"]",
                    )
                },
                false,
            ),
        ];
        for (file, edit, everywhere) in edits {
            let new = edited(&hb, file, edit);
            assert!(same_pairs(&hb, &new), "{file}");
            let after = outputs(&new);
            let id = page(&hb, file);
            let (plan, _) = plan(&hb, &new, &[id]);
            let (prepared, renderer) = prepared(&new);
            let site = Site::new(&new, &prepared, &renderer);
            let mut jobs: Vec<Job> = plan.pages.iter().chain(&plan.generated).copied().collect();
            jobs.extend(plan.search.iter().map(|&l| Job::SearchIndex(l)));
            jobs.extend(
                site.jobs()
                    .into_iter()
                    .filter(|j| matches!(j, Job::SearchText(l, _) if plan.search.contains(l))),
            );
            jobs.extend(plan.print.iter().map(|&l| Job::Print(l)));
            let covered: HashSet<String> = jobs
                .iter()
                .flat_map(|&j| site.run(j).unwrap().files)
                .map(|o| o.path)
                .chain(plan.removed.iter().cloned())
                .collect();
            let mut paths: Vec<&String> = before.keys().chain(after.keys()).collect();
            paths.sort();
            paths.dedup();
            let missed: Vec<&&String> = paths
                .iter()
                .filter(|p| before.get(**p) != after.get(**p) && !covered.contains(**p))
                .collect();
            assert!(missed.is_empty(), "{file}: not in the plan: {missed:?}");
            // And the plan is everything only where it must be.
            let pages = site
                .jobs()
                .iter()
                .filter(|j| matches!(j, Job::Page(..)))
                .count();
            assert_eq!(plan.pages.len() == pages, everywhere, "{file}");
        }
    }

    #[test]
    fn a_fingerprint_changes_with_the_front_matter_not_the_body() {
        let hb = web();
        let id = page(&hb, "content/methods/consensus.nl.md");
        let pair = hb.page_pair(id).unwrap();
        let mut body = hb.clone();
        body.pages[id].text.push_str("\nMeer tekst.\n");
        assert_eq!(fingerprints(&hb), fingerprints(&body));
        let title = edited(&hb, "content/methods/consensus.nl.md", |f| {
            f.replace("Consensus", "Overeenstemming")
        });
        let (a, b) = (fingerprints(&hb), fingerprints(&title));
        let differ: Vec<usize> = (0..a.len()).filter(|&q| a[q] != b[q]).collect();
        assert_eq!(differ, vec![pair]);
        assert!(same_pairs(&hb, &title));
    }

    #[test]
    fn the_search_index_follows_titles_and_text_not_weights() {
        let hb = web();
        let file = "content/methods/facilitator.nl.md";
        let id = page(&hb, file);
        let weight = edited(&hb, file, |f| f.replacen("+++\n", "+++\nweight = -5\n", 1));
        assert!(plan(&hb, &weight, &[id]).0.search.is_empty());
        let summary = edited(&hb, file, |f| {
            f.replacen("+++\n", "+++\nsummary = \"Wie leidt.\"\n", 1)
        });
        assert_eq!(plan(&hb, &summary, &[id]).0.search, vec![hb.pages[id].lang]);
        let section = "content/methods/_index.nl.md";
        let title = edited(&hb, section, |f| f.replace("\"methods\"", "\"Methoden\""));
        let all: Vec<Lang> = (0..hb.config.languages.len()).collect();
        assert_eq!(plan(&hb, &title, &[page(&hb, section)]).0.search, all);
    }

    #[test]
    fn a_title_change_reaches_the_pages_that_show_it_and_no_others() {
        let hb = web();
        let file = "content/methods/consensus.nl.md";
        let title = edited(&hb, file, |f| f.replace("Consensus", "Overeenstemming"));
        let (plan, jobs) = plan(&hb, &title, &[page(&hb, file)]);
        let pair_of = |f: &str| hb.page_pair(page(&hb, f)).unwrap();
        let nl = hb.lang_index("nl").unwrap();
        let consensus = pair_of(file);
        let shows = |f: &str| plan.pages.contains(&Job::Page(pair_of(f), nl));
        // The page itself, its section's list, its neighbour, and a
        // practice that relies on it.
        assert!(plan.pages.contains(&Job::Page(consensus, nl)));
        assert!(shows("content/methods/_index.nl.md"));
        assert!(shows("content/methods/facilitator.nl.md"));
        assert!(shows("content/practices/lotsen.nl.md"));
        // Not a page in another section that never shows it.
        assert!(!shows("content/modules/wees.nl.md"));
        assert!(plan.pages.len() < jobs.iter().filter(|j| matches!(j, Job::Page(..))).count() / 2);
        assert!(plan.generated.contains(&Job::PageIndex(nl)));
        assert_eq!(plan.search, vec![nl]);
        assert_eq!(plan.changed, vec![consensus]);
        assert!(plan.removed.is_empty());
    }
}
