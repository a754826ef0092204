//! The compiled theme: Tera templates (one instance per language, whose
//! `t()` function answers in that language), the interface strings, the
//! theme's assets and the output options. It depends only on the theme,
//! the strings and the language count, so `brug serve` keeps it across
//! content changes and compiles it again only when the theme changes.

use crate::analyze::highlight::Highlighter;
use crate::analyze::markdown::LinkStyle;
use crate::diagnostics::Diagnostic;
use crate::model::Lang;
use crate::render::{Output, RenderOptions};
use crate::source::strings::{Strings, TeraStrings};
use crate::source::theme::Theme;
use crate::text::hash::{Fingerprint, Source};
use crate::text::long::Texts;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Templates, strings and assets, ready to render any job.
pub struct Renderer {
    strings: Arc<Strings>,
    /// A hash of the templates and strings: part of every page's source.
    fingerprint: Source,
    teras: Vec<tera::Tera>,
    /// (path below `static/`, bytes) of every theme asset.
    pub assets: Vec<(String, Vec<u8>)>,
    pub opts: RenderOptions,
    /// Code highlighting for Markdown rendered while jobs run (the
    /// side-by-side columns); its syntaxes load at the first code block.
    pub highlighter: Highlighter,
    /// Minified pages whose map could not be put in after minifying
    /// (`Site::template_page`): each is rendered twice, so after
    /// `UNSPLICED_MAX` of them (a theme that does not show the map as it
    /// is) the renderer stops trying.
    unspliced: AtomicUsize,
}

/// How many pages may fail to get their map put in before every page is
/// rendered with its map in it.
const UNSPLICED_MAX: usize = 8;

impl Renderer {
    /// Compiles the theme's templates for `langs` languages. A template
    /// that does not compile is a diagnostic.
    pub fn new(
        theme: Theme,
        strings: Strings,
        langs: usize,
        opts: RenderOptions,
    ) -> Result<Renderer, Diagnostic> {
        let strings = Arc::new(strings);
        let mut base = tera::Tera::default();
        base.autoescape_on(vec![".html", ".xml"]);
        // Escape what HTML needs, not `/`: tera's default turns every URL
        // into `..&#x2F;..&#x2F;`, bloating pages for nothing.
        base.set_escape_fn(crate::text::escape::html);
        let templates: Vec<(String, String)> = theme.templates.into_iter().collect();
        let mut fingerprint = Fingerprint::default();
        fingerprint.part(&strings.fingerprint);
        for (name, text) in &templates {
            fingerprint.part(name.as_bytes()).part(text.as_bytes());
        }
        let fingerprint = fingerprint.finish();
        base.add_raw_templates(templates)
            .map_err(|e| template_error(&e))?;
        let teras = (0..langs)
            .map(|lang| {
                let mut t = base.clone();
                let strings = strings.clone();
                t.register_function("t", TeraStrings { strings, lang });
                t
            })
            .collect();
        Ok(Renderer {
            strings,
            fingerprint,
            teras,
            assets: theme.assets.into_iter().collect(),
            opts,
            highlighter: Highlighter::default(),
            unspliced: AtomicUsize::new(0),
        })
    }

    pub fn strings(&self) -> &Strings {
        &self.strings
    }

    pub fn links(&self) -> LinkStyle {
        self.opts.links
    }

    pub fn draft(&self) -> bool {
        self.opts.draft
    }

    /// Renders template `name` in `lang` with `ctx`; an error names `file`,
    /// the template or page that was being rendered.
    pub fn template<C: serde::Serialize>(
        &self,
        lang: Lang,
        name: &str,
        ctx: &C,
        file: &Path,
    ) -> Result<String, Diagnostic> {
        let ctx = tera::Context::from_serialize(ctx).map_err(|e| template_error(&e))?;
        self.teras[lang].render(name, &ctx).map_err(|e| {
            let mut d = template_error(&e);
            d.message = format!("{} (while rendering {})", d.message, file.display());
            d
        })
    }

    /// What the page rendered from template `name` in `lang` with `ctx`
    /// is made from: brug's version and minifier, the templates and
    /// strings, the options and the context. `None` when the context does not
    /// serialize (rendering then reports why).
    pub fn source<C: serde::Serialize>(&self, lang: Lang, name: &str, ctx: &C) -> Option<Source> {
        let mut h = Fingerprint::default();
        h.part(env!("CARGO_PKG_VERSION").as_bytes())
            .part(super::minify::PAGES.as_bytes())
            .part(&self.fingerprint)
            .part(&(lang as u64).to_le_bytes())
            .part(name.as_bytes())
            .part(format!("{:?}", self.opts).as_bytes());
        JSON.with_borrow_mut(|json| {
            json.clear();
            crate::text::long::serializing(Texts::Hashed, || {
                serde_json::to_writer(&mut *json, ctx)
            })
            .ok()?;
            std::io::Write::write_all(&mut h, json).ok()
        })?;
        Some(h.finish())
    }

    /// Whether minified pages still get their map put in after minifying.
    pub fn splicing(&self) -> bool {
        self.opts.minify && self.unspliced.load(Ordering::Relaxed) < UNSPLICED_MAX
    }

    /// Notes a page whose map could not be put in.
    pub fn unspliced(&self) {
        self.unspliced.fetch_add(1, Ordering::Relaxed);
    }

    /// An HTML output file, to be minified when the build minifies.
    pub fn html(&self, path: String, html: String) -> Output {
        Output {
            minify: self.opts.minify,
            ..Output::new(path, html.into_bytes())
        }
    }
}

thread_local! {
    /// A page's context as JSON, for its source hash: hashed in one piece,
    /// since XXH3 fed the serializer's many small writes one by one took
    /// a tenth of a second build.
    static JSON: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A Tera error with its causes, as a diagnostic.
fn template_error(e: &tera::Error) -> Diagnostic {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    Diagnostic::error("themes/default/templates", format!("template error: {msg}"))
        .hint("check the template named in the message; an unknown interface string must be added to every i18n/*.ftl")
}
