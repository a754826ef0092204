//! The house style as the chrome of a page shows it: the accent's
//! stylesheet, the logo, the footer text and the funders, with URLs
//! relative to the page.

use super::context::Views;
use crate::model::Lang;
use crate::source::house_style::image_url;
use crate::text::urls::relative;
use pulldown_cmark::{Event, Parser};
use serde::Serialize;

#[derive(Debug, Default, Serialize)]
pub struct House {
    /// `static/house.css`, when `[theme]` sets an accent.
    pub stylesheet: Option<String>,
    pub logo: Option<String>,
    /// The footer text of this language, as HTML.
    pub footer: Option<String>,
    pub funders: Vec<FunderView>,
}

#[derive(Debug, Serialize)]
pub struct FunderView {
    pub text: String,
    pub logo: Option<String>,
}

impl Views<'_> {
    /// The house style of the page at `url` in `lang`.
    pub fn house(&self, url: &str, lang: Lang) -> House {
        let config = self.reader.config();
        let style = &config.theme;
        let code = self.reader.lang_code(lang);
        let href = |path: &str| relative(url, &image_url(path), false);
        House {
            stylesheet: style
                .accent()
                .map(|_| relative(url, "static/house.css", false)),
            logo: style.logo.as_deref().map(href),
            footer: style.footer.get(code).map(|text| inline_markdown(text)),
            funders: style
                .funders
                .iter()
                .filter_map(|f| {
                    Some(FunderView {
                        text: f.text.get(code)?.clone(),
                        logo: f.logo.as_deref().map(href),
                    })
                })
                .collect(),
        }
    }
}

/// Markdown from `handbook.toml` as HTML; raw HTML in it is shown as text,
/// so the configuration cannot put markup or script on every page.
pub fn inline_markdown(text: &str) -> String {
    let events = Parser::new(text).map(|e| match e {
        Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footer_markdown_keeps_emphasis_and_links_and_escapes_html() {
        let html = inline_markdown(
            "Met steun van *EFRO*. [Euregio](https://euregio.example) <script>x</script>",
        );
        assert!(html.contains("<em>EFRO</em>"), "{html}");
        assert!(
            html.contains("<a href=\"https://euregio.example\">Euregio</a>"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<script>"), "{html}");
    }
}
