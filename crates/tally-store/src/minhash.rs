//! MinHash signatures and LSH banding, for clustering syndicated copies of a story.
//!
//! Finds: documents whose texts share most of their word 5-grams (shingles): the same AFP
//! story on forty sites with different headlines, boilerplate or a trimmed last paragraph.
//!
//! Example: two copies of a 400-word wire story that differ in one paragraph have a Jaccard
//! similarity around 0.8; their signatures agree in about that share of positions, at least
//! one of the [`BANDS`] bands is almost surely equal, so the store finds the pair with one
//! indexed lookup and confirms it with [`Signature::similarity`].
//!
//! Limitations: shingles are lowercase alphanumeric words, so a translated or heavily
//! rewritten copy is not found; a story that embeds a long quote from another story can
//! join its cluster if the shared text is most of both; texts under five words are one
//! shingle, so very short items cluster only when identical.

use xxhash_rust::xxh3::xxh3_64;

/// Number of hash functions in a signature.
pub const HASHES: usize = 64;
/// LSH bands; `HASHES / BANDS` rows each. With 8 rows a pair at Jaccard 0.8 shares a band
/// with probability 1 - (1 - 0.8^8)^8 ≈ 0.87 and a pair at 0.5 with ≈ 0.03.
pub const BANDS: usize = 8;
const ROWS: usize = HASHES / BANDS;
const SHINGLE_WORDS: usize = 5;

/// A MinHash signature: for each of [`HASHES`] hash functions, the minimum over the shingles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature(pub [u32; HASHES]);

/// Multipliers and offsets of the hash family `h_i(x) = (a_i * x + b_i) >> 32`, fixed so
/// signatures stay comparable across runs and databases.
const fn family() -> ([u64; HASHES], [u64; HASHES]) {
    let mut a = [0u64; HASHES];
    let mut b = [0u64; HASHES];
    // SplitMix64: a fixed, well-mixed sequence without a runtime RNG.
    let mut state: u64 = 0x7a11_7a11_7a11_7a11;
    let mut i = 0;
    while i < HASHES {
        let mut values = [0u64; 2];
        let mut j = 0;
        while j < 2 {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            values[j] = z ^ (z >> 31);
            j += 1;
        }
        a[i] = values[0] | 1;
        b[i] = values[1];
        i += 1;
    }
    (a, b)
}

const FAMILY: ([u64; HASHES], [u64; HASHES]) = family();

impl Signature {
    /// The signature of `text`'s word 5-grams (lowercased alphanumeric words).
    #[must_use]
    pub fn of(text: &str) -> Signature {
        let words: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                if w.bytes().any(|b| b.is_ascii_uppercase()) || !w.is_ascii() {
                    xxh3_64(w.to_lowercase().as_bytes())
                } else {
                    xxh3_64(w.as_bytes())
                }
            })
            .collect();
        let mut sig = [u32::MAX; HASHES];
        let (a, b) = &FAMILY;
        let mut add = |shingle: u64| {
            for i in 0..HASHES {
                let h = (a[i].wrapping_mul(shingle).wrapping_add(b[i]) >> 32) as u32;
                sig[i] = sig[i].min(h);
            }
        };
        if words.len() < SHINGLE_WORDS {
            if !words.is_empty() {
                add(combine(&words));
            }
        } else {
            for window in words.windows(SHINGLE_WORDS) {
                add(combine(window));
            }
        }
        Signature(sig)
    }

    /// Whether the text had no words at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&h| h == u32::MAX)
    }

    /// The estimated Jaccard similarity of the two texts' shingle sets: the share of equal
    /// positions.
    #[must_use]
    pub fn similarity(&self, other: &Signature) -> f64 {
        let equal = self
            .0
            .iter()
            .zip(other.0.iter())
            .filter(|(x, y)| x == y)
            .count();
        equal as f64 / HASHES as f64
    }

    /// The LSH band keys: a hash of each band's rows and the band's index, as `i64` for
    /// SQLite. Two documents sharing a key are candidate near-duplicates.
    #[must_use]
    pub fn bands(&self) -> [i64; BANDS] {
        let mut out = [0i64; BANDS];
        for (band, slot) in out.iter_mut().enumerate() {
            let mut bytes = [0u8; 4 * ROWS + 1];
            bytes[0] = band as u8;
            for (r, h) in self.0[band * ROWS..(band + 1) * ROWS].iter().enumerate() {
                bytes[1 + 4 * r..5 + 4 * r].copy_from_slice(&h.to_le_bytes());
            }
            *slot = i64::from_le_bytes(xxh3_64(&bytes).to_le_bytes());
        }
        out
    }

    /// Little-endian bytes, for a BLOB column.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|h| h.to_le_bytes()).collect()
    }

    /// Reads [`Signature::to_bytes`] back; `None` when the length is wrong.
    #[must_use]
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != 4 * HASHES {
            return None;
        }
        let mut sig = [0u32; HASHES];
        for (slot, chunk) in sig.iter_mut().zip(bytes.chunks_exact(4)) {
            *slot = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        Some(Signature(sig))
    }
}

fn combine(words: &[u64]) -> u64 {
    let mut bytes = Vec::with_capacity(8 * words.len());
    for w in words {
        bytes.extend_from_slice(&w.to_le_bytes());
    }
    xxh3_64(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn story(n: usize, seed: usize) -> String {
        (0..n)
            .map(|i| format!("word{}", (i * 7919 + seed * 104_729) % 5003))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn identical_and_case_or_spacing_variants_are_equal() {
        let a = Signature::of("North Korean forces have suffered several hundred casualties.");
        let b = Signature::of("north korean  forces have\nsuffered SEVERAL hundred casualties");
        assert_eq!(a, b);
        assert!((a.similarity(&b) - 1.0).abs() < f64::EPSILON);
        assert_eq!(a.bands(), b.bands());
    }

    #[test]
    fn a_copy_with_a_changed_paragraph_is_similar_and_shares_a_band() {
        let base = story(400, 1);
        let edited = format!("{} {}", &base[..base.len() * 9 / 10], story(40, 2));
        let (a, b) = (Signature::of(&base), Signature::of(&edited));
        assert!(a.similarity(&b) > 0.7, "{}", a.similarity(&b));
        assert!(a.bands().iter().zip(b.bands()).any(|(x, y)| *x == y));
    }

    #[test]
    fn unrelated_texts_are_dissimilar() {
        let (a, b) = (Signature::of(&story(300, 1)), Signature::of(&story(300, 9)));
        assert!(a.similarity(&b) < 0.2, "{}", a.similarity(&b));
        assert!(a.bands().iter().zip(b.bands()).all(|(x, y)| *x != y));
    }

    #[test]
    fn empty_text_has_an_empty_signature() {
        assert!(Signature::of(" ... !!! ").is_empty());
        assert!(!Signature::of("one").is_empty());
    }

    proptest! {
        #[test]
        fn bytes_round_trip_and_never_panics(text in "\\PC{0,200}") {
            let sig = Signature::of(&text);
            prop_assert_eq!(Signature::from_bytes(&sig.to_bytes()), Some(sig));
        }
    }
}
