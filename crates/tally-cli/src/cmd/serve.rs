//! `tally serve`: the HTTP API and web page over a database.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use tally_server::{Server, ServerConfig, Token, is_exposed};

use crate::exit::Outcome;
use crate::pipeline_args::PipelineArgs;

/// Arguments of `tally serve`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  tally ingest samples/ --db tally.db && tally serve --db tally.db\n  \
TALLY_TOKEN=$(cat token) tally serve --bind 0.0.0.0 --port 9000\n\n\
Reads need no token. POST /api/ingest needs `Authorization: Bearer TOKEN`: the token is \
TALLY_TOKEN when set, else a fresh one printed at start. The API is described at /openapi.json."
)]
pub struct Args {
    /// The database file; created empty when missing (POST /api/ingest fills it).
    #[arg(long, value_name = "FILE", default_value = "tally.db")]
    pub db: PathBuf,
    /// The port to listen on.
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// The address to listen on (an IP, or IP:PORT). Anything but loopback exposes the
    /// ledger to the network: a warning is printed.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: String,
    /// Largest POST /api/ingest body, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 16 * 1024 * 1024)]
    pub max_body_bytes: usize,
    /// Seconds a read request may take before it is answered 503.
    #[arg(long, value_name = "SECONDS", default_value_t = 15)]
    pub timeout: u64,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
}

/// Runs `tally serve` until the process is stopped.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    // SQLite says only "unable to open database file" for a directory.
    if args.db.is_dir() {
        anyhow::bail!(
            "{} is a directory; --db names the database file (such as --db news.db)",
            args.db.display()
        );
    }
    let bind = parse_bind(&args.bind, args.port)?;
    // A mistyped --db would otherwise serve an empty ledger without a word.
    let created = !args.db.exists();
    let mut config = ServerConfig::new(&args.db)?;
    config.bind = bind;
    config.pipeline = args.pipeline.config()?;
    config.limits.max_body_bytes = args.max_body_bytes;
    config.limits.read_timeout = Duration::from_secs(args.timeout.max(1));
    let from_env = match std::env::var("TALLY_TOKEN") {
        Ok(value) if !value.is_empty() => {
            // A short token is the user's setting to fix, so bad usage (exit 2), said plainly.
            config.token = Token::from_value(&value).context(crate::exit::Usage(
                "TALLY_TOKEN is not a usable ingest token",
            ))?;
            true
        }
        _ => false,
    };
    let token = config.token.clone();
    let server = Server::bind(config).map_err(|err| {
        let err = anyhow::Error::from(err);
        let in_use = err.chain().any(|cause| {
            cause
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::AddrInUse)
        });
        // The one mistake everyone makes: a second `tally serve` on the default port.
        let hint = if in_use {
            format!(
                ": {bind} is in use (another program, perhaps another `tally serve`); \
                 choose another port with --port"
            )
        } else {
            String::new()
        };
        err.context(format!("cannot serve {}{hint}", args.db.display()))
    })?;
    let addr = server.local_addr();
    if is_exposed(&addr) {
        eprintln!(
            "tally: warning: listening on {addr}, which is not a loopback address: anyone who \
             can reach this machine can read the ledger (ingest still needs the token)"
        );
    }
    eprintln!(
        "tally: serving {} on http://{addr}/ (API: /api, OpenAPI: /openapi.json)",
        args.db.display()
    );
    if created {
        eprintln!(
            "tally: {db} did not exist: created an empty ledger; fill it with \
             `tally ingest FILES... --db {db}` or POST /api/ingest",
            db = args.db.display()
        );
    }
    if from_env {
        eprintln!("tally: POST /api/ingest needs the token in TALLY_TOKEN");
    } else {
        eprintln!(
            "tally: POST /api/ingest token (set TALLY_TOKEN to choose one): {}",
            token.reveal()
        );
    }
    server.run();
    Ok(Outcome::Ok)
}

/// `127.0.0.1`, `0.0.0.0`, `::1`, or `HOST:PORT` (the port then overrides `--port`).
fn parse_bind(bind: &str, port: u16) -> anyhow::Result<SocketAddr> {
    if let Ok(addr) = bind.parse::<SocketAddr>() {
        return Ok(addr);
    }
    if bind == "localhost" {
        return Ok(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port));
    }
    let ip: IpAddr = bind
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .with_context(|| format!("--bind {bind:?} is not an IP address or IP:PORT"))?;
    Ok(SocketAddr::new(ip, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bind_addresses() {
        assert_eq!(
            parse_bind("127.0.0.1", 8080).ok(),
            "127.0.0.1:8080".parse().ok()
        );
        assert_eq!(
            parse_bind("0.0.0.0:9000", 8080).ok(),
            "0.0.0.0:9000".parse().ok()
        );
        assert_eq!(parse_bind("::1", 80).ok(), "[::1]:80".parse().ok());
        assert_eq!(parse_bind("localhost", 1).ok(), "127.0.0.1:1".parse().ok());
        assert!(parse_bind("example.com", 80).is_err());
    }
}
