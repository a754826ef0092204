//! Markdown as a string in and HTML out, with a table for a link resolver:
//! no handbook, no files.

use super::*;
use crate::analyze::links::{LinkError, Target};
use crate::source::config::RawHtml;
use crate::source::frontmatter::{FrontMatter, Kind};
use std::path::PathBuf;

/// Answers link lookups from a fixed table.
pub(super) struct Table {
    targets: Vec<(&'static str, Target)>,
    /// Pairs with a page of their own in Dutch (language 0).
    dutch: Vec<PairId>,
}

impl Resolve for Table {
    fn resolve(&self, _from: &Page, dest: &str) -> Result<Target, LinkError> {
        if let Some(anchor) = dest.strip_prefix('#') {
            return Ok(Target::SamePage {
                anchor: anchor.into(),
            });
        }
        if crate::analyze::safety::url_scheme(dest).is_some() {
            return Ok(Target::External);
        }
        let (path, anchor) = dest.split_once('#').unwrap_or((dest, ""));
        let found = self.targets.iter().find(|(d, _)| *d == path);
        match found.map(|(_, t)| t.clone()) {
            Some(Target::Page {
                pair, lang, url, ..
            }) => Ok(Target::Page {
                pair,
                lang,
                url,
                anchor: (!anchor.is_empty()).then(|| anchor.to_string()),
            }),
            Some(t) => Ok(t),
            None => Err(LinkError {
                message: format!("`{dest}` does not exist"),
                hint: "check the spelling".into(),
            }),
        }
    }

    fn pair_of(&self, _page: &Page) -> Option<PairId> {
        Some(3)
    }

    fn exists(&self, pair: PairId, lang: Lang) -> bool {
        lang == 0 && self.dutch.contains(&pair)
    }

    fn lang_code(&self, lang: Lang) -> &str {
        ["nl", "de"][lang]
    }
}

pub(super) fn table() -> Table {
    let page = |pair, url: &str| Target::Page {
        pair,
        lang: 0,
        url: url.into(),
        anchor: None,
    };
    Table {
        targets: vec![
            ("../methods/consensus.md", page(5, "nl/methoden/consensus/")),
            ("../glossary.md", page(9, "nl/begrippen/")),
            ("../practices/lotsen.md", page(7, "nl/praktijken/lotsen/")),
            (
                "plan.pdf",
                Target::Static {
                    url: "nl/modules/mijn plan.pdf".into(),
                },
            ),
        ],
        dutch: vec![5, 9],
    }
}

/// A Dutch page at `content/modules/start.nl.md` with `body`.
pub(super) fn page(body: &str, lang: Lang) -> Page {
    let front = "+++\ntitle = \"Start\"\n+++\n";
    Page {
        file: PathBuf::from("content/modules/start.nl.md"),
        dir: "modules".into(),
        name: "start".into(),
        lang,
        front: FrontMatter::default(),
        text: format!("{front}{body}"),
        body_offset: front.len(),
        hash: String::new(),
        kind: Kind::Module,
    }
}

const URL: &str = "nl/modules/start/";

fn place<'a>(glossing: Glossing<'a>, print: Option<&'static str>) -> Place<'a> {
    Place {
        url: URL,
        style: LinkStyle::default(),
        glossing,
        print,
        safety: Safety {
            raw_html: RawHtml::Sanitize,
            hosts: &[],
        },
        column: None,
    }
}

fn html(body: &str) -> Rendered {
    let hl = Highlighter::default();
    render(&page(body, 0), &table(), &place(Glossing::Off, None), &hl)
}

#[test]
fn text_and_inline_markup() {
    assert_eq!(
        html("Hallo *wereld*.").html,
        "<p>Hallo <em>wereld</em>.</p>\n"
    );
    assert_eq!(
        html("\"Samen\" -- zo").html,
        "<p>“Samen” – zo</p>\n",
        "smart punctuation"
    );
    assert_eq!(
        html("- [ ] open\n- [x] klaar").html,
        "<ul>\n<li><span class=\"task-mark\">☐</span> open</li>\n<li><span class=\"task-mark\">☑</span> klaar</li>\n</ul>\n"
    );
}

#[test]
fn headings_get_readable_unique_ids_and_a_table_of_contents() {
    let r = html("## Aanpak\n\n## Aanpak\n\n### Coördinatie {#coord}\n\n#### Diep\n");
    assert_eq!(
        r.html,
        "<h2 id=\"aanpak\">Aanpak</h2>\n<h2 id=\"aanpak-2\">Aanpak</h2>\n<h3 id=\"coord\">Coördinatie</h3>\n<h4 id=\"diep\">Diep</h4>\n"
    );
    let toc: Vec<(u8, &str)> = r.toc.iter().map(|t| (t.level, t.id.as_str())).collect();
    assert_eq!(toc, [(2, "aanpak"), (2, "aanpak-2"), (3, "coord")]);
    let hl = Highlighter::default();
    let de = render(
        &page("## Übersicht", 1),
        &table(),
        &place(Glossing::Off, None),
        &hl,
    );
    assert_eq!(de.html, "<h2 id=\"uebersicht\">Übersicht</h2>\n");
}

#[test]
fn a_heading_id_used_twice_is_an_error_at_its_line() {
    let r = html("## Een {#x}\n\n## Twee {#x}\n");
    assert_eq!(r.diagnostics.len(), 1);
    let d = &r.diagnostics[0];
    assert_eq!((d.line, d.column), (6, 1));
    assert!(d.message.contains("`x` is used twice"), "{}", d.message);
}

#[test]
fn equal_headings_are_numbered_around_written_ids_in_linear_time() {
    let r = html("## A {#a-2}\n\n## A\n\n## A\n\n## A {#a-4}\n\n## A\n");
    let ids: Vec<&str> = r.toc.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["a-2", "a", "a-3", "a-4", "a-5"]);
    // Found while fuzzing: each heading tried every number from 2 again, so
    // 20,000 equal headings took minutes.
    let r = html(&"## Aanpak\n".repeat(20_000));
    assert_eq!(r.toc[19_999].id, "aanpak-20000");
}

