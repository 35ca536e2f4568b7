//! Eight bytes at a time in a `u64` (SWAR): byte-class masks, ASCII case folding and the
//! word hash that lexicon and gazetteer lookups share.
//!
//! Scanning news text byte by byte costs a branch per byte; these helpers look at a whole
//! word (most are under eight bytes) in a few arithmetic steps, with no `unsafe`.

const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
pub const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of the result is set where that byte of `x` is ASCII and in
/// `lo..=hi`.
#[inline]
#[must_use]
pub fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let t = x & !HIGH_BITS;
    // For a 7-bit byte t, t + (0x80 - lo) has its high bit set exactly when t >= lo, and
    // never carries into the next byte.
    let ge_lo = t + ONES * u64::from(0x80 - lo);
    let gt_hi = t + ONES * u64::from(0x7f - hi);
    ge_lo & !gt_hi & !x & HIGH_BITS
}

/// The high bit of each byte of the result is set where that byte of `x` is an ASCII
/// letter or digit.
#[inline]
#[must_use]
pub fn alnum_mask(x: u64) -> u64 {
    // Setting bit 5 maps each capital onto its small letter and no other byte into the
    // small letters (those with bit 5 clear are `@` to `_`), so one range test takes both.
    in_range(x, b'0', b'9') | in_range(x | 0x2020_2020_2020_2020, b'a', b'z')
}

/// `x` with its ASCII capitals lowercased.
#[inline]
#[must_use]
pub fn fold(x: u64) -> u64 {
    x | (in_range(x, b'A', b'Z') >> 2)
}

/// Up to eight bytes from `bytes[at..]`, zero-padded, little-endian.
#[inline]
#[must_use]
pub fn load(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..).and_then(|b| b.first_chunk::<8>()) {
        Some(chunk) => u64::from_le_bytes(*chunk),
        None => bytes
            .get(at..)
            .unwrap_or_default()
            .iter()
            .rev()
            .fold(0, |x, &b| x << 8 | u64::from(b)),
    }
}

/// The first byte at or after `j` (and before `end`) that is not an ASCII letter or digit.
#[inline]
#[must_use]
pub fn alnum_run_end(bytes: &[u8], mut j: usize, end: usize) -> usize {
    let end = end.min(bytes.len());
    while let Some(chunk) = bytes.get(j..end).and_then(|b| b.first_chunk::<8>()) {
        let m = alnum_mask(u64::from_le_bytes(*chunk));
        if m != HIGH_BITS {
            return j + (!m & HIGH_BITS).trailing_zeros() as usize / 8;
        }
        j += 8;
    }
    while j < end && bytes[j].is_ascii_alphanumeric() {
        j += 1;
    }
    j
}

const FX: u64 = 0x517c_c1b7_2722_0a95;

/// One mixing step of the word hash.
#[inline]
#[must_use]
pub fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(FX)
}

/// `h` extended by `bytes` with ASCII capitals folded: its length, then eight bytes per step.
#[inline]
#[must_use]
pub fn hash_folded(h: u64, bytes: &[u8]) -> u64 {
    hash_folded_in(h, bytes, 0, bytes.len())
}

/// [`hash_folded`] of `bytes[start..end]`, reading whole eight-byte chunks of `bytes` where
/// they exist (a word is usually shorter than eight bytes, and the text goes on after it).
#[inline]
#[must_use]
pub fn hash_folded_in(h: u64, bytes: &[u8], start: usize, end: usize) -> u64 {
    let mut h = mix(h, (end - start) as u64);
    let mut at = start;
    while at < end {
        let mut x = fold(load(bytes, at));
        if end - at < 8 {
            x &= u64::MAX >> (8 * (8 - (end - at)));
        }
        h = mix(h, x);
        at += 8;
    }
    h
}

/// [`hash_folded_in`]`(0, bytes, start, end)` when `bytes[start..end]` is one word of
/// printable ASCII (no white space, control or non-ASCII byte), else `None`. The checks
/// ride on the hash's own eight-byte loads, so a lexicon lookup of a plain word skips the
/// generic path's UTF-8, ASCII and white-space scans.
#[inline]
#[must_use]
pub fn hash_ascii_word_in(bytes: &[u8], start: usize, end: usize) -> Option<u64> {
    if start >= end || end > bytes.len() {
        return None;
    }
    let mut h = mix(0, (end - start) as u64);
    let mut at = start;
    while at < end {
        let mask = if end - at < 8 {
            u64::MAX >> (8 * (8 - (end - at)))
        } else {
            u64::MAX
        };
        let x = load(bytes, at) & mask;
        let wanted = HIGH_BITS & mask;
        if in_range(x, b'!', 0x7f) & wanted != wanted {
            return None;
        }
        h = mix(h, fold(x));
        at += 8;
    }
    Some(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_agree_with_byte_tests() {
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b'a', b, b'Z', 0xC3, b, b' ', b'9', b]);
            let m = alnum_mask(x);
            let f = fold(x).to_le_bytes();
            for (i, &y) in x.to_le_bytes().iter().enumerate() {
                assert_eq!(
                    m >> (8 * i + 7) & 1 == 1,
                    y.is_ascii_alphanumeric(),
                    "{y:#x}"
                );
                assert_eq!(f[i], y.to_ascii_lowercase(), "{y:#x}");
            }
        }
        let text = "Moscow’s 10 KURSK-led 'raids' ab.cd";
        for j in 0..text.len() {
            let slow = j + text.as_bytes()[j..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            assert_eq!(alnum_run_end(text.as_bytes(), j, text.len()), slow);
        }
    }

    #[test]
    fn hash_ignores_ascii_case_only() {
        let h = |s: &str| hash_folded(0, s.as_bytes());
        assert_eq!(h("Kyiv"), h("KYIV"));
        assert_eq!(h("Commander-In-Chief"), h("commander-in-chief"));
        assert_ne!(h("kyiv"), h("kyi"));
        assert_ne!(h("abcdefgh"), h("abcdefghi"));
        let text = b"in Kyiv said";
        assert_eq!(hash_folded_in(0, text, 3, 7), h("kyiv"));
        assert_eq!(load(b"abc", 1), u64::from_le_bytes(*b"bc\0\0\0\0\0\0"));
    }

    #[test]
    fn ascii_word_hash_is_the_folded_hash_or_none() {
        let text = "Kyiv commander-in-chief U.S. Zürich a\tb x\u{1}y ~";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let slice = &text.as_bytes()[start..end];
                let plain = !slice.is_empty() && slice.iter().all(|b| (b'!'..=0x7f).contains(b));
                let got = hash_ascii_word_in(text.as_bytes(), start, end);
                let want = plain.then(|| hash_folded_in(0, text.as_bytes(), start, end));
                assert_eq!(got, want, "{start}..{end}");
            }
        }
    }
}
