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

thread_local! {
    static FINGERPRINTING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` (which serializes a context for its fingerprint) with the
/// long texts of the context (`long_text`) standing for their hashes.
pub fn fingerprinting<T>(f: impl FnOnce() -> T) -> T {
    /// Clears the flag however `f` ends (a panic is caught by the job).
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            FINGERPRINTING.set(false);
        }
    }
    FINGERPRINTING.set(true);
    let _reset = Reset;
    f()
}

/// Serializes a long text of a context (a page's HTML, its map) as
/// itself, but as its XXH3-128 while the context is fingerprinted: as
/// JSON, 10 KB of HTML are escaped quote by quote only to be hashed, and
/// that was 4 % of a build. For a `#[serde(serialize_with)]`.
pub fn long_text<S: serde::Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
    match FINGERPRINTING.get() {
        true => s.serialize_u128(xxhash_rust::xxh3::xxh3_128(text.as_bytes())),
        false => s.serialize_str(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Page<'a> {
        #[serde(serialize_with = "long_text")]
        html: &'a str,
    }

    fn json(html: &str) -> String {
        serde_json::to_string(&Page { html }).unwrap()
    }

    #[test]
    fn a_long_text_is_itself_except_while_fingerprinting() {
        assert_eq!(json("<p>\"x\""), r#"{"html":"<p>\"x\""}"#);
        let (a, b) = fingerprinting(|| (json("<p>a"), json("<p>b")));
        assert!(!a.contains("<p>") && a != b, "{a} {b}");
        assert_eq!(json("<p>a"), r#"{"html":"<p>a"}"#, "the flag is reset");
        let caught = std::panic::catch_unwind(|| fingerprinting(|| panic!("in a job")));
        assert!(caught.is_err());
        assert_eq!(json("a"), r#"{"html":"a"}"#, "reset after a panic too");
    }
}
