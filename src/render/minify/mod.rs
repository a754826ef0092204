//! Minification of the output, the last step before a file is written: the
//! pages (HTML, with their inline CSS) and the theme's scripts and
//! stylesheets. Every page loads the theme's stylesheet and script, and the
//! search loads its engine on first use, so the bytes saved here count on
//! every first visit and in every offline copy, as the pages' own do.
//!
//! The minifiers are those minify-html itself uses (lightningcss for CSS,
//! oxc for JS), with the same conservative settings. A file a minifier
//! cannot read (a syntax error in a handbook's own theme file) is written
//! as it is: minifying must never be the reason a build fails.

use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions, CommentOptions, LegalComment};
use oxc_minifier::{CompressOptions, MangleOptions, Minifier, MinifierOptions};
use oxc_parser::Parser;
use oxc_span::SourceType;

mod spaces;

/// What minifies the pages, by version: part of a page's source hash, so
/// a second build after brug changes its minifier writes the pages again
/// instead of keeping those the old one made. A test ties the crates'
/// versions to `Cargo.lock`; raise `spaces N` by hand when `spaces.rs`
/// changes what it writes.
pub const PAGES: &str = "minify-html-onepass 0.18.1, spaces 1, minify-html 0.18.1";

/// A page, minified (with the CSS of its `<style>` elements and `style`
/// attributes). minify-html-onepass does it at twice minify-html's speed
/// and to the same size, for the pages brug's templates write; a page it
/// refuses (raw HTML of a trusted handbook with an omitted start tag or a
/// stray end tag) goes through minify-html, which reads any HTML.
pub fn html(html: &[u8]) -> Vec<u8> {
    let mut page = html.to_vec();
    let cfg = minify_html_onepass::Cfg {
        minify_css: true,
        minify_js: false,
    };
    let onepass = std::panic::catch_unwind(move || {
        let len = minify_html_onepass::in_place(&mut page, &cfg).ok()?;
        Some(spaces::after_quoted_values(&page[..len]))
    });
    match onepass {
        Ok(Some(small)) => small,
        _ => minify_html::minify(
            html,
            &minify_html::Cfg {
                minify_css: true,
                ..Default::default()
            },
        ),
    }
}

/// A page whose template got `placeholder` for `part` (written minified
/// already), minified without it, with `part` put in its place: the
/// minifier then reads a quarter less of each page. `None` when the page
/// does not hold the placeholder exactly once, before minifying and after
/// (a theme that repeats, escapes or filters its map; raw HTML of a trusted
/// handbook that writes the placeholder itself): the page must then be
/// rendered with `part` in it and minified whole.
pub fn spliced(page: &[u8], placeholder: &str, part: &str) -> Option<Vec<u8>> {
    let once = |bytes: &[u8]| {
        let mut found = memchr::memmem::find_iter(bytes, placeholder.as_bytes());
        match (found.next(), found.next()) {
            (Some(at), None) => Some(at),
            _ => None,
        }
    };
    once(page)?;
    let small = html(page);
    let at = once(&small)?;
    let mut out = Vec::with_capacity(small.len() + part.len());
    out.extend_from_slice(&small[..at]);
    out.extend_from_slice(part.as_bytes());
    out.extend_from_slice(&small[at + placeholder.len()..]);
    Some(out)
}

/// A theme asset at `path`: `.js` and `.css` files minified, everything
/// else, and anything a minifier cannot read, as it came.
pub fn asset(path: &str, bytes: Vec<u8>) -> Vec<u8> {
    let Some((_, ext)) = path.rsplit_once('.') else {
        return bytes;
    };
    let minify: fn(&str) -> Option<String> = match ext.to_ascii_lowercase().as_str() {
        "js" => js,
        "css" => css,
        _ => return bytes,
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return bytes;
    };
    // A minifier's own bug must not end the build (a panic in one render
    // job would): the file then goes out as written.
    let result = std::panic::catch_unwind(|| minify(text));
    match result {
        Ok(Some(small)) if small.len() < bytes.len() => small.into_bytes(),
        _ => bytes,
    }
}

