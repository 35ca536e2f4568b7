//! Where the scanner wakes up: digit runs that can be times on their own, found with a
//! word-at-a-time scan (word triggers come from the lexicon's automaton).

/// Runs of digits that can be (part of) a time expression on their own: four digits (a
/// year, "1990s", "2024-12-18"), a clock or numeric date ("10:35", "12/18"), an hour
/// before "a.m."/"pm", a decade ("'90s", "80s") or a quarter ("Q3"). Other numbers only
/// matter next to a time word ("three days", "Dec. 18"), which is a trigger itself, so
/// prices and counts do not wake the grammar.
pub(crate) fn digit_triggers(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(start) = next_digit(bytes, i) {
        i = start;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let len = i - start;
        let at = |k: usize| bytes.get(k).copied().unwrap_or(b' ');
        let prev = if start == 0 { b' ' } else { at(start - 1) };
        let next = at(i);
        // A continuation of "1,200", "5.93" or "10:35" is not a start.
        if matches!(prev, b',' | b'.' | b':') && start >= 2 && at(start - 2).is_ascii_digit() {
            continue;
        }
        let meridiem = {
            let k = if next == b' ' { i + 1 } else { i };
            matches!(at(k) | 0x20, b'a' | b'p') && matches!(at(k + 1) | 0x20, b'm' | b'.')
        };
        let wanted = len == 4
            || (matches!(next, b':' | b'/') && at(i + 1).is_ascii_digit())
            || (len <= 2 && meridiem)
            || next == b's'
            || matches!(prev, b'\'' | b'Q' | b'q')
            // The last byte of a curly apostrophe, U+2019.
            || prev == 0x99;
        if wanted {
            out.push((start, i));
        }
    }
    out
}

/// The position of the next ASCII digit at or after `from`. Eight bytes at a time: most
/// text has no digit, and this scan runs over the whole body.
fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while i + 8 <= bytes.len() {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&bytes[i..i + 8]);
        let x = u64::from_le_bytes(chunk);
        // Bit-twiddling "has a byte between 0x2F and 0x3A, exclusive" (ASCII bytes only;
        // bytes with the high bit set are masked out).
        let low7 = x & !HIGH;
        let between =
            (ONES * (127 + 0x3A)).wrapping_sub(low7) & !x & (low7 + ONES * (127 - 0x2F)) & HIGH;
        if between != 0 {
            break;
        }
        i += 8;
    }
    bytes
        .get(i..)?
        .iter()
        .position(u8::is_ascii_digit)
        .map(|p| i + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_digit_finds_every_digit_and_nothing_else() {
        let text = "no digits here at all, then 7 and é9 and the end 0".as_bytes();
        let expected: Vec<usize> = (0..text.len())
            .filter(|&i| text[i].is_ascii_digit())
            .collect();
        let mut found = Vec::new();
        let mut i = 0;
        while let Some(p) = next_digit(text, i) {
            found.push(p);
            i = p + 1;
        }
        assert_eq!(found, expected);
        for b in 0u8..=255 {
            let bytes = [b'a', b'b', b'c', b'd', b'e', b'f', b'g', b, b'x'];
            assert_eq!(
                next_digit(&bytes, 0).is_some(),
                b.is_ascii_digit(),
                "byte {b}"
            );
        }
    }

    #[test]
    fn only_time_like_numbers_trigger() {
        let text =
            b"Sales of 155,221 bags at 5.93 mln in 1987, 10:35 a.m., 3 pm, the '90s, Q3, 12/18.";
        let found: Vec<&str> = digit_triggers(text)
            .into_iter()
            .map(|(s, e)| std::str::from_utf8(&text[s..e]).unwrap_or(""))
            .collect();
        assert_eq!(found, ["1987", "10", "3", "90", "3", "12"]);
    }
}
