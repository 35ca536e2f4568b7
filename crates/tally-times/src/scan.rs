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
    /// The body is read eight bytes at a time into masks of letters and digits (SWAR), so
    /// that only the starts of runs are visited; a word is read further only when its first
    /// three letters begin some trigger.
    pub(crate) fn find(&self, lower: &str, out: &mut Vec<(usize, usize)>) {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        const ONES: u64 = 0x0101_0101_0101_0101;
        out.clear();
        let bytes = lower.as_bytes();
        let n = bytes.len();
        // High bits of the previous chunk's last byte being a letter / a digit.
        let (mut letter_before, mut digit_before) = (0u64, 0u64);
        let mut base = 0;
        while base < n {
            // Whole chunks are read directly; only the last, short one is padded.
            let x = match bytes
                .get(base..base + 8)
                .and_then(|c| <[u8; 8]>::try_from(c).ok())
            {
                Some(chunk) => u64::from_le_bytes(chunk),
                None => {
                    let mut word = [b' '; 8];
                    let take = n - base;
                    word[..take].copy_from_slice(&bytes[base..]);
                    u64::from_le_bytes(word)
                }
            };
            let ascii = !x & HIGH;
            let low7 = x & !HIGH;
            // High bit of each byte set when the byte is at least the constant's byte.
            let at_least = |c: u64| (low7 + (0x80 - c) * ONES) & HIGH;
            let letters = ascii & at_least(0x61) & !at_least(0x7b);
            let digits = ascii & at_least(0x30) & !at_least(0x3a);
            let mut starts = (letters & !((letters << 8) | letter_before))
                | (digits & !((digits << 8) | digit_before));
            letter_before = letters >> 56;
            digit_before = digits >> 56;
            while starts != 0 {
                let s = base + (starts.trailing_zeros() / 8) as usize;
                starts &= starts - 1;
                if bytes[s].is_ascii_digit() {
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
            base += 8;
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
/// before "a.m."/"pm", a decade ("'90s", "80s") or a quarter ("Q3"). Other numbers only
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
        || matches!(prev, b'\'' | b'Q' | b'q')
        // The last byte of a curly apostrophe, U+2019.
        || prev == 0x99
}

#[cfg(test)]
mod tests {
    use super::*;

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
