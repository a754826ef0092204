//! `brug bundle` on fixture handbooks: the zip holds the offline variant
//! (explicit index.html links, read-me files, SHA256SUMS, nothing that
//! addresses the published host, the PDF of each language), the same content gives the same bytes,
//! and `--check` finds broken checksums and links.

mod common;
use common::Fixture;
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

fn entries(zip: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let name = f.name().unwrap().to_string();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (name, data)
        })
        .collect()
}

#[test]
fn the_bundle_is_the_offline_site_with_read_me_and_checksums() {
    let f = Fixture::new("web");
    let out = f.root().join("uit/Handboek kopie.zip");
    let run = f.brug(&["bundle", "--out", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bytes = std::fs::read(&out).unwrap();
    let hash = format!("{:x}", <sha2::Sha256 as sha2::Digest>::digest(&bytes));
    assert!(
        run.stdout.starts_with(&hash),
        "prints the zip's SHA-256: {}",
        run.stdout
    );
    let files = entries(&bytes);
    for name in [
        "index.html",
        "LEESMIJ.txt",
        "LIESMICH.txt",
        "SHA256SUMS",
        "nl/index.html",
        "static/site.css",
        "search/index-nl.js",
    ] {
        assert!(files.contains_key(name), "{name}");
    }
    assert!(!files.contains_key("sitemap.xml") && !files.contains_key("404.html"));
    let names: Vec<&String> = files.keys().collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    let page = String::from_utf8(files["nl/methods/consensus/index.html"].clone()).unwrap();
    assert!(page.contains("index.html"), "links name index.html");
    assert!(
        !page.contains("example.org"),
        "no link to the published host"
    );
    let sums = String::from_utf8(files["SHA256SUMS"].clone()).unwrap();
    assert_eq!(sums.lines().count(), files.len() - 1);
    assert!(String::from_utf8_lossy(&files["LIESMICH.txt"]).contains("Webhandbuch"));
    // Each language's PDF, checksummed, named in its read-me, offered on
    // every page.
    let pdfs: Vec<&String> = names
        .iter()
        .copied()
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    assert_eq!(pdfs, ["webhandboek-nl.pdf", "webhandbuch-de.pdf"]);
    for (pdf, readme) in pdfs.iter().zip(["LEESMIJ.txt", "LIESMICH.txt"]) {
        assert!(files[*pdf].starts_with(b"%PDF-"), "{pdf}");
        let sum = format!("{:x}", <sha2::Sha256 as sha2::Digest>::digest(&files[*pdf]));
        assert!(
            sums.contains(&format!("{sum}  {pdf}\n")),
            "{pdf} in SHA256SUMS"
        );
        assert!(
            String::from_utf8_lossy(&files[readme]).contains(pdf.as_str()),
            "{readme}"
        );
    }
    assert!(page.contains("href=../../../webhandboek-nl.pdf"), "{page}");
    let check = f.brug(&["bundle", "--check", "--out", out.to_str().unwrap()]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    // The default name has the title and the newest page's date.
    let default = f.brug(&["bundle"]);
    assert_eq!(default.code, 0, "{}", default.stderr);
    let made: Vec<String> = std::fs::read_dir(f.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".zip"))
        .collect();
    assert_eq!(made.len(), 1, "{made:?}");
    assert!(made[0].starts_with("webhandboek"), "{made:?}");
}

#[test]
fn the_same_content_gives_the_same_zip() {
    let f = Fixture::new("web");
    let a = f.root().join("a.zip");
    let b = f.root().join("b.zip");
    f.brug(&["bundle", "--out", a.to_str().unwrap()]).ok();
    // Touch every source: timestamps must not matter.
    let source = f.read_source("content/methods/consensus.nl.md");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    f.write("content/methods/consensus.nl.md", &source);
    f.brug(&["bundle", "--out", b.to_str().unwrap()]).ok();
    assert!(
        std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap(),
        "byte-identical"
    );
    f.write(
        "content/methods/consensus.nl.md",
        format!("{source}\nNieuw.\n"),
    );
    let c = f.root().join("c.zip");
    f.brug(&["bundle", "--out", c.to_str().unwrap()]).ok();
    assert!(std::fs::read(&a).unwrap() != std::fs::read(&c).unwrap());
}

#[test]
fn check_finds_changed_files_and_broken_links() {
    let f = Fixture::new("web");
    let out = f.root().join("h.zip");
    f.brug(&["bundle", "--out", out.to_str().unwrap()]).ok();
    let mut files = entries(&std::fs::read(&out).unwrap());
    // One page changed after the checksums were made, one page missing.
    files.insert("nl/index.html".into(), b"<p>anders</p>".to_vec());
    files.remove("nl/methods/consensus/index.html");
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in &files {
        w.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(data).unwrap();
    }
    let broken = f.root().join("kapot.zip");
    std::fs::write(&broken, w.finish().unwrap().into_inner()).unwrap();
    let check = f.brug(&["bundle", "--check", "--out", broken.to_str().unwrap()]);
    assert_eq!(check.code, 1);
    assert!(
        check.stderr.contains("nl/index.html: its SHA-256 differs"),
        "{}",
        check.stderr
    );
    assert!(
        check
            .stderr
            .contains("nl/methods/consensus/index.html: listed in SHA256SUMS but not in the zip"),
        "{}",
        check.stderr
    );
    assert!(
        check.stderr.contains("which is not in the zip"),
        "a link to the missing page: {}",
        check.stderr
    );
    let nozip = f.root().join("handbook.toml");
    assert_eq!(
        f.brug(&["bundle", "--check", "--out", nozip.to_str().unwrap()])
            .code,
        1
    );
}

#[test]
fn a_failed_build_writes_no_bundle() {
    let f = Fixture::new("web");
    f.write(
        "content/methods/consensus.nl.md",
        "+++\ntitle = \"Kapot\n+++\n",
    );
    let out = f.root().join("x.zip");
    let run = f.brug(&["bundle", "--out", out.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("content/methods/consensus.nl.md:2"),
        "{}",
        run.stderr
    );
    assert!(!out.exists());
}
