//! Time expressions in TIMEX3 style, normalized against the publication date.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Span;

/// TIMEX3 `type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: `2024-12-17`, `2024-12`, `2024-W51`, `2024`, `PAST_REF`.
    Date,
    /// A time of day: `2024-12-17T15:00`, `2024-12-17TNI`.
    Time,
    /// A length of time: `P3Y`, `PXD`, `PT2H`.
    Duration,
    /// A recurrence: `P1D` with a quantifier, `XXXX-WXX-2`.
    Set,
}

/// TIMEX3 `mod`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexMod {
    /// "early 2023", "the start of".
    Start,
    /// "mid-2023".
    Mid,
    /// "late last month".
    End,
    /// "about three years".
    Approx,
    /// "before June", "less than".
    Before,
    /// "after June", "more than".
    After,
    /// "at least", "no less than".
    EqualOrMore,
    /// "at most", "no more than".
    EqualOrLess,
    /// "less than".
    LessThan,
    /// "more than".
    MoreThan,
    /// "on or before".
    OnOrBefore,
    /// "on or after".
    OnOrAfter,
}

/// A time expression.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Timex {
    /// Id within the document (`T1`, `T2`, ...).
    pub id: String,
    /// Where it is in the body.
    pub span: Span,
    /// The words as written ("earlier this month").
    pub raw: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value ("2024-12", "PXD", "PRESENT_REF").
    pub value: String,
    /// TIMEX3 modifier.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<TimexMod>,
    /// What a relative expression was resolved against: the publication date (`DCT`) or
    /// another time's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// TIMEX3 `quant`/`freq` for sets ("EVERY", "1X").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quant: Option<String>,
}

/// The first day (`YYYY-MM-DD`) of an ISO week value (`2024-W50` → `2024-12-09`), so a
/// week sorts among days; `None` for any other value. Timelines order estimates by their
/// dates as text, where "2024-W50" would sort after "2024-12-31".
#[must_use]
pub fn week_start(value: &str) -> Option<String> {
    let (year, week) = value.split_once("-W")?;
    if year.len() != 4 || week.len() != 2 {
        return None;
    }
    let date = jiff::civil::ISOWeekDate::new(
        year.parse().ok()?,
        week.parse().ok()?,
        jiff::civil::Weekday::Monday,
    )
    .ok()?
    .date();
    Some(date.to_string())
}

#[cfg(test)]
mod week_tests {
    use super::week_start;

    #[test]
    fn weeks_start_on_their_monday() {
        assert_eq!(week_start("2024-W50").as_deref(), Some("2024-12-09"));
        assert_eq!(week_start("2025-W01").as_deref(), Some("2024-12-30"));
        assert_eq!(week_start("2024-W50-WE"), None);
        assert_eq!(week_start("2024-12-31"), None);
        assert_eq!(week_start("2024-W99"), None);
    }
}
