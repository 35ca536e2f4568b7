//! Run settings read from a fuzz input's last bytes: publication date, url.
//!
//! The settings are read from the input's tail *without removing it from the text*, so a
//! seed article is fuzzed whole and a mutation of its last bytes changes the date the
//! pipeline resolves relative times against.

use jiff::civil::{Date, Time};
use jiff::tz::Offset;
use tally_core::{Published, PublishedSource};

/// Byte `i` from the end (0 is the last byte), or 0 past the start.
fn tail(data: &[u8], i: usize) -> u8 {
    data.len()
        .checked_sub(i + 1)
        .and_then(|k| data.get(k))
        .copied()
        .unwrap_or(0)
}

/// Years worth trying: jiff's limits, the first and last four-digit years, the epoch, and
/// ordinary news years.
const YEARS: [i16; 7] = [1, 9999, -9999, 0, 1970, 2024, 1988];

/// A publication time, or none, as `--published` would give it. Years include 0001, 9999
/// and jiff's extremes, so "next year" or "in 30 days" can run off the calendar.
#[must_use]
pub fn published(data: &[u8]) -> Option<Published> {
    let mode = tail(data, 0);
    if mode % 4 == 0 {
        return None;
    }
    let pick = tail(data, 1);
    let year = match YEARS.get(usize::from(pick % 10)) {
        Some(&y) => y,
        // The rest: any year jiff can represent.
        None => i16::from_le_bytes([tail(data, 2), tail(data, 3)]) % 10_000,
    };
    let month = (tail(data, 4) % 12 + 1) as i8;
    let day = (tail(data, 5) % 31 + 1) as i8;
    // Days past the month's end fall back to the 28th, which every month has.
    let date = Date::new(year, month, day)
        .or_else(|_| Date::new(year, month, 28))
        .ok()?;
    let mut published = Published::date(date, PublishedSource::User);
    if mode & 4 != 0 {
        let (h, m) = (tail(data, 6) % 24, tail(data, 7) % 60);
        published.time = Time::new(h as i8, m as i8, 0, 0).ok();
        if mode & 8 != 0 {
            // Any offset jiff accepts: ±25:59:59.
            let raw = i64::from(u16::from_le_bytes([tail(data, 6), tail(data, 7)]));
            let seconds = i32::try_from(raw * 93_599 / i64::from(u16::MAX)).unwrap_or(0);
            let sign = if mode & 16 != 0 { -1 } else { 1 };
            published.offset = Offset::from_seconds(sign * seconds).ok();
        }
    }
    Some(published)
}

/// Addresses worth trying: a known outlet, odd hosts, a bare scheme, non-ASCII, ports.
const URLS: [&str; 8] = [
    "https://www.themoscowtimes.com/2024/12/18/a",
    "http://",
    "https://[::1]:99999/x",
    "https://ünïcode.example/ä?q=1#f",
    "reuters.com",
    "",
    "https://.../",
    "ftp://user:pass@news.example.co.uk:21/a/b/../c",
];

/// A `--url` value, or none.
#[must_use]
pub fn url(data: &[u8]) -> Option<String> {
    let pick = tail(data, 8);
    URLS.get(usize::from(pick % 12)).map(|u| (*u).to_owned())
}
