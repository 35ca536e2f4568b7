//! Where the scanner wakes up: one pass over the lowercased body that finds trigger words
//! (month and weekday names, units, deictic words: whole words of the vocabulary) and digit
//! runs that can be times on their own, in text order.
//!
//! Words are checked against the trigger set only when their first two letters and length
//! fit some trigger (a 676-entry table), so most words cost a few byte comparisons.

use crate::fnv::{FnvMap, FnvSet};

/// Longest trigger word, in bytes.
const MAX_TRIGGER: usize = 15;

/// The trigger words and phrases.
pub(crate) struct WordTriggers {
    words: FnvSet<String>,
    /// Phrases by their first word ("latest" → "latest period").
    phrases: FnvMap<String, Vec<String>>,
    /// Per first three letters, a bit per word length (3 to 15) that some trigger or
    /// phrase head with that start has.
    lengths3: Vec<u16>,
    /// Per first two letters, a bit per third letter that some trigger or phrase head of
    /// three letters or more has: 2.7 KB that stay in cache, read before `lengths3`
    /// (35 KB), which most words never reach.
    thirds: Vec<u32>,
    /// Per first two letters, whether some two-letter trigger is those letters.
    pairs: Vec<bool>,
}

impl WordTriggers {
    /// The set of `words` (lowercase ASCII letters) and `phrases` (words joined by single
    /// spaces). Words that are not ASCII letters, or longer than [`MAX_TRIGGER`], are
    /// ignored.
    pub(crate) fn new<'w>(
        words: impl IntoIterator<Item = &'w str>,
        phrases: impl IntoIterator<Item = &'w str>,
    ) -> WordTriggers {
        let mut out = WordTriggers {
            words: FnvSet::default(),
            phrases: FnvMap::default(),
            lengths3: vec![0; 26 * 26 * 26],
            thirds: vec![0; 26 * 26],
            pairs: vec![false; 26 * 26],
        };
        for w in words {
            if out.allow(w) {
                out.words.insert(w.to_owned());
            }
        }
        for p in phrases {
            let head = p.split(' ').next().unwrap_or(p);
            if out.allow(head) {
                out.phrases
                    .entry(head.to_owned())
                    .or_default()
                    .push(p.to_owned());
            }
        }
        out
    }

    /// Records the length of a word in the prefilter; false when it cannot be a trigger.
    fn allow(&mut self, w: &str) -> bool {
        let b = w.as_bytes();
        if !(2..=MAX_TRIGGER).contains(&b.len()) || !b.iter().all(u8::is_ascii_lowercase) {
            return false;
        }
        let key = usize::from(b[0] - b'a') * 26 + usize::from(b[1] - b'a');
        match b.get(2) {
            Some(&c) => {
                self.lengths3[key * 26 + usize::from(c - b'a')] |= 1 << b.len();
                self.thirds[key] |= 1 << (c - b'a');
            }
            None => self.pairs[key] = true,
        }
        true
    }

    /// Trigger words and time-like digit runs of `lower` (a body with ASCII letters
    /// lowered), as byte ranges in text order, into `out` (cleared first). A word counts
    /// only whole: no letter or digit touches it.
    ///
    /// The body is read 64 bytes at a time into bit masks of letters and digits
    /// ([`classes`]), so that only the starts of runs are visited, and of words only those
    /// of two letters or more (no trigger has one); a word is read further only when its
    /// first three letters begin some trigger.
    pub(crate) fn find(&self, lower: &str, out: &mut Vec<(usize, usize)>) {
        out.clear();
        let bytes = lower.as_bytes();
        let n = bytes.len();
        // Whether the previous block's last byte is a letter / a digit.
        let (mut letter_before, mut digit_before) = (0u64, 0u64);
        let mut base = 0;
        while base < n {
            let (letters, digits) = classes(bytes, base);
            // A letter after this block continues a word started in its last byte.
            let letter_next = u64::from(bytes.get(base + 64).is_some_and(u8::is_ascii_lowercase));
            let second_letter = (letters >> 1) | (letter_next << 63);
            let word_starts = letters & !((letters << 1) | letter_before) & second_letter;
            let digit_starts = digits & !((digits << 1) | digit_before);
            letter_before = letters >> 63;
            digit_before = digits >> 63;
            let mut starts = word_starts | digit_starts;
            while starts != 0 {
                let bit = starts.trailing_zeros();
                starts &= starts - 1;
                let s = base + bit as usize;
                if digit_starts >> bit & 1 != 0 {
                    let mut e = s + 1;
                    while e < n && bytes[e].is_ascii_digit() {
                        e += 1;
                    }
                    if digit_run_wanted(bytes, s, e) {
                        out.push((s, e));
                    }
                } else {
                    self.word_at(lower, s, out);
                }
            }
            base += 64;
        }
    }

    /// Checks the run of letters starting at `s`.
    fn word_at(&self, lower: &str, s: usize, out: &mut Vec<(usize, usize)>) {
        let bytes = lower.as_bytes();
        let letter = |k: usize| bytes.get(k).copied().filter(u8::is_ascii_lowercase);
        let (Some(a), Some(b)) = (letter(s), letter(s + 1)) else {
            return;
        };
        let pair = usize::from(a - b'a') * 26 + usize::from(b - b'a');
        let e = match letter(s + 2) {
            None => {
                if !self.pairs[pair] {
                    return;
                }
                s + 2
            }
            Some(c) => {
                if self.thirds[pair] & (1 << (c - b'a')) == 0 {
                    return;
                }
                let lengths = self.lengths3[pair * 26 + usize::from(c - b'a')];
                if lengths == 0 {
                    return;
                }
                let mut e = s + 3;
                while e - s <= MAX_TRIGGER && letter(e).is_some() {
                    e += 1;
                }
                if e - s > MAX_TRIGGER || lengths & (1 << (e - s)) == 0 {
                    return;
                }
                e
            }
        };
        if !whole(lower, s, e) {
            return;
        }
        let w = &lower[s..e];
        if self.words.contains(w) {
            out.push((s, e));
        } else if let Some(phrases) = self.phrases.get(w) {
            let rest = &lower[s..];
            if let Some(p) = phrases
                .iter()
                .find(|p| rest.starts_with(p.as_str()) && whole(lower, s, s + p.len()))
            {
                out.push((s, s + p.len()));
            }
        }
    }
}

