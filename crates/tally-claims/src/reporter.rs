//! Reporter-voice claims: figures stated outside every attribution belong to the wire
//! agency, or to the publisher when there is no agency.

use tally_core::{ClaimKind, Claimant, ClaimantKind, Document, Figure, Measure, Span};

use crate::draft::Draft;

/// One reporter claim per sentence that carries a figure no attribution covers. Figures
/// inside a source phrase ("two people familiar with the matter") describe the speaker, not
/// a claim, and are skipped.
pub fn reporter_claims(doc: &Document, speaker_drafts: &[Draft]) -> Vec<Draft> {
    let claimant = outlet(doc);
    let sources = Reach::new(doc.attributions.iter().filter_map(|a| a.source.as_ref()));
    // A figure in an attitude ("officials believe 200 died") or a nested report is someone
    // else's, not the reporter's, though it makes no speaker claim of its own.
    let covering = Reach::new(
        speaker_drafts
            .iter()
            .flat_map(|d| &d.evidence)
            .chain(doc.attributions.iter().flat_map(|a| &a.content)),
    );
    let mut sentences: Vec<usize> = Vec::new();
    for figure in &doc.figures {
        let attributed = covering.contains(&figure.span) || sources.overlaps(&figure.span);
        if attributed || !counts_something(doc, figure) {
            continue;
        }
        if let Some(i) = doc.sentence_at(figure.span.start)
            && sentences.last() != Some(&i)
        {
            sentences.push(i);
        }
    }
    sentences
        .into_iter()
        .filter_map(|i| doc.sentences.get(i))
        .map(|sentence| Draft {
            claimant: claimant.clone(),
            kind: ClaimKind::Reporter,
            cue: None,
            said_at: None,
            evidence: vec![sentence.clone()],
            conditions: Vec::new(),
            attributions: Vec::new(),
            rules: vec![format!(
                "reporter voice: unattributed figure, claim of the {}",
                kind_word(claimant.kind)
            )],
        })
        .collect()
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
        let mut items: Vec<(usize, usize)> = spans.map(|s| (s.start, s.end)).collect();
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
