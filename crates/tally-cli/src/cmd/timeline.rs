//! `tally timeline`: how an estimate changed, date by date, with contradictions and
//! revisions flagged.

use std::io::Write;

use tally_store::browse::{Facet, TimelineOptions};
use tally_store::{Estimate, Flag, Timeline, TimelineQuery};

use crate::cmd::ingest::DbArgs;
use crate::exit::Outcome;
use crate::printable::Printable;

/// Arguments of `tally timeline`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  tally timeline --measure casualties --subject KP --place Kursk\n  \
tally timeline --measure killed --subject 'north korean' --since 2024-12-01 --json\n  \
tally timeline --measure killed --agent Russia --place Kharkiv"
)]
pub struct Args {
    /// What is counted: casualties, killed, wounded, missing, captured, troops, displaced,
    /// detained, money, other.
    #[arg(long)]
    pub measure: String,
    /// Whose figure: an entity id (`KP`) or words of the subject phrase.
    #[arg(long)]
    pub subject: Option<String>,
    /// Where: an entity id or words of the place phrase (`Kursk`). Words also match a
    /// figure with no place whose article's dateline names them ("GAZA CITY (AP) — ..."),
    /// shown as "(dateline)".
    #[arg(long)]
    pub place: Option<String>,
    /// Who did the harm: an entity id (`RU`) or words of the agent phrase (`Russia`
    /// matches "Russian drones and missiles"). Figures that name no agent are left out.
    #[arg(long)]
    pub agent: Option<String>,
    /// Earliest date (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Latest date (YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<String>,
    /// Days within which non-overlapping estimates count as contradicting (0 to 3660).
    // The API's bound; a negative window flagged nothing without saying why.
    #[arg(long, default_value_t = 7,
        value_parser = clap::builder::RangedI64ValueParser::<i64>::new().range(0..=3660))]
    pub window: i64,
    #[command(flatten)]
    pub db: DbArgs,
    /// The timeline as one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Runs `tally timeline`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let store = args.db.open_existing()?;
    let timeline = store.timeline(&TimelineQuery {
        measure: args.measure.clone(),
        subject: args.subject.clone(),
        place: args.place.clone(),
        agent: args.agent.clone(),
        since: args.since.clone(),
        until: args.until.clone(),
        window_days: args.window,
        ..TimelineQuery::default()
    })?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &timeline)?;
        writeln!(out)?;
        return Ok(Outcome::Ok);
    }
    if timeline.estimates.is_empty() {
        eprintln!("tally: no {} estimates match", timeline.measure);
        // An empty answer alone leaves the user guessing which filter was wrong; the
        // store knows what is there, so say it.
        let options = store.timeline_options(Some(&args.measure))?;
        for hint in hints(args, &options) {
            eprintln!("  {hint}");
        }
        return Ok(Outcome::Ok);
    }
    write_text(&mut Printable::new(&mut out), &timeline)?;
    Ok(Outcome::Ok)
}

