//! Small text helpers that every step uses and that know nothing of the
//! handbook: HTML escaping, readable slugs and URL paths.

pub mod escape;
pub mod slug;
pub mod urls;
