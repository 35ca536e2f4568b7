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

/// Exit status 2: bad usage, as clap exits for an unknown flag.
const USAGE: u8 = 2;

/// A command-line mistake clap cannot see because it is in a value's content (a
/// `--published` that is not a date): attached as context, it makes the exit status 2,
/// the documented "bad usage", instead of 1.
#[derive(Debug)]
pub struct Usage(pub &'static str);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// Maps a subcommand result to an exit code, printing the error's cause chain. A closed
/// pipe (`tally extract x | head`) is success, not an error.
pub fn code(result: anyhow::Result<Outcome>) -> ExitCode {
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Partial) => ExitCode::from(PARTIAL),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("tally: error: {err}");
            for cause in causes(&err) {
                eprintln!("  caused by: {cause}");
            }
            if is_usage(&err) {
                ExitCode::from(USAGE)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// Whether the error is a usage mistake: marked [`Usage`], an eval suite name or
/// argument list that does not fit, or a query argument the store rejects (an unknown
/// `--measure`, a `--since` that is no date): exit code 2, as the help promises.
fn is_usage(err: &anyhow::Error) -> bool {
    err.downcast_ref::<Usage>().is_some()
        || err.chain().any(|cause| {
            matches!(
                cause.downcast_ref::<tally_eval::EvalError>(),
                Some(
                    tally_eval::EvalError::UnknownSuite { .. }
                        | tally_eval::EvalError::Usage { .. }
                )
            ) || matches!(
                cause.downcast_ref::<tally_store::StoreError>(),
                Some(tally_store::StoreError::InvalidArgument { .. })
            )
        })
}

/// The error's causes worth printing under it. Many library errors repeat their source in
/// their own message ("cannot listen on 127.0.0.1:8080: Address already in use", then
/// "Address already in use"): a cause whose text an earlier line already shows is skipped,
/// so the user reads each reason once.
fn causes(err: &anyhow::Error) -> Vec<String> {
    let mut shown = vec![err.to_string()];
    let mut causes = Vec::new();
    for cause in err.chain().skip(1) {
        let text = cause.to_string();
        if text.is_empty() || shown.iter().any(|line| line.contains(&text)) {
            continue;
        }
        shown.push(text.clone());
        causes.push(text);
    }
    causes
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
            // `tally claims --format csv | head` fails inside the CSV writer.
            || cause.downcast_ref::<csv::Error>().and_then(|e| match e.kind() {
                csv::ErrorKind::Io(io) => Some(io.kind()),
                _ => None,
            }) == broken
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

#[cfg(test)]
mod tests {
    use super::{causes, is_usage};

    /// An error that, like many library errors, shows its source in its own message.
    #[derive(Debug)]
    struct Listen {
        source: std::io::Error,
    }

    impl std::fmt::Display for Listen {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "cannot listen on 127.0.0.1:8080: {}", self.source)
        }
    }

    impl std::error::Error for Listen {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.source)
        }
    }

    #[test]
    fn a_cause_already_in_the_message_is_printed_once() {
        let io = std::io::Error::new(std::io::ErrorKind::AddrInUse, "Address already in use");
        let err = anyhow::Error::new(Listen { source: io }).context("cannot serve news.db");
        assert_eq!(
            causes(&err),
            ["cannot listen on 127.0.0.1:8080: Address already in use"]
        );
    }

    #[test]
    fn a_rejected_query_argument_is_bad_usage() {
        let bad_date = tally_store::StoreError::InvalidArgument {
            what: "date",
            value: "2024-13-01".into(),
            reason: "expected YYYY-MM-DD".into(),
        };
        assert!(is_usage(&anyhow::Error::new(bad_date).context("timeline")));
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        assert!(!is_usage(&anyhow::Error::new(io)));
    }

    #[test]
    fn a_new_cause_is_printed() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let err = anyhow::Error::new(io).context("bad --gazetteer");
        assert_eq!(causes(&err), ["no such file"]);
    }
}
