//! URL paths as the site writes them: relative links between output
//! paths, percent-encoding and -decoding, and joining content paths.

/// Joins `path` to the content folder `dir`, resolving `.` and `..`.
/// `None` when it climbs above `content/`.
pub fn normalize(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    let trailing = path.ends_with('/');
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let mut out = parts.join("/");
    if trailing {
        out.push('/');
    }
    Some(out)
}

/// Decodes `%20` and the like; invalid escapes stay as written.
pub fn percent_decode(s: &str) -> String {
    String::from_utf8_lossy(&percent_decode_bytes(s)).into_owned()
}

/// The bytes `%XX` escapes stand for; invalid escapes stay as written.
pub fn percent_decode_bytes(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Percent-encodes what a URL path cannot hold as written (spaces, `#`,
/// `?`, `%`, quotes); letters, including umlauts, stay readable.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' | '#' | '?' | '%' | '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c if c.is_control() => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// The relative URL from the page at site path `from` (a folder path ending
/// in `/`, or a file path) to the site path `to`. With `explicit_index`,
/// folder URLs end in `index.html`, because `file://` does not open a
/// folder's index.
pub fn relative(from: &str, to: &str, explicit_index: bool) -> String {
    // Every page's map and links ask for hundreds of these: walk the two
    // paths in place instead of splitting them into vectors.
    let from_dir = &from[..from.rfind('/').map_or(0, |i| i + 1)];
    let from_parts = || from_dir.split('/').filter(|p| !p.is_empty());
    // What is left of `to` after the segments both share; `None` once
    // every segment of `to` is shared.
    let mut rest = Some(to);
    let mut common = 0;
    for part in from_parts() {
        let Some(r) = rest else { break };
        let (segment, tail) = match r.split_once('/') {
            Some((s, t)) => (s, Some(t)),
            None => (r, None),
        };
        if segment != part {
            break;
        }
        common += 1;
        rest = tail;
    }
    let ups = from_parts().count() - common;
    let rest = rest.unwrap_or_default();
    let mut out = String::with_capacity(3 * ups + rest.len() + "index.html".len());
    for _ in 0..ups {
        out.push_str("../");
    }
    out.push_str(rest);
    if explicit_index && (out.is_empty() || out.ends_with('/')) {
        out.push_str("index.html");
    } else if out.is_empty() {
        out.push_str("./");
    }
    out
}

/// A relative file path with `/` between its parts, whatever the platform.
pub fn slash_path(p: &std::path::Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls() {
        assert_eq!(
            relative("nl/methoden/consensus/", "nl/modules/start/", false),
            "../../modules/start/"
        );
        assert_eq!(
            relative("nl/methoden/consensus/", "nl/methoden/consensus/", false),
            "./"
        );
        assert_eq!(relative("nl/", "de/", true), "../de/index.html");
        assert_eq!(relative("index.html", "nl/", true), "nl/index.html");
        assert_eq!(
            relative("404.html", "static/site.css", false),
            "static/site.css"
        );
        assert_eq!(relative("nl/a/", "nl/a/b/", false), "b/");
    }

    /// The first, plainer version: split both paths, count the shared
    /// segments, join the rest.
    fn reference(from: &str, to: &str, explicit_index: bool) -> String {
        let from_dir = &from[..from.rfind('/').map_or(0, |i| i + 1)];
        let from_parts: Vec<&str> = from_dir.split('/').filter(|p| !p.is_empty()).collect();
        let to_parts: Vec<&str> = to.split('/').collect();
        let common = from_parts
            .iter()
            .zip(&to_parts)
            .take_while(|(a, b)| a == b)
            .count();
        let mut out = "../".repeat(from_parts.len() - common);
        out.push_str(&to_parts[common..].join("/"));
        if explicit_index && (out.is_empty() || out.ends_with('/')) {
            out.push_str("index.html");
        } else if out.is_empty() {
            out.push_str("./");
        }
        out
    }

    #[test]
    fn relative_urls_agree_with_the_plain_version_on_every_small_path() {
        let segments = ["", "nl", "a", "b", "index.html"];
        let mut paths = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = paths
                .iter()
                .flat_map(|p| segments.iter().map(move |s| format!("{p}{s}/")))
                .collect();
            paths.extend(longer.iter().map(|p| p.trim_end_matches('/').to_string()));
            paths.extend(longer);
        }
        paths.sort();
        paths.dedup();
        assert!(paths.len() > 200);
        for from in &paths {
            for to in &paths {
                for explicit in [false, true] {
                    assert_eq!(
                        relative(from, to, explicit),
                        reference(from, to, explicit),
                        "{from:?} -> {to:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn normalize_paths() {
        assert_eq!(
            normalize("modules", "../methods/consensus.md").as_deref(),
            Some("methods/consensus.md")
        );
        assert_eq!(normalize("", "./a/../b.md").as_deref(), Some("b.md"));
        assert_eq!(normalize("", "../x.md"), None);
    }

    #[test]
    fn decode_and_encode() {
        assert_eq!(percent_decode("mijn%20bestand.pdf"), "mijn bestand.pdf");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(
            encode_path("nl/mijn plan #2.pdf"),
            "nl/mijn%20plan%20%232.pdf"
        );
        assert_eq!(encode_path("de/Übersicht.pdf"), "de/Übersicht.pdf");
    }
}
