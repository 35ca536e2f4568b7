//! The direct-quote subset of the PolNeAR score, for tally and for peers.
//!
//! Gold: attributions whose content is in quotation marks
//! ([`GoldAttribution::is_direct_quote`]). Predictions: tally's direct attributions
//! ([`tally_core::QuoteKind::Direct`]) and each peer's quotes, as
//! `bench/peers/peers.py predict quotes` writes them (`{"doc", "text", "seconds", "quotes":
//! [{"cue", "source", "content"}]}`, each `[start, end]` in UTF-8 bytes or null; "doc" the
//! article's name, its `.txt` file's stem). Every system goes through the same scorer as
//! the full set (cue, source, content exact and overlap; attribution), per annotator,
//! summed.
//!
//! Example: in `The Post reports that her team wanted "to keep it under wraps."` the gold
//! content starts with "that", so it is not in the subset; textacy's quote over the quoted
//! words overlaps it and is left out, neither right nor wrong.
//!
//! Limitations: a prediction whose content overlaps only gold contents that are not direct
//! quotes is left out like that (the gold calls it an attribution, just not a direct one);
//! the count left out is reported per system. A peer's quote without a cue is dropped;
//! a peer's quotes sharing a cue and a source are joined into one ([`peer_quotes`]).

use serde::Deserialize;
use serde_json::{Value, json};

use super::{Counts, Quote, overlaps, predicted, score_annotation};
use crate::brat::{GoldAttribution, Ranges};

/// A peer's quotes on one article.
#[derive(Debug, Deserialize)]
pub(super) struct PeerDoc {
    doc: String,
    pub(super) text: String,
    #[serde(default)]
    quotes: Vec<PeerQuote>,
}

impl crate::peers::PeerLine for PeerDoc {
    fn doc(&self) -> &str {
        &self.doc
    }
}

#[derive(Debug, Deserialize)]
struct PeerQuote {
    cue: Option<[usize; 2]>,
    source: Option<[usize; 2]>,
    content: Option<[usize; 2]>,
}

/// A peer's quotes, spans checked to lie on character boundaries of `text`. Quotes with
/// the same cue and source are one attribution whose content has several pieces: textacy
/// gives `"A," he said, "B."` as two quotes sharing "said" and "he", where PolNeAR (and
/// tally) have one attribution with a discontinuous content.
pub(super) fn peer_quotes(pd: &PeerDoc, text: &str) -> Vec<Quote> {
    #[allow(clippy::single_range_in_vec_init)] // Spans are lists of ranges.
    let span = |r: Option<[usize; 2]>| -> Option<Ranges> {
        let [start, end] = r?;
        (start < end && text.get(start..end).is_some()).then(|| vec![start..end])
    };
    let mut out: Vec<Quote> = Vec::new();
    for q in &pd.quotes {
        let Some(cue) = span(q.cue) else { continue };
        let source = span(q.source);
        let content = span(q.content).unwrap_or_default();
        match out.iter_mut().find(|o| o.cue == cue && o.source == source) {
            Some(o) => {
                o.content.extend(content);
                o.content.sort_by_key(|r| (r.start, r.end));
            }
            None => out.push(Quote {
                cue,
                source,
                content,
            }),
        }
    }
    out
}

/// Direct-quote counts for tally and each peer.
pub(super) struct Systems {
    names: Vec<String>,
    counts: Vec<Counts>,
    /// Predictions left out: their content overlaps only gold that is not a direct quote.
    left_out: Vec<usize>,
    /// Articles a peer file lacks (scored as articles where it found nothing).
    missing: Vec<usize>,
    /// Gold direct quotes, summed over annotation files.
    gold: usize,
}

impl Systems {
    /// tally first, then the peers in the order given.
    pub(super) fn new(peers: impl IntoIterator<Item = String>) -> Systems {
        let names: Vec<String> = std::iter::once("tally".to_owned()).chain(peers).collect();
        let n = names.len();
        Systems {
            names,
            counts: vec![Counts::default(); n],
            left_out: vec![0; n],
            missing: vec![0; n],
            gold: 0,
        }
    }

    /// Notes that system `k` has no predictions for an article.
    pub(super) fn missing(&mut self, k: usize) {
        self.missing[k] += 1;
    }

