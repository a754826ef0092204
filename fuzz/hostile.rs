//! Hand-made hostile inputs per fuzz target: deep nesting, very long runs
//! of one character, thousands of links, keys or headings, the shapes that
//! make parsers recurse or go quadratic. `tests/fuzz_regressions.rs` runs
//! them on every `cargo test`; `scripts/fuzz --seed` writes them into the
//! fuzzing corpus (`fuzz/corpus/TARGET/hostile-NAME`), where libFuzzer
//! mutates them further. Made here rather than committed: together they
//! are megabytes.

/// Front matter for a page whose body is the hostile part.
const FRONT: &str = "+++\ntitle = \"Vijandig\"\n+++\n";

/// The hostile inputs of `target`, by name.
pub fn inputs(target: &str) -> Vec<(&'static str, String)> {
    match target {
        "markdown" => markdown(),
        "frontmatter" => frontmatter(),
        "config" => config(),
        "search_analyzer" => search_analyzer(),
        _ => Vec::new(),
    }
}

fn page(body: String) -> String {
    format!("{FRONT}{body}")
}

fn each(n: usize, f: impl Fn(usize) -> String) -> String {
    (0..n).map(f).collect()
}

fn markdown() -> Vec<(&'static str, String)> {
    vec![
        ("quote-5000.md", page("> ".repeat(5000) + "diep\n")),
        ("list-5000.md", page("- ".repeat(5000) + "diep\n")),
        ("stars-100000.md", page("*".repeat(100_000))),
        ("brackets-50000.md", page("[".repeat(50_000))),
        ("underscores-50000.md", page("_a ".repeat(50_000))),
        (
            "raw-html-script.md",
            page(
                "Tekst <script>alert(1)</script> en\n\n<div onclick=\"x()\"><script>document.write(\"<p>\")</script>\n<style>p{}</style></div>\n\n<!-- open\n\n[a](javascript:alert(1)) ![b](x.png \"t\\\"\") <a href=\"../methods/consensus.md\">c</a>\n"
                    .into(),
            ),
        ),
        ("same-heading-20000.md", page("## Aanpak\n".repeat(20_000))),
        ("empty-heading-50000.md", page("#\n".repeat(50_000))),
        ("duplicate-ids-10000.md", page("## Kop {#x}\n".repeat(10_000))),
        (
            "broken-links-10000.md",
            page(each(10_000, |i| format!("[x](../nergens{i}.md#a)\n"))),
        ),
        (
            "one-line-links-10000.md",
            page(each(10_000, |i| format!("[x](../n{i}.md) "))),
        ),
        (
            "broken-anchors-3000.md",
            page(
                each(3000, |i| format!("## Kop {i}\n"))
                    + &each(3000, |i| format!("[x](#kap-{i}) [y](../methods/consensus.md#k{i}) ")),
            ),
        ),
        (
            "anchored-links-3000.md",
            page("[a](../methods/consensus.md#nope) [b](#nope) [c](plan%20.pdf)\n".repeat(3000)),
        ),
        (
            "footnotes-5000.md",
            page(
                each(5000, |i| format!("Tekst[^{i}] "))
                    + "\n\n"
                    + &each(5000, |i| format!("[^{i}]: [^{}] noot\n", i + 1)),
            ),
        ),
        (
            "table-2000-columns.md",
            page(format!(
                "|{}\n|{}\n{}",
                "a|".repeat(2000),
                "-|".repeat(2000),
                format!("|{}\n", "b|".repeat(2000)).repeat(20)
            )),
        ),
        (
            "inline-mix.md",
            page(
                "*a _b ".repeat(10_000)
                    + "\n"
                    + &"**".repeat(10_000)
                    + "\n"
                    + &"`".repeat(5000)
                    + "\n"
                    + &"~~".repeat(10_000),
            ),
        ),
        (
            "code-fences.md",
            page(format!(
                "```rust\n{}\n```\n```{}\n```\n~~~json\n{}\n",
                "fn f() { \"".repeat(2000),
                "x".repeat(10_000),
                "{\"a\":".repeat(5000)
            )),
        ),
        ("html-divs-5000.md", page("<div>".repeat(5000) + "\n")),
    ]
}

