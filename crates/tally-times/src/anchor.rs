//! Discourse anchoring: a few expressions are dated by an earlier expression of the text
//! rather than by the publication date.
//!
//! - "a year ago" / "a year earlier" after a quarter, month or day: that period a year
//!   before ("profit rose in the third quarter from a year earlier");
//! - a clock time with no date ("at 10:35 a.m.") after a named day in the same paragraph:
//!   that day ("The blast came Friday. ... at 10:35 a.m." is Friday 10:35);
//! - the bare day at the other end of a range ("Oct. 14-18"): the date written beside it;
//! - "the next day", "the following year", "the previous day": next to the nearest earlier
//!   date fine enough ("arrested on Monday. The following day" is Tuesday);
//! - the second month of "between December and May", "from November to March": the first
//!   such month after the first one (published December 2024: May 2025, whatever the
//!   clause's tense made of a lone "May").

use tally_core::{Document, Timex, TimexType};

use crate::calendar::{Day, writable};
use crate::expr::Expr;
use crate::lexicon::Unit;
use crate::range::End;
use crate::resolve::shift_value;

/// How an expression may be re-anchored once every expression is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Link {
    /// `n` units before an earlier period ("a year earlier").
    Before { unit: Unit, n: i64 },
    /// A clock time without a date.
    Clock,
    /// The bare day at the other end of a range from the date beside it ("Oct. 14-18").
    Range(End),
    /// `n` units from a narrated time ("the next day").
    Narrated { unit: Unit, n: i64 },
}

impl Link {
    pub(crate) fn of(expr: &Expr) -> Option<Link> {
        match expr {
            Expr::Before {
                unit,
                n,
                base: None,
            } => Some(Link::Before { unit: *unit, n: *n }),
            Expr::Time {
                date: None,
                clock: Some(_),
                ..
            } => Some(Link::Clock),
            Expr::Narrated { unit, n } => Some(Link::Narrated { unit: *unit, n: *n }),
            _ => None,
        }
    }
}

/// Re-anchors linked expressions on earlier ones; `timexes` is in body order with ids set.
pub(crate) fn link(doc: &Document, timexes: &mut [(Option<Link>, Timex)]) {
    // Ranges first: an anchored bare day is then no base for "a year ago".
    range_days(timexes);
    relink_year_ago(doc, timexes);
    date_clock_times(doc, timexes);
    narrated(doc, timexes);
    month_ranges(doc, timexes);
}

/// "between December and May", "from November to March": a month range written with bare
/// month names runs forward, so a second month resolved before the first moves a year on.
fn month_ranges(doc: &Document, timexes: &mut [(Option<Link>, Timex)]) {
    let bare_month = |t: &Timex| t.value.len() == 7 && !t.raw.bytes().any(|b| b.is_ascii_digit());
    for i in 1..timexes.len() {
        let (a, b) = (&timexes[i - 1].1, &timexes[i].1);
        if !bare_month(a) || !bare_month(b) || b.value >= a.value {
            continue;
        }
        let gap = doc.body.get(a.span.end..b.span.start).unwrap_or("").trim();
        let opener = doc.body.get(..a.span.start).unwrap_or("").trim_end();
        let ends_with = |text: &str, word: &str| {
            text.len() >= word.len()
                && text[text.len() - word.len()..].eq_ignore_ascii_case(word)
                && !text[..text.len() - word.len()].ends_with(char::is_alphanumeric)
        };
        let range = (ends_with(opener, "between") && gap.eq_ignore_ascii_case("and"))
            || (ends_with(opener, "from")
                && ["to", "through", "until", "-", "\u{2013}"]
                    .iter()
                    .any(|g| gap.eq_ignore_ascii_case(g)));
        if range && let Some(moved) = shift_value(&b.value, Unit::Year, 1) {
            timexes[i].1.value = moved;
        }
    }
}

/// How far back (in bytes) "the next day" looks for the time it follows.
const NARRATED_REACH: usize = 1000;

