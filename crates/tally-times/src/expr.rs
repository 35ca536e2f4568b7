//! What a time expression says, before it is anchored on the publication date.

use crate::lexicon::{HolidayRule, RefKind, Unit};

/// Which year a partial date is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum YearRef {
    /// Written out ("February 2022").
    Given(i64),
    /// Not written: found from the publication date and the tense ("in June").
    Auto,
    /// Relative to the current one: `this` 0, `last` -1, `next` +1 ("last June").
    Rel(i64),
}

/// A relation word in front of a weekday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rel {
    /// None written: the tense decides.
    Auto,
    Last,
    This,
    Next,
}

/// How much of a unit: a number, or unknown ("several", "a few", bare plurals).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Amount {
    Known(f64),
    Unknown,
}

/// A clock time: hour (0–24), minute, and whether a UTC/GMT zone was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Clock {
    pub hour: u32,
    pub minute: u32,
    pub utc: bool,
}

/// The meaning of a time expression, relative or absolute.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Expr {
    /// A calendar date with the written pieces ("December 18, 2024", "June", "Dec. 18").
    Date {
        year: YearRef,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// A day of the week ("Tuesday", "last Monday").
    Weekday { weekday: u32, rel: Rel },
    /// The period `n` units from the one containing the publication date ("last year" is
    /// -1 year, "this week" 0 weeks, "two days ago" -2 days, "next month" +1 month).
    Shift { unit: Unit, n: i64 },
    /// `n` units before a base period, or before the DCT's period when there is no base
    /// ("a year ago", "a year earlier", "the year-ago quarter"). Resolution may anchor it
    /// on an earlier expression of the sentence instead ("profit in the third quarter
    /// rose from a year earlier" is the third quarter of the year before).
    Before {
        unit: Unit,
        n: i64,
        base: Option<Box<Expr>>,
    },
    /// `n` units after (or before, when negative) a time the story has just narrated
    /// ("the next day", "the following year", "the previous day"): dated from the nearest
    /// earlier expression fine enough (see `anchor`); `n` = 0 is the one in focus ("the
    /// end of the month"), else the publication date's.
    Narrated { unit: Unit, n: i64 },
    /// The quarter a report is about ("the quarter", "the latest quarter"): the last
    /// complete one in a past clause, the current one otherwise.
    LatestQuarter,
    /// The quarter a report is about, in a given year ("the 1988 quarter", "the 1989
    /// period"): its number is that of the last complete quarter.
    LatestQuarterIn(i64),
    /// The end of the year ("year-end"), as the day `YYYY-12-31`.
    YearEnd,
    /// The day whose night "overnight" is: the one before the publication date ("drones
    /// were launched overnight"), or the publication date itself in a clause about what is
    /// still to come ("gusts could reach 100 mph overnight").
    Overnight,
    /// A quarter ("the third quarter", "Q3 2024").
    Quarter { quarter: u32, year: YearRef },
    /// A half year ("the first half of 2024").
    Half { half: u32, year: YearRef },
    /// A season ("last summer", "the winter of 1990").
    Season { code: &'static str, year: YearRef },
    /// A named day ("Christmas", "Thanksgiving").
    Holiday { rule: HolidayRule, year: YearRef },
    /// A decade by its first year ("the 1990s" is 1990).
    Decade(i64),
    /// A century by its number ("the 20th century" is 20).
    Century(i64),
    /// "in three days": a date ahead in a clause about the future, a length of time in one
    /// about the past ("prices rose 5% in two years").
    InUnits { amount: Amount, unit: Unit },
    /// A length of time ("three years", "several days", "hours").
    Duration { amount: Amount, unit: Unit },
    /// A recurrence ("every day", "weekly", "every Tuesday").
    Set {
        every: u32,
        unit: Unit,
        weekday: Option<u32>,
        month: Option<u32>,
        part: Option<&'static str>,
    },
    /// An undated reference to the past, present or future ("recently", "now").
    Ref(RefKind),
    /// A time of day, on a date or on the publication date ("3 p.m. Tuesday", "tonight").
    Time {
        date: Option<Box<Expr>>,
        clock: Option<Clock>,
        part: Option<&'static str>,
    },
}
