//! The `times` suite: TempEval-3 scoring of time expressions against TimeML (`.tml`) and
//! MEANTIME CAT XML (`.xml`) gold.
//!
//! Every `PATH` (a file or a directory, walked recursively) is scored on its own and in
//! the total. Each document is built with its DCT as publication date and run through the
//! segmenter and the `times` extractor. The DCT itself is not scored (TempEval-3 leaves it
//! out; in MEANTIME it is a line of the text, so predictions on it are dropped too), nor
//! are MEANTIME's non-consuming timexes (no tokens). MEANTIME annotates only the first
//! sentences of each article, so predictions past them are not scored.
//!
//! Metrics, as TempEval-3 defines them: strict (same offsets) and relaxed (overlapping)
//! span precision, recall and F1; type and value accuracy over relaxed matches; and value
//! F1: a prediction counts when it overlaps a gold timex and has its exact value.
//! Matching is one to one, largest overlap first. The report lists per-type counts and
//! every miss, spurious prediction and wrong value.
//!
//! Peers: each `*.jsonl` path is one peer's predictions on the same texts, as written by
//! `bench/peers/peers.py predict times` from the texts [`texts`] exports (`{"doc", "text",
//! "published"}`; the `times_texts` example writes them): `{"doc", "text", "seconds",
//! "times": [{"start", "end", "type", "value"}]}`, UTF-8 byte offsets into "text", "doc"
//! the file's folder and name ("TimeBank/wsj_0026.tml"). A peer file whose text differs
//! from the document the suite scores is an error, so offsets always mean the same bytes.
//! Every system goes through the same filters (DCT line, annotated extent) and the same
//! scorer; documents a peer file lacks count as documents where it found nothing.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Value, json};
use tally_core::{Document, Extractor, TimexType};

use crate::{EvalError, Prf, Report, meantime, prf::round4, timeml};

/// A gold or predicted timex, reduced to what is scored.
#[derive(Debug, Clone)]
struct Item {
    span: Range<usize>,
    text: String,
    kind: String,
    value: String,
}

/// One document's gold and predictions.
struct Scored {
    path: String,
    gold: Vec<Item>,
    predicted: Vec<Item>,
}

/// A peer's timex.
#[derive(Debug, Deserialize)]
struct PeerTimex {
    start: usize,
    end: usize,
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    value: String,
}

/// A peer's predictions on one document.
#[derive(Debug, Deserialize)]
struct PeerDoc {
    doc: String,
    text: String,
    #[serde(default)]
    times: Vec<PeerTimex>,
}

impl crate::peers::PeerLine for PeerDoc {
    fn doc(&self) -> &str {
        &self.doc
    }
}

/// Counts for a set of documents.
#[derive(Default)]
struct Tally {
    docs: usize,
    strict: Prf,
    relaxed: Prf,
    value: Prf,
    type_correct: usize,
    value_correct: usize,
    /// Per gold type: [gold, matched, value correct].
    per_type: BTreeMap<String, [usize; 3]>,
    /// Per predicted type: spurious predictions.
    spurious_by_type: BTreeMap<String, usize>,
    missed: Vec<Value>,
    spurious: Vec<Value>,
    wrong_value: Vec<Value>,
    wrong_type: Vec<Value>,
}

