//! Wire datelines at the start of a story's first sentence.

/// How far into a sentence a dateline's dash may start, in bytes.
const DASH_REACH: usize = 80;

/// How many bytes of `text` (a sentence) are a wire dateline and the dash after it
/// ("SAN FRANCISCO, Nov 20 (Reuters) - ", "CAIRO (AP) — "), or 0: capitalized words up to
/// a dash within [`DASH_REACH`] bytes, closed by a bracket or with no small letter at all,
/// and small letters after it (text in capitals throughout is left alone: its every
/// heading looks like a dateline), or the dated Reuters form ("NEW DELHI, April 9 - ",
/// "ALBANY, N.Y., Oct 19 - "). The place and date say where the story was filed, not what
/// happened.
///
/// ```
/// assert_eq!(tally_core::dateline_len("CAIRO (AP) \u{2014} Fighters shelled a camp."), 15);
/// assert_eq!(tally_core::dateline_len("Fighters shelled a camp - again."), 0);
/// assert_eq!(tally_core::dateline_len("LIMA, 27 MAR 90 (EFE) -- THE ATTACKS"), 0);
/// assert_eq!(tally_core::dateline_len("NEW DELHI, April 9 - India's target"), 21);
/// ```
#[must_use]
pub fn dateline_len(text: &str) -> usize {
    // The dash starts within DASH_REACH bytes: search no further (this runs per figure).
    let mut reach = text.len().min(DASH_REACH + 4);
    while !text.is_char_boundary(reach) {
        reach -= 1;
    }
    let Some((i, n)) = first_dash(&text.as_bytes()[..reach]) else {
        return 0;
    };
    let head = text[..i].trim_end();
    let closed = i <= DASH_REACH
        && !head.is_empty()
        && (head.ends_with(')') || head.chars().all(|c| !c.is_lowercase()))
        && text[i + n..].chars().any(char::is_lowercase);
    if closed {
        i + n
    } else if n == 2 && text[..i].ends_with(' ') {
        dated_dateline_len(text, i - 1)
    } else {
        0
    }
}

/// The dated form with a region or a date in title case after the place ("NEW DELHI,
/// April 9 - ", "ALBANY, N.Y., Oct 19 - ", "FORT WORTH, Texas, - "), its " - " at `dash`:
/// a place in capitals, then comma-separated parts that are each a region or a month and
/// day (the last may be empty, the slot Reuters left for a date), with a date or that
/// slot among them, and small letters after the dash. A region alone ("U.S., Japan - ")
/// is as likely a heading.
fn dated_dateline_len(text: &str, dash: usize) -> usize {
    let after = dash + " - ".len();
    if dash > DASH_REACH || !text[after..].chars().any(char::is_lowercase) {
        return 0;
    }
    let mut parts = text[..dash].split(',');
    let place_in_capitals = parts.next().is_some_and(|place| {
        place.chars().any(char::is_uppercase) && !place.chars().any(char::is_lowercase)
    });
    let parts: Vec<&str> = parts.map(str::trim).collect();
    let last = parts.len().checked_sub(1);
    let slot = |i: usize, part: &str| part.is_empty() && Some(i) == last;
    let dated = parts
        .iter()
        .enumerate()
        .any(|(i, part)| month_day(part) || slot(i, part))
        && parts
            .iter()
            .enumerate()
            .all(|(i, part)| slot(i, part) || month_day(part) || region(part));
    if place_in_capitals && dated { after } else { 0 }
}

/// Month names and their wire abbreviations.
static MONTHS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    crate::data_lines(include_str!("../../../data/text/dateline_months.txt")).collect()
});

/// Words a region after the place may have ("N.Y.", "West Germany").
const REGION_WORDS: usize = 3;

/// "April 9", "Oct 19", "Sept. 3".
fn month_day(part: &str) -> bool {
    let mut words = part.split_whitespace();
    let (Some(month), Some(day), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let month = month.strip_suffix('.').unwrap_or(month);
    MONTHS.contains(&month)
        && day.len() <= 2
        && day.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

/// "Texas", "N.Y.", "West Germany": a few capitalized words of letters and periods.
fn region(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=REGION_WORDS).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars().all(|c| c.is_alphabetic() || c == '.')
        })
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

    #[test]
    fn dated_datelines_end_after_their_dash() {
        assert_eq!(dateline_len("NEW DELHI, April 9 - India's target"), 21);
        assert_eq!(dateline_len("ALBANY, N.Y., Oct 19 - The state"), 23);
        assert_eq!(dateline_len("WASHINGTON, Sept. 3 - The agency"), 22);
        assert_eq!(dateline_len("FORT WORTH, Texas, - The company"), 21);
        assert_eq!(
            dateline_len("HANOVER, West Germany, March 11 - Turnover"),
            34
        );
    }

    #[test]
    fn openings_like_dated_datelines_are_not_ones() {
        for text in [
            "Sales, April 9 - the best day - rose",
            "NATO, which has 30 members - more than ever - spent",
            "NEW DELHI, April 9 - INDIA'S TARGET",
            "U.S., Japan - the talks resumed",
            "NEW DELHI, April 9 and later - the talks",
            "NEW DELHI, April 9 \u{2014} a dash of another kind",
            "NEW DELHI, April 99 - the talks",
        ] {
            assert_eq!(dateline_len(text), 0, "{text}");
        }
    }

    proptest! {
        #[test]
        fn first_dash_equals_the_searches(text in "[-a \u{2013}\u{2014}\u{2012}\u{e9}A(),.]{0,100}") {
            prop_assert_eq!(first_dash(text.as_bytes()), first_dash_by_search(&text));
        }
    }
}
