//! Longest gazetteer alias at a position, by hashed word prefixes.
//!
//! Every alias is folded (ASCII letters lowercased) and hashed byte by byte; at each word
//! boundary inside it (a position followed by a character that is not a letter or digit)
//! the hash of the prefix so far is recorded as "an alias continues", and at its end as
//! "this alias ends here". A search walks the text from a capitalized word with the same
//! rolling hash and probes the table at each word boundary: the first probe that finds
//! nothing ends the walk. Most capitalized words in news are in no alias, so a search
//! costs one hash over one word and one table probe.
//!
//! This replaces an Aho-Corasick automaton over every case form of every alias: the
//! automaton took about 25 ms to build at start-up (most of `tally extract` on one
//! article), and anchored searches through its sparse states cost more than one probe.
//! Case rules are checked on the candidate match instead of being spelled out as forms.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;

/// No alias ends at this prefix.
const NO_PATTERN: u32 = u32::MAX;

/// What the table knows about one folded prefix.
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// The pattern whose folded alias is exactly this prefix, or [`NO_PATTERN`].
    pattern: u32,
    /// Some alias continues past this prefix.
    more: bool,
}

/// The hashed prefix table; see the module docs.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    slots: HashMap<u64, Slot, BuildHasherDefault<FxHasher>>,
    /// Folded bytes of each pattern's alias, to rule out hash collisions on a match.
    folded: Vec<Box<[u8]>>,
    /// Longest alias in bytes: no walk goes further.
    max_len: usize,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[inline]
fn step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME)
}

/// Whether a word ends before byte `p` of `text`: the text ends there, or the character
/// there is neither a letter nor a digit. Inside a multi-byte character it is not.
#[inline]
fn boundary(text: &str, p: usize) -> bool {
    let Some(&b) = text.as_bytes().get(p) else {
        return true;
    };
    if b < 0x80 {
        return !b.is_ascii_alphanumeric();
    }
    text.is_char_boundary(p)
        && text
            .get(p..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| !c.is_alphanumeric())
}

impl Matcher {
    /// A table over `aliases`, pattern ids being their indices.
    pub fn new<'a>(aliases: impl IntoIterator<Item = &'a str>) -> Matcher {
        let mut m = Matcher::default();
        for (id, alias) in aliases.into_iter().enumerate() {
            let id = u32::try_from(id).unwrap_or(NO_PATTERN);
            let mut h = FNV_OFFSET;
            for (i, &b) in alias.as_bytes().iter().enumerate() {
                h = step(h, b);
                if i + 1 == alias.len() {
                    m.slots
                        .entry(h)
                        .or_insert(Slot {
                            pattern: NO_PATTERN,
                            more: false,
                        })
                        .pattern = id;
                } else if boundary(alias, i + 1) {
                    m.slots
                        .entry(h)
                        .or_insert(Slot {
                            pattern: NO_PATTERN,
                            more: false,
                        })
                        .more = true;
                }
            }
            m.folded
                .push(alias.as_bytes().to_ascii_lowercase().into_boxed_slice());
            m.max_len = m.max_len.max(alias.len());
        }
        m
    }

    /// The longest alias that matches `text[at..end]` from `at` up to a word boundary and
    /// that `accept(pattern, match_end)` takes: `(pattern, match_end)`.
    pub fn longest(
        &self,
        text: &str,
        at: usize,
        end: usize,
        mut accept: impl FnMut(usize, usize) -> bool,
    ) -> Option<(usize, usize)> {
        let bytes = text.as_bytes();
        let end = end.min(bytes.len()).min(at.saturating_add(self.max_len));
        let mut h = FNV_OFFSET;
        let mut best = None;
        for p in at..end {
            h = step(h, bytes[p]);
            // A word boundary is judged on the whole text: "Kursk" in "Kurskaya" is none.
            if !boundary(text, p + 1) {
                continue;
            }
            let Some(slot) = self.slots.get(&h) else {
                break;
            };
            if slot.pattern != NO_PATTERN {
                let id = slot.pattern as usize;
                let same = self.folded.get(id).is_some_and(|f| {
                    f.len() == p + 1 - at
                        && f.iter()
                            .zip(&bytes[at..=p])
                            .all(|(a, b)| *a == b.to_ascii_lowercase())
                });
                if same && accept(id, p + 1) {
                    best = Some((id, p + 1));
                }
            }
            if !slot.more {
                break;
            }
        }
        best
    }
}

