//! Safe output from the command line: hostile raw HTML is sanitised with a
//! warning per removal, `raw_html = "trusted"` keeps it, script links and
//! images from other sites fail the build (the old output stays), and no
//! input crashes brug: deep nesting is an error, huge pages build.

mod common;
use common::{failed_at, Fixture};

const PAGE: &str = "content/modules/bezoek.nl.md";
const FRONT: &str = "+++\ntitle = \"Werkbezoek\"\n+++\n";

fn with_body(body: &str) -> Fixture {
    let f = Fixture::new("basic");
    f.write(PAGE, format!("{FRONT}{body}"));
    f
}

fn set_toml(f: &Fixture, extra: &str) {
    let toml = f.read_source("handbook.toml");
    f.write("handbook.toml", format!("{toml}\n{extra}\n"));
}

const HOSTILE: &str = "Tekst <img src=\"schema.png\" onerror=\"alert(3)\" alt=\"\">.\n\n<script>alert(1)</script>\n\n<details>\n<summary>Meer</summary>\n\nUitleg.\n\n</details>\n";

#[test]
fn hostile_raw_html_is_removed_with_a_warning_each() {
    let f = with_body(HOSTILE);
    let run = f.brug(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (line, what) in [
        (4, "warning: removed the attribute `onerror` of <img>"),
        (6, "warning: removed <script> and its content"),
    ] {
        assert!(run.stderr.contains(what), "no `{what}`:\n{}", run.stderr);
        assert!(
            run.stderr.contains(&format!("--> {PAGE}:{line}:")),
            "{}",
            run.stderr
        );
    }
    let page = f.page("nl/modules/bezoek/index.html");
    assert!(!page.contains("alert("), "{page}");
    assert!(page.contains("<details><summary>Meer</summary>"), "{page}");
    let strict = f.brug(&["check", "--strict"]);
    assert_eq!(strict.code, 1, "warnings fail check --strict");
}

#[test]
fn trusted_editors_keep_raw_html_and_omit_drops_it() {
    let f = with_body(HOSTILE);
    set_toml(&f, "[markdown]\nraw_html = \"trusted\"");
    let run = f.brug(&["build", "--no-minify"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("warning: removed"), "{}", run.stderr);
    let page = f.page("nl/modules/bezoek/index.html");
    assert!(page.contains("<script>alert(1)</script>"), "{page}");
    assert!(
        page.contains("script-src 'self' 'unsafe-inline'"),
        "the policy lets it run"
    );
    let f = with_body(HOSTILE);
    set_toml(&f, "[markdown]\nraw_html = \"omit\"");
    f.build();
    let page = f.page("nl/modules/bezoek/index.html");
    assert!(
        !page.contains("alert(") && !page.contains("<details>"),
        "{page}"
    );
}

#[test]
fn a_script_link_fails_the_build_and_keeps_the_old_site() {
    let f = with_body("Alles goed.\n");
    f.build();
    let before = f.snapshot();
    f.write(PAGE, format!("{FRONT}[klik](javascript:alert(2))\n"));
    let run = f.brug(&["build"]);
    failed_at(
        &run,
        &format!("{PAGE}:4:1"),
        "a link to a `javascript:` URL",
    );
    assert!(before == f.snapshot(), "the previous output changed");
}

#[test]
fn resources_from_other_sites_are_refused_unless_the_host_is_allowed() {
    let body = "![logo](https://media.example.org/x.png)\n\n<video src=\"https://media.example.org/film.mp4\" controls></video>\n\n[een gewone link](https://www.example.org/) mag.\n";
    let f = with_body(body);
    let run = f.brug(&["check"]);
    failed_at(
        &run,
        &format!("{PAGE}:4:1"),
        "is loaded from another site (media.example.org)",
    );
    failed_at(
        &run,
        &format!("{PAGE}:6:1"),
        "<video> loads https://media.example.org/film.mp4",
    );
    assert!(
        run.stderr
            .contains("external_resources = [\"media.example.org\"]"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.matches("error:").count(), 2, "{}", run.stderr);
    set_toml(&f, "[output]\nexternal_resources = [\"media.example.org\"]");
    f.build();
    let page = f.page("nl/modules/bezoek/index.html");
    assert!(
        page.contains("src=\"https://media.example.org/x.png\""),
        "{page}"
    );
    assert!(
        page.contains("img-src 'self' data: https://media.example.org;"),
        "the policy names the host"
    );
}

#[test]
fn a_malformed_host_list_is_an_error() {
    let f = with_body("Tekst.\n");
    set_toml(
        &f,
        "[output]\nexternal_resources = [\"https://media.example.org/\"]",
    );
    let run = f.brug(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("which is not a host name"),
        "{}",
        run.stderr
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    for body in [
        ">".repeat(5000) + " diep\n",
        "- ".repeat(20_000) + "x\n",
        "> - ".repeat(3000) + "x\n",
        "<div>".repeat(20_000) + "\n",
    ] {
        let f = with_body("Nog vlak.\n");
        f.build();
        let before = f.snapshot();
        f.write(PAGE, format!("{FRONT}{body}"));
        let run = f.brug(&["build"]);
        failed_at(&run, &format!("{PAGE}:4:"), "levels deep");
        assert_eq!(
            run.stderr.matches("levels deep").count(),
            1,
            "{}",
            run.stderr
        );
        assert!(before == f.snapshot(), "the previous output changed");
    }
}

#[test]
fn nesting_up_to_the_limit_builds_and_minifies() {
    let side_by_side = ">".repeat(99)
        + " diep\n\n"
        + &"<div>".repeat(99)
        + "\n\ndiep\n\n"
        + &"</div>".repeat(99)
        + "\n";
    // Both limits at once: the HTML inside the block quotes, so a page
    // nests some two hundred levels deep, which the minifier recurses
    // through on a render thread.
    let inside = ">".repeat(99) + " " + &"<div>".repeat(99) + "diep" + &"</div>".repeat(99) + "\n";
    for body in [side_by_side, inside] {
        let f = with_body(&body);
        let run = f.brug(&["build"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let page = f.page("nl/modules/bezoek/index.html");
        assert_eq!(page.matches("<blockquote>").count(), 99);
        assert_eq!(page.matches("<div>").count(), 99);
    }
}

/// Pages far larger than any real one build, in bounded time and memory.
/// Slow in a debug build: `scripts/test` runs it on the release binary.
#[test]
#[ignore]
fn huge_pages_build() {
    let words = [
        "integratie",
        "beleid",
        "wijk",
        "gemeente",
        "samen",
        "visie",
        "taal",
    ];
    let paragraph: String = (0..120)
        .map(|i| words[i % words.len()])
        .collect::<Vec<_>>()
        .join(" ");
    let twelve_mb = vec![paragraph.as_str(); 12_000_000 / paragraph.len()].join("\n\n");
    let many_words: String = (0..2_000_000)
        .map(|i| format!("{}{} ", words[i % 7], i % 5000))
        .collect();
    for body in [
        twelve_mb,
        many_words,
        // After a word, so that the line is a run of emphasis markers,
        // not a thematic break.
        format!("x{}", "*".repeat(100_000)),
        "[".repeat(50_000),
    ] {
        let f = with_body(&body);
        let run = f.brug(&["build"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let page = f.page("nl/modules/bezoek/index.html");
        assert!(page.len() > 50_000, "{} bytes", page.len());
    }
}
