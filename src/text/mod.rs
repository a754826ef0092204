//! Small text helpers that every step uses and that know nothing of the
//! handbook: HTML escaping, readable slugs, URL paths and dates.

pub mod date;
pub mod escape;
pub mod slug;
pub mod urls;
