//! Stable ids derived from content.

use xxhash_rust::xxh3::{Xxh3Default, xxh3_128};

/// Whitespace-normalized text: runs of whitespace become one space, ends trimmed. Two copies
/// of an article that differ only in line wrapping or spacing normalize to the same string.
#[must_use]
pub fn normalize_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_normalized(&mut out, text);
    out
}

/// Where normalized text goes: a buffer, or straight into a hasher.
trait Sink {
    fn push_str(&mut self, piece: &str);
}

impl Sink for String {
    fn push_str(&mut self, piece: &str) {
        String::push_str(self, piece);
    }
}

impl Sink for Xxh3Default {
    fn push_str(&mut self, piece: &str) {
        self.update(piece.as_bytes());
    }
}

/// Appends the words of `text` (what `split_whitespace` yields) joined by single spaces.
/// Runs of words already separated by one ASCII space are copied in one piece: in news copy
/// that is nearly all of the text, and a copy per word (or a `char` decode per byte, as
/// `split_whitespace` does) made this a tenth of ingest time.
fn push_normalized(out: &mut impl Sink, text: &str) {
    let bytes = text.as_bytes();
    let mut wrote = false;
    // Start of the current run of words that needs no rewriting.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Inside a run, eight bytes at a time while they are ASCII words separated by
        // single spaces; stop at the first byte that needs a look. The byte after the eight
        // tells whether a space ending them is a single one, so such a space (one chunk in
        // six or so) does not drop to the byte-wise path below.
        if i > run {
            while let Some(chunk) = bytes.get(i..i + 8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                match first_irregular(u64::from_le_bytes(word), bytes.get(i + 8).copied()) {
                    None => i += 8,
                    Some(offset) => {
                        i += offset;
                        break;
                    }
                }
            }
        }
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if PLAIN[usize::from(b)] {
            i += 1;
            continue;
        }
        // The common separator: one space between two words of a run.
        if b == b' ' && i > run && bytes.get(i + 1).is_some_and(|&n| PLAIN[usize::from(n)]) {
            i += 2;
            continue;
        }
        let first = space_len(bytes, i);
        if first == 0 {
            i += 1;
            continue;
        }
        let mut end = i + first;
        loop {
            let more = space_len(bytes, end);
            if more == 0 {
                break;
            }
            end += more;
        }
        let single_space = end == i + 1 && bytes[i] == b' ';
        if single_space && i > run && end < bytes.len() {
            i = end;
            continue;
        }
        if i > run {
            if wrote {
                out.push_str(" ");
            }
            out.push_str(&text[run..i]);
            wrote = true;
        }
        run = end;
        i = end;
    }
    if run < bytes.len() {
        if wrote {
            out.push_str(" ");
        }
        out.push_str(&text[run..]);
    }
}

/// In eight bytes read little-endian, followed by `next` (`None` at the end of the text),
/// the offset of the first byte that is not part of ASCII words separated by single spaces:
/// a control byte (ASCII whitespace is among them), a non-ASCII byte, or a space followed
/// by a space, by such a byte, or by the end of the text. `None` when all eight can be
/// copied as they are. The byte masks are exact (no carries between bytes), so the answer
/// is too.
fn first_irregular(word: u64, next: Option<u8>) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let non_ascii = word & HIGH;
    // (b & 0x7F) + 0x60 reaches bit 7 exactly when b & 0x7F >= 0x20.
    let control = !(((word & LOW7) + 0x6060_6060_6060_6060) | word) & HIGH;
    let xored = word ^ SPACES;
    let space = !(((xored & LOW7) + LOW7) | xored) & HIGH;
    // For each byte, whether the next one is a space or irregular, or there is no next:
    // only a printable ASCII byte other than the space may follow a single space.
    let after_bad = !next.is_some_and(|n| matches!(n, 0x21..=0x7F));
    let next_bad = ((space | control | non_ascii) >> 8) | (u64::from(after_bad) << 63);
    let irregular = non_ascii | control | (space & next_bad);
    (irregular != 0).then(|| (irregular.trailing_zeros() / 8) as usize)
}

/// Bytes that neither are ASCII whitespace nor can start a non-ASCII one (see
/// [`space_len`]): most bytes of any text, skipped with one table lookup each.
static PLAIN: [bool; 256] = {
    let mut table = [true; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = !matches!(b, 0x09..=0x0D | 0x20 | 0xC2 | 0xE1 | 0xE2 | 0xE3);
        b += 1;
    }
    table
};

