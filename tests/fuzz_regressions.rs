//! The fuzz targets' inputs in plain `cargo test`, without a fuzzer or a
//! nightly compiler. Every input a target once failed on
//! (`fuzz/regressions/TARGET/`, minimised), the hostile inputs of
//! `fuzz/hostile.rs` and the handbook's own sources (`content/`,
//! `tests/cases/`, `tests/fixtures/`) go through the same code as
//! `cargo fuzz` (`fuzz/harness.rs`), which must not panic. Time is not
//! asserted here (no timed tests): `scripts/fuzz` runs libFuzzer with a
//! timeout per input, and `BRUG_FUZZ_TIMES=1` prints each input's time.
//! The same inputs are the fuzzing corpus's seeds: `scripts/fuzz --seed`
//! writes them with the ignored test `write_corpus`.

#[path = "../fuzz/harness.rs"]
mod harness;
#[path = "../fuzz/hostile.rs"]
mod hostile;

use std::path::{Path, PathBuf};
use std::time::Instant;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every input of `target`: a file name for the corpus and the bytes.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let regressions = repo().join("fuzz/regressions").join(target);
    for file in files(&regressions, &|_| true) {
        let name = format!("regression-{}", file_name(&file));
        out.push((name, std::fs::read(&file).unwrap()));
    }
    for (name, text) in hostile::inputs(target) {
        out.push((format!("hostile-{name}"), text.into_bytes()));
    }
    let wanted = |p: &Path| match target {
        "config" => p.file_name().is_some_and(|n| n == "handbook.toml"),
        _ => p.extension().is_some_and(|e| e == "md"),
    };
    for folder in ["content", "tests/cases", "tests/fixtures"] {
        for file in files(&repo().join(folder), &wanted) {
            let rel = file.strip_prefix(repo()).unwrap();
            let name = rel.to_string_lossy().replace(['/', '\\'], "_");
            out.push((format!("source-{name}"), std::fs::read(&file).unwrap()));
        }
    }
    if target == "config" {
        out.push((
            "source-handbook.toml".into(),
            read(&repo().join("handbook.toml")),
        ));
    }
    out
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// The files below `dir` that `wanted` accepts, sorted (none if `dir` is
/// missing).
fn files(dir: &Path, wanted: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path, wanted));
        } else if wanted(&path) {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Runs every input of `target` through the harness.
fn replay(target: &str) {
    let (_, run) = harness::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .expect("a fuzz target of that name");
    let inputs = inputs(target);
    assert!(!inputs.is_empty(), "no inputs for {target}");
    for (name, data) in inputs {
        let start = Instant::now();
        run(&data);
        let took = start.elapsed();
        if std::env::var_os("BRUG_FUZZ_TIMES").is_some() {
            eprintln!("{target}: {name} {took:?}");
        }
    }
}

#[test]
fn frontmatter() {
    replay("frontmatter");
}

#[test]
fn markdown() {
    replay("markdown");
}

#[test]
fn search_analyzer() {
    replay("search_analyzer");
}

#[test]
fn config() {
    replay("config");
}

/// Writes every target's inputs into `$BRUG_FUZZ_CORPUS/TARGET/` as the
/// seeds of fuzzing (`scripts/fuzz --seed` runs it).
#[test]
#[ignore = "writes the fuzzing corpus; run by scripts/fuzz --seed"]
fn write_corpus() {
    let dir = std::env::var_os("BRUG_FUZZ_CORPUS").expect("BRUG_FUZZ_CORPUS names a folder");
    for (target, _) in harness::TARGETS {
        let dir = Path::new(&dir).join(target);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, data) in inputs(target) {
            std::fs::write(dir.join(name), data).unwrap();
        }
    }
}
