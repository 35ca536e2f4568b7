//! Calendar expressions: dates with written pieces, years, decades, centuries, quarters,
//! seasons, holidays and weekdays.

use super::{Hit, Parser, date};
use crate::expr::{Expr, Rel, YearRef};
use crate::lex::Kind;
use crate::lexicon::{Class, Unit};

/// Words after which an ambiguous month name ("May", "March") is a month.
const MONTH_CONTEXT: &[&str] = &[
    "in",
    "of",
    "since",
    "until",
    "till",
    "by",
    "from",
    "through",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "during",
    "before",
    "after",
    "to",
    "between",
    "and",
    "-",
    "end",
    "beginning",
    "until",
    "on",
    "that",
    "every",
    "each",
    "throughout",
];
/// Prepositions after which a four-digit number outside 1900–2099 is still a year.
const YEAR_CONTEXT: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "before", "after", "of", "during", "through",
    "to", "between", "and", "year", "fiscal", "mid", "early", "late", "circa",
];
/// Month names that are also common words.
fn ambiguous_month(lower: &str) -> bool {
    matches!(
        lower,
        "may" | "march" | "august" | "mar" | "jan" | "sat" | "sun"
    )
}

impl Parser<'_, '_> {
    /// Calendar dates with written pieces.
    pub(super) fn date(&self, i: usize) -> Option<Hit> {
        let mut best: Option<Hit> = None;
        let mut offer = |hit: Option<Hit>| {
            if let Some(h) = hit
                && best.as_ref().is_none_or(|b| h.0 > b.0)
            {
                best = Some(h);
            }
        };
        offer(self.month_first(i));
        offer(self.day_first(i));
        offer(self.numeric_date(i));
        offer(self.bare_year(i));
        offer(self.decade(i));
        offer(self.century(i));
        offer(self.quarter(i));
        offer(self.season(i));
        offer(self.holiday(i));
        offer(self.year_end(i));
        best
    }

    /// "December 18, 2024", "Dec. 18", "February 2022", "June of 1989", "June last year",
    /// "June".
    pub(super) fn month_first(&self, i: usize) -> Option<Hit> {
        let (month, j) = self.month(i)?;
        if let Some((day, k)) = self.day_num(j) {
            // "June 1989" is a month and year, not June 19 and 89.
            if self.tok(j).is_some_and(|t| t.text.len() <= 2) {
                let k2 = if self.is(k, ",") { k + 1 } else { k };
                if let Some((year, end)) = self.date_year(k2) {
                    return Some((end, date(YearRef::Given(year), Some(month), Some(day))));
                }
                // "Oct. 14-18, 2023": the year after a range's end is the start's too.
                let year = self
                    .year_after_range(k)
                    .map_or(YearRef::Auto, YearRef::Given);
                return Some((k, date(year, Some(month), Some(day))));
            }
        }
        let k = if self.is_any(j, &["of", ","]) {
            j + 1
        } else {
            j
        };
        if let Some((year, end)) = self.date_year(k) {
            return Some((end, date(YearRef::Given(year), Some(month), None)));
        }
        // "January this year", "June last year".
        if let Some((rel, end)) = self.relative_year(j) {
            return Some((end, date(YearRef::Rel(rel), Some(month), None)));
        }
        let lower = self.low(i);
        // "scheduled for March", "planned for May": after "for" only a capitalized name is
        // the month ("a permit for march" is the walk).
        let after_for = i > 0
            && self.is(i - 1, "for")
            && self
                .tok(i)
                .and_then(|t| t.text.chars().next())
                .is_some_and(char::is_uppercase);
        if ambiguous_month(lower) && !(i > 0 && self.is_any(i - 1, MONTH_CONTEXT)) && !after_for {
            return None;
        }
        if self.caps_modal_may(i) {
            return None;
        }
        Some((j, date(YearRef::Auto, Some(month), None)))
    }

