//! `brug status`: the report (text or JSON), `--diff`, `--stamp`,
//! `--all-current` and `--fail-on`.

use super::out;
use crate::build::status::{self as st, history::History, stamp};
use crate::diagnostics::render_all;
use crate::model::{Handbook, Translation};
use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Missing,
    Outdated,
}

/// What `brug status` was asked to do.
#[derive(Debug, clap::Args)]
pub struct Request {
    /// Record in these translations that they match their original's current text.
    #[arg(long, value_name = "PATH", num_args = 1..)]
    pub stamp: Vec<PathBuf>,
    /// Stamp every translation that is outdated or not stamped yet
    /// (lists them and asks first, unless --yes).
    #[arg(long, conflicts_with_all = ["stamp", "diff"])]
    pub all_current: bool,
    /// With --all-current: do not ask.
    #[arg(long, requires = "all_current")]
    pub yes: bool,
    /// Show what changed in the original of each outdated translation
    /// (or of the pages at PATH) since the translation was stamped,
    /// by paragraph and sentence, from the handbook's git history.
    #[arg(long, value_name = "PATH", num_args = 0.., conflicts_with = "stamp")]
    pub diff: Option<Vec<PathBuf>>,
    /// text for people, json for tools (every pair, with the changes of outdated ones).
    #[arg(long, value_enum, default_value_t = Format::Text, conflicts_with_all = ["stamp", "all_current"])]
    pub format: Format,
    /// Exit with status 1 if any translation is in one of these states
    /// (missing, outdated, or both: missing,outdated).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "STATE",
          conflicts_with_all = ["stamp", "all_current"])]
    pub fail_on: Vec<FailOn>,
}

pub fn run(root: &Path, request: Request) -> ExitCode {
    let loaded = crate::model::load::load(root);
    let errors: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    eprint!("{}", render_all(&errors));
    let Some(hb) = loaded.handbook else {
        return ExitCode::FAILURE;
    };
    let done = if !request.stamp.is_empty() {
        stamp_paths(&hb, &request.stamp)
    } else if request.all_current {
        all_current(&hb, request.yes)
    } else {
        report(&hb, request.diff.as_deref(), request.format)
    };
    if done != ExitCode::SUCCESS {
        return done;
    }
    fail_on(&hb, &request.fail_on)
}

/// Prints the report, or the diffs of outdated translations.
fn report(hb: &Handbook, diff: Option<&[PathBuf]>, format: Format) -> ExitCode {
    let only = match diff.map(|paths| st::pages_at(hb, paths)).transpose() {
        Ok(only) => only.unwrap_or_default(),
        Err(e) => return super::fail(&anyhow::anyhow!(e)),
    };
    match (format, diff) {
        (Format::Text, None) => out(&st::report(hb)),
        (Format::Text, Some(_)) => {
            let list = st::outdated(hb, &History::open(&hb.root), &only);
            if list.is_empty() {
                out(&format!(
                    "no outdated translation{}\n",
                    if only.is_empty() {
                        ""
                    } else {
                        " among these pages"
                    }
                ));
            }
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            out(&st::text::render(&list, st::text::Style { color }));
        }
        (Format::Json, _) => {
            let list = st::outdated(hb, &History::open(&hb.root), &only);
            out(&st::json::render(hb, &list));
        }
    }
    ExitCode::SUCCESS
}

/// Stamps the translations at `paths`, after checking every one of them.
fn stamp_paths(hb: &Handbook, paths: &[PathBuf]) -> ExitCode {
    let pages = match stamp::translations_at(hb, paths) {
        Ok(pages) => pages,
        Err(e) => return super::fail(&e),
    };
    for (page, path) in pages.into_iter().zip(paths) {
        match stamp::stamp(hb, page) {
            Ok(hash) => out(&format!(
                "stamped {} with translated_from = \"{hash}\"\n",
                path.display()
            )),
            Err(e) => return super::fail(&e),
        }
    }
    ExitCode::SUCCESS
}

/// Stamps every translation not stamped as current, after a confirmation.
fn all_current(hb: &Handbook, yes: bool) -> ExitCode {
    let pages = stamp::unstamped(hb);
    if pages.is_empty() {
        out("every translation is stamped against its original's current text; nothing to stamp\n");
        return ExitCode::SUCCESS;
    }
    out(&format!(
        "{} translation{} will be recorded as matching the current text of {}:\n",
        pages.len(),
        if pages.len() == 1 { "" } else { "s" },
        if pages.len() == 1 {
            "its original"
        } else {
            "their originals"
        }
    ));
    for &page in &pages {
        let state = match hb.pages[page].front.translated_from {
            Some(_) => "outdated",
            None => "not stamped yet",
        };
        out(&format!("  {}  ({state})\n", hb.pages[page].file.display()));
    }
    if !yes && !confirmed() {
        out("nothing stamped\n");
        return ExitCode::FAILURE;
    }
    for page in pages {
        if let Err(e) = stamp::stamp(hb, page) {
            return super::fail(&e);
        }
    }
    out("stamped\n");
    ExitCode::SUCCESS
}

/// Asks on the terminal; without one, says how to confirm instead.
fn confirmed() -> bool {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        eprintln!("error: not stamping without a confirmation; add --yes to stamp them");
        return false;
    }
    out("stamp them? [y/N] ");
    let mut answer = String::new();
    let _ = stdin.lock().read_line(&mut answer);
    matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "j" | "ja"
    )
}

/// Fails when a translation is in one of the `states`.
fn fail_on(hb: &Handbook, states: &[FailOn]) -> ExitCode {
    let mut found = Vec::new();
    for (state, name) in [(FailOn::Missing, "missing"), (FailOn::Outdated, "outdated")] {
        if !states.contains(&state) {
            continue;
        }
        let n = hb
            .pairs
            .iter()
            .flat_map(|p| &p.status)
            .filter(|t| match state {
                FailOn::Missing => matches!(t, Translation::Missing),
                FailOn::Outdated => matches!(t, Translation::Outdated { .. }),
            })
            .count();
        if n > 0 {
            found.push(format!("{name}: {n}"));
        }
    }
    if found.is_empty() {
        return ExitCode::SUCCESS;
    }
    eprintln!("error: translations {} (--fail-on)", found.join(", "));
    ExitCode::FAILURE
}
