//! Step 4, views: the plain serializable contexts that templates get, built
//! from the model and the analysis. Every read of a pair's data goes
//! through `Reader`, which notes it, so `brug serve` knows what each page
//! shows. Also the inline transfer diagram and the sitemap.

pub mod context;
pub mod diagram;
pub mod glossary;
pub mod house;
pub mod map;
pub mod overview;
pub mod reader;
pub mod side;
pub mod sitemap;
