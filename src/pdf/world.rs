//! What Typst may read while it typesets the handbook: one source (the
//! document brug wrote), the images checked beforehand, and the fonts
//! compiled into brug (typst-assets: Libertinus Serif, New Computer
//! Modern, DejaVu Sans Mono). No system fonts, no files beyond those, no
//! packages, no network: the same sources give the same PDF anywhere.

use std::collections::HashMap;
use std::sync::OnceLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The fonts, read from the binary once per process.
fn fonts() -> &'static (Vec<Font>, LazyHash<FontBook>) {
    static FONTS: OnceLock<(Vec<Font>, LazyHash<FontBook>)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        (fonts, book)
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

/// One document to typeset.
pub struct Handbook {
    main: Source,
    files: HashMap<FileId, Bytes>,
}

impl Handbook {
    /// The document `text` with the `images` (virtual path, bytes) it uses.
    pub fn new(text: String, images: &[(String, Bytes)]) -> Handbook {
        let main = Source::new(file_id("/handbook.typ").expect("a valid path"), text);
        let files = images
            .iter()
            .filter_map(|(path, bytes)| Some((file_id(path)?, bytes.clone())))
            .collect();
        Handbook { main, files }
    }

    /// The line and column (1-based) of a byte offset in the document.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        crate::diagnostics::line_col(self.main.text(), offset)
    }

    pub fn source_text(&self) -> &str {
        self.main.text()
    }
}

impl World for Handbook {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().1
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.text().to_string()));
        }
        self.files.get(&id).cloned().ok_or(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().0.get(index).cloned()
    }

    /// No "today": the document's date comes from its pages.
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}
