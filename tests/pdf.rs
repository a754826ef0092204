//! `brug pdf`: the shipped handbook and fixtures typeset as PDFs, read
//! back with poppler (pdfinfo, pdftotext) and qpdf, which scripts/test
//! installs. Each PDF must be tagged (PDF/UA-1) with its title and
//! language, hold every chapter in reading order with an outline entry,
//! pass qpdf's check, and come out byte-identical from the same sources.
//! Typst in a debug build takes half a minute per PDF: scripts/test runs
//! these against the release build (`cargo test --release --test pdf --
//! --ignored`).

mod common;

use common::{run, Fixture, Run};
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `brug pdf ARGS --root ROOT --out OUT`.
fn pdf(root: &Path, out: &Path, args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brug"));
    cmd.arg("pdf")
        .args(args)
        .arg("--root")
        .arg(root)
        .arg("--out")
        .arg(out);
    run(cmd)
}

/// The output of a poppler or qpdf tool; the test fails without it.
fn tool(name: &str, args: &[&str], file: &Path) -> String {
    let out = Command::new(name)
        .args(args)
        .arg(file)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run `{name}` ({e}): scripts/test installs poppler-utils and qpdf")
        });
    assert!(
        out.status.success() || name == "qpdf" && out.status.code() == Some(3),
        "{name} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The PDF's text, its whitespace made single spaces.
fn pdftotext(file: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(file)
        .arg("-")
        .output()
        .expect("pdftotext: scripts/test installs poppler-utils");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn pdfs(dir: &Path) -> Vec<PathBuf> {
    let mut list: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    list.sort();
    list
}

/// The chapter titles of `lang` in reading order, as the print view has them.
fn chapter_titles(root: &Path, lang: &str) -> Vec<String> {
    let loaded = brug::model::load::load(root);
    let hb = loaded.handbook.expect("the handbook loads");
    let l = hb.lang_index(lang).unwrap();
    brug::analyze::overview::reading_order(&hb, l)
        .into_iter()
        .map(|(pair, _)| hb.pages[hb.pairs[pair].best_page(l)].front.title.clone())
        .collect()
}

#[test]
#[ignore = "slow in a debug build: scripts/test runs it with --release"]
fn the_shipped_handbook_gives_tagged_pdfs_with_every_chapter_in_order() {
    let out = tempfile::tempdir().unwrap();
    let run = pdf(repo(), out.path(), &[]);
    run.ok();
    let files = pdfs(out.path());
    assert_eq!(files.len(), 2, "{files:?}\n{}", run.stdout);
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let lang = &name[name.len() - 6..name.len() - 4];
        assert!(["nl", "de"].contains(&lang), "{name}");
        let info = tool("pdfinfo", &[], file);
        assert!(info.contains("Tagged:          yes"), "{info}");
        assert!(
            info.lines()
                .any(|l| l.starts_with("Title:") && l.len() > 20),
            "{info}"
        );
        let titles = chapter_titles(repo(), lang);
        assert!(titles.len() > 20, "{titles:?}");
        let text = pdftotext(file);
        let mut from = 0;
        for title in &titles {
            let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
            let at = text[from..].find(&title).unwrap_or_else(|| {
                panic!("{lang}: chapter `{title}` not found after byte {from} of the PDF's text")
            });
            from += at + title.len();
        }
        let check = tool("qpdf", &["--check"], file);
        assert!(
            check.contains("No syntax or stream encoding errors"),
            "{check}"
        );
        // An outline entry per chapter at least.
        let json = tool("qpdf", &["--json", "--json-key=outlines"], file);
        let outline: serde_json::Value = serde_json::from_str(&json).unwrap();
        let count = count_outlines(&outline["outlines"]);
        assert!(
            count >= titles.len(),
            "{count} outline entries for {} chapters",
            titles.len()
        );
        let (links, missing) = link_destinations(file);
        assert!(links > titles.len(), "{links} links inside the PDF");
        assert!(
            missing.is_empty(),
            "links to destinations the PDF lacks: {missing:?}"
        );
    }
    // The same sources give the same bytes.
    let again = tempfile::tempdir().unwrap();
    pdf(repo(), again.path(), &[]).ok();
    for (a, b) in files.iter().zip(pdfs(again.path())) {
        assert!(
            std::fs::read(a).unwrap() == std::fs::read(&b).unwrap(),
            "{a:?} differs between runs"
        );
    }
}

/// The number of link annotations to a place in the document, and the
/// named destinations they use that the document's name trees lack.
fn link_destinations(file: &Path) -> (usize, Vec<String>) {
    let json = tool("qpdf", &["--json", "--json-key=qpdf"], file);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let objects = doc["qpdf"][1].as_object().expect("qpdf's objects");
    let mut named = std::collections::HashSet::new();
    let mut used = Vec::new();
    for object in objects.values() {
        let value = &object["value"];
        names_in(value, &mut named);
        if value["/Subtype"] == "/Link" {
            if let Some(dest) = value["/Dest"].as_str() {
                used.push(dest.to_string());
            }
        }
    }
    let missing = used
        .iter()
        .filter(|d| !named.contains(d.as_str()))
        .cloned()
        .collect();
    (used.len(), missing)
}

/// The keys of every name tree (`/Names [key value …]`) inside `v`.
fn names_in<'v>(v: &'v serde_json::Value, out: &mut std::collections::HashSet<&'v str>) {
    match v {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                match value.as_array() {
                    Some(list) if key == "/Names" => {
                        out.extend(list.iter().step_by(2).filter_map(|n| n.as_str()));
                    }
                    _ => names_in(value, out),
                }
            }
        }
        serde_json::Value::Array(list) => list.iter().for_each(|x| names_in(x, out)),
        _ => {}
    }
}

