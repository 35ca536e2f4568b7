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
    let head = &text[..reach];
    ["\u{2014} ", "- ", "\u{2013} ", "-- "]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, d.len())))
        .min()
        .filter(|&(i, n)| {
            let head = text[..i].trim_end();
            i <= DASH_REACH
                && !head.is_empty()
                && (head.ends_with(')') || head.chars().all(|c| !c.is_lowercase()))
                && text[i + n..].chars().any(char::is_lowercase)
        })
        .map_or(0, |(i, n)| i + n)
}
