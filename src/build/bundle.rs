//! `brug bundle`: the offline copy as one zip. The site is built into
//! memory with links that name `index.html` (a folder does not open from
//! `file://`), without `sitemap.xml` and `404.html` (they address the
//! published host), with the handbook's PDF per language (what gets
//! printed and passed on), plus a short read-me per language and
//! `SHA256SUMS`.
//! The zip is reproducible: sorted entries, fixed timestamps and modes, the
//! same compression, so the same content gives the same bytes and
//! distributors can compare versions by checksum.

use crate::build::site::{self, Dest, Report};
use crate::diagnostics::Diagnostic;
use crate::render::{Output, RenderOptions};
use anyhow::Context;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Files of the published site that have no place in an offline copy.
const LEFT_OUT: [&str; 2] = ["sitemap.xml", "404.html"];
const SUMS: &str = "SHA256SUMS";

/// What a bundle run produced.
pub struct Bundled {
    pub report: Report,
    /// The zip's path and SHA-256, when it was written.
    pub zip: Option<(PathBuf, String)>,
    pub files: usize,
}

/// The default zip name: the handbook's title and the date of its newest
/// page (`handboek-integratievisie-2026-11-24.zip`).
pub fn default_name(
    title: &str,
    lang: &str,
    newest: Option<crate::source::frontmatter::Date>,
) -> String {
    let mut name = crate::text::slug::slugify(title, lang);
    if name.is_empty() {
        name = "handbook".into();
    }
    match newest {
        Some(d) => format!("{name}-{}.zip", d.iso()),
        None => format!("{name}.zip"),
    }
}

/// Builds the offline site and writes it as a zip to `out` (default: the
/// default name in ROOT). A failed build writes nothing.
pub fn run(root: &Path, out: Option<&Path>) -> Bundled {
    let files = Mutex::new(BTreeMap::new());
    let keep = |o: Output| {
        if !LEFT_OUT.contains(&o.path.as_str()) {
            if let Ok(mut f) = files.lock() {
                f.insert(o.path, o.bytes);
            }
        }
    };
    let opts = RenderOptions {
        links: crate::analyze::markdown::LinkStyle {
            explicit_index: true,
        },
        pdf: true,
        ..site::options(true)
    };
    let (mut report, kept) = site::run_keeping(root, Dest::Memory(&keep), opts);
    let mut files = files.into_inner().unwrap_or_default();
    // The model the build just loaded names the zip and fills the read-me.
    let info = kept.as_ref().map(|k| info_of(&k.hb, k.renderer.strings()));
    let Some(info) = info.filter(|_| report.errors() == 0 && report.written) else {
        return Bundled {
            report,
            zip: None,
            files: 0,
        };
    };
    for (name, text) in &info.readmes {
        files.insert(name.clone(), text.clone().into_bytes());
    }
    let sums: String = files
        .iter()
        .map(|(path, bytes)| format!("{:x}  {path}\n", Sha256::digest(bytes)))
        .collect();
    files.insert(SUMS.into(), sums.into_bytes());
    let out = out
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.join(&info.name));
    let written = zip(&files, info.newest).and_then(|bytes| {
        let hash = format!("{:x}", Sha256::digest(&bytes));
        write_aside(&out, &bytes)?;
        Ok(hash)
    });
    let count = files.len();
    match written {
        Ok(hash) => Bundled {
            report,
            zip: Some((out, hash)),
            files: count,
        },
        Err(e) => {
            report.diagnostics.push(Diagnostic::error(
                &out,
                format!("cannot write the bundle: {e:#}"),
            ));
            Bundled {
                report,
                zip: None,
                files: 0,
            }
        }
    }
}

/// Writes `bytes` to `path` through a temporary file beside it, so that a
/// failed write never leaves half a zip under the real name.
fn write_aside(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".brug-new");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path)
        .with_context(|| format!("cannot rename {} to {}", tmp.display(), path.display()))
}

/// Where `brug bundle` writes when no `--out` is given.
pub fn default_out(root: &Path) -> Option<PathBuf> {
    let hb = crate::model::load::load(root).handbook?;
    let (mut theme, _) = crate::source::theme::Theme::load(&hb.root);
    let (strings, _) = crate::source::strings::Strings::load(
        std::mem::take(&mut theme.strings),
        &hb.config.languages,
    );
    Some(root.join(info_of(&hb, &strings?).name))
}

struct Info {
    name: String,
    newest: Option<crate::source::frontmatter::Date>,
    readmes: Vec<(String, String)>,
}

/// Title, newest date and the read-me texts, from the handbook's model.
fn info_of(hb: &crate::model::Handbook, strings: &crate::source::strings::Strings) -> Info {
    let newest = hb.pages.iter().filter_map(|p| p.front.updated).max();
    let lang = hb.config.default_language.clone();
    let readmes = (0..hb.config.languages.len())
        .map(|l| {
            let code = hb.lang_code(l);
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("title", hb.config.title(code).to_string());
            args.set("pdf", crate::pdf::file_name(hb, l));
            let text = strings
                .get(l, "readme-text", Some(&args))
                .unwrap_or_default()
                .replace(['\u{2068}', '\u{2069}'], "");
            (
                strings.text(l, "readme-file"),
                text.replace('\n', "\r\n") + "\r\n",
            )
        })
        .collect();
    Info {
        name: default_name(hb.config.title(&lang), &lang, newest),
        newest,
        readmes,
    }
}