    /// The year written after the bare end day of a range that starts at token `i`
    /// ("-18, 2023").
    fn year_after_range(&self, i: usize) -> Option<i64> {
        self.tok(i + 1)
            .filter(|t| t.kind == Kind::Num && t.text.len() <= 2)?;
        if !crate::range::dash_between(self.t, i.checked_sub(1)?, i + 1) {
            return None;
        }
        let k = if self.is(i + 2, ",") { i + 3 } else { i + 2 };
        self.date_year(k).map(|(year, _)| year)
    }

    /// "this year", "last year", "next year" (also with "'s"): the year offset and the end.
    fn relative_year(&self, i: usize) -> Option<(i64, usize)> {
        let rel = match self.low(i) {
            "this" => 0,
            "last" => -1,
            "next" => 1,
            _ => return None,
        };
        if !self.is(i + 1, "year") {
            return None;
        }
        let end = if self.is_any(i + 2, &["'", "’"]) && self.is(i + 3, "s") {
            i + 4
        } else {
            i + 2
        };
        Some((rel, end))
    }

    /// "18 December 2024", "the 18th of December".
    pub(super) fn day_first(&self, i: usize) -> Option<Hit> {
        let the = self.is(i, "the");
        let s = if the { i + 1 } else { i };
        let (day, j) = self.day_num(s)?;
        // "the 18 December" is not English; "the 18th of December" is.
        let suffixed = j > s + 1 || self.tok(s).is_some_and(|t| t.kind == Kind::Word);
        if the && !suffixed {
            return None;
        }
        let of = self.is(j, "of");
        let (month, k) = self.month(if of { j + 1 } else { j })?;
        let k2 = if self.is(k, ",") { k + 1 } else { k };
        if let Some((year, end)) = self.date_year(k2) {
            return Some((end, date(YearRef::Given(year), Some(month), Some(day))));
        }
        // Wire datelines write two-digit years: "SAN SALVADOR, 3 JAN 90 --".
        if let Some(yy) = self
            .tok(k)
            .filter(|t| t.kind == Kind::Num && t.text.len() == 2)
            .and_then(|t| t.number())
            && !self.tok(k + 1).is_some_and(|t| t.kind != Kind::Punct)
        {
            let year = if yy <= 30 { 2000 + yy } else { 1900 + yy };
            return Some((k + 1, date(YearRef::Given(year), Some(month), Some(day))));
        }
        Some((k, date(YearRef::Auto, Some(month), Some(day))))
    }

    /// "2024-12-18" (ISO), "12/18/2024" (only when the order is unambiguous: a part over 12
    /// is the day; when both are 12 or less only the year is certain).
    pub(super) fn numeric_date(&self, i: usize) -> Option<Hit> {
        let a = self.tok(i)?;
        if a.kind != Kind::Num {
            return None;
        }
        let sep = self.low(i + 1);
        if !matches!(sep, "-" | "/") || !self.touching(i + 1) || !self.touching(i + 2) {
            return None;
        }
        let b = self.tok(i + 2).filter(|t| t.kind == Kind::Num)?;
        if self.low(i + 3) != sep || !self.touching(i + 3) || !self.touching(i + 4) {
            return None;
        }
        let c = self.tok(i + 4).filter(|t| t.kind == Kind::Num)?;
        let (na, nb, nc) = (a.number()?, b.number()?, c.number()?);
        let end = i + 5;
        // A fourth number glued on ("12/18/2024/5") is not a date.
        if self.touching(end) && self.tok(end).is_some_and(|t| t.kind != Kind::Punct) {
            return None;
        }
        let to_u32 = |n: i64| u32::try_from(n).ok();
        if a.text.len() == 4 && sep == "-" {
            let (m, d) = (to_u32(nb)?, to_u32(nc)?);
            return crate::calendar::Day::new(na, m, d)
                .map(|_| (end, date(YearRef::Given(na), Some(m), Some(d))));
        }
        if sep != "/" || a.text.len() > 2 || b.text.len() > 2 {
            return None;
        }
        let year = match c.text.len() {
            4 => nc,
            2 if nc <= 30 => 2000 + nc,
            2 => 1900 + nc,
            _ => return None,
        };
        let (month, day) = match (na, nb) {
            (m, d) if m <= 12 && d > 12 => (m, d),
            (d, m) if d > 12 && m <= 12 => (m, d),
            (x, y) if x <= 12 && y <= 12 && x >= 1 && y >= 1 => {
                return Some((end, date(YearRef::Given(year), None, None)));
            }
            _ => return None,
        };
        let (m, d) = (to_u32(month)?, to_u32(day)?);
        crate::calendar::Day::new(year, m, d)?;
        Some((end, date(YearRef::Given(year), Some(m), Some(d))))
    }

