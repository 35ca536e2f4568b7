//! Lengths of time and what is built on them: "three years", "two years ago", "in three
//! days", "the past two weeks".

use super::{Hit, Parser, shift_back};
use crate::expr::{Amount, Expr};
use crate::lex::{Kind, Tok};
use crate::lexicon::{RefKind, Unit};

/// Words that may stand between an amount and its unit.
/// Words before "a day" that make it no rate's period: "in a year", "for a week", "1987
/// will be a year of consolidation".
const RATE_STOPS: &[&str] = &[
    "in", "for", "within", "than", "about", "over", "after", "nearly", "almost", "only", "just",
    "under", "of", "by", "at", "from", "to", "since", "and", "or", "but", "the", "least", "once",
    "twice", "times", "half", "per", "during", "be", "is", "was", "were", "been", "being", "are",
];

const FILLERS: &[&str] = &[
    "more",
    "additional",
    "extra",
    "full",
    "straight",
    "consecutive",
    "long",
    "whole",
    "trading",
    "business",
    "working",
    "calendar",
];

/// Words that make a following "in three years" a span looked back over, not a date ahead:
/// "its lowest in 33 years", "the first time in a decade", "the worst drought in 50 years".
/// Words in -iest are superlatives too ("the deadliest attack in two years"); "first" only
/// in "the first time in" ("the first debate in 10 days" is ahead).
const SUPERLATIVES: &[&str] = &[
    "most",
    "least",
    "best",
    "worst",
    "record",
    "lowest",
    "highest",
    "biggest",
    "largest",
    "smallest",
    "strongest",
    "weakest",
    "fastest",
    "slowest",
    "longest",
    "shortest",
    "greatest",
    "deepest",
    "widest",
    "hottest",
    "coldest",
    "warmest",
    "sharpest",
    "steepest",
    "lowest-ever",
    "highest-ever",
];

/// How many words before "in" a superlative may stand ("the highest level in", "one of
/// the deadliest disasters to hit the country in").
const SUPERLATIVE_REACH: usize = 7;

/// Words that end the look back for a superlative: a modal or a verb of planning puts the
/// "in three years" ahead again ("the biggest firm will expand in two years").
const SUPERLATIVE_STOPS: &[&str] = &[
    "will", "would", "could", "should", "may", "might", "can", "shall", "said", "says", "plans",
    "planned", "expects", "expected", "hopes", "aims", "within",
];

impl Parser<'_, '_> {
    /// Durations and what is built on them: "three years", "two-year", "several days",
    /// "hours", "two years ago", "in three days", "a 20-year-old".
    pub(super) fn duration_expr(&self, i: usize) -> Option<Hit> {
        let (end, amount, unit) = self.duration(i)?;
        // "a year-earlier loss": "year-earlier" is the expression, not "a year".
        if self.is_any(end, &["-", "‐", "–"])
            && self.touching(end)
            && self.is_any(end + 1, &["earlier", "ago"])
        {
            return None;
        }
        // "three days earlier than planned" compares lengths; it is no point in time.
        if self.is(end, "ago")
            || (self.is(end, "earlier")
                && !self.is_any(end + 1, &["this", "that", "in", "on", "than"]))
        {
            let expr = match amount {
                Amount::Known(n) if n.fract() == 0.0 && (1.0..100_000.0).contains(&n) => {
                    #[allow(clippy::cast_possible_truncation)]
                    let n = n as i64;
                    if matches!(unit, Unit::Year | Unit::Month) {
                        Expr::Before {
                            unit,
                            n,
                            base: None,
                        }
                    } else {
                        shift_back(unit, n)
                    }
                }
                _ => Expr::Ref(RefKind::Past),
            };
            return Some((end + 1, expr));
        }
        if self.phrase(end, &["from", "now"]).is_some() {
            let expr = match amount {
                Amount::Known(n) if n.fract() == 0.0 && (1.0..100_000.0).contains(&n) => {
                    #[allow(clippy::cast_possible_truncation)]
                    let n = n as i64;
                    shift_back(unit, -n)
                }
                _ => Expr::Ref(RefKind::Future),
            };
            return Some((end + 2, expr));
        }
        if i > 0
            && self.is(i - 1, "in")
            && !self.is(i, "the")
            && !self.after_superlative(i - 1, unit)
        {
            return Some((end, Expr::InUnits { amount, unit }));
        }
        Some((end, Expr::Duration { amount, unit }))
    }

