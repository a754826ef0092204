//! The search index as the build writes it, and queries run on it with the
//! browser's own search code under node (`tests/search/*.mjs`): the index
//! files are well formed and complete, the quality cases pass on the shipped
//! handbook, and a search in both languages finds what exists in one only.

mod common;
use common::Fixture;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `node SCRIPT ARGS`; without node the test fails (CI installs it).
fn node(script: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new("node")
        .arg(repo().join(script))
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run `node` ({e}): the search tests need Node.js on PATH")
        });
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

/// The handbook at `root` built into a temporary folder (kept while the
/// first value lives), and the site's path.
fn built(root: &Path) -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let run = Command::new(env!("CARGO_BIN_EXE_brug"))
        .args(["build", "--root"])
        .arg(root)
        .arg("--out")
        .arg(&site)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    (out, site)
}

/// The object passed to `BrugSearch.index(…)` in `search/index-LANG.js`.
fn index(f: &Fixture, lang: &str) -> Value {
    let js = f.page(&format!("search/index-{lang}.js"));
    let json = js
        .strip_prefix("BrugSearch.index(")
        .and_then(|s| s.trim_end().strip_suffix(");"))
        .expect("index file shape");
    let mut ix: Value = serde_json::from_str(json).expect("index is JSON");
    // The dictionary's blocks: each starts with the word the index names
    // and after the number of terms it says.
    let (starts, _) = undictionary(ix["blocks"].as_str().expect("block starts"));
    let before = varints(ix["block_terms"].as_str().expect("terms before each block"));
    let (mut terms, mut vocab) = (Vec::new(), Vec::new());
    // A small dictionary comes inside the index, a large one in files.
    let inline = ix.get("words").cloned();
    let words_file = |k: usize| f.out().join(format!("search/words-{lang}-{k}.js"));
    assert_eq!(inline.is_some(), !words_file(0).exists());
    for (k, start) in starts.iter().enumerate() {
        let coded = match &inline {
            Some(blocks) => blocks[k].clone(),
            None => {
                let js = f.page(&format!("search/words-{lang}-{k}.js"));
                let args: Value = js
                    .strip_prefix("BrugSearch.words(")
                    .and_then(|s| s.trim_end().strip_suffix(");"))
                    .and_then(|s| serde_json::from_str(&format!("[{s}]")).ok())
                    .expect("words file shape");
                assert_eq!(
                    (args[0].as_str(), args[1].as_u64()),
                    (Some(lang), Some(k as u64))
                );
                args[2].clone()
            }
        };
        let (t, v) = undictionary(coded.as_str().expect("a front-coded block"));
        let first = t.iter().chain(&v).min().expect("a block holds words");
        assert_eq!(first, start, "block {k}");
        assert_eq!(before[k] as usize, terms.len(), "terms before block {k}");
        terms.extend(t);
        vocab.extend(v);
    }
    assert!(!words_file(starts.len()).exists());
    assert_eq!(ix["term_count"].as_u64(), Some(terms.len() as u64));
    vocab.sort();
    ix["terms"] = serde_json::json!(terms);
    ix["vocab"] = serde_json::json!(vocab);
    ix
}

/// The terms and the compound vocabulary of the index's dictionary: per
/// word the length of the prefix it shares with the word before (UTF-16
/// units) times 3 plus its kind (0 term, 1 vocabulary, 2 both) as a
/// varint, then the rest; words separated by spaces.
fn undictionary(s: &str) -> (Vec<String>, Vec<String>) {
    let (mut terms, mut vocab) = (Vec::new(), Vec::new());
    let mut prev: Vec<u16> = Vec::new();
    for item in s.split(' ').filter(|_| !s.is_empty()) {
        let digits = item
            .find(|c: char| "0123456789abcdefghijklmnopqrstuv".contains(c))
            .expect("a varint")
            + 1;
        let n = varints(&item[..digits])[0] as usize;
        let mut word = String::from_utf16(&prev[..n / 3]).expect("whole characters");
        word.push_str(&item[digits..]);
        if n % 3 != 1 {
            terms.push(word.clone());
        }
        if !n.is_multiple_of(3) {
            vocab.push(word.clone());
        }
        prev = word.encode_utf16().collect();
    }
    (terms, vocab)
}

