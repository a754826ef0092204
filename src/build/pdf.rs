//! `brug pdf` and `brug build --pdf`: the handbook checked as for a
//! build, then each language typeset by `crate::pdf`. A handbook with
//! errors gets no PDF.

use crate::analyze::prepared::Prepared;
use crate::diagnostics::Diagnostic;
use crate::model::{Handbook, Lang};
use crate::source::strings::Strings;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// A PDF written.
#[derive(Debug)]
pub struct Made {
    pub path: PathBuf,
    pub bytes: usize,
    pub pages: usize,
}

/// One language's PDF, typeset.
pub struct Typeset {
    pub lang: Lang,
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// Writes the PDF of each of `langs` (codes; empty: every language) into
/// `out`. Diagnostics are the check's, the PDF's warnings (raw HTML, an
/// image it cannot show) and errors.
pub fn make(root: &Path, langs: &[String], out: &Path) -> (Vec<Made>, Vec<Diagnostic>) {
    let (report, built) = crate::build::site::run_keeping(
        root,
        crate::build::site::Dest::Check,
        crate::build::site::options(false),
    );
    let errors = report.errors();
    let mut diags = report.diagnostics;
    let Some(built) = built.filter(|_| errors == 0) else {
        return (Vec::new(), diags);
    };
    let (hb, prepared, strings) = (&built.hb, &built.prepared, built.renderer.strings());
    let chosen: Vec<Lang> = (0..hb.config.languages.len())
        .filter(|&l| langs.is_empty() || langs.iter().any(|c| c == hb.lang_code(l)))
        .collect();
    let Some(typeset) = typeset(hb, prepared, strings, &chosen, &mut diags) else {
        return (Vec::new(), diags);
    };
    let mut made = Vec::new();
    for t in typeset {
        let path = out.join(crate::pdf::file_name(hb, t.lang));
        match write(&path, &t.bytes) {
            Ok(()) => made.push(Made {
                path,
                bytes: t.bytes.len(),
                pages: t.pages,
            }),
            Err(e) => diags.push(Diagnostic::error(
                &path,
                format!("cannot write the PDF: {e}"),
            )),
        }
    }
    (made, diags)
}

/// The PDFs of `langs`, typeset side by side; None when one failed (its
/// errors are in `diags`).
pub fn typeset(
    hb: &Handbook,
    prepared: &Prepared,
    strings: &Strings,
    langs: &[Lang],
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<Typeset>> {
    let results: Vec<(Vec<Diagnostic>, Option<Typeset>)> = langs
        .par_iter()
        .map(|&lang| {
            let mut own = Vec::new();
            let pdf = crate::pdf::pdf(hb, prepared, strings, lang, &mut own);
            let typeset = pdf.map(|(bytes, pages)| Typeset { lang, bytes, pages });
            (own, typeset)
        })
        .collect();
    let mut done = Vec::new();
    let mut failed = false;
    for (own, typeset) in results {
        diags.extend(own);
        match typeset {
            Some(t) => done.push(t),
            None => failed = true,
        }
    }
    (!failed).then_some(done)
}

/// Writes beside and renames, so that a failed write leaves the old PDF.
fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("pdf.part");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}
