//! The seed suite: scores everything against `example-seed.json`, the worked example.

use std::path::PathBuf;

use crate::{EvalError, Report};

pub fn run(paths: &[PathBuf]) -> Result<Report, EvalError> {
    let _ = paths;
    Err(EvalError::Usage {
        suite: "seed",
        usage: "GOLD.json ARTICLE",
    })
}
