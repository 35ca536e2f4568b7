//! Browser end-to-end test: a real server over a real database, Debian's Chromium driven
//! headless by playwright-core (`tests/e2e/e2e.mjs`). It ingests the sample articles,
//! searches "casualties", checks the anonymous official's card and its range, opens the
//! timeline, checks article markup stays text, and saves screenshots in
//! `target/tmp/browser-e2e/`.
//!
//! Needs `chromium` (or `TALLY_CHROMIUM`), `node`, and `npm ci` in `tests/e2e`. Without
//! them it prints why and passes, so `cargo test` works on a machine without a browser;
//! under CI (`CI` set) a missing piece fails the test instead.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn missing_prerequisite(e2e: &Path) -> Option<String> {
    let chromium = std::env::var("TALLY_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!(
            "no Chromium at {chromium} (apt-get install chromium, or set TALLY_CHROMIUM)"
        ));
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("no node on PATH".into());
    }
    if !e2e.join("node_modules/playwright-core").exists() {
        return Some(format!(
            "playwright-core is not installed: run `npm ci` in {}",
            e2e.display()
        ));
    }
    None
}

#[test]
fn search_cards_timeline_and_escaping_in_chromium() {
    let e2e = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e");
    if let Some(reason) = missing_prerequisite(&e2e) {
        assert!(
            std::env::var_os("CI").is_none(),
            "the browser test must run in CI, but {reason}"
        );
        eprintln!("browser e2e test skipped: {reason}");
        return;
    }
    let out: PathBuf = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-e2e");
    std::fs::create_dir_all(&out).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let server = common::start(&dir.path().join("tally.db"));
    let xss_doc = common::ingest_samples(server.addr());

    let mut child = Command::new("node")
        .arg(e2e.join("e2e.mjs"))
        .arg(format!("http://{}", server.addr()))
        .arg(&out)
        .arg(&xss_doc)
        .current_dir(&e2e)
        .spawn()
        .expect("node starts");
    // Bounded: a hung browser fails the test instead of hanging the suite.
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            panic!("the browser test took over 180 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(
        status.success(),
        "the browser checks failed (see the output above)"
    );
    for shot in ["claims-casualties.png", "timeline.png", "document.png"] {
        let bytes = std::fs::read(out.join(shot)).unwrap();
        assert!(
            bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            "{shot} is not a PNG"
        );
        assert!(bytes.len() > 10_000, "{shot} looks empty");
    }
    eprintln!("browser e2e screenshots: {}", out.display());
    server.stop();
}
