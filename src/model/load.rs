//! Loading: walks `content/`, reads and parses every page once (in
//! parallel), and assembles the `Handbook`: pairs, sections, URLs and
//! translation states. Every problem becomes a diagnostic; a page that cannot
//! be parsed is left out, so that one run reports every problem at once.

use crate::diagnostics::Diagnostic;
use crate::model::positions::Positions;
use crate::model::{pairs, tree};
use crate::model::{Handbook, Lang, Page};
use crate::source::config::Config;
use crate::source::frontmatter::{self, Kind};
use crate::source::walk::walk;
use rayon::prelude::*;
use std::cell::OnceCell;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The result of loading: the model (when the configuration was usable) and
/// every diagnostic found on the way.
pub struct Loaded {
    pub handbook: Option<Handbook>,
    pub diagnostics: Vec<Diagnostic>,
    /// The part of `diagnostics` about single files, found while walking
    /// `content/` and parsing each page (`brug serve` keeps them when it
    /// reassembles the handbook after a change to other files).
    pub file_diagnostics: Vec<Diagnostic>,
}

/// Reads `root/handbook.toml` and `root/content/` into a `Handbook`.
pub fn load(root: &Path) -> Loaded {
    let mut diags = Vec::new();
    match read_config(root, &mut diags) {
        Some(config) => load_content(root, config, diags),
        None => Loaded {
            handbook: None,
            diagnostics: diags,
            file_diagnostics: Vec::new(),
        },
    }
}

/// Reads `root/content/` into a `Handbook` with `config` (as read from
/// `root/handbook.toml`); `diags` holds what reading the config found.
pub fn load_content(root: &Path, config: Config, mut diags: Vec<Diagnostic>) -> Loaded {
    let failed = |diagnostics| Loaded {
        handbook: None,
        diagnostics,
        file_diagnostics: Vec::new(),
    };
    let content = root.join("content");
    if !content.is_dir() {
        diags.push(
            Diagnostic::error("content", "there is no content/ folder").hint(
                "create content/_index.nl.md and content/_index.de.md, or run `brug init DIR`",
            ),
        );
        return failed(diags);
    }
    let mut file_diags = Vec::new();
    let (page_files, static_files) = walk(root, &content, &config, &mut file_diags);
    let parsed: Vec<(Option<Page>, Vec<Diagnostic>)> = page_files
        .par_iter()
        .map(|(path, lang)| read_page(root, path, *lang))
        .collect();
    let mut pages = Vec::with_capacity(parsed.len());
    for (page, page_diags) in parsed {
        file_diags.extend(page_diags);
        pages.extend(page.filter(|p| !p.front.draft));
    }
    diags.extend(file_diags.iter().cloned());
    let handbook = assemble(root, config, pages, static_files, &mut diags);
    Loaded {
        handbook: Some(handbook),
        diagnostics: diags,
        file_diagnostics: file_diags,
    }
}

/// The handbook made of parsed `pages` (in the order of their files) and
/// the static files under `content/`: pairs, translation states, sections,
/// URLs, and the checks across pages.
pub fn assemble(
    root: &Path,
    config: Config,
    pages: Vec<Page>,
    static_files: Vec<PathBuf>,
    diags: &mut Vec<Diagnostic>,
) -> Handbook {
    let source = config
        .languages
        .iter()
        .position(|l| *l == config.source_language)
        .unwrap_or(0);
    let (mut pair_list, by_stem) = pairs::pair_pages(&pages, config.languages.len(), source, diags);
    pairs::compute_status(&mut pair_list, &pages, &config.languages);
    let mut handbook = Handbook {
        root: root.to_path_buf(),
        config,
        pages,
        pairs: pair_list,
        sections: Vec::new(),
        statics: Vec::new(),
        by_stem,
        static_by_path: Default::default(),
        section_by_dir: Default::default(),
    };
    tree::build(&mut handbook, static_files, diags);
    validate_pages(&handbook, diags);
    handbook
}

