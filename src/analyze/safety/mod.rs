//! What content may put on a page. Raw HTML is sanitised (unless the
//! handbook trusts its editors), links may not run script, and nothing on
//! a page loads from another site unless `handbook.toml` names the host:
//! a public-sector page should not announce its readers to third parties,
//! and the offline copy should be complete.

pub mod policy;
pub mod scan;

use crate::source::config::{Config, RawHtml};

/// Raw HTML and Markdown may nest this deep; no real page comes near it,
/// and every later step (the minifier too) stays well inside its stack.
pub const MAX_DEPTH: usize = 100;

/// The handbook's choices about content, as rendering needs them.
#[derive(Debug, Clone, Copy)]
pub struct Safety<'a> {
    pub raw_html: RawHtml,
    /// Hosts pages may load resources from.
    pub hosts: &'a [String],
}

impl<'a> Safety<'a> {
    pub fn of(config: &'a Config) -> Self {
        Safety {
            raw_html: config.markdown.raw_html,
            hosts: &config.output.external_resources,
        }
    }

    /// May a page load resources from `host`?
    pub fn allows_host(&self, host: &str) -> bool {
        self.hosts.iter().any(|h| h.eq_ignore_ascii_case(host))
    }

    /// The `Content-Security-Policy` every page carries: only the site's
    /// own files (and the allowed hosts); inline script and style only when
    /// the editors are trusted with raw HTML.
    pub fn content_security_policy(&self) -> String {
        let hosts: String = self.hosts.iter().map(|h| format!(" https://{h}")).collect();
        let inline = match self.raw_html {
            RawHtml::Trusted => " 'unsafe-inline'",
            _ => "",
        };
        let frames = match hosts.is_empty() {
            true => " 'none'".to_string(),
            false => hosts.clone(),
        };
        format!(
            "default-src 'self'; img-src 'self' data:{hosts}; media-src 'self'{hosts}; \
             script-src 'self'{hosts}{inline}; style-src 'self'{hosts}{inline}; \
             frame-src{frames}; object-src 'none'; base-uri 'none'; form-action 'none'"
        )
    }
}

/// The scheme of `url` (`javascript`), lowercased, as a browser reads it:
/// leading blanks and control characters and inner tabs and line breaks
/// do not count. `None` for a relative URL.
pub fn url_scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take_while(|c| !matches!(c, '/' | '?' | '#'))
        .collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// The host of `url` when it is on another site (`https://…`, `http://…`
/// or `//…`); `None` for the site's own files and other schemes.
pub fn external_host(url: &str) -> Option<String> {
    let url = url.trim_matches(|c: char| c <= ' ');
    let rest = match url_scheme(url).as_deref() {
        Some("http" | "https") => url.split_once(':')?.1.strip_prefix("//")?,
        None => url.strip_prefix("//")?,
        Some(_) => return None,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    Some(host.to_ascii_lowercase())
}

/// Why a Markdown link to `url` is refused: a scheme that runs script or
/// hides a document. `image`: the link is an image's source, where
/// `data:` images are harmless.
pub fn refused_scheme(url: &str, image: bool) -> Option<String> {
    let scheme = url_scheme(url)?;
    let refused = match scheme.as_str() {
        "javascript" | "vbscript" => true,
        "data" => !image,
        _ => false,
    };
    refused.then_some(scheme)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_are_read_as_browsers_read_them() {
        assert_eq!(
            url_scheme("javascript:alert(1)").as_deref(),
            Some("javascript")
        );
        assert_eq!(url_scheme(" JavaScript:x").as_deref(), Some("javascript"));
        assert_eq!(url_scheme("java\tscript:x").as_deref(), Some("javascript"));
        assert_eq!(url_scheme("../a.md"), None);
        assert_eq!(url_scheme("a/b:c"), None);
        assert_eq!(url_scheme("#top"), None);
        assert_eq!(
            refused_scheme("data:text/html,x", false).as_deref(),
            Some("data")
        );
        assert_eq!(refused_scheme("data:image/png;base64,x", true), None);
        assert_eq!(refused_scheme("mailto:a@b.example", false), None);
    }

    #[test]
    fn hosts_of_other_sites() {
        assert_eq!(
            external_host("https://Www.Example.org/x.png").as_deref(),
            Some("www.example.org")
        );
        assert_eq!(
            external_host("//cdn.example:8080/a").as_deref(),
            Some("cdn.example")
        );
        assert_eq!(
            external_host("http://u:p@h.example").as_deref(),
            Some("h.example")
        );
        assert_eq!(external_host("foto.png"), None);
        assert_eq!(external_host("/static/a.png"), None);
        assert_eq!(external_host("mailto:x@y"), None);
    }

    #[test]
    fn the_policy_names_allowed_hosts_and_trust() {
        let hosts = vec!["media.example.org".to_string()];
        let s = Safety {
            raw_html: RawHtml::Sanitize,
            hosts: &hosts,
        };
        let csp = s.content_security_policy();
        assert!(
            csp.contains("img-src 'self' data: https://media.example.org;"),
            "{csp}"
        );
        assert!(!csp.contains("unsafe-inline"));
        assert!(s.allows_host("Media.Example.org"));
        let none = Safety {
            raw_html: RawHtml::Trusted,
            hosts: &[],
        };
        assert!(none.content_security_policy().contains("frame-src 'none'"));
        assert!(none
            .content_security_policy()
            .contains("script-src 'self' 'unsafe-inline'"));
    }
}
