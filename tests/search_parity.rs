//! The browser must analyse a query exactly as the build analysed the page,
//! or searches miss. This runs both analyzers on every distinct word of the
//! shipped handbook (and on each whole page, and on hand-picked hard cases)
//! and requires identical terms: Rust here, `analyze.js` under node through
//! `tests/search/parity.mjs`. Without node the test fails: CI installs it.

use brug::search::analyze::{Analyzer, Vocab};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `*.LANG.md` under content/, as text.
fn pages(lang: &str) -> Vec<String> {
    let suffix = format!(".{lang}.md");
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root().join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.to_string_lossy().ends_with(&suffix))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Cases the handbook may not contain: folding, compounds, hyphens, scripts,
/// limits and junk.
fn hard_cases() -> Vec<String> {
    let fixed = [
        "Münster",
        "Munster",
        "Muenster",
        "MÜNSTER",
        "Mu\u{308}nster",
        "Straße",
        "strasse",
        "STRASSE",
        "ẞ",
        "\u{133}s",
        "\u{132}SSEL",
        "café",
        "ideeën",
        "coördinatie",
        "Quelle",
        "QUELLE",
        "Ueber",
        "aktuell",
        "bauen",
        "neue",
        "Ärger",
        "Œuvre",
        "Øresund",
        "Łódź",
        "Ærø",
        "ŉ",
        "Integrationskonzept",
        "Integrationskonzepte",
        "Integrations-Konzept",
        "integratievisie",
        "integratievisies",
        "Stadtteilarbeit",
        "Straßenbahnhaltestelle",
        "Kita-Eltern",
        "Kitaeltern",
        "e-mail",
        "Vor-Ort-Beratung",
        "co\u{2011}operatie",
        "a--b",
        "a - b",
        "2008–2011",
        "2008-2011",
        "covid19",
        "auto's",
        "d'r",
        "Inte\u{ad}gration",
        "\u{301}",
        "",
        " ",
        "?!…—",
        "🙂",
        "Haus🙂Tür",
        "ΟΔΟΣ",
        "ΣΊΣΥΦΟΣ",
        "Москва",
        "東京",
        "İstanbul",
        "ǅemal",
        "ﬁnanz",
        "٣٤",
        "①",
        "Ⅻ",
        "der die das und für über",
        "de het een van",
    ];
    let mut cases: Vec<String> = fixed.iter().map(|s| s.to_string()).collect();
    cases.extend([
        "x".repeat(64),
        "x".repeat(65),
        "Ü".repeat(64),
        "Ü".repeat(65),
        "a".repeat(100_000),
        "Integrations".repeat(4) + "konzept",
    ]);
    cases
}

struct Lang {
    vocab: Vocab,
    inputs: Vec<String>,
    expected: Vec<Vec<String>>,
    words: usize,
}

fn prepare(lang: &str) -> Lang {
    let analyzer = Analyzer::new(lang).unwrap();
    let pages = pages(lang);
    let vocab = analyzer.vocab(pages.iter().map(String::as_str));
    let words: BTreeSet<&str> = pages.iter().flat_map(|p| p.split_whitespace()).collect();
    let mut inputs: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    let word_count = inputs.len();
    inputs.extend(hard_cases());
    inputs.extend(pages.iter().cloned());
    let expected = inputs.iter().map(|t| analyzer.terms(t, &vocab)).collect();
    Lang {
        vocab,
        inputs,
        expected,
        words: word_count,
    }
}

/// The JavaScript analyzer's terms for every input, per language.
fn run_node(langs: &BTreeMap<&str, Lang>) -> BTreeMap<String, Vec<Vec<String>>> {
    let input: serde_json::Map<String, Value> = langs
        .iter()
        .map(|(lang, l)| {
            let value = json!({ "vocab": l.vocab, "inputs": l.inputs });
            (lang.to_string(), value)
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parity-input.json");
    std::fs::write(&path, serde_json::to_vec(&input).unwrap()).unwrap();
    let output = Command::new("node")
        .arg(root().join("tests/search/parity.mjs"))
        .arg(&path)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run `node` ({e}): the search parity test needs Node.js on PATH \
                 to run themes/default/static/search/analyze.js; install node"
            )
        });
    assert!(
        output.status.success(),
        "node tests/search/parity.mjs failed ({}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("parity.mjs printed no JSON")
}

fn shorten(text: &str) -> String {
    let short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        format!("{short}… ({} bytes)", text.len())
    } else {
        short
    }
}

#[test]
#[ignore = "needs Node.js: scripts/test runs the search suite on its own"]
fn browser_and_build_give_the_same_terms_for_every_handbook_word() {
    let langs: BTreeMap<&str, Lang> = ["nl", "de"].into_iter().map(|l| (l, prepare(l))).collect();
    let js = run_node(&langs);
    let mut diffs = Vec::new();
    for (lang, l) in &langs {
        assert!(
            l.words > 3_000,
            "{lang}: only {} distinct words found in content/",
            l.words
        );
        let got = &js[*lang];
        assert_eq!(
            got.len(),
            l.inputs.len(),
            "{lang}: node answered a different count"
        );
        for ((input, rust), js) in l.inputs.iter().zip(&l.expected).zip(got) {
            if rust != js {
                diffs.push(format!(
                    "{lang} {:?}\n    rust: {rust:?}\n    js:   {js:?}",
                    shorten(input)
                ));
            }
        }
        println!(
            "search parity {lang}: {} distinct words, {} inputs in all, vocabulary of {}",
            l.words,
            l.inputs.len(),
            l.vocab.len()
        );
    }
    assert!(
        diffs.is_empty(),
        "{} inputs analysed differently; the first ones:\n{}",
        diffs.len(),
        diffs
            .iter()
            .take(15)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
