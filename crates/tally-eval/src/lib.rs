//! Scorers that measure tally's extractors against third-party gold data.
//!
//! Each suite is a module with a `run(paths) -> Result<Report, EvalError>` function and one
//! line in [`SUITES`]. Reports are JSON (`{"suite": ..., ...}`) plus a short human summary.
//! Readers for the gold formats (TimeML, MEANTIME CAT XML, brat) and for peers' predictions
//! are modules of their own.
//!
//! Limits: gold data is read from the paths given (`../shared/eval/`), never bundled, so the
//! suites are commands, not tests; each scores what its gold annotates (no gold set has
//! claims, so the `claims` suite reports shares and a hand-judged sample, not P/R/F1).

mod attribution;
pub mod brat;
pub mod claims;
mod entities;
mod error;
mod figures;
pub mod meantime;
mod numbers;
mod peers;
mod prf;
mod seed;
mod sentences;
pub mod timeml;
mod times;

pub use error::EvalError;
pub use prf::Prf;

use std::path::PathBuf;

/// A suite's result: machine-readable JSON and a human summary.
#[derive(Debug, Clone)]
pub struct Report {
    /// The full report; always has a `"suite"` key.
    pub json: serde_json::Value,
    /// A few lines for a terminal.
    pub summary: String,
}

/// A runnable suite.
pub struct Suite {
    /// Name on the command line.
    pub name: &'static str,
    /// What the arguments are.
    pub usage: &'static str,
    /// What it scores.
    pub about: &'static str,
    /// The scorer.
    pub run: fn(&[PathBuf]) -> Result<Report, EvalError>,
}

/// Every suite, in the order `tally eval --help` lists them.
pub const SUITES: &[Suite] = &[
    Suite {
        name: "numbers",
        usage: "RECOGNIZERS_SPECS_DIR_OR_JSON... (recognizers-text/Specs)",
        about: "amount recognizer vs Microsoft Recognizers-Text specs: span P/R/F1 and value accuracy per file (numbers, ranges, percents, currency)",
        run: numbers::run,
    },
    Suite {
        name: "figures",
        usage: "MEANTIME_DIR_OR_XML... [PEER.jsonl...]",
        about: "figure spans vs MEANTIME VALUE markables (QUANTITY/MONEY/PERCENT): span P/R/F1 per type, tally and peers",
        run: figures::run,
    },
    Suite {
        name: "seed",
        usage: "GOLD.json ARTICLE",
        about: "the worked example: document metadata, times, figures, entities, speakers, claims",
        run: seed::run,
    },
    Suite {
        name: "entities",
        usage: "MEANTIME_DIR_OR_XML... [PEER.jsonl...]",
        about: "named-mention span P/R/F1 by type (PER/ORG/LOC) on MEANTIME CAT XML, tally and peers",
        run: entities::run,
    },
    Suite {
        name: "attribution",
        usage: "PATH... [PEER.jsonl...] (PolNeAR compartments such as polnear/data/dev, or MEANTIME folders; peers' direct quotes)",
        about: "attribution cue/source/content P/R/F1 on PolNeAR (per annotator), and on its direct quotes for tally and peers; MEANTIME speaker share",
        run: attribution::run,
    },
    Suite {
        name: "sentences",
        usage: "MEANTIME_DIR_OR_XML...",
        about: "sentence-boundary P/R/F1 against MEANTIME's gold sentences (quote-internal splits reported apart)",
        run: sentences::run,
    },
    Suite {
        name: "times",
        usage: "PATH... [PEER.jsonl...] (TimeML .tml or MEANTIME .xml files or directories; peers' predictions)",
        about: "time expressions (TempEval-3 metrics): strict/relaxed span P/R/F1, type and value accuracy, value F1, per-type errors; tally and peers",
        run: times::run,
    },
    Suite {
        name: "claims",
        usage: "PATH...",
        about: "claims per article and named/anonymous/unknown/reporter claimant shares (PolNeAR, MEANTIME), with a fixed-seed sample to judge",
        run: claims::run,
    },
];

pub use entities::texts as entity_texts;
pub use times::texts as times_texts;

/// Reads one article and runs the built-in pipeline on it, for suites that score the
/// whole pipeline.
///
/// # Errors
/// [`EvalError::Data`] when the article cannot be read or the pipeline fails.
pub fn extract_file(path: &std::path::Path) -> Result<tally_core::Document, EvalError> {
    let data = |message: String| EvalError::Data {
        path: path.display().to_string(),
        message,
    };
    let options = tally_ingest::IngestOptions::default();
    let mut records = tally_ingest::read(path, &options).map_err(|e| data(e.to_string()))?;
    let mut doc = records
        .next()
        .ok_or_else(|| data("no document".into()))?
        .map_err(|e| data(e.to_string()))?;
    let config = tally_extract::PipelineConfig::default();
    let pipeline = tally_extract::Pipeline::builtin(&config).map_err(|e| data(e.to_string()))?;
    pipeline.run(&mut doc).map_err(|e| data(e.to_string()))?;
    Ok(doc)
}

/// Runs the suite called `name` on `paths`.
///
/// # Errors
/// [`EvalError::UnknownSuite`] for a name not in [`SUITES`], or the suite's own error.
pub fn run(name: &str, paths: &[PathBuf]) -> Result<Report, EvalError> {
    let suite = SUITES
        .iter()
        .find(|s| s.name == name)
        .ok_or_else(|| EvalError::UnknownSuite {
            name: name.to_owned(),
        })?;
    (suite.run)(paths)
}