    /// Whether a superlative stands shortly before the word at `at` ("lowest in"). Before a
    /// span of years, "first" is one too: "the first U.S. measles death in a decade", "its
    /// first rate cut in four years" look back ("the first debate in three days" is ahead).
    fn after_superlative(&self, at: usize, unit: Unit) -> bool {
        let first_time = at >= 2 && self.is(at - 2, "first") && self.is(at - 1, "time");
        if first_time {
            return true;
        }
        let long = matches!(
            unit,
            Unit::Year | Unit::Decade | Unit::Century | Unit::Millennium
        );
        for k in (at.saturating_sub(SUPERLATIVE_REACH)..at).rev() {
            let word = self.low(k);
            if self.is_any(k, SUPERLATIVES)
                || (word.len() > 5 && word.ends_with("iest"))
                || (long && word == "first")
            {
                return true;
            }
            // "U.S." is read "u", ".", "s", ".": its periods end nothing.
            let abbreviation = word == "." && k > 0 && self.low(k - 1).len() == 1;
            if abbreviation {
                continue;
            }
            if !word.starts_with(char::is_alphanumeric) || self.is_any(k, SUPERLATIVE_STOPS) {
                return false;
            }
        }
        false
    }

    /// Whether "a day" at `a` (its unit ending before `end`) is the period of a rate:
    /// "1.5 million barrels a day", "$40.25 million a year", "24 hours a day": a recurrence
    /// (sets.rs), not a length of time. Not "rose 5% in a year", "a year ago", "a
    /// year-ago loss".
    pub(super) fn per_amount(&self, a: usize, end: usize) -> bool {
        // "a year-ago loss", "a year-end position": a compound, not a rate.
        let glued_hyphen = self.is(end, "-")
            && self
                .tok(end)
                .zip(end.checked_sub(1).and_then(|u| self.tok(u)))
                .is_some_and(|(h, u)| h.start == u.end);
        if a == 0
            || glued_hyphen
            || self.is_any(end, &["ago", "earlier", "later", "before", "after", "from"])
        {
            return false;
        }
        let prev = self.low(a - 1);
        let amount_like = |t: &Tok<'_>| t.kind == Kind::Num || t.lower == "%";
        let word_or_amount = self
            .tok(a - 1)
            .is_some_and(|t| amount_like(t) || t.kind == Kind::Word && !t.capital);
        if !word_or_amount || self.is_any(a - 1, RATE_STOPS) || prev.is_empty() {
            return false;
        }
        let back = a.saturating_sub(4)..a;
        !back
            .clone()
            .any(|k| self.is_any(k, &["times", "once", "twice"]))
            && back
                .into_iter()
                .any(|k| self.tok(k).is_some_and(amount_like))
    }

    /// An amount and a unit: `(end, amount, unit)`.
    pub(super) fn duration(&self, i: usize) -> Option<(usize, Amount, Unit)> {
        // "a quarter century", "a quarter of a century" → 25 years.
        if let Some(j) = self
            .phrase(i, &["a", "quarter", "of", "a", "century"])
            .or_else(|| self.phrase(i, &["a", "quarter", "century"]))
        {
            return Some((j, Amount::Known(25.0), Unit::Year));
        }
        if let Some((amount, j)) = self.amount(i) {
            // "12 to 18 months", "two or three days", "12-18 months": a length between two
            // amounts has no single value.
            let (amount, j) = match (self.low(j), self.amount(j + 1)) {
                ("to" | "or" | "-" | "–", Some((_, k))) if self.unit(self.hyphen(k)).is_some() => {
                    (Amount::Unknown, k)
                }
                _ => (amount, j),
            };
            let h = self.hyphen(j);
            let hyphenated = h > j;
            // "two more years", "an additional year", "three straight years".
            let j = if !hyphenated && self.is_any(h, FILLERS) {
                h + 1
            } else {
                h
            };
            if let Some((unit, plural, k)) = self.unit(j) {
                // "1988 second quarter", "2024 year": a year before a noun, not an amount.
                let year_like = self.tok(i).is_some_and(|t| {
                    t.text.len() == 4 && t.number().is_some_and(|n| (1000..3000).contains(&n))
                });
                if year_like && !plural && !hyphenated {
                    return None;
                }
                // A singular "second" is an ordinal unless glued on: "a 30-second spot".
                if unit == Unit::Second && !plural && !hyphenated {
                    return None;
                }
                // "a second" and "a quarter" are usually not lengths of time ("a second
                // time", "a quarter of the budget").
                let a_word = self.is_any(i, &["a", "an"]);
                if a_word && (unit == Unit::Second || unit == Unit::HalfYear) {
                    return None;
                }
                if a_word && !plural && self.per_amount(i, k) {
                    return None;
                }
                if unit == Unit::Quarter
                    && (self.is(k, "of") || (a_word && !self.is_any(k, &["earlier", "ago"])))
                {
                    return None;
                }
                if unit == Unit::HalfYear {
                    return None;
                }
                // "one day" is often "one day, ..." (someday); keep it, TimeML does.
                let mut amount = amount;
                let mut end = k;
                if self.phrase(end, &["and", "a", "half"]).is_some() {
                    if let Amount::Known(n) = amount {
                        amount = Amount::Known(n + 0.5);
                    }
                    end += 3;
                }
                if let Some((more, k)) = self.smaller_clock_part(end, amount, unit, hyphenated) {
                    amount = Amount::Known(more);
                    end = k;
                }
                // "24-hour", "decades-long". Ages ("a 20-year-old", "44 years old") are
                // not times: they say how old someone is, not when or how long anything
                // happened.
                let h = self.hyphen(end);
                if self.is(h, "old") || (self.is(end, "old") && plural) {
                    return None;
                }
                if h > end && self.is(h, "long") {
                    end = h + 1;
                }
                return Some((end, amount, unit));
            }
            return None;
        }
        // Bare plurals: "for years", "within hours", "decades-long".
        let (unit, plural, k) = self.unit(i)?;
        if !plural || unit == Unit::Quarter || unit == Unit::Weekend {
            return None;
        }
        let h = self.hyphen(k);
        if self.is(h, "old") {
            return None;
        }
        let end = if h > k && self.is(h, "long") {
            h + 1
        } else {
            k
        };
        Some((end, Amount::Unknown, unit))
    }

