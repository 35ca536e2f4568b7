//! Annotation positions sorted by start, so "what lies inside this evidence span" costs a
//! binary search instead of a scan of the whole layer.

use std::collections::HashSet;

use rustc_hash::FxBuildHasher;
use tally_core::Span;

/// Up to this many annotations found, duplicates are found by a scan of them.
const SCAN_LIMIT: usize = 32;

/// `(start, end, index)` of each annotation span, sorted by start.
pub struct Positions {
    items: Vec<(usize, usize, usize)>,
}

impl Positions {
    /// Indexes spans tagged with the index of the annotation they belong to.
    pub fn new<'a>(spans: impl Iterator<Item = (usize, &'a Span)>) -> Positions {
        let mut items: Vec<_> = spans.map(|(i, s)| (s.start, s.end, i)).collect();
        items.sort_unstable();
        Positions { items }
    }

    /// Indices of the annotations with a span inside `span`, in position order.
    pub fn inside<'a>(&'a self, span: &Span) -> impl Iterator<Item = usize> + 'a {
        let first = self
            .items
            .partition_point(|&(start, _, _)| start < span.start);
        let (end_of_span, start_of_span) = (span.end, span.start);
        self.items[first..]
            .iter()
            .take_while(move |&&(start, _, _)| start < end_of_span)
            .filter(move |&&(start, end, _)| start >= start_of_span && end <= end_of_span)
            .map(|&(_, _, i)| i)
    }

    /// Indices of the annotations inside any of `spans`, each once, in first-seen order.
    pub fn inside_any(&self, spans: &[Span]) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        // A claim's evidence holds a few annotations: those found so far are scanned, with
        // no set to allocate and hash into. Past [`SCAN_LIMIT`] a set takes over: one
        // run-on sentence can hold a hundred thousand figures, and a scan of `out` per
        // figure made that quadratic (fuzz target blowup).
        let mut seen: HashSet<usize, FxBuildHasher> = HashSet::default();
        for span in spans {
            for i in self.inside(span) {
                let new = if out.len() < SCAN_LIMIT {
                    !out.contains(&i)
                } else {
                    if seen.is_empty() {
                        seen.extend(out.iter().copied());
                    }
                    seen.insert(i)
                };
                if new {
                    out.push(i);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_only_contained_spans() {
        let body = "aaa bbb ccc ddd";
        let spans: Vec<Span> = [(0, 3), (4, 7), (6, 11), (12, 15)]
            .iter()
            .map(|&(s, e)| Span::new(body, s, e).unwrap())
            .collect();
        let positions = Positions::new(spans.iter().enumerate());
        let evidence = Span::new(body, 4, 11).unwrap();
        assert_eq!(positions.inside(&evidence).collect::<Vec<_>>(), [1, 2]);
        let two = [
            Span::new(body, 0, 3).unwrap(),
            Span::new(body, 12, 15).unwrap(),
        ];
        assert_eq!(positions.inside_any(&two), [0, 3]);
        let overlapping = [
            Span::new(body, 4, 11).unwrap(),
            Span::new(body, 0, 7).unwrap(),
        ];
        assert_eq!(positions.inside_any(&overlapping), [1, 2, 0]);
    }

    proptest::proptest! {
        /// Scan and set give what a set alone gave, below and past the scan limit.
        #[test]
        fn inside_any_keeps_first_seen_order_once(
            items in proptest::collection::vec((0usize..200, 1usize..20, 0usize..50), 0..120),
            spans in proptest::collection::vec((0usize..200, 0usize..120), 1..4),
        ) {
            let body = "x".repeat(240);
            let annotations: Vec<(usize, Span)> = items
                .iter()
                .map(|&(s, len, i)| (i, Span::new(&body, s, s + len).unwrap()))
                .collect();
            let positions = Positions::new(annotations.iter().map(|(i, s)| (*i, s)));
            let spans: Vec<Span> = spans
                .iter()
                .map(|&(s, len)| Span::new(&body, s, (s + len).min(body.len())).unwrap())
                .collect();
            let mut seen = HashSet::new();
            let mut expected = Vec::new();
            for span in &spans {
                expected.extend(positions.inside(span).filter(|&i| seen.insert(i)));
            }
            proptest::prop_assert_eq!(positions.inside_any(&spans), expected);
        }
    }

    /// Found by fuzz target `blowup`: "1,000 " repeated to 1 MB is one sentence holding
    /// 170,000 figures; collecting them took minutes.
    #[test]
    fn many_figures_in_one_span_cost_linear_time() {
        let body = "1,000 ".repeat(100_000);
        let spans: Vec<Span> = (0..100_000)
            .map(|k| Span::new(&body, 6 * k, 6 * k + 5).unwrap())
            .collect();
        let positions = Positions::new(spans.iter().enumerate());
        let sentence = Span::new(&body, 0, body.len()).unwrap();
        let started = std::time::Instant::now();
        let found = positions.inside_any(&[sentence.clone(), sentence]);
        assert_eq!(found.len(), 100_000);
        assert!(found.windows(2).all(|w| w[0] < w[1]));
        assert!(
            started.elapsed().as_secs() < 5,
            "took {:?}",
            started.elapsed()
        );
    }
}
