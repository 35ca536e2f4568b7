//! Proleptic Gregorian calendar arithmetic on plain integers.
//!
//! Resolution moves dates by days, months, weeks and years and asks for ISO weeks. Doing
//! it on day numbers keeps every step total: nothing here can fail or panic, and values
//! outside the years TIMEX3 can write (0000–9999) are caught once, when formatting.

/// A calendar day: year, month (1–12), day (1–31). Always valid when built by this module.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Day {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
pub(crate) fn to_days(d: Day) -> i64 {
    let y = if d.month <= 2 { d.year - 1 } else { d.year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(d.month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The day `n` days after 1970-01-01 (Hinnant's `civil_from_days`).
pub(crate) fn from_days(n: i64) -> Day {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Day {
        year,
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        month: month as u32,
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        day: day as u32,
    }
}

/// Whether `year` is a leap year.
pub(crate) fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in a month (February by leap year); 0 for a month outside 1–12.
pub(crate) fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Day {
    /// A valid day, or `None` for "February 30" and friends.
    pub(crate) fn new(year: i64, month: u32, day: u32) -> Option<Day> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Day { year, month, day })
    }

    /// ISO weekday, 1 (Monday) to 7 (Sunday).
    pub(crate) fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let w = (to_days(self) + 3).rem_euclid(7) as u32;
        w + 1
    }

    /// This day moved by `n` days.
    pub(crate) fn plus_days(self, n: i64) -> Day {
        from_days(to_days(self).saturating_add(n.clamp(-10_000_000, 10_000_000)))
    }

    /// The ISO week-numbering year and week (1–53).
    pub(crate) fn iso_week(self) -> (i64, u32) {
        // The Thursday of this ISO week decides its year.
        let thursday = self.plus_days(4 - i64::from(self.weekday()));
        let jan1 = Day {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let ordinal = to_days(thursday) - to_days(jan1);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let week = (ordinal / 7 + 1) as u32;
        (thursday.year, week)
    }

    /// Quarter of the year, 1–4.
    pub(crate) fn quarter(self) -> u32 {
        (self.month - 1) / 3 + 1
    }
}

/// A month moved by `n` months: `(year, month)`.
pub(crate) fn add_months(year: i64, month: u32, n: i64) -> (i64, u32) {
    let index = year
        .saturating_mul(12)
        .saturating_add(i64::from(month) - 1)
        .saturating_add(n.clamp(-1_000_000, 1_000_000));
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let m = index.rem_euclid(12) as u32 + 1;
    (index.div_euclid(12), m)
}

/// The Nth `weekday` of a month (`n` = -1 for the last one).
pub(crate) fn nth_weekday(year: i64, month: u32, weekday: u32, n: i32) -> Option<Day> {
    if n > 0 {
        let first = Day::new(year, month, 1)?;
        let offset = (i64::from(weekday) - i64::from(first.weekday())).rem_euclid(7);
        let day = first.plus_days(offset + 7 * i64::from(n - 1));
        (day.month == month).then_some(day)
    } else {
        let last = Day::new(year, month, days_in_month(year, month))?;
        let offset = (i64::from(last.weekday()) - i64::from(weekday)).rem_euclid(7);
        Some(last.plus_days(-offset))
    }
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
pub(crate) fn easter(year: i64) -> Option<Day> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Day::new(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Whether a year can be written in a TIMEX3 value (four digits).
pub(crate) fn writable(year: i64) -> bool {
    (0..=9999).contains(&year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_across_boundaries() {
        for (y, m, d) in [
            (1, 1, 1),
            (1970, 1, 1),
            (2000, 2, 29),
            (2024, 12, 18),
            (9999, 12, 31),
            (0, 3, 1),
        ] {
            let day = Day::new(y, m, d).unwrap();
            assert_eq!(from_days(to_days(day)), day);
        }
        assert_eq!(Day::new(2023, 2, 29), None);
        assert_eq!(Day::new(1900, 2, 29), None);
    }

    #[test]
    fn weekdays_and_iso_weeks() {
        let seed = Day::new(2024, 12, 18).unwrap();
        assert_eq!(seed.weekday(), 3, "a Wednesday");
        assert_eq!(seed.iso_week(), (2024, 51));
        // 2020-12-31 is in week 53 of 2020; 2021-01-03 too; 2024-12-30 is 2025-W01.
        assert_eq!(Day::new(2020, 12, 31).unwrap().iso_week(), (2020, 53));
        assert_eq!(Day::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
        assert_eq!(Day::new(2024, 12, 30).unwrap().iso_week(), (2025, 1));
    }

    #[test]
    fn months_and_named_days() {
        assert_eq!(add_months(2024, 12, 1), (2025, 1));
        assert_eq!(add_months(2024, 1, -13), (2022, 12));
        assert_eq!(
            nth_weekday(2024, 11, 4, 4),
            Day::new(2024, 11, 28),
            "Thanksgiving"
        );
        assert_eq!(
            nth_weekday(2024, 5, 1, -1),
            Day::new(2024, 5, 27),
            "Memorial Day"
        );
        assert_eq!(easter(2024), Day::new(2024, 3, 31));
        assert_eq!(easter(2025), Day::new(2025, 4, 20));
    }
}
