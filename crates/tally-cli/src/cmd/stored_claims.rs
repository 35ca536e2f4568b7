//! `tally claims --db`: the stored ledger, narrowed by claimant, entity, measure, place,
//! time, kind and sourcing: the same query as `/api/claims` and `Store.claims`.

use std::io::Write;
use std::path::PathBuf;

use tally_store::Store;
use tally_store::browse::{ClaimCard, ClaimFilter, FigureView, MAX_PAGE};

use crate::cmd::claims::ClaimsFormat;
use crate::cmd::ingest::DbArgs;
use crate::exit::Outcome;
use crate::printable::Printable;
use crate::render;

const DEFAULT_LIMIT: usize = 20;

/// Filters of `tally claims --db`; each narrows the list.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Stored claims (with --db)")]
pub struct Filters {
    /// List the claims stored in this database (made by `tally ingest`) instead of reading
    /// articles.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// Who claims it: words of the claimant's name or description ("official"), or of a
    /// name an article writes them under ("Zelenskyy").
    #[arg(long, value_name = "WORDS")]
    pub speaker: Option<String>,
    /// An entity the claim mentions or is about: an id (`KP`) or a name.
    #[arg(long, value_name = "ENTITY")]
    pub entity: Option<String>,
    /// A measure one of its figures counts: casualties, killed, wounded, missing, captured,
    /// troops, displaced, detained, money, other.
    #[arg(long)]
    pub measure: Option<String>,
    /// Where: a figure's place (entity id or words) or a place the claim mentions.
    #[arg(long)]
    pub place: Option<String>,
    /// Said (else published) on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Said (else published) on or before this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// How it is sourced: direct, indirect, mixed (quote and paraphrase) or reporter (the
    /// outlet's own voice).
    #[arg(long, value_parser = ["direct", "indirect", "mixed", "reporter"])]
    pub kind: Option<String>,
    /// Only claims of speakers not identified by name (not the reporter's voice, not
    /// claims whose speaker was not found).
    #[arg(long, conflicts_with = "named")]
    pub anonymous: bool,
    /// Only claims of speakers identified by name (not the reporter's voice).
    #[arg(long)]
    pub named: bool,
    /// Most claims listed (1 or more).
    #[arg(long, default_value_t = DEFAULT_LIMIT,
        value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub limit: usize,
}

impl Filters {
    /// The first filter given, by its flag: they query a database, so without `--db` they
    /// would be ignored silently. (clap's `requires` is not enforced across the flattened
    /// argument groups of this command.)
    pub fn without_db(&self) -> Option<&'static str> {
        if self.db.is_some() {
            return None;
        }
        [
            (self.speaker.is_some(), "--speaker"),
            (self.entity.is_some(), "--entity"),
            (self.measure.is_some(), "--measure"),
            (self.place.is_some(), "--place"),
            (self.since.is_some(), "--since"),
            (self.until.is_some(), "--until"),
            (self.kind.is_some(), "--kind"),
            (self.anonymous, "--anonymous"),
            (self.named, "--named"),
            (self.limit != DEFAULT_LIMIT, "--limit"),
        ]
        .into_iter()
        .find_map(|(given, flag)| given.then_some(flag))
    }

    fn filter(&self) -> ClaimFilter {
        ClaimFilter {
            speaker: self.speaker.clone(),
            entity: self.entity.clone(),
            measure: self.measure.clone(),
            place: self.place.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
            kind: self.kind.clone(),
            anonymous: match (self.anonymous, self.named) {
                (true, _) => Some(true),
                (_, true) => Some(false),
                _ => None,
            },
            ..ClaimFilter::default()
        }
    }
}

/// Runs `tally claims --db FILE`.
pub fn run(db: PathBuf, filters: &Filters, format: ClaimsFormat) -> anyhow::Result<Outcome> {
    let store = DbArgs { db }.open_existing()?;
    let (cards, total) = fetch(&store, filters)?;
    let mut out = std::io::stdout().lock();
    match format {
        ClaimsFormat::Table => write_table(&mut Printable::new(&mut out), &cards)?,
        ClaimsFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &cards)?;
            writeln!(out)?;
        }
        ClaimsFormat::Jsonl => {
            for card in &cards {
                serde_json::to_writer(&mut out, card)?;
                writeln!(out)?;
            }
        }
        ClaimsFormat::Csv => write_csv(&cards)?,
    }
    out.flush()?;
    if cards.is_empty() {
        eprintln!("tally: no stored claims match");
    } else if (cards.len() as u64) < total {
        // Said where a reader of the table looks last, not in the machine output.
        eprintln!(
            "tally: {} of {total} matching claims shown; --limit for more, or `tally export` for all",
            cards.len()
        );
    }
    Ok(Outcome::Ok)
}

