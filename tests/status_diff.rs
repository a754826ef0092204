//! `brug status --diff`, `--format json`, `--fail-on`, `--stamp` with
//! several paths and `--all-current`, on handbooks made into git
//! repositories inside the test (with the `git` binary, fixed dates and
//! names, so that commit ids are the same on every machine).

mod common;

use common::{run, Run};
use std::path::{Path, PathBuf};
use std::process::Command;

const ORIGINAL: &str = "content/methods/overleg.nl.md";
const TRANSLATION: &str = "content/methods/overleg.de.md";

/// A small handbook in a temporary folder, optionally a git repository.
struct Book {
    dir: tempfile::TempDir,
    commits: u32,
}

impl Book {
    fn new() -> Book {
        let book = Book {
            dir: tempfile::tempdir().unwrap(),
            commits: 0,
        };
        book.write(
            "handbook.toml",
            "languages = [\"nl\", \"de\"]\ndefault_language = \"nl\"\nsource_language = \"nl\"\n\
             base_url = \"https://example.org/\"\n\n[title]\nnl = \"Handboek\"\nde = \"Handbuch\"\n\n\
             [description]\nnl = \"Een handboek.\"\nde = \"Ein Handbuch.\"\n",
        );
        book.write(
            "content/_index.nl.md",
            "+++\ntitle = \"Start\"\n+++\n\nWelkom.\n",
        );
        book.write(
            "content/_index.de.md",
            "+++\ntitle = \"Start\"\n+++\n\nWillkommen.\n",
        );
        book.write(
            "content/methods/_index.nl.md",
            "+++\ntitle = \"Methoden\"\n+++\n\nDe methoden.\n",
        );
        book.write(
            "content/methods/_index.de.md",
            "+++\ntitle = \"Methoden\"\n+++\n\nDie Methoden.\n",
        );
        book.write(ORIGINAL, &original(&[PARA1, PARA2, PARA3, PARA4]));
        book.write(
            TRANSLATION,
            "+++\ntitle = \"Beratung\"\n+++\n\nDer Rat berät zuerst. Danach die Stadtteile.\n",
        );
        book
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, path: &str, text: &str) {
        let p = self.root().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.root().join(path)).unwrap()
    }

    fn git(&self, args: &[&str]) -> Run {
        git_in(self.root(), args, self.commits)
    }

    /// `git init`.
    fn init(&self) -> &Self {
        let r = self.git(&["init", "-q", "-b", "main"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        self
    }

    /// Commits everything, one day after the previous commit.
    fn commit(&mut self, message: &str) {
        self.commits += 1;
        assert_eq!(self.git(&["add", "-A"]).code, 0);
        let r = self.git(&["commit", "-q", "-m", message]);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }

    fn brug(&self, args: &[&str]) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_brug"));
        cmd.args(args).arg("--root").arg(self.root());
        run(cmd)
    }

    fn stamp(&self) {
        self.brug(&["status", "--stamp", TRANSLATION]).ok();
    }
}

/// Runs git in `dir` with a fixed identity and date (day `day` of 2026),
/// ignoring the machine's git configuration.
fn git_in(dir: &Path, args: &[&str], day: u32) -> Run {
    let date = format!("2026-03-{:02}T12:00:00+00:00", day.clamp(1, 28));
    let mut cmd = Command::new("git");
    cmd.args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Redactie")
        .env("GIT_AUTHOR_EMAIL", "redactie@example.org")
        .env("GIT_COMMITTER_NAME", "Redactie")
        .env("GIT_COMMITTER_EMAIL", "redactie@example.org")
        .env("GIT_AUTHOR_DATE", &date)
        .env("GIT_COMMITTER_DATE", &date);
    run(cmd)
}

