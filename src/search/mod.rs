//! Site search: the text analysis shared by the build-time index and the
//! browser's queries, and the index itself.

pub mod analyze;
pub mod index;
