//! The days a TIMEX3 value covers, for the date filters and the date order of queries.
//!
//! A said-at or figure date is a TIMEX3 value: a day (`2016-03-14`, `2016-03-14T10:00`), a
//! month (`2016-03`), an ISO week (`2016-W11`, its weekend `2016-W11-WE`), a quarter
//! (`2016-Q1`), a half (`2016-H2`), a season (`2016-SP`, `-SU`, `-FA`, `-WI`), a year
//! (`2016`), a decade (`201`, `201X`) or a century (`20`, `20XX`). Each is the range of
//! days from its first to its last, and the queries compare those days, never the text: as
//! text `2016-W11` (March) sorts after `2016-06-01`.
//!
//! A season is the meteorological one of the northern hemisphere; a winter is the one
//! that starts the year (`2016-WI` is 2015-12-01 to 2016-02-29). References
//! (`PRESENT_REF`, `PAST_REF`, `FUTURE_REF`), durations and values with an unknown year
//! (`XXXX-03`) cover no known days: they are undated, and a claim's publication date
//! stands in for them.
//!
//! The two SQL functions `tally_first_day(value)` and `tally_last_day(value)` return the
//! range's ends as `YYYY-MM-DD` text (which sorts like the days), or NULL when undated.

use jiff::SignedDuration;
use jiff::civil::{Date, date};
use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;
use rusqlite::types::ValueRef;

/// Registers `tally_first_day` and `tally_last_day` on `conn`.
pub(crate) fn register(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8
        | FunctionFlags::SQLITE_DETERMINISTIC
        | FunctionFlags::SQLITE_INNOCUOUS;
    conn.create_scalar_function("tally_first_day", 1, flags, |ctx| {
        if let Some(day) = plain_day(ctx.get_raw(0)) {
            return Ok(Some(day.to_owned()));
        }
        Ok(day_range(&ctx.get::<Option<String>>(0)?).map(|(first, _)| format_day(first)))
    })?;
    conn.create_scalar_function("tally_last_day", 1, flags, |ctx| {
        if let Some(day) = plain_day(ctx.get_raw(0)) {
            return Ok(Some(day.to_owned()));
        }
        Ok(day_range(&ctx.get::<Option<String>>(0)?).map(|(_, last)| format_day(last)))
    })
}

/// The first day `value` covers as `YYYY-MM-DD`, or `None` when it is undated: what
/// `tally_first_day` returns, for values the writer holds as text.
pub(crate) fn first_day(value: &str) -> Option<String> {
    if let Some(day) = plain_day(ValueRef::Text(value.as_bytes())) {
        return Some(day.to_owned());
    }
    day_range(&Some(value.to_owned())).map(|(first, _)| format_day(first))
}

/// The `YYYY-MM-DD` text of a valid day written as such, alone or before a time of day:
/// its first and last day are itself. Nearly every stored date is one, and a query that
/// lists claims by date calls the functions once per claim (100,000 at 100k documents),
/// so these skip copying, parsing and formatting. Years before 1000 take the general path.
fn plain_day(value: ValueRef<'_>) -> Option<&str> {
    let ValueRef::Text(bytes) = value else {
        return None;
    };
    if bytes.len() < 10 || bytes.get(10).is_some_and(|&b| b != b'T') {
        return None;
    }
    let digit = |i: usize| bytes[i].is_ascii_digit();
    let shape = (0..10).all(|i| {
        if i == 4 || i == 7 {
            bytes[i] == b'-'
        } else {
            digit(i)
        }
    });
    if !shape || bytes[0] == b'0' {
        return None;
    }
    let number = |from: usize, to: usize| {
        bytes[from..to]
            .iter()
            .fold(0i16, |n, b| n * 10 + i16::from(b - b'0'))
    };
    let (m, d) = (
        i8::try_from(number(5, 7)).ok()?,
        i8::try_from(number(8, 10)).ok()?,
    );
    Date::new(number(0, 4), m, d).ok()?;
    std::str::from_utf8(&bytes[..10]).ok()
}

