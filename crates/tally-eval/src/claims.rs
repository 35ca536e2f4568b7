//! The `claims` suite: what the ledger looks like on real news without claim gold.
//!
//! `tally eval claims PATH...`, each PATH a PolNeAR compartment (`polnear/data/dev`) or a
//! MEANTIME folder. Per corpus: articles, claims per article, and the share of claims whose
//! claimant is a named speaker, an anonymous speaker, unknown (no speaker found, never
//! guessed) or the outlet itself (reporter voice); claims by kind.
//!
//! For MEANTIME it also draws a fixed-seed sample of [`SAMPLE_SIZE`] claims to judge by
//! hand; the judged sample lives in `tests/fixtures/claims-judged-meantime.tsv` and is
//! checked by a regression test, and its precision is reported from that file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use tally_core::{ClaimKind, ClaimantKind, Document, Speaker};
use tally_extract::{Pipeline, PipelineConfig};

use crate::attribution::{document_from_text, publication_dates, xml_files};
use crate::{EvalError, Report, meantime};

const USAGE: &str = "PATH... (PolNeAR compartments such as polnear/data/dev, or MEANTIME folders)";

/// Claims drawn from MEANTIME for hand judgement.
pub const SAMPLE_SIZE: usize = 20;
/// The sample's seed; changing it changes which claims are drawn.
pub const SAMPLE_SEED: u64 = 20_241_218;

/// Claim counts of one corpus.
#[derive(Default)]
struct Tally {
    articles: usize,
    claims: usize,
    by_claimant: BTreeMap<&'static str, usize>,
    by_kind: BTreeMap<&'static str, usize>,
}

impl Tally {
    fn add(&mut self, doc: &Document) {
        self.articles += 1;
        for claim in &doc.claims {
            self.claims += 1;
            *self
                .by_claimant
                .entry(claimant_class(claim, doc))
                .or_default() += 1;
            *self.by_kind.entry(kind_name(claim.kind)).or_default() += 1;
        }
    }

    #[allow(clippy::cast_precision_loss)]
    fn to_json(&self) -> Value {
        let share = |n: usize| {
            crate::prf::round4(if self.claims == 0 {
                0.0
            } else {
                n as f64 / self.claims as f64
            })
        };
        let classes: serde_json::Map<String, Value> = self
            .by_claimant
            .iter()
            .map(|(k, n)| ((*k).to_owned(), json!({"claims": n, "share": share(*n)})))
            .collect();
        json!({
            "articles": self.articles,
            "claims": self.claims,
            "claims_per_article": crate::prf::round4(self.claims as f64 / self.articles.max(1) as f64),
            "claimant": classes,
            "kind": self.by_kind,
        })
    }
}

/// `named`, `anonymous`, `unknown` or `reporter`.
fn claimant_class(claim: &tally_core::Claim, doc: &Document) -> &'static str {
    match claim.claimant.kind {
        ClaimantKind::Agency | ClaimantKind::Publisher => "reporter",
        ClaimantKind::Unknown if claim.kind == ClaimKind::Reporter => "reporter",
        ClaimantKind::Unknown => "unknown",
        ClaimantKind::Speaker => {
            let speaker: Option<&Speaker> = claim
                .claimant
                .speaker_id
                .as_deref()
                .and_then(|id| doc.speakers.iter().find(|s| s.id == id));
            if speaker.is_some_and(|s| s.named) {
                "named"
            } else {
                "anonymous"
            }
        }
    }
}

#[allow(clippy::cast_precision_loss)]
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn kind_name(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Direct => "direct",
        ClaimKind::Indirect => "indirect",
        ClaimKind::Mixed => "mixed",
        ClaimKind::Reporter => "reporter",
    }
}

pub fn run(paths: &[PathBuf]) -> Result<Report, EvalError> {
    if paths.is_empty() {
        return Err(EvalError::Usage {
            suite: "claims",
            usage: USAGE,
        });
    }
    let mut results = Vec::new();
    let mut summary = String::new();
    for path in paths {
        let (value, line) = if !path.exists() {
            (
                json!({"path": path.display().to_string(), "skipped": "folder absent"}),
                format!("{}: skipped, folder absent", path.display()),
            )
        } else if path.join("text").is_dir() {
            corpus(path, &polnear_documents(path)?)
        } else {
            let docs = meantime_documents(path)?;
            let (mut value, line) = corpus(path, &docs);
            value["sample"] = json!(sample(&docs));
            let judged = judged_claims();
            let correct = judged.iter().filter(|c| c.correct).count();
            value["judged_precision"] = json!({
                "correct": correct,
                "judged": judged.len(),
                "precision": crate::prf::round4(ratio(correct, judged.len())),
                "fixture": "tests/fixtures/claims-judged-meantime.tsv",
            });
            let line = format!(
                "{line}\n  hand-judged sample: {correct}/{} claims correct (tests/fixtures/claims-judged-meantime.tsv)",
                judged.len()
            );
            (value, line)
        };
        summary.push_str(&line);
        summary.push('\n');
        results.push(value);
    }
    Ok(Report {
        json: json!({"suite": "claims", "results": results}),
        summary: summary.trim_end().to_owned(),
    })
}

fn corpus(path: &Path, docs: &[Document]) -> (Value, String) {
    let mut tally = Tally::default();
    for doc in docs {
        tally.add(doc);
    }
    let mut value = tally.to_json();
    value["path"] = json!(path.display().to_string());
    let share = |class: &str| value["claimant"][class]["share"].as_f64().unwrap_or(0.0) * 100.0;
    let line = format!(
        "{}: {} articles, {:.2} claims/article; claimants: named {:.1}%, anonymous {:.1}%, unknown {:.1}%, reporter {:.1}%",
        path.display(),
        tally.articles,
        value["claims_per_article"].as_f64().unwrap_or(0.0),
        share("named"),
        share("anonymous"),
        share("unknown"),
        share("reporter"),
    );
    (value, line)
}

