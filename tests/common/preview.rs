//! `brug serve`'s rebuild engine driven in-process: start it on a
//! handbook, change sources, hand it the changed paths as the watcher
//! would, and compare what it serves with a fresh `brug build` both ways
//! (every fresh file is served byte for byte, and nothing is served that a
//! fresh build lacks). The route each rebuild took is a value.

use brug::serve::engine::{Engine, Rebuild, Route};
use brug::source::walk::is_ignored;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The engine on a handbook, and the sources as it last saw them.
pub struct Preview {
    root: PathBuf,
    pub engine: Engine,
    sources: BTreeMap<PathBuf, Vec<u8>>,
    /// Paths of files that came and went since the last rebuild (an
    /// editor's temporary file), which the watcher reports too.
    transient: Vec<PathBuf>,
}

impl Preview {
    /// The engine after its first build of the handbook at `root`.
    pub fn start(root: &Path) -> Preview {
        let mut engine = Engine::new(root);
        let first = engine.full(&|_, _| {});
        assert!(
            !first.failed,
            "the first build failed: {:#?}",
            first.diagnostics
        );
        Preview {
            root: root.to_path_buf(),
            engine,
            sources: sources(root),
            transient: Vec::new(),
        }
    }

    /// Notes a file (relative to the root) that an editor wrote and
    /// renamed away before the rebuild.
    pub fn came_and_went(&mut self, path: &str) {
        self.transient.push(self.root.join(path));
    }

    /// Rebuilds after whatever changed in the sources since the last time.
    pub fn rebuild(&mut self) -> Rebuild {
        let now = sources(&self.root);
        let mut changed: Vec<PathBuf> = now
            .iter()
            .filter(|(p, bytes)| self.sources.get(*p) != Some(*bytes))
            .map(|(p, _)| p.clone())
            .chain(
                self.sources
                    .keys()
                    .filter(|p| !now.contains_key(*p))
                    .cloned(),
            )
            // The watcher passes over editors' swap and backup files.
            .filter(|p| {
                p.components()
                    .all(|c| !is_ignored(&c.as_os_str().to_string_lossy()))
            })
            .map(|p| self.root.join(p))
            .collect();
        changed.append(&mut self.transient);
        assert!(!changed.is_empty(), "nothing changed in the sources");
        self.sources = now;
        self.engine.rebuild(&changed, &|_, _| {})
    }

    /// Rebuilds and checks the route it took and that the served site is
    /// a fresh build's.
    pub fn check(&mut self, route: Route, step: &str) -> Rebuild {
        let rebuild = self.rebuild();
        assert_eq!(rebuild.route, route, "{step}: {rebuild:#?}");
        assert!(!rebuild.failed, "{step}: {:#?}", rebuild.diagnostics);
        self.assert_equals_fresh(step);
        rebuild
    }

    /// Is `path` served?
    pub fn serves(&self, path: &str) -> bool {
        self.engine.files().contains_key(path)
    }

    /// Every file of a fresh `brug build --no-minify` is served byte for
    /// byte, and every served file is one of them.
    pub fn assert_equals_fresh(&self, step: &str) {
        let built = super::fresh_build(&self.root, step);
        let served = self.engine.files();
        let stale: Vec<&String> = built
            .iter()
            .filter(|(p, b)| {
                served
                    .get(*p)
                    .is_none_or(|f| f.bytes.as_slice() != b.as_slice())
            })
            .map(|(p, _)| p)
            .collect();
        assert!(
            stale.is_empty(),
            "{step}: served differently from a fresh build: {stale:?}"
        );
        let extra: Vec<&String> = served.keys().filter(|p| !built.contains_key(*p)).collect();
        assert!(
            extra.is_empty(),
            "{step}: served, but not in a fresh build: {extra:?}"
        );
    }
}

/// The files whose changes `brug serve` watches, below `root`.
fn sources(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut all = BTreeMap::new();
    for dir in ["content", "themes", "i18n"] {
        for (path, bytes) in super::snapshot(&root.join(dir)) {
            all.insert(Path::new(dir).join(path), bytes);
        }
    }
    if let Ok(bytes) = std::fs::read(root.join("handbook.toml")) {
        all.insert(PathBuf::from("handbook.toml"), bytes);
    }
    all
}