/// What the store holds that a query could ask for instead: the measures with figures
/// when the measure has none, else the subjects and places of its figures that were
/// filtered on.
fn hints(args: &Args, options: &TimelineOptions) -> Vec<String> {
    let list = |facets: &[Facet]| -> String {
        facets
            .iter()
            .take(12)
            .map(|f| {
                if f.label == f.value {
                    format!("{} ({})", f.value, f.figures)
                } else {
                    format!("{} = {} ({})", f.value, f.label, f.figures)
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut hints = Vec::new();
    if !options.measures.iter().any(|m| m.value == args.measure) {
        if options.measures.is_empty() {
            hints.push("the database holds no figures yet (`tally ingest PATH...`)".to_owned());
        } else {
            hints.push(format!(
                "measures with figures: {}",
                list(&options.measures)
            ));
        }
        return hints;
    }
    if args.subject.is_some() {
        if options.subjects.is_empty() {
            hints.push(format!(
                "no {} figure has a known subject entity",
                args.measure
            ));
        } else {
            hints.push(format!("subjects (--subject): {}", list(&options.subjects)));
        }
    }
    if args.place.is_some() {
        if options.places.is_empty() {
            hints.push(format!(
                "no {} figure has a known place entity",
                args.measure
            ));
        } else {
            hints.push(format!("places (--place): {}", list(&options.places)));
        }
    }
    if let Some(agent) = &args.agent {
        hints.push(format!(
            "--agent {agent} keeps only figures that name who did the harm (\"killed by ...\"); \
             try without it"
        ));
    }
    // Both were checked as YYYY-MM-DD by the query, so text order is date order.
    if let (Some(since), Some(until)) = (&args.since, &args.until)
        && since > until
    {
        hints.push(format!(
            "--since {since} is after --until {until}: no date is within both"
        ));
    } else if args.since.is_some() || args.until.is_some() {
        hints.push("--since/--until keep estimates dated within them (inclusive)".to_owned());
    }
    hints
}

/// Writes a timeline for people: date by date, each estimate with its range, claimant,
/// carriers, hedges and flags. Shared with `tally demo`.
pub fn write_text(out: &mut impl Write, timeline: &Timeline) -> std::io::Result<()> {
    let mut last_date = None;
    // One width for every index, so that "#9" and "#10" rows keep their columns aligned.
    let width = format!("#{}", timeline.estimates.len().saturating_sub(1)).len();
    for (i, e) in timeline.estimates.iter().enumerate() {
        let date = e.date.as_deref().unwrap_or("undated");
        if last_date != Some(date) {
            writeln!(out, "{date}")?;
            last_date = Some(date);
        }
        // "unattributed (unattributed)" says one thing twice.
        let source = if e.claimant == e.sourcing {
            e.claimant.clone()
        } else {
            format!("{} ({})", e.claimant, e.sourcing)
        };
        writeln!(
            out,
            "  {:<width$} {:<20} {:<22} {source}",
            format!("#{i}"),
            words(e),
            range(e),
        )?;
        if let Some(agent) = &e.agent {
            writeln!(out, "      {}", agent_line(&timeline.measure, agent, e))?;
        }
        if let Some(dateline) = &e.dateline {
            // The figure names no place: the query's place matched where the story was
            // filed, which a reader should weigh.
            writeln!(out, "      place: {dateline} (dateline)")?;
        }
        let publishers = e.carriers.iter().map(|c| c.publisher.as_deref());
        writeln!(out, "      {}", carried_by(publishers))?;
        if !e.hedges.is_empty() {
            writeln!(out, "      hedges: {}", e.hedges.join(", "))?;
        }
        for flag in &e.flags {
            match flag {
                Flag::Contradiction { with } => {
                    writeln!(
                        out,
                        "      ! contradicts #{with} ({})",
                        timeline.estimates[*with].raw
                    )?;
                }
                Flag::Revision { of } => {
                    writeln!(
                        out,
                        "      ~ revises #{of} ({}) by the same claimant",
                        timeline.estimates[*of].raw
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// "carried by 2: Example News, unknown outlet": a carrier with no publisher is named as
/// the ledger names a claim with no outlet, not "?".
fn carried_by<'a>(publishers: impl ExactSizeIterator<Item = Option<&'a str>>) -> String {
    let n = publishers.len();
    let names: Vec<&str> = publishers.map(|p| p.unwrap_or("unknown outlet")).collect();
    format!("carried by {n}: {}", names.join(", "))
}

/// The figure's words with what it counts ("47 people", "nine children"): the noun often
/// stands further on in the sentence, and within one story it tells a part of the toll
/// from a rival estimate of it.
fn words(e: &Estimate) -> String {
    match &e.noun {
        Some(noun) => format!("{} {noun}", e.raw),
        None => e.raw.clone(),
    }
}

/// Who did the harm, as a reader says it: "killed by Russian drones and missiles (RU)".
fn agent_line(measure: &str, agent: &str, e: &Estimate) -> String {
    // The measures named by a past participle read as one ("killed by"); a count of
    // casualties or money was "caused by" its agent.
    let verb = match measure {
        "killed" | "wounded" | "captured" | "displaced" | "detained" => measure,
        _ => "caused",
    };
    match e.agent_entity.as_deref() {
        // "killed by it (IL)" says nothing by itself: a pronoun agent ("Israel says it has
        // killed ...") is shown by its entity, the article's word after it.
        Some(entity) if is_pronoun(agent) => format!("{verb} by {entity} (“{agent}”)"),
        Some(entity) if entity != agent => format!("{verb} by {agent} ({entity})"),
        _ => format!("{verb} by {agent}"),
    }
}

fn is_pronoun(word: &str) -> bool {
    const PRONOUNS: [&str; 10] = [
        "it", "they", "we", "he", "she", "i", "them", "us", "him", "her",
    ];
    PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(word))
}

fn range(e: &Estimate) -> String {
    // Written as the claims table writes figures ("2,100", "30 bn"), not "30000000000".
    let n = |v: Option<f64>| v.map_or_else(|| "?".to_owned(), crate::render::number);
    let unit = e
        .unit
        .as_deref()
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    if e.open_high {
        format!("[{} – …]{unit}", n(e.low.or(e.best)))
    } else if e.low.is_some() && e.low == e.high {
        format!("[{}]{unit}", n(e.low))
    } else if e.low.is_none() && e.high.is_none() {
        format!("[~{}]{unit}", n(e.best))
    } else {
        format!("[{} – {}]{unit}", n(e.low), n(e.high))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn estimate(raw: &str, agent: Option<(&str, Option<&str>)>) -> Estimate {
        Estimate {
            date: Some("2025-05-02".to_owned()),
            raw: raw.to_owned(),
            noun: None,
            low: Some(12.0),
            best: None,
            high: None,
            open_high: true,
            unit: None,
            hedges: vec![],
            claimant: "the regional governor".to_owned(),
            sourcing: "indirect".to_owned(),
            content: None,
            subject: None,
            subject_entity: None,
            place: None,
            place_entity: None,
            agent: agent.map(|a| a.0.to_owned()),
            agent_entity: agent.and_then(|a| a.1.map(str::to_owned)),
            dateline: None,
            carriers: vec![],
            flags: vec![],
        }
    }

    fn text(measure: &str, estimates: Vec<Estimate>) -> String {
        let timeline = Timeline {
            measure: measure.to_owned(),
            subject: None,
            place: None,
            agent: None,
            estimates,
        };
        let mut out = Vec::new();
        write_text(&mut out, &timeline).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn an_inverted_date_range_is_named_in_the_hint() {
        let args = Args {
            measure: "killed".to_owned(),
            subject: None,
            place: None,
            agent: None,
            since: Some("2025-05-01".to_owned()),
            until: Some("2025-01-01".to_owned()),
            window: 7,
            db: DbArgs {
                db: "tally.db".into(),
            },
            json: false,
        };
        let options = TimelineOptions {
            measures: vec![Facet {
                value: "killed".to_owned(),
                label: "killed".to_owned(),
                figures: 3,
            }],
            subjects: vec![],
            places: vec![],
        };
        assert_eq!(
            hints(&args, &options),
            ["--since 2025-05-01 is after --until 2025-01-01: no date is within both"]
        );
    }

    #[test]
    fn an_estimate_with_an_agent_says_who_did_the_harm() {
        let out = text(
            "killed",
            vec![
                estimate(
                    "at least 12",
                    Some(("Russian drones and missiles", Some("RU"))),
                ),
                estimate("40", Some(("police", None))),
                estimate("3", None),
            ],
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2], "      killed by Russian drones and missiles (RU)");
        assert!(lines[4].contains("#1"), "{out}");
        assert_eq!(lines[5], "      killed by police");
        assert!(lines[7].contains("#2") && lines[8].starts_with("      carried by"));
        // A measure that is not a past participle reads "caused by".
        let out = text(
            "casualties",
            vec![estimate("300", Some(("shelling", None)))],
        );
        assert!(out.contains("\n      caused by shelling\n"), "{out}");
        // A pronoun agent is shown by its entity.
        let out = text(
            "killed",
            vec![estimate("about 20,000", Some(("it", Some("IL"))))],
        );
        assert!(out.contains("\n      killed by IL (“it”)\n"), "{out}");
    }

    #[test]
    fn an_estimate_says_what_it_counts() {
        let mut people = estimate("47", None);
        people.noun = Some("people".to_owned());
        let mut children = estimate("nine", None);
        children.noun = Some("children".to_owned());
        let out = text("killed", vec![people, children, estimate("50", None)]);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[1].starts_with("  #0 47 people "), "{out}");
        assert!(lines[3].starts_with("  #1 nine children "), "{out}");
        assert!(lines[5].starts_with("  #2 50 "), "{out}");
    }

    #[test]
    fn a_carrier_without_a_publisher_is_an_unknown_outlet() {
        assert_eq!(
            carried_by([None, Some("Example News")].into_iter()),
            "carried by 2: unknown outlet, Example News"
        );
    }

    #[test]
    fn a_place_from_the_dateline_is_marked() {
        let mut e = estimate("at least 30", None);
        e.dateline = Some("GAZA CITY".to_owned());
        let out = text("killed", vec![e, estimate("50", None)]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2], "      place: GAZA CITY (dateline)", "{out}");
        assert_eq!(out.matches("(dateline)").count(), 1, "{out}");
    }
}
