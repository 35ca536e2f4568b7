//! The grammar of English time expressions, over the tokens of a window.
//!
//! [`Parser::parse_at`] tries every production at a token and keeps the longest match. A
//! production is a plain function that reads tokens and returns where it stopped and what
//! it read ([`Expr`]); modifiers ("early", "about", "the end of") wrap the productions
//! they apply to. Nothing here knows the publication date: resolution does that.

use tally_core::TimexMod;

use crate::expr::{Amount, Expr, Rel, YearRef};
use crate::lex::{Kind, Tok};
use crate::lexicon::{Class, Lexicon, ModScope, Part, RefKind, Unit};

/// A time expression found in a window: tokens `start..end`, its meaning and modifier.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub modifier: Option<TimexMod>,
}

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

fn full_month_name(lower: &str) -> bool {
    matches!(
        lower,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

fn full_weekday_name(lower: &str) -> bool {
    lower.ends_with("day")
}

/// Reads time expressions from a token slice.
pub(crate) struct Parser<'a, 't> {
    pub t: &'t [Tok<'a>],
    pub lex: &'a Lexicon,
}

type Hit = (usize, Expr);

impl Parser<'_, '_> {
    fn tok(&self, i: usize) -> Option<&Tok<'_>> {
        self.t.get(i)
    }

    fn low(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| t.lower.as_str())
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.low(i) == word
    }

    fn is_any(&self, i: usize, words: &[&str]) -> bool {
        let w = self.low(i);
        !w.is_empty() && words.contains(&w)
    }

    /// Whether token `i` starts right where token `i - 1` ends.
    fn touching(&self, i: usize) -> bool {
        i > 0
            && match (self.t.get(i - 1), self.t.get(i)) {
                (Some(a), Some(b)) => a.end == b.start,
                _ => false,
            }
    }

    fn classes(&self, i: usize) -> &[Class] {
        self.t.get(i).map_or(&[], |t| t.classes)
    }

    /// Matches a sequence of lowercase words (punctuation tokens included, like `'`).
    fn phrase(&self, i: usize, words: &[&str]) -> Option<usize> {
        let mut j = i;
        for w in words {
            if *w == "'s" {
                // "new year's": apostrophe and s, straight or curly.
                if self.is(j, "'") && self.is(j + 1, "s") {
                    j += 2;
                    continue;
                }
                return None;
            }
            if let Some((head, tail)) = w.split_once('\'') {
                if self.is(j, head) && self.is(j + 1, "'") && self.is(j + 2, tail) {
                    j += 3;
                    continue;
                }
                return None;
            }
            if !self.is(j, w) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// Skips a hyphen (or dash) touching the previous token: "mid-2023", "third-quarter".
    fn hyphen(&self, i: usize) -> usize {
        if self.is_any(i, &["-", "‐", "–"]) && self.touching(i) {
            i + 1
        } else {
            i
        }
    }

    /// Skips a period touching the previous token ("Dec.").
    fn period(&self, i: usize) -> usize {
        if self.is(i, ".") && self.touching(i) {
            i + 1
        } else {
            i
        }
    }

    // ----- Words -------------------------------------------------------------------------

    /// A month name. Abbreviations need their period or a following number; every month
    /// name needs a capital, as English writes them.
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let tok = self.tok(i)?;
        if tok.kind != Kind::Word || !tok.capital {
            return None;
        }
        let m = tok.classes.iter().find_map(|c| match c {
            Class::Month(m) => Some(*m),
            _ => None,
        })?;
        if full_month_name(&tok.lower) {
            return Some((m, i + 1));
        }
        let after = self.period(i + 1);
        if after > i + 1 || self.tok(i + 1).is_some_and(|t| t.kind == Kind::Num) {
            Some((m, after))
        } else {
            None
        }
    }

    /// A weekday name; abbreviations need a capital and their period.
    fn weekday(&self, i: usize) -> Option<(u32, usize)> {
        let tok = self.tok(i)?;
        if tok.kind != Kind::Word || !tok.capital {
            return None;
        }
        let d = tok.classes.iter().find_map(|c| match c {
            Class::Weekday(d) => Some(*d),
            _ => None,
        })?;
        if full_weekday_name(&tok.lower) {
            return Some((d, i + 1));
        }
        let after = self.period(i + 1);
        (after > i + 1).then_some((d, after))
    }

    fn unit(&self, i: usize) -> Option<(Unit, bool, usize)> {
        let tok = self.tok(i)?;
        let unit = tok.classes.iter().find_map(|c| match c {
            Class::Unit(u) => Some(*u),
            _ => None,
        })?;
        let plural = tok.lower.ends_with('s') && tok.lower != "hrs" || tok.lower == "centuries";
        Some((unit, plural, i + 1))
    }

    fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        let tok = self.tok(i)?;
        if tok.kind == Kind::Num {
            let n = u32::try_from(tok.number()?).ok()?;
            if self.is_any(i + 1, &["st", "nd", "rd", "th"]) && self.touching(i + 1) {
                return Some((n, i + 2));
            }
            return None;
        }
        // "twenty-first", "thirty first".
        if let Some(Class::Number(tens)) = tok.classes.first()
            && (20.0..=90.0).contains(tens)
        {
            let j = self.hyphen(i + 1);
            let unit = self.classes(j).iter().find_map(|c| match c {
                Class::Ordinal(n) if *n < 10 => Some(*n),
                _ => None,
            });
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            return unit.map(|u| (*tens as u32 + u, j + 1));
        }
        tok.classes.iter().find_map(|c| match c {
            Class::Ordinal(n) => Some((*n, i + 1)),
            _ => None,
        })
    }

    /// A day of the month: 1–31 with an optional suffix ("18", "18th"), or an ordinal word.
    fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        let tok = self.tok(i)?;
        if tok.kind == Kind::Num {
            if tok.text.len() > 2 {
                return None;
            }
            let d = u32::try_from(tok.number()?).ok()?;
            if !(1..=31).contains(&d) {
                return None;
            }
            // "18:30" is a clock time, "18.5" a number, "18,000" a figure.
            if self.is_any(i + 1, &[":", ".", ","])
                && self.touching(i + 1)
                && self.tok(i + 2).is_some_and(|t| t.kind == Kind::Num)
                && self.touching(i + 2)
            {
                return None;
            }
            if self.is_any(i + 1, &["st", "nd", "rd", "th"]) && self.touching(i + 1) {
                return Some((d, i + 2));
            }
            return Some((d, i + 1));
        }
        self.ordinal(i).filter(|(d, _)| (1..=31).contains(d))
    }

    /// A four-digit year (1000–2999) that is not part of a bigger number.
    fn year4(&self, i: usize) -> Option<(i64, usize)> {
        let tok = self.tok(i)?;
        if tok.kind != Kind::Num || tok.text.len() != 4 {
            return None;
        }
        let y = tok.number()?;
        if !(1000..=2999).contains(&y) {
            return None;
        }
        // "2,024", "$2024", "2024.5", "2024%": numbers, not years.
        if i > 0 && self.touching(i) && self.is_any(i - 1, &[",", ".", "$", "£", "€"]) {
            return None;
        }
        if self.is_any(i + 1, &[",", "."])
            && self.touching(i + 1)
            && self.tok(i + 2).is_some_and(|t| t.kind == Kind::Num)
            && self.touching(i + 2)
        {
            return None;
        }
        if self.is(i + 1, "%") {
            return None;
        }
        // "1990s" is a decade; "2024th" an ordinal.
        if self.tok(i + 1).is_some_and(|t| t.kind == Kind::Word) && self.touching(i + 1) {
            return None;
        }
        Some((y, i + 1))
    }

    /// A year after a month or day: four digits, or an apostrophe and two ("'98").
    fn date_year(&self, i: usize) -> Option<(i64, usize)> {
        if let Some(y) = self.year4(i) {
            return Some(y);
        }
        if self.is_any(i, &["'", "’"]) {
            let tok = self.tok(i + 1)?;
            if tok.kind == Kind::Num && tok.text.len() == 2 && self.touching(i + 1) {
                let yy = tok.number()?;
                return Some((if yy <= 30 { 2000 + yy } else { 1900 + yy }, i + 2));
            }
        }
        None
    }

    /// An amount: digits (with thousands separators and decimals), number words
    /// ("twenty-four", "two hundred", "a", "half a"), or a vague amount ("several").
    fn amount(&self, i: usize) -> Option<(Amount, usize)> {
        let tok = self.tok(i)?;
        if tok.kind == Kind::Num {
            let mut text = tok.text.to_owned();
            let mut j = i + 1;
            while self.is(j, ",")
                && self.touching(j)
                && self
                    .tok(j + 1)
                    .is_some_and(|t| t.kind == Kind::Num && t.text.len() == 3)
                && self.touching(j + 1)
            {
                text.push_str(self.tok(j + 1).map_or("", |t| t.text));
                j += 2;
            }
            if self.is(j, ".")
                && self.touching(j)
                && self.tok(j + 1).is_some_and(|t| t.kind == Kind::Num)
                && self.touching(j + 1)
            {
                text.push('.');
                text.push_str(self.tok(j + 1).map_or("", |t| t.text));
                j += 2;
            }
            let n: f64 = text.parse().ok()?;
            return Some((Amount::Known(n), j));
        }
        if tok.kind != Kind::Word {
            return None;
        }
        // "half a", "half an".
        if tok.lower == "half" && self.is_any(i + 1, &["a", "an"]) {
            return Some((Amount::Known(0.5), i + 2));
        }
        // "a few", "a couple (of)", "a dozen", "a number of".
        if self.is_any(i, &["a", "an"]) {
            if self.is(i + 1, "few") {
                return Some((Amount::Unknown, i + 2));
            }
            if self.is(i + 1, "couple") {
                let j = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
                return Some((Amount::Known(2.0), j));
            }
            if self.is(i + 1, "dozen") {
                return Some((Amount::Known(12.0), i + 2));
            }
            if self.is(i + 1, "number") && self.is(i + 2, "of") {
                return Some((Amount::Unknown, i + 3));
            }
            if self.is(i + 1, "half") {
                return None;
            }
            return Some((Amount::Known(1.0), i + 1));
        }
        // "dozens of", "hundreds of", "thousands of".
        if self.is_any(i, &["dozens", "hundreds", "thousands", "tens", "scores"])
            && self.is(i + 1, "of")
        {
            return Some((Amount::Unknown, i + 2));
        }
        if tok.classes.contains(&Class::Vague) {
            return Some((Amount::Unknown, i + 1));
        }
        let mut value = number_word(tok.classes)?;
        let mut j = i + 1;
        // "twenty-four", "twenty four".
        if (20.0..=90.0).contains(&value) {
            let k = self.hyphen(j);
            if let Some(u) = number_word(self.classes(k)).filter(|u| *u < 10.0) {
                value += u;
                j = k + 1;
            }
        }
        // "two hundred".
        if self.is(j, "hundred") {
            value *= 100.0;
            j += 1;
        }
        // "two and a half".
        if self.is(j, "and") && self.is_any(j + 1, &["a", "one"]) && self.is(j + 2, "half") {
            value += 0.5;
            j += 3;
        }
        Some((Amount::Known(value), j))
    }

    // ----- Productions -------------------------------------------------------------------

    /// The longest expression starting at token `i`, with any modifier in front.
    pub(crate) fn parse_at(&self, i: usize) -> Option<Found> {
        let mut best: Option<Found> = self.core(i).map(|(end, expr)| Found {
            start: i,
            end,
            expr,
            modifier: None,
        });
        for m in &self.lex.modifiers {
            let Some(j) = self.phrase(i, &m.words) else {
                continue;
            };
            let j = self.hyphen(j);
            let hit = match m.scope {
                ModScope::Point => self.point(j),
                ModScope::Amount => self.amount_core(j),
            };
            if let Some((end, expr)) = hit
                && best.as_ref().is_none_or(|b| end > b.end)
            {
                best = Some(Found {
                    start: i,
                    end,
                    expr,
                    modifier: m.modifier,
                });
            }
        }
        best
    }

    /// Every unmodified production; the longest wins, the first listed on a tie.
    fn core(&self, i: usize) -> Option<Hit> {
        let tok = self.tok(i)?;
        // Every expression starts with a word or a number ("'90s" with an apostrophe).
        if tok.kind == Kind::Punct && !self.is_any(i, &["'", "’"]) {
            return None;
        }
        let candidates = [
            self.point(i),
            self.amount_core(i),
            self.set(i),
            self.reference(i),
        ];
        let mut best: Option<Hit> = None;
        for hit in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| hit.0 > b.0) {
                best = Some(hit);
            }
        }
        best
    }

    /// Expressions that name a point or period: dates, weekdays, relative periods,
    /// deictic days, times of day.
    fn point(&self, i: usize) -> Option<Hit> {
        let candidates = [
            self.date(i),
            self.weekday_expr(i),
            self.relative(i),
            self.deictic(i),
            self.named_period(i),
            self.clock_expr(i),
        ];
        let mut best: Option<Hit> = None;
        for hit in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| hit.0 > b.0) {
                best = Some(hit);
            }
        }
        let (end, expr) = best?;
        Some(self.with_time_of_day(end, expr))
    }

    /// Expressions built on an amount: durations, "two years ago", "in three days", "the
    /// past two weeks".
    fn amount_core(&self, i: usize) -> Option<Hit> {
        let candidates = [self.duration_expr(i), self.the_period(i)];
        let mut best: Option<Hit> = None;
        for hit in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| hit.0 > b.0) {
                best = Some(hit);
            }
        }
        best
    }

    /// A point followed by a part of the day or a clock time: "Tuesday morning",
    /// "yesterday afternoon", "Friday at 3 p.m.".
    fn with_time_of_day(&self, end: usize, expr: Expr) -> Hit {
        let dated = matches!(
            expr,
            Expr::Weekday { .. }
                | Expr::Date { day: Some(_), .. }
                | Expr::Shift {
                    unit: Unit::Day,
                    ..
                }
        );
        if !dated {
            return (end, expr);
        }
        if let Some(Part::Code(code)) = self.part(end) {
            return (
                end + 1,
                Expr::Time {
                    date: Some(Box::new(expr)),
                    clock: None,
                    part: Some(code),
                },
            );
        }
        let at = if self.is(end, "at") || self.is(end, ",") {
            end + 1
        } else {
            end
        };
        if let Some((stop, clock)) = self.clock(at) {
            return (
                stop,
                Expr::Time {
                    date: Some(Box::new(expr)),
                    clock: Some(clock),
                    part: None,
                },
            );
        }
        (end, expr)
    }

    fn part(&self, i: usize) -> Option<Part> {
        self.classes(i).iter().find_map(|c| match c {
            Class::Part(p) => Some(*p),
            _ => None,
        })
    }

    /// Calendar dates with written pieces.
    fn date(&self, i: usize) -> Option<Hit> {
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
        best
    }

    /// "December 18, 2024", "Dec. 18", "February 2022", "June of 1989", "June".
    fn month_first(&self, i: usize) -> Option<Hit> {
        let (month, j) = self.month(i)?;
        if let Some((day, k)) = self.day_num(j) {
            // "June 1989" is a month and year, not June 19 and 89.
            if self.tok(j).is_some_and(|t| t.text.len() <= 2) {
                let k2 = if self.is(k, ",") { k + 1 } else { k };
                if let Some((year, end)) = self.date_year(k2) {
                    return Some((end, date(YearRef::Given(year), Some(month), Some(day))));
                }
                return Some((k, date(YearRef::Auto, Some(month), Some(day))));
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
        let lower = self.low(i);
        if ambiguous_month(lower) && !(i > 0 && self.is_any(i - 1, MONTH_CONTEXT)) {
            return None;
        }
        Some((j, date(YearRef::Auto, Some(month), None)))
    }

    /// "18 December 2024", "the 18th of December".
    fn day_first(&self, i: usize) -> Option<Hit> {
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
        Some((k, date(YearRef::Auto, Some(month), Some(day))))
    }

    /// "2024-12-18" (ISO), "12/18/2024" (only when the order is unambiguous: a part over 12
    /// is the day; when both are 12 or less only the year is certain).
    fn numeric_date(&self, i: usize) -> Option<Hit> {
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
    /// ("in 1066"); "fiscal 1989", "the year 2000".
    fn bare_year(&self, i: usize) -> Option<Hit> {
        if self.is(i, "fiscal") {
            let j = if self.is(i + 1, "year") { i + 2 } else { i + 1 };
            let (year, end) = self.year4(j)?;
            return Some((end, date(YearRef::Given(year), None, None)));
        }
        if self.is(i, "the") && self.is(i + 1, "year") {
            let (year, end) = self.year4(i + 2)?;
            return Some((end, date(YearRef::Given(year), None, None)));
        }
        let (year, end) = self.year4(i)?;
        let context = i > 0 && self.is_any(i - 1, YEAR_CONTEXT);
        if !(1900..=2099).contains(&year) && !context {
            return None;
        }
        // "1990 people": a count, unless a preposition says year.
        if !context
            && self.tok(end).is_some_and(|t| {
                t.kind == Kind::Word && !t.capital && t.lower.ends_with('s') && t.lower.len() > 3
            })
        {
            return None;
        }
        Some((end, date(YearRef::Given(year), None, None)))
    }

    /// "the 1990s", "1990's", "the '90s".
    fn decade(&self, i: usize) -> Option<Hit> {
        let s = if self.is(i, "the") { i + 1 } else { i };
        let (decade, j) = if self.is_any(s, &["'", "’"]) {
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

    /// "the 20th century", "the twenty-first century".
    fn century(&self, i: usize) -> Option<Hit> {
        let s = if self.is(i, "the") { i + 1 } else { i };
        let (n, j) = self.ordinal(s)?;
        let j = self.hyphen(j);
        if !self.is_any(j, &["century"]) {
            return None;
        }
        Some((j + 1, Expr::Century(i64::from(n))))
    }

    /// "the third quarter (of 1990)", "third-quarter", "Q3 2024", "the first half of 2024",
    /// "the fiscal first quarter".
    fn quarter(&self, i: usize) -> Option<Hit> {
        let mut s = if self.is(i, "the") { i + 1 } else { i };
        if self.is(s, "fiscal") {
            s = self.hyphen(s + 1);
        }
        let (n, unit, j) = if self.is(s, "q") && self.tok(s).is_some_and(|t| t.capital) {
            let tok = self
                .tok(s + 1)
                .filter(|t| t.kind == Kind::Num && t.text.len() == 1)?;
            if !self.touching(s + 1) {
                return None;
            }
            (u32::try_from(tok.number()?).ok()?, Unit::Quarter, s + 2)
        } else {
            let (n, j) = self.ordinal(s)?;
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
        // "the first quarter" needs "the", a year or "fiscal" around it: "a first quarter"
        // or "first half" alone is not a date.
        let k = if self.is_any(j, &["of", ","]) {
            j + 1
        } else {
            j
        };
        let (year, end) = match self.date_year(k) {
            Some((y, end)) => (YearRef::Given(y), end),
            None => {
                if s == i && !self.is(i, "q") && !self.hyphenated_adjective(j) {
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

    /// Whether the unit ending at `j` was written as "third-quarter" (an adjective).
    fn hyphenated_adjective(&self, j: usize) -> bool {
        j >= 2 && self.is_any(j - 2, &["-", "‐", "–"])
    }

    /// "summer 2024", "the summer of 2022", "in the spring".
    fn season(&self, i: usize) -> Option<Hit> {
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
        // A bare season needs "the" ("in the spring"): "spring" and "fall" are also
        // common words.
        if !the {
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
    fn holiday(&self, i: usize) -> Option<Hit> {
        if !self.tok(i).is_some_and(|t| t.capital) {
            return None;
        }
        let (rule, j) = self
            .lex
            .holidays
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
    fn weekday_expr(&self, i: usize) -> Option<Hit> {
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

    /// "last year", "this week", "next month", "last Tuesday", "this summer", "last June",
    /// "earlier this month", "later this year", "last night", "this morning".
    fn relative(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.is_any(j, &["earlier", "later"]) && self.is_any(j + 1, &["this", "last", "next"]) {
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
    fn deictic(&self, i: usize) -> Option<Hit> {
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

    /// Named periods: "the year", "the quarter", "the weekend" when they mean the current
    /// or latest one.
    fn named_period(&self, i: usize) -> Option<Hit> {
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
        None
    }

    /// A clock time: "3 p.m.", "10:35 a.m.", "15:30 GMT", "noon", "midnight".
    fn clock(&self, i: usize) -> Option<(usize, (u32, u32))> {
        if let Some(Part::Clock(h, m)) = self.part(i) {
            return Some((i + 1, (h, m)));
        }
        let tok = self
            .tok(i)
            .filter(|t| t.kind == Kind::Num && t.text.len() <= 2)?;
        let mut hour = u32::try_from(tok.number()?).ok()?;
        let mut minute = 0;
        let mut j = i + 1;
        let mut colon = false;
        if self.is(j, ":") && self.touching(j) && self.touching(j + 1) {
            let mm = self
                .tok(j + 1)
                .filter(|t| t.kind == Kind::Num && t.text.len() == 2)?;
            minute = u32::try_from(mm.number()?).ok()?;
            j += 2;
            colon = true;
        }
        if minute >= 60 {
            return None;
        }
        let meridiem = self.meridiem(j);
        if let Some((pm, k)) = meridiem {
            if !(1..=12).contains(&hour) {
                return None;
            }
            if pm && hour < 12 {
                hour += 12;
            } else if !pm && hour == 12 {
                hour = 0;
            }
            j = k;
        } else if self.phrase(j, &["o'clock"]).is_some() {
            j += 3;
        } else if !colon || hour > 24 {
            return None;
        }
        // A time zone stays in the span.
        if self.classes(j).contains(&Class::Zone)
            && self
                .tok(j)
                .is_some_and(|t| t.text.chars().all(|c| c.is_ascii_uppercase()))
        {
            j += 1;
        }
        Some((j, (hour, minute)))
    }

    /// "a.m.", "p.m.", "am", "pm", "AM", "PM": whether afternoon, and where it ends.
    fn meridiem(&self, i: usize) -> Option<(bool, usize)> {
        let first = self.low(i);
        match first {
            "am" | "pm" => Some((first == "pm", i + 1)),
            "a" | "p"
                if self.is(i + 1, ".")
                    && self.is(i + 2, "m")
                    && self.touching(i + 1)
                    && self.touching(i + 2) =>
            {
                let end = self.period(i + 3);
                Some((first == "p", end))
            }
            _ => None,
        }
    }

    /// "3 p.m. Tuesday", "at 10:35 a.m. on Friday", "4 in the morning", "noon".
    fn clock_expr(&self, i: usize) -> Option<Hit> {
        let (mut j, clock) = self.clock(i)?;
        // "4 in the morning", "9 at night".
        if let Some(k) = self
            .phrase(j, &["in", "the"])
            .or_else(|| self.phrase(j, &["at"]))
            && let Some(Part::Code(code)) = self.part(k)
        {
            let (h, m) = clock;
            let h = match code {
                "AF" | "EV" if h < 12 => h + 12,
                "NI" if (6..12).contains(&h) => h + 12,
                _ => h,
            };
            return Some((
                k + 1,
                Expr::Time {
                    date: None,
                    clock: Some((h, m)),
                    part: None,
                },
            ));
        }
        let k = if self.is_any(j, &["on", ","]) {
            j + 1
        } else {
            j
        };
        let date_hit = self
            .weekday_expr(k)
            .or_else(|| {
                self.deictic(k)
                    .filter(|(_, e)| matches!(e, Expr::Shift { .. }))
            })
            .or_else(|| {
                self.month_first(k)
                    .filter(|(_, e)| matches!(e, Expr::Date { day: Some(_), .. }))
            })
            .or_else(|| self.day_first(k));
        let date = date_hit.map(|(end, expr)| {
            j = end;
            Box::new(expr)
        });
        Some((
            j,
            Expr::Time {
                date,
                clock: Some(clock),
                part: None,
            },
        ))
    }

    /// Durations and what is built on them: "three years", "two-year", "several days",
    /// "hours", "two years ago", "in three days", "a 20-year-old".
    fn duration_expr(&self, i: usize) -> Option<Hit> {
        let (end, amount, unit) = self.duration(i)?;
        if self.is(end, "ago")
            || (self.is(end, "earlier") && !self.is_any(end + 1, &["this", "that", "in", "on"]))
        {
            let expr = match amount {
                Amount::Known(n) if n.fract() == 0.0 && (1.0..100_000.0).contains(&n) => {
                    #[allow(clippy::cast_possible_truncation)]
                    let n = n as i64;
                    shift_back(unit, n)
                }
                _ => Expr::Ref(RefKind::Past),
            };
            return Some((end + 1, expr));
        }
        if self.phrase(end, &["from", "now"]).is_some() {
            let expr = match amount {
                Amount::Known(n) if n.fract() == 0.0 && (1.0..100_000.0).contains(&n) => {
                    #[allow(clippy::cast_possible_truncation)]
                    let n = n as i64;
                    shift_back(unit, -n)
                }
                _ => Expr::Ref(RefKind::Future),
            };
            return Some((end + 2, expr));
        }
        if i > 0 && self.is(i - 1, "in") && !self.is(i, "the") {
            return Some((end, Expr::InUnits { amount, unit }));
        }
        Some((end, Expr::Duration { amount, unit }))
    }

    /// An amount and a unit: `(end, amount, unit)`.
    fn duration(&self, i: usize) -> Option<(usize, Amount, Unit)> {
        if let Some((amount, j)) = self.amount(i) {
            let j = self.hyphen(j);
            if let Some((unit, plural, k)) = self.unit(j) {
                // "a second" and "a quarter" are usually not lengths of time ("a second
                // time", "a quarter of the budget").
                let a_word = self.is_any(i, &["a", "an"]);
                if a_word && (unit == Unit::Second || unit == Unit::HalfYear) {
                    return None;
                }
                if unit == Unit::Quarter
                    && (self.is(k, "of") || (a_word && !self.is_any(k, &["earlier", "ago"])))
                {
                    return None;
                }
                if unit == Unit::HalfYear {
                    return None;
                }
                // "one day" is often "one day, ..." (someday); keep it, TimeML does.
                let mut amount = amount;
                let mut end = k;
                if self.phrase(end, &["and", "a", "half"]).is_some() {
                    if let Amount::Known(n) = amount {
                        amount = Amount::Known(n + 0.5);
                    }
                    end += 3;
                }
                // "24-hour", "two-year-old", "decades-long".
                let h = self.hyphen(end);
                if h > end && self.is_any(h, &["long", "old"]) {
                    end = h + 1;
                }
                let _ = plural;
                return Some((end, amount, unit));
            }
            // "half a century", "a quarter of a century".
            return None;
        }
        // "a quarter century", "a quarter of a century" → 25 years.
        if let Some(j) = self
            .phrase(i, &["a", "quarter", "of", "a", "century"])
            .or_else(|| self.phrase(i, &["a", "quarter", "century"]))
        {
            return Some((j, Amount::Known(25.0), Unit::Year));
        }
        if let Some(j) = self.phrase(i, &["half", "a", "century"]) {
            return Some((j, Amount::Known(50.0), Unit::Year));
        }
        // Bare plurals: "for years", "within hours", "decades-long".
        let (unit, plural, k) = self.unit(i)?;
        if !plural || unit == Unit::Quarter || unit == Unit::Weekend {
            return None;
        }
        let h = self.hyphen(k);
        let end = if h > k && self.is_any(h, &["long", "old"]) {
            h + 1
        } else {
            k
        };
        Some((end, Amount::Unknown, unit))
    }

    /// "the past two weeks", "the last three years", "the next five days", "the first nine
    /// months", "the past year", "recent years", "the coming months".
    fn the_period(&self, i: usize) -> Option<Hit> {
        let the = self.is(i, "the");
        let s = if the { i + 1 } else { i };
        let head = self.low(s);
        let known = matches!(
            head,
            "past"
                | "last"
                | "next"
                | "coming"
                | "first"
                | "latest"
                | "previous"
                | "following"
                | "recent"
        );
        if !known {
            return None;
        }
        if let Some((end, amount, unit)) = self.duration(s + 1) {
            // "the first two days" needs "the"; "last three years" reads fine alone.
            if !the && matches!(head, "first" | "latest" | "previous" | "following") {
                return None;
            }
            if amount == Amount::Unknown
                && !self.is_any(s + 1, &["few", "several", "many", "a"])
                && !the
                && head != "recent"
                && head != "coming"
                && head != "past"
            {
                return None;
            }
            return Some((end, Expr::Duration { amount, unit }));
        }
        // "the past year": a year up to now.
        if the && matches!(head, "past" | "last") {
            let (unit, plural, k) = self.unit(s + 1)?;
            if plural || unit == Unit::Quarter || unit == Unit::Weekend || unit == Unit::HalfYear {
                return None;
            }
            return Some((
                k,
                Expr::Duration {
                    amount: Amount::Known(1.0),
                    unit,
                },
            ));
        }
        None
    }

    /// Recurrences: "every day", "each year", "every other week", "every Tuesday",
    /// "daily", "weekly", "Tuesdays".
    fn set(&self, i: usize) -> Option<Hit> {
        if let Some(Class::SetAdj(every, unit)) = self
            .classes(i)
            .iter()
            .find(|c| matches!(c, Class::SetAdj(..)))
        {
            return Some((
                i + 1,
                Expr::Set {
                    every: *every,
                    unit: *unit,
                    weekday: None,
                    part: None,
                },
            ));
        }
        if self.is_any(i, &["every", "each"]) {
            let mut j = i + 1;
            let mut every = 1;
            if self.is(j, "other") {
                every = 2;
                j += 1;
            } else if let Some((Amount::Known(n), k)) = self.amount(j)
                && !self.is_any(j, &["a", "an"])
            {
                if n.fract() != 0.0 || !(1.0..1000.0).contains(&n) {
                    return None;
                }
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                {
                    every = n as u32;
                }
                j = k;
            }
            if let Some((weekday, k)) = self.weekday(j) {
                return Some((
                    k,
                    Expr::Set {
                        every,
                        unit: Unit::Week,
                        weekday: Some(weekday),
                        part: None,
                    },
                ));
            }
            if let Some(Part::Code(code)) = self.part(j) {
                return Some((
                    j + 1,
                    Expr::Set {
                        every,
                        unit: Unit::Day,
                        weekday: None,
                        part: Some(code),
                    },
                ));
            }
            let (unit, _, k) = self.unit(j)?;
            return Some((
                k,
                Expr::Set {
                    every,
                    unit,
                    weekday: None,
                    part: None,
                },
            ));
        }
        // "Tuesdays", "on Tuesday nights".
        let tok = self.tok(i)?;
        if tok.capital && tok.lower.len() > 6 && tok.lower.ends_with("days") {
            let stem = &tok.lower[..tok.lower.len() - 1];
            let weekday = self.lex.classes(stem).iter().find_map(|c| match c {
                Class::Weekday(d) => Some(*d),
                _ => None,
            })?;
            return Some((
                i + 1,
                Expr::Set {
                    every: 1,
                    unit: Unit::Week,
                    weekday: Some(weekday),
                    part: None,
                },
            ));
        }
        None
    }

    /// "now", "recently", "currently", "the past", "the future", "the present", "recent".
    fn reference(&self, i: usize) -> Option<Hit> {
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
            // past decade".
            if self.unit(i + 2).is_some() || self.amount(i + 2).is_some() {
                return None;
            }
            return Some((i + 2, Expr::Ref(kind)));
        }
        if self.is(i, "recent") && self.unit(i + 1).is_none() {
            return Some((i + 1, Expr::Ref(RefKind::Past)));
        }
        if i > 0 && self.is(i - 1, "at") && self.is(i, "present") {
            return Some((i + 1, Expr::Ref(RefKind::Present)));
        }
        None
    }
}

fn date(year: YearRef, month: Option<u32>, day: Option<u32>) -> Expr {
    Expr::Date { year, month, day }
}

fn number_word(classes: &[Class]) -> Option<f64> {
    classes.iter().find_map(|c| match c {
        Class::Number(n) => Some(*n),
        _ => None,
    })
}

/// "two years ago": the period `n` units before the current one.
fn shift_back(unit: Unit, n: i64) -> Expr {
    shift_by(unit, -n)
}

/// The period `n` units after the current one, in units resolution knows how to move by.
pub(crate) fn shift_by(unit: Unit, n: i64) -> Expr {
    match unit {
        Unit::Fortnight => Expr::Shift {
            unit: Unit::Day,
            n: 14 * n,
        },
        Unit::Decade => Expr::Shift {
            unit: Unit::Year,
            n: 10 * n,
        },
        Unit::Century => Expr::Shift {
            unit: Unit::Year,
            n: 100 * n,
        },
        Unit::Millennium => Expr::Shift {
            unit: Unit::Year,
            n: 1000 * n,
        },
        Unit::Weekend => Expr::Shift {
            unit: Unit::Week,
            n,
        },
        _ => Expr::Shift { unit, n },
    }
}