const PARA1: &str = "De raad beraadslaagt eerst. Daarna volgen de wijken.";
const PARA2: &str = "Iedere wijk stuurt twee mensen. Zij spreken voor hun buurt.";
const PARA3: &str = "Het verslag gaat naar alle deelnemers. Zij lezen het binnen een week.";
const PARA4: &str = "Tot slot besluit de raad. Het besluit wordt openbaar.";

fn original(paragraphs: &[&str]) -> String {
    format!(
        "+++\ntitle = \"Overleg\"\n+++\n\n{}\n",
        paragraphs.join("\n\n")
    )
}

/// A stamped, committed pair whose original then changes one sentence,
/// gains a paragraph and loses another.
fn changed_after_stamp() -> Book {
    let mut book = Book::new();
    book.init();
    book.stamp();
    book.commit("Vertaling gestempeld");
    let changed = "Iedere wijk stuurt drie mensen. Zij spreken voor hun buurt.";
    let added = "Een nieuwe alinea over de planning. Zij is nieuw.";
    book.write(ORIGINAL, &original(&[PARA1, changed, added, PARA4]));
    book
}

#[test]
fn the_diff_shows_exactly_what_changed_since_the_stamp() {
    let mut book = changed_after_stamp();
    book.commit("Origineel bijgewerkt");
    let run = book.brug(&["status", "--diff"]);
    run.ok();
    let out = &run.stdout;
    assert!(
        out.starts_with(&format!("{TRANSLATION} (translation of {ORIGINAL})\n")),
        "{out}"
    );
    assert!(out.contains("  stamped against commit "), "{out}");
    assert!(out.contains("(2026-03-01)"), "{out}");
    let expected = "  @ paragraph 2, changed (after \"De raad beraadslaagt eerst. Daarna volgen de wijken.\")\n\
                    \x20 - Iedere wijk stuurt twee mensen.\n\
                    \x20 + Iedere wijk stuurt drie mensen.\n\
                    \x20   Zij spreken voor hun buurt.\n";
    assert!(out.contains(expected), "{out}");
    assert!(
        out.contains(
            "  @ paragraph 3, added\n  + Een nieuwe alinea over de planning.\n  + Zij is nieuw.\n"
        ),
        "{out}"
    );
    assert!(out.contains("  @ paragraph 3 of the stamped text, removed\n  - Het verslag gaat naar alle deelnemers.\n"), "{out}");
    // Unchanged paragraphs are not shown beyond one line of context.
    assert!(!out.contains("Het besluit wordt openbaar"), "{out}");
    assert!(!out.contains('\x1b'), "no colour when piped: {out}");
}