    /// "28 minutes 55.77 seconds", "2 hours, 17 minutes and 22 seconds": smaller clock units
    /// after a whole number of hours or minutes (from `end`, past an "and" or a comma) add
    /// to it. The sum in the larger unit and where it ends.
    fn smaller_clock_part(
        &self,
        mut end: usize,
        amount: Amount,
        unit: Unit,
        hyphenated: bool,
    ) -> Option<(f64, usize)> {
        let Amount::Known(mut sum) = amount else {
            return None;
        };
        if hyphenated || sum.fract() != 0.0 || !matches!(unit, Unit::Hour | Unit::Minute) {
            return None;
        }
        let scale = |u: Unit| match u {
            Unit::Hour => 3600.0,
            Unit::Minute => 60.0,
            _ => 1.0,
        };
        let (mut last, mut found) = (unit, false);
        while let Some((m, k, small)) = self.clock_part(end) {
            if scale(small) >= scale(last) {
                break;
            }
            sum += m * scale(small) / scale(unit);
            (last, end, found) = (small, k, true);
        }
        found.then_some((sum, end))
    }

    /// An amount and a clock unit at `at`, past an "and" or a comma.
    fn clock_part(&self, at: usize) -> Option<(f64, usize, Unit)> {
        let at = if self.is_any(at, &["and", ","]) {
            at + 1
        } else {
            at
        };
        let (Amount::Known(m), j) = self.amount(at)? else {
            return None;
        };
        let (small, _, k) = self.unit(j)?;
        small.is_clock().then_some((m, k, small))
    }

    /// "the past two weeks", "the last three years", "the next five days", "the first nine
    /// months", "the past year", "recent years", "the coming months".
    pub(super) fn the_period(&self, i: usize) -> Option<Hit> {
        let the = self.is(i, "the");
        let s = if the { i + 1 } else { i };
        let head = self.low(s);
        let known = matches!(
            head,
            "past"
                | "last"
                | "next"
                | "coming"
                | "first"
                | "latest"
                | "previous"
                | "following"
                | "recent"
        );
        if !known {
            return None;
        }
        if let Some((end, amount, unit)) = self.duration(s + 1) {
            // "the first two days" needs "the"; "last three years" reads fine alone.
            if !the && matches!(head, "first" | "latest" | "previous" | "following") {
                return None;
            }
            if amount == Amount::Unknown
                && !self.is_any(s + 1, &["few", "several", "many", "a"])
                && !the
                && head != "recent"
                && head != "coming"
                && head != "past"
            {
                return None;
            }
            return Some((end, Expr::Duration { amount, unit }));
        }
        // "the past year": a year up to now.
        if the && matches!(head, "past" | "last") {
            let (unit, plural, k) = self.unit(s + 1)?;
            if plural || unit == Unit::Quarter || unit == Unit::Weekend || unit == Unit::HalfYear {
                return None;
            }
            return Some((
                k,
                Expr::Duration {
                    amount: Amount::Known(1.0),
                    unit,
                },
            ));
        }
        None
    }
}