/// "the next day" and its kin take the nearest earlier date or time, within
/// [`NARRATED_REACH`], that names at least their unit (a day for "the next day", a year
/// for "the following year"), cut to that unit and moved by one; with none, their date
/// is unknown (`XXXX-XX-XX`). In text order, so "the next day ... the following day"
/// chain. "the end of the month" (`n` = 0) takes only a month named earlier in its
/// sentence, and keeps the publication date's month without one.
fn narrated(doc: &Document, timexes: &mut [(Option<Link>, Timex)]) {
    for i in 0..timexes.len() {
        let Some(Link::Narrated { unit, n }) = timexes[i].0 else {
            continue;
        };
        let here = timexes[i].1.span.start;
        let sentence = (n == 0).then(|| doc.sentence_at(here));
        let base = timexes[..i]
            .iter()
            .rev()
            .take_while(|(_, t)| here - t.span.start <= NARRATED_REACH)
            .take_while(|(_, t)| sentence.is_none_or(|s| doc.sentence_at(t.span.start) == s))
            // "overnight" is itself a guess at a night, no day to count from; and a look
            // back compares with the time told, not with another look back ("against 105
            // billion the previous week ... down 5% from the previous week" is one week).
            .filter(|(link, t)| {
                matches!(t.kind, TimexType::Date | TimexType::Time)
                    && !t.raw.eq_ignore_ascii_case("overnight")
                    && !(n < 0 && matches!(link, Some(Link::Narrated { .. })))
            })
            .find_map(|(_, t)| cut_to(&t.value, unit).map(|v| (v, t.id.clone(), t.span.start)));
        let Some((value, id, start)) = base else {
            // Nothing narrated to follow: "But the next day" in a story of last year is
            // not the day after publication. Known only as some day, month or year.
            if n != 0 {
                let t = &mut timexes[i].1;
                t.value = unknown(unit).to_owned();
                t.anchor = None;
            }
            continue;
        };
        // "down from 4.082 mln bpd in 1985 while crude runs rose from 2.9 mln the previous
        // year": the time compared with is already the earlier one.
        let n = if n < 0 && compared_with(&doc.body, start) {
            0
        } else {
            n
        };
        let moved = match unit {
            _ if n == 0 => Some(value.to_owned()),
            Unit::Day => next_day(value, n),
            Unit::Week => next_week(value, n),
            _ => shift_value(value, unit, n),
        };
        if let Some(value) = moved {
            let t = &mut timexes[i].1;
            t.value = value;
            t.anchor = Some(id);
        }
    }
}

/// Words that introduce the earlier side of a comparison ("up from 2.9 mln in 1985").
const COMPARED_WITH: &[&str] = &[
    "from ",
    "against ",
    "compared with ",
    "compared to ",
    "versus ",
    "vs ",
];

/// Whether the expression starting at byte `start` is the earlier side of a comparison:
/// one of [`COMPARED_WITH`] and an amount stand shortly before it in the same sentence
/// ("from 4.082 mln bpd in 1985"; not "imports from the EC in 1986").
fn compared_with(body: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(40);
    while from > 0 && !body.is_char_boundary(from) {
        from -= 1;
    }
    let Some(left) = body.get(from..start) else {
        return false;
    };
    // Within its sentence: after the last period or semicolon before whitespace ("4.082
    // mln" is no sentence end).
    let b = left.as_bytes();
    let cut = (1..b.len())
        .rev()
        .find(|&k| matches!(b[k - 1], b'.' | b';') && b[k].is_ascii_whitespace())
        .unwrap_or(0);
    let left = &left[cut..];
    let lower = left.to_ascii_lowercase();
    COMPARED_WITH.iter().any(|w| {
        lower.match_indices(w).any(|(k, _)| {
            let word_start = k == 0 || !lower[..k].ends_with(|c: char| c.is_alphanumeric());
            let amount = lower[k + w.len()..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '£' | '€'));
            word_start && amount
        })
    })
}

/// Whether the expression starting at byte `start` is a period compared with, named right
/// after one of [`COMPARED_WITH`] ("rose 0.4% in March from February").
fn compared_period(body: &str, start: usize) -> bool {
    let Some(left) = body.get(..start) else {
        return false;
    };
    let tail = left.get(left.len().saturating_sub(16)..).unwrap_or("");
    let lower = tail.to_ascii_lowercase();
    COMPARED_WITH.iter().any(|w| {
        lower.ends_with(w)
            && !lower[..lower.len() - w.len()].ends_with(|c: char| c.is_alphanumeric())
    })
}

/// A TIMEX3 value of one `unit` whose date is unknown.
fn unknown(unit: Unit) -> &'static str {
    match unit {
        Unit::Day => "XXXX-XX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        _ => "XXXX",
    }
}

