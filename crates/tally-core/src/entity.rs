//! Entities: people, organizations, places and countries, with their mentions.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Span;

/// What kind of thing an entity is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    /// A person.
    Person,
    /// A company, agency, party, armed force, ministry, news outlet.
    Organization,
    /// A sovereign country (id: ISO 3166-1 alpha-2).
    Country,
    /// Any other place: region, city, province, continent.
    Place,
    /// A group of people not otherwise named ("experts", "residents").
    Group,
}

/// An entity and all the places the document mentions it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Entity {
    /// ISO 3166-1 alpha-2 for countries (`KP`), a gazetteer id (`place:ru-krs`,
    /// `org:nato`), or a document-local id for names in no list (`local:E3`).
    pub id: String,
    /// What it is.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Canonical name ("North Korea", "Donald Trump").
    pub name: String,
    /// Every mention, in order ("North Korean", "Pyongyang", "DPRK").
    pub mentions: Vec<Span>,
    /// The containing entity, for places (`RU` for Kursk).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}
