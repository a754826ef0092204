//! What each fuzz target does with one input. The cargo-fuzz targets in
//! `fuzz/fuzz_targets/` and the regression test `tests/fuzz_regressions.rs`
//! both include this file with `#[path]`, so a crash found by fuzzing is
//! replayed by plain `cargo test` through the very same code. It uses only
//! brug's public API, the way brug itself does, and checks invariants that
//! hold for every input: a diagnostic is a fine answer, a panic is a finding.
//!
//! The handbook around the fuzzed page or configuration is the `web` fixture
//! (`tests/fixtures/web`: pairs, a glossary, practices, a missing
//! translation, a static file), loaded once.
#![allow(dead_code)]

use brug::analyze::anchors;
use brug::analyze::highlight::Highlighter;
use brug::analyze::markdown::{LinkStyle, Rendered};
use brug::analyze::prepared::Prepared;
use brug::build::status::stamp::stamped;
use brug::diagnostics::Diagnostic;
use brug::model::load::{assemble, load, load_content, parse_page};
use brug::model::{Handbook, Page, PageId};
use brug::search::analyze::Analyzer;
use brug::source::config::Config;
use brug::source::frontmatter::normalize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// What a target does with one input.
pub type Target = fn(&[u8]);

/// The targets by name, as `fuzz/fuzz_targets/NAME.rs` and the folders of
/// `fuzz/regressions/` and `fuzz/corpus/` call them.
pub const TARGETS: [(&str, Target); 4] = [
    ("frontmatter", frontmatter),
    ("markdown", markdown),
    ("search_analyzer", search_analyzer),
    ("config", config),
];

/// The hash `stamped` writes; any short hex string would do.
const HASH: &str = "0123abcd";

/// A whole page file, as `content/modules/start.nl.md` of the fixture:
/// UTF-8 check, front matter, body and hash (`parse_page`, which
/// `brug build` runs on every file); then the handbook assembled with it
/// (pairing, sections, URLs, the checks against `handbook.toml`); then the
/// rewrite of `brug status --stamp`.
pub fn frontmatter(data: &[u8]) {
    let f = fixture();
    let id = f.start;
    let path = f.path(id);
    let (page, diags) = parse_page(&f.root, &path, f.hb.pages[id].lang, data.to_vec());
    assert_positioned(&diags, page.as_ref().map(|p| p.text.as_str()));
    match &page {
        Some(p) => {
            assert!(!diags.iter().any(Diagnostic::is_error), "{diags:?}");
            assert!(p.text.is_char_boundary(p.body_offset));
        }
        None => assert!(diags.iter().any(Diagnostic::is_error), "{diags:?}"),
    }
    if let Some(page) = page.clone().filter(|p| !p.front.draft) {
        let mut pages = f.hb.pages.clone();
        pages[id] = page;
        let statics = f.hb.statics.iter().map(|s| s.source.clone()).collect();
        let mut diags = Vec::new();
        assemble(&f.root, f.hb.config.clone(), pages, statics, &mut diags);
    }
    let Ok(raw) = String::from_utf8(data.to_vec()) else {
        return;
    };
    let file = &f.hb.pages[id].file;
    // A page that loads still loads after stamping, with the same text.
    if let (Ok(new), Some(before)) = (stamped(raw, file, HASH), page) {
        let (after, diags) = parse_page(&f.root, &path, before.lang, new.into_bytes());
        let after = after.unwrap_or_else(|| panic!("the stamped page fails: {diags:?}"));
        assert_eq!(after.front.translated_from.as_deref(), Some(HASH));
        assert_eq!(after.front.title, before.front.title);
        assert_eq!(after.body(), before.body());
    }
}

/// The input as the Markdown of two pages of the fixture, rendered as an
/// edit in `brug serve` renders it (`Prepared::render_page`): the Dutch
/// start page (a print chapter, with glossary tooltips, folder URLs) and
/// the German glossary (definitions, `index.html` URLs). A page file with
/// front matter is taken as it is; anything else gets a title put before
/// it. Then the anchors of its links are checked against the fixture.
pub fn markdown(data: &[u8]) {
    let f = fixture();
    let styles = [
        LinkStyle::default(),
        LinkStyle {
            explicit_index: true,
        },
    ];
    for (id, style) in [f.start, f.glossary].into_iter().zip(styles) {
        let page = page_from(f, id, data);
        let r = f.prepared.render_page(&f.hb, id, &page, style, &f.hl);
        check_rendered(&f.hb, &page, &r);
        let mut markdown = f.markdown.lock().unwrap_or_else(|e| e.into_inner());
        let kept = std::mem::replace(&mut markdown[id], r);
        let mut diags = Vec::new();
        anchors::check(&f.hb, &markdown, &mut diags);
        markdown[id] = kept;
        assert_positioned(&diags, None);
    }
}

/// The input as indexed text, in Dutch and in German: `search::index`
/// analyses each distinct whitespace-separated word against the vocabulary
/// of all of them. Then its tokens (which the vocabulary is made of).
pub fn search_analyzer(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let words: HashSet<&str> = text.split_whitespace().collect();
    for analyzer in analyzers() {
        let vocab = analyzer.vocab(words.iter().copied());
        for word in &words {
            analyzer.terms(word, &vocab);
        }
        let mut end = 0;
        for token in analyzer.tokens(&text) {
            assert!(token.range.start >= end, "tokens overlap: {token:?}");
            assert!(text.get(token.range.clone()).is_some(), "{token:?}");
            end = token.range.end;
        }
    }
}

