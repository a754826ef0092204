//! The command line: parses arguments with clap and calls the library. It
//! prints diagnostics and summaries; it decides nothing about the handbook.

use crate::build::site::{self, Report};
use crate::diagnostics::render_all;
use clap::{Parser, Subcommand};

mod status;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const EXAMPLES: &str = "\
Examples:
  brug build                      build the handbook in this folder into public/
  brug build --root ../handboek --out /tmp/site
  brug check --strict             report every problem; warnings fail too
  brug check --graph | dot -Tsvg > web.svg
                                  draw the links between pages with Graphviz
  brug check --external           also find dead links to other sites
  brug status                     missing and outdated translations
  brug status --stamp content/methods/consensus.de.md
                                  mark a translation as up to date with its original
  brug serve --open               preview while editing; tabs reload on save
  brug bundle                     the offline copy as one zip, with its SHA-256
  brug bundle --check --out handboek.zip
                                  verify a bundle: checksums and links
  brug pdf --lang de              the handbook as a tagged PDF (here: the German one)
  brug init mijn-handboek         start a new handbook
  brug theme export               copy the built-in theme and strings into the handbook to edit";

/// brug builds a bilingual (Dutch/German) policy handbook into a static,
/// searchable website that also works offline.
#[derive(Parser, Debug)]
#[command(name = "brug", version, about, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the site (written aside, then swapped in; a failed build keeps the old one).
    Build {
        #[command(flatten)]
        root: Root,
        /// Output folder [default: ROOT/public].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Write pages, theme scripts and stylesheets unminified (for debugging themes).
        #[arg(long)]
        no_minify: bool,
        /// Build although the handbook has errors (shown as warnings), into
        /// ROOT/public-draft unless --out says otherwise; every page is
        /// marked as a draft and kept out of search engines. For looking at
        /// a handbook that is being moved or repaired; never publish it.
        #[arg(long)]
        draft: bool,
        /// Also typeset the handbook as a PDF per language into the site
        /// (as `brug pdf` does); every page's print link then offers it.
        /// Not with --draft: a PDF gets passed on, and could not say it
        /// is a draft on every page as the site does.
        #[arg(long, conflicts_with = "draft")]
        pdf: bool,
    },
    /// Report every problem without writing anything; exit 1 on errors.
    Check {
        #[command(flatten)]
        root: Root,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
        /// Print the link graph between pages as Graphviz DOT on standard output.
        #[arg(long)]
        graph: bool,
        /// Also ask every link and image to another site (http, https) once,
        /// and report the dead ones at each place they are written. Live
        /// answers are remembered for a day in ROOT/.brug/external-links.json.
        #[arg(long, conflicts_with = "graph")]
        external: bool,
        /// With --external: seconds to wait for one address, redirects included.
        #[arg(long, value_name = "SECS", default_value_t = 10, requires = "external",
              value_parser = clap::value_parser!(u64).range(1..=3600))]
        timeout: u64,
        /// With --external: ask every address again, whatever the cache holds.
        #[arg(long, requires = "external")]
        refresh: bool,
    },
    /// Show missing and outdated translations per language, what changed
    /// in their originals (--diff), or stamp finished translations.
    Status {
        #[command(flatten)]
        root: Root,
        #[command(flatten)]
        request: status::Request,
    },
    /// Preview the handbook: build it into memory, serve it, rebuild and
    /// reload open tabs whenever a source changes. Never writes public/.
    Serve {
        #[command(flatten)]
        root: Root,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; anything but loopback is reachable from other machines.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Open the preview in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Write the offline copy: one reproducible zip that works from file://.
    Bundle {
        #[command(flatten)]
        root: Root,
        /// The zip to write [default: ROOT/TITLE-DATE.zip, after the newest page].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Verify an existing bundle instead: checksums, and every link and
        /// asset resolves inside the zip.
        #[arg(long)]
        check: bool,
    },
    /// Write the handbook as one accessible PDF per language (tagged,
    /// PDF/UA-1), typeset by brug itself: cover, contents, every chapter.
    Pdf {
        #[command(flatten)]
        root: Root,
        /// Only this language (a code of handbook.toml's `languages`) [default: all].
        #[arg(long)]
        lang: Option<String>,
        /// Folder to write the PDFs into [default: ROOT].
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Work with the theme: `brug theme export` writes the built-in one for editing.
    Theme {
        #[command(subcommand)]
        action: ThemeAction,
    },
    /// Start a new handbook in DIR (handbook.toml, a home page, one section).
    Init {
        /// The folder to create the handbook in.
        dir: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum ThemeAction {
    /// Write the built-in templates, styles, scripts (themes/default/) and
    /// interface strings (i18n/) into the handbook, to edit them there;
    /// what you leave unchanged you may delete again.
    Export {
        #[command(flatten)]
        root: Root,
    },
}

/// The handbook a command works on.
#[derive(clap::Args, Debug)]
pub struct Root {
    /// Folder that holds handbook.toml and content/ [default: the nearest
    /// folder, from here upward, that holds handbook.toml].
    #[arg(long = "root", value_name = "DIR")]
    dir: Option<PathBuf>,
}

impl Root {
    /// The folder given, or the nearest one from the working folder upward
    /// that holds `handbook.toml` (as cargo finds Cargo.toml), so that brug
    /// works from `content/modules/` too; `.` when there is none.
    pub fn resolve(self) -> PathBuf {
        if let Some(dir) = self.dir {
            return dir;
        }
        let here = std::env::current_dir().unwrap_or_default();
        let found = here.ancestors().find(|d| d.join("handbook.toml").is_file());
        match found {
            Some(d) if d == here => PathBuf::from("."),
            Some(d) => {
                eprintln!("using the handbook in {}", d.display());
                d.to_path_buf()
            }
            None => PathBuf::from("."),
        }
    }
}

/// Runs a parsed command and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Build {
            root,
            out,
            no_minify,
            draft,
            pdf,
        } => build(&root.resolve(), out, no_minify, draft, pdf),
        Command::Bundle { root, out, check } => bundle(&root.resolve(), out, check),
        Command::Pdf { root, lang, out } => pdf(&root.resolve(), lang, out),
        Command::Serve {
            root,
            port,
            bind,
            open,
        } => match crate::serve::run(crate::serve::Options {
            root: root.resolve(),
            port,
            bind,
            open,
        }) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e),
        },
        Command::Check {
            root,
            strict,
            graph: true,
            ..
        } => graph(&root.resolve(), strict),
        Command::Check {
            root,
            strict,
            external: true,
            timeout,
            refresh,
            ..
        } => {
            let opts = crate::build::external::Options {
                timeout: std::time::Duration::from_secs(timeout),
                refresh,
            };
            external(&root.resolve(), opts, strict)
        }
        Command::Check { root, strict, .. } => {
            let report = site::run(&root.resolve(), None, site::options(false));
            eprint!("{}", render_all(&report.diagnostics));
            eprintln!("{}", summary(&report, None));
            verdict(&report, strict)
        }
        Command::Status { root, request } => status::run(&root.resolve(), request),
        Command::Theme {
            action: ThemeAction::Export { root },
        } => theme_export(&root.resolve()),
        Command::Init { dir } => match crate::build::init::init(&dir) {
            Ok(()) => {
                let d = dir.display();
                eprintln!("started a handbook in {d}\nnext: cd {d}, then brug serve --open to see it while you edit; brug check, brug build and brug bundle when it is ready");
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        },
    }
}

