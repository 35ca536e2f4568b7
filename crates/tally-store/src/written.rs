//! The names a claim goes by in its article, for full-text search.
//!
//! What it finds: the capitalized words of the claimant's mentions and of the subject and
//! agent phrases of the claim's figures that neither the stored claimant name nor the
//! claim's content already holds. A claim is stored under its claimant's canonical name
//! ("Volodymyr Zelensky"), so without them `tally search Zelenskyy` found the article but
//! not what he said in it.
//!
//! Example: speaker mentions "President Volodymyr Zelenskyy" and "Zelenskyy", claimant
//! "Volodymyr Zelensky": the names are `President Zelenskyy`. A figure whose inherited
//! subject "North Korea" is not in the quote adds `North Korea`.
//!
//! Limitations: only capitalized words count, so a lowercase mention ("the governor") adds
//! nothing (the claimant name of an anonymous speaker is already its description), and
//! neither does a phrase written all in capitals ("COLONEL ISAACS"); the
//! first few words win (at most [`MAX_WORDS`]), so a speaker with many mentions is not
//! searchable by every one of them; words are compared case-insensitively but not by their
//! diacritics, so "Zelenskyy" and "Zelenskyý" are both kept. Syndicated copies add the
//! words of their own mentions to the claim they share.

use std::collections::HashSet;
use std::sync::OnceLock;

use rusqlite::OptionalExtension;
use tally_core::{Claim, Document};

/// Most words a claim's names hold: enough for a title and two spellings of a name,
/// without letting a much-mentioned speaker grow every one of their claims' index rows.
pub(crate) const MAX_WORDS: usize = 12;

static NOT_NAMES_TXT: &str = include_str!("../../../data/store/not_names.txt");

/// Capitalized words that are not names ("He", "The"), lowercased.
fn not_names() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        NOT_NAMES_TXT
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// The words of `text` as the full-text index splits them (runs of letters and digits).
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The longest word of `not_names.txt` ("according"): a longer word is not looked up.
const LONGEST_NOT_NAME: usize = 9;

/// Whether `word` is listed as no name ("He", "The").
fn is_not_name(word: &str) -> bool {
    if word.len() > LONGEST_NOT_NAME {
        return false;
    }
    let mut buf = [0u8; LONGEST_NOT_NAME];
    if word.is_ascii() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|w| not_names().contains(w))
    } else {
        not_names().contains(word.to_lowercase().as_str())
    }
}

