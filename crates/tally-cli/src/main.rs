//! The `tally` command: thin wiring of the library crates.

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::SUCCESS
}
