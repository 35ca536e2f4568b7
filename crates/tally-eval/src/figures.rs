//! The `figures` suite: figure spans against MEANTIME's `VALUE` markables (types
//! `QUANTITY`, `MONEY`, `PERCENT`; CC BY 4.0 annotations over Wikinews text), for tally and
//! for peers.
//!
//! Each article is rebuilt by [`crate::meantime`] (same body, byte offsets per token), run
//! through the segmenter and [`tally_figures::FigureExtractor`] only, and compared inside
//! the annotated part of the article ([`crate::meantime::MeantimeDoc::annotated_extent`]).
//! A figure's type is `MONEY` when it has a currency, `PERCENT` when its unit is a percent,
//! else `QUANTITY`.
//!
//! Peers: each `*.jsonl` path is one peer's predictions on the same texts, as written by
//! `bench/peers/peers.py predict quantities` from the texts `tally-eval`'s `entity_texts`
//! example exports (`{"doc", "text", "seconds", "quantities": [{"start", "end", "type"?,
//! ...}]}`, UTF-8 byte offsets into "text", "doc" the article's folder and file name). A
//! peer file whose text differs from the rebuilt article is an error, so offsets always
//! mean the same bytes. A quantity's `type` (`QUANTITY`, `MONEY` or `PERCENT`) defaults to
//! `QUANTITY`; articles a peer file lacks are left out of that peer's score and counted.
//!
//! Metrics, the same scorer for every system: exact-span and overlap-span P/R/F1, overall
//! and per gold type (a prediction counts for the type of the gold it matches, or its own
//! type when it matches none), and type accuracy on overlap matches. Files with the same
//! name in several folders (MEANTIME ships each article twice) are scored once.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Value, json};
use tally_core::{Extractor, Figure, Measure};
use tally_figures::FigureExtractor;

use crate::{EvalError, Prf, Report, meantime};

const USAGE: &str = "MEANTIME_DIR_OR_XML... [PEER.jsonl...]";
const MAX_ERRORS: usize = 300;
const TYPES: [&str; 3] = ["QUANTITY", "MONEY", "PERCENT"];

fn type_of(f: &Figure) -> &'static str {
    if f.measure == Measure::Money {
        "MONEY"
    } else if f
        .unit
        .as_deref()
        .is_some_and(|u| u == "percent" || u == "percentage_point")
    {
        "PERCENT"
    } else {
        "QUANTITY"
    }
}

/// One peer file's line.
#[derive(Debug, Deserialize)]
struct PeerDoc {
    doc: String,
    text: String,
    #[serde(default)]
    seconds: f64,
    quantities: Vec<PeerQuantity>,
}

impl crate::peers::PeerLine for PeerDoc {
    fn doc(&self) -> &str {
        &self.doc
    }
}

#[derive(Debug, Deserialize)]
struct PeerQuantity {
    start: usize,
    end: usize,
    #[serde(default, rename = "type")]
    kind: Option<String>,
}

/// A predicted span and its type.
struct Predicted<'a> {
    span: Range<usize>,
    kind: &'static str,
    text: &'a str,
}

/// One system's counts over the articles.
#[derive(Default)]
struct Score {
    articles: usize,
    seconds: f64,
    exact: Prf,
    overlap: Prf,
    by_type: BTreeMap<&'static str, (Prf, Prf)>,
    type_n: usize,
    type_ok: usize,
    errors: Vec<Value>,
}

