//! Every kind of bad input gives an error with file, line and a hint, from
//! both `brug check` and `brug build`, and a failed build leaves the
//! previous output byte for byte.

mod common;
use common::Fixture;

/// Builds the good fixture, applies `damage`, and asserts that check and
/// build both fail at `location` with `message`, keeping the old output.
fn rejected(damage: impl FnOnce(&Fixture), location: &str, message: &str) -> String {
    let f = Fixture::new("basic");
    f.build();
    let before = f.snapshot();
    damage(&f);
    let check = f.brug(&["check"]);
    common::failed_at(&check, location, message);
    let build = f.brug(&["build", "--no-minify"]);
    assert_eq!(build.code, 1, "build should fail:\n{}", build.stderr);
    assert!(
        build.stderr.contains(&format!("--> {location}")),
        "build: no `{location}` in:\n{}",
        build.stderr
    );
    assert!(build.stderr.contains("nothing written"), "{}", build.stderr);
    assert!(before == f.snapshot(), "the previous output changed");
    let leftovers: Vec<_> = std::fs::read_dir(f.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().contains("brug-"))
        .collect();
    assert!(leftovers.is_empty(), "staging folders left: {leftovers:?}");
    check.stderr
}

const COACHING: &str = "content/modules/coaching.nl.md";

#[test]
fn broken_toml() {
    let err = rejected(
        |f| {
            f.write(
                COACHING,
                "+++\ntitle = \"Coachingdagen\nweight = 2\n+++\nTekst\n",
            )
        },
        "content/modules/coaching.nl.md:2:",
        "the front matter is not valid TOML",
    );
    // The broken page is an error, not also a missing translation (the
    // fixture lacks one German page of its own).
    assert!(err.contains("; 1 missing and"), "{err}");
}

#[test]
fn missing_title() {
    rejected(
        |f| f.write(COACHING, "+++\nweight = 2\n+++\nTekst\n"),
        "content/modules/coaching.nl.md:2:1",
        "the front matter has no `title`",
    );
}

#[test]
fn wrong_type() {
    let err = rejected(
        |f| {
            f.write(
                COACHING,
                "+++\ntitle = \"Coaching\"\nweight = \"twee\"\n+++\nTekst\n",
            )
        },
        "content/modules/coaching.nl.md:3:10",
        "the front matter has a wrong value",
    );
    assert!(err.contains("3 | weight = \"twee\""), "{err}");
}

#[test]
fn front_matter_never_closed() {
    rejected(
        |f| f.write(COACHING, "+++\ntitle = \"Coaching\"\n\nTekst\n"),
        "content/modules/coaching.nl.md:1:1",
        "the front matter is never closed",
    );
}

#[test]
fn empty_file() {
    rejected(
        |f| f.write(COACHING, ""),
        "content/modules/coaching.nl.md:1:1",
        "the file is empty",
    );
}

#[test]
fn invalid_utf8() {
    rejected(
        |f| {
            f.write(
                COACHING,
                b"+++\ntitle = \"Coaching\"\n+++\nEen regel.\nCaf\xe9 in Latin-1.\n".as_slice(),
            )
        },
        "content/modules/coaching.nl.md:5:4",
        "the file is not valid UTF-8",
    );
}

#[test]
fn link_to_a_missing_file() {
    let err = rejected(
        |f| {
            f.write(
                COACHING,
                "+++\ntitle = \"Coaching\"\n+++\n\nZie [start](strat.md).\n",
            )
        },
        "content/modules/coaching.nl.md:5:5",
        "`strat.md` does not exist",
    );
    assert!(err.contains("did you mean (start.md)?"), "{err}");
}

#[test]
fn missing_anchor() {
    let err = rejected(
        |f| {
            f.write(COACHING, "+++\ntitle = \"Coaching\"\n+++\n\nZie [werkwijze](../methods/consensus.md#werkwjize).\n")
        },
        "content/modules/coaching.nl.md:5:5",
        "the anchor `#werkwjize` does not exist on content/methods/consensus.nl.md",
    );
    assert!(err.contains("did you mean #werkwijze?"), "{err}");
}

