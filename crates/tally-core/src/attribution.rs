//! Attribution: who said what, with which cue, how they were sourced.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Span;

/// How a statement is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// The speaker's own words, in quotation marks.
    Direct,
    /// A paraphrase: "X said (that) ...".
    Indirect,
    /// A paraphrase with quoted fragments: suffered "several hundred" casualties, X said.
    Mixed,
}

/// How a said-at date was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SaidAtBasis {
    /// A time modifier of the cue verb ("said Tuesday").
    CueModifier,
    /// Inherited from an earlier attribution of the same speaker in the same document.
    SameSpeaker,
    /// Nothing in the text: the publication date, flagged as such.
    PublicationDate,
}

/// When a statement was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SaidAt {
    /// TIMEX3 date value (`2024-12-17`).
    pub date: String,
    /// How it was found.
    pub basis: SaidAtBasis,
    /// The time expression it came from, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_id: Option<String>,
}

/// Someone who speaks in the document: a named person or organization, or an anonymous
/// descriptor ("a senior U.S. military official").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Speaker {
    /// Id within the document (`S1`, ...).
    pub id: String,
    /// Every mention, first the introducing one, then coreferent ones ("the official", "he").
    pub mentions: Vec<Span>,
    /// A person or organization named in the text.
    pub named: bool,
    /// The name, for named speakers ("Oleksandr Syrsky").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The entity the speaker is, when entities are linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    /// The descriptor phrase ("a senior U.S. military official").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub descriptor: Option<String>,
    /// Role or title ("military official", "commander-in-chief").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Who the speaker speaks for, as an entity id when known (`US`, `UA`) or as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// Seniority words ("senior", "top", "high-ranking").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seniority: Option<String>,
    /// Not identified by name.
    pub anonymous: bool,
    /// A group rather than one speaker ("experts", "residents").
    #[serde(default)]
    pub group: bool,
    /// Sourcing conditions ("on condition of anonymity").
    #[serde(default)]
    pub conditions: Vec<String>,
}

/// One act of reported speech: a cue, its source, and what was said.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Attribution {
    /// Id within the document (`A1`, ...).
    pub id: String,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// The reporting verb or phrase ("said", "according to").
    pub cue: Span,
    /// The cue's lemma ("say", "according to").
    pub cue_lemma: String,
    /// The source phrase in this sentence ("the official"); `null` when there is none.
    #[serde(default)]
    pub source: Option<Span>,
    /// The speaker the source resolves to; `null` means unknown, never a guess.
    #[serde(default)]
    pub speaker_id: Option<String>,
    /// What was said: one span, or several for a quote continued across paragraphs.
    pub content: Vec<Span>,
    /// When it was said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_at: Option<SaidAt>,
    /// Sourcing conditions stated with this attribution ("on condition of anonymity").
    #[serde(default)]
    pub conditions: Vec<String>,
}