fn count_outlines(v: &serde_json::Value) -> usize {
    v.as_array().map_or(0, |list| {
        list.iter().map(|o| 1 + count_outlines(&o["kids"])).sum()
    })
}

#[test]
#[ignore = "slow in a debug build: scripts/test runs it with --release"]
fn every_markdown_feature_and_markup_character_comes_out_as_written() {
    let f = Fixture::new("web");
    // (Markdown's smart punctuation turns -- ... and quotes into dashes,
    // ellipses and curly quotes, on the site as in the PDF.)
    let specials =
        "# $ * _ @ < > \\ ` = [ ] ~ / // + - : ; ! ? % & ( ) { } | ^ https://example.org";
    f.write(
        "content/modules/alles.nl.md",
        format!(
            "+++\ntitle = \"Alles #1 *echt* _x_ @y <z>\"\n+++\n\nTekst met {specials} erin.\n\n\
             = geen kop\n\n- punt **vet** en *schuin* en ~~weg~~\n  - dieper `code #x`\n1. een\n2. twee\n\n\
             - [x] gedaan\n- [ ] open\n\n> citaat met $geld$\n\n\
             | kolom #1 | kolom_2 |\n|:--|--:|\n| cel @a | cel < b |\n\n\
             Een voetnoot[^n].\n\n[^n]: De noot met *nadruk*.\n\n```rust\nfn main() {{ let x = \"#[\"; }}\n```\n\n\
             ---\n\n[Naar de methode](../methods/consensus.nl.md) en [extern](https://example.org/a_b).\n\n## Kop met `code` #2\n\nSlot.\n"
        ),
    );
    let out = tempfile::tempdir().unwrap();
    let run = pdf(f.root(), out.path(), &["--lang", "nl"]);
    run.ok();
    let files = pdfs(out.path());
    assert_eq!(files.len(), 1);
    let text = pdftotext(&files[0]);
    for expected in [
        "Alles #1 *echt* _x_ @y <z>",
        &format!("Tekst met {specials} erin."),
        "= geen kop",
        "punt vet en schuin en weg",
        "dieper code #x",
        "[x] gedaan",
        "[ ] open",
        "citaat met $geld$",
        "kolom #1 kolom_2",
        "cel @a cel < b",
        "De noot met nadruk.",
        "let x = \"#[\";",
        "(https://example.org/a_b)",
        "Kop met code #2",
    ] {
        assert!(
            text.contains(expected),
            "`{expected}` missing from:\n{text}"
        );
    }
}

