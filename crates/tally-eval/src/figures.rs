//! The `figures` suite: figure spans against MEANTIME's VALUE markables (placeholder until
//! the scorer lands).

use std::path::PathBuf;

use crate::{EvalError, Report};

pub fn run(paths: &[PathBuf]) -> Result<Report, EvalError> {
    let _ = paths;
    Err(EvalError::Usage {
        suite: "figures",
        usage: "MEANTIME_DIR_OR_XML...",
    })
}
