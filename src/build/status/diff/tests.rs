use super::*;

fn ops(c: &Change) -> Vec<(Op, &str)> {
    c.parts.iter().map(|p| (p.op, p.text.as_str())).collect()
}

#[test]
fn a_changed_sentence_is_shown_inside_its_paragraph() {
    let old = "Eerste alinea.\n\nDe stad kiest. Daarna volgt overleg.\n\nLaatste.";
    let new = "Eerste alinea.\n\nDe stad kiest. Daarna volgt een\nronde overleg.\n\nLaatste.";
    let changes = diff(("T", old), ("T", new));
    assert_eq!(changes.len(), 1, "{changes:?}");
    let c = &changes[0];
    assert_eq!((c.kind, c.old, c.new), (Kind::Changed, Some(2), Some(2)));
    assert_eq!(c.after.as_deref(), Some("Eerste alinea."));
    assert_eq!(
        ops(c),
        [
            (Op::Same, "De stad kiest."),
            (Op::Removed, "Daarna volgt overleg."),
            (Op::Added, "Daarna volgt een ronde overleg."),
        ]
    );
}

#[test]
fn added_and_removed_paragraphs_leave_the_others_out() {
    let old = "Een.\n\nTwee blijft staan.\n\nDrie gaat weg.\n\nVier.";
    let new = "Een.\n\nNieuw ertussen.\n\nTwee blijft staan.\n\nVier.";
    let changes = diff(("T", old), ("T", new));
    let kinds: Vec<_> = changes.iter().map(|c| (c.kind, c.old, c.new)).collect();
    assert_eq!(
        kinds,
        [(Kind::Added, None, Some(2)), (Kind::Removed, Some(3), None),]
    );
    assert_eq!(ops(&changes[0]), [(Op::Added, "Nieuw ertussen.")]);
    assert_eq!(
        changes[0].after.as_deref(),
        Some("Een."),
        "an addition names its place too"
    );
    assert_eq!(changes[1].after.as_deref(), Some("Twee blijft staan."));
    assert!(!changes
        .iter()
        .flat_map(|c| &c.parts)
        .any(|p| p.text == "Vier."));
}

#[test]
fn an_unrelated_paragraph_in_the_same_place_is_a_removal_and_an_addition() {
    let changes = diff(
        ("T", "Een.\n\nOver de raad en de wijken.\n"),
        ("T", "Een.\n\nGeheel andere tekst hier zonder overlap!\n"),
    );
    let kinds: Vec<_> = changes.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [Kind::Removed, Kind::Added]);
}

#[test]
fn the_title_counts_and_rewrapping_does_not() {
    let changes = diff(
        ("Oud", "Een lange zin die\nover twee regels loopt."),
        ("Nieuw", "Een lange zin die over\ntwee regels loopt.  "),
    );
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].kind, Kind::Title);
    assert_eq!(
        ops(&changes[0]),
        [(Op::Removed, "Oud"), (Op::Added, "Nieuw")]
    );
}

#[test]
fn list_items_are_units_of_their_own() {
    let old = "- eerste punt\n- tweede punt";
    let new = "- eerste punt\n- tweede punt, aangepast\n- derde punt";
    let changes = diff(("T", old), ("T", new));
    assert_eq!(
        ops(&changes[0]),
        [
            (Op::Same, "- eerste punt"),
            (Op::Removed, "- tweede punt"),
            (Op::Added, "- tweede punt, aangepast"),
            (Op::Added, "- derde punt"),
        ]
    );
}

#[test]
fn sentences_split_after_punctuation_and_a_blank() {
    assert_eq!(
        sentences("Zie hoofdstuk 3. Wat nu? Zo: klaar!\nEinde 3.5 keer"),
        [
            "Zie hoofdstuk 3.",
            "Wat nu?",
            "Zo: klaar!",
            "Einde 3.5 keer"
        ]
    );
}

#[test]
fn a_change_is_placed_in_its_section() {
    let old =
        "Inleiding.\n\n## Randvoorwaarden {#rand}\n\nTijd.\n\nGeld is nodig.\n\n## Slot\n\nEinde.";
    let new = "Inleiding.\n\n## Randvoorwaarden {#rand}\n\nTijd.\n\nGeld is altijd nodig.\n\n## Slot\n\nNieuw slot.";
    let changes = diff(("T", old), ("T", new));
    let places: Vec<_> = changes
        .iter()
        .map(|c| (c.section.as_deref(), c.paragraph, c.after.as_deref()))
        .collect();
    assert_eq!(
        places,
        [
            (Some("Randvoorwaarden"), 2, Some("Tijd.")),
            // Right after its heading: the heading names the place.
            (Some("Slot"), 1, None),
            (Some("Slot"), 1, None),
        ]
    );
    let before_any = diff(("T", "Een.\n\nTwee."), ("T", "Een.\n\nDrie."));
    assert_eq!(
        (before_any[0].section.as_deref(), before_any[0].paragraph),
        (None, 2)
    );
}

#[test]
fn headings_are_read_as_markdown_writes_them() {
    assert_eq!(heading("## Titel {#id}").as_deref(), Some("Titel"));
    assert_eq!(heading("# Titel").as_deref(), Some("Titel"));
    assert_eq!(heading("#hashtag"), None);
    assert_eq!(heading("####### zeven"), None);
    assert_eq!(heading("## Eerste\nregel twee"), None);
}