fn build(root: &Path, out: Option<PathBuf>, no_minify: bool, draft: bool, pdf: bool) -> ExitCode {
    let folder = if draft { "public-draft" } else { "public" };
    let out = out.unwrap_or_else(|| root.join(folder));
    let opts = crate::render::RenderOptions {
        draft,
        pdf,
        ..site::options(!no_minify)
    };
    let report = site::run(root, Some(&out), opts);
    eprint!("{}", render_all(&report.diagnostics));
    if report.written {
        eprintln!("{}", summary(&report, Some(&out)));
        ExitCode::SUCCESS
    } else {
        eprintln!("{}", summary(&report, None));
        ExitCode::FAILURE
    }
}

fn graph(root: &Path, strict: bool) -> ExitCode {
    let (dot, diags) = site::graph(root);
    eprint!("{}", render_all(&diags));
    if let Some(dot) = dot {
        out(&dot);
    }
    let (errors, warnings) = crate::diagnostics::count(&diags);
    if errors > 0 || (strict && warnings > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn external(root: &Path, opts: crate::build::external::Options, strict: bool) -> ExitCode {
    let (report, external) = crate::build::external::check(root, opts);
    eprint!("{}", render_all(&report.diagnostics));
    eprintln!("{}", summary(&report, None));
    if let Some(external) = external {
        for note in &external.notes {
            eprintln!("warning: {note}");
        }
        eprintln!("{external}");
    }
    verdict(&report, strict)
}

fn theme_export(root: &Path) -> ExitCode {
    match crate::source::theme::export(root) {
        Ok(files) => {
            eprintln!(
                "wrote {} theme and string files into {} (themes/default/, i18n/); builds use them from now on",
                files.len(),
                root.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

fn pdf(root: &Path, lang: Option<String>, out: Option<PathBuf>) -> ExitCode {
    let out = out.unwrap_or_else(|| root.to_path_buf());
    let langs: Vec<String> = lang.into_iter().collect();
    let (made, diags) = crate::build::pdf::make(root, &langs, &out);
    eprint!("{}", render_all(&diags));
    for m in &made {
        println!(
            "{} ({} pages, {} KB)",
            m.path.display(),
            m.pages,
            m.bytes.div_ceil(1024)
        );
    }
    let errors = crate::diagnostics::count(&diags).0;
    if errors > 0 || made.is_empty() {
        if errors == 0 {
            eprintln!("error: no language `{}` in this handbook", langs.join(", "));
        }
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn bundle(root: &Path, out: Option<PathBuf>, check: bool) -> ExitCode {
    if check {
        let Some(path) = out.or_else(|| crate::build::bundle::default_out(root)) else {
            eprintln!(
                "error: no handbook in {}; name the zip with --out",
                root.display()
            );
            return ExitCode::FAILURE;
        };
        return match crate::build::bundle::check(&path) {
            Ok(problems) if problems.is_empty() => {
                eprintln!(
                    "{}: checksums match, every link and asset resolves inside the zip",
                    path.display()
                );
                ExitCode::SUCCESS
            }
            Ok(problems) => {
                for p in &problems {
                    eprintln!("error: {p}");
                }
                eprintln!("{}: {} problem(s)", path.display(), problems.len());
                ExitCode::FAILURE
            }
            Err(e) => fail(&e),
        };
    }
    let done = crate::build::bundle::run(root, out.as_deref());
    eprint!("{}", render_all(&done.report.diagnostics));
    match done.zip {
        Some((path, hash)) => {
            eprintln!("bundled {} files into {}", done.files, path.display());
            self::out(&format!("{hash}  {}\n", path.display()));
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("{}", summary(&done.report, None));
            ExitCode::FAILURE
        }
    }
}

/// A check's exit code: failure on errors, and with `strict` on warnings.
fn verdict(report: &Report, strict: bool) -> ExitCode {
    if report.errors() > 0 || (strict && report.warnings() > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints to standard output. A reader that went away (`brug status | head`)
/// is not an error: the rest is dropped and the exit code stays the command's.
pub(crate) fn out(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write the output: {e}");
        }
    }
}

pub(crate) fn fail(e: &anyhow::Error) -> ExitCode {
    eprintln!("error: {e:#}");
    ExitCode::FAILURE
}

/// The one-line summary printed at the end of a build or check.
pub fn summary(report: &Report, out: Option<&Path>) -> String {
    let pages: Vec<String> = report
        .pages
        .iter()
        .map(|(l, n)| format!("{n} {l}"))
        .collect();
    let pages = if pages.is_empty() {
        "no".to_string()
    } else {
        pages.join(" + ")
    };
    let files = match report.output {
        Some(w) if w.unchanged + w.removed > 0 => format!(
            " ({} file(s) written, {} unchanged, {} removed)",
            w.written, w.unchanged, w.removed
        ),
        Some(w) => format!(" ({} files)", w.written),
        None => String::new(),
    };
    let what = match out {
        Some(out) => format!("built {pages} pages into {}{files}", out.display()),
        None if report.errors() > 0 => {
            format!("failed: {} error(s); nothing written", report.errors())
        }
        None => format!("checked {pages} pages"),
    };
    let search: Vec<String> = report
        .search
        .iter()
        .map(|(l, n)| format!("{l} {} KB", n.div_ceil(1024)))
        .collect();
    let search = if search.is_empty() {
        String::new()
    } else {
        format!("; search index {}", search.join(", "))
    };
    format!(
        "{what}; {} missing and {} outdated translation(s), {} warning(s){search}, in {:.2} s",
        report.missing,
        report.outdated,
        report.warnings(),
        report.elapsed.as_secs_f64()
    )
}
