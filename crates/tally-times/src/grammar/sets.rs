//! Recurrences: "every day", "weekly", "every Tuesday".

use super::{Hit, Parser};
use crate::expr::{Amount, Expr};
use crate::lex::Kind;
use crate::lexicon::{Class, Part, Unit};

impl Parser<'_, '_> {
    /// Recurrences: "every day", "each year", "every other week", "every Tuesday",
    /// "daily", "weekly", "Tuesdays".
    pub(super) fn set(&self, i: usize) -> Option<Hit> {
        // "at a rate of 15 a year", "1.5 million barrels a day": the period of a rate.
        if self.is_any(i, &["a", "an"])
            && let Some((unit, false, k)) = self.unit(i + 1)
            && matches!(
                unit,
                Unit::Year | Unit::Month | Unit::Week | Unit::Day | Unit::Hour | Unit::Minute
            )
            && self.per_amount(i, k)
        {
            return Some((
                k,
                Expr::Set {
                    every: 1,
                    unit,
                    weekday: None,
                    month: None,
                    part: None,
                },
            ));
        }
        if let Some(Class::SetAdj(every, unit)) = self
            .classes(i)
            .iter()
            .find(|c| matches!(c, Class::SetAdj(..)))
        {
            // "the Communist Party daily Granma", "the business weekly Der Spiegel": a
            // newspaper, not a recurrence.
            if self
                .tok(i + 1)
                .is_some_and(|t| t.kind == Kind::Word && t.capital)
            {
                return None;
            }
            return Some((
                i + 1,
                Expr::Set {
                    every: *every,
                    unit: *unit,
                    weekday: None,
                    month: None,
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
                        month: None,
                        part: None,
                    },
                ));
            }
            if let Some((month, k)) = self.month(j) {
                return Some((
                    k,
                    Expr::Set {
                        every,
                        unit: Unit::Year,
                        weekday: None,
                        month: Some(month),
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
                        month: None,
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
                    month: None,
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
                    month: None,
                    part: None,
                },
            ));
        }
        // "Tuesday nights": a weekday and a plural part of the day.
        if let Some((weekday, j)) = self.weekday(i)
            && self.low(j).ends_with('s')
            && let Some(Part::Code(code)) = self.part(j)
        {
            return Some((
                j + 1,
                Expr::Set {
                    every: 1,
                    unit: Unit::Week,
                    weekday: Some(weekday),
                    month: None,
                    part: Some(code),
                },
            ));
        }
        None
    }
}
