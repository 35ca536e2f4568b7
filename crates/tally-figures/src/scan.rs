//! Byte classes of 64 bytes at a time, for the anchor scan: which bytes are ASCII letters,
//! which are ASCII digits, and which may start a currency sign (non-ASCII bytes and the
//! ASCII bytes that start one, "$"). Eight bytes are tested at once in a `u64` (SWAR: the
//! high bit of each byte lane says yes), so the scan visits words and digit runs, not bytes:
//! most text is words that no list holds, and a word costs a few bit operations here
//! instead of a branch per letter.

/// The classes of up to 64 bytes from `start`: bit `i` of each mask is byte `start + i`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Masks {
    pub alpha: u64,
    pub digit: u64,
    pub special: u64,
    /// How many bytes the masks cover (64 except at the end of the text).
    pub len: usize,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

const fn splat(b: u8) -> u64 {
    // Widening a byte is lossless.
    (b as u64) * ONES
}

/// High bit of each byte lane set where the byte is ASCII and in `lo..=hi`. Adding to
/// seven-bit lanes never carries into the next lane.
#[inline]
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let y = x & LOW7;
    let at_least_lo = y.wrapping_add(splat(0x80 - lo));
    let above_hi = y.wrapping_add(splat(0x7f - hi));
    at_least_lo & !above_hi & !x & HIGH
}

/// High bit of each byte lane set where the byte equals `b` (exact, no borrow between
/// lanes).
#[inline]
fn equal(x: u64, b: u8) -> u64 {
    let t = x ^ splat(b);
    !(((t & LOW7).wrapping_add(LOW7)) | t) & HIGH
}

/// The high bits of the eight lanes gathered into the low eight bits, lane 0 first.
#[inline]
fn gather(m: u64) -> u64 {
    ((m >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// The classes of the bytes `bytes[start..start + 64]` (fewer at the end). `symbols` are the
/// ASCII bytes that start a currency sign.
#[inline]
pub(crate) fn masks(bytes: &[u8], start: usize, symbols: &[u8]) -> Masks {
    // One symbol ("$" in the bundled lists) is one comparison per lane, not a loop.
    match symbols {
        [] => masks_with(bytes, start, |_| 0),
        [s] => masks_with(bytes, start, |x| equal(x, *s)),
        _ => masks_with(bytes, start, |x| {
            symbols.iter().fold(0, |m, &s| m | equal(x, s))
        }),
    }
}

/// [`masks`], with the lanes of the symbol bytes given by `symbol`.
#[inline(always)]
fn masks_with(bytes: &[u8], start: usize, symbol: impl Fn(u64) -> u64) -> Masks {
    let rest = bytes.get(start..).unwrap_or(&[]);
    let len = rest.len().min(64);
    // A whole block is read in place; only the last, short one is copied into zeros (a
    // copy of variable length is a call to memmove, for every 64 bytes of text).
    let mut tail = [0u8; 64];
    let block: &[u8] = match rest.get(..64) {
        Some(whole) => whole,
        None => {
            if let (Some(dst), Some(src)) = (tail.get_mut(..len), rest.get(..len)) {
                dst.copy_from_slice(src);
            }
            &tail
        }
    };
    let mut out = Masks {
        len,
        ..Masks::default()
    };
    for (lane, chunk) in block.chunks_exact(8).enumerate() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let alpha = in_range(x | splat(0x20), b'a', b'z');
        let digit = in_range(x, b'0', b'9');
        let special = x & HIGH | symbol(x);
        let shift = 8 * lane;
        out.alpha |= gather(alpha) << shift;
        out.digit |= gather(digit) << shift;
        out.special |= gather(special) << shift;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_match_byte_tests() {
        let text = "Up to $5.6bn, €2 million; 40% of the 1,200 Ünïcode words_9 [x] `a` {z} @Z";
        let bytes = text.as_bytes();
        for start in [0, 3, 17] {
            let m = masks(bytes, start, b"$");
            for i in 0..m.len {
                let b = bytes[start + i];
                assert_eq!(m.alpha >> i & 1 == 1, b.is_ascii_alphabetic(), "alpha {i}");
                assert_eq!(m.digit >> i & 1 == 1, b.is_ascii_digit(), "digit {i}");
                assert_eq!(
                    m.special >> i & 1 == 1,
                    b >= 0x80 || b == b'$',
                    "special {i}"
                );
            }
            assert_eq!(m.alpha >> m.len.min(63), 0);
            // No symbol: only non-ASCII bytes are special.
            let plain = masks(bytes, start, b"");
            assert_eq!(plain.special & !m.special, 0);
            assert_eq!(m.special & !plain.special, {
                let mut dollars = 0u64;
                for i in 0..m.len {
                    dollars |= u64::from(bytes[start + i] == b'$') << i;
                }
                dollars
            });
        }
        let all: Vec<u8> = (0..=255).collect();
        for start in [0, 64, 128, 192] {
            let m = masks(&all, start, b"$~");
            for i in 0..64 {
                let b = all[start + i];
                assert_eq!(m.alpha >> i & 1 == 1, b.is_ascii_alphabetic());
                assert_eq!(m.digit >> i & 1 == 1, b.is_ascii_digit());
                assert_eq!(m.special >> i & 1 == 1, b >= 0x80 || b == b'$' || b == b'~');
            }
        }
    }
}
