//! `--db` of the query commands: a path that is not a database file gets a clear message
//! and the failure exit code, the same for every command.
#![allow(clippy::unwrap_used)]

mod common;
use common::{scratch, stderr, tally};

const FAILURE: i32 = 1;

#[test]
fn a_directory_as_db_is_named_as_such_by_every_query_command() {
    let dir = scratch("db-dir");
    let db = dir.display().to_string();
    let commands: [&[&str]; 6] = [
        &["search", "troops"],
        &["claims"],
        &["export", "--table", "claims"],
        &["timeline", "--measure", "killed"],
        &["sources"],
        &["serve"],
    ];
    for command in commands {
        let mut args = command.to_vec();
        args.extend(["--db", &db]);
        let out = tally(&args);
        let message = stderr(&out);
        assert_eq!(out.status.code(), Some(FAILURE), "{command:?}: {message}");
        assert!(
            message.contains(&format!("{db} is a directory")),
            "{command:?}: {message}"
        );
        assert!(!message.contains("disk I/O"), "{command:?}: {message}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
