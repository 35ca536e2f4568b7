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
//! One pass over the lowercased body ([`crate::scan`], eight bytes at a time) finds trigger
//! words (month and weekday names, units, deictic words) and time-like digit runs. Only the
//! text around triggers is tokenized and run through the grammar ([`crate::grammar`]), so
//! the cost of text with no times in it is the scan. Each expression is then resolved
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
use crate::expr::{Expr, YearRef};
use crate::fnv::FnvMap;
use crate::grammar::{Found, Parser};
use crate::lex::{Kind, Tok, tokenize};
use crate::lexicon::{Lexicon, Tense};
use crate::range::{RangeDay, other_end_value, range_days, season_end};
use crate::resolve::{Direction, near_day_ahead, needs_direction, resolve};
use crate::shape::WordMap;
use crate::tense::{clause_tense, coordinates, past_event_day};

/// Context kept on each side of a trigger, in bytes: enough for the longest lead-in
/// ("about two and a half " before "years") and tail (":35 a.m. EST" after "10").
const LEFT_CONTEXT: usize = 32;
/// Before a plural unit or "decade" the look back is longer: a superlative far before "in two decades"
/// makes it a span looked back over ("one of the deadliest disasters to hit the country in
/// two decades", "the first U.S. measles death in a decade"), and only these units take it
/// ("year" is too common a trigger to look back so far every time).
const LEFT_CONTEXT_UNITS: usize = 56;
const LONG_LOOK_UNITS: &[&str] = &[
    "years",
    "decades",
    "months",
    "weeks",
    "days",
    "centuries",
    "decade",
    "century",
];
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
    "h",
    "fy",
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
    starters: WordMap<&'static str, ()>,
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
        let mut starters: FnvMap<&'static str, ()> = STARTERS.iter().map(|&w| (w, ())).collect();
        for m in &lexicon.modifiers {
            if let Some(first) = m.words.first() {
                starters.insert(first, ());
            }
        }
        for h in &lexicon.holidays {
            if let Some(first) = h.words.first() {
                // "valentine's" is tokenized "valentine", "'", "s".
                starters.insert(first.split('\'').next().unwrap_or(first), ());
            }
        }
        Ok(TimeExtractor {
            lexicon,
            starters: WordMap::new(starters),
        })
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
        // One lowercased copy of the body (same offsets) serves every token and tense cue.
        let lower = body.to_ascii_lowercase();
        let (windows, triggers) = self.windows(doc, &lower);
        // About one expression per window, and a few dozen tokens in each: reserved once
        // rather than grown a step at a time in every document.
        let mut out = Vec::with_capacity(windows.len());
        let mut tokens = Vec::with_capacity(if windows.is_empty() { 0 } else { 64 });
        let (mut next, mut founds) = (Vec::new(), Vec::new());
        // Expressions come in text order: the sentence holding one is found by walking on.
        let mut sentence = 0;
        let mut dated = DatedDays::default();
        // The last expression whose direction came from its clause: where it ends, its
        // sentence and its tense, which an expression coordinated with it shares.
        let mut previous: Option<(usize, usize, Option<Tense>)> = None;
        for window in windows {
            tokenize(
                body,
                &lower,
                window.start,
                window.end,
                &self.lexicon,
                &mut tokens,
            );
            self.parse(&tokens, &triggers, &mut next, &mut founds);
            for mut found in founds.drain(..) {
                month_range_year(&tokens, &mut found);
                dated.complete(&mut found.expr);
                dated.note(&found.expr);
                let (Some(first), Some(last)) = (
                    tokens.get(found.start),
                    tokens.get(found.end.saturating_sub(1)),
                ) else {
                    continue;
                };
                let range = first.start..last.end;
                let direction = if needs_direction(&found.expr) {
                    while doc
                        .sentences
                        .get(sentence)
                        .is_some_and(|s| s.end <= range.start)
                    {
                        sentence += 1;
                    }
                    let scope = sentence_scope(doc, sentence, &range, &window);
                    let coordinated = previous
                        .filter(|(end, at, _)| {
                            *at == sentence
                                && *end <= range.start
                                && coordinates(&self.lexicon, body, &lower, *end..range.start)
                        })
                        .and_then(|(_, _, tense)| tense);
                    let tense = clause_tense(
                        &self.lexicon,
                        body,
                        &lower,
                        scope,
                        range.clone(),
                        coordinated,
                    );
                    previous = Some((range.end, sentence, tense));
                    Direction::from_tense(tense)
                } else {
                    previous = None;
                    Direction::Past
                };
                // "scored in the second half": a game's half, not the year's.
                if bare_part_of_year(&found.expr)
                    && doc
                        .sentences
                        .get(sentence)
                        .filter(|s| s.start <= range.start)
                        .and_then(|s| lower.get(s.range()))
                        .is_some_and(|text| about_a_game(&self.lexicon, text))
                {
                    continue;
                }
                let mut resolved = resolve(&found.expr, dct, direction);
                if direction == Direction::Past {
                    let from = sentence_scope(doc, sentence, &range, &window).start;
                    if let Some(ahead) = near_day_ahead(&found.expr, dct)
                        && !past_event_day(&self.lexicon, body, &lower, from, range.start)
                    {
                        resolved = ahead;
                    }
                }
                weekday_year(&tokens, &found, &mut resolved);
                // A season or fiscal year written "2023-24" or "2023/24" is one period,
                // dated by the year it starts in (as "fiscal 1999-00" is).
                let end = match found.expr {
                    Expr::Date {
                        year: YearRef::Given(year),
                        month: None,
                        day: None,
                    } => season_end(&tokens, found.end - 1, year)
                        .and_then(|t| tokens.get(t))
                        .map_or(range.end, |t| t.end),
                    _ => range.end,
                };
                let Ok(span) = Span::new(body, range.start, end) else {
                    continue;
                };
                let link = Link::of(&found.expr);
                if let Expr::Date { day: Some(day), .. } = found.expr {
                    for other in range_days(&tokens, found.start, found.end, day) {
                        push_range_day(body, &tokens, other, &resolved.value, &mut out);
                    }
                }
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
                                tokens.get(found.start).map(|t| t.lower),
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
            t.id = numbered_id(i + 1);
        }
        link(doc, &mut out);
        out.into_iter().map(|(_, t)| t).collect()
    }

    /// Stretches of the body worth tokenizing (trigger words with some context, merged,
    /// never crossing a paragraph), and where the triggers start.
    fn windows(&self, doc: &Document, lower: &str) -> (Vec<Range<usize>>, Vec<usize>) {
        let body = doc.body.as_str();
        let mut windows: Vec<Range<usize>> = Vec::new();
        let mut hits = Vec::new();
        self.lexicon.triggers.find(lower, &mut hits);
        let mut triggers = Vec::with_capacity(hits.len());
        let whole = 0..body.len();
        // Triggers come in text order: the paragraph holding one is found by walking on.
        let mut paragraph = 0;
        // The last window end snapped: `(from, ceiling, end)`. Snapping scans to the next
        // whitespace, so in a paragraph without any (1 MB of digits, fuzz target blowup)
        // every trigger rescanned to its end: triggers × length. A later end between
        // `from` and `end` under the same ceiling snaps to the same `end`.
        let mut snapped: Option<(usize, usize, usize)> = None;
        for (s, e) in hits {
            triggers.push(s);
            while doc.paragraphs.get(paragraph).is_some_and(|p| p.end <= s) {
                paragraph += 1;
            }
            let container = doc
                .paragraphs
                .get(paragraph)
                .filter(|p| p.start <= s)
                .map_or(whole.clone(), Span::range);
            let lo = snap_start(
                body,
                container
                    .start
                    .max(s.saturating_sub(left_context(&lower[s..e]))),
                container.start,
                s,
            );
            let wanted = container.end.min(e + RIGHT_CONTEXT);
            let hi = match snapped {
                Some((from, ceiling, end))
                    if ceiling == container.end && from <= wanted && wanted <= end =>
                {
                    end
                }
                _ => {
                    let end = snap_end(body, wanted, container.end);
                    snapped = Some((wanted, container.end, end));
                    end
                }
            };
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

    /// Runs the grammar over a window's tokens, left to right, longest match first, into
    /// `out`; `next` is scratch space (for each token, the nearest trigger token at or
    /// after it).
    fn parse(
        &self,
        tokens: &[Tok<'_>],
        trigger_starts: &[usize],
        next: &mut Vec<usize>,
        out: &mut Vec<Found>,
    ) {
        out.clear();
        next.clear();
        next.resize(tokens.len() + 1, usize::MAX);
        // Triggers and tokens are both in text order: mark trigger tokens in one walk.
        let first = tokens.first().map_or(0, |t| t.start);
        let mut k = trigger_starts.partition_point(|&s| s < first);
        for (i, t) in tokens.iter().enumerate() {
            while trigger_starts.get(k).is_some_and(|&s| s < t.start) {
                k += 1;
            }
            if trigger_starts.get(k) == Some(&t.start) {
                next[i] = i;
            }
        }
        for i in (0..tokens.len()).rev() {
            next[i] = next[i].min(next[i + 1]);
        }
        let parser = Parser {
            t: tokens,
            lex: &self.lexicon,
        };
        let mut i = 0;
        while i < tokens.len() {
            if next[i] <= i + MAX_LEAD
                && self.can_start(&tokens[i])
                && let Some(found) = parser.parse_at(i)
            {
                i = found.end.max(i + 1);
                out.push(found);
                continue;
            }
            i += 1;
        }
    }

    fn can_start(&self, tok: &Tok<'_>) -> bool {
        tok.kind == Kind::Num
            || !tok.classes.is_empty()
            || self.starters.contains(tok.lower)
            || matches!(tok.text, "'" | "’")
    }
}

/// `T` and the number: `T1`, `T2`, ... (without the formatting machinery: one per time).
fn numbered_id(n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut n = n;
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(1 + digits.len() - k);
    id.push('T');
    id.extend(digits[k..].iter().map(|&d| char::from(d)));
    id
}

/// The context kept before a trigger word.
fn left_context(trigger: &str) -> usize {
    if LONG_LOOK_UNITS.contains(&trigger) {
        LEFT_CONTEXT_UNITS
    } else {
        LEFT_CONTEXT
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

/// The other end of a day range ("Oct. 14-18"), valued from the written date's `value`.
fn push_range_day(
    body: &str,
    tokens: &[Tok<'_>],
    other: RangeDay,
    value: &str,
    out: &mut Vec<(Option<Link>, Timex)>,
) {
    let Some(value) = other_end_value(value, other.day) else {
        return;
    };
    let tok = &tokens[other.token];
    let Ok(span) = Span::new(body, tok.start, tok.end) else {
        return;
    };
    out.push((
        Some(Link::Range(other.end)),
        Timex {
            id: String::new(),
            raw: span.text.clone(),
            span,
            kind: tally_core::TimexType::Date,
            value,
            modifier: None,
            anchor: None,
            quant: None,
        },
    ));
}

/// A day written with its weekday and no year ("Wednesday, March 4") falls in a year where
/// it is that weekday: when the tense chose another year, the nearest year (one either
/// side) that matches wins.
fn weekday_year(tokens: &[Tok<'_>], found: &Found, resolved: &mut crate::resolve::Resolved) {
    let Expr::Date {
        year: YearRef::Auto,
        month: Some(month),
        day: Some(day),
    } = found.expr
    else {
        return;
    };
    let Some(weekday) = tokens.get(found.start).and_then(|t| {
        t.classes.iter().find_map(|c| match c {
            crate::lexicon::Class::Weekday(w) => Some(*w),
            _ => None,
        })
    }) else {
        return;
    };
    let Some(year) = resolved.value.get(..4).and_then(|y| y.parse::<i64>().ok()) else {
        return;
    };
    let matches = |y: i64| Day::new(y, month, day).is_some_and(|d| d.weekday() == weekday);
    if matches(year) {
        return;
    }
    if let Some(y) = [year + 1, year - 1].into_iter().find(|&y| matches(y)) {
        resolved.value = format!("{y:04}{}", &resolved.value[4..]);
    }
}

/// "January-March 2026", "April to June 2025": a month without its year takes the year of
/// the month that closes its range (the year before when it comes later in the year:
/// "November-February 2025").
fn month_range_year(tokens: &[Tok<'_>], found: &mut Found) {
    let Expr::Date {
        year: year @ YearRef::Auto,
        month: Some(month),
        day: None,
    } = &mut found.expr
    else {
        return;
    };
    // The token at `i`, past the period of an abbreviation ("Jan.-March 2026").
    let at = |i: usize| {
        let skip = usize::from(tokens.get(i).is_some_and(|t| t.lower == "."));
        (i + skip, tokens.get(i + skip))
    };
    let (i, joint) = at(found.end);
    if !joint.is_some_and(|t| matches!(t.lower, "-" | "\u{2013}" | "to" | "through" | "and")) {
        return;
    }
    let Some(closing) = tokens.get(i + 1).and_then(|t| {
        t.classes.iter().find_map(|c| match c {
            crate::lexicon::Class::Month(m) => Some(*m),
            _ => None,
        })
    }) else {
        return;
    };
    let Some(y) = at(i + 2)
        .1
        .filter(|t| t.kind == Kind::Num && t.text.len() == 4)
        .and_then(Tok::number)
    else {
        return;
    };
    *year = YearRef::Given(if *month <= closing { y } else { y - 1 });
}

/// Days written with their year earlier in the document. Stories give the full date once
/// and the short form after: "the Oct. 7 attacks" after "the Oct. 7, 2023 attacks" is that
/// day, not the latest Oct. 7 before the publication date.
#[derive(Default)]
struct DatedDays(Vec<(u32, u32, i64)>);

impl DatedDays {
    /// Remembers a day written with its year (the latest one wins).
    fn note(&mut self, expr: &Expr) {
        if let Expr::Date {
            year: YearRef::Given(y),
            month: Some(m),
            day: Some(d),
        } = expr
        {
            self.0.retain(|&(mm, dd, _)| (mm, dd) != (*m, *d));
            self.0.push((*m, *d, *y));
        }
    }

    /// Gives a day written without a year the year it was written with before.
    fn complete(&self, expr: &mut Expr) {
        if let Expr::Date {
            year,
            month: Some(m),
            day: Some(d),
        } = expr
            && *year == YearRef::Auto
            && let Some(&(_, _, y)) = self.0.iter().find(|&&(mm, dd, _)| (mm, dd) == (*m, *d))
        {
            *year = YearRef::Given(y);
        }
    }
}

/// A half or quarter with no year written ("in the second half"), which may be a game's.
fn bare_part_of_year(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::Half {
            year: YearRef::Auto,
            ..
        } | Expr::Quarter {
            year: YearRef::Auto,
            ..
        }
    )
}

/// Whether a lowercase sentence has a word that only a game report uses ("scored").
fn about_a_game(lexicon: &Lexicon, lower: &str) -> bool {
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|w| lexicon.is_game_cue(w))
}

/// The sentence around an expression (`sentence` is the first one not ending before it),
/// for tense; its paragraph or the window when sentences are missing.
fn sentence_scope(
    doc: &Document,
    sentence: usize,
    range: &Range<usize>,
    window: &Range<usize>,
) -> Range<usize> {
    match doc
        .sentences
        .get(sentence)
        .filter(|s| s.start <= range.start)
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
