//! `tally pg`: the ledger on PostgreSQL for a shared server. `push` mirrors a store into a
//! PostgreSQL database with the same tables and columns (see docs/postgres.md); `schema`
//! prints the statements that create them.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tally_pg::PushOptions;

use crate::cmd::ingest::DbArgs;
use crate::exit::Outcome;

/// Arguments of `tally pg`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Copy a store's new rows into PostgreSQL (several stores merge into one database).
    #[command(
        after_help = "Examples:\n  tally pg push --db news.db --to postgres://tally@db.example/ledger\n  \
tally pg push --db laptop.db --to 'host=/var/run/postgresql dbname=ledger' --schema newsroom\n\n\
Re-pushing adds nothing; a store that grew adds only its new documents (and replaces \
those re-extracted with `tally ingest --replace`); an interrupted push is completed by \
running it again. PGPASSWORD supplies a password the URL leaves out. \
No TLS: reach a remote server through an SSH tunnel or a local TLS proxy (docs/postgres.md)."
    )]
    Push(PushArgs),
    /// Print the PostgreSQL statements `push` runs to create the tables.
    Schema(SchemaArgs),
}

#[derive(Debug, clap::Args)]
pub struct PushArgs {
    /// The store to push.
    #[arg(long, value_name = "FILE", default_value = "tally.db")]
    pub db: PathBuf,
    /// The PostgreSQL database: `postgres://user[:password]@host[:port]/db` or
    /// `host=... user=... dbname=...`.
    #[arg(long, value_name = "URL")]
    pub to: String,
    /// The PostgreSQL schema holding the tables (created if missing).
    #[arg(long, value_name = "NAME", default_value = "tally")]
    pub schema: String,
    /// Documents per transaction.
    #[arg(long, value_name = "N", default_value_t = 500)]
    pub batch: usize,
    /// No progress bar and no summary line.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// The store whose schema to print.
    #[arg(long, value_name = "FILE", default_value = "tally.db")]
    pub db: PathBuf,
    /// The PostgreSQL schema holding the tables.
    #[arg(long, value_name = "NAME", default_value = "tally")]
    pub schema: String,
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    match &args.command {
        Command::Push(args) => {
            upgrade(&args.db)?;
            push(args)
        }
        Command::Schema(args) => {
            upgrade(&args.db)?;
            for statement in tally_pg::create_statements(&args.db, &args.schema)? {
                println!("{statement};");
            }
            Ok(Outcome::Ok)
        }
    }
}

/// Upgrades a store written by an older tally in place, saying so once, as the query
/// commands do: the push reads the store's own catalog, so an old store would mirror its
/// old tables (and a later push of the upgraded file would meet a version mismatch in
/// PostgreSQL). A missing file, a write-protected old one or a newer one is an error
/// naming what to do.
fn upgrade(db: &std::path::Path) -> anyhow::Result<()> {
    DbArgs {
        db: db.to_path_buf(),
    }
    .open_existing()
    .map(drop)
}

fn push(args: &PushArgs) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    // The driver's own message ("Connection refused") does not say which server; the
    // target is named, its password left out.
    let mut client = tally_pg::connect(&args.to)
        .with_context(|| format!("cannot connect to {}", redact(&args.to)))?;
    let bar = if args.quiet {
        ProgressBar::hidden()
    } else {
        // indicatif draws nothing when stderr is not a terminal, so piping stays silent.
        ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr())
    };
    if let Ok(style) =
        ProgressStyle::with_template("{bar:30} {pos}/{len} documents {per_sec} ETA {eta}")
    {
        bar.set_style(style);
    }
    let options = PushOptions {
        schema: args.schema.clone(),
        batch: args.batch,
        ..PushOptions::default()
    };
    let stats = tally_pg::push(&args.db, &mut client, &options, &mut |done, total| {
        bar.set_length(total);
        bar.set_position(done);
    })?;
    bar.finish_and_clear();
    if let (Some(from), false) = (stats.upgraded_from, args.quiet) {
        eprintln!(
            "tally: upgraded PostgreSQL schema {} in place from store schema version {from} to {}",
            args.schema, stats.version
        );
    }
    if !args.quiet {
        let seconds = started.elapsed().as_secs_f64().max(1e-9);
        let rows = stats.total_rows();
        eprintln!(
            "tally: pushed {} to schema {}: {} documents ({} new, {}{} already there), {} rows \
             ({} claims new, {} carriers), {} clusters merged, in {seconds:.1}s ({:.0} rows/s, \
             {:.1} MB/s)",
            args.db.display(),
            args.schema,
            stats.documents,
            stats.inserted,
            if stats.replaced > 0 {
                format!("{} replaced by a newer ingest or schema, ", stats.replaced)
            } else {
                String::new()
            },
            stats.skipped,
            rows,
            stats.rows_of("claims"),
            stats.rows_of("claim_instances"),
            stats.clusters_merged,
            rows as f64 / seconds,
            stats.bytes as f64 / 1e6 / seconds,
        );
    }
    if !stats.unkeyed.is_empty() {
        eprintln!(
            "tally: left out tables without a key to push them by: {}",
            stats.unkeyed.join(", ")
        );
    }
    Ok(Outcome::Ok)
}

/// The connection string without its password, to show in an error: the `:password` of a
/// URL's user part, or the value of a `password=` pair.
fn redact(to: &str) -> String {
    if let Some((scheme, rest)) = to.split_once("://") {
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if let Some((user, host)) = authority.rsplit_once('@') {
            let user = user.split_once(':').map_or(user, |(name, _)| name);
            return format!("{scheme}://{user}@{host}{path}");
        }
        return to.to_owned();
    }
    to.split_whitespace()
        .map(|pair| {
            if pair.starts_with("password=") {
                "password=***"
            } else {
                pair
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn a_password_is_never_shown() {
        assert_eq!(
            redact("postgres://tally:s3cret@db.example:5432/ledger"),
            "postgres://tally@db.example:5432/ledger"
        );
        assert_eq!(
            redact("postgres://tally@db.example/ledger"),
            "postgres://tally@db.example/ledger"
        );
        assert_eq!(
            redact("host=/var/run/postgresql password=s3cret dbname=ledger"),
            "host=/var/run/postgresql password=*** dbname=ledger"
        );
    }
}
