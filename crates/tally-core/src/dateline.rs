//! Wire datelines at the start of a story's first sentence.

/// How far into a sentence a dateline's dash may start, in bytes.
const DASH_REACH: usize = 80;

/// How many bytes of `text` (a sentence) are a wire dateline and the dash after it
/// ("SAN FRANCISCO, Nov 20 (Reuters) - ", "CAIRO (AP) — "), or 0: capitalized words up to
/// a dash within [`DASH_REACH`] bytes, closed by a bracket or with no small letter at all,
/// and small letters after it (text in capitals throughout is left alone: its every
/// heading looks like a dateline). The place and date say where the story was filed, not what happened.
///
/// ```
/// assert_eq!(tally_core::dateline_len("CAIRO (AP) \u{2014} Fighters shelled a camp."), 15);
/// assert_eq!(tally_core::dateline_len("Fighters shelled a camp - again."), 0);
/// assert_eq!(tally_core::dateline_len("LIMA, 27 MAR 90 (EFE) -- THE ATTACKS"), 0);
/// ```
#[must_use]
pub fn dateline_len(text: &str) -> usize {
    // The dash starts within DASH_REACH bytes: search no further (this runs per figure).
    let mut reach = text.len().min(DASH_REACH + 4);
    while !text.is_char_boundary(reach) {
        reach -= 1;
    }
    first_dash(&text.as_bytes()[..reach])
        .filter(|&(i, n)| {
            let head = text[..i].trim_end();
            i <= DASH_REACH
                && !head.is_empty()
                && (head.ends_with(')') || head.chars().all(|c| !c.is_lowercase()))
                && text[i + n..].chars().any(char::is_lowercase)
        })
        .map_or(0, |(i, n)| i + n)
}

/// The first dash followed by a space in `head` ("\u{2014} ", "- ", "\u{2013} ", "-- "),
/// as its offset and byte length. One pass over the bytes: four substring searches, each
/// with its own set-up, cost about 2,000 instructions a call. No two of the dashes start
/// at the same byte, so the first one found is the leftmost.
fn first_dash(head: &[u8]) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(i) = dash_lead(head, from) {
        let len = match &head[i..] {
            [b'-', b' ', ..] => 2,
            [b'-', b'-', b' ', ..] => 3,
            [0xE2, 0x80, 0x93 | 0x94, b' ', ..] => 4,
            _ => 0,
        };
        if len > 0 {
            return Some((i, len));
        }
        from = i + 1;
    }
    None
}

/// The first byte at or after `from` that is a hyphen or 0xE2 (the lead byte of the en
/// and em dashes), eight bytes at a time: most sentence openings have neither.
fn dash_lead(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The lowest bit set marks the first zero byte exactly (a borrow only runs upward).
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut lanes = [0u8; 8];
        lanes.copy_from_slice(chunk);
        let x = u64::from_le_bytes(lanes);
        let found = zero_bytes(x ^ (ONES * 0x2D)) | zero_bytes(x ^ (ONES * 0xE2));
        if found != 0 {
            return Some(i + found.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    let rest = bytes.get(i..)?;
    rest.iter()
        .position(|&b| b == b'-' || b == 0xE2)
        .map(|k| i + k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The four substring searches [`first_dash`] replaced.
    fn first_dash_by_search(head: &str) -> Option<(usize, usize)> {
        ["\u{2014} ", "- ", "\u{2013} ", "-- "]
            .iter()
            .filter_map(|d| head.find(d).map(|i| (i, d.len())))
            .min()
    }

    #[test]
    fn first_dash_finds_each_dash_and_the_leftmost() {
        for text in [
            "CAIRO (AP) \u{2014} Fighters",
            "LONDON - Prices",
            "PARIS \u{2013} Talks",
            "LIMA -- THE ATTACKS",
            "A--B -- C - D",
            "no dash here",
            "ends with a dash -",
            "\u{2014}\u{2013} \u{2014} ",
            "",
        ] {
            assert_eq!(
                first_dash(text.as_bytes()),
                first_dash_by_search(text),
                "{text}"
            );
        }
    }

    proptest! {
        #[test]
        fn first_dash_equals_the_searches(text in "[-a \u{2013}\u{2014}\u{2012}\u{e9}A(),.]{0,100}") {
            prop_assert_eq!(first_dash(text.as_bytes()), first_dash_by_search(&text));
        }
    }
}