/// The byte length of the whitespace character (`char::is_whitespace`) starting at `i`, or
/// 0 when there is none. Only the lead bytes 0xC2, 0xE1, 0xE2 and 0xE3 start a non-ASCII
/// space (U+0085, U+00A0, U+1680, U+2000..=U+200A, U+2028, U+2029, U+202F, U+205F,
/// U+3000); continuation bytes never match them.
#[inline]
fn space_len(bytes: &[u8], i: usize) -> usize {
    let Some(&b) = bytes.get(i) else {
        return 0;
    };
    if b < 0x80 {
        return usize::from(matches!(b, b' ' | b'\t'..=b'\r'));
    }
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    let is_space = match b {
        0xC2 => matches!(next(1), 0x85 | 0xA0),
        0xE1 => next(1) == 0x9A && next(2) == 0x80,
        0xE2 => match next(1) {
            0x80 => matches!(next(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
            0x81 => next(2) == 0x9F,
            _ => false,
        },
        0xE3 => next(1) == 0x80 && next(2) == 0x80,
        _ => false,
    };
    match (is_space, b) {
        (false, _) => 0,
        (true, 0xC2) => 2,
        (true, _) => 3,
    }
}

thread_local! {
    /// Reused buffer for normalized text: ids are computed for every document and claim, so
    /// this is on the ingest hot path, and one memcpy plus one hash beats a hasher update
    /// per word.
    static NORMALIZED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Hashes `parts`, each whitespace-normalized, separated by NUL bytes.
fn hash_normalized<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    NORMALIZED.with(|buffer| {
        let mut buffer = buffer.borrow_mut();
        buffer.clear();
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                buffer.push('\0');
            }
            push_normalized(&mut *buffer, part);
        }
        hex32(xxh3_128(buffer.as_bytes()))
    })
}

/// `format!("{:032x}", value)` without the formatting machinery: ids are made for every
/// annotation, and the formatter was a tenth of the cost of making one.
/// The digits are written into an array and copied once: pushing them one by one paid a
/// capacity check per digit.
fn hex32(value: u128) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut digits = [0u8; 32];
    for (i, digit) in digits.iter_mut().enumerate() {
        let nibble = (value >> ((31 - i) * 4)) & 0xF;
        *digit = DIGITS[nibble as usize];
    }
    // Every byte is an ASCII hex digit, so this is always the Ok branch.
    std::str::from_utf8(&digits).map_or_else(|_| String::new(), str::to_owned)
}

/// A 128-bit hex hash of the normalized text. xxh3 is not cryptographic; these ids name
/// content, they do not defend against someone forging a collision.
#[must_use]
pub fn content_hash(text: &str) -> String {
    hash_normalized([text])
}

/// A document id: the hash of the normalized body and the address it was found at.
#[must_use]
pub fn document_id(body: &str, address: &str) -> String {
    hash_normalized([body, address])
}

/// [`document_id`] and [`content_hash`] of one document, normalizing the body once
/// instead of twice (the body is most of the bytes ingest touches). The normalized body goes
/// straight into a streaming hasher: the content hash is its digest so far, and the id
/// continues from there, so the body is neither copied nor hashed twice.
#[must_use]
pub fn document_id_and_hash(body: &str, address: &str) -> (String, String) {
    let mut hasher = Xxh3Default::new();
    push_normalized(&mut hasher, body);
    let hash = hex32(hasher.digest128());
    hasher.update(b"\0");
    push_normalized(&mut hasher, address);
    (hex32(hasher.digest128()), hash)
}