    /// A year on its own: 1900–2099 anywhere, other four-digit years after a preposition
    /// ("in 1066"); "fiscal 1989", "the year 2000", "nineteen ninety-six".
    pub(super) fn bare_year(&self, i: usize) -> Option<Hit> {
        if self.is(i, "fiscal") {
            let j = if self.is(i + 1, "year") { i + 2 } else { i + 1 };
            let (year, end) = self.year4(j)?;
            return Some((end, date(YearRef::Given(year), None, None)));
        }
        // "FY2025", "FY 2025", "FY25": a fiscal year by its number.
        if self.is(i, "fy") && self.tok(i).is_some_and(|t| t.text == "FY") {
            if let Some((year, end)) = self.year4(i + 1) {
                return Some((end, date(YearRef::Given(year), None, None)));
            }
            let yy = self
                .tok(i + 1)
                .filter(|t| t.kind == Kind::Num && t.text.len() == 2 && self.touching(i + 1))?;
            if self.tok(i + 2).is_some_and(|t| t.kind != Kind::Punct) && self.touching(i + 2) {
                return None;
            }
            let yy = yy.number()?;
            let year = if yy <= 50 { 2000 + yy } else { 1900 + yy };
            return Some((i + 2, date(YearRef::Given(year), None, None)));
        }
        if self.is(i, "the") && self.is(i + 1, "year") {
            if let Some((year, end)) = self.year4(i + 2).or_else(|| self.spoken_year(i + 2)) {
                return Some((end, date(YearRef::Given(year), None, None)));
            }
            // "the year two thousand (and one)".
            let j = self.phrase(i + 2, &["two", "thousand"])?;
            let (extra, end) = match self.amount(j + usize::from(self.is(j, "and"))) {
                Some((crate::expr::Amount::Known(n), end)) if (1.0..100.0).contains(&n) =>
                {
                    #[allow(clippy::cast_possible_truncation)]
                    (n as i64, end)
                }
                _ => (0, j),
            };
            return Some((end, date(YearRef::Given(2000 + extra), None, None)));
        }
        if let Some((year, end)) = self.spoken_year(i) {
            return Some((end, date(YearRef::Given(year), None, None)));
        }
        let (year, end) = self.year4(i)?;
        let context = i > 0 && self.is_any(i - 1, YEAR_CONTEXT);
        if !(1900..=2099).contains(&year) && !context {
            return None;
        }
        Some((end, date(YearRef::Given(year), None, None)))
    }