fn frontmatter() -> Vec<(&'static str, String)> {
    let front = |body: String| format!("+++\ntitle = \"x\"\n{body}+++\n");
    vec![
        (
            "arrays-5000.md",
            front(format!("related = {}{}\n", "[".repeat(5000), "]".repeat(5000))),
        ),
        (
            "inline-tables-5000.md",
            front(format!("t = {}1{}\n", "{a=".repeat(5000), "}".repeat(5000))),
        ),
        (
            "unknown-keys-10000.md",
            front(each(10_000, |i| format!("titel{i} = {i}\n"))),
        ),
        ("dotted-keys-5000.md", front("a.".repeat(5000) + "b = 1\n")),
        (
            "tables-5000.md",
            front(each(5000, |i| format!("[transfer{i}]\n"))),
        ),
        (
            "transfer-5000-cities.md",
            front(format!(
                "[transfer]\nfrom = \"almelo\"\nto = [{}, \"almelo\"]\nstatus = {{{}}}\n[taxonomies]\ncities = [{}]\n",
                each(5000, |i| format!("\"c{i}\",")).trim_end_matches(','),
                each(5000, |i| format!("d{i} = \"planned\",")).trim_end_matches(','),
                each(3000, |i| format!("\"t{i}\",")).trim_end_matches(','),
            )),
        ),
        (
            "bom-crlf.md",
            "\u{feff}+++\r\ntitle = \"x\"\r\nslug = \"Ä b\"\r\nsource_language = \"fr\"\r\nupdated = \"2026-13-40\"\r\n+++\r\ntext\r\n".into(),
        ),
        (
            "translation-key-clash.md",
            front("translation_key = \"methods/consensus\"\nslug = \"consensus\"\nweight = -9223372036854775808\n".into()),
        ),
        ("never-closed.md", "+++\n".to_string() + &"x = 1\n".repeat(16_000)),
        (
            "long-title.md",
            format!("+++\ntitle = \"{}\"\n+++\n", "ü".repeat(50_000)),
        ),
        (
            "plus-in-string.md",
            "+++\ntitle = \"\"\"\n+++ \n\"\"\"\n+++\nbody\n".into(),
        ),
    ]
}

fn config() -> Vec<(&'static str, String)> {
    vec![
        (
            "arrays-5000.toml",
            format!("languages = {}{}\n", "[".repeat(5000), "]".repeat(5000)),
        ),
        (
            "inline-tables-5000.toml",
            format!("title = {}1{}\n", "{a=".repeat(5000), "}".repeat(5000)),
        ),
        (
            "unknown-keys-10000.toml",
            each(10_000, |i| format!("languagez{i} = {i}\n")),
        ),
        (
            "cities-5000.toml",
            "languages = [\"nl\", \"de\"]\n".to_string()
                + &each(5000, |i| format!("[cities.c{i}]\nnl = \"C\"\n")),
        ),
        (
            "languages-1000.toml",
            format!(
                "languages = [{}\"nl\", \"de\"]\n",
                each(1000, |i| format!("\"l{i}\", "))
            ),
        ),
        (
            "languages-odd.toml",
            "languages = [\"nl\", \"nl\", \"\", \"../x\", \"de\"]\ndefault_language = \"\"\nsource_language = \"de\"\nglossary = \"../../x.md\"\nmissing_translation = \"omit\"\n[taxonomies.policy_fields.\"a b\"]\nnl = \"\"\n".into(),
        ),
        ("languages-empty.toml", "languages = []\n".into()),
    ]
}

fn search_analyzer() -> Vec<(&'static str, String)> {
    let word = |i: usize| {
        let l = |k: usize| char::from(b'a' + (i / k % 26) as u8);
        format!("woord{}{}{}", l(1), l(26), l(676))
    };
    vec![
        (
            "hyphen-group-20000.txt",
            (0..20_000).map(word).collect::<Vec<_>>().join("-"),
        ),
        ("letters-100000.txt", "a".repeat(100_000)),
        (
            "compound-worst.txt",
            (3..=40)
                .map(|n| "a".repeat(n))
                .chain(std::iter::repeat_n("a".repeat(40), 10))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        (
            "combining-marks.txt",
            "u".to_string() + &"\u{308}".repeat(50_000) + &" \u{ad}".repeat(1000),
        ),
        (
            "digraphs.txt",
            "ue".repeat(30_000) + " Quelle Münster Muenster Straße ĳs IJssel",
        ),
        (
            "scripts-mixed.txt",
            "Ünïcödé ﬁ ẞ İstanbul ΣΑΣ 東京 १२३ ".repeat(2000),
        ),
    ]
}
