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

use tally_core::{Document, ExtractError, Extractor, Layer, Span, Timex};

use crate::anchor::{Link, link};
use crate::calendar::Day;
use crate::fnv::FnvSet;
use crate::grammar::{Found, Parser};
use crate::lex::{Kind, Tok, tokenize};
use crate::lexicon::Lexicon;
use crate::resolve::{Direction, needs_direction, resolve};
use crate::scan::digit_triggers;
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
    "these",
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
                // "valentine's" is tokenized "valentine", "'", "s".
                starters.insert(first.split('\'').next().unwrap_or(first));
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
                let link = Link::of(&found.expr);
                out.push((
                    link,
                    Timex {
                        id: String::new(),
                        raw: span.text.clone(),
                        span,
                        kind: resolved.kind,
                        value: resolved.value,
                        modifier: found.modifier,
                        anchor: (resolved.anchored && dct.is_some()).then(|| "DCT".to_owned()),
                        // TimeML marks "every"/"each" recurrences with quant="EVERY".
                        quant: (resolved.kind == tally_core::TimexType::Set
                            && matches!(
                                tokens.get(found.start).map(|t| t.lower.as_ref()),
                                Some("every" | "each")
                            ))
                        .then(|| "EVERY".to_owned()),
                    },
                ));
            }
        }
        out.sort_by_key(|(_, t)| t.span.start);
        out.dedup_by(|b, a| b.1.span.start < a.1.span.end);
        for (i, (_, t)) in out.iter_mut().enumerate() {
            t.id = format!("T{}", i + 1);
        }
        link(doc, &mut out);
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