fn kind_name(kind: TimexType) -> &'static str {
    match kind {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

impl Tally {
    fn add(&mut self, doc: &Scored) {
        self.docs += 1;
        let (gold, pred) = (&doc.gold, &doc.predicted);
        // Strict: identical offsets.
        let strict = gold
            .iter()
            .filter(|g| pred.iter().any(|p| p.span == g.span))
            .count();
        self.strict.add(Prf {
            tp: strict,
            fp: pred.len() - strict,
            fn_: gold.len() - strict,
        });
        // Relaxed: one-to-one, largest overlap first.
        let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
        for (gi, g) in gold.iter().enumerate() {
            for (pi, p) in pred.iter().enumerate() {
                let o = overlap(&g.span, &p.span);
                if o > 0 {
                    pairs.push((o, gi, pi));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut gold_match: Vec<Option<usize>> = vec![None; gold.len()];
        let mut pred_used = vec![false; pred.len()];
        for (_, gi, pi) in pairs {
            if gold_match[gi].is_none() && !pred_used[pi] {
                gold_match[gi] = Some(pi);
                pred_used[pi] = true;
            }
        }
        let matched = gold_match.iter().flatten().count();
        self.relaxed.add(Prf {
            tp: matched,
            fp: pred.len() - matched,
            fn_: gold.len() - matched,
        });
        let mut values = 0;
        for (gi, g) in gold.iter().enumerate() {
            let entry = self.per_type.entry(g.kind.clone()).or_default();
            entry[0] += 1;
            let Some(pi) = gold_match[gi] else {
                self.missed.push(json!({
                    "doc": doc.path, "text": g.text, "type": g.kind, "value": g.value,
                }));
                continue;
            };
            let p = &pred[pi];
            entry[1] += 1;
            if p.kind == g.kind {
                self.type_correct += 1;
            } else {
                self.wrong_type.push(json!({
                    "doc": doc.path, "gold_text": g.text, "text": p.text,
                    "gold": g.kind, "predicted": p.kind,
                }));
            }
            if p.value == g.value {
                self.value_correct += 1;
                values += 1;
                entry[2] += 1;
            } else {
                self.wrong_value.push(json!({
                    "doc": doc.path, "gold_text": g.text, "text": p.text, "type": g.kind,
                    "gold": g.value, "predicted": p.value,
                }));
            }
        }
        for (pi, p) in pred.iter().enumerate() {
            if !pred_used[pi] {
                *self.spurious_by_type.entry(p.kind.clone()).or_default() += 1;
                self.spurious.push(json!({
                    "doc": doc.path, "text": p.text, "type": p.kind, "value": p.value,
                }));
            }
        }
        self.value.add(Prf {
            tp: values,
            fp: pred.len() - values,
            fn_: gold.len() - values,
        });
    }

    #[allow(clippy::cast_precision_loss)]
    fn accuracy(&self, correct: usize) -> f64 {
        if self.relaxed.tp == 0 {
            0.0
        } else {
            round4(correct as f64 / self.relaxed.tp as f64)
        }
    }

    fn to_json(&self, label: &str, errors: bool) -> Value {
        let per_type: serde_json::Map<String, Value> = self
            .per_type
            .iter()
            .map(|(k, [gold, matched, value])| {
                (
                    k.clone(),
                    json!({
                        "gold": gold, "matched": matched, "missed": gold - matched,
                        "value_correct": value, "value_wrong": matched - value,
                        "spurious_predicted_as": self.spurious_by_type.get(k).copied().unwrap_or(0),
                    }),
                )
            })
            .collect();
        let mut out = json!({
            "path": label,
            "docs": self.docs,
            "gold": self.relaxed.tp + self.relaxed.fn_,
            "predicted": self.relaxed.tp + self.relaxed.fp,
            "strict": self.strict.to_json(),
            "relaxed": self.relaxed.to_json(),
            "type_accuracy": self.accuracy(self.type_correct),
            "value_accuracy": self.accuracy(self.value_correct),
            "value": self.value.to_json(),
            "per_type": per_type,
        });
        if errors {
            out["errors"] = json!({
                "missed": self.missed,
                "spurious": self.spurious,
                "wrong_value": self.wrong_value,
                "wrong_type": self.wrong_type,
            });
        }
        out
    }

    fn summary(&self, label: &str) -> String {
        format!(
            "{label}: {} docs, {} gold, {} predicted | strict F1 {:.3} | relaxed P {:.3} R {:.3} F1 {:.3} | type acc {:.3} | value acc {:.3} | value F1 {:.3}",
            self.docs,
            self.relaxed.tp + self.relaxed.fn_,
            self.relaxed.tp + self.relaxed.fp,
            self.strict.f1(),
            self.relaxed.precision(),
            self.relaxed.recall(),
            self.relaxed.f1(),
            self.accuracy(self.type_correct),
            self.accuracy(self.value_correct),
            self.value.f1(),
        )
    }
}

/// Files under `path` with a `.tml` or `.xml` extension, sorted.
fn files(path: &Path) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let mut out = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "tml" || e == "xml") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Predictions the scorer keeps: not on the DCT line (`skip`), not past the annotated
/// part (`extent`).
fn kept(items: Vec<Item>, skip: Option<&Range<usize>>, extent: Option<&Range<usize>>) -> Vec<Item> {
    items
        .into_iter()
        .filter(|t| skip.is_none_or(|s| overlap(s, &t.span) == 0))
        .filter(|t| extent.is_none_or(|e| t.span.start < e.end))
        .collect()
}

fn predictions(doc: &Document) -> Vec<Item> {
    doc.times
        .iter()
        .map(|t| Item {
            span: t.span.range(),
            text: t.raw.clone(),
            kind: kind_name(t.kind).to_owned(),
            value: t.value.clone(),
        })
        .collect()
}

/// A peer's predictions on `text`, checked to be on the same text.
fn peer_items(peer: &str, key: &str, pd: &PeerDoc, text: &str) -> Result<Vec<Item>, EvalError> {
    crate::peers::same_text(peer, key, &pd.text, text)?;
    Ok(pd
        .times
        .iter()
        .filter_map(|t| {
            let piece = text.get(t.start..t.end)?;
            Some(Item {
                span: t.start..t.end,
                text: piece.to_owned(),
                kind: t.kind.clone(),
                value: t.value.clone(),
            })
        })
        .collect())
}

/// One document: its text and DCT, the gold, and the filters predictions go through.
struct GoldDoc {
    text: String,
    published: Option<String>,
    gold: Vec<Item>,
    skip: Option<Range<usize>>,
    extent: Option<Range<usize>>,
    document: Document,
}

fn read_gold(path: &Path) -> Result<GoldDoc, EvalError> {
    if path.extension().is_some_and(|e| e == "tml") {
        let gold_doc = timeml::read_file(path)?;
        let gold = gold_doc
            .timexes()
            .into_iter()
            .map(|t| Item {
                span: t.span.clone(),
                text: t.text.clone(),
                kind: t.attr("type").unwrap_or("").to_owned(),
                value: t.attr("value").unwrap_or("").to_owned(),
            })
            .collect();
        let document = gold_doc.document();
        return Ok(GoldDoc {
            text: document.body.clone(),
            published: gold_doc.dct_date().map(|d| d.to_string()),
            gold,
            skip: None,
            extent: None,
            document,
        });
    }
    let gold_doc = meantime::read_file(path)?;
    let gold = gold_doc
        .of_kind(meantime::MarkableKind::Timex3)
        .filter(|m| m.attr("functionInDocument") != Some("CREATION_TIME"))
        .filter_map(|m| {
            let span = m.span.clone()?;
            Some(Item {
                text: gold_doc.text.get(span.clone()).unwrap_or("").to_owned(),
                span,
                kind: m.attr("type").unwrap_or("").to_owned(),
                value: m.attr("value").unwrap_or("").to_owned(),
            })
        })
        .collect();
    let document = gold_doc.document();
    Ok(GoldDoc {
        text: document.body.clone(),
        published: gold_doc.dct_date().map(|d| d.to_string()),
        gold,
        skip: gold_doc.dct().and_then(|m| m.span.clone()),
        extent: Some(gold_doc.annotated_extent()),
        document,
    })
}

/// The texts the suite scores, one JSON line per file (`{"doc", "text", "published"}`,
/// "published" the DCT's date or null), for peers to run on.
///
/// # Errors
/// [`EvalError::Data`] naming a file that cannot be read or parsed.
pub fn texts(paths: &[PathBuf]) -> Result<Vec<Value>, EvalError> {
    let mut out = Vec::new();
    for path in paths.iter().filter(|p| !crate::peers::is_peer(p)) {
        for file in files(path) {
            let gold = read_gold(&file)?;
            out.push(json!({
                "doc": crate::peers::doc_key(&file),
                "text": gold.text,
                "published": gold.published,
            }));
        }
    }
    Ok(out)
}

/// Scores the `times` extractor, and each peer file given, on every `.tml` / `.xml` file
/// under the other paths.
///
/// # Errors
/// [`EvalError::Usage`] without paths; [`EvalError::Data`] for a file that cannot be read
/// or parsed, a peer file with another text, or when the extractor cannot be built.
pub fn run(paths: &[PathBuf]) -> Result<Report, EvalError> {
    let (peer_paths, gold_paths): (Vec<&PathBuf>, Vec<&PathBuf>) =
        paths.iter().partition(|p| crate::peers::is_peer(p));
    if gold_paths.is_empty() {
        return Err(EvalError::Usage {
            suite: "times",
            usage: "PATH... [PEER.jsonl...] (TimeML .tml or MEANTIME .xml files or directories; peers' predictions)",
        });
    }
    let peers: crate::peers::Peers<PeerDoc> = crate::peers::read_all(&peer_paths)?;
    let times = tally_times::TimeExtractor::new().map_err(|e| EvalError::Data {
        path: "data/times".to_owned(),
        message: e.to_string(),
    })?;
    let extractors: Vec<Box<dyn Extractor>> =
        vec![Box::new(tally_text::Segmenter), Box::new(times)];
    // Per system (tally first, then peers in the order given): per path and total.
    let names: Vec<String> = std::iter::once("tally".to_owned())
        .chain(peers.iter().map(|(n, _)| n.clone()))
        .collect();
    let mut totals: Vec<Tally> = names.iter().map(|_| Tally::default()).collect();
    let mut groups: Vec<Vec<Value>> = names.iter().map(|_| Vec::new()).collect();
    let mut missing: Vec<usize> = names.iter().map(|_| 0).collect();
    let mut summary = Vec::new();
    for path in gold_paths {
        if !path.exists() {
            summary.push(format!("{}: skipped, not found", path.display()));
            continue;
        }
        let mut tallies: Vec<Tally> = names.iter().map(|_| Tally::default()).collect();
        for file in files(path) {
            let name = file.display().to_string();
            let gold = read_gold(&file)?;
            let mut doc = gold.document.clone();
            for e in &extractors {
                e.run(&mut doc).map_err(|e| EvalError::Data {
                    path: name.clone(),
                    message: e.to_string(),
                })?;
            }
            let key = crate::peers::doc_key(&file);
            let mut predicted = vec![predictions(&doc)];
            for (k, (peer, docs)) in peers.iter().enumerate() {
                predicted.push(match docs.get(&key) {
                    Some(pd) => peer_items(peer, &key, pd, &gold.text)?,
                    None => {
                        missing[k + 1] += 1;
                        Vec::new()
                    }
                });
            }
            for (k, items) in predicted.into_iter().enumerate() {
                let scored = Scored {
                    path: name.clone(),
                    gold: gold.gold.clone(),
                    predicted: kept(items, gold.skip.as_ref(), gold.extent.as_ref()),
                };
                tallies[k].add(&scored);
                totals[k].add(&scored);
            }
        }
        let label = path.display().to_string();
        for (k, tally) in tallies.iter().enumerate() {
            if k == 0 {
                summary.push(tally.summary(&label));
            }
            groups[k].push(tally.to_json(&label, true));
        }
    }
    summary.push(totals[0].summary("total"));
    for (k, name) in names.iter().enumerate().skip(1) {
        let mut line = totals[k].summary(&format!("peer {name}, total"));
        if missing[k] > 0 {
            line.push_str(&format!(
                " ({} documents missing from its file)",
                missing[k]
            ));
        }
        summary.push(line);
    }
    let systems: serde_json::Map<String, Value> = names
        .iter()
        .enumerate()
        .map(|(k, name)| {
            (
                name.clone(),
                json!({
                    "groups": groups[k].iter().map(|g| {
                        let mut g = g.clone();
                        if let Some(o) = g.as_object_mut() {
                            o.remove("errors");
                        }
                        g
                    }).collect::<Vec<_>>(),
                    "total": totals[k].to_json("total", false),
                    "missing_documents": missing[k],
                }),
            )
        })
        .collect();
    Ok(Report {
        json: json!({
            "suite": "times",
            "groups": groups[0],
            "total": totals[0].to_json("total", false),
            "systems": systems,
        }),
        summary: summary.join("\n"),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // Tests fail loudly on purpose.

    use super::*;

    const TML: &str = r#"<TimeML><DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-12-18" functionInDocument="CREATION_TIME">December 18, 2024</TIMEX3></DCT>
<TEXT>
The official <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2024-12-17">Tuesday</TIMEX3> that talks resume <TIMEX3 tid="t2" type="DATE" value="2025-01">next month</TIMEX3>.
</TEXT></TimeML>"#;

    /// A fresh directory with `gold/doc.tml` in it.
    fn fixture(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("tally-times-suite-{name}-{}", std::process::id()));
        let gold = dir.join("gold");
        std::fs::create_dir_all(&gold).unwrap();
        std::fs::write(gold.join("doc.tml"), TML).unwrap();
        dir
    }

    #[test]
    fn peers_are_scored_on_the_exported_texts() {
        let dir = fixture("peer");
        let gold = dir.join("gold");
        let texts = texts(std::slice::from_ref(&gold)).unwrap();
        assert_eq!(texts.len(), 1);
        assert_eq!(texts[0]["doc"], "gold/doc.tml");
        assert_eq!(texts[0]["published"], "2024-12-18");
        let text = texts[0]["text"].as_str().unwrap();
        let at = text.find("Tuesday").unwrap();
        // The peer finds Tuesday with a wrong value and nothing else.
        let line = json!({"doc": "gold/doc.tml", "text": text, "seconds": 0.1,
            "times": [{"start": at, "end": at + 7, "type": "DATE", "value": "2024-12-24"}]});
        let peer = dir.join("peer.jsonl");
        std::fs::write(&peer, format!("{line}\n")).unwrap();
        let report = run(&[gold, peer]).unwrap();
        let systems = &report.json["systems"];
        assert_eq!(systems["tally"]["total"]["value"]["f1"], 1.0);
        assert_eq!(systems["peer"]["total"]["relaxed"]["tp"], 1);
        assert_eq!(systems["peer"]["total"]["relaxed"]["fn"], 1);
        assert_eq!(systems["peer"]["total"]["value"]["tp"], 0);
        assert!(report.summary.contains("peer peer, total"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_peer_on_another_text_is_refused() {
        let dir = fixture("other");
        let gold = dir.join("gold");
        let line = json!({"doc": "gold/doc.tml", "text": "something else", "times": []});
        let peer = dir.join("peer.jsonl");
        std::fs::write(&peer, format!("{line}\n")).unwrap();
        let err = run(&[gold, peer]).unwrap_err().to_string();
        assert!(err.contains("different text"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
