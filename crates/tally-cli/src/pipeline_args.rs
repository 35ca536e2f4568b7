//! Command-line settings for the extraction pipeline, shared by every subcommand that
//! extracts. Each extractor's flags map into [`tally_extract::PipelineConfig`] here.

use tally_extract::PipelineConfig;

/// Pipeline flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PipelineArgs {}

impl PipelineArgs {
    /// The pipeline configuration these flags describe.
    pub fn config(&self) -> anyhow::Result<PipelineConfig> {
        Ok(PipelineConfig::default())
    }
}
