//! Step 1, the sources: reads and checks what an editor writes, file by
//! file. Takes the handbook folder; gives a typed `Config`, parsed front
//! matter with the positions of its values, the theme's templates and
//! assets, and the interface strings. Knows nothing of the model built from
//! them.

pub mod config;
pub mod frontmatter;
pub mod house_style;
pub mod schema;
pub mod strings;
pub mod theme;
pub mod walk;
