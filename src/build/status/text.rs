//! `brug status --diff` as text: per outdated translation, a heading with
//! both files and the commit it was stamped against, then each changed
//! place: the paragraph, its kept sentences indented, removed ones marked
//! `-` and added ones `+` (red and green on a terminal).

use super::diff::{Change, Kind, Op};
use super::Outdated;
use std::fmt::Write as _;

/// ANSI colours, or none when the output is not a terminal.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// The diff of every outdated translation in `list`.
pub fn render(list: &[Outdated], style: Style) -> String {
    let mut out = String::new();
    for item in list {
        let heading = format!(
            "{} (translation of {})",
            item.translation.display(),
            item.original.display()
        );
        let _ = writeln!(out, "{}", style.paint("1", &heading));
        match &item.changes {
            Err(why) => {
                let _ = writeln!(out, "  {}\n", why.message);
            }
            Ok((version, changes)) => {
                let renamed = std::path::Path::new(&version.file) != item.original;
                let _ = writeln!(
                    out,
                    "  stamped against commit {} ({}){}",
                    version.commit,
                    version.date,
                    if renamed {
                        format!(", when the original was {}", version.file)
                    } else {
                        String::new()
                    }
                );
                if changes.is_empty() {
                    out.push_str("  only line breaks or spacing changed; stamp it again\n");
                }
                for change in changes {
                    out.push('\n');
                    change_text(&mut out, change, style);
                }
                out.push('\n');
            }
        }
    }
    out
}

/// One changed place: its heading line, then its sentences.
fn change_text(out: &mut String, change: &Change, style: Style) {
    let section = change
        .section
        .as_deref()
        .map(|s| format!("\"{s}\", "))
        .unwrap_or_default();
    let n = change.paragraph;
    let place = match change.kind {
        Kind::Title => "title".to_string(),
        Kind::Changed => format!("{section}paragraph {n}, changed"),
        Kind::Added => format!("{section}paragraph {n}, added"),
        Kind::Removed => format!("{section}paragraph {n} of the stamped text, removed"),
    };
    let after = change
        .after
        .as_deref()
        .map(|a| format!(" (after \"{a}\")"))
        .unwrap_or_default();
    let _ = writeln!(out, "  {}", style.paint("36", &format!("@ {place}{after}")));
    for part in &change.parts {
        let line = match part.op {
            Op::Same => format!("    {}", part.text),
            Op::Removed => style.paint("31", &format!("  - {}", part.text)),
            Op::Added => style.paint("32", &format!("  + {}", part.text)),
        };
        let _ = writeln!(out, "{line}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::status::diff::{Change, Kind, Op, Part};
    use crate::build::status::history::Version;

    fn one() -> Vec<Outdated> {
        let part = |op, text: &str| Part {
            op,
            text: text.into(),
        };
        vec![Outdated {
            pair: 0,
            lang: 1,
            translation: "content/a.de.md".into(),
            original: "content/a.nl.md".into(),
            changes: Ok((
                Version {
                    commit: "abc1234".into(),
                    date: "2026-03-01".into(),
                    file: "content/oud.nl.md".into(),
                    title: String::new(),
                    body: String::new(),
                },
                vec![Change {
                    kind: Kind::Changed,
                    old: Some(2),
                    new: Some(2),
                    section: Some("Doel".into()),
                    paragraph: 1,
                    after: None,
                    parts: vec![
                        part(Op::Same, "Blijft."),
                        part(Op::Removed, "Oud."),
                        part(Op::Added, "Nieuw."),
                    ],
                }],
            )),
        }]
    }

    #[test]
    fn plain_when_piped() {
        assert_eq!(
            render(&one(), Style { color: false }),
            "content/a.de.md (translation of content/a.nl.md)\n  \
             stamped against commit abc1234 (2026-03-01), when the original was content/oud.nl.md\n\n  \
             @ \"Doel\", paragraph 1, changed\n    Blijft.\n  - Oud.\n  + Nieuw.\n\n"
        );
    }

    #[test]
    fn red_and_green_on_a_terminal() {
        let text = render(&one(), Style { color: true });
        assert!(text.contains("\x1b[31m  - Oud.\x1b[0m"), "{text:?}");
        assert!(text.contains("\x1b[32m  + Nieuw.\x1b[0m"), "{text:?}");
        assert!(
            text.contains("    Blijft.\n"),
            "kept text is not coloured: {text:?}"
        );
    }
}
