//! The `times` extractor: finds time expressions in a document and anchors them on its
//! publication date.
//!
//! # What it finds
//! TIMEX3 expressions of the four types: DATE ("Tuesday", "June", "December 18, 2024",
//! "earlier this month", "last year", "mid-2023", "the third quarter", "the 1990s",
//! "two weeks ago", "recently"), TIME ("3 p.m. Tuesday", "this morning", "tonight"),
//! DURATION ("over several days", "within hours", "for three years", "the past 24 hours")
//! and SET ("every day", "weekly", "every Tuesday").
//!
//! # Example
//! With a publication date of 2024-12-18, "a senior U.S. military official said Tuesday"
//! gives `Tuesday` → DATE `2024-12-17` (past tense: the latest Tuesday), and "before
//! Donald Trump takes office next month" gives `next month` → DATE `2025-01`.
//!
//! # How
//! One pass of an Aho-Corasick automaton over the body finds trigger words (month and
//! weekday names, units, deictic words, digits). Only the text around triggers is
//! tokenized and run through the grammar ([`crate::grammar`]), so the cost of text with no
//! times in it is the automaton's scan. Each expression is then resolved
//! ([`crate::resolve`]) with the direction given by its clause's tense ([`crate::tense`]).
//!
//! # Limitations
//! - Expressions are anchored on the publication date, never on another expression: "two
//!   days later" in a story about last year is not followed; it is left a duration.
//! - Tense is approximated by the nearest cue word, not a parse.
//! - English only; "12/11/2024" with both parts 12 or less keeps only the year.
//! - Prepositions stay outside spans ("on Tuesday" → "Tuesday"), as TimeML does, except
//!   "over" and "within" before a duration ("over several days").

use std::ops::Range;

use tally_core::{Document, ExtractError, Extractor, Layer, Span, Timex, TimexType};

use crate::calendar::Day;
use crate::expr::Expr;
use crate::fnv::FnvSet;
use crate::grammar::{Found, Parser};
use crate::lex::{Kind, Tok, tokenize};
use crate::lexicon::{Lexicon, Unit};
use crate::resolve::{Direction, needs_direction, resolve, shift_value};
use crate::tense::clause_tense;

/// Context kept on each side of a trigger, in bytes: enough for the longest lead-in
/// ("about two and a half " before "years") and tail (":35 a.m. EST" after "10").
const LEFT_CONTEXT: usize = 32;
const RIGHT_CONTEXT: usize = 24;
/// How many tokens before a trigger an expression may start ("the first nine months").
const MAX_LEAD: usize = 6;

/// Words (besides time words and numbers) an expression can start with.
const STARTERS: &[&str] = &[
    "the",
    "this",
    "that",
    "last",
    "next",
    "past",
    "coming",
    "current",
    "previous",
    "following",
    "earlier",
    "later",
    "every",
    "each",
    "fiscal",
    "half",
    "recent",
    "q",
    "a",
    "an",
    "dozens",
    "hundreds",
    "thousands",
    "tens",
    "scores",
    "latest",
    "first",
];

/// Finds and normalizes time expressions; see the module docs.
pub struct TimeExtractor {
    lexicon: Lexicon,
    starters: FnvSet<&'static str>,
}

impl std::fmt::Debug for TimeExtractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TimeExtractor").finish_non_exhaustive()
    }
}

impl TimeExtractor {
    /// Builds the extractor from the bundled data in `data/times/`.
    ///
    /// # Errors
    /// [`ExtractError::Data`] naming the file and line when the bundled data is invalid.
    pub fn new() -> Result<TimeExtractor, ExtractError> {
        let lexicon = Lexicon::bundled()?;
        let mut starters: FnvSet<&'static str> = STARTERS.iter().copied().collect();
        for m in &lexicon.modifiers {
            if let Some(first) = m.words.first() {
                starters.insert(first);
            }
        }
        for h in &lexicon.holidays {
            if let Some(first) = h.words.first() {
                starters.insert(first);
            }
        }
        Ok(TimeExtractor { lexicon, starters })
    }

