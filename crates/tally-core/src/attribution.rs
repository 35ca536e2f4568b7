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

/// What kind of act an attribution reports.
///
/// Both are attributions (PolNeAR and PARC annotate both), but only statements are claims
/// of fact: the claim ledger is built from statements, while attitudes (what someone
/// believes, wants, supports or opposes) stay in the attribution layer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AttributionClass {
    /// Speech, writing, documents and their findings: "said", "told", "wrote", "according
    /// to", "a report found".
    #[default]
    Statement,
    /// Belief, desire, stance, intention or appearance: "believes", "wants", "endorsed",
    /// "opposes", "declined to", "seemed to".
    Attitude,
}

/// How a speaker's affiliation was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AffiliationBasis {
    /// Written in the speaker's own mention or apposition ("a senior U.S. military
    /// official", "Ukraine's commander-in-chief"), or in a title before another mention of
    /// the same person ("U.S. President Joe Biden").
    Stated,
    /// The country the entity gazetteer places the speaker's entity in.
    Gazetteer,
    /// Inferred: an anonymous speaker with no stated affiliation takes that of the nearest
    /// earlier anonymous speaker with the same head noun ("a senior defense official" after
    /// "a senior U.S. military official").
    EarlierSpeaker,
    /// Inferred: the only country the speaker's own statements name as a modifier ("drawn
    /// from U.S. stocks").
    StatementCountry,
}

impl AffiliationBasis {
    /// Whether the affiliation was inferred rather than read from the text or gazetteer.
    #[must_use]
    pub fn is_inferred(self) -> bool {
        matches!(
            self,
            AffiliationBasis::EarlierSpeaker | AffiliationBasis::StatementCountry
        )
    }
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
    /// How the affiliation was found: stated in the text, from the gazetteer, or inferred
    /// (and then from what).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation_basis: Option<AffiliationBasis>,
    /// For an inferred affiliation, the span it was inferred from (the earlier speaker's
    /// mention, or the country modifier in the statement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation_evidence: Option<Span>,
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
    /// A statement (a claim of fact) or an attitude (belief, desire, stance).
    #[serde(default)]
    pub class: AttributionClass,
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
    /// The attribution whose content this one lies inside ("officials said [Russia
    /// claimed ...]"), when there is one: a nested report, part of the outer statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
    /// When it was said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_at: Option<SaidAt>,
    /// Sourcing conditions stated with this attribution ("on condition of anonymity").
    #[serde(default)]
    pub conditions: Vec<String>,
}
