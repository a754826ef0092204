//! The version of an original that a translation was stamped against,
//! found in the handbook's git history (read with gix, no `git` binary):
//! the newest committed version whose text hash equals the stamp. The
//! search follows the first-parent line back from `HEAD`, and a file that
//! was renamed is followed to its old name, as `git log --follow` does.

use crate::model::pairs::text_hash;
use std::collections::HashSet;
use std::path::Path;

/// The handbook's repository.
pub struct History {
    repo: gix::Repository,
    /// The handbook root relative to the repository's work tree (`/`-separated, `""` at the top).
    prefix: String,
}

/// Why the stamped version cannot be shown: the kind (the preview's
/// status board words it in the editor's language) and the message for
/// the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Why {
    pub kind: WhyKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhyKind {
    /// The translation has no `translated_from`.
    Unstamped,
    NoRepository,
    NoCommit,
    /// No committed version has the stamped hash.
    NotCommitted,
    /// The history is cut off (a shallow clone).
    Shallow,
    /// The repository could not be read.
    Git,
}

impl Why {
    pub fn new(kind: WhyKind, message: impl Into<String>) -> Why {
        Why {
            kind,
            message: message.into(),
        }
    }
}

/// A committed version of a page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Version {
    /// The commit's id, 7 hex digits.
    pub commit: String,
    /// The commit's date (`YYYY-MM-DD`, UTC).
    pub date: String,
    /// The page's path at that commit, relative to the handbook root.
    pub file: String,
    #[serde(skip)]
    pub title: String,
    #[serde(skip)]
    pub body: String,
}

impl History {
    /// The repository holding `root`, or why there is none to read.
    pub fn open(root: &Path) -> Result<History, Why> {
        let repo = gix::discover(root).map_err(|_| {
            Why::new(WhyKind::NoRepository, format!(
                "{} is not in a git repository, so the text a translation was stamped against cannot be found; \
                 put the handbook under git (git init, git add, git commit) and stamp after committing",
                root.display()
            ))
        })?;
        let workdir = repo
            .workdir()
            .and_then(|w| std::fs::canonicalize(w).ok())
            .ok_or_else(|| Why::new(WhyKind::Git, "the git repository has no work tree"))?;
        let root = std::fs::canonicalize(root).map_err(git)?;
        let prefix = root.strip_prefix(&workdir).map_err(|_| {
            Why::new(
                WhyKind::Git,
                "the handbook is outside the repository's work tree",
            )
        })?;
        Ok(History {
            prefix: crate::text::urls::slash_path(prefix),
            repo,
        })
    }

    /// The newest committed version of `file` (relative to the handbook
    /// root) whose text hash is `stamp`.
    pub fn find(&self, file: &Path, stamp: &str) -> Result<Version, Why> {
        let repo = &self.repo;
        let mut path = join(&self.prefix, &crate::text::urls::slash_path(file));
        let mut commit = repo.head_commit().map_err(|_| {
            Why::new(
                WhyKind::NoCommit,
                "the repository has no commit yet; commit the handbook, then stamp",
            )
        })?;
        let mut checked = HashSet::new();
        let mut commits = 0;
        loop {
            commits += 1;
            let tree = commit.tree().map_err(git)?;
            let entry = tree.lookup_entry_by_path(Path::new(&path)).map_err(git)?;
            let Some(entry) = entry else {
                return Err(self.not_found(file, stamp, commits, false));
            };
            let id = entry.object_id();
            if checked.insert(id) {
                let blob = repo.find_blob(id).map_err(git)?;
                if let Some((title, body)) = page_text(&blob.data) {
                    if text_hash(&title, &body) == stamp {
                        let time = commit.time().map_err(git)?;
                        return Ok(Version {
                            commit: commit.id().to_hex_with_len(7).to_string(),
                            date: crate::text::date::iso(time.seconds),
                            file: path
                                .strip_prefix(&self.prefix)
                                .unwrap_or(&path)
                                .trim_start_matches('/')
                                .to_string(),
                            title,
                            body,
                        });
                    }
                }
            }
            let Some(parent) = commit.parent_ids().next() else {
                return Err(self.not_found(file, stamp, commits, false));
            };
            // A shallow clone lists parents it does not have.
            let Ok(parent) = repo.find_commit(parent) else {
                return Err(self.not_found(file, stamp, commits, true));
            };
            let parent_tree = parent.tree().map_err(git)?;
            if parent_tree
                .lookup_entry_by_path(Path::new(&path))
                .map_err(git)?
                .is_none()
            {
                match self.renamed_from(&parent_tree, &tree, &path)? {
                    Some(old) => path = old,
                    None => return Err(self.not_found(file, stamp, commits, false)),
                }
            }
            commit = parent;
        }
    }

    /// The old name of `path` if the change from `old` to `new` renamed it.
    fn renamed_from(
        &self,
        old: &gix::Tree<'_>,
        new: &gix::Tree<'_>,
        path: &str,
    ) -> Result<Option<String>, Why> {
        let options = gix::diff::Options::default().with_rewrites(Some(Default::default()));
        let changes = self
            .repo
            .diff_tree_to_tree(old, new, options)
            .map_err(git)?;
        Ok(changes.into_iter().find_map(|change| match change {
            gix::object::tree::diff::ChangeDetached::Rewrite {
                source_location,
                location,
                copy: false,
                ..
            } if location == path => Some(source_location.to_string()),
            _ => None,
        }))
    }

    fn not_found(&self, file: &Path, stamp: &str, commits: usize, cut: bool) -> Why {
        let shallow = cut || self.repo.is_shallow().unwrap_or(false);
        let file = file.display();
        if shallow {
            Why::new(WhyKind::Shallow, format!(
                "no version of {file} in the {commits} commits of this shallow clone has the stamped hash {stamp}; \
                 fetch the whole history (git fetch --unshallow) and try again"
            ))
        } else {
            Why::new(WhyKind::NotCommitted, format!(
                "no committed version of {file} has the stamped hash {stamp} ({commits} commits searched); \
                 the translation was stamped against text that was never committed. \
                 Compare the two versions by hand, then stamp again after committing the original"
            ))
        }
    }
}

/// The title and body of a page file's bytes, if it has a readable front matter.
fn page_text(bytes: &[u8]) -> Option<(String, String)> {
    let text = crate::source::frontmatter::normalize(String::from_utf8_lossy(bytes).into_owned());
    let split = crate::source::frontmatter::split(&text, Path::new("")).ok()?;
    let front: toml::Table = toml::from_str(split.front).ok()?;
    let title = front.get("title")?.as_str()?.to_string();
    Some((title, split.body.to_string()))
}

fn git(e: impl std::fmt::Display) -> Why {
    Why::new(WhyKind::Git, format!("cannot read the git history: {e}"))
}

fn join(a: &str, b: &str) -> String {
    if a.is_empty() {
        b.to_string()
    } else {
        format!("{a}/{b}")
    }
}
