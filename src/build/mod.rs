//! The drivers on top of the pipeline: `brug build` and `check` (`site`),
//! writing aside and swapping in (`output`), the offline zip (`bundle`),
//! translation status (`status`) and a new handbook (`init`).

pub mod bundle;
pub mod init;
pub mod output;
pub mod site;
pub mod status;
