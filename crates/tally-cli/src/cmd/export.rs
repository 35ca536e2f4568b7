//! `tally export`: the claims, figures or documents table as JSONL, CSV or Parquet.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use tally_store::{ExportFormat, ExportTable};

use crate::cmd::ingest::DbArgs;
use crate::exit::Outcome;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// CSV with a header row.
    Csv,
    /// Apache Parquet (Snappy).
    Parquet,
}

/// Tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Table {
    /// One row per distinct claim, with its carriers.
    Claims,
    /// One row per figure, with its claim and publisher.
    Figures,
    /// One row per document: metadata and body.
    Documents,
}

/// Arguments of `tally export`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  tally export --format csv --table figures > figures.csv\n  \
tally export --format parquet --table claims -o claims.parquet"
)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Which table.
    #[arg(long, value_enum, default_value_t = Table::Claims)]
    pub table: Table,
    /// Output file; standard output when absent.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub db: DbArgs,
}

/// Runs `tally export`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let store = args.db.open_existing()?;
    let format = match args.format {
        Format::Jsonl => ExportFormat::Jsonl,
        Format::Csv => ExportFormat::Csv,
        Format::Parquet => ExportFormat::Parquet,
    };
    let table = match args.table {
        Table::Claims => ExportTable::Claims,
        Table::Figures => ExportTable::Figures,
        Table::Documents => ExportTable::Documents,
    };
    let rows = match &args.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", path.display()))?;
            let mut out = BufWriter::new(file);
            store.export(table, format, &mut out, &path.display().to_string())?
        }
        None => {
            if format == ExportFormat::Parquet && std::io::stdout().is_terminal() {
                anyhow::bail!("Parquet is binary: redirect standard output or use --output FILE");
            }
            let mut out = BufWriter::new(std::io::stdout());
            let rows = store.export(table, format, &mut out, "stdout")?;
            out.flush()?;
            rows
        }
    };
    eprintln!("tally: exported {rows} rows");
    Ok(Outcome::Ok)
}