/// The first and last day (days since 1970-01-01) `value` covers, or `None` when it names
/// no known days.
pub(crate) fn day_range(value: &Option<String>) -> Option<(i64, i64)> {
    let value = value.as_deref()?.trim();
    // A time of day narrows nothing a day filter can see.
    let value = value.split_once('T').map_or(value, |(date, _)| date);
    let (year, rest) = match value.split_once('-') {
        Some((year, rest)) => (year, Some(rest)),
        None => (value, None),
    };
    match rest {
        None => coarse_range(year),
        Some(rest) => {
            let y = four_digits(year)?;
            part_range(y, rest)
        }
    }
}

/// A year, decade or century without a month part.
fn coarse_range(year: &str) -> Option<(i64, i64)> {
    let digits = year.trim_end_matches('X');
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || year.len() > 4 {
        return None;
    }
    let start: i64 = digits.parse().ok()?;
    // "201" and "201X" are the 2010s, "20" and "20XX" the 2000s century.
    let span = 10_i64.pow(4 - u32::try_from(digits.len()).ok()?);
    let first = start * span;
    let last = first + span - 1;
    Some((civil(first, 1, 1)?, civil(last, 12, 31)?))
}

/// The part of a value after `YYYY-`.
fn part_range(y: i64, rest: &str) -> Option<(i64, i64)> {
    let mut parts = rest.split('-');
    let head = parts.next()?;
    let tail = parts.next();
    // "WI" is winter, "W11" a week.
    if let Some(week) = head.strip_prefix('W').filter(|w| w != &"I") {
        return week_range(y, week, tail);
    }
    let months = |first: i64, last: i64| Some((civil(y, first, 1)?, month_end(y, last)?));
    match head {
        "Q1" => months(1, 3),
        "Q2" => months(4, 6),
        "Q3" => months(7, 9),
        "Q4" => months(10, 12),
        "H1" => months(1, 6),
        "H2" => months(7, 12),
        "SP" => months(3, 5),
        "SU" => months(6, 8),
        "FA" => months(9, 11),
        "WI" => Some((civil(y - 1, 12, 1)?, month_end(y, 2)?)),
        _ => {
            let m = two_digits(head)?;
            match tail {
                None => Some((civil(y, m, 1)?, month_end(y, m)?)),
                Some(d) => {
                    let day = civil(y, m, two_digits(d)?)?;
                    Some((day, day))
                }
            }
        }
    }
}

/// An ISO week (`W11`), its weekend (`W11-WE`) or one of its days (`W11-5`).
fn week_range(y: i64, week: &str, tail: Option<&str>) -> Option<(i64, i64)> {
    let w = two_digits(week)?;
    if !(1..=53).contains(&w) {
        return None;
    }
    // Week 1 is the week with January 4th; weeks start on Monday.
    let jan4 = civil(y, 1, 4)?;
    let monday = jan4 - weekday(jan4) + (w - 1) * 7;
    match tail {
        None => Some((monday, monday + 6)),
        Some("WE") => Some((monday + 5, monday + 6)),
        Some(d) => {
            let d: i64 = d.parse().ok().filter(|d| (1..=7).contains(d))?;
            Some((monday + d - 1, monday + d - 1))
        }
    }
}

/// 0 for Monday to 6 for Sunday (1970-01-01 was a Thursday).
fn weekday(day: i64) -> i64 {
    (day + 3).rem_euclid(7)
}

fn four_digits(s: &str) -> Option<i64> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

fn two_digits(s: &str) -> Option<i64> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

fn month_end(y: i64, m: i64) -> Option<i64> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    Some(civil(ny, nm, 1)? - 1)
}

/// Day numbers count from this day: the ranges compare and step through them as integers.
const EPOCH: Date = date(1970, 1, 1);

/// Days since 1970-01-01 for a valid date, `None` for a month or day out of range.
fn civil(y: i64, m: i64, d: i64) -> Option<i64> {
    let day = Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()?;
    Some(day.duration_since(EPOCH).as_secs() / 86_400)
}

