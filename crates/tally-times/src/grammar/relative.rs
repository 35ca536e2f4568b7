//! Expressions relative to now: "last year", "this week", "yesterday", "now", "the past".

use super::{Hit, Parser, date};
use crate::expr::{Amount, Expr, Rel, YearRef};
use crate::lex::Kind;
use crate::lexicon::{Class, Part, RefKind, Unit};

/// Words after an "overnight" that tells when: prepositions and conjunctions.
const OVERNIGHT_FOLLOWERS: &[&str] = &[
    "in",
    "on",
    "at",
    "into",
    "to",
    "from",
    "and",
    "but",
    "as",
    "after",
    "before",
    "while",
    "when",
    "with",
    "near",
    "across",
    "over",
    "through",
    "by",
    "amid",
    "that",
    "following",
    "against",
    "along",
    "around",
    "outside",
    "inside",
    "off",
];

/// Words that make a following "overnight" mean "suddenly" or "in one night".
const OVERNIGHT_HEDGES: &[&str] = &[
    "will", "would", "can", "could", "cannot", "may", "might", "should", "must", "not", "t",
    "never", "won", "to",
];

impl Parser<'_, '_> {
    /// "last year", "this week", "next month", "last Tuesday", "this summer", "last June",
    /// "earlier this month", "later this year", "last night", "this morning".
    pub(super) fn relative(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.is_any(j, &["earlier", "later"]) && self.is_any(j + 1, &["this", "last", "next"]) {
            j += 1;
        }
        // "the current year", "the current fiscal year".
        if self.is(j, "the") && self.is(j + 1, "current") {
            j += 1;
        }
        let n = match self.low(j) {
            "this" | "current" => 0,
            "last" | "previous" | "past" => -1,
            "next" | "coming" | "following" => 1,
            _ => return None,
        };
        j += 1;
        // "this coming Sunday", "this past weekend".
        if n == 0 && self.is_any(j, &["coming", "past"]) {
            j += 1;
        }
        // The previous/following one is counted from a narrated time, not from today.
        if self.is_any(i, &["previous", "following"]) {
            return None;
        }
        if let Some((weekday, k)) = self.weekday(j) {
            let rel = match n {
                0 if self.is(j - 1, "coming") => Rel::Next,
                0 if self.is(j - 1, "past") => Rel::Last,
                0 => Rel::This,
                n if n < 0 => Rel::Last,
                _ => Rel::Next,
            };
            return Some((k, Expr::Weekday { weekday, rel }));
        }
        if let Some((month, k)) = self.month(j) {
            return Some((k, date(YearRef::Rel(n), Some(month), None)));
        }
        if let Some(code) = self.classes(j).iter().find_map(|c| match c {
            Class::Season(code) => Some(*code),
            _ => None,
        }) {
            return Some((
                j + 1,
                Expr::Season {
                    code,
                    year: YearRef::Rel(n),
                },
            ));
        }
        if let Some(Part::Code(code)) = self.part(j) {
            // "last night" is the night before; "this morning" today.
            let day = if n < 0 && code == "NI" { -1 } else { 0 };
            if n > 0 && code != "NI" {
                return None;
            }
            return Some((
                j + 1,
                Expr::Time {
                    date: Some(Box::new(Expr::Shift {
                        unit: Unit::Day,
                        n: day,
                    })),
                    clock: None,
                    part: Some(code),
                },
            ));
        }
        // "this fiscal year", "last fiscal quarter".
        if self.is(j, "fiscal") && self.unit(j + 1).is_some() {
            j += 1;
        }
        let (unit, plural, k) = self.unit(j)?;
        if plural || unit.is_clock() || unit == Unit::Day {
            return None;
        }
        if unit == Unit::HalfYear {
            return None;
        }
        // "fiscal year", "this fiscal year".
        Some((k, Expr::Shift { unit, n }))
    }