    /// "the 1990s", "1990's", "the '90s", "the nineties".
    pub(super) fn decade(&self, i: usize) -> Option<Hit> {
        let s = if self.is(i, "the") { i + 1 } else { i };
        if let Some(start) = self.classes(s).iter().find_map(|c| match c {
            Class::DecadeWord(d) => Some(*d),
            _ => None,
        }) {
            // "the nineties"; a bare "sixties" can be an age ("in their sixties").
            if s == i || (i > 0 && self.is_any(i - 1, &["their", "his", "her", "its"])) {
                return None;
            }
            return Some((s + 1, Expr::Decade(start)));
        }
        let two_digits = s > i
            && self
                .tok(s)
                .is_some_and(|t| t.kind == Kind::Num && t.text.len() == 2)
            && !(i > 0
                && self.is_any(
                    i - 1,
                    &["their", "his", "her", "its", "early", "mid", "late"],
                ));
        let (decade, j) = if two_digits {
            // "the 80s" (not "in their 80s", an age).
            let yy = self.tok(s)?.number()?;
            if yy % 10 != 0 {
                return None;
            }
            (if yy <= 20 { 2000 + yy } else { 1900 + yy }, s + 1)
        } else if self.is_any(s, &["'", "’"]) {
            let tok = self
                .tok(s + 1)
                .filter(|t| t.kind == Kind::Num && t.text.len() == 2)?;
            let yy = tok.number()?;
            if yy % 10 != 0 {
                return None;
            }
            (if yy <= 20 { 2000 + yy } else { 1900 + yy }, s + 2)
        } else {
            let tok = self
                .tok(s)
                .filter(|t| t.kind == Kind::Num && t.text.len() == 4)?;
            let y = tok.number()?;
            if y % 10 != 0 {
                return None;
            }
            (y, s + 1)
        };
        // "s" glued on, or "'s".
        let end = if self.is(j, "s") && self.touching(j) {
            j + 1
        } else if self.is_any(j, &["'", "’"]) && self.is(j + 1, "s") && self.touching(j + 1) {
            j + 2
        } else {
            return None;
        };
        Some((end, Expr::Decade(decade)))
    }

    /// All-caps copy hides the modal: "GROUPS THAT MAY GENERATE FUNDS AND MAY SURVIVE". A
    /// bare "MAY" after "that", or after "and"/"or" with no month or number before them
    /// ("APRIL AND MAY"), is the verb.
    fn caps_modal_may(&self, i: usize) -> bool {
        if self.tok(i).is_none_or(|t| t.text != "MAY") || i == 0 {
            return false;
        }
        let listed_before = i >= 2
            && (self.month(i - 2).is_some()
                || self.tok(i - 2).is_some_and(|t| t.number().is_some()));
        self.is(i - 1, "that") || (self.is_any(i - 1, &["and", "or"]) && !listed_before)
    }

    /// "the 20th century", "the twenty-first century".
    pub(super) fn century(&self, i: usize) -> Option<Hit> {
        let s = if self.is(i, "the") { i + 1 } else { i };
        let (n, j) = self.ordinal(s)?;
        let j = self.hyphen(j);
        if !self.is_any(j, &["century"]) {
            return None;
        }
        // "21st Century Fox", "the 20th Century Fund": a name, when a capitalized word
        // follows a capitalized "Century" (all-caps copy capitalizes everything).
        let capital = |k: usize| self.tok(k).is_some_and(|t| t.capital);
        let all_caps = self.tok(j).is_some_and(|t| t.text == "CENTURY");
        if capital(j) && capital(j + 1) && !all_caps {
            return None;
        }
        Some((j + 1, Expr::Century(i64::from(n))))
    }

