//! The whole pipeline, step by step, in both languages.

use super::*;

fn de() -> Analyzer {
    Analyzer::new("de").unwrap()
}

fn nl() -> Analyzer {
    Analyzer::new("nl").unwrap()
}

fn terms(a: &Analyzer, text: &str) -> Vec<String> {
    a.terms(text, &Vocab::default())
}

/// The terms of a single word that is no compound.
fn term(a: &Analyzer, word: &str) -> String {
    let got = terms(a, word);
    assert_eq!(got.len(), 1, "{word}: {got:?}");
    got[0].clone()
}

#[test]
fn only_dutch_and_german_are_known() {
    assert_eq!(de().lang(), "de");
    assert_eq!(nl().lang(), "nl");
    assert!(Analyzer::new("en").is_none());
    assert!(Analyzer::new("").is_none());
}

#[test]
fn muenster_is_found_however_it_is_written() {
    let de = de();
    let want = term(&de, "Münster");
    for w in [
        "Munster",
        "Muenster",
        "MÜNSTER",
        "münster",
        "Mu\u{308}nster",
    ] {
        assert_eq!(term(&de, w), want, "{w}");
    }
    let nl = nl();
    assert_eq!(term(&nl, "Münster"), term(&nl, "munster"));
    assert_eq!(term(&nl, "Münster"), term(&nl, "Muenster"));
    // `oe` is a Dutch letter pair, not an umlaut.
    assert_ne!(term(&nl, "boek"), term(&nl, "bok"));
}

#[test]
fn strasse_finds_strasse_with_sharp_s() {
    assert_eq!(term(&de(), "Straße"), term(&de(), "strasse"));
    assert_eq!(term(&de(), "Straßen"), term(&de(), "Strassen"));
}

#[test]
fn dutch_ij_ligature_and_accents_fold() {
    let nl = nl();
    assert_eq!(term(&nl, "\u{133}s"), term(&nl, "ijs"));
    assert_eq!(term(&nl, "\u{132}SSEL"), term(&nl, "IJssel"));
    assert_eq!(term(&nl, "café"), term(&nl, "cafe"));
    assert_eq!(term(&nl, "coördinatie"), term(&nl, "coordinatie"));
    assert_eq!(term(&nl, "ideeën"), term(&nl, "ideeen"));
    assert_eq!(term(&de(), "Café"), term(&de(), "Cafe"));
}

#[test]
fn dutch_oe_is_no_umlaut() {
    let nl = nl();
    assert_eq!(term(&nl, "boeken"), "boek");
    assert_eq!(term(&nl, "goede"), "goed");
}

#[test]
fn stopwords_give_no_terms() {
    assert!(terms(&de(), "der die das und mit für über").is_empty());
    assert!(terms(&de(), "Für ÜBER ueber daß dass").is_empty());
    assert!(terms(&nl(), "de het een van en").is_empty());
    assert_eq!(terms(&nl(), "de gemeente"), [term(&nl(), "gemeente")]);
    assert_eq!(terms(&de(), "der Weg"), ["weg"]);
}

#[test]
fn inflected_forms_reach_one_stem() {
    let de = de();
    for (a, b) in [
        ("Konzepte", "Konzept"),
        ("Konzepten", "Konzept"),
        ("Städte", "Stadt"),
        ("Beratungen", "Beratung"),
    ] {
        assert_eq!(term(&de, a), term(&de, b), "{a} / {b}");
    }
    let nl = nl();
    for (a, b) in [
        ("gemeenten", "gemeente"),
        ("projecten", "project"),
        ("partners", "partner"),
        ("methoden", "methode"),
    ] {
        assert_eq!(term(&nl, a), term(&nl, b), "{a} / {b}");
    }
}

#[test]
fn german_compound_yields_its_parts() {
    let de = de();
    let vocab = de.vocab(["Die Integration braucht ein Konzept."]);
    let got = de.terms("Integrationskonzept", &vocab);
    assert_eq!(got[0], "integrationskonzept");
    assert!(got.contains(&term(&de, "Konzept")), "{got:?}");
    assert!(got.contains(&term(&de, "Integration")), "{got:?}");
    let got = de.terms("Integrationskonzepte", &vocab);
    assert!(got.contains(&term(&de, "Konzept")), "{got:?}");
}

#[test]
fn dutch_compound_yields_its_parts() {
    let nl = nl();
    let vocab = nl.vocab(["Integratie vraagt een visie."]);
    let got = nl.terms("integratievisie", &vocab);
    assert_eq!(got, ["integratievisie", "integratie", "visie"]);
    assert_eq!(got[2], term(&nl, "visie"));
}

