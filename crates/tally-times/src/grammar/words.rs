//! Words and small pieces: month and weekday names, units, ordinals, days of the month,
//! years and amounts.

use super::Parser;
use crate::expr::Amount;
use crate::lex::Kind;
use crate::lexicon::{Class, Part, Unit};

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

fn number_word(classes: &[Class]) -> Option<f64> {
    classes.iter().find_map(|c| match c {
        Class::Number(n) => Some(*n),
        _ => None,
    })
}

impl Parser<'_, '_> {
    /// A month name. Abbreviations need their period or a following number; every month
    /// name needs a capital, as English writes them.
    pub(super) fn month(&self, i: usize) -> Option<(u32, usize)> {
        let tok = self.tok(i)?;
        if tok.kind != Kind::Word || !tok.capital {
            return None;
        }
        let m = tok.classes.iter().find_map(|c| match c {
            Class::Month(m) => Some(*m),
            _ => None,
        })?;
        if full_month_name(tok.lower) {
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
    pub(super) fn weekday(&self, i: usize) -> Option<(u32, usize)> {
        let tok = self.tok(i)?;
        if tok.kind != Kind::Word || !tok.capital {
            return None;
        }
        let d = tok.classes.iter().find_map(|c| match c {
            Class::Weekday(d) => Some(*d),
            _ => None,
        })?;
        if full_weekday_name(tok.lower) {
            return Some((d, i + 1));
        }
        let after = self.period(i + 1);
        (after > i + 1).then_some((d, after))
    }

    pub(super) fn unit(&self, i: usize) -> Option<(Unit, bool, usize)> {
        let tok = self.tok(i)?;
        let unit = tok.classes.iter().find_map(|c| match c {
            Class::Unit(u) => Some(*u),
            _ => None,
        })?;
        let plural = tok.lower.ends_with('s') && tok.lower != "hrs" || tok.lower == "centuries";
        Some((unit, plural, i + 1))
    }

    pub(super) fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
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
    pub(super) fn day_num(&self, i: usize) -> Option<(u32, usize)> {
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
    pub(super) fn year4(&self, i: usize) -> Option<(i64, usize)> {
        let tok = self.tok(i)?;
        if tok.kind != Kind::Num || tok.text.len() != 4 {
            return None;
        }
        let y = tok.number()?;
        if !(1000..=2999).contains(&y) {
            return None;
        }
        // "2,024", "$2024", "2024.5", "2024%": numbers, not years; "/2024/" is a path.
        if i > 0 && self.touching(i) && self.is_any(i - 1, &[",", ".", "$", "£", "€", "/"]) {
            return None;
        }
        if self.is(i + 1, "/")
            && self.touching(i + 1)
            && crate::range::season_end(self.t, i, y).is_none()
        {
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

    /// A year said aloud: "nineteen ninety-six", "nineteen eighty", "nineteen oh five".
    pub(super) fn spoken_year(&self, i: usize) -> Option<(i64, usize)> {
        let century = self.classes(i).iter().find_map(|c| match c {
            Class::Spoken(c) => Some(*c),
            _ => None,
        })?;
        let j = i + 1;
        if self.is(j, "hundred") {
            return Some((century * 100, j + 1));
        }
        let (oh, j) = if self.is(j, "oh") {
            (true, j + 1)
        } else {
            (false, j)
        };
        let tens = number_word(self.classes(j)).filter(|n| (1.0..100.0).contains(n))?;
        if oh && tens >= 10.0 {
            return None;
        }
        let mut value = tens;
        let mut end = j + 1;
        if (20.0..=90.0).contains(&tens) {
            let k = self.hyphen(end);
            if let Some(u) = number_word(self.classes(k)).filter(|u| (1.0..10.0).contains(u)) {
                value += u;
                end = k + 1;
            }
        }
        #[allow(clippy::cast_possible_truncation)]
        let year = century * 100 + value as i64;
        Some((year, end))
    }

    /// A year after a month or day: four digits, an apostrophe and two ("'98"), or said
    /// aloud.
    pub(super) fn date_year(&self, i: usize) -> Option<(i64, usize)> {
        if let Some(y) = self.year4(i).or_else(|| self.spoken_year(i)) {
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
    pub(super) fn amount(&self, i: usize) -> Option<(Amount, usize)> {
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
            let mut n: f64 = text.parse().ok()?;
            // "2 1/2 years".
            if let (Some(a), Some(b)) = (self.tok(j), self.tok(j + 2))
                && a.kind == Kind::Num
                && b.kind == Kind::Num
                && self.is(j + 1, "/")
                && self.touching(j + 1)
                && self.touching(j + 2)
                && !self.touching(j)
                && let (Some(num), Some(den)) = (a.number(), b.number())
                && den > num
                && num > 0
            {
                #[allow(clippy::cast_precision_loss)]
                {
                    n += num as f64 / den as f64;
                }
                j += 3;
            }
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

    pub(super) fn part(&self, i: usize) -> Option<Part> {
        self.classes(i).iter().find_map(|c| match c {
            Class::Part(p) => Some(*p),
            _ => None,
        })
    }
}
