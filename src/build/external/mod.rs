//! `brug check --external`: asks the web addresses the pages link to
//! whether they still answer; the network itself is `http`'s job.

pub mod http;
