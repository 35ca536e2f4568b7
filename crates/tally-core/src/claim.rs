//! Claims: the ledger entries that join speakers, statements, figures and times.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{SaidAt, Span};

/// Statement kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Quoted words only.
    Direct,
    /// Paraphrase only.
    Indirect,
    /// Paraphrase with quoted fragments, or paraphrase and quote merged.
    Mixed,
    /// Stated in the reporter's own voice: a claim of the agency or outlet.
    Reporter,
}

/// Who makes a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClaimantKind {
    /// A speaker in the document (see [`crate::Speaker`]).
    Speaker,
    /// The wire agency, for the reporter's own voice in a wire story.
    Agency,
    /// The publisher, for the reporter's own voice otherwise.
    Publisher,
    /// No speaker could be found; never guessed.
    Unknown,
}

/// The claimant of a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Claimant {
    /// Speaker, agency, publisher or unknown.
    pub kind: ClaimantKind,
    /// The speaker id, for speakers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_id: Option<String>,
    /// A display name ("a senior U.S. military official", "AFP").
    pub name: String,
    /// Not identified by name.
    pub anonymous: bool,
}

/// One statement by one claimant, with its evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Claim {
    /// Stable id: a hash of the document id and the normalized content.
    pub id: String,
    /// The document the claim is in.
    pub document_id: String,
    /// Who claims it.
    pub claimant: Claimant,
    /// Direct, indirect, mixed or reporter.
    pub kind: ClaimKind,
    /// The reporting cue, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
    /// When it was said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_at: Option<SaidAt>,
    /// Ids of the time expressions the claim is about.
    #[serde(default)]
    pub about_times: Vec<String>,
    /// The spans that state the claim: one, or several when a paraphrase and a later quote
    /// of the same statement were merged.
    pub evidence: Vec<Span>,
    /// The statement's text: the evidence joined by " … ", without the quotation marks
    /// around a whole quotation, the comma before its cue, or the "that" of reported speech.
    pub content: String,
    /// Ids of the figures the claim carries.
    #[serde(default)]
    pub figures: Vec<String>,
    /// Ids of the entities the claim mentions.
    #[serde(default)]
    pub entities: Vec<String>,
    /// Sourcing conditions ("on condition of anonymity").
    #[serde(default)]
    pub conditions: Vec<String>,
    /// Ids of the attributions this claim was built from.
    #[serde(default)]
    pub attributions: Vec<String>,
    /// The rules that fired to build it, so a reader can see why.
    #[serde(default)]
    pub rules: Vec<String>,
}
