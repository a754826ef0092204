//! `brug init DIR`: a new handbook for a municipality that wants its own:
//! a configuration, a home page, a section with one page, a practice with
//! its transfer data and a glossary, in both languages, dated today, that
//! checks cleanly from the first minute. The files live in `starter/`.

use anyhow::{bail, Context, Result};
use include_dir::{include_dir, Dir};
use std::path::Path;

static STARTER: Dir = include_dir!("$CARGO_MANIFEST_DIR/starter");

/// Writes a starter handbook into `dir`; refuses to overwrite one.
pub fn init(dir: &Path) -> Result<()> {
    for existing in ["handbook.toml", "content"] {
        if dir.join(existing).exists() {
            bail!(
                "{} already holds {existing}; brug init does not overwrite it",
                dir.display()
            );
        }
    }
    let today = today();
    let mut files = Vec::new();
    collect(&STARTER, &mut files);
    for file in files {
        // `_gitignore` in the source tree: a `.gitignore` there would
        // apply to brug's own repository.
        let name = match file.path().to_str() {
            Some("_gitignore") => Path::new(".gitignore"),
            _ => file.path(),
        };
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        let text = file.contents_utf8().unwrap_or_default();
        std::fs::write(&path, text.replace("{{today}}", &today))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

fn collect<'a>(dir: &'a Dir<'a>, out: &mut Vec<&'a include_dir::File<'a>>) {
    out.extend(dir.files());
    for d in dir.dirs() {
        collect(d, out);
    }
}

/// Today's date (UTC) as `YYYY-MM-DD`.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    crate::text::date::iso(i64::try_from(secs).unwrap_or(0))
}
