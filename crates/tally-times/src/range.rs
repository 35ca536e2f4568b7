//! The other end of a range of days written once with its month: "conducted Oct. 14-18"
//! (the 18th), "the summit runs 12–15 June" (the 12th). The bare day takes the month and
//! year of the written date, so both ends resolve alike whatever the tense rule would make
//! of a lone day; TimeML marks each end of a range as its own expression.
//!
//! A season or fiscal year written "2024-25" or "2023/24" is one period, not a range: its
//! second year ([`season_end`]) extends the expression of the first.

use crate::calendar::Day;
use crate::lex::{Kind, Tok};

/// Which end of the range the bare day is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum End {
    /// "Oct. 14-18": after the written date, a later day.
    Last,
    /// "12-15 June": before the written date, an earlier day.
    First,
}

/// A bare day joined by a dash to a written date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RangeDay {
    /// Its token.
    pub token: usize,
    pub day: u32,
    pub end: End,
}

/// The bare days joined by a dash to the date written at tokens `start..end` whose day of
/// the month is `day`.
pub(crate) fn range_days(tokens: &[Tok<'_>], start: usize, end: usize, day: u32) -> Vec<RangeDay> {
    let mut out = Vec::new();
    if let Some(n) = bare_day(tokens, end + 1).filter(|&n| n > day)
        && dash_between(tokens, end - 1, end + 1)
        && !glued_on(tokens, end + 1, end + 2)
    {
        out.push(RangeDay {
            token: end + 1,
            day: n,
            end: End::Last,
        });
    }
    if start >= 2
        && tokens[start].kind == Kind::Num
        && let Some(n) = bare_day(tokens, start - 2).filter(|&n| n < day)
        && dash_between(tokens, start - 2, start)
        && (start < 3 || !glued_on(tokens, start - 2, start - 3))
    {
        out.push(RangeDay {
            token: start - 2,
            day: n,
            end: End::First,
        });
    }
    out
}

/// The value of the range's other end: the resolved `YYYY-MM-DD` of the written date with
/// the bare day; `None` when the written date did not resolve to a day or the day does not
/// exist in its month.
pub(crate) fn other_end_value(value: &str, day: u32) -> Option<String> {
    let (year, month) = (
        value.get(..4)?.parse().ok()?,
        value.get(5..7)?.parse().ok()?,
    );
    if value.len() != 10 {
        return None;
    }
    Day::new(year, month, day)?;
    Some(format!("{}{day:02}", &value[..8]))
}

/// The token of the two-digit year closing a season written from the year at token
/// `year_tok` ("2024-25", "2023/24", "2024–25"): the next year's last two digits, joined
/// by a hyphen, en dash or slash, with nothing glued after ("2024-25-30" is no season).
pub(crate) fn season_end(tokens: &[Tok<'_>], year_tok: usize, year: i64) -> Option<usize> {
    let (y, d, e) = (
        tokens.get(year_tok)?,
        tokens.get(year_tok + 1)?,
        tokens.get(year_tok + 2)?,
    );
    let joined = matches!(d.text, "-" | "–" | "/") && y.end == d.start && d.end == e.start;
    let next = e.kind == Kind::Num && e.text.len() == 2 && e.number()? == (year + 1) % 100;
    (joined && next && !glued_on(tokens, year_tok + 2, year_tok + 3)).then_some(year_tok + 2)
}

/// A one- or two-digit day number at token `i`.
fn bare_day(tokens: &[Tok<'_>], i: usize) -> Option<u32> {
    let t = tokens
        .get(i)
        .filter(|t| t.kind == Kind::Num && t.text.len() <= 2)?;
    u32::try_from(t.number()?)
        .ok()
        .filter(|n| (1..=31).contains(n))
}

/// Whether tokens `a` and `b` are joined by a hyphen or an en dash, with no space.
pub(crate) fn dash_between(tokens: &[Tok<'_>], a: usize, b: usize) -> bool {
    let (Some(l), Some(d), Some(r)) = (tokens.get(a), tokens.get(a + 1), tokens.get(b)) else {
        return false;
    };
    a + 2 == b && matches!(d.text, "-" | "–") && l.end == d.start && d.end == r.start
}

/// Whether token `next` (beside the bare day at `i`) is glued to it and not a closing mark:
/// "4-3/8" is a fraction, "14-18-year-olds" an age.
fn glued_on(tokens: &[Tok<'_>], i: usize, next: usize) -> bool {
    let (Some(day), Some(t)) = (tokens.get(i), tokens.get(next)) else {
        return false;
    };
    let touching = if next > i {
        day.end == t.start
    } else {
        t.end == day.start
    };
    touching && !matches!(t.text, "," | "." | ";" | ":" | ")" | "(")
}
