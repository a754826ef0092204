use super::*;
use crate::render::Holds;

fn file(path: &str, text: &str) -> Output {
    Output::new(path.into(), text.as_bytes().to_vec())
}

#[test]
fn replaces_own_output_and_refuses_foreign_folders() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let site = |files: Vec<Output>| {
        move |stage: &Stage| files.iter().try_for_each(|f| stage.put(f.clone()))
    };
    write_site(&out, site(vec![file("a/index.html", "1")])).unwrap();
    write_site(&out, site(vec![file("b/index.html", "2")])).unwrap();
    let err = write_site(&out, |_: &Stage| bail!("template failed")).unwrap_err();
    assert_eq!(err.to_string(), "template failed");
    assert_eq!(
        std::fs::read_to_string(out.join("b/index.html")).unwrap(),
        "2",
        "failed write keeps the old site"
    );
    assert!(!out.join("a").exists());
    assert_eq!(
        std::fs::read_to_string(out.join("b/index.html")).unwrap(),
        "2"
    );
    let foreign = tmp.path().join("mine");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("thesis.docx"), "x").unwrap();
    let err = write_site(&foreign, site(vec![file("index.html", "x")])).unwrap_err();
    assert!(err.to_string().contains("was not created by brug"));
    assert!(foreign.join("thesis.docx").exists());
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        2,
        "no staging folder left behind"
    );
}

/// A site of `files` (path, text).
fn site<'a>(files: &'a [(&'a str, &'a str)]) -> impl FnOnce(&Stage) -> Result<()> + 'a {
    move |stage: &Stage| files.iter().try_for_each(|(p, t)| stage.put(file(p, t)))
}

/// Every file below `dir` with its bytes and modification time.
fn state(dir: &Path) -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
    let mut out: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let modified = e.metadata().unwrap().modified().unwrap();
            (rel, std::fs::read(e.path()).unwrap(), modified)
        })
        .collect();
    out.sort();
    out
}

fn names(dir: &Path) -> Vec<String> {
    state(dir).into_iter().map(|(p, ..)| p).collect()
}

const A: &[(&str, &str)] = &[
    ("index.html", "home"),
    ("nl/a/index.html", "a"),
    ("nl/b/index.html", "b"),
    ("static/site.css", "css"),
];
const B: &[(&str, &str)] = &[
    ("index.html", "home"),
    ("nl/a/index.html", "a, changed"),
    ("nl/c/index.html", "c"),
    ("static/site.css", "css"),
];

#[test]
fn a_build_with_nothing_changed_touches_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let first = write_site(&out, site(A)).unwrap();
    assert_eq!(
        first,
        Written {
            written: 4,
            unchanged: 0,
            removed: 0
        }
    );
    let before = state(&out);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let again = write_site(&out, site(A)).unwrap();
    assert_eq!(
        again,
        Written {
            written: 0,
            unchanged: 4,
            removed: 0
        }
    );
    assert_eq!(
        state(&out),
        before,
        "bytes and modification times, the marker's too"
    );
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        1,
        "no staging folder left"
    );
}

#[test]
fn a_marker_copy_left_by_a_killed_build_is_removed_by_the_next() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    write_site(&out, site(A)).unwrap();
    // Killed after writing the new marker, before renaming it: the same
    // text as the marker when nothing changed.
    let copy = out.join(format!("{MARKER}.new"));
    std::fs::copy(out.join(MARKER), &copy).unwrap();
    write_site(&out, site(A)).unwrap();
    assert!(!copy.exists(), "{:?}", names(&out));
}

#[test]
fn only_changed_and_new_files_are_written_and_old_ones_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    write_site(&out, site(A)).unwrap();
    std::fs::write(out.join("nl/own-notes.txt"), "mine").unwrap();
    let before = state(&out);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let w = write_site(&out, site(B)).unwrap();
    assert_eq!(
        w,
        Written {
            written: 2,
            unchanged: 2,
            removed: 1
        }
    );
    let after = state(&out);
    let find = |s: &[(String, Vec<u8>, std::time::SystemTime)], p: &str| {
        s.iter().find(|(q, ..)| q == p).cloned()
    };
    assert_eq!(
        find(&after, "index.html"),
        find(&before, "index.html"),
        "untouched"
    );
    assert_eq!(find(&after, "nl/a/index.html").unwrap().1, b"a, changed");
    assert!(!out.join("nl/b").exists(), "a folder left empty is removed");
    assert_eq!(
        std::fs::read_to_string(out.join("nl/own-notes.txt")).unwrap(),
        "mine",
        "a file brug did not make is kept"
    );
    assert_eq!(
        apply::manifest(&out)
            .unwrap()
            .into_keys()
            .collect::<Vec<_>>(),
        [
            "index.html",
            "nl/a/index.html",
            "nl/c/index.html",
            "static/site.css"
        ]
    );
}

