//! `tally search`: full-text search over stored documents and claims.

use std::io::Write;

use tally_store::SearchScope;

use crate::cmd::ingest::DbArgs;
use crate::exit::Outcome;
use crate::printable::Printable;

/// Arguments of `tally search`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  tally search kursk\n  \
tally search '\"several hundred\" AND casualties' --claims\n  tally search pyongyang* --json")]
pub struct Args {
    /// An FTS5 query: words, "phrases", AND/OR/NOT, prefix*. Invalid syntax is searched as
    /// plain words.
    pub query: String,
    #[command(flatten)]
    pub db: DbArgs,
    /// Only claims.
    #[arg(long, conflicts_with = "documents")]
    pub claims: bool,
    /// Only documents.
    #[arg(long)]
    pub documents: bool,
    // `--limit 0` answered "no matches", which is not what the database holds.
    /// Most results (1 or more).
    #[arg(long, default_value_t = 20, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub limit: usize,
    /// One JSON object per line instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Runs `tally search`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let store = args.db.open_existing()?;
    let scope = if args.claims {
        SearchScope::Claims
    } else if args.documents {
        SearchScope::Documents
    } else {
        SearchScope::Both
    };
    let hits = store.search(&args.query, scope, args.limit)?;
    let mut stdout = std::io::stdout().lock();
    for hit in &hits {
        if args.json {
            serde_json::to_writer(&mut stdout, hit)?;
            writeln!(stdout)?;
            continue;
        }
        let mut out = Printable::new(&mut stdout);
        let source = [hit.publisher.as_deref(), hit.published.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        match &hit.claimant {
            Some(claimant) => writeln!(
                out,
                "claim  {claimant}: {}\n       carried by {} document(s); first: {} ({source})",
                hit.snippet,
                hit.carriers,
                hit.title.as_deref().unwrap_or(&hit.document_id),
            )?,
            None => writeln!(
                out,
                "doc    {} ({source}){}\n       {}\n       {}",
                hit.title.as_deref().unwrap_or("(untitled)"),
                if hit.carriers > 1 {
                    format!(" [one of {} copies]", hit.carriers)
                } else {
                    String::new()
                },
                hit.snippet,
                hit.url.as_deref().unwrap_or(&hit.document_id),
            )?,
        }
    }
    if !args.json && hits.is_empty() {
        eprintln!("tally: no matches for {:?}", args.query);
    }
    Ok(Outcome::Ok)
}
