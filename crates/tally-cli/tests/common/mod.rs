//! Helpers shared by the CLI's integration tests.

use std::ffi::OsStr;
use std::io::Read;
use std::process::{Command, Output, Stdio};

/// Runs tally with `args`, reads the first bytes of its output, then closes the pipe while
/// tally still has more to write (as `tally ... | head` does), and returns how it ended.
pub fn run_into_closed_pipe<S: AsRef<OsStr>>(args: &[S]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tally"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tally runs");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("piped")
        .read_exact(&mut first)
        .expect("a first line");
    // Dropping the read end closes the pipe while tally still has output to write.
    child.wait_with_output().expect("tally exits")
}
