//! The handbook as one tagged PDF per language, typeset in process by
//! Typst (the build step checks the handbook first and writes the files).
//! Each language's chapters come in the print view's reading order
//! (`document`), their Markdown becomes Typst markup
//! (`markup`, every string from content escaped by `escape`), and Typst
//! typesets it from what `world` gives it: that document, the checked
//! `images`, and fonts compiled into brug. The PDF is PDF/UA-1: tagged,
//! with the document's title and language, headings as its outline.

pub mod document;
mod escape;
mod extras;
mod images;
mod markup;
mod world;

use crate::analyze::overview::reading_order;
use crate::analyze::prepared::Prepared;
use crate::diagnostics::Diagnostic;
use crate::model::{Handbook, Lang};
use crate::source::strings::Strings;
use crate::text::slug::slugify;
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

/// `handboek-integratievisie-nl.pdf`: the handbook's title and the language.
pub fn file_name(hb: &Handbook, lang: Lang) -> String {
    let code = hb.lang_code(lang);
    let title = hb
        .config
        .title
        .get(code)
        .or_else(|| hb.config.title.values().next())
        .map(|t| slugify(t, code))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "handbook".into());
    format!("{title}-{code}.pdf")
}

/// The PDF of `lang` and its number of pages, or None after an error.
pub fn pdf(
    hb: &Handbook,
    prepared: &Prepared,
    strings: &Strings,
    lang: Lang,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Vec<u8>, usize)> {
    let chapters = reading_order(hb, lang);
    let doc = document::document(hb, prepared, strings, lang, &chapters, diags);
    let world = world::Handbook::new(doc.text, &doc.images.files);
    let compiled = typst::compile::<PagedDocument>(&world);
    let typeset = match compiled.output {
        Ok(d) => d,
        Err(errors) => {
            diags.extend(errors.iter().map(|e| typst_error(&world, hb, lang, e)));
            return None;
        }
    };
    let standards = match PdfStandards::new(&[PdfStandard::Ua_1]) {
        Ok(s) => s,
        Err(e) => {
            let d = Diagnostic::error(
                file_name(hb, lang),
                format!("Typst refuses PDF/UA-1: {}", e.message()),
            );
            diags.push(d.hint("this is a mistake in brug; please report it"));
            return None;
        }
    };
    let options = PdfOptions {
        ident: Smart::Custom(format!("brug-{}", hb.lang_code(lang))),
        creator: Smart::Custom(Some("brug".into())),
        standards,
        ..PdfOptions::default()
    };
    match typst_pdf::pdf(&typeset, &options) {
        Ok(bytes) => Some((bytes, typeset.pages().len())),
        Err(errors) => {
            diags.extend(errors.iter().map(|e| typst_error(&world, hb, lang, e)));
            None
        }
    }
}

/// A Typst error: brug wrote the document, so it is brug's mistake unless
/// content made it; the line of the document it was typesetting says
/// which.
fn typst_error(
    world: &world::Handbook,
    hb: &Handbook,
    lang: Lang,
    e: &typst::diag::SourceDiagnostic,
) -> Diagnostic {
    use typst::WorldExt;
    let place = world.range(e.span).map(|r| {
        let (line, col) = world.line_col(r.start);
        let text = world.source_text();
        let start = text[..r.start].rfind('\n').map_or(0, |i| i + 1);
        let end = text[r.start..]
            .find('\n')
            .map_or(text.len(), |i| r.start + i);
        format!(
            " at line {line}, column {col} of the document: {}",
            &text[start..end]
        )
    });
    Diagnostic::error(
        file_name(hb, lang),
        format!(
            "Typst could not typeset the PDF: {}{}",
            e.message,
            place.unwrap_or_default()
        ),
    )
    .hint("this is a mistake in brug; please report it with the page it names")
}