#[test]
fn the_working_tree_is_the_new_side_and_paths_narrow_the_diff() {
    let book = changed_after_stamp();
    let run = book.brug(&["status", "--diff", ORIGINAL]);
    run.ok();
    assert!(
        run.stdout.contains("+ Iedere wijk stuurt drie mensen."),
        "{}",
        run.stdout
    );
    let run = book.brug(&["status", "--diff", "content/_index.de.md"]);
    run.ok();
    assert_eq!(run.stdout, "no outdated translation among these pages\n");
    let run = book.brug(&["status", "--diff", "content/nope.md"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("cannot find content/nope.md"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_renamed_original_is_followed_to_its_old_name() {
    let mut book = Book::new();
    book.init();
    book.stamp();
    book.commit("Vertaling gestempeld");
    assert_eq!(
        book.git(&["mv", ORIGINAL, "content/methods/beraad.nl.md"])
            .code,
        0
    );
    assert_eq!(
        book.git(&["mv", TRANSLATION, "content/methods/beraad.de.md"])
            .code,
        0
    );
    // Renamed and edited in one commit: the stamped text exists only under the old name.
    book.write(
        "content/methods/beraad.nl.md",
        &original(&[
            PARA1,
            PARA2,
            PARA3,
            "Tot slot besluit de raad. Het besluit wordt snel openbaar.",
        ]),
    );
    book.commit("Hernoemd en bijgewerkt");
    let run = book.brug(&["status", "--diff"]);
    run.ok();
    assert!(
        run.stdout
            .contains(&format!("(2026-03-01), when the original was {ORIGINAL}")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("  + Het besluit wordt snel openbaar.\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_stamp_on_uncommitted_text_says_to_commit_first() {
    let mut book = Book::new();
    book.init();
    book.commit("Begin");
    book.write(ORIGINAL, &original(&[PARA1, PARA2]));
    book.stamp(); // stamped against text that is never committed
    book.write(ORIGINAL, &original(&[PARA1]));
    let run = book.brug(&["status", "--diff"]);
    run.ok();
    assert!(
        run.stdout.contains("has the stamped hash")
            && run.stdout.contains("never committed")
            && run.stdout.contains("after committing the original"),
        "{}",
        run.stdout
    );
}

#[test]
fn outside_a_repository_the_diff_says_what_to_do() {
    let book = Book::new();
    book.stamp();
    book.write(ORIGINAL, &original(&[PARA1]));
    let run = book.brug(&["status", "--diff"]);
    run.ok();
    assert!(
        run.stdout.contains("is not in a git repository"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("git init"), "{}", run.stdout);
}

#[test]
fn a_shallow_clone_asks_for_the_whole_history() {
    let mut book = changed_after_stamp();
    book.commit("Origineel bijgewerkt");
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", book.root().display());
    let r = git_in(
        clone.path(),
        &["clone", "-q", "--depth", "1", &url, "copy"],
        1,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brug"));
    cmd.args(["status", "--diff", "--root"])
        .arg(clone.path().join("copy"));
    let run = run(cmd);
    run.ok();
    assert!(run.stdout.contains("shallow clone"), "{}", run.stdout);
    assert!(
        run.stdout.contains("git fetch --unshallow"),
        "{}",
        run.stdout
    );
}

#[test]
fn json_lists_every_pair_with_the_changes_of_outdated_ones() {
    let mut book = changed_after_stamp();
    book.commit("Origineel bijgewerkt");
    let run = book.brug(&["status", "--format", "json"]);
    run.ok();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["languages"][1]["outdated"], 1);
    insta::assert_snapshot!("status_json", run.stdout);
}

#[test]
fn fail_on_makes_a_ci_job_fail() {
    let mut book = changed_after_stamp();
    book.commit("Origineel bijgewerkt");
    std::fs::remove_file(book.root().join("content/methods/_index.de.md")).unwrap();
    for (states, code) in [("outdated", 1), ("missing", 1), ("missing,outdated", 1)] {
        let run = book.brug(&["status", "--fail-on", states]);
        assert_eq!(run.code, code, "{states}: {}", run.stderr);
        assert!(run.stdout.contains("de: "), "the report is still printed");
    }
    let run = book.brug(&["status", "--fail-on", "outdated"]);
    assert!(
        run.stderr
            .contains("error: translations outdated: 1 (--fail-on)"),
        "{}",
        run.stderr
    );
    book.stamp();
    book.write(
        "content/methods/_index.de.md",
        "+++\ntitle = \"Methoden\"\n+++\n\nDie Methoden.\n",
    );
    book.brug(&["status", "--fail-on", "missing,outdated"]).ok();
    let run = book.brug(&["status", "--fail-on", "sometimes"]);
    assert_eq!(run.code, 2, "clap rejects an unknown state: {}", run.stderr);
}

#[test]
fn several_paths_are_stamped_only_when_all_of_them_can_be() {
    let book = Book::new();
    let before = book.read(TRANSLATION);
    let run = book.brug(&["status", "--stamp", TRANSLATION, "content/_index.nl.md"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("is the original (nl)"),
        "{}",
        run.stderr
    );
    assert_eq!(book.read(TRANSLATION), before, "nothing written");
    let run = book.brug(&["status", "--stamp", TRANSLATION, "content/_index.de.md"]);
    run.ok();
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    assert!(book.read(TRANSLATION).contains("translated_from = \""));
    assert!(book
        .read("content/_index.de.md")
        .contains("translated_from = \""));
}

#[test]
fn all_current_lists_and_asks_before_stamping() {
    let book = Book::new();
    let before = book.read(TRANSLATION);
    let run = book.brug(&["status", "--all-current"]);
    assert_eq!(run.code, 1, "no terminal and no --yes: nothing stamped");
    assert!(
        run.stdout.starts_with("3 translations will be recorded"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(&format!("  {TRANSLATION}  (not stamped yet)")),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("add --yes"), "{}", run.stderr);
    assert_eq!(book.read(TRANSLATION), before);
    book.brug(&["status", "--all-current", "--yes"]).ok();
    let run = book.brug(&["status", "--all-current"]);
    run.ok();
    assert!(run.stdout.contains("nothing to stamp"), "{}", run.stdout);
    let stamped: Vec<PathBuf> = [
        "content/_index.de.md",
        "content/methods/_index.de.md",
        TRANSLATION,
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    for file in stamped {
        assert!(book
            .read(file.to_str().unwrap())
            .contains("translated_from"));
    }
}

#[test]
fn the_serve_board_shows_counts_links_and_diffs_in_the_editors_language() {
    use common::server::Server;
    let mut book = changed_after_stamp();
    book.commit("Origineel bijgewerkt");
    std::fs::remove_file(book.root().join("content/methods/_index.de.md")).unwrap();
    let server = Server::start(book.root());
    // The line after the address names the board.
    let line = server
        .log
        .recv_timeout(std::time::Duration::from_secs(10))
        .unwrap();
    assert!(
        line.starts_with("translation status: http://127.0.0.1:")
            && line.ends_with("/__brug/status"),
        "printed at start-up: {line}"
    );
    let de = server.get("/__brug/status/de");
    assert_eq!(de.status, 200);
    let html = de.text();
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"de\">"),
        "{html}"
    );
    assert!(html.contains("<h1>Übersetzungsstand</h1>"), "{html}");
    assert!(html.contains("1 von 3 Seiten vollständig"), "{html}");
    assert!(
        html.contains("Vollständig: 1 · fehlt: 1 · veraltet: 1"),
        "{html}"
    );
    assert!(
        html.contains("<progress id=\"progress-de\" max=\"3\" value=\"1\">"),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"missing\">fehlt</span>"),
        "{html}"
    );
    assert!(
        html.contains("<a class=\"outdated\" href=\"/de/methods/overleg/\">veraltet</a>"),
        "{html}"
    );
    assert!(
        html.contains("<section class=\"diff\" id=\"diff-de/methods/overleg/\""),
        "{html}"
    );
    assert!(
        html.contains("<del lang=\"nl\">Iedere wijk stuurt twee mensen.</del>"),
        "the original's language: {html}"
    );
    assert!(
        html.contains("<ins lang=\"nl\">Iedere wijk stuurt drie mensen.</ins>"),
        "{html}"
    );
    assert!(
        html.contains("<li lang=\"nl\">Zij spreken voor hun buurt.</li>"),
        "{html}"
    );
    assert!(html.contains("Absatz 2 geändert"), "{html}");
    assert!(!html.contains("Het besluit wordt openbaar"), "{html}");
    assert!(
        html.contains("<script src=\"/__brug/reload.js\" defer></script>"),
        "reloads live"
    );
    // The browser's language, else the handbook's default.
    let by_header = server.raw(
        "GET",
        "/__brug/status",
        &[("Accept-Language", "fr, de-AT;q=0.8")],
    );
    assert!(by_header.text().contains("<html lang=\"de\">"));
    let default = server.get("/__brug/status");
    assert!(default.text().contains("<html lang=\"nl\">"));
    assert!(default.text().contains("Alinea 2 gewijzigd"));
    assert_eq!(server.get("/__brug/status/de/x").status, 404);
    // A save updates it.
    book.write(ORIGINAL, &original(&[PARA1, "Nog een andere zin.", PARA4]));
    server.rebuilt();
    let after = server.get("/__brug/status/de").text();
    assert!(
        after.contains("<ins lang=\"nl\">Nog een andere zin.</ins>"),
        "{after}"
    );
    // The overlay and the outdated notice link here, in serve only.
    let script = server.get("/__brug/reload.js").text();
    assert!(
        script.contains("\"changed\":\"Was hat sich geändert?\""),
        "{script}"
    );
    assert!(script.contains("\"status\":\"Vertaalstatus\""), "{script}");
}

#[test]
fn a_translation_outdated_by_date_has_no_diff_until_it_is_stamped() {
    let mut book = Book::new();
    book.init();
    book.write(
        TRANSLATION,
        "+++\ntitle = \"Beratung\"\nupdated = 2026-01-01\n+++\n\nDer Rat berät.\n",
    );
    book.write(
        ORIGINAL,
        &original(&[PARA1]).replace("+++\n\n", "updated = 2026-02-01\n+++\n\n"),
    );
    book.commit("Begin");
    let run = book.brug(&["status", "--diff"]);
    run.ok();
    assert!(
        run.stdout.contains("has no translated_from stamp")
            && run
                .stdout
                .contains(&format!("brug status --stamp {TRANSLATION}")),
        "{}",
        run.stdout
    );
}

#[test]
fn a_reader_that_went_away_is_no_panic() {
    // `brug status | head`: the pipe's reading end is closed before brug writes.
    let book = Book::new();
    for args in [
        &["status"][..],
        &["status", "--format", "json"],
        &["status", "--all-current"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Command::new(env!("CARGO_BIN_EXE_brug"))
            .args(args)
            .arg("--root")
            .arg(book.root())
            .stdout(writer)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn the_board_escapes_what_the_handbook_and_its_pages_say() {
    use common::server::Server;
    let mut book = Book::new();
    book.init();
    book.stamp();
    book.commit("Begin");
    book.write("i18n/de.ftl", "serve-status-title = Stand <b>&</b>\n");
    book.write(
        ORIGINAL,
        &original(&[PARA1, "Een <script>alert(1)</script> & meer."]),
    );
    let server = Server::start(book.root());
    let html = server.get("/__brug/status/de").text();
    assert!(
        html.contains("<h1>Stand &lt;b&gt;&amp;&lt;/b&gt;</h1>"),
        "{html}"
    );
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer."),
        "{html}"
    );
    assert!(!html.contains("<script>alert"), "{html}");
}

#[test]
fn a_commit_reloads_open_status_boards() {
    use common::server::{event, Server};
    let mut book = Book::new();
    book.init();
    book.commit("Begin");
    book.write(ORIGINAL, &original(&[PARA1, PARA2]));
    book.stamp(); // on text that is not committed yet
    book.write(ORIGINAL, &original(&[PARA1]));
    let server = Server::start(book.root());
    let before = server.get("/__brug/status").text();
    assert!(before.contains("nooit is gecommit"), "{before}");
    let events = server.events();
    // The stamped text comes back and is committed, then changes again.
    book.write(ORIGINAL, &original(&[PARA1, PARA2]));
    server.rebuilt();
    book.commit("Origineel");
    let history = (0..3)
        .map(|_| event(&events, "reload"))
        .find(|d| d.contains("\"history\":true"));
    assert!(history.is_some(), "a commit reloads the board");
    book.write(ORIGINAL, &original(&[PARA1]));
    server.rebuilt();
    let after = server.get("/__brug/status").text();
    assert!(
        after.contains("<del lang=\"nl\">Iedere wijk stuurt twee mensen.</del>"),
        "{after}"
    );
}