/// A classic script (not a module: the theme's scripts load from `file://`
/// through `<script>` elements), minified; `None` on a syntax error. Names
/// at the top level are kept, since other scripts use them as globals.
fn js(source: &str) -> Option<String> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, source, SourceType::cjs()).parse();
    if parsed.panicked || !parsed.errors.is_empty() {
        return None;
    }
    let mut program = parsed.program;
    let minified = Minifier::new(MinifierOptions {
        mangle: Some(MangleOptions::default()),
        compress: Some(CompressOptions::safest()),
    })
    .minify(&allocator, &mut program);
    let options = CodegenOptions {
        comments: CommentOptions {
            // Licence notices (`/*!`, `@license`) stay.
            legal: LegalComment::Inline,
            ..CommentOptions::disabled()
        },
        ..CodegenOptions::minify()
    };
    // The mangled names live in the scoping the minifier hands back.
    let code = Codegen::new()
        .with_options(options)
        .with_scoping(minified.scoping)
        .with_private_member_mappings(minified.class_private_mappings)
        .build(&program)
        .code;
    Some(code)
}

/// A stylesheet, minified; `None` when it does not parse.
fn css(source: &str) -> Option<String> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    let mut sheet = StyleSheet::parse(source, ParserOptions::default()).ok()?;
    sheet.minify(MinifyOptions::default()).ok()?;
    let printed = sheet
        .to_css(PrinterOptions {
            minify: true,
            ..Default::default()
        })
        .ok()?;
    Some(printed.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCRIPT: &str = "/* A comment that goes. */\n(function (root) {\n  \"use strict\";\n  function double(value) {\n    var twice = value * 2;\n    return twice;\n  }\n  root.Double = double;\n})(globalThis);\nvar keptName = 1;\n";

    #[test]
    fn a_part_is_put_where_its_placeholder_was_once_the_rest_is_minified() {
        let page = |map: &str| {
            format!("<!DOCTYPE html><html><head><title>T</title></head><body>\n<nav class=\"map\">\n  {map}\n</nav>\n<main>\n  <p>Text</p>\n</main></body></html>")
        };
        let part = "<ul><li><a href=../a/>A</a></ul>";
        let spliced = spliced(page("<m></m>").as_bytes(), "<m></m>", part).unwrap();
        assert_eq!(spliced, html(page(part).as_bytes()));
        assert!(String::from_utf8(spliced)
            .unwrap()
            .contains("<nav class=map><ul><li>"));
        let twice = page("<m></m><m></m>");
        assert_eq!(spliced_or_none(&twice), None, "twice");
        assert_eq!(spliced_or_none(&page("")), None, "not there");
        assert_eq!(spliced_or_none(&page("&lt;m>&lt;/m>")), None, "escaped");
    }

    fn spliced_or_none(page: &str) -> Option<Vec<u8>> {
        spliced(page.as_bytes(), "<m></m>", "<ul></ul>")
    }

    #[test]
    fn scripts_get_smaller_and_keep_their_meaning_and_globals() {
        let out = String::from_utf8(asset("static/x.js", SCRIPT.into())).unwrap();
        assert!(out.len() < SCRIPT.len() / 2, "{out}");
        // Comments and blanks go, locals get short names, the function
        // is folded; the global it sets and the top-level name stay.
        assert_eq!(
            out,
            "(function(e){\"use strict\";function t(e){return e*2}e.Double=t})(globalThis);var keptName=1;"
        );
    }

    #[test]
    fn licence_comments_stay() {
        let src = "/*! Snowball, BSD licence */\nvar a = 1 + 2;\n";
        let out = String::from_utf8(asset("s.min.js", src.into())).unwrap();
        assert!(out.starts_with("/*! Snowball, BSD licence */"), "{out}");
    }

    #[test]
    fn stylesheets_get_smaller_and_keep_their_rules() {
        let src = "/* colours */\n:root {\n  --fg: #000000;\n}\n@media (prefers-color-scheme: dark) {\n  :root { --fg: #ffffff; }\n}\nbody {\n  color: var(--fg);\n  margin: 0px 0px 0px 0px;\n}\n";
        let out = String::from_utf8(asset("site.css", src.into())).unwrap();
        assert!(out.len() < src.len() * 2 / 3, "{out}");
        assert!(!out.contains("colours") && !out.contains('\n'), "{out}");
        assert!(
            out.contains("--fg:#000") && out.contains("--fg:#fff"),
            "{out}"
        );
        assert!(out.contains("prefers-color-scheme:dark"), "{out}");
        assert!(out.contains("body{color:var(--fg);margin:0}"), "{out}");
    }

    #[test]
    fn syntax_errors_pass_through_unchanged() {
        for (path, src) in [
            ("broken.js", "function (a {\n  return a +;\n"),
            ("unclosed.js", "var s = \"no end;\n"),
            ("broken.css", "body {\n  color: red;\n}}\n@media {\n"),
        ] {
            assert_eq!(asset(path, src.into()), src.as_bytes(), "{path}");
        }
        let latin1 = b"body { content: \"\xe9\"; }".to_vec();
        assert_eq!(asset("x.css", latin1.clone()), latin1);
    }

    #[test]
    fn other_files_pass_through() {
        let svg = b"<svg>\n  <!-- kept -->\n</svg>\n".to_vec();
        assert_eq!(asset("logo.svg", svg.clone()), svg);
        assert_eq!(asset("LICENSE", b"text\n".to_vec()), b"text\n");
        assert_eq!(asset("notes.txt", b"a  b\n".to_vec()), b"a  b\n");
    }

    #[test]
    fn pages_are_minified_with_their_inline_css() {
        let page = b"<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n  <style>\n    body { margin: 0px; }\n  </style>\n</head>\n<body>\n  <p>  Tekst  </p>\n</body>\n</html>\n";
        let out = String::from_utf8(html(page)).unwrap();
        assert!(out.len() < page.len(), "{out}");
        assert!(
            out.contains("body{margin:0}") && out.contains("Tekst"),
            "{out}"
        );
    }

    #[test]
    fn attributes_keep_the_space_html_requires_between_them() {
        let page = b"<!DOCTYPE html>\n<html lang=\"nl\">\n<head><title>t</title></head>\n<body>\n<form class=\"search\" data-langs=\"nl de\" data-none=\"Geen resultaten.\" role=\"search\"></form>\n</body>\n</html>\n";
        let out = String::from_utf8(html(page)).unwrap();
        assert!(
            out.contains(r#"data-langs="nl de" data-none="Geen resultaten." role=search"#),
            "{out}"
        );
    }

    #[test]
    fn a_page_the_fast_minifier_refuses_is_minified_all_the_same() {
        // A stray end tag (raw HTML of a trusted handbook): the one-pass
        // minifier refuses it, minify-html reads it as browsers do.
        let page = b"<!DOCTYPE html>\n<html lang=\"nl\">\n<head><title>t</title></head>\n<body>\n  <p>  een </span> twee  </p>\n</body>\n</html>\n";
        let mut copy = page.to_vec();
        let cfg = minify_html_onepass::Cfg::new();
        assert!(minify_html_onepass::in_place(&mut copy, &cfg).is_err());
        let out = String::from_utf8(html(page)).unwrap();
        assert!(out.len() < page.len() && !out.contains("\n"), "{out}");
        assert!(out.contains("een") && out.contains("twee"), "{out}");
    }

    #[test]
    fn the_minifier_versions_in_the_page_hash_are_those_built_in() {
        let lock = include_str!("../../../Cargo.lock");
        for name in ["minify-html-onepass", "minify-html"] {
            let entry = format!("name = \"{name}\"\nversion = \"");
            let at = lock.find(&entry).expect(name) + entry.len();
            let version = &lock[at..at + lock[at..].find('"').unwrap()];
            assert!(
                PAGES.contains(&format!("{name} {version}")),
                "{name} {version}: update PAGES"
            );
        }
    }
}
