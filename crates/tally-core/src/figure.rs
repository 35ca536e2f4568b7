//! Figures: numbers, money and vague amounts as low / best / high ranges.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Span;

/// What a figure counts (see `CONVENTIONS.md`, "Measures").
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Killed and wounded together.
    Casualties,
    /// Dead, deaths, fatalities, killed.
    Killed,
    /// Injured, wounded.
    Wounded,
    /// Missing.
    Missing,
    /// Prisoners, POWs, captured.
    Captured,
    /// Soldiers, troops, fighters, personnel.
    Troops,
    /// Refugees, displaced people.
    Displaced,
    /// Arrested, detained.
    Detained,
    /// Any amount of currency.
    Money,
    /// Anything else; [`Figure::noun`] keeps the counted noun.
    #[default]
    Other,
}

impl Measure {
    /// The snake_case name used in JSON, the CLI and the store.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Casualties => "casualties",
            Measure::Killed => "killed",
            Measure::Wounded => "wounded",
            Measure::Missing => "missing",
            Measure::Captured => "captured",
            Measure::Troops => "troops",
            Measure::Displaced => "displaced",
            Measure::Detained => "detained",
            Measure::Money => "money",
            Measure::Other => "other",
        }
    }

    /// Parses the snake_case name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Measure> {
        ALL_MEASURES.iter().copied().find(|m| m.as_str() == name)
    }
}

/// Every measure, in declaration order.
pub const ALL_MEASURES: [Measure; 10] = [
    Measure::Casualties,
    Measure::Killed,
    Measure::Wounded,
    Measure::Missing,
    Measure::Captured,
    Measure::Troops,
    Measure::Displaced,
    Measure::Detained,
    Measure::Money,
    Measure::Other,
];

/// A phrase a figure is about (its subject or place), linked to an entity when known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Argument {
    /// The phrase in the body ("North Korean forces", "in Russia's Kursk region").
    pub span: Span,
    /// The entity it names (`KP`, or a gazetteer id), once entities are linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
}

/// A figure: a number, amount of money or vague quantity, as a range, tied to what it counts.
///
/// `low`, `best` and `high` follow the convention named in [`Figure::convention`]; nothing is
/// invented: where the text gives no best guess, `best` is empty unless that convention
/// supplies one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Figure {
    /// Id within the document (`F1`, `F2`, ...).
    pub id: String,
    /// The whole expression, modifiers included ("more than 1,000").
    pub span: Span,
    /// The exact words of the amount ("several hundred", "$5.6 billion").
    pub raw: String,
    /// Lowest value the words allow.
    pub low: Option<f64>,
    /// The single best value, when the words or the convention give one.
    pub best: Option<f64>,
    /// Highest value the words allow; empty when open.
    pub high: Option<f64>,
    /// ISO 4217 code for money (`USD`), `percent` or `percentage_point` for shares,
    /// `fraction` for a share written as a fraction ("around half of the dead": 0.5), a unit
    /// of measure (`km`), or empty for counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The words mark the number as approximate ("about", "some", "roughly").
    #[serde(default)]
    pub approx: bool,
    /// There is no lower bound in the words.
    #[serde(default)]
    pub open_low: bool,
    /// There is no upper bound in the words ("more than 1,000").
    #[serde(default)]
    pub open_high: bool,
    /// What the figure counts.
    pub measure: Measure,
    /// The counted noun as written ("casualties", "troops", "homes").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noun: Option<String>,
    /// Whose figure it is ("North Korean forces").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Argument>,
    /// Whether `subject` comes from elsewhere in the document, not from the figure's own
    /// sentence: a loss or troop figure with no subject of its own ("We assess several
    /// hundred killed or wounded") takes the one entity that every such figure of the
    /// document with a subject is about, and its nearest mention as the span.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub subject_inherited: bool,
    /// Who did the harm a loss figure counts, when a verb of harm before the figure names
    /// them ("Russia launched 120 missiles ..., killing at least seven people": Russia).
    /// Never the subject: the subject suffered the loss.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<Argument>,
    /// Where ("in Russia's Kursk region").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Argument>,
    /// Hedges around the figure ("latest estimate", "at least", "reportedly").
    #[serde(default)]
    pub hedges: Vec<String>,
    /// The convention that turned the words into numbers (`default`, `acled`, a file name).
    pub convention: String,
}