fn read_config(root: &Path, diags: &mut Vec<Diagnostic>) -> Option<Config> {
    let path = root.join("handbook.toml");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => frontmatter::normalize(t),
        Err(e) => {
            diags.push(
                Diagnostic::error("handbook.toml", format!("cannot read {}: {e}", path.display()))
                    .hint("run brug in the folder that holds handbook.toml, pass --root DIR, or start one with `brug init DIR`"),
            );
            return None;
        }
    };
    let (config, config_diags) = Config::parse(&text, Path::new("handbook.toml"));
    diags.extend(config_diags);
    config
}

fn rel(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Reads and parses one page file (absolute `path`, below `root/content`).
pub fn read_page(root: &Path, path: &Path, lang: Lang) -> (Option<Page>, Vec<Diagnostic>) {
    match std::fs::read(path) {
        Ok(bytes) => parse_page(root, path, lang, bytes),
        Err(e) => (
            None,
            vec![Diagnostic::error(
                rel(root, path),
                format!("cannot read the file: {e}"),
            )],
        ),
    }
}

/// Parses the `bytes` of the page file at `path` (absolute, below
/// `root/content`): UTF-8, front matter, body, hash. No file is read.
pub fn parse_page(
    root: &Path,
    path: &Path,
    lang: Lang,
    bytes: Vec<u8>,
) -> (Option<Page>, Vec<Diagnostic>) {
    let content = root.join("content");
    let file = rel(root, path);
    let text = match String::from_utf8(bytes) {
        Ok(t) => frontmatter::normalize(t),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let offset = String::from_utf8_lossy(&e.as_bytes()[..valid]).len();
            let d = Diagnostic::error(file, "the file is not valid UTF-8")
                .at(&lossy, offset)
                .hint(
                    "save the file as UTF-8 (most editors offer it under \"Save as… / Encoding\")",
                );
            return (None, vec![d]);
        }
    };
    let split = match frontmatter::split(&text, &file) {
        Ok(s) => s,
        Err(d) => return (None, vec![d]),
    };
    let (front, diags) = frontmatter::parse(&text, &split, &file);
    let Some(front) = front else {
        return (None, diags);
    };
    let body_offset = split.body_offset;
    let (dir, file_name) = crate::model::content_path(&content, path);
    let name = file_name
        .rsplitn(3, '.')
        .nth(2)
        .unwrap_or_default()
        .to_string();
    let hash = pairs::text_hash(&front.title, &text[body_offset..]);
    let page = Page {
        file,
        dir,
        name,
        lang,
        front,
        text,
        body_offset,
        hash,
        kind: Kind::Page,
    };
    (Some(page), diags)
}

/// Checks that need the configuration: cities, transfer, taxonomy terms, slugs.
fn validate_pages(hb: &Handbook, diags: &mut Vec<Diagnostic>) {
    let city_list = hb.config.cities.keys().cloned().collect::<Vec<_>>();
    let city_list = city_list.join(", ");
    for page in &hb.pages {
        let page = Checked {
            page,
            positions: OnceCell::new(),
        };
        validate_page(hb, &page, &city_list, diags);
    }
}

/// A page being checked, and where the values of its front matter stand,
/// found at its first problem.
struct Checked<'a> {
    page: &'a Page,
    positions: OnceCell<Positions<'a>>,
}

impl Checked<'_> {
    /// `d`, placed at the offset `find` looks up.
    fn at(&self, d: Diagnostic, find: impl Fn(&Positions) -> usize) -> Diagnostic {
        let pos = self.positions.get_or_init(|| Positions::of(self.page));
        d.at_line(&pos.lines, find(pos))
    }
}