/// Up to `filters.limit` matching claims, newest first, and how many match in all. The
/// store answers a page of at most [`MAX_PAGE`] at a time.
fn fetch(store: &Store, filters: &Filters) -> anyhow::Result<(Vec<ClaimCard>, u64)> {
    let mut filter = filters.filter();
    let mut cards = Vec::new();
    let mut total = 0;
    while cards.len() < filters.limit {
        let want = (filters.limit - cards.len()).min(MAX_PAGE as usize);
        filter.limit = u32::try_from(want)?;
        filter.offset = u32::try_from(cards.len())?;
        let page = store.claims(&filter)?;
        total = page.total;
        let got = page.claims.len();
        cards.extend(page.claims);
        if got < want {
            break;
        }
    }
    Ok((cards, total))
}

fn write_table(out: &mut impl Write, cards: &[ClaimCard]) -> std::io::Result<()> {
    if cards.is_empty() {
        return Ok(());
    }
    let rows = cards.iter().map(|card| {
        vec![
            claimant(card),
            card.kind.clone(),
            card.said_date.clone().unwrap_or_default(),
            figures(&card.figures).join("\n"),
            render::snippet(&card.content, 160),
            carried_by(card),
        ]
    });
    let header = [
        "Claimant",
        "Kind",
        "Said on",
        "Figures",
        "Evidence",
        "Carried by",
    ];
    writeln!(out, "{}", render::rows_table(&header, rows))
}

fn claimant(card: &ClaimCard) -> String {
    let c = &card.claimant;
    let anonymous = if c.anonymous { " (anonymous)" } else { "" };
    format!("{}{anonymous}", c.name)
}

/// "killed ≥ 14" for each figure; an `other` figure by what it counts.
fn figures(figures: &[FigureView]) -> Vec<String> {
    figures
        .iter()
        .map(|f| {
            let measure = match (&*f.measure, &f.noun) {
                ("other", Some(noun)) => noun.as_str(),
                (measure, _) => measure,
            };
            let value = render::range(
                render::Bounds {
                    low: f.low,
                    best: f.best,
                    high: f.high,
                    approx: f.approx,
                    open_high: f.open_high,
                },
                f.unit.as_deref(),
            );
            format!("{measure} {value}")
        })
        .collect()
}

/// The first carrier as a reader cites it ("Example News, 2025-03-04") and how many more.
fn carried_by(card: &ClaimCard) -> String {
    let d = &card.document;
    let outlet = d.publisher.as_deref().unwrap_or("unknown outlet");
    let mut text = match &d.published {
        Some(date) => format!("{outlet}, {}", date.get(..10).unwrap_or(date)),
        None => outlet.to_owned(),
    };
    if card.carriers > 1 {
        text.push_str(&format!("\n+{} more", card.carriers - 1));
    }
    text
}

/// Named by the export tables' convention (docs/schema.md): a stored claim joins the
/// `tally export --table claims` rows on `claim_key`.
const CSV_HEADER: &[&str] = &[
    "claim_key",
    "claimant",
    "claimant_kind",
    "claimant_anonymous",
    "kind",
    "said_date",
    "figures",
    "conditions",
    "content",
    "carriers",
    "document_id",
    "title",
    "url",
    "publisher",
    "published",
];

fn write_csv(cards: &[ClaimCard]) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(std::io::stdout().lock());
    w.write_record(CSV_HEADER)?;
    for card in cards {
        let d = &card.document;
        let figures = card
            .figures
            .iter()
            .zip(figures(&card.figures))
            .map(|(f, text)| format!("{text} ({})", f.raw))
            .collect::<Vec<_>>();
        w.write_record([
            card.id.as_str(),
            &card.claimant.name,
            &card.claimant.kind,
            // As `tally export --format csv` writes booleans (docs/schema.md).
            if card.claimant.anonymous { "1" } else { "0" },
            &card.kind,
            card.said_date.as_deref().unwrap_or_default(),
            &figures.join("; "),
            &card.claimant.conditions.join("; "),
            &card.content,
            &card.carriers.to_string(),
            &d.id,
            d.title.as_deref().unwrap_or_default(),
            d.url.as_deref().unwrap_or_default(),
            d.publisher.as_deref().unwrap_or_default(),
            d.published.as_deref().unwrap_or_default(),
        ])?;
    }
    w.flush()?;
    Ok(())
}
