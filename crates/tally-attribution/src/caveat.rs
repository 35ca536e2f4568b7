//! The reporter's caveat is not part of what was said.
//!
//! Conflict reporting adds its own doubt to a claim in the same sentence: "Russia's Defense
//! Ministry claimed its forces had captured Kurakhivka, a claim that could not be
//! independently verified". The caveat is the newsroom's, not the ministry's, so the
//! content ends before it. The openers are data (`data/attribution/caveats.txt`).
//!
//! A newsroom that could not check a claim is no source of it either: "a claim Reuters
//! could not immediately confirm" reads as a report by Reuters with the ministry's
//! content. A cue that denies checking ("could not confirm", "was unable to verify") makes
//! a stance, not a statement, so it gives no claim.
//!
//! Limitations: only caveats after a comma inside the content, in English wording listed in
//! the file.

use std::sync::LazyLock;

use tally_core::{Attribution, AttributionClass, Document};

use crate::lexicon::word_list;

const CAVEATS: &str = include_str!("../../../data/attribution/caveats.txt");

static OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| word_list(CAVEATS));

/// The first bytes of the openers, ASCII-lowercased: most commas are followed by a word no
/// opener starts with, rejected with one lookup instead of a comparison per opener.
static FIRST_BYTES: LazyLock<[bool; 256]> = LazyLock::new(|| {
    let mut first = [false; 256];
    for o in OPENERS.iter() {
        if let Some(&b) = o.as_bytes().first() {
            first[usize::from(b.to_ascii_lowercase())] = true;
        }
    }
    first
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
/// Marks reports whose cue denies checking ("could not immediately confirm") as stances.
pub(crate) fn unchecked(attributions: &mut [Attribution]) {
    for a in attributions {
        if denies_checking(&a.cue.text) {
            a.class = AttributionClass::Attitude;
        }
    }
}

/// "could not confirm", "cannot independently verify", "was unable to verify".
fn denies_checking(cue: &str) -> bool {
    const CHECKS: [&str; 4] = ["confirm", "verify", "confirmed", "verified"];
    // An ASCII cue (nearly all) that ends in no checking verb is rejected in place, before
    // lowercasing: "said" ends in "d" as "confirmed" does, and a lowercase copy of nearly
    // every cue was most of this test's cost.
    let bytes = cue.as_bytes();
    if cue.is_ascii()
        && !CHECKS.iter().any(|v| {
            bytes.len() >= v.len()
                && bytes[bytes.len() - v.len()..].eq_ignore_ascii_case(v.as_bytes())
        })
    {
        return false;
    }
    let cue = cue.to_lowercase();
    let checks = CHECKS.iter().any(|v| cue.ends_with(v));
    let denied = cue.split_whitespace().any(|w| {
        matches!(
            w,
            "not" | "cannot" | "unable" | "couldn't" | "can't" | "never"
        )
    });
    checks && denied
}

fn caveat_start(text: &str) -> Option<usize> {
    // Each ", " is a comma with a space after it (two never overlap): a comma search needs
    // no substring searcher built per content, as memmem::find_iter does.
    let bytes = text.as_bytes();
    let mut commas =
        memchr::memchr_iter(b',', bytes).filter(|&at| bytes.get(at + 1) == Some(&b' '));
    commas.find_map(|at| {
        let rest = text.get(at + 2..)?;
        let head = rest.get(..rest.len().min(48))?;
        // An ASCII head (nearly all) is compared in place; only a head with other
        // characters pays for Unicode lowercasing, which can change its length.
        if head.is_ascii() {
            let head = head.as_bytes();
            let first = head
                .first()
                .map_or(0, |b| usize::from(b.to_ascii_lowercase()));
            if !FIRST_BYTES[first] {
                return None;
            }
            return OPENERS
                .iter()
                .any(|o| {
                    head.len() >= o.len() && head[..o.len()].eq_ignore_ascii_case(o.as_bytes())
                })
                .then_some(at);
        }
        let head = head.to_lowercase();
        OPENERS.iter().any(|o| head.starts_with(o)).then_some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::{caveat_start, denies_checking};

    #[test]
    fn a_cue_that_denies_checking_is_no_report() {
        assert!(denies_checking("could not immediately confirm"));
        assert!(denies_checking("was unable to independently verify"));
        assert!(!denies_checking("confirmed"));
        assert!(!denies_checking("did not say"));
        assert!(denies_checking("Could Not Confirm"));
        assert!(!denies_checking("said"));
        assert!(!denies_checking("d"));
        // Not ASCII: the lowercase copy decides.
        assert!(denies_checking(
            "n\u{2019}a pas pu v\u{e9}rifier, could not verify"
        ));
        assert!(!denies_checking("a d\u{e9}clar\u{e9}"));
    }

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