fn data_error(path: &Path, message: impl ToString) -> EvalError {
    EvalError::Data {
        path: path.display().to_string(),
        message: message.to_string(),
    }
}

fn pipeline() -> Result<Pipeline, EvalError> {
    Pipeline::builtin(&PipelineConfig::default()).map_err(|e| data_error(Path::new("pipeline"), e))
}

/// Every PolNeAR article of a compartment, annotated.
fn polnear_documents(dir: &Path) -> Result<Vec<Document>, EvalError> {
    let pipeline = pipeline()?;
    let dates = publication_dates(dir);
    let text_dir = dir.join("text");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&text_dir)
        .map_err(|e| data_error(&text_dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut docs = Vec::with_capacity(files.len());
    for file in files {
        let text = std::fs::read_to_string(&file).map_err(|e| data_error(&file, e))?;
        let name = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let mut doc = document_from_text(&text, dates.get(name).cloned());
        doc.meta.title = Some(name.to_owned());
        pipeline.run(&mut doc).map_err(|e| data_error(&file, e))?;
        docs.push(doc);
    }
    Ok(docs)
}

/// Every MEANTIME article under a folder (the intra-document set of the root), annotated,
/// titled by `doc_name`.
pub fn meantime_documents(dir: &Path) -> Result<Vec<Document>, EvalError> {
    let pipeline = pipeline()?;
    let root = if dir.join("intra-doc_annotation").is_dir() {
        dir.join("intra-doc_annotation")
    } else {
        dir.to_path_buf()
    };
    let mut files = Vec::new();
    xml_files(&root, &mut files)?;
    let mut docs = Vec::with_capacity(files.len());
    for file in files {
        let gold = meantime::read_file(&file)?;
        let mut doc = gold.document();
        doc.meta.title = Some(gold.doc_name.clone());
        // Wikinews is the outlet: its reporter-voice claims belong to it.
        doc.meta.publisher = doc
            .meta
            .url
            .as_deref()
            .and_then(tally_ingest::publisher_for_url);
        doc.meta.source_chain = doc.meta.publisher.iter().cloned().collect();
        pipeline.run(&mut doc).map_err(|e| data_error(&file, e))?;
        docs.push(doc);
    }
    Ok(docs)
}

/// A claim as the judged sample records it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SampledClaim {
    /// MEANTIME `doc_name`.
    pub doc: String,
    /// Claimant name.
    pub claimant: String,
    /// `named`, `anonymous`, `unknown` or `reporter`.
    pub class: String,
    /// Claim kind.
    pub kind: String,
    /// The evidence, joined.
    pub evidence: String,
}

/// The hand-judged sample, embedded so the suite reports its precision anywhere.
static JUDGED_TSV: &str = include_str!("../../../tests/fixtures/claims-judged-meantime.tsv");

/// A claim of the hand-judged sample.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JudgedClaim {
    /// Its number in the sample.
    pub n: usize,
    /// MEANTIME `doc_name`.
    pub doc: String,
    /// Claimant name as produced then.
    pub claimant: String,
    /// Whether the judge found it correct.
    pub correct: bool,
    /// Why.
    pub reason: String,
    /// The evidence as produced then.
    pub evidence: String,
}

/// The hand-judged sample (`tests/fixtures/claims-judged-meantime.tsv`).
#[must_use]
pub fn judged_claims() -> Vec<JudgedClaim> {
    JUDGED_TSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("n\t"))
        .filter_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            Some(JudgedClaim {
                n: f.first()?.parse().ok()?,
                doc: (*f.get(1)?).to_owned(),
                claimant: (*f.get(2)?).to_owned(),
                correct: *f.get(5)? == "correct",
                reason: (*f.get(6)?).to_owned(),
                evidence: (*f.get(7)?).to_owned(),
            })
        })
        .collect()
}

/// [`SAMPLE_SIZE`] claims drawn with [`SAMPLE_SEED`], in corpus order.
pub fn sample(docs: &[Document]) -> Vec<SampledClaim> {
    let all: Vec<SampledClaim> = docs
        .iter()
        .flat_map(|doc| {
            doc.claims.iter().map(move |claim| SampledClaim {
                doc: doc.meta.title.clone().unwrap_or_default(),
                claimant: claim.claimant.name.clone(),
                class: claimant_class(claim, doc).to_owned(),
                kind: kind_name(claim.kind).to_owned(),
                evidence: claim.content.clone(),
            })
        })
        .collect();
    let mut picked = draw(all.len(), SAMPLE_SIZE, SAMPLE_SEED);
    picked.sort_unstable();
    picked.into_iter().map(|i| all[i].clone()).collect()
}

/// `k` distinct indices below `n`, from a splitmix64 stream. Written out (rather than taken
/// from `rand`) so that the sample stays the same across dependency upgrades.
fn draw(n: usize, k: usize, seed: u64) -> Vec<usize> {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut picked = Vec::new();
    while picked.len() < k.min(n) {
        #[allow(clippy::cast_possible_truncation)]
        let i = (next() % n as u64) as usize;
        if !picked.contains(&i) {
            picked.push(i);
        }
    }
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draw_is_deterministic_distinct_and_bounded() {
        let a = draw(100, 20, SAMPLE_SEED);
        assert_eq!(a, draw(100, 20, SAMPLE_SEED));
        let mut sorted = a.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 20);
        assert!(a.iter().all(|&i| i < 100));
        assert_eq!(draw(3, 20, 1).len(), 3);
    }
}
