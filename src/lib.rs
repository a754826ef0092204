//! brug builds a bilingual (Dutch/German) policy handbook into a static,
//! searchable website that works online and offline.
//!
//! Data flows one way, one folder per step:
//!
//! ```text
//! source   handbook.toml, front matter, theme files, strings  (read and checked)
//!   ↓
//! model    the Handbook: pages, pairs, sections, URLs          (load + assemble)
//!   ↓
//! analyze  links, Markdown, anchors, glossary, graph, overviews → Prepared
//!   ↓
//! view     template contexts, diagram, sitemap (reads recorded per job)
//! search   the search index per language
//!   ↓
//! render   jobs → (path, bytes) through the compiled theme, minified
//!   ↓
//! build    the drivers: build, check, bundle, status, init, output
//! pdf      the handbook as a tagged PDF per language (Typst)
//! serve    the watch server: one rebuild engine over the same steps
//! ```
//!
//! `text` and `diagnostics` are leaves every step may use; `cli` is the
//! command line.
#![forbid(unsafe_code)]

pub mod analyze;
pub mod build;
pub mod cli;
pub mod diagnostics;
pub mod model;
pub mod pdf;
pub mod render;
pub mod search;
pub mod serve;
pub mod source;
pub mod text;
pub mod view;
