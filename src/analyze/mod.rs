//! Step 3, analysis: everything that follows from the model before any
//! template runs. Takes the `Handbook`; gives every page's rendered Markdown
//! (with links resolved and anchors checked), the glossary, the link graph
//! and the plan of generated pages, together as `Prepared`, which is built
//! once and then only read.

pub mod alignment;
pub mod anchors;
pub mod glossary;
pub mod graph;
pub mod highlight;
pub mod links;
pub mod markdown;
pub mod overview;
pub mod prepared;
pub mod safety;
