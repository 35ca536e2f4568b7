//! Reader for brat standoff annotations of attribution relations (PolNeAR).
//!
//! A PolNeAR article is `text/NAME.txt` plus one `attributions/NAME_ANNOTATOR.ann` per
//! annotator. Each `.ann` has text-bound spans (`T12\tCue 767 771\tsaid`, possibly
//! discontinuous: `T9\tContent 568 600;610 757\t...`) and events tying them together
//! (`E3\tAttribution:T12 Cue:T11 Source:T10 Content:T9`). Offsets are in characters
//! (Unicode scalar values); the reader converts them to byte offsets into the `.txt`, so
//! they compare directly with tally's spans when the body is the file's text.
//!
//! Span texts may contain newlines, which brat writes on the following lines of the file;
//! only lines that start like `T<n>\t` or `E<n>\t` are read, and texts are taken from the
//! article by offset. `Discuss` and `Discard` flags are ignored.
//!
//! ```
//! let text = "\u{201C}Yes,\u{201D} he said.";
//! let ann = "T1\tSource 7 9\the\nT2\tCue 10 14\tsaid\nT3\tContent 0 6\t\u{201C}Yes,\u{201D}\n\
//!            T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Cue:T2 Source:T1 Content:T3\n";
//! let gold = tally_eval::brat::parse(text, ann, "x.ann").unwrap();
//! assert_eq!(gold.len(), 1);
//! let source = gold[0].source.as_ref().unwrap();
//! assert_eq!(&text[source[0].clone()], "he");
//! ```

use std::collections::HashMap;
use std::ops::Range;

use crate::EvalError;

/// A possibly discontinuous span: byte ranges into the article text, in order.
pub type Ranges = Vec<Range<usize>>;

/// One gold attribution relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldAttribution {
    /// The relation id (`E3`).
    pub id: String,
    /// The cue span, when annotated.
    pub cue: Option<Ranges>,
    /// The source span; `None` for attributions without a source in the text.
    pub source: Option<Ranges>,
    /// The content span, when annotated.
    pub content: Option<Ranges>,
}

impl GoldAttribution {
    /// Whether the content is a direct quotation: every piece of it, whitespace trimmed,
    /// opens with a quotation mark or ends with one (trailing `.,;:!?` allowed after it),
    /// the first piece opens and the last one closes. So `"We won," | "Again."` and a quote
    /// running over paragraphs (`"First.` | `Second."`) are direct; a paraphrase with a
    /// quoted fragment (`that "keep it under wraps."`, `"whisked off" for tests`) is not.
    /// Curly marks always count; a straight `"` opens after a non-letter and before a
    /// non-space, and closes after a non-space.
    #[must_use]
    pub fn is_direct_quote(&self, text: &str) -> bool {
        let Some(content) = &self.content else {
            return false;
        };
        let pieces: Vec<&str> = content
            .iter()
            .filter_map(|r| text.get(r.clone()))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
            return false;
        };
        opens_quote(first)
            && closes_quote(last)
            && pieces.iter().all(|p| opens_quote(p) || closes_quote(p))
    }
}

/// Whether a trimmed piece starts with an opening quotation mark.
fn opens_quote(piece: &str) -> bool {
    let mut chars = piece.chars();
    match chars.next() {
        Some('\u{201C}' | '\u{2018}') => true,
        Some('"') => chars.next().is_some_and(|c| !c.is_whitespace()),
        _ => false,
    }
}

/// Whether a trimmed piece ends with a closing quotation mark, before any final
/// punctuation.
fn closes_quote(piece: &str) -> bool {
    let core = piece.trim_end_matches(['.', ',', ';', ':', '!', '?']);
    let mut chars = core.chars().rev();
    match chars.next() {
        Some('\u{201D}' | '\u{2019}') => true,
        Some('"') => chars.next().is_some_and(|c| !c.is_whitespace()),
        _ => false,
    }
}

/// Byte offset of every character offset (index = char offset; one past the end included).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut map: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    map.push(text.len());
    map
}

fn bad(path: &str, message: String) -> EvalError {
    EvalError::Data {
        path: path.to_owned(),
        message,
    }
}

