//! `tally demo`: the whole pipeline on the bundled sample articles.

use crate::exit::Outcome;

/// Arguments of `tally demo`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `tally demo`.
pub fn run(_args: &Args) -> anyhow::Result<Outcome> {
    Ok(Outcome::Ok)
}
