//! The drivers on top of the pipeline: `brug build` and `check` (`site`),
//! writing aside and swapping in (`output`), the offline zip (`bundle`),
//! translation status (`status`), a new handbook (`init`) and the check
//! of links to other sites (`external`).

pub mod bundle;
pub mod external;
pub mod init;
pub mod output;
pub mod pdf;
pub mod site;
pub mod status;