#[test]
fn thousands_of_broken_anchors_are_all_reported_quickly() {
    // Found while fuzzing: each broken anchor was compared with every
    // heading id of its page, so 3,000 of each took minutes.
    let f = Fixture::new("basic");
    let headings: String = (0..3000).map(|i| format!("## Kop {i}\n\n")).collect();
    let links: String = (0..3000).map(|i| format!("[x](#kap-{i}) ")).collect();
    f.write(
        COACHING,
        format!("+++\ntitle = \"Coaching\"\n+++\n{headings}{links}\n"),
    );
    let run = f.brug(&["check"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr.matches("does not exist on this page").count(),
        3000
    );
    assert_eq!(run.stderr.matches("did you mean #kop-").count(), 100);
    assert!(run
        .stderr
        .contains("= help: headings there: #kop-0, #kop-1,"));
}

#[test]
fn same_translation_key_twice_in_one_language() {
    rejected(
        |f| {
            f.write(
                "content/methods/tweede.de.md",
                "+++\ntitle = \"Zweites\"\ntranslation_key = \"methods/consensus\"\n+++\nText\n",
            )
        },
        "content/methods/",
        "two pages in the same language belong to `methods/consensus`",
    );
}

#[test]
fn two_pages_with_the_same_url() {
    rejected(
        |f| {
            f.write(
                "content/modules/ander.de.md",
                "+++\ntitle = \"Anderes\"\nslug = \"auftakt\"\n+++\nText\n",
            )
        },
        "content/modules/",
        "which content/modules/",
    );
}

#[test]
fn unknown_city_in_transfer() {
    let err = rejected(
        |f| {
            f.write(COACHING, "+++\ntitle = \"Coaching\"\nkind = \"practice\"\n[transfer]\nfrom = \"muenster\"\nto = [\"enschede\"]\nstatus = \"planned\"\n+++\nTekst\n")
        },
        "content/modules/coaching.nl.md:6:8",
        "unknown city `enschede` in [transfer]",
    );
    assert!(err.contains("almelo, muenster"), "{err}");
}

#[test]
fn unknown_transfer_status() {
    let err = rejected(
        |f| {
            f.write(COACHING, "+++\ntitle = \"Coaching\"\n[transfer]\nfrom = \"muenster\"\nto = [\"almelo\"]\nstatus = \"klaar\"\n+++\nTekst\n")
        },
        "content/modules/coaching.nl.md:6:10",
        "unknown status `klaar`",
    );
    assert!(err.contains("planned"), "{err}");
}

#[test]
fn per_city_status_must_match_the_targets() {
    rejected(
        |f| {
            f.write(COACHING, "+++\ntitle = \"Coaching\"\n[transfer]\nfrom = \"muenster\"\nto = [\"almelo\"]\nstatus = { almelo = \"planned\", muenster = \"implemented\" }\n+++\nTekst\n")
        },
        "content/modules/coaching.nl.md:6:32",
        "`status` names `muenster`, which is not in `to`",
    );
    rejected(
        |f| {
            f.write(COACHING, "+++\ntitle = \"Coaching\"\n[transfer]\nfrom = \"almelo\"\nto = [\"muenster\", \"almelo\"]\nstatus = { muenster = \"planned\" }\n+++\nTekst\n")
        },
        "content/modules/coaching.nl.md:5:20",
        "the practice goes from `almelo` to itself",
    );
}

#[test]
fn broken_handbook_toml() {
    rejected(
        |f| f.write("handbook.toml", "languages = [\"nl\", \"de\"\n[title]\n"),
        "handbook.toml:",
        "handbook.toml is not valid TOML",
    );
}

#[test]
fn template_error_names_the_template() {
    rejected(
        |f| {
            f.write("themes/default/templates/page.html", "{% extends \"base.html\" %}{% block main %}{{ t(key=\"no-such-string\") }}{% endblock main %}")
        },
        "themes/default/templates",
        "unknown interface string `no-such-string`",
    );
}

#[test]
fn a_string_missing_in_one_language_is_an_error() {
    // A handbook's own string (one its templates use) must be given in
    // every language; the built-in ones need not be repeated.
    rejected(
        |f| {
            f.write(
                "i18n/nl.ftl",
                "mijn-eigen-tekst = Alleen in het Nederlands\n",
            )
        },
        "i18n/de.ftl",
        "the string `mijn-eigen-tekst` is missing here but defined for another language",
    );
}

#[test]
fn warnings_pass_check_but_fail_check_strict() {
    let f = Fixture::new("basic");
    f.write(COACHING, "+++\ntitle = \"Coaching\"\nwieght = 2\n[taxonomies]\npolicy_fields = [\"sport\", \"educaton\"]\n+++\nZie [start](start.md).\n");
    let check = f.brug(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check
            .stderr
            .contains("warning: unknown key `wieght` in front matter"),
        "{}",
        check.stderr
    );
    assert!(check.stderr.contains("did you mean `weight`?"));
    assert!(check
        .stderr
        .contains("--> content/modules/coaching.nl.md:3:1"));
    assert!(check
        .stderr
        .contains("unknown term `sport` in taxonomy `policy_fields`"));
    assert!(check
        .stderr
        .contains("define it in handbook.toml as [taxonomies.policy_fields.sport]"));
    assert!(check
        .stderr
        .contains("unknown term `educaton` in taxonomy `policy_fields`\n  --> content/modules/coaching.nl.md:5:28"), "{}", check.stderr);
    assert!(check.stderr.contains("did you mean `education`?"));
    assert_eq!(f.brug(&["check", "--strict"]).code, 1);
}

#[test]
fn diagnostics_are_sorted_by_file_and_line_and_all_reported() {
    let f = Fixture::new("basic");
    f.write(
        COACHING,
        "+++\ntitle = \"Coaching\"\n+++\n[a](x.md) [b](y.md)\n",
    );
    f.write("content/modules/bezoek.nl.md", "+++\ntitle = 3\n+++\n");
    let err = f.brug(&["check"]).stderr;
    let a = err.find("bezoek.nl.md:2").unwrap();
    let b = err.find("coaching.nl.md:4:1").unwrap();
    let c = err.find("coaching.nl.md:4:11").unwrap();
    assert!(a < b && b < c, "{err}");
}

#[test]
fn no_panic_on_hostile_input() {
    let f = Fixture::new("basic");
    for (i, text) in [
        "+++",
        "+++\n+++",
        "+++\n+++\n",
        "\u{feff}",
        "+++\ntitle = \"\"\n+++\n[](#)",
        "+++\ntitle=\"x\"\nslug=\"../../etc\"\n+++\n",
        "+++\ntitle=\"x\"\n+++\n[x](../../../../a.md) ![i](/abs.png) [y](%zz.md)",
    ]
    .iter()
    .enumerate()
    {
        f.write(&format!("content/x{i}.nl.md"), text);
    }
    let run = f.brug(&["check"]);
    assert_eq!(run.code, 1);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn yaml_front_matter_is_named_and_converted() {
    let err = rejected(
        |f| f.write(COACHING, "---\ntitle: Coaching\nweight: 2\n---\nTekst\n"),
        &format!("{COACHING}:1:1"),
        "the front matter is YAML (between --- lines); brug reads TOML between +++ lines",
    );
    assert!(
        err.contains("= help: write it as:\n          +++\n          title = \"Coaching\"\n          weight = 2\n          +++\n"),
        "{err}"
    );
}

#[test]
fn link_hints_are_written_as_the_editor_would_write_the_link() {
    let f = Fixture::new("basic");
    f.write(
        COACHING,
        "+++\ntitle = \"Coaching\"\n+++\n\n[a](strat.md) [b](_indx.md) [c](start) [d](tweede-stap.md) [e](coachng.md) [f](../methods/consenss.md)\n",
    );
    let err = f.brug(&["check"]).stderr;
    for hint in [
        "= help: did you mean (start.md)?",
        "= help: did you mean (_index.md)?",
        "= help: links name the page's source file: write (start.md)",
        "= help: no page is called that; to write it, create content/modules/tweede-stap.nl.md",
        "= help: did you mean (../methods/consensus.md)?",
    ] {
        assert!(err.contains(hint), "no `{hint}` in:\n{err}");
    }
    assert!(
        !err.contains("(coaching.md)"),
        "never the page itself:\n{err}"
    );
}