/// The numbers of a string of the index's base-32 varints (0-9a-v end a
/// number, A-Z@$%&*+ continue it).
fn varints(s: &str) -> Vec<u32> {
    const END: &str = "0123456789abcdefghijklmnopqrstuv";
    const MORE: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ@$%&*+";
    let mut out = Vec::new();
    let mut n = 0;
    for c in s.chars() {
        if let Some(d) = END.find(c) {
            out.push(n * 32 + d as u32);
            n = 0;
        } else {
            n = n * 32 + MORE.find(c).expect("a varint digit") as u32;
        }
    }
    out
}

fn hits(site: &Path, langs: &str, reader: &str, query: &str) -> Vec<(String, String)> {
    let (ok, out) = node(
        "tests/search/query.mjs",
        &[site.to_str().unwrap(), langs, reader, query],
    );
    assert!(ok, "{out}");
    let list: Vec<Value> = serde_json::from_str(out.trim()).expect(&out);
    list.iter()
        .map(|h| {
            (
                h["href"].as_str().unwrap().to_string(),
                h["lang"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn each_language_gets_an_index_of_its_own_pages_and_their_sections() {
    let f = Fixture::new("web");
    let run = f.build();
    let said = format!("{}{}", run.stdout, run.stderr);
    assert!(
        said.contains("search index de ") && said.contains(" KB"),
        "{said}"
    );
    let nl = index(&f, "nl");
    let de = index(&f, "de");
    let urls = |ix: &Value| -> Vec<String> {
        ix["pages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p[1].as_str().unwrap().to_string())
            .collect()
    };
    // The Dutch-only page is in the Dutch index, not as a fallback in German.
    assert!(urls(&nl).contains(&"nl/practices/wonen/".to_string()));
    assert!(!urls(&de).iter().any(|u| u.contains("wonen")));
    assert!(urls(&de).iter().all(|u| u.starts_with("de/")));
    // Every page once; its counterpart is named.
    let mut sorted = urls(&nl);
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), urls(&nl).len());
    let lotsen = nl["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p[1] == "nl/practices/lotsen/")
        .unwrap();
    assert_eq!(
        (lotsen[3].as_str(), lotsen[4].as_str()),
        (Some("de/practices/lotsen/"), Some("de"))
    );
    // Text chunks hold each target's anchor, heading and text; together
    // they have one entry per target.
    let mut entries = Vec::new();
    for k in 0.. {
        let path = format!("search/text-nl-{k}.js");
        if !f.out().join(&path).is_file() {
            break;
        }
        let js = f.page(&path);
        let list = js
            .strip_prefix(&format!("BrugSearch.text(\"nl\",{k},"))
            .and_then(|s| s.trim_end().strip_suffix(");"))
            .expect("text chunk shape");
        let list: Vec<Value> = serde_json::from_str(list).unwrap();
        entries.extend(list);
    }
    // Each page's number of targets, as varints, add up to the entries.
    let counts = varints(nl["counts"].as_str().unwrap());
    assert_eq!(counts.len(), urls(&nl).len());
    let targets: u32 = counts.iter().sum();
    assert_eq!(entries.len(), targets as usize);
    let lang = entries
        .iter()
        .find(|e| e[0] == "lang")
        .expect("the glossary's #lang section");
    assert_eq!(lang[1], "Lang begrip");
    assert!(lang[2]
        .as_str()
        .unwrap()
        .starts_with("Een heel lang begrip"));
    assert!(f.page("nl/begrippen/index.html").contains("id=\"lang\""));
    // A handbook this small carries its postings inside the index.
    assert_eq!(nl["shards"], serde_json::json!([0]));
    assert_eq!(
        nl["postings"].as_array().unwrap().len(),
        nl["terms"].as_array().unwrap().len()
    );
    assert!(!f.out().join("search/post-nl-0.js").exists());
    // What the reader loads before the first result is small next to the text.
    assert!(nl["text_bytes"].as_u64().unwrap() > 500);
}

#[test]
#[ignore = "needs Node.js: scripts/test runs the search suite on its own"]
fn both_languages_find_a_page_that_exists_in_one_only() {
    let f = Fixture::new("web");
    f.build();
    // "wonen" exists only in Dutch; a German reader searching both finds it.
    let de_only = hits(&f.out(), "de", "de", "Werkgroep");
    assert!(de_only.is_empty(), "{de_only:?}");
    let both = hits(&f.out(), "nl,de", "de", "Werkgroep");
    assert_eq!(
        both.first(),
        Some(&("nl/practices/wonen/".to_string(), "nl".to_string())),
        "{both:?}"
    );
    // A pair found in both languages is one hit, in the reader's language.
    let lotsen = hits(&f.out(), "nl,de", "de", "Lotsen");
    let pairs: Vec<&(String, String)> = lotsen
        .iter()
        .filter(|(h, _)| h.contains("lotsen"))
        .collect();
    assert_eq!(pairs.len(), 1, "{lotsen:?}");
    assert_eq!(pairs[0].1, "de");
}

#[test]
#[ignore = "needs Node.js: scripts/test runs the search suite on its own"]
fn a_hit_in_a_section_links_to_its_heading() {
    let f = Fixture::new("web");
    f.build();
    let found = hits(&f.out(), "nl", "nl", "tooltip ingekort");
    assert_eq!(
        found.first().map(|h| h.0.as_str()),
        Some("nl/begrippen/#lang"),
        "{found:?}"
    );
}

#[test]
#[ignore = "needs Node.js: scripts/test runs the search suite on its own"]
fn quality_cases_pass_on_the_shipped_handbook() {
    let (_out, site) = built(repo());
    let cases: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/search/cases.json")).unwrap(),
    )
    .unwrap();
    assert!(cases.len() >= 40, "at least 40 cases");
    for lang in ["nl", "de"] {
        assert!(
            cases.iter().filter(|c| c["lang"] == lang).count() >= 20,
            "{lang}"
        );
    }
    let (ok, text) = node("tests/search/quality.mjs", &[site.to_str().unwrap()]);
    assert!(ok, "{text}");
    assert!(
        text.trim_end()
            .ends_with(&format!("{} passed, 0 failed", cases.len())),
        "{text}"
    );
}

#[test]
#[ignore = "needs Node.js: scripts/test runs the search suite on its own"]
fn a_large_handbook_gets_postings_in_shards_that_cover_every_term() {
    let f = Fixture::new("web");
    // 400 pages of distinct words: more postings than one shard holds.
    for i in 0..400 {
        let words: Vec<String> = (0..60).map(|w| format!("woord{i}n{w}")).collect();
        // Scores that spread and tie in groups, so that the 200 hits kept
        // of `overleg beleid visie` cut through a group: every page has
        // `overleg` (1 to 7 times; in the title of every 4th), every 2nd
        // `beleid`, every 5th `visie`.
        let overleg = vec!["overleg"; 1 + i % 7].join(" ");
        let beleid = if i % 2 == 0 { "beleid" } else { "" };
        let visie = if i % 5 == 0 { "visie" } else { "" };
        let title = if i % 4 == 0 { "Overleg" } else { "Pagina" };
        f.write(
            &format!("content/modules/gen{i}.nl.md"),
            format!("+++\ntitle = \"{title} {i}\"\n+++\n\n{} over {overleg} {beleid}.\n\n## Deel {i}\n\nMeer tekst {visie} {i}.\n", words.join(" ")),
        );
    }
    f.build();
    let nl = index(&f, "nl");
    let shards = nl["shards"].as_array().unwrap();
    assert!(shards.len() > 1, "{} shard(s)", shards.len());
    // 24,000 distinct words: the dictionary comes in blocks, not inline.
    assert!(nl.get("words").is_none());
    assert!(f.out().join("search/words-nl-10.js").exists());
    assert!(nl.get("postings").is_none());
    let mut covered = 0;
    for (k, start) in shards.iter().enumerate() {
        let js = f.page(&format!("search/post-nl-{k}.js"));
        let list = js
            .strip_prefix(&format!("BrugSearch.postings(\"nl\",{k},"))
            .and_then(|s| s.trim_end().strip_suffix(");"))
            .expect("shard shape");
        let list: Vec<Value> = serde_json::from_str(list).unwrap();
        assert_eq!(*start, covered, "shard {k} starts where the last ended");
        covered += list.len();
    }
    assert_eq!(covered, nl["terms"].as_array().unwrap().len());
    // And queries find words from any shard.
    for (query, page) in [
        ("woord1n5", "gen1/"),
        ("woord399n59", "gen399/"),
        ("Deel 250", "gen250/"),
    ] {
        let found = hits(&f.out(), "nl", "nl", query);
        assert!(
            found.first().is_some_and(|h| h.0.contains(page)),
            "{query}: {found:?}"
        );
    } // 400 pages hit, 200 kept: the same as the first 200 of a full sort.
    let (ok, out) = node(
        "tests/search/limit.mjs",
        &[
            f.out().to_str().unwrap(),
            "nl",
            "overleg beleid visie",
            "overleg",
            "beleid visie",
        ],
    );
    assert!(ok, "{out}");
}

#[test]
fn the_transfer_box_and_the_taxonomy_terms_are_indexed() {
    let f = Fixture::new("web");
    f.build();
    // "Enschede" is only in Lotsen's [transfer] table, never in a text
    // (`ensched` is its stem).
    for lang in ["nl", "de"] {
        let terms = index(&f, lang)["terms"].clone();
        let terms: Vec<&str> = terms
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(terms.contains(&"ensched"), "{lang}: {terms:?}");
    }
}

#[test]
#[ignore = "needs Node.js: scripts/test runs the search suite on its own"]
fn a_practice_is_found_by_its_cities_status_conditions_and_terms() {
    let f = Fixture::new("web");
    f.build();
    let lotsen = "nl/practices/lotsen/";
    // Only its transfer box names Enschede (and its status there).
    for query in ["Enschede", "Enschede gepland"] {
        let found = hits(&f.out(), "nl", "nl", query);
        assert_eq!(
            found.first().map(|h| h.0.as_str()),
            Some(lotsen),
            "{query}: {found:?}"
        );
    }
    // The conditions (Lotsen's and Wonen's read "Voorwaarden."), the
    // cities, a taxonomy term's label.
    for (query, page) in [
        ("Voorwaarden", lotsen),
        ("Voorwaarden", "nl/practices/wonen/"),
        ("Münster Almelo", lotsen),
        ("Onderwijs", lotsen),
    ] {
        let found = hits(&f.out(), "nl", "nl", query);
        assert!(found.iter().any(|h| h.0 == page), "{query}: {found:?}");
    }
}

/// The hits (URLs), the words taken as typing errors and the "did you
/// mean" suggestion of `query`.
fn suggestion(site: &Path, langs: &str, query: &str) -> (Vec<String>, Vec<String>, String) {
    let reader = langs.split(',').next().unwrap();
    let (ok, out) = node(
        "tests/search/suggest.mjs",
        &[site.to_str().unwrap(), langs, reader, query],
    );
    assert!(ok, "{out}");
    let v: Value = serde_json::from_str(out.trim()).expect(&out);
    let strings = |key: &str| -> Vec<String> {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    (
        strings("hits"),
        strings("typos"),
        v["suggestion"].as_str().unwrap().to_string(),
    )
}

#[test]
#[ignore = "needs Node.js: scripts/test runs the search suite on its own"]
fn a_title_weighs_a_lot_but_does_not_bury_a_page_that_matches_every_word() {
    let f = Fixture::new("web");
    // The page about the city-wide vote says so again and again, never in
    // its title; five pages have Wahlen (whose stem is Wahl's) in their
    // title and name the city-wide scope once. The old ranking put every
    // title match first: the right page came sixth.
    f.write(
        "content/modules/abstimmung.de.md",
        "+++\ntitle = \"Ablauf der Abstimmung\"\n+++\n\nDie stadtweite Wahl des Beirats folgt auf die Gespräche. Für die stadtweite Wahl gilt: \
         jede Stimme zählt gleich. Die stadtweite Wahl wird angekündigt, und die stadtweite Wahl endet mit der Auszählung.\n",
    );
    for (slug, title) in [
        ("wahlen-quartier", "Wahlen im Quartier"),
        ("wahlen-vereine", "Wahlen und Vereine"),
        ("ueber-wahlen", "Über Wahlen"),
        ("wahlen-vorbereiten", "Wahlen vorbereiten"),
        ("wahllokal", "Wahlen im Wahllokal"),
    ] {
        f.write(
            &format!("content/modules/{slug}.de.md"),
            format!("+++\ntitle = \"{title}\"\n+++\n\nEin Text über Vereine, Nachbarschaft und Beteiligung, auch stadtweit. \
                     Mehr über Vereine und die Nachbarschaft im Quartier, über Treffen, Räume und die Menschen, die dort \
                     zusammenkommen. Wer mitmachen will, meldet sich bei den Vereinen.\n"),
        );
    }
    f.build();
    let found = hits(&f.out(), "de", "de", "stadtweite wahl");
    assert_eq!(
        found.first().map(|h| h.0.as_str()),
        Some("de/modules/abstimmung/"),
        "{found:?}"
    );
    // A title still weighs a lot: the page named so comes before a page
    // that only mentions the word.
    let found = hits(&f.out(), "de", "de", "Wahllokal");
    assert_eq!(
        found.first().map(|h| h.0.as_str()),
        Some("de/modules/wahllokal/"),
        "{found:?}"
    );
}

/// Exact words above stems above compound parts: of three pages that say
/// the same about a vote, once each, the one with the word as typed comes
/// first, then the one with another form of it, then the compound; either
/// form finds all three, the compound only its own page.
#[test]
#[ignore = "needs Node.js: scripts/test runs the search suite on its own"]
fn a_word_as_typed_ranks_above_its_other_forms_and_compounds() {
    let f = Fixture::new("web");
    for (slug, word) in [
        ("a-form", "Wahlen"),
        ("b-form", "Wahl"),
        ("c-form", "Bürgerwahl"),
    ] {
        f.write(
            &format!("content/modules/{slug}.de.md"),
            format!("+++\ntitle = \"Seite {slug}\"\n+++\n\nDie {word} im Quartier folgt auf die Gespräche der Bürger mit den Vereinen.\n"),
        );
    }
    f.build();
    let pages = |query: &str| -> Vec<String> {
        hits(&f.out(), "de", "de", query)
            .into_iter()
            .map(|h| h.0)
            .filter(|h| h.contains("-form/"))
            .collect()
    };
    for (query, first) in [("Wahlen", "a-form"), ("wahl", "b-form")] {
        let found = pages(query);
        assert_eq!(found.len(), 3, "{query}: {found:?}");
        assert!(found[0].contains(first), "{query}: {found:?}");
    }
    // A compound the handbook has finds the pages that have it, not those
    // with its parts apart.
    assert_eq!(pages("Bürgerwahl"), ["de/modules/c-form/"]);
    // The compound only is last for either form of its part.
    for query in ["Wahlen", "Wahl"] {
        assert!(pages(query)[2].contains("c-form"), "{query}");
    }
}

#[test]
#[ignore = "needs Node.js: scripts/test runs the search suite on its own"]
fn a_word_one_or_two_typing_errors_away_is_found_and_corrected() {
    let f = Fixture::new("web");
    f.write(
        "content/modules/typen.nl.md",
        "+++\ntitle = \"Samenwerking\"\n+++\n\nDe samenwerking tussen gemeenten en verenigingen in 2009 begint met \
         een kennismaking. Het draaiboek beschrijft de overdraagbaarheid van elke stap.\n",
    );
    f.build();
    let out = f.out();
    // One error (a swap, a missing, a wrong letter) in a word of 5+ letters.
    for (query, meant) in [
        ("samenwekring", "samenwerking"),
        ("zamenwerking", "samenwerking"),
        ("asmenwerking", "samenwerking"),
        ("kenismaking", "kennismaking"),
        ("draaiboak", "draaiboek"),
        ("overdraagbarheid", "overdraagbaarheid"),
    ] {
        let (found, typos, suggested) = suggestion(&out, "nl", query);
        assert!(
            found.iter().any(|h| h == "nl/modules/typen/"),
            "{query}: {found:?}"
        );
        assert_eq!(typos, [query], "{query}");
        assert_eq!(suggested, meant, "{query}");
    }
    // Two errors only from 9 letters on.
    let (found, _, suggested) = suggestion(&out, "nl", "overdragbarhied");
    assert!(found.iter().any(|h| h == "nl/modules/typen/"), "{found:?}");
    assert_eq!(suggested, "overdraagbaarheid");
    for query in [
        "draiboak", // two errors in 8 letters
        "stip",     // a short word (stap is one letter away)
        "2008",     // numbers are not corrected (2009 is in the text)
    ] {
        let (found, typos, suggested) = suggestion(&out, "nl", query);
        assert!(
            !found.iter().any(|h| h == "nl/modules/typen/"),
            "{query}: {found:?}"
        );
        assert!(
            typos.is_empty() && suggested.is_empty(),
            "{query}: {typos:?} {suggested}"
        );
    }
    // A word the handbook has is never taken for an error, and the exact
    // word of a two-word query keeps its page first.
    let (found, typos, suggested) = suggestion(&out, "nl", "samenwerking draaiboak");
    assert!(
        typos == ["draaiboak"] && suggested == "samenwerking draaiboek",
        "{typos:?} {suggested}"
    );
    assert_eq!(found.first().map(String::as_str), Some("nl/modules/typen/"));
    let (_, typos, suggested) = suggestion(&out, "nl", "samenwerking");
    assert!(typos.is_empty() && suggested.is_empty());
    // A word found as written in the other language is no error there.
    let (_, typos, _) = suggestion(&out, "nl,de", "Lotsen");
    assert!(typos.is_empty(), "{typos:?}");
    // A compound the text lacks, whose other part is no word of the text
    // either, finds the known word it starts or ends with, as no typo.
    for query in ["draaiboekonderdelen", "stadssamenwerking"] {
        let (found, typos, suggested) = suggestion(&out, "nl", query);
        assert_eq!(
            found.first().map(String::as_str),
            Some("nl/modules/typen/"),
            "{query}"
        );
        assert!(
            typos.is_empty() && suggested.is_empty(),
            "{query}: {typos:?}"
        );
    }
}

/// `scripts/bench-search` measures ranking on `bench/search-quality`, a
/// third-party corpus: it must build, and every query must name a page of
/// its language, or the benchmark's recall would count a typo as a miss.
#[test]
fn the_benchmark_corpus_builds_and_each_query_names_one_of_its_pages() {
    let corpus = repo().join("bench/search-quality");
    let (_out, site) = built(&corpus);
    let queries: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(corpus.join("queries.json")).unwrap())
            .unwrap();
    for lang in ["nl", "de"] {
        let n = queries.iter().filter(|q| q["lang"] == lang).count();
        assert!(n >= 30, "{lang}: {n} queries");
    }
    for q in &queries {
        let (lang, page) = (q["lang"].as_str().unwrap(), q["page"].as_str().unwrap());
        assert!(!q["q"].as_str().unwrap().trim().is_empty(), "{q}");
        let file = site.join(lang).join(page).join("index.html");
        assert!(file.is_file(), "{q}: no page {}", file.display());
    }
}

/// A handbook whose pages hold only stopwords has an empty dictionary: a
/// query, typed or sent, finds nothing and does not fail.
#[test]
#[ignore = "needs Node.js: scripts/test runs the search suite on its own"]
fn an_empty_dictionary_answers_with_no_hits() {
    let f = Fixture::new("basic");
    f.write(
        "handbook.toml",
        "languages = [\"nl\"]\ndefault_language = \"nl\"\nsource_language = \"nl\"\n\n[title]\nnl = \"De\"\n",
    );
    let _ = std::fs::remove_dir_all(f.root().join("content"));
    f.write(
        "content/_index.nl.md",
        "+++\ntitle = \"De\"\n+++\n\nEn het de.\n",
    );
    f.build();
    let nl = index(&f, "nl");
    assert_eq!(nl["term_count"].as_u64(), Some(0), "{nl}");
    for typing in ["", "typing"] {
        let (ok, out) = node(
            "tests/search/query.mjs",
            &[
                f.out().to_str().unwrap(),
                "nl",
                "nl",
                "samenwerking",
                typing,
            ],
        );
        assert!(ok && out.trim() == "[]", "{typing}: {out}");
    }
}
