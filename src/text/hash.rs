//! The hash maps of the build's inner loops (search terms, word forms,
//! folding tables, links by path): std's maps with foldhash instead of
//! SipHash, which was a tenth of a build's instructions. foldhash is
//! seeded per process, so content cannot pick keys that collide.

pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

/// A hash of what an output file is made from, which the output's manifest
/// records: stable across runs and machines (unlike the maps' seeded
/// hashers), and wide enough that two different sources do not meet by
/// chance. Not cryptographic: whoever can change the content can change
/// the output anyway.
pub type Source = [u8; 16];

/// Builds a `Source` from parts (XXH3, 128 bits: pages' contexts are
/// hashed on every build, and SHA-256 took 8 % of a rebuild); also a
/// `Write` for serializers.
#[derive(Default, Clone)]
pub struct Fingerprint(xxhash_rust::xxh3::Xxh3Default);

impl Fingerprint {
    /// Adds `bytes`, preceded by their length so that parts cannot run
    /// into each other.
    pub fn part(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    pub fn finish(self) -> Source {
        self.0.digest128().to_le_bytes()
    }
}

impl std::io::Write for Fingerprint {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
