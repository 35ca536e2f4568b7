//! Sentence boundaries over one paragraph's tokens.
//!
//! ## What it finds
//! A sentence ends at `.`, `?`, `!` or an ellipsis (with any closing quotes and brackets
//! right after it) when whitespace and a fitting next word follow:
//! - after `.`, `?` or `!`: anything but a lower-case word or `,;:` ("?" he asked);
//! - after an ellipsis: only a capitalized word ("from... light wounds" stays whole);
//! - after an abbreviation of class `end`, an acronym or an initial ("U.S.", "Dec.", "J."):
//!   only a common sentence opener ("the U.S. The talks" breaks, "U.S. President" and
//!   "Dec. 18" do not); a one-letter name of a thing after a lower-case word ("posted on
//!   X. Musk said", `data/text/letter_names.txt`) ends like a plain period;
//! - after a `number` abbreviation ("No."): anything but a number;
//! - never after a `prefix` abbreviation ("Gen.", "Mr.", "Lt. Col.").
//!
//! A sentence never ends inside a quotation that closes in the same paragraph, so
//! `"These are not troops. They haven't fought," the official said.` is one unit: the cue
//! belongs to both quoted sentences. Paragraph ends always end a sentence, so headlines
//! and datelines without a final period stand alone.
//!
//! ## Example
//! `Gen. Smith arrived at 5 p.m. Tuesday. He left.` gives `Gen. Smith arrived at 5 p.m.
//! Tuesday.` and `He left.`
//!
//! ## Limitations
//! - Lower-case text after a period never starts a sentence (text without capitals
//!   under-splits); a capitalized word after an ambiguous abbreviation starts one only if
//!   it is in `data/text/sentence_starters.txt`.
//! - Single line breaks inside a paragraph are treated as spaces.
//! - A number of one or two digits with a period opening a sentence or following a colon
//!   ("1. The ...") is a list enumerator, so "2. The victim died." stays whole while "The
//!   score was 3. 4 people left." still breaks.

use std::ops::Range;

use tally_core::{Token, TokenKind};

use crate::lexicon::{AbbrevClass, lexicon};
use crate::token::Tag;

/// Splits one paragraph's `tokens` (with their `tags`) into sentences, appended to `out`
/// as token index ranges. `closed` lists the closed-quotation regions of the whole body
/// (sorted, disjoint); `cursor` is the index into it, kept between paragraphs since offsets
/// only grow.
pub(crate) fn split(
    body: &str,
    tokens: &[Token],
    tags: &[Tag],
    closed: &[Range<usize>],
    cursor: &mut usize,
    out: &mut Vec<Range<usize>>,
) {
    let n = tokens.len().min(tags.len());
    let mut start = 0;
    let mut i = 0;
    while i < n {
        // A sentence needs words before its terminal: "... The" at a paragraph start is
        // not a sentence of its own.
        if i == start || !is_terminal(tags[i]) {
            i += 1;
            continue;
        }
        // Closing quotes and brackets right after the terminal belong to its sentence; so
        // does a closing quote set off by a space ("come. \" In"), a typing slip.
        let mut last = i;
        while last + 1 < n {
            let adjacent = tokens[last + 1].start == tokens[last].end;
            match tags[last + 1] {
                Tag::CloseQuote => last += 1,
                Tag::CloseBracket if adjacent => last += 1,
                _ => break,
            }
        }
        let next = last + 1;
        if next >= n {
            break;
        }
        // A break needs whitespace: "5.6", "end.”And" and "....[" are not boundaries.
        let boundary = tokens[last].end;
        // "1. The government..." : a list number opening a sentence or following a colon
        // is not a sentence of its own.
        let enumerator = tags[i] == Tag::Period
            && tokens[i - 1].kind == TokenKind::Number
            && tokens[i - 1].end == tokens[i].start
            && tokens[i - 1].end - tokens[i - 1].start <= 2
            && (i - 1 == start
                || matches!(body.as_bytes().get(tokens[i - 2].start), Some(b':' | b';')));
        if tokens[next].start > boundary
            && !enumerator
            && !inside(closed, cursor, boundary)
            && breaks(
                body,
                terminal(body, tokens, tags, i),
                &tokens[next..n],
                &tags[next..n],
            )
        {
            out.push(start..next);
            start = next;
        }
        i = next;
    }
    if start < n {
        out.push(start..n);
    }
}

/// The tag a sentence end after token `i` is judged by: an initial that is a one-letter
/// name after a lower-case word ("posted on X. Musk said") ends like a plain period.
fn terminal(body: &str, tokens: &[Token], tags: &[Tag], i: usize) -> Tag {
    let text = |t: &Token| body.get(t.start..t.end).unwrap_or("");
    if tags[i] == Tag::Initial
        && i > 0
        && text(&tokens[i - 1]).starts_with(char::is_lowercase)
        && lexicon().is_letter_name(text(&tokens[i]).trim_end_matches('.'))
    {
        Tag::Period
    } else {
        tags[i]
    }
}

fn is_terminal(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Period | Tag::Ellipsis | Tag::Bang | Tag::Abbrev(_) | Tag::Acronym | Tag::Initial
    )
}

/// Whether `offset` is strictly inside one of the `closed` regions.
fn inside(closed: &[Range<usize>], cursor: &mut usize, offset: usize) -> bool {
    while closed.get(*cursor).is_some_and(|r| r.end <= offset) {
        *cursor += 1;
    }
    closed.get(*cursor).is_some_and(|r| r.start < offset)
}

/// Whether a sentence ends after a terminal tagged `terminal`, given the tokens that
/// follow it (at least one) and their tags.
fn breaks(body: &str, terminal: Tag, rest: &[Token], tags: &[Tag]) -> bool {
    let Some(&next) = tags.first() else {
        return true;
    };
    // A spaced ellipsis (". . .") or stray punctuation continues the sentence; a period
    // and then "..." starts a quoted fragment.
    if matches!(
        next,
        Tag::Pause | Tag::Period | Tag::Bang | Tag::CloseQuote | Tag::CloseBracket
    ) {
        return false;
    }
    // The first word, past opening quotes and brackets: `. "We` starts like `. We`.
    let word = tags
        .iter()
        .position(|t| !matches!(t, Tag::OpenQuote | Tag::OpenBracket | Tag::Quote))
        .and_then(|k| rest.get(k));
    let text = word.and_then(|t| body.get(t.start..t.end)).unwrap_or("");
    let first = text.chars().next();
    // A lower-case letter followed by a capital is a name ("iPhone", "eBay"), not a
    // continuation.
    let camel = text.chars().nth(1).is_some_and(char::is_uppercase);
    let lower = first.is_some_and(char::is_lowercase) && !camel;
    // Scripts without case count as capitalized.
    let capital = first.is_some_and(|c| c.is_alphabetic() && (!c.is_lowercase() || camel));
    let number = word.is_some_and(|t| t.kind == TokenKind::Number);
    match terminal {
        Tag::Period | Tag::Bang => !lower,
        Tag::Ellipsis => capital,
        Tag::Abbrev(AbbrevClass::Prefix) => false,
        Tag::Abbrev(AbbrevClass::Number) => !number && !lower,
        Tag::Abbrev(AbbrevClass::End) | Tag::Acronym | Tag::Initial => {
            lexicon().is_starter(text) || (next == Tag::OpenQuote && capital)
        }
        _ => false,
    }
}
