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

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

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

fn predictions(
    doc: &Document,
    skip: Option<&Range<usize>>,
    extent: Option<&Range<usize>>,
) -> Vec<Item> {
    doc.times
        .iter()
        .filter(|t| skip.is_none_or(|s| overlap(s, &t.span.range()) == 0))
        .filter(|t| extent.is_none_or(|e| t.span.start < e.end))
        .map(|t| Item {
            span: t.span.range(),
            text: t.raw.clone(),
            kind: kind_name(t.kind).to_owned(),
            value: t.value.clone(),
        })
        .collect()
}

fn score_file(path: &Path, extractors: &[Box<dyn Extractor>]) -> Result<Scored, EvalError> {
    let name = path.display().to_string();
    let run = |mut doc: Document| -> Result<Document, EvalError> {
        for e in extractors {
            e.run(&mut doc).map_err(|e| EvalError::Data {
                path: name.clone(),
                message: e.to_string(),
            })?;
        }
        Ok(doc)
    };
    if path.extension().is_some_and(|e| e == "tml") {
        let gold_doc = timeml::read_file(path)?;
        let doc = run(gold_doc.document())?;
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
        return Ok(Scored {
            predicted: predictions(&doc, None, None),
            path: name,
            gold,
        });
    }
    let gold_doc = meantime::read_file(path)?;
    let doc = run(gold_doc.document())?;
    let dct_span = gold_doc.dct().and_then(|m| m.span.clone());
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
    Ok(Scored {
        predicted: predictions(&doc, dct_span.as_ref(), Some(&gold_doc.annotated_extent())),
        path: name,
        gold,
    })
}

/// Scores the `times` extractor on every `.tml` / `.xml` file under `paths`.
///
/// # Errors
/// [`EvalError::Usage`] without paths; [`EvalError::Data`] for a file that cannot be read
/// or parsed, or when the extractor cannot be built.
pub fn run(paths: &[PathBuf]) -> Result<Report, EvalError> {
    if paths.is_empty() {
        return Err(EvalError::Usage {
            suite: "times",
            usage: "PATH... (TimeML .tml or MEANTIME .xml files or directories)",
        });
    }
    let times = tally_times::TimeExtractor::new().map_err(|e| EvalError::Data {
        path: "data/times".to_owned(),
        message: e.to_string(),
    })?;
    let extractors: Vec<Box<dyn Extractor>> =
        vec![Box::new(tally_text::Segmenter), Box::new(times)];
    let mut total = Tally::default();
    let mut groups = Vec::new();
    let mut summary = Vec::new();
    for path in paths {
        if !path.exists() {
            summary.push(format!("{}: skipped, not found", path.display()));
            continue;
        }
        let mut tally = Tally::default();
        for file in files(path) {
            let scored = score_file(&file, &extractors)?;
            tally.add(&scored);
            total.add(&scored);
        }
        let label = path.display().to_string();
        summary.push(tally.summary(&label));
        groups.push(tally.to_json(&label, true));
    }
    summary.push(total.summary("total"));
    Ok(Report {
        json: json!({
            "suite": "times",
            "groups": groups,
            "total": total.to_json("total", false),
        }),
        summary: summary.join("\n"),
    })
}
