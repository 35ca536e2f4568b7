//! Exit codes and error printing shared by every subcommand.

use std::process::ExitCode;

/// What a subcommand reports when it finishes without a fatal error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was processed.
    Ok,
    /// Some inputs or records failed; the rest were processed.
    Partial,
}

/// Exit status 3: some inputs failed, the rest were processed.
const PARTIAL: u8 = 3;

/// Maps a subcommand result to an exit code, printing the error's cause chain. A closed
/// pipe (`tally extract x | head`) is success, not an error.
pub fn code(result: anyhow::Result<Outcome>) -> ExitCode {
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Partial) => ExitCode::from(PARTIAL),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("tally: error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    let broken = Some(std::io::ErrorKind::BrokenPipe);
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            == broken
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == broken
    })
}

/// Prints a per-input error with its code, the way every subcommand does.
pub fn report(code: &str, message: &dyn std::fmt::Display) {
    eprintln!("tally: error[{code}]: {message}");
}

/// Prints a per-input warning with its code.
pub fn warn(code: &str, message: &dyn std::fmt::Display) {
    eprintln!("tally: warning[{code}]: {message}");
}
