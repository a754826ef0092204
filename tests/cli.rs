//! The command line: status and stamping, init, help, output-folder safety.

mod common;
use common::{run, Fixture};
use std::process::Command;

fn brug(args: &[&str]) -> common::Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brug"));
    cmd.args(args);
    run(cmd)
}

#[test]
fn status_lists_missing_and_outdated_per_language() {
    let f = Fixture::new("basic");
    let run = f.brug(&["status"]);
    run.ok();
    let out = run.stdout;
    assert!(out.contains("nl: 7 pages, 0 missing, 0 outdated"), "{out}");
    assert!(out.contains("de: 6 pages, 1 missing, 2 outdated"), "{out}");
    assert!(
        out.contains(
            "missing   content/modules/bezoek.de.md  (exists as content/modules/bezoek.nl.md)"
        ),
        "{out}"
    );
    assert!(out.contains("outdated  content/methods/konsens.de.md  (the original changed since it was translated"), "{out}");
    assert!(out.contains("outdated  content/modules/coaching.de.md  (the original was updated on 2026-11-24, the translation on 2026-01-10)"), "{out}");
}

#[test]
fn stamping_makes_a_translation_current_until_the_original_changes() {
    let f = Fixture::new("basic");
    let page = f.root().join("content/methods/konsens.de.md");
    let run = f.brug(&["status", "--stamp", page.to_str().unwrap()]);
    run.ok();
    assert!(
        run.stdout.contains("translated_from = \""),
        "{}",
        run.stdout
    );
    let text = f.read_source("content/methods/konsens.de.md");
    assert!(
        text.contains("translation_key = \"methods/consensus\""),
        "other keys kept: {text}"
    );
    assert!(!text.contains("0000000000"));
    assert!(f
        .brug(&["status"])
        .stdout
        .contains("de: 6 pages, 1 missing, 1 outdated"));
    // Editing only white space or line endings of the original changes nothing.
    let original = f.read_source("content/methods/consensus.nl.md");
    f.write(
        "content/methods/consensus.nl.md",
        original.replace('\n', "  \r\n"),
    );
    assert!(f
        .brug(&["status"])
        .stdout
        .contains("de: 6 pages, 1 missing, 1 outdated"));
    // A real edit of the original makes the translation outdated again, whatever the dates say.
    f.write(
        "content/methods/consensus.nl.md",
        original.replace("Iedereen stemt in.", "Iedereen stemt in, na overleg."),
    );
    let out = f.brug(&["status"]).stdout;
    assert!(
        out.contains("outdated  content/methods/konsens.de.md"),
        "{out}"
    );
}

#[test]
fn stamping_refuses_the_original_and_unknown_files() {
    let f = Fixture::new("basic");
    let run = f.brug(&["status", "--stamp", "content/methods/consensus.nl.md"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("is the original (nl); stamp its translations instead"),
        "{}",
        run.stderr
    );
    let run = f.brug(&["status", "--stamp", "content/nope.de.md"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("cannot find"), "{}", run.stderr);
}

#[test]
fn stamping_keeps_crlf_line_endings() {
    let f = Fixture::new("basic");
    let text = f
        .read_source("content/modules/coaching.de.md")
        .replace('\n', "\r\n");
    f.write("content/modules/coaching.de.md", &text);
    f.brug(&["status", "--stamp", "content/modules/coaching.de.md"])
        .ok();
    let stamped = f.read_source("content/modules/coaching.de.md");
    assert!(stamped.contains("translated_from = \""));
    assert_eq!(
        stamped.matches('\n').count(),
        stamped.matches("\r\n").count()
    );
    assert!(f
        .brug(&["status"])
        .stdout
        .contains("de: 6 pages, 1 missing, 1 outdated"));
}

#[test]
fn init_starts_a_handbook_that_checks_cleanly_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("mijn handboek");
    let started = brug(&["init", target.to_str().unwrap()]);
    assert!(
        started.ok().stderr.contains("brug serve --open"),
        "{}",
        started.stderr
    );
    let check = brug(&["check", "--strict", "--root", target.to_str().unwrap()]);
    check.ok();
    brug(&["build", "--root", target.to_str().unwrap()]).ok();
    assert!(target
        .join("public/de/module/erster-schritt/index.html")
        .is_file());
    let gitignore = std::fs::read_to_string(target.join(".gitignore")).unwrap();
    assert!(gitignore.contains("public/") && gitignore.contains("*.zip"));
    // The starter shows the transfer overview and the glossary at work.
    let practice =
        std::fs::read_to_string(target.join("public/nl/praktijken/voorbeeldpraktijk/index.html"))
            .unwrap();
    assert!(
        practice.contains("Mijnstad") && practice.contains("term-tip"),
        "{practice}"
    );
    // Pages are dated today, so the bundle's name carries the date.
    let bundled = brug(&["bundle", "--root", target.to_str().unwrap()]);
    bundled.ok();
    let zip = std::fs::read_dir(&target)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.ends_with(".zip"))
        .expect("a zip");
    let year = zip
        .trim_end_matches(".zip")
        .rsplit('-')
        .nth(2)
        .unwrap_or("");
    assert!(year.len() == 4 && year.starts_with("20"), "dated: {zip}");
    let again = brug(&["init", target.to_str().unwrap()]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("does not overwrite"));
}