    /// The time expressions of `doc`, in body order, with ids `T1`, `T2`, ...
    ///
    /// Uses `doc.meta.published` as the DCT, paragraphs to bound expressions and sentences
    /// (when present) to scope tense.
    #[must_use]
    pub fn find(&self, doc: &Document) -> Vec<Timex> {
        let dct = doc.published_date().and_then(|d| {
            Day::new(
                i64::from(d.year()),
                u32::try_from(d.month()).ok()?,
                u32::try_from(d.day()).ok()?,
            )
        });
        let body = doc.body.as_str();
        let mut out = Vec::new();
        let (windows, triggers) = self.windows(doc);
        let mut tokens = Vec::new();
        for window in windows {
            tokenize(body, window.start, window.end, &self.lexicon, &mut tokens);
            for found in self.parse(&tokens, &triggers) {
                let (Some(first), Some(last)) = (
                    tokens.get(found.start),
                    tokens.get(found.end.saturating_sub(1)),
                ) else {
                    continue;
                };
                let range = first.start..last.end;
                let direction = if needs_direction(&found.expr) {
                    let scope = sentence_scope(doc, &range, &window);
                    Direction::from_tense(clause_tense(&self.lexicon, body, scope, range.clone()))
                } else {
                    Direction::Past
                };
                let resolved = resolve(&found.expr, dct, direction);
                let Ok(span) = Span::new(body, range.start, range.end) else {
                    continue;
                };
                let relinkable = match &found.expr {
                    Expr::Before {
                        unit,
                        n,
                        base: None,
                    } => Some((*unit, *n)),
                    _ => None,
                };
                out.push((
                    relinkable,
                    Timex {
                        id: String::new(),
                        raw: span.text.clone(),
                        span,
                        kind: resolved.kind,
                        value: resolved.value,
                        modifier: found.modifier,
                        anchor: (resolved.anchored && dct.is_some()).then(|| "DCT".to_owned()),
                        quant: None,
                    },
                ));
            }
        }
        out.sort_by_key(|(_, t)| t.span.start);
        out.dedup_by(|b, a| b.1.span.start < a.1.span.end);
        for (i, (_, t)) in out.iter_mut().enumerate() {
            t.id = format!("T{}", i + 1);
        }
        relink(doc, &mut out);
        out.into_iter().map(|(_, t)| t).collect()
    }

    /// Stretches of the body worth tokenizing (trigger words with some context, merged,
    /// never crossing a paragraph), and where the triggers start.
    fn windows(&self, doc: &Document) -> (Vec<Range<usize>>, Vec<usize>) {
        let body = doc.body.as_str();
        let bytes = body.as_bytes();
        let mut windows: Vec<Range<usize>> = Vec::new();
        let mut triggers = Vec::new();
        let whole = 0..body.len();
        // Word triggers from the automaton, digit triggers from a byte scan, in order.
        let mut words = self.lexicon.triggers.find_iter(body).filter_map(|m| {
            let (s, e) = (m.start(), m.end());
            let before = body[..s].chars().next_back();
            let after = body[e..].chars().next();
            (!before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric))
            .then_some((s, e))
        });
        let mut digits = digit_triggers(bytes).into_iter();
        let (mut next_word, mut next_digit) = (words.next(), digits.next());
        while let Some((s, e)) = match (next_word, next_digit) {
            (Some(w), Some(d)) if w.0 <= d.0 => {
                next_word = words.next();
                Some(w)
            }
            (_, Some(d)) => {
                next_digit = digits.next();
                Some(d)
            }
            (Some(w), None) => {
                next_word = words.next();
                Some(w)
            }
            (None, None) => None,
        } {
            triggers.push(s);
            let container = doc
                .paragraph_at(s)
                .and_then(|i| doc.paragraphs.get(i))
                .map_or(whole.clone(), Span::range);
            let lo = snap_start(
                body,
                container.start.max(s.saturating_sub(LEFT_CONTEXT)),
                container.start,
                s,
            );
            let hi = snap_end(body, container.end.min(e + RIGHT_CONTEXT), container.end);
            match windows.last_mut() {
                Some(last)
                    if lo <= last.end
                        && last.end <= container.end
                        && last.start >= container.start =>
                {
                    last.end = last.end.max(hi);
                }
                _ => windows.push(lo..hi),
            }
        }
        (windows, triggers)
    }

    /// Runs the grammar over a window's tokens, left to right, longest match first.
    fn parse(&self, tokens: &[Tok<'_>], trigger_starts: &[usize]) -> Vec<Found> {
        let parser = Parser {
            t: tokens,
            lex: &self.lexicon,
        };
        let triggers: Vec<bool> = tokens
            .iter()
            .map(|t| trigger_starts.binary_search(&t.start).is_ok())
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let near_trigger = triggers[i..tokens.len().min(i + MAX_LEAD + 1)]
                .iter()
                .any(|&t| t);
            if near_trigger
                && self.can_start(&tokens[i])
                && let Some(found) = parser.parse_at(i)
            {
                i = found.end.max(i + 1);
                out.push(found);
                continue;
            }
            i += 1;
        }
        out
    }

    fn can_start(&self, tok: &Tok<'_>) -> bool {
        tok.kind == Kind::Num
            || !tok.classes.is_empty()
            || self.starters.contains(tok.lower.as_ref())
            || matches!(tok.text, "'" | "’")
    }
}

/// How far back (in bytes) a reported quarter can anchor "a year ago".
const QUARTER_REACH: usize = 1200;