/// The zip of `files`: entries sorted, every timestamp the newest page's
/// date (noon, so no time zone moves it to another day), mode 0644.
pub fn zip(
    files: &BTreeMap<String, Vec<u8>>,
    date: Option<crate::source::frontmatter::Date>,
) -> anyhow::Result<Vec<u8>> {
    let time = match date {
        Some(d) => {
            zip::DateTime::from_date_and_time(d.year, d.month, d.day, 12, 0, 0).unwrap_or_default()
        }
        None => zip::DateTime::default(),
    };
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(time)
        .unix_permissions(0o644);
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (path, bytes) in files {
        w.start_file(path.as_str(), options)?;
        w.write_all(bytes)?;
    }
    Ok(w.finish()?.into_inner())
}

/// Verifies a bundle without opening anything: `SHA256SUMS` matches every
/// file, and every link and asset reference of every page resolves to a
/// file inside the zip. Returns the problems found (empty: all good).
pub fn check(path: &Path) -> anyhow::Result<Vec<String>> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).context("not a zip file")?;
    let mut files = BTreeMap::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i)?;
        let name = f.name()?.to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data)?;
        files.insert(name, data);
    }
    let mut problems = Vec::new();
    for needed in ["index.html", SUMS] {
        if !files.contains_key(needed) {
            problems.push(format!("{needed} is missing"));
        }
    }
    if let Some(sums) = files.get(SUMS) {
        let listed = String::from_utf8_lossy(sums);
        let mut seen = 0;
        for line in listed.lines() {
            let Some((hash, name)) = line.split_once("  ") else {
                problems.push(format!("{SUMS}: unreadable line `{line}`"));
                continue;
            };
            seen += 1;
            match files.get(name) {
                Some(data) if format!("{:x}", Sha256::digest(data)) == hash => {}
                Some(_) => problems.push(format!("{name}: its SHA-256 differs from {SUMS}")),
                None => problems.push(format!("{name}: listed in {SUMS} but not in the zip")),
            }
        }
        if seen + 1 != files.len() {
            problems.push(format!(
                "{SUMS} lists {seen} files, the zip has {}",
                files.len() - 1
            ));
        }
    }
    for (name, data) in files.iter().filter(|(n, _)| n.ends_with(".html")) {
        let html = String::from_utf8_lossy(data);
        for target in references(&html) {
            if let Some(missing) = unresolved(name, &target, &files) {
                problems.push(format!(
                    "{name}: `{target}` leads to {missing}, which is not in the zip"
                ));
            }
        }
    }
    Ok(problems)
}

/// Every `href` and `src` value of a page, quoted or not (minified HTML
/// leaves out quotes where it can).
fn references(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in [" href=", " src="] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let value = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or_default(),
                _ => rest
                    .split(|c: char| c.is_whitespace() || c == '>')
                    .next()
                    .unwrap_or_default(),
            };
            out.push(crate::text::escape::unescape_attr(value));
        }
    }
    out
}

/// The zip path a local reference from `page` needs when it is missing;
/// `None` for external references and ones that resolve.
fn unresolved(page: &str, target: &str, files: &BTreeMap<String, Vec<u8>>) -> Option<String> {
    let path = target.split(['#', '?']).next().unwrap_or_default();
    if path.is_empty()
        || target.contains("://")
        || target.starts_with("mailto:")
        || target.starts_with("data:")
        || target.starts_with("tel:")
    {
        return None;
    }
    let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
    let joined = if path.starts_with('/') {
        path.trim_start_matches('/').to_string()
    } else if dir.is_empty() {
        path.to_string()
    } else {
        format!("{dir}/{path}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Some(format!("{joined} (outside the bundle)"));
                }
            }
            s => parts.push(s),
        }
    }
    let resolved = crate::text::urls::percent_decode(&parts.join("/"));
    if files.contains_key(&resolved) {
        None
    } else {
        Some(resolved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn the_same_files_give_the_same_zip() {
        let f = files(&[("b.txt", "twee"), ("a/index.html", "<p>een</p>")]);
        let date = crate::source::frontmatter::Date::parse("2026-11-24");
        let one = zip(&f, date).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1100));
        assert_eq!(one, zip(&f, date).unwrap());
        assert_ne!(
            one,
            zip(&f, crate::source::frontmatter::Date::parse("2026-11-25")).unwrap()
        );
    }

    #[test]
    fn references_resolve_inside_the_zip_only() {
        let f = files(&[
            ("index.html", ""),
            ("nl/index.html", ""),
            ("static/site.css", ""),
        ]);
        assert_eq!(unresolved("nl/index.html", "../static/site.css", &f), None);
        assert_eq!(unresolved("nl/index.html", "index.html#top", &f), None);
        assert_eq!(
            unresolved("nl/index.html", "https://example.org/", &f),
            None
        );
        assert_eq!(
            unresolved("nl/index.html", "../de/index.html", &f),
            Some("de/index.html".into())
        );
        assert!(unresolved("index.html", "../../etc/passwd", &f)
            .unwrap()
            .contains("outside"));
        let html = r#"<a href=../x/index.html>x</a><link rel=stylesheet href="../static/site.css"><img src='a%20b.png' alt="">"#;
        assert_eq!(
            references(html),
            ["../x/index.html", "../static/site.css", "a%20b.png"]
        );
    }

    #[test]
    fn the_default_name_has_title_and_date() {
        let d = crate::source::frontmatter::Date::parse("2026-11-24");
        assert_eq!(
            default_name("Handboek Integratievisie", "nl", d),
            "handboek-integratievisie-2026-11-24.zip"
        );
        assert_eq!(default_name("", "nl", None), "handbook.zip");
    }
}
