//! Said-at values that are not days (weeks, quarters, references) in the date filters and
//! the date order of claims and timelines: compared by the days they cover, not as text.
#![allow(clippy::unwrap_used)]

mod common;

use common::{claim, doc, figure};
use tally_core::Document;
use tally_store::browse::ClaimFilter;
use tally_store::{Prepared, Store, TimelineQuery};

/// Four stories, each with one claim said at `said` carrying one figure `raw`.
fn store() -> Store {
    let story = |n: usize, published: &str, said: &str, place: &str| {
        let raw = format!("{}", 100 * (n + 1));
        let text =
            format!("Officials in {place} said North Korean forces suffered {raw} casualties.");
        let mut d = doc(
            &format!("https://example.com/{n}"),
            "Reuters",
            None,
            published,
            &[&text],
        );
        let f = figure(
            &mut d,
            &raw,
            Some(1.0),
            Some(1.0),
            false,
            ("North Korean forces", "KP"),
            None,
        );
        let evidence = format!("North Korean forces suffered {raw} casualties");
        claim(&mut d, "Officials", &evidence, said, vec![f]);
        d
    };
    let docs: Vec<Document> = vec![
        story(0, "2016-03-20", "2016-W11", "Seoul"),
        story(1, "2016-06-10", "2016-06-05", "Kyiv"),
        story(2, "2016-05-02", "PRESENT_REF", "Moscow"),
        story(3, "2016-02-01", "2016-Q1", "Tokyo"),
    ];
    let prepared: Vec<Prepared> = docs.into_iter().map(Prepared::new).collect();
    let mut store = Store::open_in_memory().unwrap();
    store.write(&prepared, &[]).unwrap();
    store
}

fn said(store: &Store, since: Option<&str>, until: Option<&str>) -> Vec<String> {
    store
        .claims(&ClaimFilter {
            since: since.map(str::to_owned),
            until: until.map(str::to_owned),
            ..ClaimFilter::default()
        })
        .unwrap()
        .claims
        .into_iter()
        .map(|c| c.said_date.unwrap_or_default())
        .collect()
}

#[test]
fn claims_are_newest_first_by_the_first_day_said() {
    let store = store();
    // A reference stands for the publication date (2016-05-02).
    assert_eq!(
        said(&store, None, None),
        ["2016-06-05", "PRESENT_REF", "2016-W11", "2016-Q1"]
    );
}

#[test]
fn since_and_until_match_the_days_a_value_covers() {
    let store = store();
    // The week of 14-20 March 2016 is before June, whatever its text.
    assert_eq!(said(&store, Some("2016-06-01"), None), ["2016-06-05"]);
    assert_eq!(
        said(&store, Some("2016-04-01"), None),
        ["2016-06-05", "PRESENT_REF"]
    );
    // Overlap: the week ends on the 20th, the quarter on 31 March.
    assert_eq!(
        said(&store, Some("2016-03-20"), Some("2016-03-31")),
        ["2016-W11", "2016-Q1"]
    );
    assert_eq!(
        said(&store, None, Some("2016-03-15")),
        ["2016-W11", "2016-Q1"]
    );
    // A month bound covers the whole month.
    assert_eq!(
        said(&store, Some("2016-06"), Some("2016-06")),
        ["2016-06-05"]
    );
    assert_eq!(said(&store, None, Some("2016-01-01")), ["2016-Q1"]);
}

#[test]
fn timeline_since_and_until_match_the_days_a_value_covers() {
    let store = store();
    let raws = |since: Option<&str>, until: Option<&str>| -> Vec<String> {
        let mut raws: Vec<String> = store
            .timeline(&TimelineQuery {
                measure: "casualties".to_owned(),
                subject: Some("KP".to_owned()),
                since: since.map(str::to_owned),
                until: until.map(str::to_owned),
                limit: 100,
                ..TimelineQuery::default()
            })
            .unwrap()
            .estimates
            .into_iter()
            .map(|e| e.raw)
            .collect();
        raws.sort();
        raws
    };
    assert_eq!(raws(Some("2016-06-01"), None), ["200"]);
    assert_eq!(raws(None, Some("2016-03-15")), ["100", "400"]);
}
