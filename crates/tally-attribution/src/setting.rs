//! The setting of a report is not what was said.
//!
//! "Hamas said in a statement it would not attend the talks": without a "that", the bare
//! clause after the cue was read from the cue on, so the content opened with "in a
//! statement". A run of setting words right after the cue ("in a statement", "on
//! Telegram", "in a post on X", "in a televised address late Friday") leaves the content,
//! which starts at the clause after it. The setting words are the said-at ones
//! ([`tally_times::SETTING_WORDS`]), which date "said in a statement on Monday".
//!
//! Limitations: only a run opened by a preposition and closed by a noun of the list;
//! "said at a rally in Ohio it would" keeps "at a rally in Ohio" (a place is no setting
//! word).

use tally_core::{Attribution, Document};
use tally_times::SETTING_WORDS;

use crate::said_at::DAYS;

/// Prepositions that open a setting.
const OPENERS: &[&str] = &["in", "on", "at", "during"];

/// Setting words that cannot close one ("in a", "on the").
const NOT_CLOSING: &[&str] = &[
    "on", "at", "in", "during", "a", "an", "the", "to", "his", "her", "its", "their", "separate",
    "joint", "late", "early", "news", "social", "written",
];

/// Words that open the reported clause after a setting: a pronoun or a determiner. A
/// capitalized word does too, unless it is one of [`NOT_OPENING`].
const CLAUSE_OPENERS: &[&str] = &[
    "it", "they", "he", "she", "we", "i", "there", "the", "a", "an", "its", "their", "his", "her",
    "this", "these", "those",
];

/// Capitalized words that go on with the setting ("DURING A NEWS CONFERENCE ON 7 JUNE").
const NOT_OPENING: &[&str] = &[
    "on",
    "to",
    "that",
    "in",
    "at",
    "during",
    "following",
    "from",
    "for",
    "with",
    "by",
    "of",
];

/// Whether the word after a setting opens the reported clause: "in a statement it would",
/// "in the interview Mikulic warned", but not "in a telephone conversation", "in a letter
/// to", "in a statement welcoming".
fn opens_clause(word: &str) -> bool {
    let lower = word.to_lowercase();
    CLAUSE_OPENERS.contains(&lower.as_str())
        || word.starts_with(char::is_uppercase) && !NOT_OPENING.contains(&lower.as_str())
}

/// Most words a setting has.
const MAX_WORDS: usize = 8;

/// Takes the setting right after each cue out of the start of its content.
pub(crate) fn trim(doc: &Document, attributions: &mut [Attribution]) {
    for a in attributions {
        let Some(first) = a.content.first_mut() else {
            continue;
        };
        let gap = doc.body.get(a.cue.end..first.start).unwrap_or("x");
        if first.start < a.cue.end || !gap.trim().is_empty() {
            continue;
        }
        if let Some(skip) = setting_len(&first.text)
            && let Ok(span) = doc.span(first.start + skip, first.end)
        {
            *first = span;
        }
    }
}

/// The byte length of a leading setting and the space after it, when the text goes on
/// after it.
fn setting_len(text: &str) -> Option<usize> {
    let mut words = text.split_whitespace();
    let opener = words.next()?;
    if !OPENERS.iter().any(|o| o.eq_ignore_ascii_case(opener)) {
        return None;
    }
    let mut end = None;
    for (n, w) in words.take(MAX_WORDS).enumerate() {
        let lower = w.to_ascii_lowercase();
        let is_day = DAYS.contains(&lower.as_str());
        if !is_day && !SETTING_WORDS.contains(&lower.as_str()) {
            break;
        }
        if is_day || !NOT_CLOSING.contains(&lower.as_str()) {
            end = Some(n + 2);
        }
    }
    let count = end?;
    if !opens_clause(text.split_whitespace().nth(count)?) {
        return None;
    }
    // Byte offset where word `count` (0-based) starts: the content after the setting.
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            if seen == count {
                return Some(i);
            }
            seen += 1;
            in_word = true;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::setting_len;

    fn rest(text: &str) -> &str {
        setting_len(text).map_or(text, |n| &text[n..])
    }

    #[test]
    fn a_setting_leaves_the_content() {
        assert_eq!(
            rest("in a statement it would not attend"),
            "it would not attend"
        );
        assert_eq!(
            rest("on Telegram it had shot down 12 drones"),
            "it had shot down 12 drones"
        );
        assert_eq!(
            rest("in a post on X late Friday the talks failed"),
            "the talks failed"
        );
    }

    #[test]
    fn a_setting_that_goes_on_stays() {
        for text in [
            "in a telephone conversation that it fell",
            "in a letter to the council that it fell",
            "DURING A NEWS CONFERENCE ON 7 JUNE THAT IT FELL",
            "in a statement welcoming the deal",
        ] {
            assert_eq!(rest(text), text);
        }
    }

    #[test]
    fn anything_else_stays() {
        assert_eq!(rest("in Gaza they had seen it"), "in Gaza they had seen it");
        assert_eq!(rest("at least 12 people died"), "at least 12 people died");
        assert_eq!(rest("in a statement"), "in a statement");
        assert_eq!(
            rest("on the table were three plans"),
            "on the table were three plans"
        );
    }
}
