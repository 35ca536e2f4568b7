//! `tally eval`: score extractors against third-party gold data.

use std::io::Write;
use std::path::PathBuf;

use crate::exit::Outcome;

/// Arguments of `tally eval`.
#[derive(Debug, clap::Args)]
#[command(after_help = suites_help())]
pub struct Args {
    /// The suite to run (see the list below).
    pub suite: String,
    /// The suite's inputs: gold data files or directories.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Print the full report as JSON instead of a summary.
    #[arg(long)]
    pub json: bool,
}

fn suites_help() -> String {
    let mut out = String::from("Suites:\n");
    for suite in tally_eval::SUITES {
        out.push_str(&format!(
            "  {:<12} {} — {}\n",
            suite.name, suite.usage, suite.about
        ));
    }
    out
}

/// Runs `tally eval`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let report = tally_eval::run(&args.suite, &args.paths)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report.json)?;
        writeln!(out)?;
    } else {
        writeln!(out, "{}", report.summary)?;
    }
    Ok(Outcome::Ok)
}