    /// "today", "yesterday", "tomorrow", "tonight", "the day before yesterday".
    pub(super) fn deictic(&self, i: usize) -> Option<Hit> {
        if let Some(j) = self.phrase(i, &["the", "day", "before", "yesterday"]) {
            return Some((
                j,
                Expr::Shift {
                    unit: Unit::Day,
                    n: -2,
                },
            ));
        }
        if let Some(j) = self.phrase(i, &["the", "day", "after", "tomorrow"]) {
            return Some((
                j,
                Expr::Shift {
                    unit: Unit::Day,
                    n: 2,
                },
            ));
        }
        // "drones were launched overnight": the night before the day written about, or in a
        // forecast the coming one (the clause's tense decides, see `Expr::Overnight`). Not
        // an adjective ("an overnight curfew", "overnight funds", "cannot overnight
        // raise"): only before punctuation, a preposition or a conjunction; and not what
        // could or cannot happen overnight ("can't attain that status overnight").
        if self.is(i, "overnight") && self.overnight_adverb(i) {
            return Some((
                i + 1,
                Expr::Time {
                    date: Some(Box::new(Expr::Overnight)),
                    clock: None,
                    part: Some("NI"),
                },
            ));
        }
        let n = self.classes(i).iter().find_map(|c| match c {
            Class::Deictic(n) => Some(*n),
            _ => None,
        })?;
        if self.is(i, "tonight") {
            return Some((
                i + 1,
                Expr::Time {
                    date: None,
                    clock: None,
                    part: Some("NI"),
                },
            ));
        }
        Some((i + 1, Expr::Shift { unit: Unit::Day, n }))
    }

    /// Whether "overnight" at `i` says when something happened, not how fast or what
    /// kind (see `deictic`).
    fn overnight_adverb(&self, i: usize) -> bool {
        // A season after it is the noun it modifies ("a sharp overnight fall on Wall
        // Street"), not another time.
        let followed = self.tok(i + 1).is_none_or(|t| {
            t.kind == Kind::Punct && !self.is(i + 1, "-")
                || !t.classes.is_empty() && !t.classes.iter().any(|c| matches!(c, Class::Season(_)))
                || OVERNIGHT_FOLLOWERS.contains(&t.lower)
        });
        let hedged = (i.saturating_sub(6)..i).any(|k| OVERNIGHT_HEDGES.contains(&self.low(k)));
        followed && !hedged
    }

    /// Named periods: "the year", "the quarter", "the weekend" when they mean the current
    /// or latest one.
    pub(super) fn named_period(&self, i: usize) -> Option<Hit> {
        if !self.is(i, "the") {
            return None;
        }
        if self.is(i + 1, "weekend") {
            return Some((
                i + 2,
                Expr::Shift {
                    unit: Unit::Weekend,
                    n: 0,
                },
            ));
        }
        // "the year", "the fiscal year", "the full year": in news, the current one ("a
        // high for the year", "for the full year"), except "the year ended June 30", a
        // fiscal year's length. Not "the year before", "the year 2000", "the year-ago".
        let qualified = self.is_any(i + 1, &["fiscal", "full", "calendar"]);
        let y = if qualified { i + 2 } else { i + 1 };
        if self.is(y, "year") {
            // "in the year since": the year that has passed since an event.
            if self.is_any(y + 1, &["ended", "ending"]) || (!qualified && self.is(y + 1, "since")) {
                return Some((
                    y + 1,
                    Expr::Duration {
                        amount: Amount::Known(1.0),
                        unit: Unit::Year,
                    },
                ));
            }
            let relative = self.is_any(
                y + 1,
                &[
                    "-",
                    "‐",
                    "–",
                    "before",
                    "after",
                    "earlier",
                    "later",
                    "ago",
                    "previous",
                    "prior",
                    "following",
                    "'",
                    "’",
                ],
            ) || self.tok(y + 1).is_some_and(|t| t.kind == Kind::Num);
            if qualified || !relative {
                return Some((
                    y + 1,
                    Expr::Shift {
                        unit: Unit::Year,
                        n: 0,
                    },
                ));
            }
        }
        None
    }

    /// "the same period a year earlier", "the quarter a year ago", "the corresponding
    /// period last year", "the same month of the previous year": the period compared with,
    /// a year before the one the story reports on. Resolution dates it from the period
    /// named before it (see `anchor`), or from the latest quarter for "the quarter".
    pub(super) fn same_period_ago(&self, i: usize) -> Option<Hit> {
        if !self.is(i, "the") {
            return None;
        }
        let mut j = i + 1;
        let same = self.is_any(j, &["same", "corresponding", "comparable", "equivalent"]);
        if same {
            j += 1;
        }
        let quarter = self.is(j, "quarter");
        if !(quarter || self.is_any(j, &["period", "month", "week", "day"])) {
            return None;
        }
        j += 1;
        if self.is(j, "of") || self.is(j, "in") {
            j += 1;
        }
        let end = self
            .phrase(j, &["a", "year", "ago"])
            .or_else(|| self.phrase(j, &["a", "year", "earlier"]))
            .or_else(|| self.phrase(j, &["a", "year", "before"]))
            .or_else(|| self.phrase(j, &["last", "year"]))
            .or_else(|| self.phrase(j, &["the", "last", "year"]))
            .or_else(|| self.phrase(j, &["the", "previous", "year"]))
            .or_else(|| self.phrase(j, &["the", "prior", "year"]))
            .or_else(|| self.phrase(j, &["the", "year", "before"]))?;
        let base = (quarter && !same).then(|| Box::new(Expr::LatestQuarter));
        Some((
            end,
            Expr::Before {
                unit: Unit::Year,
                n: 1,
                base,
            },
        ))
    }

