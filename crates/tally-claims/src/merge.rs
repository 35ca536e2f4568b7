//! Merging a lead paraphrase and a later quote of the same statement.
//!
//! Rule: two drafts are the same statement when they have the same (known) speaker, lie
//! within [`WINDOW`] paragraphs of each other, and either
//! 0. their evidence shares bytes (one speaker's words are one statement however many cues
//!    report them), or
//! 1. carry figures of the same measure whose ranges overlap ("several hundred casualties"
//!    in the lead and "Several hundred casualties is our latest estimate" in the quote);
//!    a money figure or one of no named measure (`other`) only when it is the same amount
//!    of a unit or counted noun, not merely an overlapping one ("under 20 dlrs" and "18
//!    dlrs"), a small count ("the two types of wine") or a bare number ("the 787"); or
//! 2. share at least [`MIN_OVERLAP`] of their content words (Jaccard over lower-cased words
//!    of three letters or more, function words excluded).
//!
//! The later draft's evidence joins the earlier one; differing kinds make the claim
//! `mixed`; the said-at date read from the text wins over a fallback.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use tally_core::{ClaimKind, Document, Figure, Measure};

use crate::draft::{Draft, better_said_at};

/// How many paragraphs apart a paraphrase and its quote may be.
pub const WINDOW: usize = 8;
/// Word overlap (Jaccard) above which two statements by one speaker are one.
pub const MIN_OVERLAP: f64 = 0.5;

const FUNCTION_WORDS: &[&str] = &[
    "the", "and", "that", "this", "have", "has", "had", "was", "were", "are", "been", "for",
    "with", "from", "they", "their", "them", "his", "her", "its", "our", "not", "but", "would",
    "could", "will", "said", "says", "there", "what", "which", "who", "all", "any",
];

/// What a draft is compared by, computed once per draft (and grown when it absorbs
/// another): its paragraph, its figures, and its content words as hashes (only for
/// speakers with more than one draft: a lone statement is never compared).
#[derive(Default)]
struct Profile<'d> {
    paragraph: Option<usize>,
    figures: Vec<&'d Figure>,
    words: WordSet,
    /// From the first byte of the evidence to its last: spans outside it share no bytes
    /// with the evidence, and a claim that absorbed thousands of statements is not walked
    /// span by span for each later one.
    hull: Option<(usize, usize)>,
}

/// A set of word hashes: sorted, without repeats. A statement has a few dozen words, and
/// sorting them beat growing a hash set (its rehashing was a sixth of merging).
#[derive(Default)]
struct WordSet(Vec<u64>);

impl WordSet {
    fn new(mut hashes: Vec<u64>) -> WordSet {
        hashes.sort_unstable();
        hashes.dedup();
        WordSet(hashes)
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn extend(&mut self, other: WordSet) {
        let mut all = std::mem::take(&mut self.0);
        all.extend(other.0);
        *self = WordSet::new(all);
    }

    /// How many hashes both sets hold: one walk over the two sorted lists.
    fn shared(&self, other: &WordSet) -> usize {
        let (mut a, mut b) = (self.0.iter().peekable(), other.0.iter().peekable());
        let mut shared = 0;
        while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
            match x.cmp(y) {
                std::cmp::Ordering::Less => {
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    b.next();
                }
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    a.next();
                    b.next();
                }
            }
        }
        shared
    }
}

/// Hashes of [`FUNCTION_WORDS`], excluded from word overlap. Word hashes are FNV hashes
/// already: a cheap hasher (not SipHash) is enough to key them.
static FUNCTION_WORD_HASHES: LazyLock<HashSet<u64, rustc_hash::FxBuildHasher>> =
    LazyLock::new(|| FUNCTION_WORDS.iter().flat_map(|w| word_hashes(w)).collect());