#[test]
#[ignore = "slow in a debug build: scripts/test runs it with --release"]
fn bad_input_gives_warnings_with_file_and_line_and_still_a_sound_pdf() {
    let f = Fixture::new("web");
    f.write("content/modules/kapot.svg", "<svg this is not xml");
    f.write("content/modules/leeg.png", "");
    let long = "a".repeat(2000);
    f.write(
        "content/modules/fout.nl.md",
        format!(
            "+++\ntitle = \"Fout\"\n+++\n\nEen lang woord: {long}.\n\n<div>rauw</div>\n\n\
             ![kapot beeld](kapot.svg)\n\n![](leeg.png)\n"
        ),
    );
    let out = tempfile::tempdir().unwrap();
    let run = pdf(f.root(), out.path(), &["--lang", "nl"]);
    run.ok();
    let file = pdfs(out.path()).remove(0);
    for (line, what) in [(7, "raw HTML"), (9, "kapot.svg"), (11, "leeg.png")] {
        let place = format!("content/modules/fout.nl.md:{line}:");
        assert!(
            run.stderr
                .lines()
                .any(|l| l.contains(&place) && run.stderr.contains(what)),
            "no warning at {place} about {what}:\n{}",
            run.stderr
        );
    }
    let check = tool("qpdf", &["--check"], &file);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
    assert!(pdftotext(&file).contains("kapot beeld"));
}

#[test]
#[ignore = "slow in a debug build: scripts/test runs it with --release"]
fn a_handbook_with_errors_gets_no_pdf() {
    let f = Fixture::new("web");
    f.write("content/modules/stuk.nl.md", "+++\ntitle = \n+++\n");
    let out = tempfile::tempdir().unwrap();
    let run = pdf(f.root(), out.path(), &[]);
    assert_ne!(run.code, 0);
    assert!(pdfs(out.path()).is_empty());
    assert!(run.stderr.contains("stuk.nl.md"), "{}", run.stderr);
}

/// Small enough for a debug build: runs with every `cargo test`.
#[test]
fn the_pdf_shows_transfer_boxes_term_uses_and_the_transfer_overview_as_the_site_does() {
    let f = Fixture::new("web");
    let out = tempfile::tempdir().unwrap();
    let run = pdf(f.root(), out.path(), &["--lang", "nl"]);
    run.ok();
    let file = &pdfs(out.path())[0];
    let text = pdftotext(file);
    // A practice's transfer box, between its title and its text.
    let boxed = "Lotsen Overdracht Afkomstig uit: Münster Bestemd voor: • Almelo: Ingevoerd \
                 • Enschede: Gepland Voorwaarden: Voorwaarden. Steunt op consensus";
    assert!(text.contains(boxed), "{text}");
    // The glossary lists the pages that use each term, by title.
    for uses in [
        "stuurt & documenteert. Gebruikt in: Gespreksleider, Wees Lang begrip",
        "Dit deel valt weg. Gebruikt in: Wees, Werkgroep wonen Zonder uitleg",
    ] {
        assert!(text.contains(uses), "{uses}\n{text}");
    }
    // The transfer overview is the last chapter: its table, then the
    // diagram (the contents name both before).
    let last_page = text.rfind("Zie consensus en gespreksleider.").unwrap();
    let table = text.rfind("Alle overdraagbare praktijken").unwrap();
    let diagram = text.rfind("Overdrachten tussen de steden").unwrap();
    assert!(last_page < table && table < diagram, "{text}");
    for cells in [
        "Praktijk Münster Almelo Enschede",
        "Werkgroep wonen Herkomst Wordt aangepast niet betrokken",
    ] {
        assert!(text[table..diagram].contains(cells), "{cells}\n{text}");
    }
    assert!(text[diagram..].contains("Lotsen Enschede ● Almelo: Ingevoerd ○ Enschede: Gepland"));
    let json = tool("qpdf", &["--json", "--json-key=outlines"], file);
    let outline: serde_json::Value = serde_json::from_str(&json).unwrap();
    let entries = outline["outlines"].as_array().unwrap();
    let title = entries.last().unwrap()["title"].as_str().unwrap();
    assert_eq!(title, "Overdracht van praktijken");
    // The practices' titles in the table and the term uses link to their
    // chapters.
    let (links, missing) = link_destinations(file);
    assert!(links >= 10 && missing.is_empty(), "{links} {missing:?}");
}
