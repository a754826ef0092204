//! `brug check --external`: the whole check, then every web address the
//! pages link to or show an image from, asked once however many pages use
//! it. A dead address is an error at each place it is written (file, line,
//! column), as `zola check` reports them, so an editor can fix each one; a
//! permanent redirect is a warning that names the new address. What was
//! live is remembered for a day (`cache`), so a second check is quick; the
//! network itself is `http`'s job.

pub mod cache;
pub mod http;

use crate::analyze::prepared::Prepared;
use crate::build::site::{self, Report};
use crate::diagnostics::{self, Diagnostic};
use crate::model::Handbook;
use cache::{Cache, Entry};
use http::{Limits, Outcome};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

/// How long a live answer stands in for asking again.
pub const MAX_AGE: Duration = Duration::from_secs(24 * 3600);

/// Hosts asked at the same time.
const WORKERS: usize = 8;

/// How `check --external` runs.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The longest wait for one address, redirects included.
    pub timeout: Duration,
    /// Ask every address again, whatever the cache holds.
    pub refresh: bool,
}

/// What the external check did, for its summary line.
#[derive(Debug, Default)]
pub struct Summary {
    /// Distinct addresses.
    pub links: usize,
    /// Of those, answered from the cache.
    pub cached: usize,
    /// Distinct addresses that are dead.
    pub dead: usize,
    /// Problems with the cache file, which cost time but change no result.
    pub notes: Vec<String>,
    pub elapsed: Duration,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "checked {} external link(s) ({} from cache): {} dead, in {:.2} s",
            self.links,
            self.cached,
            self.dead,
            self.elapsed.as_secs_f64()
        )
    }
}

/// One place a web address is written.
struct Use {
    /// The address to ask: as written, without its `#fragment`.
    url: String,
    /// A diagnostic placed at the link; the answer gives it its words.
    at: Diagnostic,
}

/// Runs `brug check`, then asks the external links. The summary is `None`
/// when the handbook could not be read at all.
pub fn check(root: &Path, opts: Options) -> (Report, Option<Summary>) {
    let mut uses = None;
    let mut report = site::check_inspecting(root, &mut |hb, prepared| {
        uses = Some(collect(hb, prepared));
    });
    let Some(uses) = uses else {
        return (report, None);
    };
    let start = Instant::now();
    let (answers, mut summary) = answers(root, &uses, opts);
    report.diagnostics.extend(uses.into_iter().filter_map(|u| {
        let answer = &answers.get(&u.url)?.outcome;
        diagnose(u, answer)
    }));
    diagnostics::sort(&mut report.diagnostics);
    report.diagnostics.dedup();
    summary.dead = answers
        .values()
        .filter(|e| matches!(e.outcome, Outcome::Dead { .. }))
        .count();
    if let Err(e) = Cache::save(root, answers) {
        summary
            .notes
            .push(format!("{e:#}; the next check asks every link again"));
    }
    summary.elapsed = start.elapsed();
    (report, Some(summary))
}

/// Every web address of every page, where it is written.
fn collect(hb: &Handbook, prepared: &Prepared) -> Vec<Use> {
    let pages = hb.pages.iter().zip(&prepared.markdown);
    pages
        .flat_map(|(page, rendered)| {
            rendered.external.iter().map(|link| Use {
                url: address(&link.url).to_string(),
                at: Diagnostic::error(&page.file, "").at(&page.text, link.offset),
            })
        })
        .collect()
}

/// The address to ask for a link as written: the fragment names a place
/// in the page, which the server never sees.
fn address(url: &str) -> &str {
    url.split('#').next().unwrap_or(url).trim()
}

/// The answer for every address of `uses`: from the cache when it is
/// fresh (and `--refresh` is not given), else from the network.
fn answers(root: &Path, uses: &[Use], opts: Options) -> (BTreeMap<String, Entry>, Summary) {
    let (cache, problem) = Cache::load(root);
    let now = unix_now();
    let urls: BTreeSet<&str> = uses.iter().map(|u| u.url.as_str()).collect();
    let mut known = BTreeMap::new();
    let mut ask = Vec::new();
    for url in &urls {
        match cache.fresh(url, now, MAX_AGE).filter(|_| !opts.refresh) {
            Some(entry) => {
                known.insert(url.to_string(), entry.clone());
            }
            None => ask.push(url.to_string()),
        }
    }
    let summary = Summary {
        links: urls.len(),
        cached: known.len(),
        notes: problem.into_iter().collect(),
        ..Summary::default()
    };
    let limits = Limits {
        timeout: opts.timeout,
        workers: WORKERS,
    };
    let outcomes = http::check_all(&ask, limits);
    for (url, outcome) in ask.into_iter().zip(outcomes) {
        known.insert(
            url,
            Entry {
                checked: now,
                outcome,
            },
        );
    }
    (known, summary)
}

/// The diagnostic for one use of an address that answered `outcome`.
fn diagnose(u: Use, outcome: &Outcome) -> Option<Diagnostic> {
    let Use { url, at } = u;
    let (severity, message, hint) = match outcome {
        Outcome::Live => return None,
        Outcome::Dead { reason } => (
            diagnostics::Severity::Error,
            format!("the external link {url} {reason}"),
            "open it in a browser: if the page moved, link to its new address; if it is gone, \
             remove the link (a server that is only down or slow passes a later check)"
                .to_string(),
        ),
        Outcome::Moved { to } => (
            diagnostics::Severity::Warning,
            format!("the external link {url} has moved permanently to {to}"),
            format!("link to {to} directly"),
        ),
        Outcome::Unsure { reason } => (
            diagnostics::Severity::Warning,
            format!("the external link {url} {reason}"),
            "run the check again later".to_string(),
        ),
    };
    Some(Diagnostic {
        severity,
        message,
        hint: Some(hint),
        ..at
    })
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
