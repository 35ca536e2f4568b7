//! The `tally` command: thin wiring of the library crates. Each subcommand is a module in
//! `cmd/`; this file only parses arguments, dispatches, and turns errors into exit codes.

mod cmd;
mod exit;
mod ingest_args;
mod pipeline_args;
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
    /// Run the whole pipeline on the bundled sample articles and print the claim ledger.
    Demo(cmd::demo::Args),
    /// Read articles and print them with everything tally finds, as JSON.
    Extract(cmd::extract::Args),
    /// Score the extractors against third-party gold data.
    Eval(cmd::eval::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Demo(args) => cmd::demo::run(&args),
        Command::Extract(args) => cmd::extract::run(&args),
        Command::Eval(args) => cmd::eval::run(&args),
    };
    exit::code(result)
}