#[test]
fn links_to_sources_become_relative_urls_and_are_recorded() {
    let body = "[C](../methods/consensus.md#werkwijze), [p](plan.pdf), [x](https://example.org), [t](#boven)";
    let r = html(body);
    assert_eq!(
        r.html,
        "<p><a href=\"../../methoden/consensus/#werkwijze\">C</a>, <a href=\"../mijn%20plan.pdf\">p</a>, <a href=\"https://example.org\">x</a>, <a href=\"#boven\">t</a></p>\n"
    );
    assert_eq!(r.links.len(), 1);
    let link = &r.links[0];
    assert_eq!((link.pair, link.anchor.as_deref()), (5, Some("werkwijze")));
    // Offsets count from the start of the file, front matter included.
    let at = page(body, 0).body_offset + body.find("[t]").unwrap();
    assert_eq!(r.local_anchors, [("boven".to_string(), at)]);
}

#[test]
fn web_links_and_images_are_kept_for_the_external_check() {
    let body = "[a](https://example.org/a#x) [m](mailto:info@example.org) [t](tel:+31546541111)\n\n![b](http://example.org/b.png) [c](HTTPS://example.org/c) [i](../methods/consensus.md) ![n](https://elders.example/n.png)";
    let hosts = ["example.org".to_string()];
    let place = Place {
        safety: Safety {
            raw_html: RawHtml::Sanitize,
            hosts: &hosts,
        },
        ..place(Glossing::Off, None)
    };
    let r = render(&page(body, 0), &table(), &place, &Highlighter::default());
    // An image from a host the handbook does not allow is refused (an
    // error already), not kept.
    assert_eq!(r.diagnostics.len(), 1, "{:?}", r.diagnostics);
    let start = page(body, 0).body_offset;
    let found: Vec<(&str, usize)> = r
        .external
        .iter()
        .map(|e| (e.url.as_str(), e.offset - start))
        .collect();
    assert_eq!(
        found,
        [
            ("https://example.org/a#x", 0),
            ("http://example.org/b.png", body.find("![b]").unwrap()),
            ("HTTPS://example.org/c", body.find("[c]").unwrap()),
        ]
    );
    assert!(!is_web("//example.org/x") && !is_web("mailto:a@b") && !is_web("plan.pdf"));
}

