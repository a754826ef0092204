//! brug builds a bilingual (Dutch/German) policy handbook into a static,
//! searchable website that works online and offline.
//!
//! Data flows one way: `config` and `load` build the `Handbook` model
//! (`model`, `pairs`, `tree`), `links` and `markdown` resolve and render it,
//! `render` runs the render plan through the theme (`theme`, `i18n`,
//! `context`), and `output` writes it aside and swaps it in. `site` drives
//! those steps; `cli` is the command line.
#![forbid(unsafe_code)]

pub mod bundle;
pub mod cli;
pub mod config;
pub mod context;
pub mod diagnostics;
pub mod diagram;
pub mod escape;
pub mod frontmatter;
pub mod glossary;
pub mod graph;
pub mod highlight;
pub mod i18n;
pub mod init;
pub mod links;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod overview;
pub mod pairs;
pub mod render;
pub mod schema;
pub mod search;
pub mod serve;
pub mod site;
pub mod sitemap;
pub mod slug;
pub mod status;
pub mod theme;
pub mod tree;