/// An id for an annotation that stays the same across runs: the owning document's id and a
/// hash of the parts that define the annotation.
#[must_use]
pub fn derived_id(document_id: &str, parts: &[&str]) -> String {
    // Chained rather than collected: one allocation fewer for every claim.
    hash_normalized(std::iter::once(document_id).chain(parts.iter().copied()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_hash_equals_hash_of_normalized_text() {
        let text = "  Several   hundred\n\ncasualties,\tthe official said. ";
        let expected = format!("{:032x}", xxh3_128(normalize_whitespace(text).as_bytes()));
        assert_eq!(content_hash(text), expected);
        assert_eq!(content_hash(""), format!("{:032x}", xxh3_128(b"")));
    }

    #[test]
    fn document_id_and_hash_equal_the_separate_functions() {
        for (body, address) in [
            ("", ""),
            ("One  paragraph.\n\nTwo.", "https://example.com/a"),
            (" x ", " y z "),
        ] {
            assert_eq!(
                document_id_and_hash(body, address),
                (document_id(body, address), content_hash(body))
            );
        }
    }

    #[test]
    fn derived_id_hashes_the_document_id_and_parts_joined_by_nul() {
        let expected = format!("{:032x}", xxh3_128("abc\0He\0said so.".as_bytes()));
        assert_eq!(derived_id("abc", &["He", " said\n so. "]), expected);
        assert_eq!(derived_id("abc", &[]), format!("{:032x}", xxh3_128(b"abc")));
    }

    #[test]
    fn streaming_hasher_equals_one_shot_at_every_length_and_split() {
        let text: Vec<u8> = (0..1200u32).map(|i| (i * 7 + i / 13) as u8).collect();
        for len in (0..=text.len())
            .step_by(7)
            .chain([0, 1, 16, 128, 129, 240, 241, 1024])
        {
            let whole = &text[..len];
            for split in [0, 1.min(len), len / 3, len / 2, len.saturating_sub(1), len] {
                let mut hasher = Xxh3Default::new();
                hasher.update(&whole[..split]);
                hasher.update(&whole[split..]);
                assert_eq!(hasher.digest128(), xxh3_128(whole), "{len} {split}");
            }
        }
    }

    #[test]
    fn hex32_is_zero_padded_lower_hex() {
        for value in [
            0,
            1,
            0xABCD,
            u128::MAX,
            0x0123_4567_89ab_cdef_0011_2233_4455_6677,
        ] {
            assert_eq!(hex32(value), format!("{value:032x}"));
        }
    }

    /// The reference: what `split_whitespace` gives.
    fn reference(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn space_len_agrees_with_char_is_whitespace_for_every_char() {
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let encoded = c.encode_utf8(&mut buf).as_bytes();
            let expected = if c.is_whitespace() { encoded.len() } else { 0 };
            assert_eq!(space_len(encoded, 0), expected, "{c:?}");
            assert!(
                !c.is_whitespace() || !PLAIN[usize::from(encoded[0])],
                "{c:?}"
            );
        }
    }

    #[test]
    fn normalizes_like_split_whitespace() {
        for text in [
            "",
            " ",
            "a",
            " a ",
            "a b",
            "a  b",
            "a\tb\n c",
            "two words  then\u{a0}nbsp\u{3000}and\u{2028}more ",
            "\u{85}lead and trail\u{205f}",
            "é\u{2009}ü x",
        ] {
            assert_eq!(normalize_whitespace(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn first_irregular_finds_controls_high_bytes_and_irregular_spaces() {
        let at = |text: &[u8; 8]| first_irregular(u64::from_le_bytes(*text), Some(b'x'));
        assert_eq!(at(b"abc def."), None);
        assert_eq!(at(b"abc  def"), Some(3));
        assert_eq!(at(b"abcdefg "), None);
        let last = |next| first_irregular(u64::from_le_bytes(*b"abcdefg "), next);
        assert_eq!(last(None), Some(7));
        assert_eq!(last(Some(b' ')), Some(7));
        assert_eq!(last(Some(b'\n')), Some(7));
        assert_eq!(last(Some(0xC2)), Some(7));
        assert_eq!(last(Some(0x7F)), None);
        assert_eq!(
            first_irregular(u64::from_le_bytes(*b"abcdefgh"), None),
            None
        );
        assert_eq!(at(b"ab\tdefgh"), Some(2));
        assert_eq!(at(b"ab \ndefg"), Some(2));
        assert_eq!(at(b"a \xC2\xA0bcde"), Some(1));
        assert_eq!(at(b"abcdef\x7F!"), None);
        assert_eq!(at(b"\x1Fbcdefgh"), Some(0));
    }

    proptest::proptest! {
        #[test]
        fn normalizes_any_text_like_split_whitespace(text in "[ a\\t\\n\u{a0}\u{2003}\u{3000}é\u{85}]{0,40}") {
            proptest::prop_assert_eq!(normalize_whitespace(&text), reference(&text));
        }

        #[test]
        fn normalizes_long_news_like_text(text in "([a-zA-Z0-9,.]{1,9}( |  |\\n|\t| \u{a0}|\u{2009}|é)){0,30}") {
            proptest::prop_assert_eq!(normalize_whitespace(&text), reference(&text));
        }

        #[test]
        fn normalizes_paragraphs_like_split_whitespace(text in "([a-zA-Z0-9,.’]{1,12}( |  |\n\n|\t| \u{a0}|\u{2009}|é)){0,200}") {
            proptest::prop_assert_eq!(normalize_whitespace(&text), reference(&text));
        }

        #[test]
        fn document_id_and_hash_equal_hashes_of_the_normalized_text(
            body in "([a-z.]{1,9}( |  |\n\n|\u{a0})){0,120}",
            address in "[ a-z:/.]{0,30}",
        ) {
            let body_hash = format!("{:032x}", xxh3_128(reference(&body).as_bytes()));
            let joined = format!("{}\0{}", reference(&body), reference(&address));
            let id = format!("{:032x}", xxh3_128(joined.as_bytes()));
            proptest::prop_assert_eq!(document_id_and_hash(&body, &address), (id, body_hash));
        }

        #[test]
        fn normalizes_arbitrary_strings(text in proptest::prelude::any::<String>()) {
            proptest::prop_assert_eq!(normalize_whitespace(&text), reference(&text));
        }
    }
}
