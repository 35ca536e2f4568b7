//! The grammar of English time expressions, over the tokens of a window.
//!
//! [`Parser::parse_at`] tries every production at a token and keeps the longest match. A
//! production is a plain function that reads tokens and returns where it stopped and what
//! it read ([`Expr`]); modifiers ("early", "about", "the end of") wrap the productions
//! they apply to. Nothing here knows the publication date: resolution does that.

use tally_core::TimexMod;

use crate::expr::{Expr, YearRef};
use crate::lex::{Kind, Tok};

mod clock;
mod dates;
mod durations;
mod relative;
mod sets;
mod words;
use crate::lexicon::{Class, Lexicon, ModScope, Unit};

/// A time expression found in a window: tokens `start..end`, its meaning and modifier.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub modifier: Option<TimexMod>,
}

/// Reads time expressions from a token slice.
pub(crate) struct Parser<'a, 't> {
    pub t: &'t [Tok<'a>],
    pub lex: &'a Lexicon,
}

type Hit = (usize, Expr);

impl Parser<'_, '_> {
    fn tok(&self, i: usize) -> Option<&Tok<'_>> {
        self.t.get(i)
    }

    fn low(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| t.lower)
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.low(i) == word
    }

    fn is_any(&self, i: usize, words: &[&str]) -> bool {
        let w = self.low(i);
        !w.is_empty() && words.contains(&w)
    }

    /// Whether token `i` starts right where token `i - 1` ends.
    fn touching(&self, i: usize) -> bool {
        i > 0
            && match (self.t.get(i - 1), self.t.get(i)) {
                (Some(a), Some(b)) => a.end == b.start,
                _ => false,
            }
    }

    fn classes(&self, i: usize) -> &[Class] {
        self.t.get(i).map_or(&[], |t| t.classes)
    }

    /// Matches a sequence of lowercase words (punctuation tokens included, like `'`).
    fn phrase(&self, i: usize, words: &[&str]) -> Option<usize> {
        let mut j = i;
        for w in words {
            // The rules below match through an apostrophe, which no token holds but "'"
            // itself: they can apply only when `w` starts with one or has one right after
            // the token's text. Testing those two bytes spares the search for an
            // apostrophe in every word of every phrase tried, nearly all mismatches.
            let low = self.low(j);
            let bytes = w.as_bytes();
            if bytes.first() != Some(&b'\'') && bytes.get(low.len()) != Some(&b'\'') {
                if low != *w {
                    return None;
                }
                j += 1;
                continue;
            }
            if *w == "'s" {
                // "new year's": apostrophe and s, straight or curly.
                if self.is(j, "'") && self.is(j + 1, "s") {
                    j += 2;
                    continue;
                }
                return None;
            }
            if let Some((head, tail)) = w.split_once('\'') {
                if self.is(j, head) && self.is(j + 1, "'") && self.is(j + 2, tail) {
                    j += 3;
                    continue;
                }
                return None;
            }
            if !self.is(j, w) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// Skips a hyphen (or dash) touching the previous token: "mid-2023", "third-quarter".
    fn hyphen(&self, i: usize) -> usize {
        if self.is_any(i, &["-", "‐", "–"]) && self.touching(i) {
            i + 1
        } else {
            i
        }
    }

    /// Skips a period touching the previous token ("Dec.").
    fn period(&self, i: usize) -> usize {
        if self.is(i, ".") && self.touching(i) {
            i + 1
        } else {
            i
        }
    }

    // ----- Words -------------------------------------------------------------------------

    // ----- Productions -------------------------------------------------------------------

    /// The longest expression starting at token `i`, with any modifier in front.
    pub(crate) fn parse_at(&self, i: usize) -> Option<Found> {
        let mut best: Option<Found> = self.core(i).map(|(end, expr)| Found {
            start: i,
            end,
            expr,
            modifier: None,
        });
        for m in self.lex.modifiers_from(self.low(i)) {
            let Some(j) = self.phrase(i, &m.words) else {
                continue;
            };
            // "post-1959", "pre-war" are written with a hyphen; "in an internal post last
            // week" is a noun before the time.
            if self.is_any(i, &["post", "pre"]) && self.hyphen(j) == j {
                continue;
            }
            let j = self.hyphen(j);
            let hit = match (m.scope, m.modifier) {
                (ModScope::Point, _) => self.point(j).or_else(|| self.current_period(j)),
                // "over" and "within" join only a bare duration: "over several days", not
                // "over the past year".
                (ModScope::Amount, None) => self.duration_expr(j),
                (ModScope::Amount, Some(_)) => self.amount_core(j),
            };
            if let Some((end, expr)) = hit
                && best.as_ref().is_none_or(|b| end > b.end)
            {
                best = Some(Found {
                    start: i,
                    end,
                    expr,
                    modifier: m.modifier,
                });
            }
        }
        best
    }

    /// Every unmodified production; the longest wins, the first listed on a tie.
    fn core(&self, i: usize) -> Option<Hit> {
        let tok = self.tok(i)?;
        // Every expression starts with a word or a number ("'90s" with an apostrophe).
        if tok.kind == Kind::Punct && !self.is_any(i, &["'", "’"]) {
            return None;
        }
        let candidates = [
            self.point(i),
            self.amount_core(i),
            self.set(i),
            self.reference(i),
        ];
        let mut best: Option<Hit> = None;
        for hit in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| hit.0 > b.0) {
                best = Some(hit);
            }
        }
        best
    }

    /// Expressions that name a point or period: dates, weekdays, relative periods,
    /// deictic days, times of day.
    fn point(&self, i: usize) -> Option<Hit> {
        let candidates = [
            self.date(i),
            self.weekday_expr(i),
            self.relative(i),
            self.deictic(i),
            self.named_period(i),
            self.same_period_ago(i),
            self.narrated(i),
            self.clock_expr(i),
        ];
        let mut best: Option<Hit> = None;
        for hit in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| hit.0 > b.0) {
                best = Some(hit);
            }
        }
        let (end, expr) = best?;
        Some(self.with_time_of_day(end, expr))
    }

    /// Expressions built on an amount: durations, "two years ago", "in three days", "the
    /// past two weeks".
    fn amount_core(&self, i: usize) -> Option<Hit> {
        let candidates = [self.duration_expr(i), self.the_period(i)];
        let mut best: Option<Hit> = None;
        for hit in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| hit.0 > b.0) {
                best = Some(hit);
            }
        }
        best
    }
}

fn date(year: YearRef, month: Option<u32>, day: Option<u32>) -> Expr {
    Expr::Date { year, month, day }
}

/// "two years ago": the period `n` units before the current one.
pub(super) fn shift_back(unit: Unit, n: i64) -> Expr {
    shift_by(unit, -n)
}

/// The period `n` units after the current one, in units resolution knows how to move by.
pub(crate) fn shift_by(unit: Unit, n: i64) -> Expr {
    match unit {
        Unit::Fortnight => Expr::Shift {
            unit: Unit::Day,
            n: 14 * n,
        },
        Unit::Decade => Expr::Shift {
            unit: Unit::Year,
            n: 10 * n,
        },
        Unit::Century => Expr::Shift {
            unit: Unit::Year,
            n: 100 * n,
        },
        Unit::Millennium => Expr::Shift {
            unit: Unit::Year,
            n: 1000 * n,
        },
        Unit::Weekend => Expr::Shift {
            unit: Unit::Week,
            n,
        },
        _ => Expr::Shift { unit, n },
    }
}