/// The day `n` days from a `YYYY-MM-DD` value.
fn next_day(value: &str, n: i64) -> Option<String> {
    let day = Day::new(
        value.get(..4)?.parse().ok()?,
        value.get(5..7)?.parse().ok()?,
        value.get(8..10)?.parse().ok()?,
    )?
    .plus_days(n);
    writable(day.year).then(|| format!("{:04}-{:02}-{:02}", day.year, day.month, day.day))
}

/// The ISO week `n` weeks from a week (`YYYY-Www`) or the week of a day (`YYYY-MM-DD`).
fn next_week(value: &str, n: i64) -> Option<String> {
    let year: i64 = value.get(..4)?.parse().ok()?;
    let day = if let Some(w) = value.get(4..).and_then(|r| r.strip_prefix("-W")) {
        let week: i64 = w.get(..2)?.parse().ok()?;
        // Week 1 holds January 4; its Monday starts the count.
        let jan4 = Day::new(year, 1, 4)?;
        jan4.plus_days(1 - i64::from(jan4.weekday()) + 7 * (week - 1))
    } else {
        Day::new(
            year,
            value.get(5..7)?.parse().ok()?,
            value.get(8..10)?.parse().ok()?,
        )?
    };
    let (y, w) = day.plus_days(7 * n).iso_week();
    writable(y).then(|| format!("{y:04}-W{w:02}"))
}

/// The part of a date value that names `unit` (a day, month or year), if it names one.
fn cut_to(value: &str, unit: Unit) -> Option<&str> {
    let b = value.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    match unit {
        Unit::Day => names_a_day(value).then(|| &value[..10]),
        Unit::Week if names_a_day(value) => Some(&value[..10]),
        Unit::Week => {
            (digits(0..4) && value.get(4..6) == Some("-W") && digits(6..8)).then(|| &value[..8])
        }
        Unit::Month => {
            (digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7)).then(|| &value[..7])
        }
        Unit::Year => digits(0..4).then(|| &value[..4]),
        _ => None,
    }
}

/// The bare day of a range is anchored on the written date beside it, which gave its
/// month and year.
fn range_days(timexes: &mut [(Option<Link>, Timex)]) {
    for i in 0..timexes.len() {
        let Some(Link::Range(end)) = timexes[i].0 else {
            continue;
        };
        let beside = match end {
            End::Last => i.checked_sub(1),
            End::First => Some(i + 1),
        };
        timexes[i].1.anchor = beside
            .and_then(|j| timexes.get(j))
            .map(|(_, t)| t.id.clone());
    }
}

/// A clock time without a date takes the day of the nearest earlier expression of the
/// same paragraph that names a day; with none, it keeps the publication date.
fn date_clock_times(doc: &Document, timexes: &mut [(Option<Link>, Timex)]) {
    for i in 0..timexes.len() {
        if timexes[i].0 != Some(Link::Clock) {
            continue;
        }
        let here = timexes[i].1.span.start;
        let paragraph = doc.paragraph_at(here);
        let base = timexes[..i]
            .iter()
            .rev()
            .map(|(_, t)| t)
            .take_while(|t| doc.paragraph_at(t.span.start) == paragraph)
            .find(|t| matches!(t.kind, TimexType::Date | TimexType::Time) && names_a_day(&t.value));
        let Some(base) = base else {
            continue;
        };
        let (mut day, id) = (base.value[..10].to_owned(), base.id.clone());
        // "began at 11 p.m. on Tuesday and lasted until 6:15 a.m.": a morning clock after
        // an evening one of the same sentence is on the next day. Not after "midnight"
        // (`T24:00`), which is often the start of the day it is written on ("shortly after
        // midnight ... by 7 a.m.").
        let overnight = doc.sentence_at(base.span.start) == doc.sentence_at(here)
            && hour(&base.value).is_some_and(|h| (18..24).contains(&h))
            && hour(&timexes[i].1.value).is_some_and(|h| h < 12);
        if overnight && let Some(next) = next_day(&day, 1) {
            day = next;
        }
        let t = &mut timexes[i].1;
        if let Some(clock) = t.value.get(10..).filter(|c| c.starts_with('T')) {
            t.value = format!("{day}{clock}");
            t.anchor = Some(id);
        }
    }
}

/// The hour of a value's clock (`...THH:MM`), when it has one.
fn hour(value: &str) -> Option<u32> {
    let (_, clock) = value.split_once('T')?;
    clock.get(..2)?.parse().ok()
}

