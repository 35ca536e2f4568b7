//! Reporter-voice claims: figures stated outside every attribution belong to the wire
//! agency, or to the publisher when there is no agency.

use tally_core::{ClaimKind, Claimant, ClaimantKind, Document, Figure, Measure, Span};

use crate::draft::Draft;

/// One reporter claim per sentence that carries a figure no attribution covers. Figures
/// inside a source phrase ("two people familiar with the matter") describe the speaker, not
/// a claim, and are skipped.
pub fn reporter_claims(doc: &Document, speaker_drafts: &[Draft]) -> Vec<Draft> {
    let claimant = outlet(doc);
    let sources = Reach::from_ranges(
        doc.attributions
            .iter()
            .filter_map(|a| a.source.as_ref())
            .map(|s| (s.start, described_end(doc, s))),
    );
    // A figure in an attitude ("officials believe 200 died") or a nested report is someone
    // else's, not the reporter's, though it makes no speaker claim of its own.
    let covering = Reach::new(
        speaker_drafts
            .iter()
            .flat_map(|d| &d.evidence)
            .chain(voiced(doc).flat_map(|a| &a.content)),
    );
    // Built at the first unattributed figure: most documents have none.
    let mut occupied: Option<Occupied> = None;
    // Per sentence with an unattributed figure, the stretches of it that hold one.
    let mut sentences: Vec<(usize, Vec<(usize, usize)>)> = Vec::new();
    for figure in &doc.figures {
        let attributed = covering.contains(&figure.span) || sources.overlaps(&figure.span);
        if attributed || !counts_something(doc, figure) {
            continue;
        }
        let Some(i) = doc.sentence_at(figure.span.start) else {
            continue;
        };
        let Some(sentence) = doc.sentences.get(i) else {
            continue;
        };
        let stretch = occupied
            .get_or_insert_with(|| Occupied::new(doc, speaker_drafts))
            .free_around(&doc.body, sentence, &figure.span);
        match sentences.last_mut() {
            Some((last, stretches)) if *last == i => {
                if !stretches.contains(&stretch) {
                    stretches.push(stretch);
                }
            }
            _ => sentences.push((i, vec![stretch])),
        }
    }
    sentences
        .into_iter()
        .map(|(_, stretches)| Draft {
            claimant: claimant.clone(),
            kind: ClaimKind::Reporter,
            cue: None,
            said_at: None,
            evidence: evidence_of(doc, stretches),
            conditions: Vec::new(),
            attributions: Vec::new(),
            rules: vec![format!(
                "reporter voice: unattributed figure, claim of the {}",
                kind_word(claimant.kind)
            )],
        })
        .collect()
}

/// Where a source's description ends: "said Fatima Adam, 34, who reached Tawila with her
/// four children": a relative clause right after the source describes the speaker, to the
/// next comma or the sentence's end.
fn described_end(doc: &Document, source: &Span) -> usize {
    let rest = doc.body.get(source.end..).unwrap_or("");
    let trimmed = rest.trim_start_matches([',', ' ']);
    if !(trimmed.starts_with("who ") || trimmed.starts_with("whose ")) {
        return source.end;
    }
    let sentence_end = doc
        .sentence_at(source.start)
        .and_then(|i| doc.sentences.get(i))
        .map_or(doc.body.len(), |s| s.end);
    let from = source.end + (rest.len() - trimmed.len());
    doc.body
        .get(from..sentence_end)
        .and_then(|clause| clause.find([',', ';']))
        .map_or(sentence_end, |k| from + k)
}

/// The stretches of one sentence as evidence. Two figures' stretches may nest (the first
/// runs to the sentence's end, the second starts after a comma): the words are shown once.
fn evidence_of(doc: &Document, stretches: Vec<(usize, usize)>) -> Vec<Span> {
    let mut evidence: Vec<Span> = stretches
        .into_iter()
        .filter_map(|(start, end)| Span::new(&doc.body, start, end).ok())
        .collect();
    crate::merge::join_overlapping_evidence(&mut evidence, &doc.body);
    evidence
}

