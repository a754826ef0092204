//! The images of the PDF: each file beside the pages read once, checked
//! to decode (an image Typst cannot read would fail the whole document),
//! and given a path in the document's virtual file system.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use typst::foundations::Bytes;
use typst::visualize::{ExchangeFormat, RasterImage, SvgImage};

/// The images the document uses, by virtual path.
#[derive(Default)]
pub struct Images {
    pub files: Vec<(String, Bytes)>,
    by_source: HashMap<PathBuf, String>,
}

impl Images {
    /// The virtual path of the image at `source`, or why it cannot be used.
    pub fn add(&mut self, source: &Path) -> Result<String, String> {
        if let Some(path) = self.by_source.get(source) {
            return Ok(path.clone());
        }
        let data = std::fs::read(source).map_err(|e| e.to_string())?;
        let ext = source
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let bytes = Bytes::new(data);
        let ext = match ext.as_str() {
            "svg" => {
                SvgImage::new(bytes.clone()).map_err(|_| "not a valid SVG image".to_string())?;
                "svg".to_string()
            }
            _ => {
                let format = ExchangeFormat::detect(&bytes)
                    .ok_or_else(|| "not a PNG, JPEG, GIF or WebP image".to_string())?;
                RasterImage::plain(bytes.clone(), format).map_err(|e| e.to_string())?;
                ext
            }
        };
        let path = format!("/images/{}.{ext}", self.files.len());
        self.files.push((path.clone(), bytes));
        self.by_source.insert(source.to_path_buf(), path.clone());
        Ok(path)
    }

    /// The virtual path of an image brug drew itself (the transfer
    /// diagram), with extension `ext`.
    pub fn add_generated(&mut self, ext: &str, data: Vec<u8>) -> String {
        let path = format!("/images/{}.{ext}", self.files.len());
        self.files.push((path.clone(), Bytes::new(data)));
        path
    }
}