    /// "the third quarter (of 1990)", "third-quarter", "Q3 2024", "the first half of 2024",
    /// "the fiscal first quarter", "the 1988 second quarter", "this year's third quarter",
    /// "the quarter", "the latest quarter", "the year-ago quarter".
    pub(super) fn quarter(&self, i: usize) -> Option<Hit> {
        let the = self.is(i, "the");
        let mut s = if the { i + 1 } else { i };
        if let Some(hit) = self.reported_quarter(i, s) {
            return Some(hit);
        }
        // "the December quarter", "the June-quarter results": the calendar quarter that
        // ends with that month (a month that ends none, "the January quarter", names a
        // fiscal quarter: not read).
        if the
            && let Some((m, j)) = self.month(s)
            && m % 3 == 0
        {
            let j = self.hyphen(j);
            if self.is(j, "quarter") {
                let k = if self.is(j + 1, "of") { j + 2 } else { j + 1 };
                // "the September quarter last year".
                let (year, end) = self
                    .date_year(k)
                    .map(|(y, end)| (YearRef::Given(y), end))
                    .or_else(|| {
                        self.relative_year(j + 1)
                            .map(|(r, end)| (YearRef::Rel(r), end))
                    })
                    .unwrap_or((YearRef::Auto, j + 1));
                return Some((
                    end,
                    Expr::Quarter {
                        quarter: m / 3,
                        year,
                    },
                ));
            }
        }
        let mut year_before = None;
        if let Some((rel, end)) = self.relative_year(s)
            && end > s + 2
        {
            year_before = Some(YearRef::Rel(rel));
            s = end;
        }
        if self.is(s, "fiscal") {
            s = self.hyphen(s + 1);
        }
        if year_before.is_none()
            && let Some((y, end)) = self.year4(s)
        {
            year_before = Some(YearRef::Given(y));
            s = end;
        }
        let half = self.is(s, "h");
        let (n, unit, j) = if (half || self.is(s, "q")) && self.tok(s).is_some_and(|t| t.capital) {
            let tok = self
                .tok(s + 1)
                .filter(|t| t.kind == Kind::Num && t.text.len() == 1)?;
            if !self.touching(s + 1) {
                return None;
            }
            if half {
                // "H1 2025", "in H2": a half year only with a year or a preposition, and
                // not inside a code ("H1N1", "H2O").
                let code =
                    self.touching(s + 2) && self.tok(s + 2).is_some_and(|t| t.kind != Kind::Punct);
                let framed = self.date_year(s + 2).is_some()
                    || year_before.is_some()
                    || (s > 0
                        && self.is_any(
                            s - 1,
                            &["in", "for", "during", "of", "the", "since", "through", "by"],
                        ));
                if code || !framed {
                    return None;
                }
            }
            let unit = if half { Unit::HalfYear } else { Unit::Quarter };
            (u32::try_from(tok.number()?).ok()?, unit, s + 2)
        } else {
            // "the final quarter", "the last quarter of 2009" are the fourth.
            let (n, j) = match self.ordinal(s) {
                Some(hit) => hit,
                None if self.is_any(s, &["final", "last"])
                    && self.is_any(s + 1, &["quarter", "half"])
                    && (self.is(s + 2, "of") || self.is(s, "final")) =>
                {
                    (if self.is(s + 1, "quarter") { 4 } else { 2 }, s + 1)
                }
                None => return None,
            };
            let j = self.hyphen(j);
            let (unit, plural, k) = self.unit(j)?;
            if plural || !matches!(unit, Unit::Quarter | Unit::HalfYear) {
                return None;
            }
            (n, unit, k)
        };
        let max = if unit == Unit::Quarter { 4 } else { 2 };
        if !(1..=max).contains(&n) {
            return None;
        }
        let k = if self.is_any(j, &["of", ","]) {
            j + 1
        } else {
            j
        };
        let after = self
            .date_year(k)
            .map(|(y, end)| (YearRef::Given(y), end))
            .or_else(|| self.relative_year(k).map(|(r, end)| (YearRef::Rel(r), end)));
        let (year, end) = match (year_before, after) {
            (Some(y), _) => (y, j),
            (None, Some((y, end))) => (y, end),
            (None, None) => {
                // "first half" alone is too often not a date ("the first half of the
                // match"); a half needs "the" and a year or a hyphen.
                if unit == Unit::HalfYear && !self.hyphenated_adjective(j) && !the && !half {
                    return None;
                }
                // "the first half of the match", "the fourth quarter of the game": a
                // game's, not the year's.
                if self.is(j, "of")
                    && self.is_any(j + 1, &["the", "a", "this", "that", "its", "their"])
                    && self.lex.is_game(self.low(j + 2))
                {
                    return None;
                }
                (YearRef::Auto, j)
            }
        };
        let expr = if unit == Unit::Quarter {
            Expr::Quarter { quarter: n, year }
        } else {
            Expr::Half { half: n, year }
        };
        Some((end, expr))
    }