    /// Scores one annotation file: `quotes[k]` are system `k`'s quotes on the article.
    pub(super) fn add(&mut self, text: &str, gold: &[GoldAttribution], quotes: &[Vec<Quote>]) {
        let (direct, other): (Vec<&GoldAttribution>, Vec<&GoldAttribution>) =
            gold.iter().partition(|g| g.is_direct_quote(text));
        self.gold += direct.len();
        let direct: Vec<GoldAttribution> = direct.into_iter().cloned().collect();
        let touches = |q: &Quote, golds: &[&GoldAttribution]| {
            golds
                .iter()
                .any(|g| g.content.as_ref().is_some_and(|c| overlaps(&q.content, c)))
        };
        let direct_refs: Vec<&GoldAttribution> = direct.iter().collect();
        for (k, system) in quotes.iter().enumerate() {
            let (kept, left): (Vec<&Quote>, Vec<&Quote>) = system
                .iter()
                .partition(|q| touches(q, &direct_refs) || !touches(q, &other));
            self.left_out[k] += left.len();
            self.counts[k].add(score_annotation(text, &predicted(kept), &direct));
        }
    }

    pub(super) fn to_json(&self) -> Value {
        let systems: serde_json::Map<String, Value> = self
            .names
            .iter()
            .enumerate()
            .map(|(k, name)| {
                let mut v = self.counts[k].to_json();
                v["left_out"] = json!(self.left_out[k]);
                v["articles_missing"] = json!(self.missing[k]);
                (name.clone(), v)
            })
            .collect();
        json!({
            "gold": self.gold,
            "definition": "gold: content in quotation marks (every piece opens or closes a quote; the first opens, the last closes); tally: QuoteKind::Direct; peers: their quotes; predictions overlapping only non-direct gold content are left out",
            "systems": systems,
        })
    }

    pub(super) fn summary(&self) -> String {
        let mut out = format!(
            "  direct quotes ({} gold, content in quotation marks; per annotator, summed):\n",
            self.gold
        );
        for (k, name) in self.names.iter().enumerate() {
            let c = &self.counts[k];
            out.push_str(&format!(
                "    {name:<10} {} ({} left out",
                c.f1_line(),
                self.left_out[k],
            ));
            if self.missing[k] > 0 {
                out.push_str(&format!(", {} articles missing", self.missing[k]));
            }
            out.push_str(")\n");
        }
        out
    }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // Spans are lists of ranges.
mod tests {
    use super::*;

    // Byte offsets: "A," = 0..4 with its marks, he = 5..7, said = 8..12, "B." = 14..18;
    // then the paraphrase: He = 19..21, said = 22..26, `that it "rains"` = 27..42 with its
    // quoted fragment at 35..42.
    const TEXT: &str = "\"A,\" he said, \"B.\" He said that it \"rains\".";

    fn gold(cue: Range, source: Range, content: Vec<Range>) -> GoldAttribution {
        GoldAttribution {
            id: "E".into(),
            cue: Some(vec![cue]),
            source: Some(vec![source]),
            content: Some(content),
        }
    }

    type Range = std::ops::Range<usize>;

    #[test]
    fn peer_quotes_sharing_cue_and_source_are_one_and_paraphrases_are_left_out() {
        assert_eq!(&TEXT[0..4], "\"A,\"");
        assert_eq!(&TEXT[14..18], "\"B.\"");
        assert_eq!(&TEXT[35..42], "\"rains\"");
        let golds = vec![
            gold(8..12, 5..7, vec![0..4, 14..18]),
            gold(22..26, 19..21, vec![27..42]),
        ];
        assert!(golds[0].is_direct_quote(TEXT));
        assert!(!golds[1].is_direct_quote(TEXT));
        let line = json!({"doc": "d", "text": TEXT, "quotes": [
            {"cue": [8, 12], "source": [5, 7], "content": [0, 4]},
            {"cue": [8, 12], "source": [5, 7], "content": [14, 18]},
            {"cue": [22, 26], "source": [19, 21], "content": [35, 42]},
        ]});
        let pd: PeerDoc = serde_json::from_value(line).unwrap();
        let quotes = peer_quotes(&pd, TEXT);
        assert_eq!(quotes.len(), 2);
        assert_eq!(quotes[0].content, vec![0..4, 14..18]);
        let mut systems = Systems::new(["peer".to_owned()]);
        systems.add(TEXT, &golds, &[Vec::new(), quotes]);
        let v = systems.to_json();
        assert_eq!(v["gold"], 1);
        let peer = &v["systems"]["peer"];
        assert_eq!(peer["left_out"], 1);
        assert_eq!(peer["content"]["exact"]["tp"], 1);
        assert_eq!(peer["attribution"]["tp"], 1);
        assert_eq!(peer["attribution"]["fp"], 0);
        assert_eq!(v["systems"]["tally"]["attribution"]["fn"], 1);
    }
}