/// Parses one `.ann` file against its article text.
///
/// # Errors
/// [`EvalError::Data`] naming the file and line when an offset is malformed or past the
/// end of the text, or an event names a span that does not exist.
pub fn parse(text: &str, ann: &str, path: &str) -> Result<Vec<GoldAttribution>, EvalError> {
    let bytes = char_to_byte(text);
    let mut spans: HashMap<&str, Ranges> = HashMap::new();
    let mut events = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let Some((id, rest)) = line.split_once('\t') else {
            continue;
        };
        let numbered = |prefix: char| {
            id.strip_prefix(prefix)
                .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        };
        if numbered('T') {
            let head = rest.split('\t').next().unwrap_or("");
            let Some((_label, offsets)) = head.split_once(' ') else {
                return Err(bad(path, format!("line {}: no offsets in {line:?}", n + 1)));
            };
            let mut ranges = Vec::new();
            for part in offsets.split(';') {
                let (a, b) = part
                    .trim()
                    .split_once(' ')
                    .ok_or_else(|| bad(path, format!("line {}: bad offsets {part:?}", n + 1)))?;
                let parse = |s: &str| {
                    s.parse::<usize>()
                        .map_err(|_| bad(path, format!("line {}: bad offset {s:?}", n + 1)))
                };
                let (a, b) = (parse(a)?, parse(b)?);
                let (Some(&start), Some(&end)) = (bytes.get(a), bytes.get(b)) else {
                    return Err(bad(
                        path,
                        format!("line {}: offsets {a}..{b} past the end of the text", n + 1),
                    ));
                };
                if start < end {
                    ranges.push(start..end);
                }
            }
            spans.insert(id, ranges);
        } else if numbered('E') {
            events.push((id, rest));
        }
    }
    let mut out = Vec::new();
    for (id, rest) in events {
        let mut gold = GoldAttribution {
            id: id.to_owned(),
            cue: None,
            source: None,
            content: None,
        };
        for arg in rest.split_whitespace() {
            let Some((role, target)) = arg.split_once(':') else {
                continue;
            };
            // Events may name spans an annotator later deleted; brat keeps them dangling.
            let Some(ranges) = spans.get(target).filter(|r| !r.is_empty()) else {
                continue;
            };
            match role {
                "Cue" => gold.cue = Some(ranges.clone()),
                "Source" => gold.source = Some(ranges.clone()),
                // A second content span (`Content2`, 75 in PolNeAR) continues a quote the
                // cue splits: it is part of the same content.
                "Content" | "Content2" => {
                    let content = gold.content.get_or_insert_with(Vec::new);
                    content.extend(ranges.iter().cloned());
                    content.sort_unstable_by_key(|r| r.start);
                }
                _ => {}
            }
        }
        out.push(gold);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_char_offsets_to_bytes_and_keeps_discontinuous_spans() {
        let text = "\u{201C}Judge,\u{201D} Brafman said, \u{201C}never.\u{201D}";
        // Characters: “=0 Judge=1..6 ,=6 ”=7 space=8 Brafman=9..16 space said=17..21
        let ann = "T1\tContent 0 8;23 31\t\u{201C}Judge,\u{201D} \u{201C}never.\u{201D}\n\
                   T2\tSource 9 16\tBrafman\nT3\tCue 17 21\tsaid\n\
                   E1\tAttribution:T3 Cue:T3 Source:T2 Content:T1\n";
        let gold = parse(text, ann, "t.ann").unwrap();
        let content = gold[0].content.as_ref().unwrap();
        assert_eq!(&text[content[0].clone()], "\u{201C}Judge,\u{201D}");
        assert_eq!(&text[content[1].clone()], "\u{201C}never.\u{201D}");
        assert_eq!(&text[gold[0].cue.as_ref().unwrap()[0].clone()], "said");
    }

    #[test]
    fn a_second_content_span_joins_the_first() {
        let text = "\u{201C}Judge,\u{201D} Brafman said, \u{201C}never.\u{201D}";
        let ann = "T1\tContent 23 31\t\u{201C}never.\u{201D}\nT2\tCue 17 21\tsaid\n\
                   T4\tContent 0 8\t\u{201C}Judge,\u{201D}\n\
                   E1\tAttribution:T2 Cue:T2 Content:T1 Content2:T4\n";
        let gold = parse(text, ann, "t.ann").unwrap();
        let content = gold[0].content.as_ref().unwrap();
        assert_eq!(content.len(), 2);
        assert_eq!(&text[content[0].clone()], "\u{201C}Judge,\u{201D}");
        assert_eq!(&text[content[1].clone()], "\u{201C}never.\u{201D}");
    }

    #[test]
    fn skips_continuation_lines_and_dangling_references() {
        let text = "He said it.";
        let ann = "T1\tSource 0 2\tHe\nsecond line of some text\nE1\tAttribution:T9 Source:T1\n";
        let gold = parse(text, ann, "t.ann").unwrap();
        assert_eq!(gold.len(), 1);
        assert!(gold[0].cue.is_none());
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // Spans are lists of ranges.
    fn direct_quotes_are_contents_in_quotation_marks() {
        let gold = |text: &str, content: Ranges| {
            GoldAttribution {
                id: "E1".into(),
                cue: None,
                source: None,
                content: Some(content),
            }
            .is_direct_quote(text)
        };
        let text = "\u{201C}We won,\u{201D} he said. \u{201C}Again.\u{201D}";
        let whole = text.len();
        assert!(gold(text, vec![0..12, 22..whole]));
        let straight = "\"First paragraph.\n\n\"Second one,\" she said.";
        assert!(gold(straight, vec![0..17, 19..32]));
        let mixed = "that \"keep it under wraps.\"";
        assert!(!gold(mixed, vec![0..mixed.len()]));
        let fragment = "\u{201C}whisked off\u{201D} for tests.";
        assert!(!gold(fragment, vec![0..fragment.len()]));
        let paraphrase = "Nothing quoted here.";
        assert!(!gold(paraphrase, vec![0..paraphrase.len()]));
        // A paraphrase piece beside a quoted one: not a direct quote.
        let both = "the plan works \"It works.\"";
        assert!(!gold(both, vec![0..14, 15..both.len()]));
    }

    #[test]
    fn offsets_past_the_end_are_an_error_naming_the_file() {
        let err = parse("short", "T1\tCue 0 99\tx\n", "bad.ann").unwrap_err();
        assert!(err.to_string().contains("bad.ann"));
    }
}