/// Bit `i` of the two masks says whether `bytes[base + i]` is an ASCII lowercase letter /
/// an ASCII digit (bytes past the end are neither). Eight bytes are tested at once in a
/// `u64` (SWAR: the high bit of each byte lane says yes), then the lanes' high bits are
/// gathered into bits.
fn classes(bytes: &[u8], base: usize) -> (u64, u64) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // The high bits of the eight lanes gathered into the low eight bits, lane 0 first.
    let gather = |m: u64| ((m >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56;
    let (mut letters, mut digits) = (0u64, 0u64);
    for lane in 0..8 {
        let at = base + 8 * lane;
        // Whole chunks are read directly; only the last, short one is padded.
        let x = match bytes
            .get(at..at + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok())
        {
            Some(chunk) => u64::from_le_bytes(chunk),
            None => {
                let mut word = [b' '; 8];
                let rest = bytes.get(at..).unwrap_or(&[]);
                if let Some(dst) = word.get_mut(..rest.len()) {
                    dst.copy_from_slice(rest);
                }
                u64::from_le_bytes(word)
            }
        };
        let ascii = !x & HIGH;
        let low7 = x & !HIGH;
        // High bit of each byte set when the byte is at least the constant's byte.
        let at_least = |c: u64| (low7 + (0x80 - c) * ONES) & HIGH;
        let lane_letters = ascii & at_least(0x61) & !at_least(0x7b);
        let lane_digits = ascii & at_least(0x30) & !at_least(0x3a);
        letters |= gather(lane_letters) << (8 * lane);
        digits |= gather(lane_digits) << (8 * lane);
    }
    (letters, digits)
}

/// Whether `text[s..e]` is a whole word: no letter or digit right before or after it.
fn whole(text: &str, s: usize, e: usize) -> bool {
    let alnum_at = |k: Option<u8>, c: Option<char>| match k {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => c.is_some_and(char::is_alphanumeric),
        None => false,
    };
    let bytes = text.as_bytes();
    let before = s
        .checked_sub(1)
        .and_then(|k| bytes.get(k).copied())
        .map(|b| (b, text.get(..s).and_then(|t| t.chars().next_back())));
    let after = bytes
        .get(e)
        .copied()
        .map(|b| (b, text.get(e..).and_then(|t| t.chars().next())));
    !alnum_at(before.map(|x| x.0), before.and_then(|x| x.1))
        && !alnum_at(after.map(|x| x.0), after.and_then(|x| x.1))
}

/// Runs of digits that can be (part of) a time expression on their own: four digits (a
/// year, "1990s", "2024-12-18"), a clock or numeric date ("10:35", "12/18"), an hour
/// before "a.m."/"pm", a decade ("'90s", "80s"), a quarter ("Q3") or a half ("H1"). Other numbers only
/// matter next to a time word ("three days", "Dec. 18"), which is a trigger itself, so
/// prices and counts do not wake the grammar.
fn digit_run_wanted(bytes: &[u8], start: usize, end: usize) -> bool {
    let len = end - start;
    let at = |k: usize| bytes.get(k).copied().unwrap_or(b' ');
    let prev = if start == 0 { b' ' } else { at(start - 1) };
    let next = at(end);
    // A continuation of "1,200", "5.93" or "10:35" is not a start.
    if matches!(prev, b',' | b'.' | b':') && start >= 2 && at(start - 2).is_ascii_digit() {
        return false;
    }
    let meridiem = {
        let k = if next == b' ' { end + 1 } else { end };
        matches!(at(k) | 0x20, b'a' | b'p') && matches!(at(k + 1) | 0x20, b'm' | b'.')
    };
    len == 4
        || (matches!(next, b':' | b'/') && at(end + 1).is_ascii_digit())
        || (len <= 2 && meridiem)
        || next == b's'
        || matches!(prev, b'\'' | b'Q' | b'q' | b'H' | b'h')
        // "FY24".
        || (prev | 0x20 == b'y' && start >= 2 && at(start - 2) | 0x20 == b'f')
        // The last byte of a curly apostrophe, U+2019.
        || prev == 0x99
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The scan a byte at a time: every run start, no masks.
    fn find_bytewise(t: &WordTriggers, lower: &str) -> Vec<(usize, usize)> {
        let bytes = lower.as_bytes();
        let mut out = Vec::new();
        for s in 0..bytes.len() {
            let prev = s.checked_sub(1).map(|k| bytes[k]);
            if bytes[s].is_ascii_lowercase() && !prev.is_some_and(|p| p.is_ascii_lowercase()) {
                t.word_at(lower, s, &mut out);
            } else if bytes[s].is_ascii_digit() && !prev.is_some_and(|p| p.is_ascii_digit()) {
                let mut e = s + 1;
                while e < bytes.len() && bytes[e].is_ascii_digit() {
                    e += 1;
                }
                if digit_run_wanted(bytes, s, e) {
                    out.push((s, e));
                }
            }
        }
        out
    }

    proptest! {
        #[test]
        fn blocks_find_what_bytes_find(
            text in "([a-z]{1,3}|may|day|march|latest period|may2|10:35|1987|'90s| |é|—|[0-9]{1,4}|\\PC){0,120}"
        ) {
            let t = WordTriggers::new(
                ["day", "may", "march", "mar", "ma", "tuesday"],
                ["latest period"],
            );
            let lower = text.to_ascii_lowercase();
            let mut got = Vec::new();
            t.find(&lower, &mut got);
            prop_assert_eq!(got, find_bytewise(&t, &lower));
        }
    }

    fn found(triggers: &WordTriggers, text: &str) -> Vec<String> {
        let lower = text.to_ascii_lowercase();
        let mut out = Vec::new();
        triggers.find(&lower, &mut out);
        out.into_iter()
            .map(|(s, e)| text[s..e].to_owned())
            .collect()
    }

    #[test]
    fn only_time_like_numbers_trigger() {
        let none = WordTriggers::new([], []);
        let text =
            "Sales of 155,221 bags at 5.93 mln in 1987, 10:35 a.m., 3 pm, the '90s, Q3, 12/18.";
        assert_eq!(found(&none, text), ["1987", "10", "3", "90", "3", "12"]);
    }

    #[test]
    fn whole_words_only() {
        let t = WordTriggers::new(["day", "may", "tuesday", "mar"], ["latest period"]);
        let text =
            "Today Mayor Day met TUESDAY; march, Mar. 3, day2, éday, the latest period, latest.";
        assert_eq!(found(&t, text), ["Day", "TUESDAY", "Mar", "latest period"]);
    }
}
