//! Absolute publication dates as printed in date lines and wire datelines.
//!
//! Recognizes "December 18, 2024", "Dec. 18, 2024", "18 December 2024", "2024-12-18",
//! "24 OCT 88" (two-digit years as in 1980s wire copy: 50–99 → 19xx, else 20xx), each
//! optionally after a weekday ("Wednesday, December 18, 2024") and before a clock time
//! ("December 18, 2024 10:05 AM", ignored). Relative dates are the times extractor's job.

use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
    let weekday = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?";
    let pattern = format!(
        r"(?ix)^\s*{weekday}(?:
            (?P<m1>{month})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})
          | (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{month}),?\s+(?P<y2>\d{{4}}|\d{{2}})
          | (?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})
        )\b"
    );
    Regex::new(&pattern).unwrap_or_else(|e| unreachable!("date pattern is valid: {e}"))
});

/// A date found at the start of `text`, with the length of the matched prefix.
#[must_use]
pub fn parse_date_prefix(text: &str) -> Option<(Date, usize)> {
    let caps = DATE_LINE.captures(text)?;
    let len = caps.get(0)?.end();
    let (year, month, day) = if let Some(y) = caps.name("y1") {
        (
            year(y.as_str())?,
            month_number(caps.name("m1")?.as_str())?,
            caps.name("d1")?.as_str(),
        )
    } else if let Some(y) = caps.name("y2") {
        (
            year(y.as_str())?,
            month_number(caps.name("m2")?.as_str())?,
            caps.name("d2")?.as_str(),
        )
    } else {
        let m: i8 = caps.name("m3")?.as_str().parse().ok()?;
        (
            year(caps.name("y3")?.as_str())?,
            m,
            caps.name("d3")?.as_str(),
        )
    };
    let date = Date::new(year, month, day.parse().ok()?).ok()?;
    Some((date, len))
}

/// A date that is the whole of `line` (a date line under a byline), allowing a trailing
/// clock time and zone ("December 18, 2024 10:05 am GMT").
#[must_use]
pub fn parse_date_line(line: &str) -> Option<Date> {
    let (date, len) = parse_date_prefix(line)?;
    let rest = line[len..].trim();
    let is_time_tail = rest.is_empty()
        || rest.starts_with(|c: char| {
            c.is_ascii_digit() || c == '|' || c == '-' || c == '—' || c == ','
        }) && rest.len() < 40
            && !rest.contains(". ");
    is_time_tail.then_some(date)
}

fn year(text: &str) -> Option<i16> {
    let y: i16 = text.parse().ok()?;
    Some(match text.len() {
        2 if y >= 50 => 1900 + y,
        2 => 2000 + y,
        _ => y,
    })
}

fn month_number(text: &str) -> Option<i8> {
    let key = text.get(..3)?.to_ascii_lowercase();
    let index = MONTHS.iter().position(|m| *m == key)?;
    i8::try_from(index + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Option<String> {
        parse_date_line(text).map(|d| d.to_string())
    }

    #[test]
    fn common_date_lines() {
        assert_eq!(d("December 18, 2024").as_deref(), Some("2024-12-18"));
        assert_eq!(
            d("Wednesday, December 18, 2024").as_deref(),
            Some("2024-12-18")
        );
        assert_eq!(d("Dec. 18, 2024 10:05 am").as_deref(), Some("2024-12-18"));
        assert_eq!(d("18 December 2024").as_deref(), Some("2024-12-18"));
        assert_eq!(d("2024-12-18").as_deref(), Some("2024-12-18"));
        assert_eq!(d("24 OCT 88").as_deref(), Some("1988-10-24"));
    }

    #[test]
    fn sentences_and_bad_dates_are_not_date_lines() {
        assert_eq!(
            d("December 18, 2024 was the day the official spoke. He said so."),
            None
        );
        assert_eq!(d("February 30, 2024"), None);
        assert_eq!(d("The official said"), None);
    }
}
