//! The memory of `brug check --external`: `.brug/external-links.json` in
//! the handbook root holds what each address answered and when, so that a
//! second check within a day asks only for addresses that are new or were
//! dead. It only saves time: a file that cannot be read is ignored (and
//! written anew), never a reason to stop. `content/` is the only folder
//! brug reads pages and static files from, so the cache never reaches the
//! built site.

use super::http::Outcome;
use anyhow::Context;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The cache file, relative to the handbook root.
pub const PATH: &str = ".brug/external-links.json";

/// The layout of the file; another version is read as an empty cache.
const VERSION: u32 = 1;

/// What an address answered, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Seconds since 1970-01-01 UTC.
    pub checked: u64,
    #[serde(flatten)]
    pub outcome: Outcome,
}

#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    links: BTreeMap<String, Entry>,
}

/// The answers of earlier checks, by address.
#[derive(Debug, Default)]
pub struct Cache {
    links: BTreeMap<String, Entry>,
}

impl Cache {
    /// Reads the cache of the handbook at `root`: empty when there is
    /// none; empty, with the reason, when it cannot be read.
    pub fn load(root: &Path) -> (Cache, Option<String>) {
        let path = root.join(PATH);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Cache::default(), None),
            Err(e) => return (Cache::default(), Some(unreadable(&e))),
        };
        match Cache::parse(&text) {
            Ok(cache) => (cache, None),
            Err(e) => (Cache::default(), Some(unreadable(&e))),
        }
    }

    /// The cache in `text`; an older or newer layout gives an empty one.
    pub fn parse(text: &str) -> Result<Cache, serde_json::Error> {
        #[derive(Deserialize)]
        struct Version {
            version: u32,
        }
        if serde_json::from_str::<Version>(text)?.version != VERSION {
            return Ok(Cache::default());
        }
        let file: File = serde_json::from_str(text)?;
        Ok(Cache { links: file.links })
    }

    /// The answer for `url` that may stand in for asking again at `now`:
    /// a live page (moved or not) checked less than `max_age` ago. Dead
    /// and unsure answers are always asked again.
    pub fn fresh(&self, url: &str, now: u64, max_age: Duration) -> Option<&Entry> {
        let entry = self.links.get(url)?;
        let reusable = matches!(entry.outcome, Outcome::Live | Outcome::Moved { .. });
        let age = now.checked_sub(entry.checked)?;
        (reusable && age < max_age.as_secs()).then_some(entry)
    }

    /// Writes `links` as the handbook's cache: into a temporary file that
    /// then replaces the old one, so that a check stopped halfway never
    /// leaves half a file.
    pub fn save(root: &Path, links: BTreeMap<String, Entry>) -> anyhow::Result<()> {
        let path = root.join(PATH);
        let dir = path.parent().unwrap_or(root);
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        // The folder keeps itself out of version control: it holds a
        // cache, not content.
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(&ignore, "# brug's cache, not content\n*\n")
                .with_context(|| format!("cannot write {}", ignore.display()))?;
        }
        let file = File {
            version: VERSION,
            links,
        };
        let mut text = serde_json::to_string_pretty(&file)?;
        text.push('\n');
        let temp = temporary(&path);
        std::fs::write(&temp, text).with_context(|| format!("cannot write {}", temp.display()))?;
        if let Err(e) = std::fs::rename(&temp, &path) {
            let _ = std::fs::remove_file(&temp);
            return Err(e).with_context(|| format!("cannot replace {}", path.display()));
        }
        Ok(())
    }
}

fn unreadable(e: &dyn std::fmt::Display) -> String {
    format!("{PATH} cannot be read ({e}); it is ignored and written anew")
}

/// A name beside `path` that no other running check uses.
fn temporary(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{}.tmp", std::process::id()));
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: Duration = Duration::from_secs(24 * 3600);

    fn entry(checked: u64, outcome: Outcome) -> Entry {
        Entry { checked, outcome }
    }

    #[test]
    fn only_recent_live_answers_are_reused() {
        let dead = Outcome::Dead {
            reason: "answers 404 Not Found".into(),
        };
        let moved = Outcome::Moved {
            to: "https://b/".into(),
        };
        let cache = Cache {
            links: BTreeMap::from([
                ("https://live".into(), entry(1_000, Outcome::Live)),
                ("https://moved".into(), entry(1_000, moved)),
                ("https://dead".into(), entry(1_000, dead)),
            ]),
        };
        let soon = 1_000 + DAY.as_secs() - 1;
        assert!(cache.fresh("https://live", soon, DAY).is_some());
        assert!(cache.fresh("https://moved", soon, DAY).is_some());
        assert!(cache.fresh("https://dead", 1_001, DAY).is_none());
        assert!(
            cache.fresh("https://live", soon + 1, DAY).is_none(),
            "too old"
        );
        assert!(
            cache.fresh("https://live", 999, DAY).is_none(),
            "from the future"
        );
        assert!(cache.fresh("https://new", soon, DAY).is_none());
    }

    #[test]
    fn the_cache_is_written_whole_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let links = BTreeMap::from([("https://a.org/".to_string(), entry(7, Outcome::Live))]);
        Cache::save(dir.path(), links.clone()).unwrap();
        let (cache, problem) = Cache::load(dir.path());
        assert_eq!((cache.links, problem), (links, None));
        let files: Vec<_> = std::fs::read_dir(dir.path().join(".brug"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(files.len(), 2, "no temporary file left: {files:?}");
    }

    #[test]
    fn a_damaged_or_foreign_cache_is_an_empty_one() {
        assert!(Cache::parse("{\"version\": 1, \"links\": {").is_err());
        assert!(Cache::parse("[]").is_err());
        let other = Cache::parse("{\"version\": 99, \"links\": 3}").unwrap();
        assert!(other.links.is_empty());
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".brug")).unwrap();
        std::fs::write(dir.path().join(PATH), "not json").unwrap();
        let (cache, problem) = Cache::load(dir.path());
        assert!(cache.links.is_empty());
        assert!(problem.unwrap().contains("cannot be read"));
    }
}
