//! Link resolution: one pure function turns a link as written in a page's
//! Markdown into a target (a pair in a language, a static file, an external
//! URL) or a diagnostic message. Links are written to source files
//! (`../methods/consensus.md`), so they also work in any Markdown editor.
//! Anchors are checked later, once every page's heading ids exist.

use crate::model::{join, Handbook, Lang, Page, PairId};
use crate::text::urls::{normalize, percent_decode};

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

/// What rendering a page's Markdown asks of the rest of the handbook:
/// where a link goes and which pages exist. The `Handbook` answers it;
/// a test can answer it with a table.
pub trait Resolve {
    /// Resolves `dest` as written in `from`.
    fn resolve(&self, from: &Page, dest: &str) -> Result<Target, LinkError>;
    /// The pair `page` belongs to.
    fn pair_of(&self, page: &Page) -> Option<PairId>;
    /// Does `pair` have a page of its own in `lang`?
    fn exists(&self, pair: PairId, lang: Lang) -> bool;
    /// The code of `lang` (`nl`), whose spelling rules heading ids follow.
    fn lang_code(&self, lang: Lang) -> &str;
}

impl Resolve for Handbook {
    fn resolve(&self, from: &Page, dest: &str) -> Result<Target, LinkError> {
        resolve(self, from, dest)
    }

    fn pair_of(&self, page: &Page) -> Option<PairId> {
        self.by_stem.get(&(page.stem(), page.lang)).copied()
    }

    fn exists(&self, pair: PairId, lang: Lang) -> bool {
        self.pairs[pair].pages[lang].is_some()
    }

    fn lang_code(&self, lang: Lang) -> &str {
        Handbook::lang_code(self, lang)
    }
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
            None => {
                return err(
                    format!("`{dest}` does not exist"),
                    missing_hint(hb, from, base),
                )
            }
        },
        None => {
            let found = std::iter::once(from.lang)
                .chain(0..hb.config.languages.len())
                .find_map(|l| hb.by_stem.get(&(stem.to_string(), l)).copied());
            match found {
                Some(pair) => (pair, from.lang),
                None => {
                    return err(
                        format!("`{dest}` does not exist"),
                        missing_hint(hb, from, stem),
                    )
                }
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
    // The most common slip: a page named without `.md`.
    if hb.by_stem.keys().any(|(stem, _)| stem == target) {
        let written = format!("{}.md", dest.trim_end_matches('/'));
        return err(
            format!("`{dest}` does not exist"),
            format!("links name the page's source file: write ({written})"),
        );
    }
    err(
        format!("`{dest}` does not exist"),
        "check the spelling; links are relative to the folder of this file",
    )
}

/// The hint for a link to page `stem` (relative to `content/`) that does
/// not exist: the closest page's link as the editor would write it in
/// `from` (a page in the same folder first, never `from` itself), or how
/// to create the page.
fn missing_hint(hb: &Handbook, from: &Page, stem: &str) -> String {
    let name = stem.rsplit('/').next().unwrap_or(stem);
    let own = from.stem();
    let mut stems: Vec<String> = hb
        .pages
        .iter()
        .map(Page::stem)
        .filter(|s| *s != own)
        .collect();
    stems.sort();
    stems.dedup();
    let closest_in = |stems: &[&String]| {
        let names: Vec<&str> = stems
            .iter()
            .map(|s| s.rsplit('/').next().unwrap_or(s))
            .collect();
        let best = crate::source::schema::closest(name, &names)?;
        stems
            .iter()
            .find(|s| s.rsplit('/').next() == Some(best))
            .map(|s| s.to_string())
    };
    let dir = stem.rsplit_once('/').map_or("", |(d, _)| d);
    let same: Vec<&String> = stems
        .iter()
        .filter(|s| s.rsplit_once('/').map_or("", |(d, _)| d) == dir)
        .collect();
    let all: Vec<&String> = stems.iter().collect();
    match closest_in(&same).or_else(|| closest_in(&all)) {
        Some(best) => format!("did you mean ({}.md)?", relative_file(&from.dir, &best)),
        None => format!(
            "no page is called that; to write it, create content/{stem}.{}.md (links are relative to the folder of this file)",
            hb.lang_code(from.lang)
        ),
    }
}

/// The path of `target` (relative to `content/`) as written in a file in
/// folder `from_dir`: `coaching`, `../methods/consensus`.
fn relative_file(from_dir: &str, target: &str) -> String {
    let from: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    let to: Vec<&str> = target.split('/').filter(|s| !s.is_empty()).collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; from.len() - common];
    parts.extend(&to[common..]);
    parts.join("/")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_relative_to_a_folder() {
        assert_eq!(relative_file("modules", "modules/coaching"), "coaching");
        assert_eq!(
            relative_file("modules", "methods/consensus"),
            "../methods/consensus"
        );
        assert_eq!(relative_file("", "modules/_index"), "modules/_index");
        assert_eq!(relative_file("a/b", "_index"), "../../_index");
    }

    #[test]
    fn schemes() {
        assert!(has_scheme("https://example.org"));
        assert!(has_scheme("mailto:a@b"));
        assert!(!has_scheme("consensus.md"));
    }
}
