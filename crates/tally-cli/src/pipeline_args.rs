//! Command-line settings for the extraction pipeline, shared by every subcommand that
//! extracts. Each extractor's flags map into [`tally_extract::PipelineConfig`] here.

use tally_extract::PipelineConfig;

/// Pipeline flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PipelineArgs {
    /// A gazetteer file (TSV, CSV or JSON: id, type, name, parent, aliases) whose entries
    /// add to or override the bundled one.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Option<std::path::PathBuf>,
    /// How vague amounts become numbers: `default` (CONVENTIONS.md), `acled` (best = the
    /// single number conflict-data coders record), or a conventions file (TSV; see
    /// data/figures/conventions/default.tsv). Every figure records the convention used.
    #[arg(long, value_name = "FILE|default|acled")]
    pub conventions: Option<String>,
}

impl PipelineArgs {
    /// The pipeline configuration these flags describe.
    pub fn config(&self) -> anyhow::Result<PipelineConfig> {
        Ok(PipelineConfig {
            gazetteer: self.gazetteer.clone(),
            conventions: self.conventions.clone(),
        })
    }
}