    /// "the quarter", "the latest quarter", "the most recent quarter", and the year-ago
    /// ones ("the year-earlier quarter", "the year-ago period", "the comparable year-ago
    /// third quarter"); `s` is past any "the".
    fn reported_quarter(&self, i: usize, s: usize) -> Option<Hit> {
        let mut j = s;
        if self.is(j, "comparable") {
            j += 1;
        }
        let year_ago = self
            .phrase(j, &["year", "-", "ago"])
            .or_else(|| self.phrase(j, &["year", "-", "earlier"]));
        if let Some(k) = year_ago {
            // "the year-ago quarter", "year-earlier" alone.
            let (base, end) = if let Some((end, expr)) = self.quarter(k) {
                (Some(Box::new(expr)), end)
            } else if self.is_any(k, &["quarter", "period"]) {
                (Some(Box::new(Expr::LatestQuarter)), k + 1)
            } else if s == i {
                (None, k)
            } else {
                return None;
            };
            return Some((
                end,
                Expr::Before {
                    unit: Unit::Year,
                    n: 1,
                    base,
                },
            ));
        }
        if s == i {
            return None;
        }
        // "the 1988 quarter", "the 1989 period": the quarter reported on, in that year.
        if let Some((year, k)) = self.year4(j)
            && self.is_any(k, &["quarter", "period"])
        {
            return Some((k + 1, Expr::LatestQuarterIn(year)));
        }
        let k = if self.is_any(j, &["latest", "recent"]) {
            j + 1
        } else if self.is(j, "most") && self.is(j + 1, "recent") {
            j + 2
        } else {
            j
        };
        // "the latest quarter" is the last one completed, whatever the tense ("expects
        // revenue in the latest quarter to total"); "the quarter" alone may be the current
        // one in a future clause. "The latest period" in a results story is the quarter
        // reported on.
        if k > j && self.is_any(k, &["quarter", "period"]) {
            return Some((
                k + 1,
                Expr::Shift {
                    unit: Unit::Quarter,
                    n: -1,
                },
            ));
        }
        if !self.is(k, "quarter") {
            return None;
        }
        Some((
            k + 1,
            self.quarter_ended(k + 1).unwrap_or(Expr::LatestQuarter),
        ))
    }

    /// After "the quarter": the calendar quarter named by the month it ended in ("the quarter
    /// that ended in September", "the quarter ended June 30, 1987", "the quarter to March"),
    /// which is not always the last one complete ("posted a loss for the quarter ended June
    /// 30" in November). A month that ends no calendar quarter is a fiscal one: `None`.
    fn quarter_ended(&self, i: usize) -> Option<Expr> {
        let i = if self.is_any(i, &["that", "which"]) {
            i + 1
        } else {
            i
        };
        if !self.is_any(i, &["ended", "ending", "ends", "to", "through"]) {
            return None;
        }
        let i = if self.is(i + 1, "in") { i + 2 } else { i + 1 };
        let (m, j) = self.month(i)?;
        if m % 3 != 0 {
            return None;
        }
        let k = self.day_num(j).map_or(j, |(_, k)| k);
        let k = if self.is(k, ",") { k + 1 } else { k };
        let year = self
            .date_year(k)
            .map_or(YearRef::Auto, |(y, _)| YearRef::Given(y));
        Some(Expr::Quarter {
            quarter: m / 3,
            year,
        })
    }

    /// Whether the unit ending at `j` was written as "third-quarter" (an adjective).
    pub(super) fn hyphenated_adjective(&self, j: usize) -> bool {
        j >= 2 && self.is_any(j - 2, &["-", "‐", "–"])
    }