/// The attributions that give their content a voice: an agentless passive ("were projected
/// at 40 billion stg") names nobody, so its figures stay the reporter's.
fn voiced(doc: &Document) -> impl Iterator<Item = &tally_core::Attribution> {
    doc.attributions
        .iter()
        .filter(|a| !crate::draft::agentless_passive(&doc.body, a))
}

/// Whether a figure is a count worth a claim of its own. A small number of an unmeasured
/// noun after a definite determiner ("the two armies", "these three countries") refers to
/// things already known; it does not report how many. Nor does an unmeasured number
/// inside a compound modifier ("a two-front war", "a three-judge panel"): it describes.
fn counts_something(doc: &Document, figure: &Figure) -> bool {
    if figure.measure != Measure::Other || figure.low != figure.high {
        return true;
    }
    let Some(value) = figure.low else {
        return true;
    };
    let after = doc.body.get(figure.span.end..).unwrap_or("");
    if after
        .strip_prefix('-')
        .is_some_and(|rest| rest.starts_with(char::is_alphabetic))
    {
        return false;
    }
    let before = doc.body.get(..figure.span.start).unwrap_or("").trim_end();
    let determiner = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| {
            ["the", "these", "those"]
                .iter()
                .any(|d| w.eq_ignore_ascii_case(d))
        });
    !(determiner && value < 10.0)
}

/// Spans sorted by start with the furthest end reached so far, so "does any span contain
/// (or overlap) this one" is a binary search. Scanning every span per figure cost figures
/// × attributions: 1 MB of "officials said several hundred" (fuzz target blowup).
struct Reach {
    /// `(start, furthest end of this and every earlier span)`, sorted by start.
    items: Vec<(usize, usize)>,
}

impl Reach {
    fn new<'a>(spans: impl Iterator<Item = &'a Span>) -> Reach {
        Reach::from_ranges(spans.map(|s| (s.start, s.end)))
    }

    fn from_ranges(ranges: impl Iterator<Item = (usize, usize)>) -> Reach {
        let mut items: Vec<(usize, usize)> = ranges.collect();
        items.sort_unstable();
        let mut furthest = 0;
        for item in &mut items {
            furthest = furthest.max(item.1);
            item.1 = furthest;
        }
        Reach { items }
    }

    /// The furthest end among the spans whose start passes `starts_before`, if any.
    fn furthest_end(&self, starts_before: impl Fn(usize) -> bool) -> Option<usize> {
        let n = self
            .items
            .partition_point(|&(start, _)| starts_before(start));
        n.checked_sub(1).map(|k| self.items[k].1)
    }

    /// Whether one span lies around `span` (`start <= span.start`, `span.end <= end`).
    fn contains(&self, span: &Span) -> bool {
        self.furthest_end(|start| start <= span.start)
            .is_some_and(|end| end >= span.end)
    }

    /// Whether one span shares a byte with `span`.
    fn overlaps(&self, span: &Span) -> bool {
        self.furthest_end(|start| start < span.end)
            .is_some_and(|end| end > span.start)
    }
}