    /// "the next day", "the following week", "the previous year", "the prior month", and
    /// "the day before" or "the year after" closing a clause: a period next to one the
    /// story narrates ("Police arrested him on Monday. The following day, ...").
    pub(super) fn narrated(&self, i: usize) -> Option<Hit> {
        if !self.is(i, "the") {
            return None;
        }
        let units = [Unit::Day, Unit::Week, Unit::Month, Unit::Year];
        let unit_at = |k: usize| {
            self.unit(k)
                .filter(|(unit, plural, _)| !plural && units.contains(unit))
                .map(|(unit, _, end)| (unit, end))
        };
        let n = match self.low(i + 1) {
            "next" | "following" => 1,
            "previous" | "prior" => -1,
            _ => {
                // "the day before" only with nothing after it in the clause: "the day
                // before the vote" is dated by the vote.
                let (unit, k) = unit_at(i + 1)?;
                let n = match self.low(k) {
                    "before" => -1,
                    "after" => 1,
                    _ => return None,
                };
                let closes = self.tok(k + 1).is_none_or(|t| t.kind == Kind::Punct);
                return closes.then_some((k + 1, Expr::Narrated { unit, n }));
            }
        };
        let (unit, k) = unit_at(i + 2)?;
        // "over the next year", "within the next week": counted from now; "went public
        // the next year" follows the story.
        if self.is(i + 1, "next")
            && unit != Unit::Day
            && i > 0
            && self.is_any(
                i - 1,
                &[
                    "over",
                    "within",
                    "in",
                    "during",
                    "for",
                    "throughout",
                    "into",
                ],
            )
        {
            return None;
        }
        Some((k, Expr::Narrated { unit, n }))
    }

    /// "the year", "the month", "the week": the current one, only after a point modifier
    /// ("the end of the month", "the middle of the year"); alone they are too often
    /// generic ("the year's best").
    pub(super) fn current_period(&self, i: usize) -> Option<Hit> {
        if !self.is(i, "the") {
            return None;
        }
        let (unit, plural, k) = self.unit(i + 1)?;
        if plural || unit.is_clock() || unit == Unit::HalfYear {
            return None;
        }
        // "Sales fell in March, and by the end of the month ...": the month (or year) in
        // focus in the sentence, else the current one.
        if matches!(unit, Unit::Month | Unit::Year) {
            return Some((k, Expr::Narrated { unit, n: 0 }));
        }
        Some((k, Expr::Shift { unit, n: 0 }))
    }

    /// "now", "recently", "currently", "the past", "the future", "the present", "these
    /// days", "the near future".
    pub(super) fn reference(&self, i: usize) -> Option<Hit> {
        if let Some(kind) = self.classes(i).iter().find_map(|c| match c {
            Class::Ref(k) => Some(*k),
            _ => None,
        }) {
            // "now that": still now. "until now", "by now": fine.
            return Some((i + 1, Expr::Ref(kind)));
        }
        if self.is(i, "the")
            && let Some(kind) = self.classes(i + 1).iter().find_map(|c| match c {
                Class::Keyword(k) => Some(*k),
                _ => None,
            })
            && !self.is(i + 1, "recent")
            && !self.is(i + 1, "moment")
        {
            // "the past" alone, not "the past two weeks" (that is a duration) nor "the
            // past decade"; "the future of the alliance" is its prospects, not a time.
            if self.unit(i + 2).is_some() || self.amount(i + 2).is_some() || self.is(i + 2, "of") {
                return None;
            }
            return Some((i + 2, Expr::Ref(kind)));
        }
        // "the near future", "the foreseeable future", "the near term".
        if self.is(i, "the")
            && self.is_any(i + 1, &["near", "foreseeable", "distant", "immediate"])
            && self.is_any(i + 2, &["future", "term"])
        {
            return Some((i + 3, Expr::Ref(RefKind::Future)));
        }
        if self.phrase(i, &["the", "short", "term"]).is_some() {
            return Some((i + 3, Expr::Ref(RefKind::Future)));
        }
        if self.phrase(i, &["these", "days"]).is_some() {
            return Some((i + 2, Expr::Ref(RefKind::Present)));
        }
        if i > 0 && self.is(i - 1, "at") && self.is(i, "present") {
            return Some((i + 1, Expr::Ref(RefKind::Present)));
        }
        None
    }
}