impl<'d> Profile<'d> {
    fn of(draft: &Draft, doc: &'d Document, compared: bool) -> Profile<'d> {
        let words = if compared {
            // A word takes four bytes or more with its separator: one allocation.
            let bytes: usize = draft.evidence.iter().map(|e| e.text.len() / 4 + 1).sum();
            let mut hashes = Vec::with_capacity(bytes);
            for e in &draft.evidence {
                content_word_hashes(&e.text, &mut hashes);
            }
            WordSet::new(hashes)
        } else {
            WordSet::default()
        };
        Profile {
            // Only compared drafts ever read it (a draft is compared with drafts of its own
            // speaker, and then both are compared ones).
            paragraph: if compared {
                draft
                    .evidence
                    .first()
                    .and_then(|e| doc.paragraph_at(e.start))
            } else {
                None
            },
            // Only compared drafts ever read their figures: skip the scan over every
            // figure of the document for the others.
            figures: if compared {
                doc.figures
                    .iter()
                    .filter(|f| draft.covers(&f.span))
                    .collect()
            } else {
                Vec::new()
            },
            words,
            hull: hull(&draft.evidence),
        }
    }
}

fn hull(evidence: &[tally_core::Span]) -> Option<(usize, usize)> {
    let start = evidence.iter().map(|e| e.start).min()?;
    let end = evidence.iter().map(|e| e.end).max()?;
    Some((start, end))
}

/// Merges drafts of the same statement, in place. Each draft is compared only with the
/// earlier drafts of its own speaker.
pub fn merge_same_statements(drafts: &mut Vec<Draft>, doc: &Document) {
    let mut per_speaker: HashMap<&str, usize, rustc_hash::FxBuildHasher> = HashMap::default();
    for speaker in drafts
        .iter()
        .filter_map(|d| d.claimant.speaker_id.as_deref())
    {
        *per_speaker.entry(speaker).or_default() += 1;
    }
    let compared = |d: &Draft| {
        d.claimant
            .speaker_id
            .as_deref()
            .is_some_and(|s| per_speaker[s] > 1)
    };
    let mut profiles: Vec<Profile<'_>> = drafts
        .iter()
        .map(|d| Profile::of(d, doc, compared(d)))
        .collect();
    let mut absorbed_into: Vec<Option<usize>> = vec![None; drafts.len()];
    for j in 1..drafts.len() {
        let Some(speaker) = drafts[j].claimant.speaker_id.as_deref() else {
            continue;
        };
        let target = (0..j).find_map(|i| {
            let same = absorbed_into[i].is_none()
                && drafts[i].claimant.speaker_id.as_deref() == Some(speaker);
            same.then(|| same_statement(&profiles[i], &profiles[j], &drafts[i], &drafts[j]))
                .flatten()
                .map(|why| (i, why))
        });
        if let Some((i, reason)) = target {
            absorbed_into[j] = Some(i);
            let later = std::mem::take(&mut profiles[j]);
            profiles[i].figures.extend(later.figures);
            profiles[i].words.extend(later.words);
            profiles[i].hull = match (profiles[i].hull, later.hull) {
                (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
                (a, b) => a.or(b),
            };
            let later = drafts[j].clone();
            absorb(&mut drafts[i], later, reason);
        }
    }
    let mut index = 0;
    drafts.retain(|_| {
        index += 1;
        absorbed_into[index - 1].is_none()
    });
    for draft in drafts.iter_mut() {
        join_overlapping_evidence(&mut draft.evidence, &doc.body);
    }
}

/// Evidence spans that share bytes become one span over both, in text order: a quotation
/// reported both inside a paraphrase and on its own ("Calling a threat by another name
/// ..." and "\"Calling a threat by another name ...\"") is shown and counted once. A claim
/// whose spans are apart keeps them as they are.
pub fn join_overlapping_evidence(evidence: &mut Vec<tally_core::Span>, body: &str) {
    if evidence.len() < 2 {
        return;
    }
    let mut bounds: Vec<(usize, usize)> = evidence.iter().map(|s| (s.start, s.end)).collect();
    bounds.sort_unstable();
    // Sorted by start, a span overlapping any earlier one overlaps the furthest reach.
    let mut reach = 0;
    let overlapping = bounds.iter().enumerate().any(|(i, &(start, end))| {
        let hit = i > 0 && start < reach;
        reach = reach.max(end);
        hit
    });
    if !overlapping {
        return;
    }
    let mut joined: Vec<(usize, usize)> = Vec::with_capacity(bounds.len());
    for (start, end) in bounds {
        match joined.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => joined.push((start, end)),
        }
    }
    let spans: Option<Vec<tally_core::Span>> = joined
        .into_iter()
        .map(|(start, end)| tally_core::Span::new(body, start, end).ok())
        .collect();
    if let Some(spans) = spans {
        *evidence = spans;
    }
}

fn absorb(into: &mut Draft, later: Draft, reason: String) {
    if into.kind != later.kind {
        into.kind = ClaimKind::Mixed;
    }
    into.evidence.extend(later.evidence);
    into.said_at = better_said_at(into.said_at.take(), later.said_at);
    for condition in later.conditions {
        if !into.conditions.contains(&condition) {
            into.conditions.push(condition);
        }
    }
    into.attributions.extend(later.attributions);
    into.rules.push(reason);
}

/// Why a later draft of the same speaker repeats an earlier one, or `None`.
fn same_statement(
    earlier: &Profile<'_>,
    later: &Profile<'_>,
    earlier_draft: &Draft,
    later_draft: &Draft,
) -> Option<String> {
    match (earlier.paragraph, later.paragraph) {
        (Some(a), Some(b)) if a.abs_diff(b) <= WINDOW => {}
        _ => return None,
    }
    // The ids are joined only for a merge: most compared pairs are different statements.
    let ids = || later_draft.attributions.join(",");
    // Two reports of one speaker over the same words (a quotation inside a paraphrase,
    // two cues over one clause) would list those words as two claims.
    let within_hull = match (earlier.hull, later.hull) {
        (Some(a), Some(b)) => a.0 < b.1 && b.0 < a.1,
        _ => false,
    };
    let shares_words = within_hull
        && earlier_draft
            .evidence
            .iter()
            .any(|e| later_draft.evidence.iter().any(|l| e.overlaps(l)));
    if shares_words {
        return Some(format!(
            "merged {}: same speaker, overlapping evidence",
            ids()
        ));
    }
    if let Some(f) = earlier
        .figures
        .iter()
        .find(|x| later.figures.iter().any(|y| same_figure_said(x, y)))
    {
        return Some(format!(
            "merged {}: same speaker, overlapping {} figure",
            ids(),
            f.measure.as_str()
        ));
    }
    let overlap = jaccard(&earlier.words, &later.words);
    (overlap >= MIN_OVERLAP).then(|| {
        format!(
            "merged {}: same speaker, {:.0}% shared words",
            ids(),
            overlap * 100.0
        )
    })
}

/// Hashes of the lower-cased words of three letters or more, without building strings.
fn word_hashes(text: &str) -> impl Iterator<Item = u64> + '_ {
    // ASCII text (nearly all statements) is split and lower-cased byte by byte; the result
    // is the same as the char path, which decodes and case-maps every char.
    let ascii_words = text
        .as_bytes()
        .split(|b| !b.is_ascii_alphanumeric() && *b != b'\'')
        .filter(|w| w.len() >= 3)
        .map(|w| {
            w.iter().fold(FNV_OFFSET, |hash, b| {
                (hash ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME)
            })
        });
    let unicode_words = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| w.chars().count() >= 3)
        .map(word_hash);
    // Iterators are lazy: only the chosen one ever runs.
    let (ascii_words, unicode_words) = if text.is_ascii() {
        (Some(ascii_words), None)
    } else {
        (None, Some(unicode_words))
    };
    ascii_words
        .into_iter()
        .flatten()
        .chain(unicode_words.into_iter().flatten())
}