/// Whether two words are the same but for case.
fn same_word(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// Whether `text` has `word` as a whole word, matched exactly (the article's own
/// spelling: content and mention come from the same text).
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The words `claim` is written under in `doc` beyond its claimant name and content,
/// space-separated in the order first met; `None` when there are none.
pub(crate) fn names(doc: &Document, claim: &Claim) -> Option<String> {
    let speaker = claim
        .claimant
        .speaker_id
        .as_deref()
        .and_then(|id| doc.speakers.iter().find(|s| s.id == id));
    let mentions = speaker.into_iter().flat_map(|s| s.mentions.iter());
    let arguments = claim
        .figures
        .iter()
        .filter_map(|id| doc.figures.iter().find(|f| f.id == *id))
        .flat_map(|f| f.subject.iter().chain(&f.agent))
        .map(|a| &a.span);
    names_in(
        &claim.claimant.name,
        &claim.content,
        mentions.chain(arguments).map(|s| s.text.as_str()),
    )
}

/// [`names`] from the texts themselves: the claimant name, the content, and the speaker's
/// mentions followed by the figures' subject and agent phrases.
pub(crate) fn names_in<'t>(
    claimant: &'t str,
    content: &str,
    phrases: impl Iterator<Item = &'t str>,
) -> Option<String> {
    // Borrowed words compared case-insensitively (an ASCII fast path): the writer runs
    // this for every claim.
    let mut known: Vec<&str> = words(claimant).collect();
    let mut out = String::new();
    let mut count = 0;
    for phrase in phrases {
        // In a text written in capitals (wire copy of the 1980s, a shouted headline)
        // every word looks like a name ("PERSONS WERE NEARBY"): it tells nothing.
        if !phrase.chars().any(char::is_lowercase) {
            continue;
        }
        for word in words(phrase) {
            if count == MAX_WORDS {
                return Some(out);
            }
            // A one-letter word ("U" of "U.S.") finds nothing a search wants.
            let mut chars = word.chars();
            if !chars.next().is_some_and(char::is_uppercase) || chars.next().is_none() {
                continue;
            }
            if is_not_name(word)
                || known.iter().any(|k| same_word(k, word))
                || has_word(content, word)
            {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
            known.push(word);
            count += 1;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Fills the names of the claims stored before schema version 6 from what the store kept
/// of their articles: each carrier's speaker mentions (spans into the stored body) and its
/// figures' subject and agent phrases, carriers in document order as ingest would have met
/// them, then re-indexes the claims. Run once, by the migration to version 7.
pub(crate) fn backfill(tx: &rusqlite::Connection) -> rusqlite::Result<()> {
    use std::collections::HashMap;

    // Carriers in table order (by document), so each body is read once.
    let mut carriers = tx.prepare(
        "SELECT i.doc_pk, c.pk, c.claimant_name, c.content, s.mentions, i.figures
         FROM claim_instances i
         JOIN claims c ON c.pk = i.claim_pk
         LEFT JOIN speakers s ON s.doc_pk = i.doc_pk AND s.id = i.speaker_id
         WHERE c.names IS NULL",
    )?;
    let mut body_of = tx.prepare("SELECT body FROM document_text WHERE pk = ?1")?;
    let mut figure_of =
        tx.prepare("SELECT subject_text, agent_text FROM figures WHERE doc_pk = ?1 AND id = ?2")?;
    let mut found: HashMap<i64, String> = HashMap::new();
    let mut body: (i64, String) = (0, String::new());
    let mut rows = carriers.query([])?;
    while let Some(row) = rows.next()? {
        let doc_pk: i64 = row.get(0)?;
        let claim_pk: i64 = row.get(1)?;
        let claimant: String = row.get(2)?;
        let content: String = row.get(3)?;
        let mentions: Option<String> = row.get(4)?;
        let figures: String = row.get(5)?;
        if body.0 != doc_pk {
            let text: Option<String> = body_of.query_row([doc_pk], |r| r.get(0)).optional()?;
            body = (doc_pk, text.unwrap_or_default());
        }
        let spans: Vec<(usize, usize)> = mentions
            .as_deref()
            .and_then(|m| serde_json::from_str(m).ok())
            .unwrap_or_default();
        let mut phrases: Vec<String> = spans
            .iter()
            .filter_map(|&(start, end)| body.1.get(start..end))
            .map(str::to_owned)
            .collect();
        let ids: Vec<String> = serde_json::from_str(&figures).unwrap_or_default();
        for id in &ids {
            let arguments: Option<(Option<String>, Option<String>)> = figure_of
                .query_row(rusqlite::params![doc_pk, id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            if let Some((subject, agent)) = arguments {
                phrases.extend(subject.into_iter().chain(agent));
            }
        }
        let Some(names) = names_in(&claimant, &content, phrases.iter().map(String::as_str)) else {
            continue;
        };
        let merged = merge(found.get(&claim_pk).map(String::as_str), &names);
        if let Some(merged) = merged {
            found.insert(claim_pk, merged);
        }
    }
    drop(rows);
    let mut update = tx.prepare("UPDATE claims SET names = ?2 WHERE pk = ?1")?;
    for (pk, names) in &found {
        update.execute(rusqlite::params![pk, names])?;
    }
    // Simpler and no slower than a delete and an insert per renamed claim: the index is
    // read from the content table once.
    tx.execute_batch("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')")
}

/// `stored` with the words of `new` it lacks appended (up to [`MAX_WORDS`] in all);
/// `None` when it lacks none, so the stored row stays as it is.
pub(crate) fn merge(stored: Option<&str>, new: &str) -> Option<String> {
    let Some(stored) = stored else {
        return Some(new.to_owned());
    };
    let mut known: Vec<&str> = words(stored).collect();
    let mut out = stored.to_owned();
    let mut changed = false;
    for word in words(new) {
        if known.len() >= MAX_WORDS {
            break;
        }
        if !known.iter().any(|k| same_word(k, word)) {
            out.push(' ');
            out.push_str(word);
            known.push(word);
            changed = true;
        }
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_core::{
        Argument, ClaimKind, Claimant, ClaimantKind, DocumentMeta, Figure, Measure, Speaker,
    };

    const TEXT: &str = "President Volodymyr Zelenskyy said Ukraine needed more air defence. \
He said the city was hit by 15 drones. Zelenskyy's office said North Korea sent troops.";

    fn span(doc: &Document, needle: &str) -> tally_core::Span {
        let at = doc.body.find(needle).unwrap();
        doc.span(at, at + needle.len()).unwrap()
    }

    fn story(content: &str) -> (Document, Claim) {
        let mut doc = Document::new(DocumentMeta::default(), [TEXT]);
        let mentions = ["President Volodymyr Zelenskyy", "He", "Zelenskyy's"]
            .map(|m| span(&doc, m))
            .to_vec();
        doc.speakers.push(Speaker {
            id: "S1".to_owned(),
            mentions,
            named: true,
            name: Some("Volodymyr Zelensky".to_owned()),
            entity_id: None,
            descriptor: None,
            role: None,
            affiliation: None,
            affiliation_basis: None,
            affiliation_evidence: None,
            seniority: None,
            anonymous: false,
            group: false,
            conditions: vec![],
        });
        let figure_span = span(&doc, "15");
        let subject = Argument {
            span: span(&doc, "North Korea"),
            entity_id: Some("KP".to_owned()),
        };
        doc.figures.push(Figure {
            id: "F1".to_owned(),
            span: figure_span.clone(),
            raw: "15".to_owned(),
            low: Some(15.0),
            best: Some(15.0),
            high: Some(15.0),
            unit: None,
            approx: false,
            open_low: false,
            open_high: false,
            measure: Measure::Other,
            noun: None,
            subject: Some(subject),
            subject_inherited: true,
            agent: None,
            place: None,
            hedges: vec![],
            convention: "default".to_owned(),
        });
        let claim = Claim {
            id: "C1".to_owned(),
            document_id: doc.id.clone(),
            claimant: Claimant {
                kind: ClaimantKind::Speaker,
                speaker_id: Some("S1".to_owned()),
                name: "Volodymyr Zelensky".to_owned(),
                anonymous: false,
            },
            kind: ClaimKind::Indirect,
            cue: None,
            said_at: None,
            about_times: vec![],
            evidence: vec![figure_span],
            content: content.to_owned(),
            figures: vec!["F1".to_owned()],
            entities: vec![],
            conditions: vec![],
            attributions: vec![],
            rules: vec![],
        };
        (doc, claim)
    }

    #[test]
    fn the_written_spellings_beyond_the_canonical_name() {
        let (doc, claim) = story("the city was hit by 15 drones");
        // "Volodymyr" is in the claimant name, "He" and the possessive "s" are no names;
        // the inherited subject is not in the quote.
        assert_eq!(
            names(&doc, &claim).as_deref(),
            Some("President Zelenskyy North Korea")
        );
    }

    #[test]
    fn words_the_content_holds_are_not_repeated() {
        let (doc, claim) = story("North Korea sent troops, the President said");
        assert_eq!(names(&doc, &claim).as_deref(), Some("Zelenskyy"));
        // "Korean" in the content is another word than "Korea".
        let (doc, claim) = story("North Korean troops arrived");
        assert_eq!(
            names(&doc, &claim).as_deref(),
            Some("President Zelenskyy Korea")
        );
    }

    #[test]
    fn an_unnamed_claimant_without_capitalized_mentions_adds_nothing() {
        let (mut doc, mut claim) = story("the city was hit by 15 drones");
        doc.speakers[0].mentions.truncate(0);
        claim.figures.clear();
        assert_eq!(names(&doc, &claim), None);
    }

    #[test]
    fn merging_keeps_the_stored_words_and_adds_new_ones_once() {
        assert_eq!(merge(None, "Zelenskyy"), Some("Zelenskyy".to_owned()));
        assert_eq!(merge(Some("President Zelenskyy"), "zelenskyy"), None);
        assert_eq!(
            merge(Some("President Zelenskyy"), "Zelenskiy President"),
            Some("President Zelenskyy Zelenskiy".to_owned())
        );
        let full = (0..MAX_WORDS)
            .map(|i| format!("W{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(merge(Some(&full), "Another"), None, "at most MAX_WORDS");
    }

    #[test]
    fn a_phrase_in_capitals_adds_nothing() {
        let (mut doc, claim) = story("the city was hit by 15 drones");
        doc.speakers[0].mentions[0].text = "PRESIDENT VOLODYMYR ZELENSKYY".to_owned();
        // Still the other mention's spelling and the subject, written in mixed case.
        assert_eq!(
            names(&doc, &claim).as_deref(),
            Some("Zelenskyy North Korea")
        );
    }

    #[test]
    fn listed_words_and_case_are_compared_as_written_or_folded() {
        assert!(is_not_name("He") && is_not_name("THE") && is_not_name("According"));
        assert!(!is_not_name("Zelenskyy") && !is_not_name("Accordingly"));
        assert!(same_word("ZELENSKYY", "Zelenskyy"));
        assert!(same_word("ŻUKOWSKI", "Żukowski"));
        assert!(!same_word("Zelensky", "Zelenskyy"));
        let longest = not_names().iter().map(|w| w.len()).max();
        assert_eq!(longest, Some(LONGEST_NOT_NAME));
    }

    proptest::proptest! {
        /// Any mention, subject and content text: no panic, and the names are words of
        /// the mentions, each capitalized, at most MAX_WORDS of them.
        #[test]
        fn any_text_gives_capitalized_words_of_the_mentions(
            mention in "\\PC{0,40}",
            content in "\\PC{0,40}",
        ) {
            let (mut doc, mut claim) = story("x");
            doc.speakers[0].mentions[0].text = mention.clone();
            claim.content = content;
            if let Some(found) = names(&doc, &claim) {
                let words: Vec<&str> = found.split(' ').collect();
                proptest::prop_assert!(words.len() <= MAX_WORDS);
                for w in words {
                    proptest::prop_assert!(w.chars().next().is_some_and(char::is_uppercase));
                }
            }
            let _ = merge(Some(&mention), &found_or_empty(&doc, &claim));
        }
    }

    fn found_or_empty(doc: &Document, claim: &Claim) -> String {
        names(doc, claim).unwrap_or_default()
    }

    #[test]
    fn has_word_needs_word_boundaries() {
        assert!(has_word("North Korea sent", "Korea"));
        assert!(!has_word("North Korean troops", "Korea"));
        assert!(has_word("Zelenskyy's office", "Zelenskyy"));
        assert!(!has_word("", "Korea"));
    }
}
