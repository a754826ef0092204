//! Link resolution: one pure function turns a link as written in a page's
//! Markdown into a target (a pair in a language, a static file, an external
//! URL) or a diagnostic message. Links are written to source files
//! (`../methods/consensus.md`), so they also work in any Markdown editor.
//! Anchors are checked later, once every page's heading ids exist.

use crate::model::{join, Handbook, Lang, Page, PairId};

/// What a written link points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A page: the pair, the language it lands on, its site-relative URL path.
    Page {
        pair: PairId,
        lang: Lang,
        url: String,
        anchor: Option<String>,
    },
    /// A static file under `content/`, by site-relative URL path.
    Static { url: String },
    /// An anchor on the linking page itself.
    SamePage { anchor: String },
    /// Anything with a scheme (`https:`, `mailto:`), left as written.
    External,
}

/// Why a link does not resolve: what is wrong and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError {
    pub message: String,
    pub hint: String,
}

fn err(message: String, hint: impl Into<String>) -> Result<Target, LinkError> {
    Err(LinkError {
        message,
        hint: hint.into(),
    })
}

/// Resolves `dest` as written in `from`.
pub fn resolve(hb: &Handbook, from: &Page, dest: &str) -> Result<Target, LinkError> {
    if dest.is_empty() {
        return err(
            "the link has no target".into(),
            "write the target between the parentheses: [text](../methods/consensus.md)",
        );
    }
    if has_scheme(dest) || dest.starts_with("//") {
        return Ok(Target::External);
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(percent_decode(a))),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or_default();
    if path.is_empty() {
        return match anchor {
            Some(anchor) if !anchor.is_empty() => Ok(Target::SamePage { anchor }),
            _ => err(
                "the link `#` has no anchor".into(),
                "write the heading id after #, e.g. #aanpak",
            ),
        };
    }
    if path.starts_with('/') {
        return err(
            format!("`{dest}` is an absolute path"),
            "absolute links break offline copies: link to the source file relative to this one, e.g. ../methods/consensus.md",
        );
    }
    let decoded = percent_decode(path);
    let Some(target) = normalize(&from.dir, &decoded) else {
        return err(
            format!("`{dest}` points outside content/"),
            "remove one `../` from the link",
        );
    };
    match target.strip_suffix(".md") {
        Some(stem) => resolve_page(hb, from, stem, anchor, dest),
        None => resolve_file(hb, from, &target, dest),
    }
}

fn resolve_page(
    hb: &Handbook,
    from: &Page,
    stem: &str,
    anchor: Option<String>,
    dest: &str,
) -> Result<Target, LinkError> {
    let explicit = stem
        .rsplit_once('.')
        .and_then(|(base, code)| hb.lang_index(code).map(|l| (base, l)));
    let (pair, lang) = match explicit {
        Some((base, lang)) => match hb.by_stem.get(&(base.to_string(), lang)) {
            Some(&pair) => (pair, lang),
            None => return err(format!("`{dest}` does not exist"), missing_hint(hb, base)),
        },
        None => {
            let found = std::iter::once(from.lang)
                .chain(0..hb.config.languages.len())
                .find_map(|l| hb.by_stem.get(&(stem.to_string(), l)).copied());
            match found {
                Some(pair) => (pair, from.lang),
                None => return err(format!("`{dest}` does not exist"), missing_hint(hb, stem)),
            }
        }
    };
    let urls = &hb.pairs[pair].urls;
    // Land in the wanted language; where that version is omitted, in any.
    let (lang, url) = match &urls[lang] {
        Some(url) => (lang, url.clone()),
        None => {
            let l = hb.pairs[pair].best_page(lang);
            let l = hb.pages[l].lang;
            (l, urls[l].clone().unwrap_or_default())
        }
    };
    Ok(Target::Page {
        pair,
        lang,
        url,
        anchor: anchor.filter(|a| !a.is_empty()),
    })
}

