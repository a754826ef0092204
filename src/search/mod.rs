//! Site search: the text analysis shared by the build-time index and the browser's queries.

pub mod analyze;
