//! `sitemap.xml`: every page that exists in some language, with its language
//! versions as `xhtml:link` alternates, so search engines show each reader
//! the version in their language. Fallback notice pages are left out.

use crate::model::Handbook;
use crate::text::escape::xml as xml_escape;
use std::fmt::Write as _;

/// The sitemap text; URLs are absolute below `base_url`. `generated` are
/// the overview pages, each as its URL per language (`None`: not there).
pub fn render(hb: &Handbook, generated: &[Vec<Option<String>>]) -> String {
    let base = hb.config.base_url.trim_end_matches('/');
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for pair in &hb.pairs {
        let present: Vec<(usize, &str)> = (0..hb.config.languages.len())
            .filter(|&l| pair.pages[l].is_some())
            .filter_map(|l| Some((l, pair.urls[l].as_deref()?)))
            .collect();
        let updated = |lang: usize| pair.pages[lang].and_then(|p| hb.pages[p].front.updated);
        entries(&mut out, hb, base, &present, updated);
    }
    for urls in generated {
        let present: Vec<(usize, &str)> = urls
            .iter()
            .enumerate()
            .filter_map(|(l, u)| Some((l, u.as_deref()?)))
            .collect();
        entries(&mut out, hb, base, &present, |_| None);
    }
    out.push_str("</urlset>\n");
    out
}

/// One `<url>` per language version, each naming all versions.
fn entries(
    out: &mut String,
    hb: &Handbook,
    base: &str,
    present: &[(usize, &str)],
    updated: impl Fn(usize) -> Option<crate::source::frontmatter::Date>,
) {
    for &(lang, url) in present {
        let _ = writeln!(
            out,
            "  <url>\n    <loc>{}</loc>",
            xml_escape(&format!("{base}/{url}"))
        );
        if let Some(date) = updated(lang) {
            let _ = writeln!(out, "    <lastmod>{}</lastmod>", date.iso());
        }
        if present.len() > 1 {
            for &(l, u) in present {
                let _ = writeln!(
                    out,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    hb.lang_code(l),
                    xml_escape(&format!("{base}/{u}"))
                );
            }
        }
        out.push_str("  </url>\n");
    }
}
