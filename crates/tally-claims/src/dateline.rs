//! Where a sentence's wire dateline ends. [`tally_core::dateline_len`] takes datelines
//! closed by a bracket or written in capitals alone ("CAIRO (AP) — ", "LONDON - "); the
//! dated Reuters form with a region or a date in title case after the place ("NEW DELHI,
//! April 9 - ", "ALBANY, N.Y., Oct 19 - ", "FORT WORTH, Texas, - ") it leaves, and a
//! reporter claim carried it as if the place and date were part of what was reported.

use std::sync::LazyLock;

static MONTHS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    tally_core::data_lines(include_str!("../../../data/claims/dateline_months.txt")).collect()
});

/// How far into a sentence the dash after a dateline may start, in bytes (as in
/// `tally_core`).
const DASH_REACH: usize = 80;

/// Words a region after the place may have ("N.Y.", "West Germany").
const REGION_WORDS: usize = 3;

/// How many bytes of `sentence` are a wire dateline and the dash after it, or 0.
pub fn dateline_len(sentence: &str) -> usize {
    match tally_core::dateline_len(sentence) {
        0 => dated_dateline_len(sentence),
        n => n,
    }
}

/// The dated form: a place in capitals, then comma-separated parts that are each a region
/// or a month and day ("Texas", "N.Y.", "April 9"; the last may be empty: "Texas, - "),
/// with a date or the empty last part among them,
/// then " - " and text with small letters (text in capitals throughout is left alone, as
/// `tally_core` does).
fn dated_dateline_len(sentence: &str) -> usize {
    let head_end = sentence.len().min(DASH_REACH + 3);
    let Some(dash) = sentence.get(..head_end).and_then(|head| head.find(" - ")) else {
        return 0;
    };
    let after = dash + " - ".len();
    if !sentence[after..].chars().any(char::is_lowercase) {
        return 0;
    }
    let mut parts = sentence[..dash].split(',');
    let place_in_capitals = parts.next().is_some_and(|place| {
        place.chars().any(char::is_uppercase) && !place.chars().any(char::is_lowercase)
    });
    let parts: Vec<&str> = parts.map(str::trim).collect();
    let last = parts.len().checked_sub(1);
    let slot = |i: usize, part: &str| part.is_empty() && Some(i) == last;
    // A date, or the empty slot Reuters left for one: a region alone ("U.S., Japan - ")
    // is as likely a heading.
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

/// "April 9", "Oct 19", "Sept. 3".
fn month_day(part: &str) -> bool {
    let mut words = part.split_whitespace();
    let (Some(month), Some(day), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let month = month.strip_suffix('.').unwrap_or(month);
    MONTHS.contains(&month)
        && (1..=2).contains(&day.len())
        && day.bytes().all(|b| b.is_ascii_digit())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dated_datelines_end_after_their_dash() {
        assert_eq!(dateline_len("NEW DELHI, April 9 - India's target"), 21);
        assert_eq!(dateline_len("FORT WORTH, Texas, - The company"), 21);
        assert_eq!(dateline_len("CAIRO (AP) \u{2014} Fighters"), 15);
    }

    #[test]
    fn other_openings_are_no_datelines() {
        for text in [
            "Sales, April 9 - the best day - rose",
            "NATO, which has 30 members - more than ever - spent",
            "NEW DELHI, April 9 - INDIA'S TARGET",
            "U.S., Japan - the talks resumed",
            "NEW DELHI, April 9 and later - the talks",
        ] {
            assert_eq!(dateline_len(text), 0, "{text}");
        }
    }
}
