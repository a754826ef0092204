//! The case handbooks of `tests/cases/`, one small handbook per feature
//! (see `tests/cases/README.md`). Every case with an `expected/` folder is
//! built and compared by `every_case_with_expected_output`; a case without
//! one, and every change that needs a rebuild, has a test of its own here.

mod common;
use common::book::{cases_dir, BookTest};

/// The names of the case folders, sorted.
fn case_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(cases_dir())
        .unwrap()
        .flatten()
        .filter(|e| e.path().join("handbook.toml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_case_with_expected_output() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for name in case_names() {
        if !cases_dir().join(&name).join("expected").is_dir() {
            continue;
        }
        let mut case = BookTest::case(&name);
        case.run(&["build", "--no-minify"]);
        if case.last().code != 0 {
            failures.push(format!("{name}: the build failed:\n{}", case.last().stderr));
            continue;
        }
        failures.extend(case.expected_mismatches());
        checked += 1;
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert!(checked >= 8, "only {checked} cases have expected output");
}

#[test]
fn every_case_without_expected_output_has_a_test() {
    let tests = include_str!("cases.rs");
    for name in case_names() {
        if !cases_dir().join(&name).join("expected").is_dir() {
            assert!(
                tests.contains(&format!("BookTest::case(\"{name}\")")),
                "tests/cases/{name} has no expected/ folder and no test"
            );
        }
    }
}

