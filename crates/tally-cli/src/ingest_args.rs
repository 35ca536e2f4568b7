//! Command-line settings for reading inputs, shared by `extract`, `claims` and `ingest`.

use tally_core::{Published, PublishedSource};
use tally_ingest::{DEFAULT_MAX_DOCUMENT_BYTES, Format, IngestOptions};

use crate::exit::Usage;

/// Input flags.
#[derive(Debug, Clone, clap::Args)]
pub struct IngestArgs {
    /// Publication date or date-time (YYYY-MM-DD or RFC 3339); overrides what the input says.
    /// Relative dates ("Tuesday", "next month") are resolved against it.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// The article's url, when the input does not say (fills a missing one).
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Input format; detected from the extension and content when absent.
    #[arg(long = "input-format", value_name = "FORMAT", value_parser = parse_format)]
    pub input_format: Option<Format>,
    /// Largest single article to read from a Markdown or text file, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_DOCUMENT_BYTES)]
    pub max_doc_bytes: u64,
}

impl IngestArgs {
    /// The ingest options these flags describe.
    pub fn options(&self) -> anyhow::Result<IngestOptions> {
        let published = match &self.published {
            Some(value) => {
                let mut p = Published::parse_iso(value)
                    .map_err(|e| anyhow::Error::new(e).context(Usage("bad --published")))?;
                p.source = PublishedSource::User;
                Some(p)
            }
            None => None,
        };
        Ok(IngestOptions {
            published,
            url: self.url.clone(),
            format: self.input_format,
            max_document_bytes: self.max_doc_bytes,
        })
    }
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!(
            "unknown format {name:?}; expected one of {}",
            names.join(", ")
        )
    })
}