impl Score {
    /// Scores one article: `gold` are the gold spans and types, `predicted` the system's
    /// spans inside the annotated extent.
    fn add(
        &mut self,
        name: &str,
        body: &str,
        gold: &[(Range<usize>, String)],
        predicted: &[Predicted<'_>],
    ) {
        self.articles += 1;
        let context = |r: &Range<usize>| {
            let s = floor_char(body, r.start.saturating_sub(40));
            let e = floor_char(body, (r.end + 40).min(body.len()));
            body.get(s..e).unwrap_or("").replace("\n\n", " / ")
        };
        let mut used_exact = vec![false; predicted.len()];
        let mut used_overlap = vec![false; predicted.len()];
        for (g, gtype) in gold {
            let t = self.by_type.entry(type_key(gtype)).or_default();
            match (0..predicted.len()).find(|&i| !used_exact[i] && predicted[i].span == *g) {
                Some(i) => {
                    used_exact[i] = true;
                    self.exact.tp += 1;
                    t.0.tp += 1;
                }
                None => {
                    self.exact.fn_ += 1;
                    t.0.fn_ += 1;
                }
            }
            let overlaps = |p: &Predicted<'_>| p.span.start < g.end && g.start < p.span.end;
            match (0..predicted.len()).find(|&i| !used_overlap[i] && overlaps(&predicted[i])) {
                Some(i) => {
                    used_overlap[i] = true;
                    self.overlap.tp += 1;
                    t.1.tp += 1;
                    self.type_n += 1;
                    if predicted[i].kind == gtype.as_str() {
                        self.type_ok += 1;
                    }
                    if predicted[i].span != *g && self.errors.len() < MAX_ERRORS {
                        self.errors.push(json!({"doc": name, "kind": "boundary", "gold": body.get(g.clone()), "predicted": predicted[i].text, "context": context(g)}));
                    }
                }
                None => {
                    self.overlap.fn_ += 1;
                    t.1.fn_ += 1;
                    if self.errors.len() < MAX_ERRORS {
                        self.errors.push(json!({"doc": name, "kind": "missed", "type": gtype, "gold": body.get(g.clone()), "context": context(g)}));
                    }
                }
            }
        }
        for (i, p) in predicted.iter().enumerate() {
            let t = self.by_type.entry(p.kind).or_default();
            if !used_exact[i] {
                self.exact.fp += 1;
                t.0.fp += 1;
            }
            if !used_overlap[i] {
                self.overlap.fp += 1;
                t.1.fp += 1;
                if self.errors.len() < MAX_ERRORS {
                    self.errors.push(json!({"doc": name, "kind": "extra", "type": p.kind, "predicted": p.text, "context": context(&p.span)}));
                }
            }
        }
    }

    fn type_accuracy(&self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        if self.type_n == 0 {
            0.0
        } else {
            self.type_ok as f64 / self.type_n as f64
        }
    }

    fn to_json(&self) -> Value {
        let per_type: serde_json::Map<String, Value> = self
            .by_type
            .iter()
            .map(|(k, (e, o))| {
                (
                    (*k).to_owned(),
                    json!({"exact": e.to_json(), "overlap": o.to_json()}),
                )
            })
            .collect();
        json!({
            "articles": self.articles,
            "seconds": crate::prf::round4(self.seconds),
            "exact": self.exact.to_json(),
            "overlap": self.overlap.to_json(),
            "type_accuracy": crate::prf::round4(self.type_accuracy()),
            "per_type": per_type,
            "errors": self.errors,
        })
    }

    fn summary(&self, system: &str) -> String {
        format!(
            "{system}: exact span F1 {:.3} (P {:.3} R {:.3}), overlap F1 {:.3} (P {:.3} R {:.3}), type accuracy {:.3}\n{}",
            self.exact.f1(),
            self.exact.precision(),
            self.exact.recall(),
            self.overlap.f1(),
            self.overlap.precision(),
            self.overlap.recall(),
            self.type_accuracy(),
            self.by_type
                .iter()
                .map(|(k, (e, o))| format!(
                    "  {k}: exact F1 {:.3}, overlap F1 {:.3}",
                    e.f1(),
                    o.f1()
                ))
                .collect::<Vec<_>>()
                .join("\n"),
        )
    }
}

/// Runs the suite.
///
/// # Errors
/// [`EvalError::Usage`] without MEANTIME files; [`EvalError::Data`] naming a file that
/// cannot be read, a peer file whose text differs from the rebuilt article, or the
/// extractor's data error.
pub fn run(paths: &[PathBuf]) -> Result<Report, EvalError> {
    let (peer_paths, gold_paths): (Vec<&PathBuf>, Vec<&PathBuf>) =
        paths.iter().partition(|p| crate::peers::is_peer(p));
    let mut files = BTreeMap::new();
    for p in gold_paths {
        collect(p, &mut files)?;
    }
    if files.is_empty() {
        return Err(EvalError::Usage {
            suite: "figures",
            usage: USAGE,
        });
    }
    let peers: crate::peers::Peers<PeerDoc> = crate::peers::read_all(&peer_paths)?;
    let extractor = FigureExtractor::new().map_err(|e| EvalError::Data {
        path: "data/figures".into(),
        message: e.to_string(),
    })?;
    let mut systems: BTreeMap<String, Score> = BTreeMap::new();
    let mut missing: BTreeMap<String, usize> = BTreeMap::new();
    for file in files.values() {
        let gold_doc = meantime::read_file(file)?;
        let mut doc = gold_doc.document();
        let data = |e: tally_core::ExtractError| EvalError::Data {
            path: file.display().to_string(),
            message: e.to_string(),
        };
        let started = std::time::Instant::now();
        tally_text::Segmenter.run(&mut doc).map_err(data)?;
        extractor.run(&mut doc).map_err(data)?;
        let seconds = started.elapsed().as_secs_f64();
        let extent = gold_doc.annotated_extent();
        let gold: Vec<(Range<usize>, String)> = gold_doc
            .of_kind(meantime::MarkableKind::Value)
            .filter_map(|m| Some((m.span.clone()?, m.attr("type").unwrap_or("").to_owned())))
            .collect();
        let inside = |r: &Range<usize>| r.start >= extent.start && r.end <= extent.end;
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();

        let predicted: Vec<Predicted<'_>> = doc
            .figures
            .iter()
            .filter(|f| inside(&f.span.range()))
            .map(|f| Predicted {
                span: f.span.range(),
                kind: type_of(f),
                text: f.span.text.as_str(),
            })
            .collect();
        let tally = systems.entry("tally".into()).or_default();
        tally.seconds += seconds;
        tally.add(&name, &doc.body, &gold, &predicted);

        let key = crate::peers::doc_key(file);
        for (peer, docs) in &peers {
            let Some(pd) = docs.get(&key) else {
                *missing.entry(peer.clone()).or_default() += 1;
                continue;
            };
            crate::peers::same_text(peer, &key, &pd.text, &doc.body)?;
            let predicted: Vec<Predicted<'_>> = pd
                .quantities
                .iter()
                .filter(|q| q.start < q.end && inside(&(q.start..q.end)))
                .map(|q| Predicted {
                    span: q.start..q.end,
                    kind: q.kind.as_deref().map_or("QUANTITY", type_key),
                    text: pd.text.get(q.start..q.end).unwrap_or(""),
                })
                .collect();
            let score = systems.entry(peer.clone()).or_default();
            score.seconds += pd.seconds;
            score.add(&name, &doc.body, &gold, &predicted);
        }
    }

    let tally = systems
        .get("tally")
        .map(Score::to_json)
        .unwrap_or(Value::Null);
    let mut summary = format!("figures vs MEANTIME VALUE ({} articles)", files.len());
    for (name, score) in &systems {
        summary.push('\n');
        summary.push_str(&score.summary(name));
        if let Some(n) = missing.get(name) {
            summary.push_str(&format!("\n  ({n} articles missing from the peer file)"));
        }
    }
    let mut json = json!({
        "suite": "figures",
        "data": "NewsReader MEANTIME (English Wikinews), VALUE markables",
        "articles": files.len(),
        "systems": systems.iter().map(|(k, s)| (k.clone(), s.to_json())).collect::<serde_json::Map<_, _>>(),
        "missing": missing,
    });
    // tally's scores also stay at the top level, where earlier reports had them.
    if let (Some(obj), Value::Object(t)) = (json.as_object_mut(), tally) {
        for key in ["exact", "overlap", "type_accuracy", "per_type", "errors"] {
            if let Some(v) = t.get(key) {
                obj.insert(key.to_owned(), v.clone());
            }
        }
    }
    Ok(Report { json, summary })
}

fn type_key(t: &str) -> &'static str {
    TYPES
        .iter()
        .find(|x| x.eq_ignore_ascii_case(t))
        .copied()
        .unwrap_or("QUANTITY")
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// MEANTIME XML files under `path`, by file name (each article once).
fn collect(path: &Path, files: &mut BTreeMap<String, PathBuf>) -> Result<(), EvalError> {
    if path.is_file() {
        if path.extension().is_some_and(|e| e == "xml")
            && let Some(name) = path.file_name()
        {
            files
                .entry(name.to_string_lossy().into_owned())
                .or_insert_with(|| path.to_path_buf());
        }
        return Ok(());
    }
    let entries = std::fs::read_dir(path).map_err(|e| EvalError::Data {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        collect(&child, files)?;
    }
    Ok(())
}
