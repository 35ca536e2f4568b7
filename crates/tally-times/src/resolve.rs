//! Anchoring: turns what an expression says ([`Expr`]) into a TIMEX3 type and value, using
//! the publication date (the DCT) and the tense of its clause.
//!
//! Direction (documented with the cue words in `data/times/tense.tsv`):
//! - past clause: a weekday, bare month, day without a year, season, holiday or quarter is
//!   the latest one not after the DCT, however far back;
//! - future clause: the next one not before the DCT;
//! - present clause: the nearest one (the past one on a tie);
//! - no cue (news is past-biased): the past one, unless a day or month ahead is much
//!   nearer ([`NEAR_FUTURE_RATIO`]).
//!
//! Without a DCT nothing is guessed: relative expressions keep `X` where the DCT would
//! have filled in digits (`XXXX-WXX-2` for "Tuesday", `XXXX-06` for "June").

use tally_core::TimexType;

use crate::calendar::{Day, add_months, easter, nth_weekday, writable};
use crate::expr::{Amount, Expr, Rel, YearRef};
use crate::lexicon::{HolidayRule, Tense, Unit};

/// Where a relative expression points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    /// A past cue: the latest one not after the DCT.
    Past,
    /// A future cue: the next one not before the DCT.
    Future,
    /// A present cue: the nearest one.
    Nearest,
    /// The nearest one, the later on a tie ("running through September" in March).
    NearestAhead,
    /// No cue: the past one, unless the next one is much nearer (a day or month without
    /// a year only; see [`NEAR_FUTURE_RATIO`]).
    Unknown,
}

/// Without a tense cue, "Nov. 16" in a story of Nov. 2 is this Nov. 16 (14 days ahead),
/// not last year's (351 days back): the future candidate wins when it is at least this
/// many times nearer than the past one.
pub(crate) const NEAR_FUTURE_RATIO: i64 = 3;

/// In a past clause, a day without a year up to this many days after the DCT is this
/// year's, not last year's (see [`near_day_ahead`]).
const PAST_CLAUSE_DAYS_AHEAD: i64 = 14;

impl Direction {
    pub(crate) fn from_tense(tense: Option<Tense>) -> Direction {
        match tense {
            Some(Tense::Future | Tense::Scheduled) => Direction::Future,
            Some(Tense::Present) => Direction::Nearest,
            Some(Tense::Through) => Direction::NearestAhead,
            Some(Tense::Past) => Direction::Past,
            // "said Tuesday": the weekday is the saying's, a day in the past; "said the
            // dividend will be paid Nov. 16": the date is not the saying's. A reporting
            // verb keeps the past bias without forcing the past.
            Some(Tense::Reporting) | None | Some(Tense::None) => Direction::Unknown,
        }
    }

    /// The direction for expressions where only past, future or nearest make sense.
    fn simple(self) -> Direction {
        match self {
            Direction::Unknown => Direction::Past,
            other => other,
        }
    }
}

/// A TIMEX3 type and value, and whether the DCT was used to get it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub kind: TimexType,
    pub value: String,
    pub anchored: bool,
}

impl Resolved {
    fn date(value: String, anchored: bool) -> Resolved {
        Resolved {
            kind: TimexType::Date,
            value,
            anchored,
        }
    }
}

/// Whether resolving `expr` depends on the tense of its clause.
pub(crate) fn needs_direction(expr: &Expr) -> bool {
    match expr {
        Expr::Date { year, .. } => *year == YearRef::Auto,
        Expr::Weekday { rel, .. } => *rel == Rel::Auto,
        Expr::Quarter { year, .. }
        | Expr::Half { year, .. }
        | Expr::Season { year, .. }
        | Expr::Holiday { year, .. } => *year == YearRef::Auto,
        Expr::InUnits { .. } | Expr::LatestQuarter | Expr::YearEnd | Expr::Overnight => true,
        Expr::Shift {
            unit: Unit::Weekend,
            n: 0,
        } => true,
        Expr::Before { base, .. } => base.as_deref().is_some_and(needs_direction),
        Expr::Time { date, .. } => date.as_deref().is_some_and(needs_direction),
        _ => false,
    }
}

fn year(y: i64) -> String {
    let mut out = String::with_capacity(4);
    push_year(&mut out, y);
    out
}

fn month(y: i64, m: u32) -> String {
    let mut out = String::with_capacity(7);
    push_year(&mut out, y);
    out.push('-');
    push_padded(&mut out, m, 2);
    out
}

