//! The `sentences` suite: sentence boundaries against MEANTIME's gold sentence split.
//!
//! MEANTIME gives tokens with sentence numbers but no running text. The suite rebuilds each
//! article as text: gold sentences are joined with a space inside a paragraph, and a new
//! paragraph starts after a sentence with no final `.`, `?` or `!` (the headline and the
//! dateline, which are separate lines in the original page). It then runs
//! [`tally_text::Segmenter`] and scores the sentence starts that are not paragraph starts
//! (those are given): a predicted start is right when a gold sentence starts there.
//!
//! Misses are split by cause: a gold boundary inside a quotation that closes in the same
//! paragraph is left unsplit on purpose (tally keeps a quote's sentences together with
//! their attribution), so those are reported apart, with the score that ignores them.
//! Files with the same name in several folders (MEANTIME ships each article twice) are
//! scored once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::json;
use tally_core::{Document, DocumentMeta, Extractor};

use crate::{EvalError, Prf, Report, meantime};

const USAGE: &str = "MEANTIME_DIR_OR_XML...";

/// Errors kept in the JSON report.
const MAX_ERRORS: usize = 200;

/// Runs the suite.
///
/// # Errors
/// [`EvalError::Usage`] without files; [`EvalError::Data`] naming a file that cannot be
/// read.
pub fn run(paths: &[PathBuf]) -> Result<Report, EvalError> {
    let mut files = BTreeMap::new();
    for p in paths {
        collect(p, &mut files)?;
    }
    if files.is_empty() {
        return Err(EvalError::Usage {
            suite: "sentences",
            usage: USAGE,
        });
    }
    let mut all = Prf::default();
    let mut outside_quotes = Prf::default();
    let mut in_quotes = 0;
    let mut errors = Vec::new();
    for file in files.values() {
        let gold = meantime::read_file(file)?;
        let (mut doc, starts) = rebuild(gold.paragraphs());
        if let Err(e) = tally_text::Segmenter.run(&mut doc) {
            return Err(EvalError::Data {
                path: file.display().to_string(),
                message: e.to_string(),
            });
        }
        let quotes = tally_text::quotations(&doc);
        let closed_quote_at = |offset: usize| {
            quotes.iter().any(|q| {
                q.is_closed()
                    && q.reopen.last().copied().unwrap_or(q.open) < offset
                    && offset < q.end
            })
        };
        let paragraph_start = |offset: usize| doc.paragraphs.iter().any(|p| p.start == offset);
        let predicted: Vec<usize> = doc
            .sentences
            .iter()
            .map(|s| s.start)
            .filter(|&s| !paragraph_start(s))
            .collect();
        let name = file.file_name().map(|f| f.to_string_lossy().into_owned());
        let mut note = |kind: &str, offset: usize| {
            if errors.len() < MAX_ERRORS {
                let from = boundary_before(&doc.body, offset.saturating_sub(60));
                let to = boundary_before(&doc.body, offset + 60);
                errors.push(json!({
                    "doc": name,
                    "kind": kind,
                    "context": format!("{} ‖ {}", &doc.body[from..offset], &doc.body[offset..to]),
                }));
            }
        };
        for &s in &predicted {
            if starts.binary_search(&s).is_ok() {
                all.tp += 1;
                outside_quotes.tp += 1;
            } else {
                all.fp += 1;
                outside_quotes.fp += 1;
                note("false split", s);
            }
        }
        for &g in &starts {
            if predicted.binary_search(&g).is_err() {
                all.fn_ += 1;
                if closed_quote_at(g) {
                    in_quotes += 1;
                    note("kept inside quotation", g);
                } else {
                    outside_quotes.fn_ += 1;
                    note("missed split", g);
                }
            }
        }
    }
    let json = json!({
        "suite": "sentences",
        "documents": files.len(),
        "boundaries": all.to_json(),
        "boundaries_outside_quotes": outside_quotes.to_json(),
        "missed_inside_closed_quotes": in_quotes,
        "errors": errors,
    });
    let summary = format!(
        "sentences: {} documents; boundary P {:.3} R {:.3} F1 {:.3}; \
         outside quotations P {:.3} R {:.3} F1 {:.3} ({in_quotes} gold splits inside quotations kept whole on purpose)",
        files.len(),
        all.precision(),
        all.recall(),
        all.f1(),
        outside_quotes.precision(),
        outside_quotes.recall(),
        outside_quotes.f1(),
    );
    Ok(Report { json, summary })
}

/// Joins gold sentences into paragraphs; returns the document and the byte offsets where
/// gold sentences start inside a paragraph (sorted).
fn rebuild<'a>(sentences: impl Iterator<Item = &'a str>) -> (Document, Vec<usize>) {
    let mut paragraphs: Vec<String> = Vec::new();
    // (paragraph index, byte offset in the paragraph) of each inner sentence start.
    let mut inner: Vec<(usize, usize)> = Vec::new();
    let mut joinable = false;
    for s in sentences {
        let s = s.trim();
        if s.is_empty() {
            continue;
        }
        let index = paragraphs.len().wrapping_sub(1);
        match paragraphs.last_mut() {
            Some(p) if joinable => {
                p.push(' ');
                inner.push((index, p.len()));
                p.push_str(s);
            }
            _ => paragraphs.push(s.to_owned()),
        }
        joinable = ends_sentence(s);
    }
    let doc = Document::new(DocumentMeta::default(), &paragraphs);
    let starts = inner
        .iter()
        .filter_map(|&(p, at)| doc.paragraphs.get(p).map(|span| span.start + at))
        .collect();
    (doc, starts)
}

/// Whether a gold sentence ends like a sentence (`.`, `?`, `!`, `…`, possibly followed by
/// closing quotes or brackets) rather than like a headline or dateline.
fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(['"', '\'', '”', '’', ')', ']', ' '])
        .ends_with(['.', '?', '!', '…'])
}

/// Collects `.xml` files under `path`, keyed by file name so that MEANTIME's two copies of
/// each article are scored once.
fn collect(path: &Path, out: &mut BTreeMap<String, PathBuf>) -> Result<(), EvalError> {
    let data = |message: String| EvalError::Data {
        path: path.display().to_string(),
        message,
    };
    if path.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|e| data(e.to_string()))?;
        let mut children: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        children.sort();
        for child in children {
            collect(&child, out)?;
        }
    } else if path.extension().is_some_and(|e| e == "xml") {
        if let Some(name) = path.file_name() {
            out.entry(name.to_string_lossy().into_owned())
                .or_insert_with(|| path.to_path_buf());
        }
    } else if !path.exists() {
        return Err(data("no such file or directory".into()));
    }
    Ok(())
}

/// The largest character boundary of `text` at or before `at`.
fn boundary_before(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuild_joins_sentences_and_keeps_headlines_apart() {
        let (doc, starts) = rebuild(
            [
                "Chrysler cuts dealers",
                "May 14, 2009",
                "It said so.",
                "\"Yes,\" he said.",
                "Done.",
            ]
            .into_iter(),
        );
        assert_eq!(doc.paragraphs.len(), 3);
        assert_eq!(
            doc.paragraphs[2].text,
            "It said so. \"Yes,\" he said. Done."
        );
        let inner: Vec<&str> = starts.iter().map(|&s| &doc.body[s..s + 4]).collect();
        assert_eq!(inner, ["\"Yes", "Done"]);
    }

    #[test]
    fn boundary_before_backs_off_multibyte() {
        assert_eq!(boundary_before("a–b", 2), 1);
        assert_eq!(boundary_before("ab", 9), 2);
    }
}
