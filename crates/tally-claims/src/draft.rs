//! Claim drafts: what a claim is while it is being built, and how it becomes a
//! [`Claim`].

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use rustc_hash::FxBuildHasher;

use crate::content;
use crate::positions::Positions;
use tally_core::{
    Attribution, AttributionClass, Claim, ClaimKind, Claimant, ClaimantKind, Document, QuoteKind,
    SaidAt, SaidAtBasis, Span, Speaker, derived_id,
};

/// A claim under construction.
#[derive(Debug, Clone)]
pub struct Draft {
    pub claimant: Claimant,
    pub kind: ClaimKind,
    pub cue: Option<Span>,
    pub said_at: Option<SaidAt>,
    pub evidence: Vec<Span>,
    pub conditions: Vec<String>,
    pub attributions: Vec<String>,
    pub rules: Vec<String>,
}

impl Draft {
    /// Whether a span lies inside one of the evidence spans.
    pub fn covers(&self, span: &Span) -> bool {
        self.evidence.iter().any(|e| e.contains(span))
    }
}

/// One draft per top-level statement. Attitudes ("believes", "wants", "endorsed") are
/// attributions but not claims of fact, and a report nested in another's content
/// ("officials said [Russia claimed ...]") is part of the outer claim, so neither makes a
/// claim of its own.
pub fn from_attributions(doc: &Document) -> Vec<Draft> {
    // Speakers by id, the first of each id as a scan would find it: one lookup per
    // attribution instead of a scan of every speaker.
    let mut speakers: HashMap<&str, &Speaker, FxBuildHasher> =
        HashMap::with_capacity_and_hasher(doc.speakers.len(), FxBuildHasher);
    for speaker in &doc.speakers {
        speakers.entry(speaker.id.as_str()).or_insert(speaker);
    }
    doc.attributions
        .iter()
        .filter(|a| a.class == AttributionClass::Statement && !negated(&doc.body, &a.cue))
        .filter(|a| top_level(doc, a) && !pronoun_content(a) && !agentless_passive(&doc.body, a))
        .map(|a| from_attribution(a, &speakers))
        .collect()
}

/// Whether `a` is a top-level statement: nested in no other report, or only in reports
/// that did not happen. "Ukraine's military estimates that more than 970,000 ... were
/// killed, a figure Moscow does not confirm" nests the estimate in what Moscow does not
/// confirm, which makes no claim, so the estimate is the claim. Such a report needs a
/// speaker of its own: a relative clause under a negated cue ("would not reveal the fee,
/// which will be noted ...") is none.
fn top_level(doc: &Document, a: &Attribution) -> bool {
    if a.within.is_some() && a.speaker_id.is_none() {
        return false;
    }
    let mut within = a.within.as_deref();
    // The chain is short (nesting depth); the bound guards against a cycle in bad input.
    for _ in 0..doc.attributions.len() {
        let Some(id) = within else {
            return true;
        };
        match doc.attributions.iter().find(|o| o.id == id) {
            Some(outer) if negated(&doc.body, &outer.cue) => within = outer.within.as_deref(),
            _ => return false,
        }
    }
    false
}

/// Whether `a` is a report in the passive with no agent and no that-clause ("was revealed
/// as a Trump delegate", "were projected at 40 billion"): nobody is named and what follows
/// the cue is a fragment, so the sentence stays the reporter's. "It was reported that ..."
/// keeps its claim, with an unknown speaker.
pub(crate) fn agentless_passive(body: &str, a: &Attribution) -> bool {
    let be = |w: &str| {
        ["was", "were", "is", "are", "be", "been", "being"]
            .iter()
            .any(|b| w.eq_ignore_ascii_case(b))
    };
    let that = a.content.first().is_some_and(|c| {
        c.text
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("that"))
    });
    // Raising ("Exports are estimated to have risen") has the subject and the infinitive as
    // two contents: that is a claim.
    a.source.is_none()
        && a.content.len() == 1
        && !that
        && body
            .get(a.cue.start..a.cue.end)
            .is_some_and(|cue| cue.split_whitespace().any(be))
}

static PRONOUN_CONTENTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    tally_core::data_lines(include_str!("../../../data/claims/pronoun_contents.txt")).collect()
});

/// Whether the whole content of `a` is a pronoun ("The military denied that, saying its
/// forces ..."): what it refers to is said elsewhere, and the word alone is no claim.
fn pronoun_content(a: &Attribution) -> bool {
    let [span] = a.content.as_slice() else {
        return false;
    };
    let word = span
        .text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    PRONOUN_CONTENTS.contains(&word.as_str())
}

/// How many words before a cue's verb may say it did not happen ("did not immediately
/// say").
const NEGATION_REACH: usize = 3;

