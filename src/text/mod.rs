//! Small text helpers that every step uses and that know nothing of the
//! handbook: HTML escaping, readable slugs, URL paths, dates and the fast
//! hash maps, text kept compressed, and the long texts of template contexts.

pub mod date;
pub mod escape;
pub mod hash;
pub mod long;
pub mod packed;
pub mod slug;
pub mod urls;