fn day(d: Day) -> String {
    let mut out = String::with_capacity(10);
    push_year(&mut out, d.year);
    out.push('-');
    push_padded(&mut out, d.month, 2);
    out.push('-');
    push_padded(&mut out, d.day, 2);
    out
}

/// Appends a year as four digits, or `XXXX` when TIMEX3 cannot write it. (Dates are written
/// by hand rather than with `format!`: one is written for nearly every expression, and the
/// formatting machinery showed in profiles.)
fn push_year(out: &mut String, y: i64) {
    match u32::try_from(y) {
        Ok(y) if writable(i64::from(y)) => push_padded(out, y, 4),
        _ => out.push_str("XXXX"),
    }
}

/// Appends `n` in decimal, zero-padded to at least `width` digits (as `{n:0width$}`).
fn push_padded(out: &mut String, n: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let mut k = digits.len();
    let mut n = n;
    loop {
        k -= 1;
        if let Some(d) = digits.get_mut(k) {
            // `n % 10` is a single digit.
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || k == 0 {
            break;
        }
    }
    let start = k.min(digits.len().saturating_sub(width));
    for &d in digits.get(start..).unwrap_or(&[]) {
        out.push(char::from(d));
    }
}

/// Picks among candidates around the DCT: the latest not after it, the first not before
/// it, or the nearest (earlier on a tie).
fn pick<T: Copy>(candidates: &[(i64, T)], dct: i64, direction: Direction) -> Option<T> {
    match direction {
        Direction::Unknown => {
            let past = candidates
                .iter()
                .filter(|(k, _)| *k <= dct)
                .max_by_key(|(k, _)| *k);
            let future = candidates
                .iter()
                .filter(|(k, _)| *k > dct)
                .min_by_key(|(k, _)| *k);
            match (past, future) {
                (Some(p), Some(f)) if (f.0 - dct) * NEAR_FUTURE_RATIO <= dct - p.0 => Some(f.1),
                (Some(p), _) => Some(p.1),
                (None, f) => f.map(|c| c.1),
            }
        }
        Direction::Past => candidates
            .iter()
            .filter(|(k, _)| *k <= dct)
            .max_by_key(|(k, _)| *k)
            .map(|c| c.1),
        Direction::Future => candidates
            .iter()
            .filter(|(k, _)| *k >= dct)
            .min_by_key(|(k, _)| *k)
            .map(|c| c.1),
        Direction::Nearest => candidates
            .iter()
            .min_by_key(|(k, _)| ((k - dct).abs(), *k > dct))
            .map(|c| c.1),
        Direction::NearestAhead => candidates
            .iter()
            .min_by_key(|(k, _)| ((k - dct).abs(), *k < dct))
            .map(|c| c.1),
    }
}

/// Picks strictly before (`rel` < 0), strictly after (> 0) or in the DCT's year (0).
fn pick_rel<T: Copy>(candidates: &[(i64, T)], dct: i64, rel: i64) -> Option<T> {
    match rel.signum() {
        -1 => candidates
            .iter()
            .filter(|(k, _)| *k < dct)
            .max_by_key(|(k, _)| *k)
            .map(|c| c.1),
        1 => candidates
            .iter()
            .filter(|(k, _)| *k > dct)
            .min_by_key(|(k, _)| *k)
            .map(|c| c.1),
        _ => None,
    }
}

/// A day without a year a few days after the DCT, when a past clause speaks of it not as
/// its own event: "had ordered flags lowered until Sept. 10" on Sept. 5, "the second phase,
/// meant to begin on March 2" on Feb. 27. Last year's day would carry its year; this one is
/// this year's, up to [`PAST_CLAUSE_DAYS_AHEAD`] days ahead.
pub(crate) fn near_day_ahead(expr: &Expr, dct: Option<Day>) -> Option<Resolved> {
    let (
        Expr::Date {
            year: YearRef::Auto,
            month: Some(m),
            day: Some(d),
        },
        Some(dct),
    ) = (expr, dct)
    else {
        return None;
    };
    let today = crate::calendar::to_days(dct);
    [dct.year, dct.year + 1]
        .iter()
        .filter_map(|&y| Day::new(y, *m, *d))
        .find(|x| {
            let ahead = crate::calendar::to_days(*x) - today;
            ahead > 1 && ahead <= PAST_CLAUSE_DAYS_AHEAD
        })
        .map(|x| Resolved::date(day(x), true))
}

/// Resolves `expr` against `dct` in a clause whose direction is `direction`.
pub(crate) fn resolve(expr: &Expr, dct: Option<Day>, direction: Direction) -> Resolved {
    match expr {
        Expr::Date {
            year: y,
            month: m,
            day: d,
        } => resolve_date(*y, *m, *d, dct, direction),
        Expr::Weekday { weekday, rel } => {
            let Some(dct) = dct else {
                return Resolved::date(format!("XXXX-WXX-{weekday}"), false);
            };
            let back = (i64::from(dct.weekday()) - i64::from(*weekday)).rem_euclid(7);
            let ahead = (i64::from(*weekday) - i64::from(dct.weekday())).rem_euclid(7);
            let offset = match rel {
                Rel::Last => -(if back == 0 { 7 } else { back }),
                Rel::Next => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
                Rel::This => i64::from(*weekday) - i64::from(dct.weekday()),
                Rel::Auto => match direction.simple() {
                    Direction::Past | Direction::Unknown => -back,
                    Direction::Future => ahead,
                    Direction::NearestAhead => {
                        if ahead <= back {
                            ahead
                        } else {
                            -back
                        }
                    }
                    Direction::Nearest => {
                        if ahead < back {
                            ahead
                        } else {
                            -back
                        }
                    }
                },
            };
            Resolved::date(day(dct.plus_days(offset)), true)
        }
        // "the weekend", "this weekend": in a past clause the last one (on a weekday, the
        // one before this ISO week), otherwise the coming one.
        Expr::Shift {
            unit: Unit::Weekend,
            n: 0,
        } => {
            let back = dct.is_some_and(|d| d.weekday() <= 5)
                && matches!(direction, Direction::Past | Direction::Unknown);
            resolve_shift(Unit::Weekend, if back { -1 } else { 0 }, dct)
        }
        Expr::Shift { unit, n } | Expr::Narrated { unit, n } => resolve_shift(*unit, *n, dct),
        // A forecast ("will", "could", "is expected to") is of the coming night; anything
        // else reports the one just past.
        Expr::Overnight => {
            let ahead = matches!(direction, Direction::Future | Direction::Nearest);
            resolve_shift(Unit::Day, if ahead { 0 } else { -1 }, dct)
        }
        Expr::Before { unit, n, base } => match base {
            Some(base) => {
                let b = resolve(base, dct, direction);
                match shift_value(&b.value, *unit, -n) {
                    Some(value) => Resolved::date(value, b.anchored),
                    None => b,
                }
            }
            None => resolve_shift(*unit, -n, dct),
        },
        Expr::LatestQuarter => {
            let n = if matches!(direction, Direction::Future) {
                0
            } else {
                -1
            };
            resolve_shift(Unit::Quarter, n, dct)
        }
        Expr::LatestQuarterIn(y) => {
            // Compared with a quarter reported on: the last complete one.
            let latest = resolve(&Expr::LatestQuarter, dct, Direction::Past);
            match latest.value.get(4..) {
                Some(quarter) if latest.anchored && quarter.starts_with("-Q") => {
                    Resolved::date(format!("{}{quarter}", year(*y)), true)
                }
                _ => Resolved::date(year(*y), false),
            }
        }
        Expr::YearEnd => match dct {
            // Early in a year, "year-end" in a past clause is the one just gone.
            Some(d) => {
                let y = if d.month <= 2 && matches!(direction.simple(), Direction::Past) {
                    d.year - 1
                } else {
                    d.year
                };
                Resolved::date(format!("{}-12-31", year(y)), true)
            }
            None => Resolved::date("XXXX-12-31".to_owned(), false),
        },
        Expr::Quarter { quarter, year: y } => {
            resolve_part_of_year(*quarter, 4, "Q", *y, dct, direction)
        }
        Expr::Half { half, year: y } => resolve_part_of_year(*half, 2, "H", *y, dct, direction),
        Expr::Season { code, year: y } => resolve_season(code, *y, dct, direction),
        Expr::Holiday { rule, year: y } => resolve_holiday(*rule, *y, dct, direction),
        Expr::Decade(start) => Resolved::date(
            if writable(*start) {
                format!("{:03}", start / 10)
            } else {
                "XXX".to_owned()
            },
            false,
        ),
        Expr::Century(n) => Resolved::date(
            if (1..=100).contains(n) {
                format!("{:02}", n - 1)
            } else {
                "XX".to_owned()
            },
            false,
        ),
        Expr::Duration { amount, unit } => Resolved {
            kind: TimexType::Duration,
            value: duration(*amount, *unit),
            anchored: false,
        },
        Expr::InUnits { amount, unit } => match (direction, amount) {
            // Without the publication time, "in thirty minutes" has no date worth giving.
            _ if unit.is_clock() => Resolved {
                kind: TimexType::Duration,
                value: duration(*amount, *unit),
                anchored: false,
            },
            (Direction::Past, _) => Resolved {
                kind: TimexType::Duration,
                value: duration(*amount, *unit),
                anchored: false,
            },
            (_, Amount::Known(n)) if n.fract() == 0.0 && *n >= 1.0 && *n < 100_000.0 => {
                #[allow(clippy::cast_possible_truncation)]
                let n = *n as i64;
                match crate::grammar::shift_by(*unit, n) {
                    Expr::Shift { unit, n } => resolve_shift(unit, n, dct),
                    _ => Resolved::date("FUTURE_REF".to_owned(), true),
                }
            }
            _ => Resolved::date("FUTURE_REF".to_owned(), false),
        },
        Expr::Set {
            every,
            unit,
            weekday,
            month: set_month,
            part,
        } => {
            let value = if let Some(m) = set_month {
                format!("XXXX-{m:02}")
            } else if let Some(w) = weekday {
                let mut v = format!("XXXX-WXX-{w}");
                if let Some(p) = part {
                    v.push('T');
                    v.push_str(p);
                }
                v
            } else if let Some(p) = part {
                format!("XXXX-XX-XXT{p}")
            } else {
                duration(Amount::Known(f64::from(*every)), *unit)
            };
            Resolved {
                kind: TimexType::Set,
                value,
                anchored: false,
            }
        }
        Expr::Ref(kind) => Resolved::date(kind.value().to_owned(), false),
        Expr::Time { date, clock, part } => {
            let base = match date {
                Some(d) => resolve(d, dct, direction),
                None => resolve_shift(Unit::Day, 0, dct),
            };
            let mut value = base.value;
            if let Some(c) = clock {
                value.push_str(&format!("T{:02}:{:02}", c.hour, c.minute));
                if c.utc {
                    value.push('Z');
                }
            } else if let Some(p) = part {
                value.push('T');
                value.push_str(p);
            }
            Resolved {
                kind: TimexType::Time,
                value,
                anchored: base.anchored,
            }
        }
    }
}

fn resolve_date(
    y: YearRef,
    m: Option<u32>,
    d: Option<u32>,
    dct: Option<Day>,
    direction: Direction,
) -> Resolved {
    let given = |y: i64| match (m, d) {
        (Some(m), Some(d)) => Day::new(y, m, d).map_or_else(|| month(y, m), day),
        (Some(m), None) => month(y, m),
        _ => year(y),
    };
    match (y, m, dct) {
        (YearRef::Given(y), _, _) => Resolved::date(given(y), false),
        (_, None, _) => Resolved::date("XXXX".to_owned(), false),
        (_, Some(m), None) => Resolved::date(
            match d {
                Some(d) => format!("XXXX-{m:02}-{d:02}"),
                None => format!("XXXX-{m:02}"),
            },
            false,
        ),
        (YearRef::Auto, Some(m), Some(dct)) => {
            let years = [dct.year - 1, dct.year, dct.year + 1];
            let chosen = match d {
                Some(d) => {
                    let candidates: Vec<(i64, i64)> = years
                        .iter()
                        .filter_map(|&y| {
                            Day::new(y, m, d).map(|x| (crate::calendar::to_days(x), y))
                        })
                        .collect();
                    // A past day one after the publication date is the same day in the
                    // writer's time zone ("MANILA, Oct 20 - ... blew up" published Oct 19
                    // was last year's Oct 20), never a year back.
                    let slack = i64::from(direction == Direction::Past);
                    pick(
                        &candidates,
                        crate::calendar::to_days(dct) + slack,
                        direction,
                    )
                }
                None => {
                    let candidates: Vec<(i64, i64)> =
                        years.iter().map(|&y| (y * 12 + i64::from(m), y)).collect();
                    pick(&candidates, dct.year * 12 + i64::from(dct.month), direction)
                }
            };
            match chosen {
                Some(y) => Resolved::date(given(y), true),
                None => Resolved::date(format!("XXXX-{m:02}"), false),
            }
        }
        (YearRef::Rel(rel), Some(m), Some(dct)) => {
            let y = if rel == 0 {
                Some(dct.year)
            } else {
                let candidates: Vec<(i64, i64)> = [dct.year - 1, dct.year, dct.year + 1]
                    .iter()
                    .map(|&y| (y * 12 + i64::from(m), y))
                    .collect();
                pick_rel(&candidates, dct.year * 12 + i64::from(dct.month), rel)
            };
            match y {
                Some(y) => Resolved::date(given(y), true),
                None => Resolved::date(format!("XXXX-{m:02}"), false),
            }
        }
    }
}

fn resolve_shift(unit: Unit, n: i64, dct: Option<Day>) -> Resolved {
    let Some(dct) = dct else {
        let value = match unit {
            Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XX",
            Unit::Week | Unit::Fortnight => "XXXX-WXX",
            Unit::Weekend => "XXXX-WXX-WE",
            Unit::Month => "XXXX-XX",
            Unit::Quarter => "XXXX-QX",
            Unit::HalfYear => "XXXX-HX",
            Unit::Year => "XXXX",
            Unit::Decade => "XXX",
            Unit::Century => "XX",
            Unit::Millennium => "X",
        };
        return Resolved::date(value.to_owned(), false);
    };
    let n = n.clamp(-1_000_000, 1_000_000);
    let value = match unit {
        Unit::Day => day(dct.plus_days(n)),
        Unit::Hour | Unit::Minute | Unit::Second => {
            let per_day = match unit {
                Unit::Hour => 24,
                Unit::Minute => 24 * 60,
                _ => 24 * 3600,
            };
            // The publication time is unknown: "two hours earlier" is most likely the
            // same day, "36 hours ago" the day before (whole days, rounded toward zero).
            day(dct.plus_days(n / per_day))
        }
        Unit::Week | Unit::Fortnight | Unit::Weekend => {
            let step = if unit == Unit::Fortnight { 14 } else { 7 };
            let (y, w) = dct.plus_days(step * n).iso_week();
            let mut v = format!("{}-W{w:02}", year(y));
            if unit == Unit::Weekend {
                v.push_str("-WE");
            }
            v
        }
        Unit::Month => {
            let (y, m) = add_months(dct.year, dct.month, n);
            month(y, m)
        }
        Unit::Quarter => {
            let index = dct.year * 4 + i64::from(dct.quarter()) - 1 + n;
            format!("{}-Q{}", year(index.div_euclid(4)), index.rem_euclid(4) + 1)
        }
        Unit::HalfYear => {
            let index = dct.year * 2 + i64::from(u32::from(dct.month > 6)) + n;
            format!("{}-H{}", year(index.div_euclid(2)), index.rem_euclid(2) + 1)
        }
        Unit::Year => year(dct.year + n),
        Unit::Decade => {
            let d = dct.year.div_euclid(10) + n;
            if (0..1000).contains(&d) {
                format!("{d:03}")
            } else {
                "XXX".to_owned()
            }
        }
        Unit::Century => {
            let c = dct.year.div_euclid(100) + n;
            if (0..100).contains(&c) {
                format!("{c:02}")
            } else {
                "XX".to_owned()
            }
        }
        Unit::Millennium => {
            let c = dct.year.div_euclid(1000) + n;
            if (0..10).contains(&c) {
                format!("{c}")
            } else {
                "X".to_owned()
            }
        }
    };
    Resolved::date(value, true)
}

/// Quarters and halves: `index` of `per_year`, written `YYYY-Q3` / `YYYY-H1`.
fn resolve_part_of_year(
    index: u32,
    per_year: u32,
    letter: &str,
    y: YearRef,
    dct: Option<Day>,
    direction: Direction,
) -> Resolved {
    let current = |d: Day| (d.month - 1) * per_year / 12 + 1;
    let y = match (y, dct) {
        (YearRef::Given(y), _) => Some((y, false)),
        (_, None) => None,
        (YearRef::Rel(r), Some(d)) => Some((d.year + r, true)),
        (YearRef::Auto, Some(d)) => {
            let cur = current(d);
            // A quarter without a year is in the DCT's year, except a later quarter in a
            // past clause: "the fourth quarter" in a January story is last year's.
            let y = match direction {
                Direction::Past | Direction::Unknown if index > cur => d.year - 1,
                _ => d.year,
            };
            Some((y, true))
        }
    };
    match y {
        Some((y, anchored)) => Resolved::date(format!("{}-{letter}{index}", year(y)), anchored),
        None => Resolved::date(format!("XXXX-{letter}{index}"), false),
    }
}

const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

fn resolve_season(code: &str, y: YearRef, dct: Option<Day>, direction: Direction) -> Resolved {
    let s = SEASONS.iter().position(|c| *c == code).unwrap_or(0);
    #[allow(clippy::cast_possible_wrap)]
    let s = s as i64;
    let (y, anchored) = match (y, dct) {
        (YearRef::Given(y), _) => (Some(y), false),
        (_, None) => (None, false),
        (rel, Some(d)) => {
            // Winter belongs to the year it starts in: January 2025 is in 2024-WI.
            let (cy, cs) = match d.month {
                3..=5 => (d.year, 0),
                6..=8 => (d.year, 1),
                9..=11 => (d.year, 2),
                12 => (d.year, 3),
                _ => (d.year - 1, 3),
            };
            let now = cy * 4 + cs;
            let candidates: Vec<(i64, i64)> =
                (cy - 1..=cy + 1).map(|yy| (yy * 4 + s, yy)).collect();
            let chosen = match rel {
                YearRef::Rel(0) => Some(if s == 3 { cy } else { d.year }),
                YearRef::Rel(r) => pick_rel(&candidates, now, r),
                _ => pick(&candidates, now, direction.simple()),
            };
            (chosen, true)
        }
    };
    match y {
        Some(y) => Resolved::date(format!("{}-{code}", year(y)), anchored),
        None => Resolved::date(format!("XXXX-{code}"), false),
    }
}

fn holiday_in(rule: HolidayRule, y: i64) -> Option<Day> {
    match rule {
        HolidayRule::Fixed(m, d) => Day::new(y, m, d),
        HolidayRule::NthWeekday { n, weekday, month } => nth_weekday(y, month, weekday, n),
        HolidayRule::Easter(offset) => easter(y).map(|e| e.plus_days(offset)),
    }
}

fn resolve_holiday(
    rule: HolidayRule,
    y: YearRef,
    dct: Option<Day>,
    direction: Direction,
) -> Resolved {
    let unknown = || match rule {
        HolidayRule::Fixed(m, d) => format!("XXXX-{m:02}-{d:02}"),
        _ => "XXXX-XX-XX".to_owned(),
    };
    match (y, dct) {
        (YearRef::Given(y), _) => {
            Resolved::date(holiday_in(rule, y).map_or_else(|| year(y), day), false)
        }
        (_, None) => Resolved::date(unknown(), false),
        (rel, Some(d)) => {
            let candidates: Vec<(i64, Day)> = (d.year - 1..=d.year + 1)
                .filter_map(|yy| holiday_in(rule, yy).map(|h| (crate::calendar::to_days(h), h)))
                .collect();
            let now = crate::calendar::to_days(d);
            let chosen = match rel {
                YearRef::Rel(0) => holiday_in(rule, d.year),
                YearRef::Rel(r) => pick_rel(&candidates, now, r),
                _ => pick(&candidates, now, direction),
            };
            chosen.map_or_else(
                || Resolved::date(unknown(), false),
                |h| Resolved::date(day(h), true),
            )
        }
    }
}

/// Formats a number for a duration value: integers plainly, fractions with a point.
fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e12 {
        #[allow(clippy::cast_possible_truncation)]
        let i = n as i64;
        i.to_string()
    } else if n.is_finite() {
        let s = format!("{n:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        "X".to_owned()
    }
}

/// A TIMEX3 duration value: `P3Y`, `PXD`, `PT2H`, `PT30M`.
pub(crate) fn duration(amount: Amount, unit: Unit) -> String {
    // Units TIMEX3 has no letter for become the ones it has.
    let (scale, unit) = match unit {
        Unit::Decade => (10.0, Unit::Year),
        Unit::Century => (100.0, Unit::Year),
        Unit::Millennium => (1000.0, Unit::Year),
        Unit::Fortnight => (2.0, Unit::Week),
        Unit::HalfYear => (6.0, Unit::Month),
        other => (1.0, other),
    };
    let letter = |u: Unit| match u {
        Unit::Year => "Y",
        Unit::Month | Unit::Minute => "M",
        Unit::Week => "W",
        Unit::Day => "D",
        Unit::Hour => "H",
        Unit::Second => "S",
        Unit::Quarter => "Q",
        Unit::Weekend => "WE",
        _ => "X",
    };
    let t = if unit.is_clock() { "T" } else { "" };
    let Amount::Known(n) = amount else {
        return format!("P{t}X{}", letter(unit));
    };
    let n = n * scale;
    if n.fract() != 0.0 && matches!(unit, Unit::Hour | Unit::Minute) {
        return clock_duration(n, unit);
    }
    if n.fract() != 0.0 {
        // "2 1/2 years" is P2Y6M, "a minute and a half" PT1M30S, "half an hour" PT30M.
        let smaller = match unit {
            Unit::Year => Some((12.0, Unit::Month)),
            Unit::Week => Some((7.0, Unit::Day)),
            Unit::Day => Some((24.0, Unit::Hour)),
            Unit::Hour => Some((60.0, Unit::Minute)),
            Unit::Minute => Some((60.0, Unit::Second)),
            _ => None,
        };
        if let Some((factor, small)) = smaller
            && (n.fract() * factor).fract().abs() < 1e-9
        {
            let whole = n.trunc();
            let part = number((n.fract() * factor).round());
            let small_letter = letter(small);
            return match (whole == 0.0, unit.is_clock(), small.is_clock()) {
                (true, _, true) => format!("PT{part}{small_letter}"),
                (true, _, false) => format!("P{part}{small_letter}"),
                (false, false, true) => {
                    format!("P{}{}T{part}{small_letter}", number(whole), letter(unit))
                }
                (false, _, _) => {
                    format!("P{t}{}{}{part}{small_letter}", number(whole), letter(unit))
                }
            };
        }
    }
    format!("P{t}{}{}", number(n), letter(unit))
}

/// A fractional number of hours or minutes in hours, minutes and seconds: `PT1H30M`,
/// `PT28M55.77S` ("28 minutes 55.77 seconds"); seconds keep up to three decimals.
fn clock_duration(n: f64, unit: Unit) -> String {
    let per = if unit == Unit::Hour { 3600.0 } else { 60.0 };
    let total = (n * per * 1000.0).round() / 1000.0;
    let hours = (total / 3600.0).trunc();
    let minutes = ((total - hours * 3600.0) / 60.0).trunc();
    let seconds = ((total - hours * 3600.0 - minutes * 60.0) * 1000.0).round() / 1000.0;
    let mut out = String::from("PT");
    for (v, letter) in [(hours, "H"), (minutes, "M"), (seconds, "S")] {
        if v != 0.0 {
            out.push_str(&number(v));
            out.push_str(letter);
        }
    }
    out
}

/// Moves a TIMEX3 date value by `n` years or months, keeping its granularity:
/// `2024-Q3` by -1 year is `2023-Q3`, `2024-06` by -1 month `2024-05`. `None` for values
/// it cannot move (references, durations, months for a year-only value).
pub(crate) fn shift_value(value: &str, unit: Unit, n: i64) -> Option<String> {
    let y: i64 = value.get(..4)?.parse().ok()?;
    let rest = &value[4..];
    match unit {
        Unit::Year => {
            let moved = y + n;
            if !writable(moved) {
                return None;
            }
            // February 29 has no counterpart in most years.
            if rest == "-02-29" && !crate::calendar::is_leap(moved) {
                return Some(format!("{}-02-28", year(moved)));
            }
            Some(format!("{}{rest}", year(moved)))
        }
        Unit::Month => {
            let m: u32 = rest.get(1..3)?.parse().ok()?;
            if !rest.starts_with('-') || !(1..=12).contains(&m) {
                return None;
            }
            let (ny, nm) = add_months(y, m, n);
            let tail = &rest[3..];
            let mut out = month(ny, nm);
            if let Some(d) = tail
                .strip_prefix('-')
                .and_then(|d| d.get(..2)?.parse::<u32>().ok())
            {
                let d = d.min(crate::calendar::days_in_month(ny, nm));
                out.push_str(&format!("-{d:02}"));
            }
            Some(out)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dct() -> Option<Day> {
        Day::new(2024, 12, 18)
    }

    #[test]
    fn dates_are_written_as_format_would() {
        for y in [-1, 0, 7, 99, 1987, 9999, 10000, i64::MAX, i64::MIN] {
            let want = if (0..=9999).contains(&y) {
                format!("{y:04}")
            } else {
                "XXXX".to_owned()
            };
            assert_eq!(year(y), want);
            for m in [0, 1, 9, 10, 12, 123, u32::MAX] {
                assert_eq!(month(y, m), format!("{want}-{m:02}"));
                let d = Day {
                    year: y,
                    month: m,
                    day: m / 3,
                };
                assert_eq!(day(d), format!("{want}-{m:02}-{:02}", m / 3));
            }
        }
    }

    #[test]
    fn weekdays_follow_direction() {
        let tue = Expr::Weekday {
            weekday: 2,
            rel: Rel::Auto,
        };
        assert_eq!(resolve(&tue, dct(), Direction::Past).value, "2024-12-17");
        assert_eq!(resolve(&tue, dct(), Direction::Future).value, "2024-12-24");
        let wed = Expr::Weekday {
            weekday: 3,
            rel: Rel::Last,
        };
        assert_eq!(resolve(&wed, dct(), Direction::Past).value, "2024-12-11");
        assert_eq!(resolve(&tue, None, Direction::Past).value, "XXXX-WXX-2");
    }

    #[test]
    fn bare_months_and_days() {
        let june = Expr::Date {
            year: YearRef::Auto,
            month: Some(6),
            day: None,
        };
        assert_eq!(resolve(&june, dct(), Direction::Past).value, "2024-06");
        assert_eq!(resolve(&june, dct(), Direction::Future).value, "2025-06");
        let jan = Expr::Date {
            year: YearRef::Auto,
            month: Some(1),
            day: Some(5),
        };
        assert_eq!(resolve(&jan, dct(), Direction::Nearest).value, "2025-01-05");
        // An explicit past tense decides, however far back: no nearer date overrides it.
        assert_eq!(resolve(&jan, dct(), Direction::Past).value, "2024-01-05");
        // Without a cue the next one wins when it is much nearer.
        assert_eq!(resolve(&jan, dct(), Direction::Unknown).value, "2025-01-05");
        let nov = Expr::Date {
            year: YearRef::Auto,
            month: Some(11),
            day: Some(30),
        };
        assert_eq!(resolve(&nov, dct(), Direction::Past).value, "2024-11-30");
        let leap = Expr::Date {
            year: YearRef::Auto,
            month: Some(2),
            day: Some(29),
        };
        assert_eq!(resolve(&leap, dct(), Direction::Past).value, "2024-02-29");
    }

    #[test]
    fn shifts_by_unit() {
        let v = |unit, n| resolve(&Expr::Shift { unit, n }, dct(), Direction::Past).value;
        assert_eq!(v(Unit::Month, 1), "2025-01");
        assert_eq!(v(Unit::Week, 0), "2024-W51");
        assert_eq!(v(Unit::Year, -1), "2023");
        assert_eq!(v(Unit::Quarter, -1), "2024-Q3");
        assert_eq!(v(Unit::Day, -1), "2024-12-17");
        assert_eq!(v(Unit::Decade, 0), "202");
        // Hours from a date without a time: whole days, toward zero.
        assert_eq!(v(Unit::Hour, -2), "2024-12-18");
        assert_eq!(v(Unit::Hour, -36), "2024-12-17");
        assert_eq!(v(Unit::Minute, 90), "2024-12-18");
    }

    #[test]
    fn durations() {
        assert_eq!(duration(Amount::Unknown, Unit::Day), "PXD");
        assert_eq!(duration(Amount::Unknown, Unit::Hour), "PTXH");
        assert_eq!(duration(Amount::Known(2.0), Unit::Decade), "P20Y");
        assert_eq!(duration(Amount::Known(1.5), Unit::Year), "P1Y6M");
        assert_eq!(duration(Amount::Known(0.5), Unit::Hour), "PT30M");
        assert_eq!(duration(Amount::Known(24.0), Unit::Hour), "PT24H");
        assert_eq!(duration(Amount::Known(2.5), Unit::Year), "P2Y6M");
        assert_eq!(duration(Amount::Known(1.5), Unit::Minute), "PT1M30S");
        assert_eq!(
            duration(Amount::Known(28.0 + 55.77 / 60.0), Unit::Minute),
            "PT28M55.77S"
        );
        assert_eq!(duration(Amount::Known(2.5), Unit::Hour), "PT2H30M");
        assert_eq!(duration(Amount::Known(1.5), Unit::Day), "P1DT12H");
    }

    #[test]
    fn shifting_values_keeps_granularity() {
        assert_eq!(
            shift_value("2024-Q3", Unit::Year, -1).as_deref(),
            Some("2023-Q3")
        );
        assert_eq!(
            shift_value("2024-02-29", Unit::Year, -1).as_deref(),
            Some("2023-02-28")
        );
        assert_eq!(
            shift_value("2024-03-31", Unit::Month, -1).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(shift_value("PRESENT_REF", Unit::Year, -1), None);
    }
}
