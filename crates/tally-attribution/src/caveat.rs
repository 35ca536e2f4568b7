//! The reporter's caveat is not part of what was said.
//!
//! Conflict reporting adds its own doubt to a claim in the same sentence: "Russia's Defense
//! Ministry claimed its forces had captured Kurakhivka, a claim that could not be
//! independently verified". The caveat is the newsroom's, not the ministry's, so the
//! content ends before it. The openers are data (`data/attribution/caveats.txt`).
//!
//! Limitations: only caveats after a comma inside the content, in English wording listed in
//! the file.

use std::sync::LazyLock;

use tally_core::{Attribution, Document};

const CAVEATS: &str = include_str!("../../../data/attribution/caveats.txt");

static OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    CAVEATS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Ends each content before a caveat after a comma ("…, a claim that could not be
/// independently verified").
pub(crate) fn trim(doc: &Document, attributions: &mut [Attribution]) {
    for a in attributions {
        let Some(last) = a.content.last_mut() else {
            continue;
        };
        let Some(cut) = caveat_start(&last.text) else {
            continue;
        };
        if cut > 0
            && let Ok(span) = doc.span(last.start, last.start + cut)
        {
            *last = span;
        }
    }
}

/// Where the comma before the first caveat is, in `text`.
fn caveat_start(text: &str) -> Option<usize> {
    text.match_indices(", ").find_map(|(at, _)| {
        let rest = text.get(at + 2..)?;
        let head = rest.get(..rest.len().min(48))?.to_lowercase();
        OPENERS.iter().any(|o| head.starts_with(o)).then_some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::caveat_start;

    #[test]
    fn the_content_ends_before_the_caveat() {
        let text =
            "its forces had captured the village, a claim that could not be independently verified";
        assert_eq!(caveat_start(text), text.find(", a claim"));
        let text = "it shot down 40 drones, which Reuters could not verify";
        assert_eq!(caveat_start(text), text.find(", which Reuters"));
        assert_eq!(
            caveat_start("prices rose, which analysts had expected"),
            None
        );
        assert_eq!(caveat_start("a claim that could not be verified"), None);
    }
}
