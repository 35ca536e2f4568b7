//! Runs the Python test suites (the bindings' pytest tests, and the Spark job's integration
//! test) from `cargo test`, so the README's one test command covers them.
//!
//! They need an installed wheel, which `.ci/run` builds into a virtualenv before the tests
//! and names with `TALLY_PYTHON` (that virtualenv's python) and `TALLY_BIN` (the `tally`
//! binary the tests compare against). Without `TALLY_PYTHON` the tests are skipped with a
//! printed reason, except under CI (`CI` set), where a missing setup is a failure.

use std::path::PathBuf;
use std::process::Command;

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs pytest on `paths` with the CI virtualenv, or explains why it cannot.
fn pytest(paths: &[&str], extra_env: &[(&str, &str)]) {
    let Some(python) = std::env::var_os("TALLY_PYTHON") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but TALLY_PYTHON is not: .ci/run must build the wheel first"
        );
        eprintln!("skipped: TALLY_PYTHON is not set (see .ci/run for how to build the wheel)");
        return;
    };
    let status = Command::new(python)
        .args(["-m", "pytest", "-q"])
        .args(paths)
        .envs(extra_env.iter().copied())
        .current_dir(repository())
        .status()
        .expect("the virtualenv's python runs");
    assert!(status.success(), "pytest {paths:?} failed");
}

#[test]
fn python_bindings() {
    pytest(&["crates/tally-py/python/tests"], &[]);
}

#[test]
fn spark_job_matches_tally_export() {
    if std::env::var("TALLY_CI_SPARK").as_deref() == Ok("0") {
        eprintln!("skipped: TALLY_CI_SPARK=0");
        return;
    }
    pytest(&["examples/spark"], &[("TALLY_SPARK_TEST", "1")]);
}
