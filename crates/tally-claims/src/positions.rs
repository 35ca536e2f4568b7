//! Annotation positions sorted by start, so "what lies inside this evidence span" costs a
//! binary search instead of a scan of the whole layer.

use tally_core::Span;

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
        for span in spans {
            for i in self.inside(span) {
                if !out.contains(&i) {
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
    }
}