/// Whether the cue `cue` is negated: "not", "never" or a word in "n't" among the
/// [`NEGATION_REACH`] words before its last word (in the cue, "did not say", or before it),
/// with no punctuation between ("He did not say where the figures came from", "would not
/// say who", "has never said"). What was not said is no claim.
fn negated(body: &str, cue: &Span) -> bool {
    let Some(text) = body.get(..cue.end) else {
        return false;
    };
    text.split_whitespace()
        .rev()
        .skip(1)
        .take(NEGATION_REACH)
        .take_while(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '\u{2019}')
        })
        .any(|w| {
            w.eq_ignore_ascii_case("not")
                || w.eq_ignore_ascii_case("never")
                || w.eq_ignore_ascii_case("rarely")
                || w.eq_ignore_ascii_case("seldom")
                || w.ends_with("n't")
                || w.ends_with("n\u{2019}t")
        })
}

fn from_attribution(a: &Attribution, speakers: &HashMap<&str, &Speaker, FxBuildHasher>) -> Draft {
    let speaker = a
        .speaker_id
        .as_deref()
        .and_then(|id| speakers.get(id).copied());
    let claimant = match speaker {
        Some(s) => Claimant {
            kind: ClaimantKind::Speaker,
            speaker_id: Some(s.id.clone()),
            name: s
                .name
                .clone()
                .or_else(|| s.descriptor.clone())
                .unwrap_or_else(|| s.id.clone()),
            anonymous: s.anonymous,
        },
        None => Claimant {
            kind: ClaimantKind::Unknown,
            speaker_id: None,
            name: "unknown".to_owned(),
            anonymous: true,
        },
    };
    let mut conditions = a.conditions.clone();
    for condition in speaker.map(|s| s.conditions.as_slice()).unwrap_or_default() {
        if !conditions.contains(condition) {
            conditions.push(condition.clone());
        }
    }
    let kind = match a.kind {
        QuoteKind::Direct => ClaimKind::Direct,
        QuoteKind::Indirect => ClaimKind::Indirect,
        QuoteKind::Mixed => ClaimKind::Mixed,
    };
    let mut rules = vec![format!("attribution {} (cue {:?})", a.id, a.cue_lemma)];
    if speaker.is_none() {
        rules.push("speaker unknown: no antecedent, not guessed".to_owned());
    }
    Draft {
        claimant,
        kind,
        cue: Some(a.cue.clone()),
        said_at: a.said_at.clone(),
        evidence: a.content.clone(),
        conditions,
        attributions: vec![a.id.clone()],
        rules,
    }
}