#[test]
fn compound_parts_split_once_more() {
    let de = de();
    let vocab = de.vocab(["Stadt Teil Stadtteil Arbeit"]);
    let got = de.terms("Stadtteilarbeit", &vocab);
    assert_eq!(
        got,
        ["stadtteilarbeit", "stadtteil", "stadt", "teil", "arbeit"]
    );
}

#[test]
fn without_vocabulary_a_compound_is_one_term() {
    assert_eq!(terms(&de(), "Integrationskonzept"), ["integrationskonzept"]);
}

#[test]
fn vocab_keeps_content_words_only() {
    let de = de();
    let vocab = de.vocab(["Der Rat, die Stadt: 2008 ab Projekt2 Münster", "Rat"]);
    let words: Vec<&str> = vocab.iter().collect();
    assert_eq!(words, ["munster", "rat", "stadt"]);
    assert!(vocab.contains("rat") && !vocab.contains("der"));
    assert_eq!(vocab.len(), 3);
    let json = serde_json::to_string(&vocab).unwrap();
    assert_eq!(json, r#"["munster","rat","stadt"]"#);
    assert_eq!(serde_json::from_str::<Vocab>(&json).unwrap(), vocab);
}

#[test]
fn hyphen_groups_give_parts_then_the_joined_word() {
    let de = de();
    let got = terms(&de, "Integrations-Konzept");
    assert_eq!(got, ["integration", "konzept", "integrationskonzept"]);
    assert_eq!(terms(&de, "E-Mail"), ["e", "mail", "email"]);
    assert_eq!(
        terms(&de, "Vor-Ort-Beratung"),
        ["ort", "berat", "vorortberat"]
    );
    assert_eq!(terms(&de, "2008-2011"), ["2008", "2011"]);
    assert_eq!(
        terms(&nl(), "Stadt-Münster"),
        ["stadt", "munster", "stadtmunster"]
    );
}

#[test]
fn digits_and_other_scripts_are_kept_unstemmed() {
    let de = de();
    assert_eq!(terms(&de, "2008 Covid19"), ["2008", "covid19"]);
    assert_eq!(terms(&de, "ΟΔΟΣ Москва 東京"), ["οδος", "москва", "東京"]);
    assert_eq!(
        terms(&nl(), "Straßburg/Страсбург"),
        ["strassburg", "страсбург"]
    );
    assert_eq!(de.stem("москва"), "москва");
}

#[test]
fn odd_input_gives_no_terms_and_no_panic() {
    let de = de();
    for text in [
        "",
        " ",
        "?!…—",
        "🙂🙂",
        "\u{301}\u{301}",
        "\u{ad}",
        "- -",
        "\u{0}",
    ] {
        assert!(terms(&de, text).is_empty(), "{text:?}");
        assert!(terms(&nl(), text).is_empty(), "{text:?}");
    }
    assert_eq!(terms(&de, "Haus🙂Tür"), ["haus", "tur"]);
}

#[test]
fn overlong_words_are_dropped_and_stay_cheap() {
    let de = de();
    let long = "a".repeat(100_000);
    let vocab = de.vocab([long.as_str(), "aaa"]);
    assert!(de.terms(&long, &vocab).is_empty());
    assert!(de.terms(&"Ü".repeat(65), &vocab).is_empty());
    assert_eq!(terms(&de, &"x".repeat(64)).len(), 1);
    let many = "Integrationskonzept ".repeat(2_000);
    assert_eq!(de.terms(&many, &vocab).len(), 2_000);
}

#[test]
fn tokens_carry_byte_ranges_and_folded_words() {
    let text = "Die Straße—Münster";
    let tokens = de().tokens(text);
    let got: Vec<(&str, &str)> = tokens
        .iter()
        .map(|t| (&text[t.range.clone()], t.folded.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Die", "die"),
            ("Straße", "strasse"),
            ("Münster", "munster")
        ]
    );
}

#[test]
fn a_hyphen_group_of_thousands_of_words_stays_linear() {
    // Found while fuzzing: each term was looked up in the group's list of
    // terms, so 20,000 words joined by hyphens took a minute.
    let word = |i: usize| {
        let l = |k: usize| char::from(b'a' + (i / k % 26) as u8);
        format!("woord{}{}{}", l(1), l(26), l(676))
    };
    let text = (0..20_000).map(word).collect::<Vec<_>>().join("-");
    let got = terms(&nl(), &text);
    let distinct: HashSet<&String> = got.iter().collect();
    assert_eq!(distinct.len(), got.len(), "each term once per group");
    assert_eq!(got[..2], [term(&nl(), "woordaaa"), term(&nl(), "woordbaa")]);
}
