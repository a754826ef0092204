//! Code highlighting with syntect, as CSS classes (`hl-…`) rather than inline
//! styles, so that the theme's light and dark stylesheets decide the colours
//! (and can keep them at WCAG contrast). The syntax set is loaded on first
//! use: a handbook without code blocks never pays for it.

use std::sync::OnceLock;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::text::escape::html as escape;

/// Class prefix of highlighted spans; the theme's CSS styles `.hl-comment` etc.
const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Highlights code blocks; one per build, shared by all rendering threads.
#[derive(Default)]
pub struct Highlighter {
    syntaxes: OnceLock<SyntaxSet>,
}

impl Highlighter {
    /// The `<pre>` element for a code block in `lang` (may be empty).
    pub fn block(&self, code: &str, lang: &str) -> String {
        let lang = lang.split([',', ' ']).next().unwrap_or_default();
        let body = if lang.is_empty() {
            None
        } else {
            self.classed(code, lang)
        };
        let body = body.unwrap_or_else(|| escape(code));
        if lang.is_empty() {
            format!("<pre class=\"code\"><code>{body}</code></pre>\n")
        } else {
            let lang = escape(lang);
            format!("<pre class=\"code\" data-lang=\"{lang}\"><code class=\"language-{lang}\">{body}</code></pre>\n")
        }
    }

    fn classed(&self, code: &str, lang: &str) -> Option<String> {
        let set = self.syntaxes.get_or_init(SyntaxSet::load_defaults_newlines);
        let syntax = set.find_syntax_by_token(lang)?;
        let mut gen = ClassedHTMLGenerator::new_with_class_style(syntax, set, STYLE);
        for line in LinesWithEndings::from(code) {
            gen.parse_html_for_line_which_includes_newline(line).ok()?;
        }
        Some(gen.finalize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_language_gets_classes_not_styles() {
        let html = Highlighter::default().block("{\"a\": 1}\n", "json");
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="));
        assert!(html.starts_with("<pre class=\"code\" data-lang=\"json\">"));
    }

    #[test]
    fn unknown_language_is_escaped_plain_text() {
        let html = Highlighter::default().block("<b>&</b>\n", "nosuchlang");
        assert!(html.contains("&lt;b&gt;&amp;&lt;/b&gt;"));
    }
}