/// `YYYY-MM-DD` for a day number.
pub(crate) fn format_day(day: i64) -> String {
    EPOCH
        .checked_add(SignedDuration::from_hours(day * 24))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(value: &str) -> Option<(String, String)> {
        day_range(&Some(value.to_owned())).map(|(a, b)| (format_day(a), format_day(b)))
    }

    fn is(value: &str, first: &str, last: &str) {
        assert_eq!(
            range(value),
            Some((first.to_owned(), last.to_owned())),
            "{value}"
        );
    }

    #[test]
    fn ranges_of_each_kind_of_value() {
        is("2016-03-14", "2016-03-14", "2016-03-14");
        is("2016-03-14T10:30", "2016-03-14", "2016-03-14");
        is("2016-03-14TMO", "2016-03-14", "2016-03-14");
        is("2016-02", "2016-02-01", "2016-02-29");
        is("2015-02", "2015-02-01", "2015-02-28");
        is("2016-W11", "2016-03-14", "2016-03-20");
        is("2016-W11-WE", "2016-03-19", "2016-03-20");
        is("2016-W11-1", "2016-03-14", "2016-03-14");
        // ISO week 1 of 2015 starts in 2014; week 53 of 2015 ends in 2016.
        is("2015-W01", "2014-12-29", "2015-01-04");
        is("2015-W53", "2015-12-28", "2016-01-03");
        is("2016-Q1", "2016-01-01", "2016-03-31");
        is("2016-Q4", "2016-10-01", "2016-12-31");
        is("2016-H2", "2016-07-01", "2016-12-31");
        is("2016-SU", "2016-06-01", "2016-08-31");
        is("2016-WI", "2015-12-01", "2016-02-29");
        is("2016", "2016-01-01", "2016-12-31");
        is("201", "2010-01-01", "2019-12-31");
        is("201X", "2010-01-01", "2019-12-31");
        is("20", "2000-01-01", "2099-12-31");
        is("19XX", "1900-01-01", "1999-12-31");
    }

    #[test]
    fn references_and_malformed_values_are_undated() {
        for value in [
            "PRESENT_REF",
            "PAST_REF",
            "FUTURE_REF",
            "P3D",
            "XXXX-03",
            "2016-02-30",
            "2016-13",
            "2016-W54",
            "2016-Q5",
            "",
            "20161",
        ] {
            assert_eq!(range(value), None, "{value}");
        }
        assert_eq!(day_range(&None), None);
    }

    /// The plain-day shortcut gives what the general path gives, for days and near-days.
    #[test]
    fn plain_days_match_the_general_path() {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        let mut values: Vec<String> = [
            "2016-03-14",
            "2016-02-29",
            "2015-02-29",
            "2016-02-30",
            "2016-13-01",
            "2016-00-10",
            "2016-01-00",
            "2016-03-14T10:30",
            "2016-03-14TMO",
            "2016-03-14 ",
            " 2016-03-14",
            "2016-03-1",
            "2016-03-144",
            "2016/03/14",
            "0999-12-31",
            "1000-01-01",
            "9999-12-31",
            "2016-W11-1",
            "2016-Q1",
            "2016-03",
            "abcd-ef-gh",
            "2016-03-14T",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        for day in (-400_000..60_000).step_by(997) {
            values.push(format_day(day));
        }
        for value in values {
            let general = day_range(&Some(value.clone()));
            let (first, last): (Option<String>, Option<String>) = conn
                .query_row(
                    "SELECT tally_first_day(?1), tally_last_day(?1)",
                    [&value],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap();
            assert_eq!(first, general.map(|(a, _)| format_day(a)), "{value}");
            assert_eq!(first_day(&value), first, "{value}");
            assert_eq!(last, general.map(|(_, b)| format_day(b)), "{value}");
        }
        let n: Option<String> = conn
            .query_row("SELECT tally_first_day(NULL)", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, None);
    }

    #[test]
    fn day_numbers_round_trip() {
        for day in [-700_000, -1, 0, 1, 16_000, 20_000, 60_000] {
            let text = format_day(day);
            let (y, rest) = text.split_at(text.len() - 6);
            let part = |s: &str| s.parse::<i64>().unwrap();
            assert_eq!(
                civil(part(y), part(&rest[1..3]), part(&rest[4..])),
                Some(day)
            );
        }
    }
}