/// The more reliable of two said-at dates: one read from the text beats an inherited one,
/// which beats the publication-date fallback.
pub fn better_said_at(a: Option<SaidAt>, b: Option<SaidAt>) -> Option<SaidAt> {
    let rank = |s: &SaidAt| match s.basis {
        SaidAtBasis::CueModifier => 0,
        SaidAtBasis::SameSpeaker => 1,
        SaidAtBasis::PublicationDate => 2,
    };
    match (a, b) {
        (Some(a), Some(b)) => Some(if rank(&b) < rank(&a) { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// The publication date, when `said` starts after it: what an article reports was said
/// by the time it was published. A date read from a time that is what the statement is
/// about ("said he would never eat Oreos again" dated by a later "in August" through the
/// speaker's other statement, "April 10 is the redemption date") is no said-at date.
/// Only calendar values are compared (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), by their first day.
/// `published` is the document's publication date as text, made once per document.
fn after_publication(said: Option<&SaidAt>, published: Option<&str>) -> Option<String> {
    let published = published?;
    let date = said?.date.as_bytes();
    // The first day of a year ("2024" is 2024-01-01) or month ("2024-05" is 2024-05-01),
    // written over the tail of a day, on the stack: this runs for every claim.
    let mut first_day = *b"0000-01-01";
    match date.len() {
        4 | 7 | 10 => first_day[..date.len()].copy_from_slice(date),
        _ => return None,
    }
    let calendar = first_day.iter().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            *b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    (calendar && first_day.as_slice() > published.as_bytes()).then(|| published.to_owned())
}

/// Turns drafts into claims: content, ids, and the figures, times and entities inside the
/// evidence.
pub fn finish(drafts: Vec<Draft>, doc: &Document) -> Vec<Claim> {
    let figures = Positions::new(doc.figures.iter().map(|f| &f.span).enumerate());
    let times = Positions::new(doc.times.iter().map(|t| &t.span).enumerate());
    let mentions = Positions::new(
        doc.entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (i, m))),
    );
    // Ids are hashes already: a cheap hasher is enough, and the sets are sized up front.
    let mut seen: HashSet<String, FxBuildHasher> =
        HashSet::with_capacity_and_hasher(drafts.len(), FxBuildHasher);
    // Where each base id's chain of "again" ids has got to, for the bases that had repeats
    // (a base alone is its own chain end). Walking the chain from its base for every repeat
    // made n identical claims cost n² hashes ('He said "n.' repeated to 1 MB, fuzz target
    // blowup); every id before the chain's end is taken, so starting there gives the same
    // ids.
    let mut chain_end: HashMap<String, String, FxBuildHasher> = HashMap::default();
    let published = doc.meta.published.as_ref().map(|p| p.date.to_string());
    drafts
        .into_iter()
        .map(|d| {
            let content = content::text(&d.evidence, d.kind);
            let base = derived_id(&doc.id, &[d.claimant.name.as_str(), &content]);
            let id = match chain_end.get(&base) {
                // The common case: a new statement, whose id is its base.
                None if !seen.contains(&base) => {
                    seen.insert(base.clone());
                    base
                }
                end => {
                    let mut id = end.cloned().unwrap_or_else(|| base.clone());
                    while !seen.insert(id.clone()) {
                        id = derived_id(&id, &["again"]);
                    }
                    chain_end.insert(base, id.clone());
                    id
                }
            };
            let mut d = d;
            if let Some(published) = after_publication(d.said_at.as_ref(), published.as_deref()) {
                d.rules.push(format!(
                    "said-at {} is after the publication date: {published}",
                    d.said_at.as_ref().map_or("", |s| s.date.as_str())
                ));
                d.said_at = Some(SaidAt {
                    date: published,
                    basis: SaidAtBasis::PublicationDate,
                    time_id: None,
                });
            }
            let said_time = d.said_at.as_ref().and_then(|s| s.time_id.as_deref());
            let about_times = times
                .inside_any(&d.evidence)
                .into_iter()
                .map(|i| &doc.times[i].id)
                .filter(|id| Some(id.as_str()) != said_time)
                .cloned()
                .collect();
            Claim {
                id,
                document_id: doc.id.clone(),
                claimant: d.claimant,
                kind: d.kind,
                cue: d.cue,
                said_at: d.said_at,
                about_times,
                figures: figures
                    .inside_any(&d.evidence)
                    .into_iter()
                    .map(|i| doc.figures[i].id.clone())
                    .collect(),
                entities: mentions
                    .inside_any(&d.evidence)
                    .into_iter()
                    .map(|i| doc.entities[i].id.clone())
                    .collect(),
                evidence: d.evidence,
                content,
                conditions: d.conditions,
                attributions: d.attributions,
                rules: d.rules,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_core::DocumentMeta;

    /// The comparison as it was written first, with a date string per call.
    fn after_publication_reference(said: Option<&SaidAt>, published: &str) -> Option<String> {
        let date = said?.date.as_str();
        let first_day = match date.len() {
            4 => format!("{date}-01-01"),
            7 => format!("{date}-01"),
            10 => date.to_owned(),
            _ => return None,
        };
        let calendar = first_day.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
        (calendar && first_day.len() == 10 && first_day.as_str() > published)
            .then(|| published.to_owned())
    }

    #[test]
    fn said_after_publication_by_first_day() {
        let dates = [
            "2024",
            "2025",
            "2023",
            "2024-05",
            "2024-06",
            "2024-04",
            "2024-05-17",
            "2024-05-18",
            "2024-05-16",
            "2024-W20",
            "2024-SU",
            "PRESENT_REF",
            "2024-05-17T10:00",
            "20x4",
            "2024/05",
            "",
            "é024",
            "2024-05-1é",
        ];
        for date in dates {
            let said = SaidAt {
                date: date.to_owned(),
                basis: SaidAtBasis::CueModifier,
                time_id: None,
            };
            let got = after_publication(Some(&said), Some("2024-05-17"));
            assert_eq!(
                got,
                after_publication_reference(Some(&said), "2024-05-17"),
                "{date}"
            );
        }
        assert_eq!(after_publication(None, Some("2024-05-17")), None);
        let said = SaidAt {
            date: "2030".to_owned(),
            basis: SaidAtBasis::CueModifier,
            time_id: None,
        };
        assert_eq!(after_publication(Some(&said), None), None);
        assert_eq!(
            after_publication(Some(&said), Some("2024-05-17")).as_deref(),
            Some("2024-05-17")
        );
    }

    /// Found by fuzz target `blowup`: 'He said "n.' repeated to 1 MB gives tens of
    /// thousands of identical claims, and each walked the whole chain of ids before it.
    #[test]
    fn identical_claims_get_the_chain_of_ids_in_linear_time() {
        let doc = Document::new(DocumentMeta::default(), ["He said \"n.\""]);
        let said = Span::new(&doc.body, 0, doc.body.len()).unwrap();
        let draft = Draft {
            claimant: Claimant {
                kind: ClaimantKind::Unknown,
                speaker_id: None,
                name: "He".to_owned(),
                anonymous: false,
            },
            kind: ClaimKind::Reporter,
            cue: None,
            said_at: None,
            evidence: vec![said.clone()],
            conditions: Vec::new(),
            attributions: Vec::new(),
            rules: Vec::new(),
        };
        let claims = finish(vec![draft; 20_000], &doc);
        let base = derived_id(&doc.id, &["He", &said.text]);
        let again = derived_id(&base, &["again"]);
        assert_eq!(claims[0].id, base);
        assert_eq!(claims[1].id, again);
        assert_eq!(claims[2].id, derived_id(&again, &["again"]));
        let unique: HashSet<&str> = claims.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(unique.len(), 20_000);
    }
}
