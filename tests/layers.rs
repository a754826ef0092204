//! The pipeline's folders import one way: each top-level part of `src/`
//! may use only the parts below it. A use of a higher part (the model
//! calling the renderer, analysis writing template contexts) fails here
//! with the file and the line, before it becomes a cycle.

use std::path::Path;

/// The parts of `src/`, lowest first. A part may use itself and the parts
/// of lower rank; `view` and `search` share a rank and may not use each
/// other.
const RANKS: &[(&str, usize)] = &[
    ("text", 0),
    ("diagnostics", 0),
    ("source", 1),
    ("model", 2),
    ("analyze", 3),
    ("view", 4),
    ("search", 4),
    ("render", 5),
    ("pdf", 5),
    ("build", 6),
    ("serve", 7),
    ("cli", 8),
];

fn rank(part: &str) -> Option<usize> {
    RANKS.iter().find(|(p, _)| *p == part).map(|(_, r)| *r)
}

/// The top-level part a file below `src/` belongs to.
fn part_of(rel: &Path) -> Option<String> {
    let first = rel.components().next()?.as_os_str().to_string_lossy();
    Some(first.trim_end_matches(".rs").to_string())
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `crate::PART` named in `text`, with its line number.
fn uses(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            let after = &rest[i + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.push((n + 1, name));
            }
            rest = after;
        }
    }
    found
}

#[test]
fn each_part_uses_only_the_parts_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let part = part_of(rel).unwrap();
        let Some(own) = rank(&part) else {
            // lib.rs and main.rs only declare and start.
            assert!(
                matches!(part.as_str(), "lib" | "main"),
                "{} is in no part of the pipeline; add it to RANKS",
                rel.display()
            );
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for (line, used) in uses(&text) {
            let Some(theirs) = rank(&used) else {
                wrong.push(format!(
                    "{}:{line}: crate::{used} is no part",
                    rel.display()
                ));
                continue;
            };
            if used != part && theirs >= own {
                wrong.push(format!(
                    "{}:{line}: {part} (rank {own}) uses crate::{used} (rank {theirs})",
                    rel.display()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the flow:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_a_use_against_the_flow() {
    let found = uses("use crate::render::Job; let x = crate::model::load::load(root);");
    assert_eq!(
        found,
        vec![(1, "render".to_string()), (1, "model".to_string())]
    );
    assert!(rank("model") < rank("render"));
    assert_eq!(rank("view"), rank("search"));
}
