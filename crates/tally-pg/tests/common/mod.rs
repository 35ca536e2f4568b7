//! A throwaway PostgreSQL cluster for tests, and small tally stores to push into it.
//!
//! The cluster lives in a temp dir (initdb, then pg_ctl start listening only on a unix
//! socket in that dir) and is stopped and deleted when dropped. As root, initdb refuses to
//! run, so the cluster is made and run by the `postgres` user (Debian's package creates
//! it). Without PostgreSQL binaries the tests print why and pass, except under CI (`CI`
//! set) where they fail: `.ci/run` installs the `postgresql` package.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use tally_core::{Document, DocumentMeta, Published};
use tally_extract::{Pipeline, PipelineConfig};
use tally_store::{ErrorRecord, Prepared, Store};

/// Where PostgreSQL's server binaries are: `TALLY_PG_BIN`, else Debian's
/// /usr/lib/postgresql/N/bin (newest), else `initdb` on PATH.
fn bin_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("TALLY_PG_BIN") {
        let dir = PathBuf::from(dir);
        return dir.join("initdb").exists().then_some(dir);
    }
    let mut debian: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|p| p.join("initdb").exists())
        .collect();
    debian.sort_by_key(|p| {
        p.parent()
            .and_then(|v| v.file_name())
            .and_then(|v| v.to_str())
            .and_then(|v| v.parse::<u32>().ok())
    });
    if let Some(dir) = debian.pop() {
        return Some(dir);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find(|p| p.join("initdb").exists() && p.join("pg_ctl").exists())
}

fn has_postgres_user() -> bool {
    Command::new("id")
        .arg("postgres")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A running cluster; stopped and deleted on drop.
pub struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    root: bool,
}

impl Cluster {
    /// Starts a cluster, or returns None (after printing why) when PostgreSQL is missing
    /// outside CI.
    pub fn start() -> Option<Cluster> {
        let root = is_root();
        let bin = bin_dir();
        let reason = match &bin {
            None => Some(
                "there are no PostgreSQL server binaries (apt-get install postgresql, or set \
                 TALLY_PG_BIN)",
            ),
            Some(_) if root && !has_postgres_user() => {
                Some("running as root, there is no `postgres` user to run the cluster as")
            }
            Some(_) => None,
        };
        let (Some(bin), None) = (bin, reason) else {
            let reason = reason.unwrap_or_default();
            assert!(
                std::env::var_os("CI").is_none(),
                "the PostgreSQL tests must run in CI, but {reason}"
            );
            eprintln!("PostgreSQL test skipped: {reason}");
            return None;
        };
        let dir = tempfile::Builder::new()
            .prefix("tally-pg-")
            .tempdir()
            .unwrap();
        if root {
            let status = Command::new("chown")
                .args(["-R", "postgres:"])
                .arg(dir.path())
                .status()
                .unwrap();
            assert!(status.success(), "chown to postgres failed");
        }
        let cluster = Cluster { dir, bin, root };
        let data = cluster.data();
        cluster.run(
            "initdb",
            &[
                "-D",
                data.to_str().unwrap(),
                "-U",
                "tally",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            ],
        );
        let options = format!(
            "-c listen_addresses='' -c unix_socket_directories='{}' -c fsync=off -c shared_buffers=16MB",
            cluster.dir.path().display()
        );
        let log = cluster.dir.path().join("log");
        cluster.run(
            "pg_ctl",
            &[
                "-D",
                data.to_str().unwrap(),
                "-l",
                log.to_str().unwrap(),
                "-o",
                &options,
                "-w",
                "start",
            ],
        );
        Some(cluster)
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn run(&self, program: &str, args: &[&str]) {
        let exe = self.bin.join(program);
        let mut cmd = if self.root {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            Command::new(&exe)
        };
        let out = cmd.args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{program} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The connection string (unix socket in the cluster's dir).
    pub fn url(&self) -> String {
        format!(
            "host={} user=tally dbname=postgres",
            self.dir.path().display()
        )
    }

    pub fn client(&self) -> postgres::Client {
        postgres::Client::connect(&self.url(), postgres::NoTls).unwrap()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data();
        let exe = self.bin.join("pg_ctl");
        let args = [
            "-D",
            data.to_str().unwrap_or_default(),
            "-m",
            "immediate",
            "stop",
        ];
        let _ = if self.root {
            Command::new("runuser")
                .args(["-u", "postgres", "--"])
                .arg(&exe)
                .args(args)
                .output()
        } else {
            Command::new(&exe).args(args).output()
        };
    }
}

/// The repository's sample articles (Markdown with front matter).
pub fn sample(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../samples")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    // Synthetic samples open with front matter; the Wikinews ones with a `# title` line.
    let (front, body) = text
        .strip_prefix("---\n")
        .and_then(|t| t.split_once("\n---\n"))
        .unwrap_or(("", &text));
    let field = |key: &str| {
        front
            .lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
            .map(|v| v.trim().to_owned())
    };
    let title = body
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .map(str::to_owned);
    let meta = DocumentMeta {
        url: field("url").or_else(|| Some(format!("https://samples.example/{name}"))),
        title: field("title").or(title),
        publisher: field("publisher").or_else(|| Some("Wikinews".to_owned())),
        published: field("published").and_then(|p| Published::parse_iso(&p).ok()),
        ..DocumentMeta::default()
    };
    let paragraphs: Vec<&str> = body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    Document::new(meta, paragraphs)
}

/// The same article republished at another url by another outlet (a syndicated copy).
pub fn copy(mut doc: Document, publisher: &str) -> Document {
    let paragraphs: Vec<String> = doc
        .paragraphs
        .iter()
        .map(|p| doc.body[p.start..p.end].to_owned())
        .collect();
    doc.meta.url = doc.meta.url.map(|u| format!("{u}?via={publisher}"));
    doc.meta.publisher = Some(publisher.to_owned());
    Document::new(doc.meta, paragraphs)
}

/// Writes `docs`, annotated by the built-in pipeline, to a new store at `path`.
pub fn store(path: &Path, docs: Vec<Document>) {
    let mut store = Store::open(path).unwrap();
    add(&mut store, docs);
}

pub fn add(store: &mut Store, docs: Vec<Document>) {
    let pipeline = Pipeline::builtin(&PipelineConfig::default()).unwrap();
    let prepared: Vec<Prepared> = docs
        .into_iter()
        .map(|mut d| {
            pipeline.run(&mut d).unwrap();
            Prepared::new(d)
        })
        .collect();
    let errors = [ErrorRecord {
        path: "feeds/broken.rss".to_owned(),
        record: String::new(),
        code: "I005".to_owned(),
        message: "not a feed".to_owned(),
    }];
    store.write(&prepared, &errors).unwrap();
}