fn validate_page(hb: &Handbook, checked: &Checked, city_list: &str, diags: &mut Vec<Diagnostic>) {
    let page = checked.page;
    let config = &hb.config;
    let fm = &page.front;
    if let Some(t) = &fm.transfer {
        check_transfer(checked, t, diags);
        for city in t.from.iter().chain(&t.to) {
            if !config.cities.contains_key(city) {
                let d =
                    Diagnostic::error(&page.file, format!("unknown city `{city}` in [transfer]"));
                diags.push(checked.at(d, |p| p.value(city)).hint(format!(
                    "use a city key from [cities] in handbook.toml: {city_list}"
                )));
            }
        }
    }
    for (taxonomy, terms) in fm.taxonomies.iter() {
        for term in terms {
            if !config.has_term(taxonomy, term) {
                let d = Diagnostic::warning(
                    &page.file,
                    format!("unknown term `{term}` in taxonomy `{taxonomy}`"),
                );
                let hint = unknown_term_hint(config, taxonomy, term);
                diags.push(checked.at(d, |p| p.value(term)).hint(hint));
            }
        }
    }
    if let Some(slug) = fm.slug.as_ref().filter(|s| !crate::text::slug::is_valid(s)) {
        let d = Diagnostic::error(
            &page.file,
            format!("the slug `{slug}` cannot be a URL segment"),
        );
        diags.push(checked.at(d, |p| p.value(slug)).hint(format!(
            "use lowercase letters, digits and '-', e.g. slug = \"{}\"",
            crate::text::slug::slugify(slug, hb.lang_code(page.lang))
        )));
    }
    if let Some(code) = fm
        .source_language
        .as_ref()
        .filter(|c| hb.lang_index(c).is_none())
    {
        let d = Diagnostic::error(
            &page.file,
            format!("source_language `{code}` is not in `languages`"),
        );
        diags.push(
            checked
                .at(d, |p| p.value(code))
                .hint(format!("use one of: {}", config.languages.join(", "))),
        );
    }
}

/// A transfer goes elsewhere, and a per-city status names exactly its targets.
fn check_transfer(
    checked: &Checked,
    t: &crate::source::frontmatter::Transfer,
    diags: &mut Vec<Diagnostic>,
) {
    let page = checked.page;
    let to: HashSet<&String> = t.to.iter().collect();
    if let Some(from) = t.from.as_ref().filter(|f| to.contains(f)) {
        let d = Diagnostic::error(
            &page.file,
            format!("the practice goes from `{from}` to itself"),
        );
        diags.push(
            checked
                .at(d, |p| p.value_after("to", from))
                .hint("list in `to` only the cities that took the practice over"),
        );
    }
    let crate::source::frontmatter::Statuses::PerCity(map) = &t.status else {
        return;
    };
    for city in map.keys().filter(|c| !to.contains(c)) {
        let d = Diagnostic::error(
            &page.file,
            format!("`status` names `{city}`, which is not in `to`"),
        );
        diags.push(
            checked
                .at(d, |p| p.key(city))
                .hint(format!("add \"{city}\" to `to`, or remove its status")),
        );
    }
    for city in t.to.iter().filter(|c| !map.contains_key(*c)) {
        let d = Diagnostic::error(
            &page.file,
            format!("the transfer to `{city}` has no status"),
        );
        diags.push(checked.at(d, |p| p.key("status")).hint(format!(
            "add {city} = \"planned\" (or adapting, implemented, not_transferable) to `status`"
        )));
    }
}

/// The hint for a term `term` that `taxonomy` does not define: the defined
/// term it most likely means, or how to define it.
fn unknown_term_hint(config: &crate::source::config::Config, taxonomy: &str, term: &str) -> String {
    let known: Vec<&str> = config
        .terms(taxonomy)
        .map(|t| t.keys().map(String::as_str).collect())
        .unwrap_or_default();
    match crate::source::schema::closest(term, &known) {
        Some(k) => format!("did you mean `{k}`?"),
        None => format!(
            "define it in handbook.toml as [taxonomies.{taxonomy}.{term}] with a label per language"
        ),
    }
}