#[test]
fn a_broken_link_is_a_diagnostic_and_stays_as_written() {
    let r = html("Eerst.\n\nZie [dit](../nergens.md).");
    assert_eq!(
        r.html,
        "<p>Eerst.</p>\n<p>Zie <a href=\"../nergens.md\">dit</a>.</p>\n"
    );
    let d = &r.diagnostics[0];
    assert_eq!((d.line, d.column), (6, 5));
    assert_eq!(d.hint.as_deref(), Some("check the spelling"));
}

#[test]
fn the_glossary_defines_its_terms_and_links_to_them_get_a_tooltip() {
    let hl = Highlighter::default();
    let glossary = page(
        "## VNG {#vng}\n\nDe Vereniging van Nederlandse Gemeenten.\n\n## Kern\n\n- een lijst\n",
        0,
    );
    let g = render(&glossary, &table(), &place(Glossing::Define, None), &hl);
    assert_eq!(g.definitions.len(), 1, "a list defines nothing");
    assert_eq!(
        g.definitions["vng"],
        "De Vereniging van Nederlandse Gemeenten."
    );
    assert!(
        g.html
            .contains(&format!("Gemeenten.</p>\n{}", uses_marker("vng"))),
        "{}",
        g.html
    );
    let definitions = vec![g.definitions.clone()];
    let linking = Glossing::Link {
        pair: 9,
        definitions: &definitions,
    };
    let r = render(
        &page("De [VNG](../glossary.md#vng).", 0),
        &table(),
        &place(linking, None),
        &hl,
    );
    assert_eq!(
        r.html,
        "<p>De <span class=\"term\"><a href=\"../../begrippen/#vng\" aria-describedby=\"brug-tip-1\">VNG</a><span class=\"term-tip\" role=\"tooltip\" id=\"brug-tip-1\">De Vereniging van Nederlandse Gemeenten.</span></span>.</p>\n"
    );
}

#[test]
fn a_print_chapter_comes_from_the_same_events_with_ids_and_links_for_one_document() {
    let hl = Highlighter::default();
    let definitions = vec![[("vng".to_string(), "Uitleg.".to_string())].into()];
    let linking = Glossing::Link {
        pair: 9,
        definitions: &definitions,
    };
    let body = "## Aanpak\n\nZie [C](../methods/consensus.md#werkwijze), [L](../practices/lotsen.md), [p](plan.pdf), [t](#aanpak) en de [VNG](../glossary.md#vng).";
    let r = render(
        &page(body, 0),
        &table(),
        &place(linking, Some("nl/afdrukken/")),
        &hl,
    );
    assert!(r.html.starts_with("<h2 id=\"aanpak\">"), "{}", r.html);
    assert!(r.html.contains("role=\"tooltip\""));
    assert_eq!(
        r.print.as_deref(),
        Some(
            "<h3 id=\"c3-aanpak\">Aanpak</h3>\n<p>Zie <a href=\"#c5-werkwijze\">C</a>, <a href=\"../praktijken/lotsen/\">L</a>, <a href=\"../modules/mijn%20plan.pdf\">p</a>, <a href=\"#c3-aanpak\">t</a> en de <a href=\"#c9-vng\">VNG</a>.</p>\n"
        ),
        "a page of the document is a chapter; one without a Dutch page is not; no tooltip"
    );
    assert!(html("Tekst").print.is_none(), "no print view, no chapter");
}

#[test]
fn code_is_highlighted_and_text_is_kept_by_section_for_search() {
    let r = html("Intro.\n\n## Stap een\n\nTekst *hier*.\n\n```json\n{\"a\": 1}\n```\n");
    assert!(r.html.contains("<pre"), "{}", r.html);
    let sections: Vec<(Option<&str>, &str, &str)> = r
        .sections
        .iter()
        .map(|s| (s.anchor.as_deref(), s.heading.as_str(), s.text.trim()))
        .collect();
    assert_eq!(
        sections,
        [
            (None, "", "Intro."),
            (Some("stap-een"), "Stap een", "Tekst hier. {\"a\": 1}")
        ]
    );
}