fn resolve_file(hb: &Handbook, from: &Page, target: &str, dest: &str) -> Result<Target, LinkError> {
    if let Some(&i) = hb.static_by_path.get(target) {
        return Ok(Target::Static {
            url: hb.statics[i].urls[from.lang].clone(),
        });
    }
    let folder = target.trim_end_matches('/');
    if hb.section_by_dir.contains_key(folder) {
        return err(
            format!("`{dest}` is a folder"),
            format!(
                "link to the section page instead: {}",
                join(dest.trim_end_matches('/'), "_index.md")
            ),
        );
    }
    err(
        format!("`{dest}` does not exist"),
        "check the spelling; links are relative to the folder of this file",
    )
}

fn missing_hint(hb: &Handbook, stem: &str) -> String {
    let name = stem.rsplit('/').next().unwrap_or(stem);
    let candidates: Vec<&str> = hb.pages.iter().map(|p| p.name.as_str()).collect();
    match crate::schema::closest(name, &candidates) {
        Some(best) => {
            let page = hb
                .pages
                .iter()
                .find(|p| p.name == best)
                .map(|p| p.stem())
                .unwrap_or_default();
            format!("did you mean content/{page}.md? links are relative to the folder of this file")
        }
        None => "check the spelling; links are relative to the folder of this file".into(),
    }
}

fn has_scheme(s: &str) -> bool {
    match s.split_once(':') {
        Some((scheme, _)) => {
            scheme.len() > 1
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

/// Joins `path` to the content folder `dir`, resolving `.` and `..`.
/// `None` when it climbs above `content/`.
pub fn normalize(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    let trailing = path.ends_with('/');
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let mut out = parts.join("/");
    if trailing {
        out.push('/');
    }
    Some(out)
}

/// Decodes `%20` and the like; invalid escapes stay as written.
pub fn percent_decode(s: &str) -> String {
    String::from_utf8_lossy(&percent_decode_bytes(s)).into_owned()
}

/// The bytes `%XX` escapes stand for; invalid escapes stay as written.
pub fn percent_decode_bytes(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Percent-encodes what a URL path cannot hold as written (spaces, `#`,
/// `?`, `%`, quotes); letters, including umlauts, stay readable.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' | '#' | '?' | '%' | '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c if c.is_control() => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// The relative URL from the page at site path `from` (a folder path ending
/// in `/`, or a file path) to the site path `to`. With `explicit_index`,
/// folder URLs end in `index.html`, because `file://` does not open a
/// folder's index.
pub fn relative(from: &str, to: &str, explicit_index: bool) -> String {
    let from_dir = &from[..from.rfind('/').map_or(0, |i| i + 1)];
    let from_parts: Vec<&str> = from_dir.split('/').filter(|p| !p.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_parts
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = "../".repeat(from_parts.len() - common);
    out.push_str(&to_parts[common..].join("/"));
    if explicit_index && (out.is_empty() || out.ends_with('/')) {
        out.push_str("index.html");
    } else if out.is_empty() {
        out.push_str("./");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls() {
        assert_eq!(
            relative("nl/methoden/consensus/", "nl/modules/start/", false),
            "../../modules/start/"
        );
        assert_eq!(
            relative("nl/methoden/consensus/", "nl/methoden/consensus/", false),
            "./"
        );
        assert_eq!(relative("nl/", "de/", true), "../de/index.html");
        assert_eq!(relative("index.html", "nl/", true), "nl/index.html");
        assert_eq!(
            relative("404.html", "static/site.css", false),
            "static/site.css"
        );
        assert_eq!(relative("nl/a/", "nl/a/b/", false), "b/");
    }

    #[test]
    fn normalize_paths() {
        assert_eq!(
            normalize("modules", "../methods/consensus.md").as_deref(),
            Some("methods/consensus.md")
        );
        assert_eq!(normalize("", "./a/../b.md").as_deref(), Some("b.md"));
        assert_eq!(normalize("", "../x.md"), None);
    }

    #[test]
    fn decode_and_schemes() {
        assert_eq!(percent_decode("mijn%20bestand.pdf"), "mijn bestand.pdf");
        assert_eq!(percent_decode("100%"), "100%");
        assert!(has_scheme("https://example.org"));
        assert!(has_scheme("mailto:a@b"));
        assert!(!has_scheme("consensus.md"));
        assert_eq!(
            encode_path("nl/mijn plan #2.pdf"),
            "nl/mijn%20plan%20%232.pdf"
        );
        assert_eq!(encode_path("de/Übersicht.pdf"), "de/Übersicht.pdf");
    }
}
