//! The phrase scanner: finds the cue forms and sourcing conditions in the lowercased body in
//! one pass.
//!
//! It finds what an Aho-Corasick automaton in leftmost-longest mode finds (at the leftmost
//! position where a phrase starts, the longest phrase there; the scan goes on after it),
//! with a dense DFA whose search loop is unrolled: about a third of the instructions per
//! byte. Leftmost-longest over literals is leftmost-first over the same literals sorted
//! longest first, which is what the DFA implements; a phrase listed twice reports its first
//! listing, as the automaton did.
//!
//! Example: over "he said that, according to officials", with the phrases "said", "said
//! that" and "according to", it reports "said that" and "according to".
//!
//! Limitations: phrases are matched byte for byte (the caller lowercases both sides); an
//! empty phrase is never reported.

use regex_automata::dfa::{Automaton, StartKind, dense};
use regex_automata::nfa::thompson;
use regex_automata::util::syntax;
use regex_automata::{Input, MatchKind};

/// A compiled set of phrases.
#[derive(Debug)]
pub(crate) struct Scanner {
    dfa: dense::DFA<Vec<u32>>,
    /// Per DFA pattern (sorted longest first): the caller's phrase index and its length.
    phrases: Vec<(usize, usize)>,
}

/// One phrase found: byte range and the phrase's index in the list given to
/// [`Scanner::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub phrase: usize,
}

impl Scanner {
    /// Compiles `phrases` (non-empty phrases only are ever found).
    pub(crate) fn new(phrases: &[String]) -> Result<Scanner, String> {
        let mut order: Vec<(usize, usize)> = phrases
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.is_empty())
            .map(|(i, p)| (i, p.len()))
            .collect();
        // Longest first; a stable sort keeps a repeated phrase's first listing first.
        order.sort_by_key(|&(_, len)| std::cmp::Reverse(len));
        // Every byte escaped: the patterns are literals, whatever they contain.
        let patterns: Vec<String> = order
            .iter()
            .map(|&(i, _)| {
                phrases[i]
                    .bytes()
                    .map(|b| format!("\\x{b:02X}"))
                    .collect::<String>()
            })
            .collect();
        let dfa = dense::Builder::new()
            .configure(
                dense::DFA::config()
                    .match_kind(MatchKind::LeftmostFirst)
                    .start_kind(StartKind::Unanchored),
            )
            .syntax(syntax::Config::new().unicode(false).utf8(false))
            .thompson(thompson::Config::new().utf8(false))
            .build_many(&patterns)
            .map_err(|e| e.to_string())?;
        Ok(Scanner {
            dfa,
            phrases: order,
        })
    }

    /// Calls `each` for every phrase found in `haystack`, left to right.
    pub(crate) fn scan(&self, haystack: &[u8], mut each: impl FnMut(Found)) {
        let mut input = Input::new(haystack);
        // The DFA has no quit bytes and no size limit at search time: a search cannot fail.
        while let Ok(Some(m)) = self.dfa.try_search_fwd(&input) {
            let Some(&(phrase, len)) = self.phrases.get(m.pattern().as_usize()) else {
                break;
            };
            let end = m.offset();
            each(Found {
                start: end - len,
                end,
                phrase,
            });
            if end >= haystack.len() {
                break;
            }
            input.set_start(end);
        }
    }
}

#[cfg(test)]
mod tests {
    use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind as AcKind};
    use proptest::prelude::*;

    use super::*;

    fn found(phrases: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        let owned: Vec<String> = phrases.iter().map(|p| (*p).to_owned()).collect();
        let mut out = Vec::new();
        Scanner::new(&owned)
            .unwrap()
            .scan(text.as_bytes(), |f| out.push((f.start, f.end, f.phrase)));
        out
    }

    fn leftmost_longest(phrases: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        AhoCorasickBuilder::new()
            .match_kind(AcKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(phrases)
            .unwrap()
            .find_iter(text)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect()
    }

    #[test]
    fn longest_phrase_at_the_leftmost_start() {
        let phrases = ["said", "said that", "according to", "to"];
        assert_eq!(
            found(&phrases, "he said that, according to officials"),
            vec![(3, 12, 1), (14, 26, 2)]
        );
        assert_eq!(found(&phrases, "said thus"), vec![(0, 4, 0)]);
    }

    #[test]
    fn repeated_phrase_reports_its_first_listing() {
        assert_eq!(found(&["say", "x", "say"], "they say"), vec![(5, 8, 0)]);
    }

    #[test]
    fn non_ascii_phrases_are_bytes() {
        assert_eq!(found(&["n\u{2019}t"], "don\u{2019}t"), vec![(2, 7, 0)]);
    }

    proptest! {
        #[test]
        fn same_as_leftmost_longest_aho_corasick(
            phrases in proptest::collection::vec("[abc ]{1,4}", 1..8),
            text in "[abcd ]{0,40}",
        ) {
            let phrases: Vec<&str> = phrases.iter().map(String::as_str).collect();
            prop_assert_eq!(found(&phrases, &text), leftmost_longest(&phrases, &text));
        }
    }
}