    /// "summer 2024", "the summer of 2022", "in the spring".
    pub(super) fn season(&self, i: usize) -> Option<Hit> {
        let the = self.is(i, "the");
        let s = if the { i + 1 } else { i };
        let code = self.classes(s).iter().find_map(|c| match c {
            Class::Season(code) => Some(*code),
            _ => None,
        })?;
        let k = if self.is(s + 1, "of") { s + 2 } else { s + 1 };
        if let Some((year, end)) = self.date_year(k) {
            return Some((
                end,
                Expr::Season {
                    code,
                    year: YearRef::Given(year),
                },
            ));
        }
        // A bare season needs "the" or a preposition ("in the spring", "in spring"):
        // "spring" and "fall" are also common words. "The fall" is a noun of change as
        // often ("had driven the fall", "the fall of the city", "the fall in prices"): it
        // needs the preposition and no complement of its own ("heading into the fall").
        let introduced = i > 0
            && self.is_any(
                i - 1,
                &[
                    "in",
                    "during",
                    "since",
                    "until",
                    "by",
                    "into",
                    "through",
                    "throughout",
                ],
            );
        // A season before a noun it modifies ("the fall campaign") or coordinated with
        // another season ("the fall and winter", "spring and fall") is no noun of change.
        let is_season = |k: usize| {
            self.classes(k)
                .iter()
                .any(|c| matches!(c, Class::Season(_)))
        };
        let adjective = the && self.lex.is_seasonal(self.low(s + 1));
        let coordinated = self.is_any(s + 1, &["and", "or"]) && is_season(s + 2)
            || s >= 2 && self.is_any(s - 1, &["and", "or"]) && is_season(s - 2);
        if self.is(s, "fall")
            && !adjective
            && !coordinated
            && (!introduced || self.is_any(s + 1, &["of", "in"]))
        {
            return None;
        }
        if !(the || introduced || coordinated) {
            return None;
        }
        Some((
            s + 1,
            Expr::Season {
                code,
                year: YearRef::Auto,
            },
        ))
    }

    /// "Christmas", "Thanksgiving Day", "New Year's Eve 1999".
    pub(super) fn holiday(&self, i: usize) -> Option<Hit> {
        if !self.tok(i).is_some_and(|t| t.capital) {
            return None;
        }
        // Only the holidays whose first word is this token can match here.
        let (rule, j) = self
            .lex
            .holidays_from(self.low(i))
            .iter()
            .find_map(|h| self.phrase(i, &h.words).map(|j| (h.rule, j)))?;
        let k = if self.is(j, ",") { j + 1 } else { j };
        if let Some((year, end)) = self.date_year(k) {
            return Some((
                end,
                Expr::Holiday {
                    rule,
                    year: YearRef::Given(year),
                },
            ));
        }
        Some((
            j,
            Expr::Holiday {
                rule,
                year: YearRef::Auto,
            },
        ))
    }

    /// "Tuesday", "on Friday", "Tuesday, Dec. 17, 2024".
    pub(super) fn weekday_expr(&self, i: usize) -> Option<Hit> {
        let (weekday, j) = self.weekday(i)?;
        let k = if self.is(j, ",") { j + 1 } else { j };
        if let Some((end, expr @ Expr::Date { day: Some(_), .. })) =
            self.month_first(k).or_else(|| self.day_first(k))
        {
            return Some((end, expr));
        }
        Some((
            j,
            Expr::Weekday {
                weekday,
                rel: Rel::Auto,
            },
        ))
    }

    /// "year-end", "year end": the last day of the year.
    pub(super) fn year_end(&self, i: usize) -> Option<Hit> {
        if !self.is(i, "year") {
            return None;
        }
        let j = self.hyphen(i + 1);
        self.is(j, "end").then_some((j + 1, Expr::YearEnd))
    }
}