/// The case rule for a match of `alias` found as `found` (same length, same folded bytes):
/// `found` is the alias as written, or with the first letters of some of its words raised
/// to capitals ("The Kremlin", "Kyiv Region"), or the alias in capitals ("RUSSIA"). So "US"
/// never matches "us" and "Russia" never matches "russia".
#[must_use]
pub fn case_fits(alias: &str, found: &str) -> bool {
    if alias.is_ascii() && found.is_ascii() {
        let (a, f) = (alias.as_bytes(), found.as_bytes());
        if a.len() != f.len() {
            return false;
        }
        let mut initials_only = true;
        let mut all_upper = true;
        for (i, (&x, &y)) in a.iter().zip(f).enumerate() {
            if x != y {
                if x.to_ascii_uppercase() != y {
                    return false;
                }
                initials_only &= i == 0 || a[i - 1] == b' ';
            }
            all_upper &= y == x.to_ascii_uppercase();
        }
        return initials_only || all_upper;
    }
    let mut initials_only = true;
    let mut all_upper = true;
    let mut prev_space = true;
    let mut fc = found.chars();
    for x in alias.chars() {
        let Some(y) = fc.next() else {
            return false;
        };
        let mut upper = x.to_uppercase();
        let raised = upper.next().filter(|_| upper.next().is_none());
        if x != y {
            if raised != Some(y) {
                return false;
            }
            initials_only &= prev_space;
        }
        all_upper &= raised.map_or(x == y, |r| r == y);
        prev_space = x == ' ';
    }
    fc.next().is_none() && (initials_only || all_upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(m: &Matcher, aliases: &[&str], text: &str) -> Option<String> {
        m.longest(text, 0, text.len(), |id, e| {
            case_fits(aliases[id], &text[..e])
        })
        .map(|(id, e)| format!("{}={}", aliases[id], &text[..e]))
    }

    #[test]
    fn longest_alias_at_word_boundaries() {
        let aliases = [
            "U.S.",
            "U.S. Congress",
            "US",
            "North Korea",
            "Kursk",
            "the Kremlin",
        ];
        let m = Matcher::new(aliases);
        assert_eq!(
            find(&m, &aliases, "U.S. Congress said").as_deref(),
            Some("U.S. Congress=U.S. Congress")
        );
        assert_eq!(
            find(&m, &aliases, "U.S. Army").as_deref(),
            Some("U.S.=U.S.")
        );
        assert_eq!(
            find(&m, &aliases, "NORTH KOREA'S").as_deref(),
            Some("North Korea=NORTH KOREA")
        );
        assert_eq!(find(&m, &aliases, "Kurskaya"), None);
        assert_eq!(find(&m, &aliases, "North korea"), None);
        assert_eq!(find(&m, &aliases, "us and them"), None);
        assert_eq!(
            find(&m, &aliases, "The Kremlin").as_deref(),
            Some("the Kremlin=The Kremlin")
        );
    }

    #[test]
    fn case_forms() {
        assert!(case_fits("Kyiv region", "Kyiv Region"));
        assert!(case_fits("Russia", "RUSSIA"));
        assert!(!case_fits("Russia", "RUSSIa"));
        assert!(!case_fits("US", "Us"));
        assert!(case_fits("Türkiye", "TÜRKIYE"));
        assert!(case_fits("Türkiye", "Türkiye"));
        assert!(!case_fits("Türkiye", "türkiye"));
    }
}
