//! The plan of `affected` checked against full builds: every output that
//! differs is in it, and it is everything only where it must be.

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
    let prepared = crate::build::site::prepare(hb, crate::build::site::options(false), &mut diags);
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
        let planned = plan.pages.iter().filter(|j| matches!(j, Job::Page(..)));
        assert_eq!(planned.count() == pages, everywhere, "{file}");
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
    // The transfer box is indexed (its cities, status, conditions).
    let lotsen = "content/practices/lotsen.nl.md";
    let status = edited(&hb, lotsen, |f| {
        f.replace("enschede = \"planned\"", "enschede = \"adapting\"")
    });
    let id = page(&hb, lotsen);
    assert_eq!(plan(&hb, &status, &[id]).0.search, vec![hb.pages[id].lang]);
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
    let is_page = |j: &&Job| matches!(j, Job::Page(..));
    assert!(plan.pages.iter().filter(is_page).count() < jobs.iter().filter(is_page).count() / 2);
    // A view shows its pair's bodies: it runs again with its page.
    assert!(plan.pages.contains(&Job::SideBySide(consensus, nl)));
    assert!(plan.generated.contains(&Job::PageIndex(nl)));
    assert_eq!(plan.search, vec![nl]);
    assert_eq!(plan.changed, vec![consensus]);
    assert!(plan.removed.is_empty());
}