/// The longest of [`FUNCTION_WORDS`], in bytes: a longer word is none of them, and skips
/// the set lookup.
const LONGEST_FUNCTION_WORD: usize = 6;

/// Pushes the [`word_hashes`] of `text` that are not function words onto `out`. ASCII text
/// is walked in one loop that splits, folds and hashes each byte once.
fn content_word_hashes(text: &str, out: &mut Vec<u64>) {
    if !text.is_ascii() {
        out.extend(word_hashes(text).filter(|h| !FUNCTION_WORD_HASHES.contains(h)));
        return;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if WORD_BYTE[usize::from(bytes[i])] == 0 {
            i += 1;
            continue;
        }
        let start = i;
        let mut hash = FNV_OFFSET;
        while let Some(&b) = bytes.get(i) {
            let folded = WORD_BYTE[usize::from(b)];
            if folded == 0 {
                break;
            }
            hash = (hash ^ u64::from(folded)).wrapping_mul(FNV_PRIME);
            i += 1;
        }
        let len = i - start;
        if len >= 3 && (len > LONGEST_FUNCTION_WORD || !FUNCTION_WORD_HASHES.contains(&hash)) {
            out.push(hash);
        }
    }
}

/// For each byte, its lowercase form when it is part of an ASCII word (a letter, a digit or
/// an apostrophe), else 0: one table lookup tests and folds a byte in
/// [`content_word_hashes`], which runs over every compared statement.
static WORD_BYTE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        if byte.is_ascii_alphanumeric() || byte == b'\'' {
            table[b] = byte.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

#[allow(clippy::cast_precision_loss)]
fn jaccard(a: &WordSet, b: &WordSet) -> f64 {
    // The union follows from the sizes.
    let shared = a.shared(b);
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// Whether two figures in one speaker's statements show them to be one statement said
/// twice. A loss or troop figure is the same estimate when its range overlaps: vague counts
/// ("several hundred", "more than 1,000") are why ranges exist. Money and `other` figures
/// are mostly exact, and overlap says little: "under 20 dlrs a barrel" and "18 dlrs",
/// "up to 440 mln dlrs" and "close to 400 mln", "less than 90 pct" and "49 pct" are
/// different statements, and "two men" or "the 787" recur in many; such a figure must be
/// the same amount (the same range, or the same stated value: "about 75 mln dlrs" and "75
/// mln dlrs") of a unit, or of a counted noun from ten up.
fn same_figure_said(a: &Figure, b: &Figure) -> bool {
    if !same_quantity(a, b) {
        return false;
    }
    if !matches!(a.measure, Measure::Other | Measure::Money) {
        return true;
    }
    let range = |f: &Figure| (f.low, f.best, f.high, f.open_low, f.open_high);
    let amount = a.unit.is_some() || (a.noun.is_some() && a.low.is_some_and(|v| v >= 10.0));
    amount && (range(a) == range(b) || point(a).is_some_and(|p| Some(p) == point(b)))
}

/// The one value a figure states: its best value ("about 75 mln dlrs" is 75 mln whatever
/// range the convention puts around it), or its bound when both bounds are one.
fn point(f: &Figure) -> Option<f64> {
    f.best.or(match (f.low, f.high) {
        (Some(low), Some(high)) if low == high && !f.open_low && !f.open_high => Some(low),
        _ => None,
    })
}

/// Same measure (and noun, for `other`), same unit, overlapping ranges.
pub fn same_quantity(a: &Figure, b: &Figure) -> bool {
    let bounds = |f: &Figure| {
        let low = f.low.or(f.best).unwrap_or(0.0);
        let high = if f.open_high {
            f64::INFINITY
        } else {
            f.high.or(f.best).unwrap_or(f64::INFINITY)
        };
        (low, high)
    };
    let ((al, ah), (bl, bh)) = (bounds(a), bounds(b));
    let same_noun = a.measure != tally_core::Measure::Other
        || a.noun.as_deref().map(str::to_lowercase) == b.noun.as_deref().map(str::to_lowercase);
    a.measure == b.measure && same_noun && a.unit == b.unit && al <= bh && bl <= ah
}

/// FNV-1a over the lower-cased characters: a stable, allocation-free word key. (The ASCII
/// path hashes bytes directly and gives the same keys.)
fn word_hash(w: &str) -> u64 {
    let mut hash = FNV_OFFSET;
    for c in w.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for b in c.encode_utf8(&mut buf).bytes() {
            hash = (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char path alone, for any text.
    fn reference(text: &str) -> Vec<u64> {
        text.split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| w.chars().count() >= 3)
            .map(word_hash)
            .collect()
    }

    #[test]
    fn ascii_words_hash_like_the_char_path() {
        let text = "The Minister's 300 troops, U.S.-led, ARE there; it's OK.";
        assert_eq!(word_hashes(text).collect::<Vec<_>>(), reference(text));
        let accented = "Zürich's officials SAID";
        assert_eq!(
            word_hashes(accented).collect::<Vec<_>>(),
            reference(accented)
        );
    }

    /// What [`content_word_hashes`] replaced: every word hash, function words filtered out.
    fn content_reference(text: &str) -> Vec<u64> {
        word_hashes(text)
            .filter(|h| !FUNCTION_WORD_HASHES.contains(h))
            .collect()
    }

    #[test]
    fn function_words_fit_the_length_gate() {
        assert!(
            FUNCTION_WORDS
                .iter()
                .all(|w| w.len() <= LONGEST_FUNCTION_WORD)
        );
        let mut got = Vec::new();
        let text = "They said THERE would be 300 troops; Zürich's officials weren't";
        content_word_hashes(text, &mut got);
        assert_eq!(got, content_reference(text));
    }

    #[test]
    fn jaccard_counts_shared_over_union() {
        let set = |words: &[u64]| WordSet::new(words.to_vec());
        assert!((jaccard(&set(&[1, 2, 3]), &set(&[2, 3, 4])) - 0.5).abs() < 1e-12);
        assert!(jaccard(&set(&[]), &set(&[])).abs() < 1e-12);
    }

    proptest::proptest! {
        #[test]
        fn joined_evidence_covers_the_same_bytes_without_overlaps(
            spans in proptest::collection::vec((0usize..60, 0usize..12), 0..8)
        ) {
            let body = "x".repeat(80);
            let mut evidence: Vec<tally_core::Span> = spans
                .iter()
                .map(|&(start, len)| tally_core::Span::new(&body, start, start + len).unwrap())
                .collect();
            let before = evidence.clone();
            let covered = |ev: &[tally_core::Span]| -> Vec<bool> {
                (0..80).map(|b| ev.iter().any(|s| s.start <= b && b < s.end)).collect()
            };
            let overlapped = before.iter().enumerate()
                .any(|(i, a)| before[i + 1..].iter().any(|b| a.overlaps(b)));
            join_overlapping_evidence(&mut evidence, &body);
            proptest::prop_assert_eq!(covered(&evidence), covered(&before));
            proptest::prop_assert!(evidence.iter().enumerate()
                .all(|(i, a)| evidence[i + 1..].iter().all(|b| !a.overlaps(b))));
            if !overlapped {
                proptest::prop_assert_eq!(evidence, before);
            }
        }

        #[test]
        fn sorted_sets_overlap_as_hash_sets_do(
            a in proptest::collection::vec(0u64..40, 0..30),
            b in proptest::collection::vec(0u64..40, 0..30),
            c in proptest::collection::vec(0u64..40, 0..30),
        ) {
            let hashed = |v: &[u64]| v.iter().copied().collect::<HashSet<u64>>();
            let (ha, mut hb) = (hashed(&a), hashed(&b));
            hb.extend(hashed(&c));
            let shared = ha.intersection(&hb).count();
            let union = ha.union(&hb).count();
            let expected = if union == 0 { 0.0 } else { shared as f64 / union as f64 };
            let mut sb = WordSet::new(b);
            sb.extend(WordSet::new(c));
            proptest::prop_assert_eq!(jaccard(&WordSet::new(a), &sb).to_bits(), expected.to_bits());
        }

        #[test]
        fn word_hashes_match_the_char_path(text in "[a-zA-Z0-9' .,Éé-]{0,60}") {
            proptest::prop_assert_eq!(word_hashes(&text).collect::<Vec<_>>(), reference(&text));
        }

        #[test]
        fn content_words_are_the_word_hashes_less_function_words(
            text in "(the|The|THAT|which|would|said|[a-zA-Z0-9'é]{1,9}|[ .,;-]){0,30}"
        ) {
            let mut got = Vec::new();
            content_word_hashes(&text, &mut got);
            proptest::prop_assert_eq!(got, content_reference(&text));
        }
    }
}
