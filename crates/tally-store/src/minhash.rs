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
    ///
    /// Words are maximal runs of alphanumeric characters; ASCII words are lowercased
    /// without allocating, others with [`str::to_lowercase`]. The minimum is taken over
    /// four shingles at a time: each hash function's multiplier and offset are loaded once
    /// per four shingles, and the signature is read and written a quarter as often (the
    /// hash loop was most of a signature's cost, about a tenth of an annotator thread's
    /// time in ingest).
    #[must_use]
    pub fn of(text: &str) -> Signature {
        let words = word_hashes(text);
        let mut sig = [u32::MAX; HASHES];
        if words.len() < SHINGLE_WORDS {
            if !words.is_empty() {
                add_shingles(&mut sig, &[combine(&words)]);
            }
        } else {
            let shingles: Vec<u64> = words.windows(SHINGLE_WORDS).map(combine).collect();
            add_shingles(&mut sig, &shingles);
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

/// The hash of each word of `text` (a maximal run of alphanumeric characters), lowercased.
fn word_hashes(text: &str) -> Vec<u64> {
    let bytes = text.as_bytes();
    // About one word per six bytes of news text.
    let mut out = Vec::with_capacity(bytes.len() / 6 + 1);
    let mut lower: Vec<u8> = Vec::new();
    let mut hash = |word: &str, ascii: bool, upper: bool| {
        if !ascii {
            xxh3_64(word.to_lowercase().as_bytes())
        } else if upper {
            lower.clear();
            lower.extend(word.bytes().map(|b| b.to_ascii_lowercase()));
            xxh3_64(&lower)
        } else {
            xxh3_64(word.as_bytes())
        }
    };
    // The word being read: its start, whether it is all ASCII, whether it has capitals.
    let mut word: Option<(usize, bool, bool)> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (alphanumeric, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            // `i` is on a character boundary: it only ever advances by whole characters.
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c.is_alphanumeric(), c.len_utf8()),
                None => break,
            }
        };
        if alphanumeric {
            let (_, ascii, upper) = word.get_or_insert((i, true, false));
            *ascii &= b.is_ascii();
            *upper |= b.is_ascii_uppercase();
        } else if let Some((start, ascii, upper)) = word.take() {
            out.push(hash(&text[start..i], ascii, upper));
        }
        i += len;
    }
    if let Some((start, ascii, upper)) = word {
        out.push(hash(&text[start..], ascii, upper));
    }
    out
}

/// Lowers `sig` to the minimum of each hash function over `shingles`.
fn add_shingles(sig: &mut [u32; HASHES], shingles: &[u64]) {
    let (a, b) = &FAMILY;
    let hash = |i: usize, x: u64| (a[i].wrapping_mul(x).wrapping_add(b[i]) >> 32) as u32;
    let mut fours = shingles.chunks_exact(4);
    for x in &mut fours {
        for (i, slot) in sig.iter_mut().enumerate() {
            let low = hash(i, x[0])
                .min(hash(i, x[1]))
                .min(hash(i, x[2]).min(hash(i, x[3])));
            *slot = (*slot).min(low);
        }
    }
    for &x in fours.remainder() {
        for (i, slot) in sig.iter_mut().enumerate() {
            *slot = (*slot).min(hash(i, x));
        }
    }
}

/// The hash of a shingle: its words' hashes' little-endian bytes, hashed.
fn combine(words: &[u64]) -> u64 {
    // A shingle has at most `SHINGLE_WORDS` words; a shorter text is one shingle of all
    // its words (fewer than `SHINGLE_WORDS`).
    let mut bytes = [0u8; 8 * SHINGLE_WORDS];
    let n = words.len().min(SHINGLE_WORDS);
    for (chunk, w) in bytes.chunks_exact_mut(8).zip(words) {
        chunk.copy_from_slice(&w.to_le_bytes());
    }
    xxh3_64(&bytes[..8 * n])
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

    /// The signature as first written (a `Vec` per shingle, the hash loop one shingle at a
    /// time): stored signatures must stay comparable, so the fast path must equal it.
    fn reference(text: &str) -> Signature {
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
        let combine = |words: &[u64]| {
            let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
            xxh3_64(&bytes)
        };
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

    #[test]
    fn equals_the_reference_on_news_and_unicode() {
        let texts = [
            String::new(),
            "one".to_owned(),
            "One two THREE four".to_owned(),
            "KYIV, Ukraine (AP) — Russian drones and missiles struck Kharkiv overnight, killing at least 12 people, officials said.".to_owned(),
            "ΟΔΥΣΣΕΥΣ Σ σ. İstanbul'da 3 kişi öldü; Straße ǅemal ﬁnal ＡＢＣ ١٢٣ 東京で地震".to_owned(),
            "tail word after punctuation!!! and a last".to_owned(),
            story(1_003, 4),
            story(1_003, 4).to_uppercase(),
        ];
        for text in &texts {
            assert_eq!(Signature::of(text), reference(text), "{text}");
        }
    }

    proptest! {
        #[test]
        fn equals_the_reference(text in "\\PC{0,300}") {
            prop_assert_eq!(Signature::of(&text), reference(&text));
        }

        #[test]
        fn equals_the_reference_on_words(words in proptest::collection::vec("[A-Za-zÀ-ÿΣσς0-9]{1,9}", 0..40)) {
            let text = words.join(" ");
            prop_assert_eq!(Signature::of(&text), reference(&text));
        }

        #[test]
        fn bytes_round_trip_and_never_panics(text in "\\PC{0,200}") {
            let sig = Signature::of(&text);
            prop_assert_eq!(Signature::from_bytes(&sig.to_bytes()), Some(sig));
        }
    }
}