#[test]
fn a_failed_build_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    write_site(&out, site(A)).unwrap();
    let before = state(&out);
    let err = write_site(&out, |stage: &Stage| {
        stage.put(file("nl/a/index.html", "half"))?;
        bail!("a template failed")
    })
    .unwrap_err();
    assert_eq!(err.to_string(), "a template failed");
    assert_eq!(state(&out), before);
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
}

#[test]
fn a_build_stopped_at_any_step_of_an_apply_is_repaired_by_the_next() {
    for stop in 0.. {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_site(&out, site(A)).unwrap();
        let mut steps = 0;
        let mut interrupt = || {
            steps += 1;
            steps > stop
        };
        write_site_interrupted(&out, site(B), &mut interrupt).unwrap();
        let finished = steps <= stop;
        // What a crash leaves: only brug's files, all of them listed.
        let listed = apply::manifest(&out).expect("the marker lists the files");
        for name in names(&out).iter().filter(|n| *n != MARKER) {
            assert!(
                listed.contains_key(name),
                "step {stop}: {name} is not listed"
            );
        }
        write_site(&out, site(B)).unwrap();
        let fresh = tmp.path().join("fresh");
        write_site(&fresh, site(B)).unwrap();
        // The files, and what the marker says of them apart from times.
        let contents = |d: &Path| {
            let files: Vec<(String, Vec<u8>)> = state(d)
                .into_iter()
                .filter(|(p, ..)| p != MARKER)
                .map(|(p, b, _)| (p, b))
                .collect();
            let listed: Vec<_> = apply::manifest(d)
                .unwrap()
                .into_iter()
                .map(|(p, e)| (p, e.source, e.size))
                .collect();
            (files, listed)
        };
        assert_eq!(contents(&out), contents(&fresh), "step {stop}: repaired");
        if finished {
            assert!(stop >= 3, "every step was interrupted once");
            break;
        }
    }
}

#[test]
fn a_file_can_become_a_folder_and_back() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    write_site(&out, site(&[("a", "file")])).unwrap();
    write_site(&out, site(&[("a/index.html", "folder")])).unwrap();
    assert_eq!(
        std::fs::read_to_string(out.join("a/index.html")).unwrap(),
        "folder"
    );
    write_site(&out, site(&[("a", "file again")])).unwrap();
    assert_eq!(
        std::fs::read_to_string(out.join("a")).unwrap(),
        "file again"
    );
}

#[test]
fn an_output_without_a_file_list_is_replaced_whole_once() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    std::fs::create_dir_all(out.join("old")).unwrap();
    std::fs::write(
        out.join(MARKER),
        "This folder is written by brug; it replaces it on every build.\n",
    )
    .unwrap();
    std::fs::write(out.join("old/index.html"), "old").unwrap();
    let w = write_site(&out, site(A)).unwrap();
    assert_eq!(w.written, 4);
    assert!(
        !out.join("old").exists(),
        "replaced, as that version of brug did"
    );
    assert!(apply::manifest(&out).is_some(), "listed from now on");
}

#[test]
fn a_file_the_marker_cannot_list_is_still_written_and_nothing_is_lost() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    write_site(&out, site(A)).unwrap();
    let odd: Vec<(&str, &str)> = A
        .iter()
        .copied()
        .chain([("static/a\\b.png", "png")])
        .collect();
    write_site(&out, site(&odd)).unwrap();
    for (path, text) in &odd {
        assert_eq!(
            &std::fs::read_to_string(out.join(path)).unwrap(),
            text,
            "{path}"
        );
    }
}

/// A page still to be minified.
fn page(path: &str, text: &str) -> Output {
    Output {
        minify: true,
        ..file(path, text)
    }
}

const PAGE: &str =
    "<!doctype html><html><head><title>t</title></head><body>\n  <p>x</p>\n</body></html>";

#[test]
fn a_page_made_from_the_same_source_is_trusted_to_the_manifest_not_minified_or_read() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let build = |text: &'static str| {
        write_site(&out, move |stage: &Stage| {
            stage.put(page("index.html", text))
        })
        .unwrap()
    };
    build(PAGE);
    let path = out.join("index.html");
    let minified = std::fs::read(&path).unwrap();
    assert!(minified.len() < PAGE.len(), "written minified");
    // Same size, same time, other bytes: only a build that trusts the
    // manifest's record (and does not read the file) leaves them.
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let other = vec![b'x'; minified.len()];
    std::fs::write(&path, &other).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let w = build(PAGE);
    assert_eq!((w.written, w.unchanged), (0, 1));
    assert_eq!(std::fs::read(&path).unwrap(), other);
    // Another source is minified and compared as before.
    let w = build("<!doctype html><html><head><title>t</title></head><body><p>y</p></body></html>");
    assert_eq!((w.written, w.unchanged), (1, 0));
}