/// Whether a value starts with a full `YYYY-MM-DD` date.
fn names_a_day(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b[..4]
            .iter()
            .chain(&b[5..7])
            .chain(&b[8..10])
            .all(u8::is_ascii_digit)
}

/// How far back (in bytes) a reported quarter can anchor "a year ago".
const QUARTER_REACH: usize = 1200;

/// "a year earlier" and "a year ago" compare with a period just named: "profit rose in the
/// third quarter from a year earlier" is the third quarter of the year before, not the
/// year before the DCT. The period is the nearest earlier date of the same sentence finer
/// than a year (a quarter, month or day), or else, in business news where a story reports
/// on one quarter, the nearest quarter named shortly before. Only a single unit back
/// ("a year", "a month") is relinked: "four years ago" counts from the DCT.
fn relink_year_ago(doc: &Document, timexes: &mut [(Option<Link>, Timex)]) {
    for i in 0..timexes.len() {
        let Some(Link::Before { unit, n }) = timexes[i].0 else {
            continue;
        };
        if n != 1 {
            continue;
        }
        let here = timexes[i].1.span.start;
        // The compared period is current: not itself relinked, and started less than
        // [`CURRENT_MONTHS`] before the DCT's month ("the year-ago quarter" is no base).
        let dct_month = doc
            .published_date()
            .map(|d| i64::from(d.year()) * 12 + i64::from(d.month()) - 1);
        let current = |t: &Timex| {
            !t.anchor.as_deref().is_some_and(|a| a.starts_with('T'))
                && match (first_month(&t.value), dct_month) {
                    (Some(m), Some(d)) => m > d - CURRENT_MONTHS,
                    _ => false,
                }
        };
        let sentence = doc.sentence_at(here);
        let earlier = || {
            timexes[..i]
                .iter()
                .rev()
                .map(|(_, t)| t)
                .filter(|t| t.kind == TimexType::Date)
        };
        // "rose 0.4% in March from February and 3.1% from a year earlier": the period
        // reported on, not the one it was compared with, unless that is the only one.
        let candidates = || {
            earlier()
                .take_while(|t| doc.sentence_at(t.span.start) == sentence)
                .filter(|t| granularity_finer(&t.value, unit) && current(t))
        };
        let base = candidates()
            .find(|t| !compared_period(&doc.body, t.span.start))
            .or_else(|| candidates().next())
            .or_else(|| {
                (unit == Unit::Year)
                    .then(|| {
                        earlier()
                            .take_while(|t| here - t.span.start <= QUARTER_REACH)
                            .find(|t| {
                                t.value.len() == 7
                                    && t.value.as_bytes().get(5) == Some(&b'Q')
                                    && current(t)
                            })
                    })
                    .flatten()
            });
        let Some(base) = base else {
            continue;
        };
        if let Some(value) = shift_value(&base.value, unit, -n) {
            let id = base.id.clone();
            let t = &mut timexes[i].1;
            t.value = value;
            t.anchor = Some(id);
        }
    }
}

/// How recent (in months from its first month to the DCT's) a period must be to be the
/// base of "a year earlier": a quarter reported on ended within the year before the DCT.
const CURRENT_MONTHS: i64 = 12;

/// The first month of a date value (`2024`, `2024-Q3`, `2024-H2`, `2024-06`,
/// `2024-06-18`), as `year * 12 + month - 1`.
fn first_month(value: &str) -> Option<i64> {
    let year: i64 = value.get(..4)?.parse().ok()?;
    let rest = value.get(4..).unwrap_or("");
    let month = if let Some(q) = rest.strip_prefix("-Q") {
        (q.get(..1)?.parse::<i64>().ok()? - 1) * 3
    } else if let Some(h) = rest.strip_prefix("-H") {
        (h.get(..1)?.parse::<i64>().ok()? - 1) * 6
    } else if let Some(m) = rest.strip_prefix('-').and_then(|r| r.get(..2)) {
        m.parse::<i64>().ok()? - 1
    } else {
        0
    };
    Some(year * 12 + month)
}

/// Whether a date value names something smaller than `unit` ("2024-Q3" is finer than a
/// year; "2024" is not; weeks are left alone).
fn granularity_finer(value: &str, unit: Unit) -> bool {
    let digits = value
        .get(..4)
        .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()));
    if !digits || value.contains('W') {
        return false;
    }
    match unit {
        Unit::Year => value.len() > 4,
        Unit::Month => value.len() >= 10 && !value.contains('Q'),
        _ => false,
    }
}
