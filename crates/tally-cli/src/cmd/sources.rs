//! `tally sources`: outlets and agencies, and syndication clusters (copies of one story).

use std::io::Write;

use tally_store::Cluster;

use crate::cmd::ingest::DbArgs;
use crate::exit::Outcome;
use crate::printable::Printable;

/// Arguments of `tally sources`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  tally sources\n  tally sources --min-size 5 --json\n\nColumns: `published` counts the documents a source put out as the outlet (the publisher);\n`originated` counts those whose story it wrote as the agency (\"(Reuters) -\"), whoever\npublished them. A syndication cluster is one story's copies (same or nearly the same text)."
)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArgs,
    /// Smallest cluster shown.
    #[arg(long, default_value_t = 2)]
    pub min_size: u64,
    // `--limit 0` answered "no syndication clusters", which is not what the database holds.
    /// Most sources and most clusters shown (1 or more).
    #[arg(long, default_value_t = 20,
        value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub limit: usize,
    /// Most members listed per cluster.
    #[arg(long, default_value_t = 10)]
    pub members: usize,
    /// JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Runs `tally sources`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let store = args.db.open_existing()?;
    let counts = store.source_counts()?;
    let clusters = store.sources(args.min_size, args.limit, args.members)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(
            &mut out,
            &serde_json::json!({ "sources": counts, "clusters": clusters }),
        )?;
        writeln!(out)?;
        return Ok(Outcome::Ok);
    }
    let mut out = Printable::new(out);
    writeln!(
        out,
        "{:<40} {:>9} {:>10}",
        "source", "published", "originated"
    )?;
    for s in counts.iter().take(args.limit) {
        writeln!(
            out,
            "{:<40} {:>9} {:>10}",
            s.name, s.published, s.originated
        )?;
    }
    writeln!(out)?;
    write_clusters(&mut out, &clusters, args.min_size)?;
    Ok(Outcome::Ok)
}

/// Writes syndication clusters for people: each story with its agency and every copy.
/// Shared with `tally demo`.
pub fn write_clusters(
    out: &mut impl Write,
    clusters: &[Cluster],
    min_size: u64,
) -> std::io::Result<()> {
    if clusters.is_empty() {
        writeln!(
            out,
            "no syndication clusters of {} or more documents",
            min_size
        )?;
    }
    for c in clusters {
        let title = c
            .members
            .iter()
            // The first copy may have come without a title (a text posted to the API)
            // while a later one has it.
            .find_map(|m| m.title.as_deref())
            .unwrap_or("(untitled)");
        let dates = match (c.first_published.as_deref(), c.last_published.as_deref()) {
            (Some(first), Some(last)) if first == last => format!(", {first}"),
            (Some(first), Some(last)) => format!(", {first}–{last}"),
            (Some(one), None) | (None, Some(one)) => format!(", {one}"),
            (None, None) => ", undated".to_owned(),
        };
        writeln!(out, "cluster {} — {} copies{dates}: {title}", c.id, c.size)?;
        if !c.agencies.is_empty() {
            writeln!(out, "  agency: {}", c.agencies.join(", "))?;
        }
        for m in &c.members {
            writeln!(
                out,
                "  {} {} {}",
                m.published.as_deref().unwrap_or("undated"),
                m.publisher.as_deref().unwrap_or("(no publisher)"),
                m.url.as_deref().unwrap_or(&m.document_id)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_store::ClusterMember;

    fn member(id: &str, title: Option<&str>) -> ClusterMember {
        ClusterMember {
            document_id: id.to_owned(),
            url: None,
            title: title.map(str::to_owned),
            publisher: None,
            agency: None,
            published: Some("2025-03-04".to_owned()),
        }
    }

    #[test]
    fn a_cluster_is_titled_by_the_first_copy_that_has_a_title() {
        let cluster = Cluster {
            id: 1,
            size: 2,
            agencies: vec![],
            publishers: vec![],
            first_published: Some("2025-03-04".to_owned()),
            last_published: Some("2025-03-04".to_owned()),
            members: vec![
                member("d1", None),
                member("d2", Some("Strikes hit Kharkiv")),
            ],
        };
        let mut out = Vec::new();
        write_clusters(&mut out, &[cluster], 2).unwrap_or_default();
        let text = String::from_utf8_lossy(&out);
        assert!(
            text.starts_with("cluster 1 — 2 copies, 2025-03-04: Strikes hit Kharkiv\n"),
            "{text}"
        );
    }
}