#[test]
fn a_file_changed_by_hand_is_written_again_though_its_source_is_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let build = || write_site(&out, |stage: &Stage| stage.put(page("index.html", PAGE))).unwrap();
    build();
    let path = out.join("index.html");
    let minified = std::fs::read(&path).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&path, vec![b'x'; minified.len()]).unwrap();
    let w = build();
    assert_eq!((w.written, w.unchanged), (1, 0));
    assert_eq!(std::fs::read(&path).unwrap(), minified);
    // Touched only (same bytes, new time): compared, found unchanged, and
    // recorded with its new time, so the build after trusts it again.
    let now = std::time::SystemTime::now();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(now)
        .unwrap();
    assert_eq!(build().unchanged, 1);
    let entry = apply::manifest(&out).unwrap()["index.html"];
    let stamp = apply::stamp(&std::fs::metadata(&path).unwrap());
    assert_eq!((entry.size, entry.modified), stamp);
}

#[test]
fn the_same_page_minified_or_not_is_another_file() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    write_site(&out, |stage: &Stage| stage.put(page("index.html", PAGE))).unwrap();
    let w = write_site(&out, |stage: &Stage| stage.put(file("index.html", PAGE))).unwrap();
    assert_eq!(w.written, 1);
    assert_eq!(
        std::fs::read_to_string(out.join("index.html")).unwrap(),
        PAGE
    );
    assert_ne!(apply::source(b"x", true), apply::source(b"x", false));
}

#[test]
fn a_manifest_line_that_does_not_read_makes_the_output_unlisted() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    write_site(&out, site(A)).unwrap();
    let marker = std::fs::read_to_string(out.join(MARKER)).unwrap();
    assert!(apply::manifest(&out).is_some());
    for bad in [
        "zz 1 2 index.html",
        "- x 2 index.html",
        "- 1 2 ../up",
        "- 1 2",
    ] {
        std::fs::write(out.join(MARKER), format!("{marker}{bad}\n")).unwrap();
        assert!(apply::manifest(&out).is_none(), "{bad}");
    }
    // Unlisted: replaced whole, and listed again.
    let w = write_site(&out, site(A)).unwrap();
    assert_eq!(w.written, 4);
    assert!(apply::manifest(&out).is_some());
}

#[test]
fn a_page_the_output_holds_is_skipped_by_its_job_and_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let source = [7; 16];
    let made = Output {
        source: Some(source),
        ..page("index.html", PAGE)
    };
    write_site(&out, |stage: &Stage| {
        assert!(
            !stage.holds("index.html", &source),
            "a fresh output holds nothing"
        );
        stage.put(made.clone())
    })
    .unwrap();
    let before = state(&out);
    let w = write_site(&out, |stage: &Stage| {
        assert!(stage.holds("index.html", &source));
        assert!(!stage.holds("index.html", &[8; 16]), "another source");
        assert!(!stage.holds("other.html", &source), "another path");
        stage.put(Output::kept("index.html".into(), source))
    })
    .unwrap();
    assert_eq!((w.written, w.unchanged), (0, 1));
    assert_eq!(state(&out), before);
    // A file changed by hand is not held: its job renders it again.
    std::fs::write(out.join("index.html"), "mine").unwrap();
    write_site(&out, |stage: &Stage| {
        assert!(!stage.holds("index.html", &source));
        stage.put(made)
    })
    .unwrap();
    assert_ne!(
        std::fs::read_to_string(out.join("index.html")).unwrap(),
        "mine"
    );
    // A kept file the output does not list is an error, not a lost file.
    let fresh = tmp.path().join("fresh");
    write_site(&fresh, site(A)).unwrap();
    let err = write_site(&fresh, |stage: &Stage| {
        stage.put(Output::kept("nowhere.html".into(), source))
    })
    .unwrap_err();
    assert!(err.to_string().contains("nowhere.html"), "{err}");
}

#[test]
fn a_job_of_several_files_is_held_only_when_each_of_them_is() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let index = [3; 16];
    let files = |text: &str| -> Vec<Output> {
        ["search/index-nl.js", "search/post-nl-0.js"]
            .into_iter()
            .map(|p| Output {
                source: Some(index),
                ..file(p, text)
            })
            .collect()
    };
    write_site(&out, |stage: &Stage| {
        assert_eq!(
            stage.holds_all(&index),
            None,
            "a fresh output holds nothing"
        );
        files("v1").into_iter().try_for_each(|f| stage.put(f))
    })
    .unwrap();
    write_site(&out, |stage: &Stage| {
        let mut held = stage.holds_all(&index).expect("both held");
        held.sort();
        assert_eq!(held, ["search/index-nl.js", "search/post-nl-0.js"]);
        assert_eq!(stage.holds_all(&[4; 16]), None);
        held.into_iter()
            .try_for_each(|p| stage.put(Output::kept(p, index)))
    })
    .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(out.join("search/post-nl-0.js"), "v2").unwrap();
    write_site(&out, |stage: &Stage| {
        assert_eq!(stage.holds_all(&index), None, "one was changed by hand");
        files("v1").into_iter().try_for_each(|f| stage.put(f))
    })
    .unwrap();
    assert_eq!(
        std::fs::read_to_string(out.join("search/post-nl-0.js")).unwrap(),
        "v1"
    );
}
