//! Eight bytes at a time in a `u64` (SWAR): the end of a run of ASCII letters and digits.
//!
//! The tokenizer's innermost loop skips the letters of a word; most words are shorter than
//! eight bytes, so one load and a few arithmetic steps find the end where a byte loop pays
//! a branch per byte and a mispredicted one at the end. No `unsafe`.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of the result is set where that byte of `x` is ASCII and in
/// `lo..=hi`.
#[inline]
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let t = x & !HIGH_BITS;
    // For a 7-bit byte t, t + (0x80 - lo) has its high bit set exactly when t >= lo, and
    // never carries into the next byte.
    let ge_lo = t + ONES * u64::from(0x80 - lo);
    let gt_hi = t + ONES * u64::from(0x7f - hi);
    ge_lo & !gt_hi & !x & HIGH_BITS
}

/// The first byte at or after `j` that is not an ASCII letter or digit (or `bytes.len()`).
#[inline]
pub(crate) fn alnum_run_end(bytes: &[u8], mut j: usize) -> usize {
    while let Some(chunk) = bytes.get(j..).and_then(|b| b.first_chunk::<8>()) {
        let x = u64::from_le_bytes(*chunk);
        let m = in_range(x, b'0', b'9') | in_range(x, b'A', b'Z') | in_range(x, b'a', b'z');
        if m != HIGH_BITS {
            return j + (!m & HIGH_BITS).trailing_zeros() as usize / 8;
        }
        j += 8;
    }
    while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
        j += 1;
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_a_byte_loop() {
        let slow = |bytes: &[u8], j: usize| {
            j + bytes[j..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count()
        };
        for b in 0..=255u8 {
            let bytes = [b'a', b, b'Z', b'9', b, b'0', b'z', b'A', b, b'x', b];
            for j in 0..bytes.len() {
                assert_eq!(alnum_run_end(&bytes, j), slow(&bytes, j), "{b:#x} at {j}");
            }
        }
        let text = "Moscow’s 10 KURSK-led 'raids' abcdefghijklmnop.cd";
        for j in 0..text.len() {
            assert_eq!(alnum_run_end(text.as_bytes(), j), slow(text.as_bytes(), j));
        }
    }
}