/// What the attributions of a document take of its sentences (contents, sources, cues with
/// their times, and the evidence of speaker claims), sorted by start and by end for the nearest one on
/// either side of a figure. A reporter claim's evidence is the rest of its sentence around
/// its figure: "Germany's economy is expected to shrink by 0.1%, the institutes said, while
/// unemployment held at 6.4%" reports only "while unemployment held at 6.4%".
struct Occupied {
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl Occupied {
    fn new(doc: &Document, speaker_drafts: &[Draft]) -> Occupied {
        // The cue's time too: "the institutes said last week, while ...".
        let cue_time = |a: &tally_core::Attribution| {
            // Times are numbered in order (`T7` is the seventh): no search per attribution.
            let id = a.said_at.as_ref()?.time_id.as_deref()?;
            let n: usize = id.strip_prefix('T')?.parse().ok()?;
            doc.times
                .get(n.checked_sub(1)?)
                .filter(|t| t.id == id)
                .map(|t| &t.span)
        };
        let spans = || {
            voiced(doc)
                .flat_map(|a| {
                    a.content
                        .iter()
                        .chain(&a.source)
                        .chain([&a.cue])
                        .chain(cue_time(a))
                })
                .chain(speaker_drafts.iter().flat_map(|d| &d.evidence))
        };
        let mut starts: Vec<usize> = spans().map(|s| s.start).collect();
        let mut ends: Vec<usize> = spans().map(|s| s.end).collect();
        starts.sort_unstable();
        ends.sort_unstable();
        Occupied { starts, ends }
    }

    /// The stretch of `sentence` around `figure` that no attribution takes, without the
    /// spaces and punctuation at its edges. A side is cut only at a punctuation mark: an
    /// attribution inside a clause ("290 items on which Washington has asked Seoul to
    /// lower tariffs") leaves the clause whole.
    fn free_around(&self, body: &str, sentence: &Span, figure: &Span) -> (usize, usize) {
        // "CAIRO (AP) — Fighters shelled ...": the dateline is no part of the claim.
        let opening = (sentence.start + tally_core::dateline_len(&sentence.text)).min(figure.start);
        let before = self.ends.partition_point(|&e| e <= figure.start);
        let start = before
            .checked_sub(1)
            .map(|k| self.ends[k])
            // The mark may close the taken span itself ("said Juliet Peters, a Red Cross
            // official in Black River, [a town of about 4,000 people]").
            .filter(|&e| {
                e > opening
                    && (body[e..figure.start].trim_start().starts_with(MARK)
                        || body[..e].ends_with(MARK))
            })
            .unwrap_or(opening);
        let after = self.starts.partition_point(|&s| s < figure.end);
        let end = self
            .starts
            .get(after)
            .copied()
            .filter(|&s| s < sentence.end && body[figure.end..s].trim_end().ends_with(MARK))
            .unwrap_or(sentence.end);
        if (start, end) == (sentence.start, sentence.end) {
            return (start, end);
        }
        let edge = |c: char| c.is_whitespace() || MARK.contains(&c);
        let text = &body[start..end];
        let trimmed_start = start + (text.len() - text.trim_start_matches(edge).len());
        let trimmed_end = start + text.trim_end_matches(edge).len();
        if trimmed_start <= figure.start && figure.end <= trimmed_end {
            (trimmed_start, trimmed_end)
        } else {
            (start, end)
        }
    }
}

/// Punctuation that ends or opens a clause: where a reporter claim may be cut.
const MARK: [char; 6] = [',', ';', ':', '—', '–', '-'];

fn outlet(doc: &Document) -> Claimant {
    let (kind, name) = match (&doc.meta.agency, &doc.meta.publisher) {
        (Some(agency), _) => (ClaimantKind::Agency, agency.clone()),
        (None, Some(publisher)) => (ClaimantKind::Publisher, publisher.clone()),
        (None, None) => (ClaimantKind::Unknown, "unknown outlet".to_owned()),
    };
    Claimant {
        kind,
        speaker_id: None,
        name,
        anonymous: false,
    }
}

fn kind_word(kind: ClaimantKind) -> &'static str {
    match kind {
        ClaimantKind::Agency => "agency",
        ClaimantKind::Publisher => "publisher",
        ClaimantKind::Speaker | ClaimantKind::Unknown => "outlet (unknown)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reach_answers_as_a_scan_of_every_span_would() {
        let body = "officials said several hundred died and others said dozens";
        let span = |s: usize, e: usize| Span::new(body, s, e).unwrap();
        let spans = [span(0, 9), span(15, 35), span(10, 14), span(40, 46)];
        let reach = Reach::new(spans.iter());
        for start in 0..body.len() {
            for end in start..=body.len() {
                let probe = span(start, end);
                assert_eq!(
                    reach.contains(&probe),
                    spans.iter().any(|s| s.contains(&probe)),
                    "contains {start}..{end}"
                );
                assert_eq!(
                    reach.overlaps(&probe),
                    spans.iter().any(|s| s.overlaps(&probe)),
                    "overlaps {start}..{end}"
                );
            }
        }
        assert!(!Reach::new(std::iter::empty()).contains(&span(0, 0)));
    }
}