#[test]
fn help_shows_examples() {
    let run = brug(&["--help"]);
    run.ok();
    assert!(run.stdout.contains("Examples:"));
    assert!(run.stdout.contains("brug check --strict"));
    for cmd in ["build", "check", "status", "init"] {
        assert!(run.stdout.contains(cmd));
    }
}

#[test]
fn a_foreign_output_folder_is_never_emptied() {
    let f = Fixture::new("basic");
    f.write("public/verslag.docx", "eigen werk");
    let run = f.brug(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("was not created by brug"),
        "{}",
        run.stderr
    );
    assert_eq!(f.read_source("public/verslag.docx"), "eigen werk");
    // An explicit other --out works.
    let out = f.root().join("site");
    let run = f.brug(&["build", "--out", out.to_str().unwrap()]);
    run.ok();
    assert!(out.join("nl/index.html").is_file());
}

#[test]
fn no_handbook_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let run = brug(&["build", "--root", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("handbook.toml"), "{}", run.stderr);
    assert!(run.stderr.contains("brug init"), "{}", run.stderr);
}

#[test]
fn drafts_are_not_built() {
    let f = Fixture::new("basic");
    f.write(
        "content/modules/concept.nl.md",
        "+++\ntitle = \"Concept\"\ndraft = true\n+++\nNog niet af.\n",
    );
    f.build();
    assert!(!f.out().join("nl/modules/concept").exists());
}

#[test]
fn an_output_folder_inside_content_is_refused() {
    let f = Fixture::new("basic");
    let out = f.root().join("content/site");
    let run = f.brug(&["build", "--out", out.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("the output folder is inside content/"),
        "{}",
        run.stderr
    );
    assert!(!out.exists());
}

#[test]
fn commands_find_the_handbook_from_a_subfolder_as_cargo_does() {
    let f = Fixture::new("basic");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brug"));
    cmd.args(["build", "--no-minify"])
        .current_dir(f.root().join("content/modules"));
    let built = run(cmd);
    built.ok();
    assert!(
        built.stderr.contains("using the handbook in "),
        "{}",
        built.stderr
    );
    assert!(f.out().join("nl/index.html").is_file());
    assert!(!f.root().join("content/modules/public").exists());
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brug"));
    cmd.arg("status").current_dir(f.root().join("content"));
    assert!(run(cmd).ok().stdout.contains("nl: 7 pages"));
}

#[test]
fn serve_without_a_handbook_stops_with_the_hint() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brug"));
    cmd.args(["serve", "--port", "0"]).current_dir(dir.path());
    let served = run(cmd);
    assert_eq!(served.code, 1, "{}", served.stderr);
    assert!(
        served.stderr.contains("no handbook.toml in"),
        "{}",
        served.stderr
    );
    assert!(served.stderr.contains("brug init DIR"), "{}", served.stderr);
}

#[test]
fn every_command_explains_root() {
    for command in ["build", "check", "status", "serve", "bundle"] {
        let help = brug(&[command, "--help"]).stdout;
        assert!(help.contains("--root <DIR>"), "{command}: {help}");
        assert!(
            help.contains("Folder that holds handbook.toml"),
            "{command}: {help}"
        );
    }
}

#[test]
fn an_exported_theme_builds_the_same_site_and_is_never_overwritten() {
    let f = Fixture::new("basic");
    f.brug(&["build"]).ok();
    // The site's files; the marker also records what each was made from,
    // and exported strings are files of their own there.
    let site = || {
        let mut files = f.snapshot();
        files.remove(std::path::Path::new(".brug-output"));
        files
    };
    let before = site();
    let exported = f.brug(&["theme", "export"]);
    exported.ok();
    assert!(
        exported.stderr.contains("theme and string files"),
        "{}",
        exported.stderr
    );
    assert!(f
        .root()
        .join("themes/default/templates/base.html")
        .is_file());
    assert!(f.root().join("i18n/de.ftl").is_file());
    let rebuilt = f.brug(&["build"]);
    rebuilt.ok();
    assert!(
        before == site(),
        "the exported theme builds byte for byte the same site"
    );
    assert!(
        rebuilt.stderr.contains("(0 file(s) written"),
        "{}",
        rebuilt.stderr
    );
    f.write("themes/default/static/site.css", "body{color:#000}");
    let again = f.brug(&["theme", "export"]);
    assert_eq!(again.code, 1);
    assert!(
        again.stderr.contains("does not overwrite"),
        "{}",
        again.stderr
    );
    assert_eq!(
        f.read_source("themes/default/static/site.css"),
        "body{color:#000}"
    );
}
