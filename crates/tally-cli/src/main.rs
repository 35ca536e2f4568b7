//! The `tally` command: thin wiring of the library crates. Each subcommand is a module in
//! `cmd/`; this file only parses arguments, dispatches, and turns errors into exit codes.

mod cmd;
mod compact_json;
mod exit;
mod ingest_args;
mod pipeline_args;
mod printable;
mod render;
mod samples;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// tally turns news articles into a sourced ledger of claims: who said what, how they were
/// sourced, which figures (as ranges), about what and where, and when.
#[derive(Debug, Parser)]
#[command(name = "tally", version, about, long_about = None, propagate_version = true)]
#[command(
    after_help = "Start with `tally demo`, then `tally extract ARTICLE.md`.\n\
Exit codes: 0 success; 1 failure; 2 bad usage; 3 some inputs failed (the rest were processed)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the claim ledger of articles, or query a database's: who claimed what, with figures and evidence.
    Claims(cmd::claims::Args),
    /// Run the whole pipeline on the bundled sample articles and print the claim ledger.
    Demo(cmd::demo::Args),
    /// Read articles and print them with everything tally finds, as JSON.
    Extract(cmd::extract::Args),
    /// Score the extractors against third-party gold data.
    Eval(cmd::eval::Args),
    /// Measure throughput (MB/s per core) of each pipeline stage and peak memory.
    Bench(cmd::bench::Args),
    /// Read articles (Markdown, text, HTML, JSONL, WARC, RSS/Atom), extract, and store them.
    Ingest(cmd::ingest::Args),
    /// Full-text search over stored documents and claims.
    Search(cmd::search::Args),
    /// How an estimate changed over time and across sources, with contradictions flagged.
    Timeline(cmd::timeline::Args),
    /// Outlets, agencies, and syndication clusters of the same story.
    Sources(cmd::sources::Args),
    /// Export claims, figures or documents as JSONL, CSV or Parquet.
    Export(cmd::export::Args),
    /// Serve the HTTP API and the web page (search, claim cards, timeline chart).
    Serve(cmd::serve::Args),
    /// The ledger on PostgreSQL for a shared server: push stores into one database.
    Pg(cmd::pg::Args),
}

// glibc's malloc was ~17 % of pipeline samples (many small, short-lived strings and
// vectors per sentence, freed in bulk per batch); mimalloc serves these from per-thread pages.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Claims(args) => cmd::claims::run(&args),
        Command::Demo(args) => cmd::demo::run(&args),
        Command::Extract(args) => cmd::extract::run(&args),
        Command::Eval(args) => cmd::eval::run(&args),
        Command::Bench(args) => cmd::bench::run(&args),
        Command::Ingest(args) => cmd::ingest::run(&args),
        Command::Search(args) => cmd::search::run(&args),
        Command::Timeline(args) => cmd::timeline::run(&args),
        Command::Sources(args) => cmd::sources::run(&args),
        Command::Export(args) => cmd::export::run(&args),
        Command::Serve(args) => cmd::serve::run(&args),
        Command::Pg(args) => cmd::pg::run(&args),
    };
    exit::code(result)
}