/// "a year earlier" and "a year ago" compare with a period just named: "profit rose in the
/// third quarter from a year earlier" is the third quarter of the year before, not the
/// year before the DCT. The period is the nearest earlier date of the same sentence finer
/// than a year (a quarter, month or day), or else, in business news where a story reports
/// on one quarter, the nearest quarter named shortly before. Only a single unit back
/// ("a year", "a month") is relinked: "four years ago" counts from the DCT.
fn relink(doc: &Document, timexes: &mut [(Option<(Unit, i64)>, Timex)]) {
    for i in 0..timexes.len() {
        let Some((unit, n)) = timexes[i].0 else {
            continue;
        };
        if n != 1 {
            continue;
        }
        let here = timexes[i].1.span.start;
        // The compared period is current: not itself relinked, not years back.
        let dct_year = doc.published_date().map(|d| i64::from(d.year()));
        let current = |t: &Timex| {
            !t.anchor.as_deref().is_some_and(|a| a.starts_with('T'))
                && match (
                    t.value.get(..4).and_then(|y| y.parse::<i64>().ok()),
                    dct_year,
                ) {
                    (Some(y), Some(d)) => y >= d - 1,
                    _ => false,
                }
        };
        let sentence = doc.sentence_at(here);
        let earlier = || {
            timexes[..i]
                .iter()
                .rev()
                .map(|(_, t)| t)
                .filter(|t| t.kind == TimexType::Date)
        };
        let base = earlier()
            .take_while(|t| doc.sentence_at(t.span.start) == sentence)
            .find(|t| granularity_finer(&t.value, unit) && current(t))
            .or_else(|| {
                (unit == Unit::Year)
                    .then(|| {
                        earlier()
                            .take_while(|t| here - t.span.start <= QUARTER_REACH)
                            .find(|t| {
                                t.value.len() == 7
                                    && t.value.as_bytes().get(5) == Some(&b'Q')
                                    && current(t)
                            })
                    })
                    .flatten()
            });
        let Some(base) = base else {
            continue;
        };
        if let Some(value) = shift_value(&base.value, unit, -n) {
            let id = base.id.clone();
            let t = &mut timexes[i].1;
            t.value = value;
            t.anchor = Some(id);
        }
    }
}

/// Whether a date value names something smaller than `unit` ("2024-Q3" is finer than a
/// year; "2024" is not; weeks are left alone).
fn granularity_finer(value: &str, unit: Unit) -> bool {
    let digits = value
        .get(..4)
        .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()));
    if !digits || value.contains('W') {
        return false;
    }
    match unit {
        Unit::Year => value.len() > 4,
        Unit::Month => value.len() >= 10 && !value.contains('Q'),
        _ => false,
    }
}

/// Runs of digits that can be (part of) a time expression on their own: four digits (a
/// year, "1990s", "2024-12-18"), a clock or numeric date ("10:35", "12/18"), an hour
/// before "a.m."/"pm", a decade ("'90s", "80s") or a quarter ("Q3"). Other numbers only
/// matter next to a time word ("three days", "Dec. 18"), which is a trigger itself, so
/// prices and counts do not wake the grammar.
fn digit_triggers(bytes: &[u8]) -> Vec<(usize, usize)> {
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

/// Moves a window start onto a char boundary and past a partial word (unless that would
/// pass `limit`, the trigger).
fn snap_start(body: &str, mut lo: usize, floor: usize, limit: usize) -> usize {
    while lo > floor && !body.is_char_boundary(lo) {
        lo -= 1;
    }
    if lo == floor {
        return lo;
    }
    let rest = &body[lo..limit];
    match rest.find(char::is_whitespace) {
        Some(ws) => lo + ws,
        None => limit,
    }
}

/// Moves a window end onto a char boundary and to the end of a partial word.
fn snap_end(body: &str, mut hi: usize, ceiling: usize) -> usize {
    while hi < ceiling && !body.is_char_boundary(hi) {
        hi += 1;
    }
    let rest = &body[hi..ceiling];
    match rest.find(char::is_whitespace) {
        Some(ws) => hi + ws,
        None => ceiling,
    }
}

/// The sentence around an expression, for tense; the window when sentences are missing.
fn sentence_scope(doc: &Document, range: &Range<usize>, window: &Range<usize>) -> Range<usize> {
    match doc
        .sentence_at(range.start)
        .and_then(|i| doc.sentences.get(i))
    {
        Some(s) => s.start.min(range.start)..s.end.max(range.end),
        None => doc
            .paragraph_at(range.start)
            .and_then(|i| doc.paragraphs.get(i))
            .map_or(window.clone(), Span::range),
    }
}

impl Extractor for TimeExtractor {
    fn name(&self) -> &'static str {
        "times"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Paragraphs, Layer::Sentences]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Times]
    }

    fn run(&self, doc: &mut Document) -> Result<(), ExtractError> {
        doc.times = self.find(doc);
        doc.mark_layer(Layer::Times);
        Ok(())
    }
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