/// The input as `handbook.toml`: read the way `brug build` reads it
/// (line endings normalized, parsed, validated), then the fixture's
/// `content/` loaded with it.
pub fn config(data: &[u8]) {
    // brug reads handbook.toml as UTF-8 text; other bytes fail to read.
    let Ok(text) = String::from_utf8(data.to_vec()) else {
        return;
    };
    let text = normalize(text);
    let (config, diags) = Config::parse(&text, Path::new("handbook.toml"));
    assert_positioned(&diags, Some(&text));
    let Some(config) = config else {
        assert!(diags.iter().any(Diagnostic::is_error), "{diags:?}");
        return;
    };
    load_content(&fixture().root, config, diags);
}

/// The `web` fixture, loaded and analysed once.
struct Fixture {
    root: PathBuf,
    hb: Handbook,
    prepared: Prepared,
    /// A copy of `prepared.markdown` to check anchors with, the fuzzed
    /// page's result swapped in for the time of the check.
    markdown: Mutex<Vec<Rendered>>,
    /// `content/modules/start.nl.md`.
    start: PageId,
    /// `content/glossary.de.md`.
    glossary: PageId,
    /// Kept, so that its syntaxes load once, not for every code block.
    hl: Highlighter,
}

impl Fixture {
    fn path(&self, id: PageId) -> PathBuf {
        self.root.join(&self.hb.pages[id].file)
    }
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let root = repo().join("tests/fixtures/web");
        let loaded = load(&root);
        let hb = loaded.handbook.expect("the web fixture loads");
        let mut diags = Vec::new();
        let opts = brug::build::site::options(false);
        let (prepared, _) = brug::build::site::prepare(&hb, opts, &mut diags)
            .expect("the web fixture's theme loads");
        let find = |file: &str| {
            let file = Path::new(file);
            let id = hb.pages.iter().position(|p| p.file == file);
            id.unwrap_or_else(|| panic!("the web fixture has {}", file.display()))
        };
        Fixture {
            start: find("content/modules/start.nl.md"),
            glossary: find("content/glossary.de.md"),
            markdown: Mutex::new(prepared.markdown.clone()),
            hl: Highlighter::default(),
            root,
            hb,
            prepared,
        }
    })
}

/// The repository: the nearest folder above this crate's that holds the
/// fixtures (this file is built from `fuzz/` and from the main crate).
fn repo() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .find(|d| d.join("tests/fixtures/web/handbook.toml").is_file())
        .expect("the repository holds tests/fixtures/web")
        .to_path_buf()
}

/// Page `id` of the fixture with `data` as its file, or as its Markdown
/// under a fixed front matter when it is no page file by itself.
fn page_from(f: &Fixture, id: PageId, data: &[u8]) -> Page {
    let path = f.path(id);
    let lang = f.hb.pages[id].lang;
    if let (Some(page), _) = parse_page(&f.root, &path, lang, data.to_vec()) {
        return page;
    }
    let text = format!(
        "+++\ntitle = \"Fuzz\"\n+++\n{}",
        String::from_utf8_lossy(data)
    );
    match parse_page(&f.root, &path, lang, text.into_bytes()) {
        (Some(page), _) => page,
        (None, diags) => panic!("a title and any Markdown make a page: {diags:?}"),
    }
}

/// What holds for the rendering of any page.
fn check_rendered(hb: &Handbook, page: &Page, r: &Rendered) {
    assert_positioned(&r.diagnostics, Some(&page.text));
    for link in &r.links {
        assert!(link.pair < hb.pairs.len() && link.lang < hb.config.languages.len());
        assert!(link.offset <= page.text.len(), "{link:?}");
    }
    for (_, offset) in &r.local_anchors {
        assert!(*offset <= page.text.len());
    }
    for entry in &r.toc {
        assert!((2..=3).contains(&entry.level), "{entry:?}");
        assert!(r.ids.contains(&entry.id), "{entry:?}");
    }
    let (intro, rest) = r.sections.split_first().expect("the intro section");
    assert!(intro.anchor.is_none());
    for section in rest {
        let anchor = section.anchor.as_ref().expect("a section has an anchor");
        assert!(r.ids.contains(anchor), "{anchor}");
    }
}

/// Every diagnostic concerns its whole file (line 0) or names a line and
/// column of it (1-based; the line after the last at most, when `text` is
/// that file).
fn assert_positioned(diags: &[Diagnostic], text: Option<&str>) {
    let lines = text.map_or(usize::MAX, |t| t.lines().count() + 1);
    for d in diags.iter().filter(|d| d.line > 0) {
        assert!(d.column >= 1 && d.line <= lines, "{d:?}");
    }
}

/// The analysers of both languages, made once.
fn analyzers() -> &'static [Analyzer; 2] {
    static ANALYZERS: OnceLock<[Analyzer; 2]> = OnceLock::new();
    ANALYZERS.get_or_init(|| {
        ["nl", "de"].map(|lang| Analyzer::new(lang).expect("the built-in analysis data"))
    })
}
