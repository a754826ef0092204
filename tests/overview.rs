//! The generated overview pages on the `web` fixture: the transfer overview
//! (table and SVG diagram), taxonomy pages with counts and term pages.

mod common;
use common::{attrs, main_of, Fixture};
use std::path::Path;

/// (href, title) of every row header link of the transfer table.
fn rows(html: &str) -> Vec<(String, String)> {
    let body = &html[html.find("<tbody>").unwrap()..html.find("</tbody>").unwrap()];
    body.split("<th scope=\"row\">")
        .skip(1)
        .map(|th| {
            let href = attrs(th, "href")[0].to_string();
            let title = &th[th.find('>').unwrap() + 1..th.find("</a>").unwrap()];
            (href, title.to_string())
        })
        .collect()
}

/// The cells of the row whose practice is `title`, as text without tags.
fn row_cells(html: &str, title: &str) -> Vec<String> {
    let body = html.find("<tbody>").unwrap();
    let at = body + html[body..].find(&format!(">{title}</a>")).unwrap();
    let end = at + html[at..].find("</tr>").unwrap();
    html[at..end]
        .split("<td")
        .skip(1)
        .map(|td| {
            let inner = &td[td.find('>').unwrap() + 1..td.find("</td>").unwrap()];
            strip_tags(inner)
        })
        .collect()
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Does the relative `href` from the page at `page` (a folder URL) land on
/// a file of the output?
fn lands(out: &Path, page: &str, href: &str) -> bool {
    let target = out.join(page).join(href.split('#').next().unwrap());
    target.join("index.html").is_file() || target.is_file()
}

#[test]
fn the_transfer_table_lists_every_practice_once_with_a_status_per_city() {
    let f = Fixture::new("web");
    f.build();
    let nl = f.page("nl/overdracht/index.html");
    let mut titles: Vec<String> = rows(&nl).into_iter().map(|(_, t)| t).collect();
    titles.sort();
    assert_eq!(titles, ["Losse praktijk", "Lotsen", "Werkgroep wonen"]);
    for (href, _) in rows(&nl) {
        assert!(lands(&f.out(), "nl/overdracht/", &href), "{href}");
    }
    // Cities that practices come from most come first.
    let head = &nl[nl.find("<thead>").unwrap()..nl.find("</thead>").unwrap()];
    let order: Vec<usize> = ["Münster", "Almelo", "Enschede"]
        .iter()
        .map(|c| head.find(&format!(">{c}<")).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{head}");
    // Two target cities, two different statuses.
    let lotsen = row_cells(&nl, "Lotsen");
    assert_eq!(
        &lotsen[..3],
        ["Herkomst", "Ingevoerd", "Gepland"],
        "{lotsen:?}"
    );
    assert!(lotsen[3].contains("Voorwaarden"), "{lotsen:?}");
    let los = row_cells(&nl, "Losse praktijk");
    assert_eq!(&los[..3], ["Gepland", "Herkomst", "–niet betrokken"]);
    // The German overview lists the Dutch-only practice in Dutch.
    let de = f.page("de/transfer/index.html");
    let de_rows = rows(&de);
    assert_eq!(de_rows.len(), 3);
    assert!(de_rows
        .iter()
        .any(|(h, t)| t == "Werkgroep wonen" && h.contains("/nl/")));
    // Filters carry the keys the script matches on.
    assert!(nl.contains("data-fields=\"education housing\" data-statuses=\"implemented planned\""));
    assert!(nl.contains("<option value=\"housing\">Wonen</option>"));
}

#[test]
fn the_practice_page_shows_each_target_city_with_its_status() {
    let f = Fixture::new("web");
    f.build();
    let de = main_of(&f.page("de/practices/lotsen/index.html")).to_string();
    let targets = &de[de.find("transfer-targets").unwrap()..];
    let targets = strip_tags(&targets[..targets.find("</ul>").unwrap()]);
    assert!(
        targets.contains("Almelo: Umgesetzt") && targets.contains("Enschede: Geplant"),
        "{targets}"
    );
}

#[test]
fn the_diagram_is_well_formed_svg_whose_nodes_link_to_pages() {
    let f = Fixture::new("web");
    f.build();
    for (lang, page) in [("nl", "nl/overdracht/"), ("de", "de/transfer/")] {
        let html = f.page(&format!("{page}index.html"));
        let start = html.find("<svg").unwrap();
        let end = html.find("</svg>").unwrap() + "</svg>".len();
        let svg = &html[start..end];
        let doc = roxmltree::Document::parse(svg)
            .unwrap_or_else(|e| panic!("{lang}: not well-formed XML: {e}\n{svg}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        let child = |name: &str| {
            root.children()
                .find(|n| n.tag_name().name() == name)
                .and_then(|n| n.text())
                .unwrap_or_default()
                .to_string()
        };
        assert!(!child("title").is_empty() && !child("desc").is_empty());
        let links: Vec<&str> = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "a")
            .map(|n| n.attribute("href").unwrap())
            .collect();
        assert_eq!(links.len(), rows(&html).len(), "one node per practice");
        for href in links {
            assert!(lands(&f.out(), page, href), "{lang}: {href}");
        }
        // Status is text in the node, not only a line style.
        assert!(svg.contains("Enschede: "), "{svg}");
    }
}

#[test]
fn taxonomy_pages_count_terms_and_term_pages_list_pages_by_kind() {
    let f = Fixture::new("web");
    f.build();
    let nl = f.page("nl/kenmerken/beleidsvelden/index.html");
    assert!(
        nl.contains(
            r#"<a href="onderwijs/">Onderwijs</a> <span class="term-count">(2 pagina's)</span>"#
        ),
        "{nl}"
    );
    assert!(
        nl.contains(r#"<a href="wonen/">Wonen</a> <span class="term-count">(3 pagina's)</span>"#)
    );
    let de = f.page("de/merkmale/politikfelder/index.html");
    assert!(
        de.contains(r#"<a href="wohnen/">Wohnen</a> <span class="term-count">(3 Seiten)</span>"#)
    );
    // A city no page is tagged with has no page and no link.
    let cities = f.page("nl/kenmerken/steden/index.html");
    assert!(cities.contains("Enschede <span class=\"term-count\">(0 pagina's)</span>"));
    assert!(!f.out().join("nl/kenmerken/steden/enschede").exists());

    let term = f.page("nl/kenmerken/beleidsvelden/wonen/index.html");
    let main = main_of(&term);
    let module = main.find(">Modules</h2>").unwrap();
    let practices = main.find(">Overdraagbare praktijken</h2>").unwrap();
    assert!(module < practices);
    assert!(main[module..practices].contains(">Startbijeenkomst</a>"));
    let listed = &main[practices..];
    assert!(listed.contains(">Lotsen</a>") && listed.contains(">Werkgroep wonen</a>"));
    // The German term page links the Dutch-only practice with its marker.
    let de_term = f.page("de/merkmale/politikfelder/wohnen/index.html");
    assert!(de_term.contains("Werkgroep wonen</a> <span class=\"missing-marker\">"));
    // Language switch goes to the same term page.
    assert!(term.contains(r#"href="../../../../de/merkmale/politikfelder/wohnen/" hreflang="de""#));
}

#[test]
fn overviews_are_reachable_from_every_page() {
    let f = Fixture::new("web");
    f.build();
    let page = f.page("nl/methods/consensus/index.html");
    let nav = &page[page.find("class=\"main-nav\"").unwrap()..];
    assert!(nav[..nav.find("</nav>").unwrap()]
        .contains(r#"<a href="../../overdracht/">Overdracht van praktijken</a>"#));
    let footer = &page[page.find("class=\"browse\"").unwrap()..];
    let footer = &footer[..footer.find("</nav>").unwrap()];
    for href in [
        "../../kenmerken/beleidsvelden/",
        "../../kenmerken/doelgroepen/",
        "../../kenmerken/steden/",
    ] {
        assert!(footer.contains(&format!("href=\"{href}\"")), "{footer}");
    }
    // Page metadata links each term to its page.
    let lotsen = f.page("nl/practices/lotsen/index.html");
    assert!(lotsen.contains(r#"<a href="../../kenmerken/beleidsvelden/onderwijs/">Onderwijs</a>"#));
    // The 404 page, served at any depth, links them from the site root.
    let not_found = f.page("404.html");
    assert!(
        not_found.contains(r#"href="/nl/overdracht/""#),
        "{not_found}"
    );
    assert!(not_found.contains(r#"href="/nl/kenmerken/steden/""#));
    // The sitemap names them with their other-language versions.
    let sitemap = f.page("sitemap.xml");
    let entry = &sitemap[sitemap
        .find("<loc>https://example.org/nl/overdracht/</loc>")
        .unwrap()..];
    let entry = &entry[..entry.find("</url>").unwrap()];
    assert!(
        entry.contains(r#"hreflang="de" href="https://example.org/de/transfer/""#),
        "{entry}"
    );
    assert!(sitemap.contains("<loc>https://example.org/de/merkmale/politikfelder/wohnen/</loc>"));
    assert!(
        !sitemap.contains("/steden/enschede/"),
        "empty terms have no page"
    );
}

#[test]
fn a_generated_url_taken_by_content_is_an_error() {
    let f = Fixture::new("web");
    f.write(
        "content/overdracht.nl.md",
        "+++\ntitle = \"Overdracht\"\nslug = \"overdracht\"\n+++\nTekst.\n",
    );
    let run = f.brug(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("--> content/overdracht.nl.md:1:1"),
        "{}",
        run.stderr
    );
    assert!(run
        .stderr
        .contains("is also the URL of the transfer overview"));
}

#[test]
fn above_eighty_practices_the_table_stands_alone() {
    let f = Fixture::new("web");
    for i in 0..80 {
        f.write(
            &format!("content/practices/extra{i}.nl.md"),
            format!("+++\ntitle = \"Extra {i}\"\nkind = \"practice\"\n[transfer]\nfrom = \"almelo\"\nto = [\"muenster\"]\nstatus = \"planned\"\n+++\nZie [consensus](../methods/consensus.md).\n"),
        );
    }
    f.build();
    let nl = f.page("nl/overdracht/index.html");
    assert_eq!(rows(&nl).len(), 83, "every practice in the table");
    assert!(!nl.contains("<svg"), "no diagram");
    assert!(nl.contains("Het diagram wordt getoond tot 80 praktijken"));
}

#[test]
fn an_unstated_origin_and_the_data_source_are_shown_as_such() {
    let f = Fixture::new("web");
    let mut toml = f.read_source("handbook.toml");
    toml.push_str("\n[transfer_source]\nnl = \"Bron: de projectaanvraag.\"\nde = \"Quelle: der Projektantrag.\"\n");
    f.write("handbook.toml", toml);
    for (lang, title) in [("nl", "Profiel"), ("de", "Profil")] {
        f.write(
            &format!("content/practices/profiel.{lang}.md"),
            format!("+++\ntitle = \"{title}\"\nkind = \"practice\"\n[transfer]\nto = [\"almelo\"]\nstatus = \"proposed\"\n+++\nZie [consensus](../methods/consensus.md).\n"),
        );
    }
    f.build();
    let nl = f.page("nl/overdracht/index.html");
    assert!(nl.contains("Bron: de projectaanvraag."));
    // No city is its origin: no "Herkomst" cell, Almelo has the new status.
    let cells = row_cells(&nl, "Profiel");
    assert_eq!(
        &cells[..3],
        ["–niet betrokken", "Voorgesteld", "–niet betrokken"],
        "{cells:?}"
    );
    assert!(nl.contains("data-statuses=\"proposed\""));
    assert!(
        nl.contains("Profiel</a><span class=\"transfer-unstated\">Herkomst: niet vermeld</span>")
    );
    let de = main_of(&f.page("de/practices/profiel/index.html")).to_string();
    let from = &de[de.find("<dt>Herkunft</dt>").unwrap()..];
    assert!(
        from.starts_with("<dt>Herkunft</dt><dd>nicht angegeben</dd>"),
        "{from}"
    );
    assert!(de.contains("Almelo: ") && de.contains("Vorgeschlagen"));
    assert!(de.contains("Quelle: der Projektantrag."));
}
