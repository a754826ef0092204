//! `brug check --external`: asks the web addresses the pages link to
//! whether they still answer, and remembers the live ones for a day
//! (`cache`); the network itself is `http`'s job.

pub mod cache;
pub mod http;
