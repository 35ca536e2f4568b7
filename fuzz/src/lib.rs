//! Shared pieces of tally's fuzz targets: input decoding ([`params`]), the invariants every
//! document must hold ([`check`]), a scratch file for the file-reading formats ([`scratch`])
//! and the built-in pipeline, built once ([`pipeline`]).
//!
//! A target fails by panicking; libFuzzer saves the input under `fuzz/artifacts/TARGET/`.
//! See `docs/fuzzing.md`.

pub mod check;
pub mod params;
pub mod scratch;

use std::sync::OnceLock;

use tally_extract::{Pipeline, PipelineConfig};

/// The built-in pipeline, built on first use: loading the gazetteers and lexicons takes far
/// longer than one fuzz input, so every input shares one.
///
/// # Panics
/// When the pipeline cannot be built: every target would be meaningless without it.
pub fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        Pipeline::builtin(&PipelineConfig::default()).expect("the built-in pipeline builds")
    })
}
