//! The house style's files (`[theme]` of `handbook.toml`): the stylesheet
//! that sets the accent colour, and the logos, copied from the handbook's
//! folder into `static/house/`.

use super::{Output, Site};
use crate::diagnostics::Diagnostic;
use crate::source::house_style::{image_url, images};

impl Site<'_> {
    /// `static/house.css`: the accent in both colour schemes.
    pub(super) fn house_css(&self) -> Result<Output, Diagnostic> {
        let accent = self.hb.config.theme.accent().ok_or_else(|| {
            Diagnostic::error("handbook.toml", "[theme] has no usable accent colour")
        })?;
        Ok(Output::new(
            "static/house.css".into(),
            accent.css().into_bytes(),
        ))
    }

    /// Image `i` of `images()`, read from the handbook's folder.
    pub(super) fn house_image(&self, i: usize) -> Result<Output, Diagnostic> {
        let style = &self.hb.config.theme;
        let path = images(style).get(i).copied().unwrap_or_default();
        let bytes = std::fs::read(self.hb.root.join(path)).map_err(|e| {
            Diagnostic::error("handbook.toml", format!("[theme] names the image `{path}`, which cannot be read: {e}"))
                .hint("give its path from the folder that holds handbook.toml, e.g. logo = \"static/logo.svg\"")
        })?;
        Ok(Output::new(image_url(path), bytes))
    }
}
