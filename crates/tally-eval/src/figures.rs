//! The `figures` suite: figure spans against MEANTIME's `VALUE` markables (types
//! `QUANTITY`, `MONEY`, `PERCENT`; CC BY 4.0 annotations over Wikinews text).
//!
//! Each article is rebuilt by [`crate::meantime`] (same body, byte offsets per token), run
//! through the segmenter and [`tally_figures::FigureExtractor`] only, and compared inside
//! the annotated part of the article ([`crate::meantime::MeantimeDoc::annotated_extent`]).
//! A figure's type is `MONEY` when it has a currency, `PERCENT` when its unit is a percent,
//! else `QUANTITY`.
//!
//! Metrics: exact-span and overlap-span P/R/F1, overall and per gold type (a prediction
//! counts for the type of the gold it matches, or its own type when it matches none), and
//! type accuracy on overlap matches. Files with the same name in several folders
//! (MEANTIME ships each article twice) are scored once.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde_json::json;
use tally_core::{Extractor, Figure, Measure};
use tally_figures::FigureExtractor;

use crate::{EvalError, Prf, Report, meantime};

const USAGE: &str = "MEANTIME_DIR_OR_XML...";
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

/// Runs the suite.
///
/// # Errors
/// [`EvalError::Usage`] without files; [`EvalError::Data`] naming a file that cannot be
/// read, or the extractor's data error.
pub fn run(paths: &[PathBuf]) -> Result<Report, EvalError> {
    let mut files = BTreeMap::new();
    for p in paths {
        collect(p, &mut files)?;
    }
    if files.is_empty() {
        return Err(EvalError::Usage {
            suite: "figures",
            usage: USAGE,
        });
    }
    let extractor = FigureExtractor::new().map_err(|e| EvalError::Data {
        path: "data/figures".into(),
        message: e.to_string(),
    })?;
    let mut exact = Prf::default();
    let mut overlap = Prf::default();
    let mut by_type: BTreeMap<&str, (Prf, Prf)> = TYPES
        .iter()
        .map(|t| (*t, (Prf::default(), Prf::default())))
        .collect();
    let mut type_n = 0usize;
    let mut type_ok = 0usize;
    let mut errors = Vec::new();
    for file in files.values() {
        let gold_doc = meantime::read_file(file)?;
        let mut doc = gold_doc.document();
        let data = |e: tally_core::ExtractError| EvalError::Data {
            path: file.display().to_string(),
            message: e.to_string(),
        };
        tally_text::Segmenter.run(&mut doc).map_err(data)?;
        extractor.run(&mut doc).map_err(data)?;
        let extent = gold_doc.annotated_extent();
        let gold: Vec<(Range<usize>, String)> = gold_doc
            .of_kind(meantime::MarkableKind::Value)
            .filter_map(|m| Some((m.span.clone()?, m.attr("type").unwrap_or("").to_owned())))
            .collect();
        let predicted: Vec<&Figure> = doc
            .figures
            .iter()
            .filter(|f| f.span.start >= extent.start && f.span.end <= extent.end)
            .collect();
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let context = |r: &Range<usize>| {
            let s = floor_char(&doc.body, r.start.saturating_sub(40));
            let e = floor_char(&doc.body, (r.end + 40).min(doc.body.len()));
            doc.body.get(s..e).unwrap_or("").replace("\n\n", " / ")
        };

        let mut used_exact = vec![false; predicted.len()];
        let mut used_overlap = vec![false; predicted.len()];
        for (g, gtype) in &gold {
            let t = by_type.entry(type_key(gtype)).or_default();
            match (0..predicted.len()).find(|&i| !used_exact[i] && predicted[i].span.range() == *g)
            {
                Some(i) => {
                    used_exact[i] = true;
                    exact.tp += 1;
                    t.0.tp += 1;
                }
                None => {
                    exact.fn_ += 1;
                    t.0.fn_ += 1;
                }
            }
            let overlaps = |f: &Figure| f.span.start < g.end && g.start < f.span.end;
            match (0..predicted.len()).find(|&i| !used_overlap[i] && overlaps(predicted[i])) {
                Some(i) => {
                    used_overlap[i] = true;
                    overlap.tp += 1;
                    t.1.tp += 1;
                    type_n += 1;
                    if type_of(predicted[i]) == gtype.as_str() {
                        type_ok += 1;
                    }
                    if predicted[i].span.range() != *g && errors.len() < MAX_ERRORS {
                        errors.push(json!({"doc": name, "kind": "boundary", "gold": doc.body.get(g.clone()), "tally": predicted[i].span.text, "context": context(g)}));
                    }
                }
                None => {
                    overlap.fn_ += 1;
                    t.1.fn_ += 1;
                    if errors.len() < MAX_ERRORS {
                        errors.push(json!({"doc": name, "kind": "missed", "type": gtype, "gold": doc.body.get(g.clone()), "context": context(g)}));
                    }
                }
            }
        }
        for (i, f) in predicted.iter().enumerate() {
            let t = by_type.entry(type_of(f)).or_default();
            if !used_exact[i] {
                exact.fp += 1;
                t.0.fp += 1;
            }
            if !used_overlap[i] {
                overlap.fp += 1;
                t.1.fp += 1;
                if errors.len() < MAX_ERRORS {
                    errors.push(json!({"doc": name, "kind": "extra", "type": type_of(f), "tally": f.span.text, "context": context(&f.span.range())}));
                }
            }
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let type_accuracy = if type_n == 0 {
        0.0
    } else {
        type_ok as f64 / type_n as f64
    };
    let per_type: serde_json::Map<String, serde_json::Value> = by_type
        .iter()
        .map(|(k, (e, o))| {
            (
                (*k).to_owned(),
                json!({"exact": e.to_json(), "overlap": o.to_json()}),
            )
        })
        .collect();
    let summary = format!(
        "figures vs MEANTIME VALUE ({} articles): exact span F1 {:.3} (P {:.3} R {:.3}), overlap F1 {:.3} (P {:.3} R {:.3}), type accuracy {:.3}\n{}",
        files.len(),
        exact.f1(),
        exact.precision(),
        exact.recall(),
        overlap.f1(),
        overlap.precision(),
        overlap.recall(),
        type_accuracy,
        by_type
            .iter()
            .map(|(k, (e, o))| format!("  {k}: exact F1 {:.3}, overlap F1 {:.3}", e.f1(), o.f1()))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    Ok(Report {
        json: json!({
            "suite": "figures",
            "data": "NewsReader MEANTIME (English Wikinews), VALUE markables",
            "articles": files.len(),
            "exact": exact.to_json(),
            "overlap": overlap.to_json(),
            "type_accuracy": crate::prf::round4(type_accuracy),
            "per_type": per_type,
            "errors": errors,
        }),
        summary,
    })
}

fn type_key(t: &str) -> &'static str {
    TYPES
        .iter()
        .find(|x| **x == t)
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
