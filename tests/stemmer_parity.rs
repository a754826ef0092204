//! The browser stems with hand-written ports of the Snowball Dutch and German
//! stemmers (`themes/default/static/search/snowball/dutch.js`, `german.js`),
//! the build with the rust-stemmers crate; a stem that differs is a word the
//! search cannot find. This stems every distinct word of the handbook
//! (`content/`), of `starter/` and of the word list `tests/search/stem-words.txt`
//! (real Dutch and German text), each folded as the search folds it, plus
//! every a–z word of up to four letters, on both sides and requires the same
//! stem: Rust here, the JavaScript under node through `tests/search/stem.mjs`.
//! Without node the test fails: CI installs it.

use brug::search::analyze::Analyzer;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The texts to take words from: every Markdown file under content/ and
/// every file under starter/, and the word list without its comment lines.
fn texts() -> Vec<String> {
    let mut texts: Vec<String> = ["content", "starter"]
        .iter()
        .flat_map(|dir| walkdir::WalkDir::new(root().join(dir)))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            e.path().starts_with(root().join("starter"))
                || e.path().extension() == Some("md".as_ref())
        })
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    let list = std::fs::read_to_string(root().join("tests/search/stem-words.txt")).unwrap();
    texts.push(
        list.lines()
            .filter(|l| !l.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    texts
}

/// The distinct words of the texts, folded for `lang`, that are a–z only
/// (the stemmers never see any other).
fn words(lang: &str) -> BTreeSet<String> {
    let analyzer = Analyzer::new(lang).unwrap();
    texts()
        .iter()
        .flat_map(|t| analyzer.tokens(t))
        .map(|t| t.folded)
        .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
        .collect()
}

/// Every a–z word of one to four letters.
fn short_words() -> Vec<String> {
    let mut out: Vec<String> = vec![String::new()];
    let mut all = Vec::new();
    for _ in 0..4 {
        out = out
            .iter()
            .flat_map(|w| ('a'..='z').map(move |c| format!("{w}{c}")))
            .collect();
        all.extend(out.iter().cloned());
    }
    all
}

/// The JavaScript stemmer's stem of every word, in order.
fn node_stems(stemmer: &str, words: &[String]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("words.txt");
    std::fs::write(&path, words.join("\n") + "\n").unwrap();
    let output = Command::new("node")
        .arg(root().join("tests/search/stem.mjs"))
        .arg(stemmer)
        .stdin(Stdio::from(std::fs::File::open(&path).unwrap()))
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run `node` ({e}): the stemmer parity test needs Node.js on PATH \
                 to run themes/default/static/search/snowball/{stemmer}.js; install node"
            )
        });
    assert!(
        output.status.success(),
        "node tests/search/stem.mjs {stemmer} failed ({}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn check(lang: &str, stemmer: &str, algorithm: Algorithm) {
    let real = words(lang);
    assert!(
        real.len() > 30_000,
        "{lang}: only {} distinct words; is tests/search/stem-words.txt complete?",
        real.len()
    );
    let mut all: Vec<String> = real.iter().cloned().collect();
    all.extend(short_words().into_iter().filter(|w| !real.contains(w)));
    let rust = Stemmer::create(algorithm);
    let js = node_stems(stemmer, &all);
    assert_eq!(
        js.len(),
        all.len(),
        "{stemmer}.js answered a different count"
    );
    let diffs: Vec<String> = all
        .iter()
        .zip(&js)
        .filter(|(word, js)| rust.stem(word) != js.as_str())
        .map(|(word, js)| format!("{word}: rust {:?}, js {js:?}", rust.stem(word)))
        .collect();
    println!(
        "stemmer parity {lang}: {} words ({} from the texts, the rest of up to four letters)",
        all.len(),
        real.len()
    );
    assert!(
        diffs.is_empty(),
        "{stemmer}.js stems {} of {} words otherwise than rust-stemmers; the first ones:\n{}",
        diffs.len(),
        all.len(),
        diffs[..diffs.len().min(20)].join("\n")
    );
}

#[test]
#[ignore = "needs Node.js: scripts/test runs the search suite on its own"]
fn the_browsers_dutch_stemmer_stems_like_rust_stemmers() {
    check("nl", "dutch", Algorithm::Dutch);
}

#[test]
#[ignore = "needs Node.js: scripts/test runs the search suite on its own"]
fn the_browsers_german_stemmer_stems_like_rust_stemmers() {
    check("de", "german", Algorithm::German);
}
