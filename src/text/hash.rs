//! The hash maps of the build's inner loops (search terms, word forms,
//! folding tables, links by path): std's maps with foldhash instead of
//! SipHash, which was a tenth of a build's instructions. foldhash is
//! seeded per process, so content cannot pick keys that collide.

pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
