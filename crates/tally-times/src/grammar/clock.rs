//! Times of day: clock times, parts of the day, and their dates.

use super::{Hit, Parser};
use crate::expr::{Clock, Expr};
use crate::lex::Kind;
use crate::lexicon::{Class, Part, Unit};

impl Parser<'_, '_> {
    /// A point followed by a part of the day or a clock time: "Tuesday morning",
    /// "yesterday afternoon", "Friday at 3 p.m.".
    pub(super) fn with_time_of_day(&self, end: usize, expr: Expr) -> Hit {
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

    /// A clock time: "3 p.m.", "10:35 a.m.", "15:30 GMT", "noon", "midnight".
    pub(super) fn clock(&self, i: usize) -> Option<(usize, Clock)> {
        if let Some(Part::Clock(hour, minute)) = self.part(i) {
            return Some((
                i + 1,
                Clock {
                    hour,
                    minute,
                    utc: false,
                },
            ));
        }
        if let Some(hit) = self.military_clock(i) {
            return Some(hit);
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
        // A time zone stays in the span; UTC and GMT also mark the value (`Z`).
        let mut utc = false;
        if self.classes(j).contains(&Class::Zone)
            && self
                .tok(j)
                .is_some_and(|t| t.text.chars().all(|c| c.is_ascii_uppercase()))
        {
            utc = self.is_any(j, &["utc", "gmt"]);
            j += 1;
        }
        Some((j, Clock { hour, minute, utc }))
    }

    /// Four digits of a 24-hour clock, when a time zone or "local time" or "hours" says so:
    /// "0735 GMT", "2100 LOCAL TIME", "1800 hours" (wire and military copy). Without one,
    /// "2100" is as likely a year or an amount.
    fn military_clock(&self, i: usize) -> Option<(usize, Clock)> {
        let tok = self
            .tok(i)
            .filter(|t| t.kind == Kind::Num && t.text.len() == 4)?;
        let hhmm = u32::try_from(tok.number()?).ok()?;
        let (hour, minute) = (hhmm / 100, hhmm % 100);
        if hour > 23 || minute > 59 {
            return None;
        }
        let j = i + 1;
        let zone = self.classes(j).contains(&Class::Zone)
            && self
                .tok(j)
                .is_some_and(|t| t.text.chars().all(|c| c.is_ascii_uppercase()));
        let end = if zone || self.is_any(j, &["hours", "hrs"]) {
            j + 1
        } else {
            self.phrase(j, &["local", "time"])?
        };
        let utc = zone && self.is_any(j, &["utc", "gmt"]);
        Some((end, Clock { hour, minute, utc }))
    }

    /// A bare hour that a part of the day follows: the "4" of "4 in the morning".
    fn bare_hour(&self, i: usize) -> Option<(usize, Clock)> {
        let tok = self
            .tok(i)
            .filter(|t| t.kind == Kind::Num && t.text.len() <= 2)?;
        let hour = u32::try_from(tok.number()?)
            .ok()
            .filter(|h| (1..=12).contains(h))?;
        let k = self
            .phrase(i + 1, &["in", "the"])
            .or_else(|| self.phrase(i + 1, &["at"]))?;
        matches!(self.part(k), Some(Part::Code(_))).then_some((
            i + 1,
            Clock {
                hour,
                minute: 0,
                utc: false,
            },
        ))
    }

    /// "a.m.", "p.m.", "am", "pm", "AM", "PM": whether afternoon, and where it ends.
    pub(super) fn meridiem(&self, i: usize) -> Option<(bool, usize)> {
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

    /// The day after a clock time: "Tuesday", "today", "Dec. 18", "18 December".
    fn clock_date(&self, k: usize) -> Option<Hit> {
        self.weekday_expr(k)
            .or_else(|| {
                self.deictic(k)
                    .filter(|(_, e)| matches!(e, Expr::Shift { .. }))
            })
            .or_else(|| {
                self.month_first(k)
                    .filter(|(_, e)| matches!(e, Expr::Date { day: Some(_), .. }))
            })
            .or_else(|| self.day_first(k))
    }

    /// "3 p.m. Tuesday", "at 10:35 a.m. on Friday", "4 in the morning", "noon".
    pub(super) fn clock_expr(&self, i: usize) -> Option<Hit> {
        let (mut j, clock) = self.clock(i).or_else(|| self.bare_hour(i))?;
        // "4 in the morning", "9 at night".
        if let Some(k) = self
            .phrase(j, &["in", "the"])
            .or_else(|| self.phrase(j, &["at"]))
            && let Some(Part::Code(code)) = self.part(k)
        {
            let Clock {
                hour: h,
                minute: m,
                utc,
            } = clock;
            let h = match code {
                "AF" | "EV" if h < 12 => h + 12,
                "NI" if (6..12).contains(&h) => h + 12,
                _ => h,
            };
            return Some((
                k + 1,
                Expr::Time {
                    date: None,
                    clock: Some(Clock {
                        hour: h,
                        minute: m,
                        utc,
                    }),
                    part: None,
                },
            ));
        }
        // "at 11:11 am local time (on Saturday)": the zone is part of the time, as "ET"
        // is, and may stand between the clock and its day.
        if let Some(after) = self.phrase(j, &["local", "time"]) {
            j = after;
        }
        let k = if self.is_any(j, &["on", ","]) {
            j + 1
        } else {
            j
        };
        let mut date = self.clock_date(k).map(|(end, expr)| {
            j = end;
            Box::new(expr)
        });
        // Wire copy gives the time in GMT in brackets before the day: "at 10:35 a.m. (0735
        // GMT) Friday". The day dates the clock time; the span stays the clock time (the
        // day is an expression of its own).
        if date.is_none()
            && self.is(j, "(")
            && let Some(close) = (j + 1..j + 5).find(|&c| self.is(c, ")"))
        {
            let k = if self.is_any(close + 1, &["on", ","]) {
                close + 2
            } else {
                close + 1
            };
            date = self.clock_date(k).map(|(_, expr)| Box::new(expr));
        }
        Some((
            j,
            Expr::Time {
                date,
                clock: Some(clock),
                part: None,
            },
        ))
    }
}
