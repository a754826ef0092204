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
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard
/// Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_785), (2026, 11, 28));
    }
}
