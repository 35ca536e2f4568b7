//! Nested reports: an attribution whose cue lies inside another attribution's content
//! ("officials said [voters support the ban]", "[Trump told reporters he thought ...]").
//!
//! The nested one is kept (it says who holds the inner view) but marked `within` the outer
//! one: it is part of the outer statement, not a statement the article reports on its own.
//! Claims are built from top-level statements only, and the PolNeAR scorer compares
//! top-level attributions, since PolNeAR annotates no attribution inside another's content.
//!
//! Linear: contents are visited in order of start with a bounded look-back, since an
//! enclosing content starts in the same or an earlier sentence near the cue.

use tally_core::{Attribution, AttributionClass};

/// How many earlier content spans (by start) a cue is checked against.
const LOOK_BACK: usize = 16;

/// Sets `within` on every attribution whose cue lies inside another's content.
pub(crate) fn mark(attributions: &mut [Attribution]) {
    // (start, end, index of the attribution) of every content span, by start.
    let mut spans: Vec<(usize, usize, usize)> = attributions
        .iter()
        .enumerate()
        .flat_map(|(i, a)| a.content.iter().map(move |c| (c.start, c.end, i)))
        .collect();
    spans.sort_unstable();
    let mut outer: Vec<Option<usize>> = vec![None; attributions.len()];
    for (i, a) in attributions.iter().enumerate() {
        let (start, end) = (a.cue.start, a.cue.end);
        let upto = spans.partition_point(|s| s.0 <= start);
        outer[i] = spans[upto.saturating_sub(LOOK_BACK)..upto]
            .iter()
            .rev()
            .find(|s| {
                s.2 != i
                    && s.0 <= start
                    && end <= s.1
                    // A statement inside an attitude's object ("called him divisive and said
                    // ...") is the content running on, not a report inside it.
                    && !(attributions[s.2].class == AttributionClass::Attitude
                        && a.class == AttributionClass::Statement)
            })
            .map(|s| s.2);
    }
    // The ids are read first: an attribution cannot borrow another while being changed.
    let ids: Vec<String> = outer
        .iter()
        .map(|o| o.map_or_else(String::new, |j| attributions[j].id.clone()))
        .collect();
    for ((a, o), id) in attributions.iter_mut().zip(&outer).zip(ids) {
        if o.is_some() {
            a.within = Some(id);
        }
    }
}
