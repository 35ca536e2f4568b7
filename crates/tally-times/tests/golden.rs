//! Golden tests: each sentence with carets under every time expression and its
//! type, value and modifier. Publication date 2024-12-18 (a Wednesday) unless stated.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose.

use std::fmt::Write;

use tally_core::{Document, DocumentMeta, Extractor, Published, PublishedSource};
use tally_times::TimeExtractor;

/// Renders the sentence with a caret line and a label per expression.
fn render(dct: Option<&str>, text: &str) -> String {
    let meta = DocumentMeta {
        published: dct.map(|d| Published::date(d.parse().unwrap(), PublishedSource::Metadata)),
        ..DocumentMeta::default()
    };
    let mut doc = Document::new(meta, [text]);
    tally_text::Segmenter.run(&mut doc).unwrap();
    TimeExtractor::new().unwrap().run(&mut doc).unwrap();
    let mut out = format!("{text}\n");
    for t in &doc.times {
        let pad = doc.body[..t.span.start].chars().count();
        let width = t.span.text.chars().count().max(1);
        let modifier = t
            .modifier
            .map(|m| format!(" mod={m:?}"))
            .unwrap_or_default();
        writeln!(
            out,
            "{}{} {:?} {}{modifier}",
            " ".repeat(pad),
            "^".repeat(width),
            t.kind,
            t.value
        )
        .unwrap();
    }
    out
}

fn check(cases: &[&str]) -> String {
    cases
        .iter()
        .map(|c| render(Some("2024-12-18"), c))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn seed_sentences() {
    insta::assert_snapshot!(check(&[
        "December 18, 2024",
        "North Korean forces have suffered casualties, a senior U.S. military official said Tuesday.",
        "Ukrainian forces seized territory earlier this year.",
        "Russia has used North Korean troops in Kursk over several days.",
        "Ties have grown since Moscow's invasion of Ukraine in February 2022.",
        "A pact signed in June came into force earlier this month.",
        "Aid is rushed before President-elect Donald Trump takes office next month.",
        "He claimed he could secure a ceasefire within hours.",
    ]));
}

#[test]
fn weekdays_and_months_follow_tense() {
    insta::assert_snapshot!(check(&[
        "The ministry said Monday that talks will resume Friday.",
        "Officials met last Tuesday and will meet again next Thursday.",
        "The vote is on Saturday.",
        "The law took effect in March and will be reviewed in March.",
        "Payments are due Jan. 15; the board met Nov. 30.",
    ]));
}

/// The value of each time expression of `text` with publication date `dct`.
fn values(dct: &str, text: &str) -> Vec<(String, String)> {
    let meta = DocumentMeta {
        published: Some(Published::date(
            dct.parse().unwrap(),
            PublishedSource::Metadata,
        )),
        ..DocumentMeta::default()
    };
    let mut doc = Document::new(meta, [text]);
    tally_text::Segmenter.run(&mut doc).unwrap();
    TimeExtractor::new().unwrap().run(&mut doc).unwrap();
    doc.times
        .iter()
        .map(|t| (t.raw.clone(), t.value.clone()))
        .collect()
}

/// Regression: a 240-day cutoff let the nearest date override an explicit past tense, so
/// a kidnapping that "took place on 30 December", reported on 18 December, was dated to
/// the coming 30 December. With a tense cue, the tense decides however far back the date
/// is; the nearest date wins only when nothing says the tense.
#[test]
fn explicit_past_tense_is_not_overridden_by_a_nearer_future_date() {
    let v = |text: &str| values("2024-12-18", text);
    let pair = |raw: &str, value: &str| vec![(raw.to_owned(), value.to_owned())];
    assert_eq!(
        v("THE KIDNAPPING TOOK PLACE ON 30 DECEMBER."),
        pair("30 DECEMBER", "2023-12-30")
    );
    assert_eq!(
        v("The kidnapping took place on Dec. 30."),
        pair("Dec. 30", "2023-12-30")
    );
    // And the other way: a future cue sends a day just gone to next year.
    assert_eq!(
        v("The court will rule on Dec. 10."),
        pair("Dec. 10", "2025-12-10")
    );
    // Without a cue, a date just ahead is this year's.
    assert_eq!(
        v("Ceasefire talks, Dec. 30."),
        pair("Dec. 30", "2024-12-30")
    );
}

#[test]
fn results_stories_and_wire_copy() {
    insta::assert_snapshot!(check(&[
        "Profit for the year rose; for the year ended June 30 it fell.",
        "He expects revenue in the latest quarter to rise from the 1988 quarter.",
        "Sales rose in the third quarter from the same period a year earlier.",
        "It posted a year-earlier loss; the quarter a year ago was weak.",
        "The blast came at 10:35 a.m. (0735 GMT) Friday, the Communist Party daily Granma said.",
        "The parent asked it to respond by Dec. 31; daily flights resume.",
    ]));
}

#[test]
fn relative_periods() {
    insta::assert_snapshot!(check(&[
        "Sales fell last year and this week, and may recover next quarter.",
        "It happened two weeks ago, three days earlier than planned.",
        "Prices rose in the past 24 hours and over the past two months.",
        "Yesterday morning, tonight and tomorrow are busy; now is calm.",
        "Late last month and early next year; mid-2023 and the end of 1990.",
        "The deal closes in three days.",
        "Profit rose in the third quarter from a year earlier.",
        "Net income fell in the quarter; a year ago it rose.",
        "The blast came Friday. Police said it went off at 10:35 a.m.",
        "Talks could resume as early as Tuesday; trading is to resume Thursday.",
    ]));
}

#[test]
fn dates_durations_sets_times() {
    insta::assert_snapshot!(check(&[
        "On 18 December 2024 and on 12/25/2024, not on 11/12/2024.",
        "The 1990s, the '80s and the 20th century.",
        "He served for three years, a decade, two and a half years and 90 minutes.",
        "She runs every day, weekly meetings, every Tuesday, twice.",
        "The blast came at 3 p.m. Tuesday, at 10:35 a.m. and at noon.",
        "Christmas, Thanksgiving and Easter 2025.",
        "Q3 2024, the fourth quarter and the first half of 2025.",
        "A 20-year-old man; the 24-hour strike; decades-long conflict.",
        "SAN SALVADOR, 3 JAN 90 -- THE ATTACK TOOK PLACE ON 30 DECEMBER.",
        "Good Friday, Labor Day, New Year's Day and Valentine's Day.",
        "Over the next 12 to 18 months, eight trading days, the last half of 2023.",
    ]));
}

#[test]
fn without_a_publication_date_nothing_is_guessed() {
    insta::assert_snapshot!(render(
        None,
        "The official said Tuesday that the pact signed in June came into force earlier this month, and talks resume next week."
    ));
}

/// "in 33 years" after a superlative looks back over a span ("its lowest in 33 years"),
/// even in a present clause; without one, a present or future clause looks ahead.
#[test]
fn a_superlative_makes_in_units_a_span() {
    let v = |text: &str| values("2024-12-18", text);
    let pair = |raw: &str, value: &str| vec![(raw.to_owned(), value.to_owned())];
    assert_eq!(
        v("Its jobless rate is its lowest in 33 years."),
        pair("33 years", "P33Y")
    );
    assert_eq!(
        v("It is the first time in two years that prices fell."),
        pair("two years", "P2Y")
    );
    assert_eq!(
        v("It is the deadliest attack in five years."),
        pair("five years", "P5Y")
    );
    assert_eq!(
        v("It is one of the deadliest disasters to hit the country in two decades."),
        pair("two decades", "P20Y")
    );
    assert_eq!(
        v("The biggest lender said it will expand in two years."),
        pair("two years", "2026")
    );
    assert_eq!(
        v("The deal closes in three days."),
        pair("three days", "2024-12-21")
    );
    assert_eq!(
        v("They face the first debate in three days."),
        pair("three days", "2024-12-21")
    );
    // Before a span of years, "first" looks back too, past an abbreviation's periods.
    assert_eq!(
        v("A girl died in Texas, the first U.S. measles death in a decade."),
        pair("a decade", "P10Y")
    );
    assert_eq!(
        v("The bank made its first rate cut in four years."),
        pair("four years", "P4Y")
    );
}

/// A capitalized "Century" before another capitalized word is part of a name.
#[test]
fn a_century_in_a_name_is_no_time() {
    let v = |text: &str| values("2024-12-18", text);
    assert_eq!(v("He ran 21st Century Fox and its sister company."), vec![]);
    assert_eq!(
        v("Its 21st Century plans changed in the 21st century."),
        vec![
            ("21st Century".to_owned(), "20".to_owned()),
            ("the 21st century".to_owned(), "20".to_owned())
        ]
    );
}

/// In all-caps copy "MAY" after "that", or after "and" with no month before it, is the
/// modal verb; "APRIL AND MAY" and "IN MAY" are months.
#[test]
fn all_caps_may_is_a_month_only_in_a_month_context() {
    let v = |text: &str| values("2024-12-18", text);
    assert_eq!(
        v("GROUPS THAT MAY GENERATE FUNDS AND MAY SURVIVE MET IN APRIL AND MAY."),
        vec![
            ("APRIL".to_owned(), "2024-04".to_owned()),
            ("MAY".to_owned(), "2024-05".to_owned())
        ]
    );
    assert_eq!(
        v("THEY MET IN MAY."),
        vec![("MAY".to_owned(), "2024-05".to_owned())]
    );
}

/// Four digits of a 24-hour clock with a zone, "local time" or "hours" are a time of day;
/// without one they are left alone.
#[test]
fn military_clock_times() {
    let v = |text: &str| values("2024-12-18", text);
    assert_eq!(
        v("It went off shortly after 2100 local time on Tuesday."),
        vec![(
            "2100 local time on Tuesday".to_owned(),
            "2024-12-17T21:00".to_owned()
        )]
    );
    assert_eq!(
        v("THE BROADCAST AT 1311 GMT LASTED."),
        vec![("1311 GMT".to_owned(), "2024-12-18T13:11Z".to_owned())]
    );
    assert_eq!(v("He paid 2100 dollars."), vec![]);
    assert_eq!(
        v("The first quake struck at 11:11 am local time on Saturday."),
        vec![(
            "11:11 am local time on Saturday".to_owned(),
            "2024-12-14T11:11".to_owned()
        )]
    );
}

/// A day written with its year once keeps that year when written again without it.
#[test]
fn a_day_repeated_without_its_year_keeps_it() {
    let v = |text: &str| values("2024-10-08", text);
    assert_eq!(
        v("The war began with the Oct. 7, 2023 attacks. The Oct. 7 attacks killed 1,200 people."),
        vec![
            ("Oct. 7, 2023".to_owned(), "2023-10-07".to_owned()),
            ("Oct. 7".to_owned(), "2023-10-07".to_owned())
        ]
    );
    assert_eq!(
        v("The Oct. 7 attacks killed 1,200 people."),
        vec![("Oct. 7".to_owned(), "2024-10-07".to_owned())]
    );
}

/// A range of days written once with its month has both ends, the bare day taking the
/// written date's month and year (and anchored on it), whatever the tense would make of a
/// lone day.
#[test]
fn a_range_of_days_has_both_ends() {
    let v = |text: &str| values("2024-10-16", text);
    let pairs = |p: &[(&str, &str)]| -> Vec<(String, String)> {
        p.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    };
    // A past clause would send a lone "Oct. 18" back to 2023; the end follows the start.
    assert_eq!(
        v("The poll was conducted Oct. 14-18 among likely voters."),
        pairs(&[("Oct. 14", "2024-10-14"), ("18", "2024-10-18")])
    );
    assert_eq!(
        v("Leaders will meet 12–15 June in Geneva."),
        pairs(&[("12", "2025-06-12"), ("15 June", "2025-06-15")])
    );
    // Not ranges: a fraction, an age, a day that runs backwards, a spaced dash.
    assert_eq!(
        v("Soybeans for Sep 4-3/8 higher."),
        pairs(&[("Sep 4", "2024-09-04")])
    );
    assert_eq!(
        v("On Oct. 4-18-year-olds voted."),
        pairs(&[("Oct. 4", "2024-10-04"), ("18-year", "P18Y")])
    );
    assert_eq!(
        v("Sales for Nov 12-3 rose."),
        pairs(&[("Nov 12", "2023-11-12")])
    );
    assert_eq!(
        v("It ended on Oct. 14 - 18 people died."),
        pairs(&[("Oct. 14", "2024-10-14")])
    );
    // A year after the range is the start's too.
    assert_eq!(
        v("The survey was taken Sept. 11-12, 2023."),
        pairs(&[
            ("Sept. 11", "2023-09-11"),
            ("12", "2023-09-12"),
            ("2023", "2023")
        ])
    );
    // A day past the month's end is no day.
    assert_eq!(
        v("The talks ran Feb. 27-30, 2023."),
        pairs(&[("Feb. 27", "2023-02-27"), ("2023", "2023")])
    );
}

#[test]
fn a_range_day_is_anchored_on_its_written_date() {
    let meta = DocumentMeta {
        published: Some(Published::date(
            "2024-10-16".parse().unwrap(),
            PublishedSource::Metadata,
        )),
        ..DocumentMeta::default()
    };
    let mut doc = Document::new(
        meta,
        ["Sales for the March 21-31 period rose from a year ago."],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    TimeExtractor::new().unwrap().run(&mut doc).unwrap();
    let got: Vec<_> = doc
        .times
        .iter()
        .map(|t| (t.raw.as_str(), t.value.as_str(), t.anchor.as_deref()))
        .collect();
    // "a year ago" compares with the period's written start, not the bare end day.
    assert_eq!(
        got,
        [
            ("March 21", "2024-03-21", Some("DCT")),
            ("31", "2024-03-31", Some("T1")),
            ("a year ago", "2023-03-21", Some("T1")),
        ]
    );
}

/// Round 18: a month without its year takes the year of the month closing its range.
#[test]
fn a_month_range_shares_its_closing_year() {
    let v = |text: &str| values("2025-02-07", text);
    let pairs = |p: &[(&str, &str)]| {
        p.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        v("It expects 4.2% in January-March 2026 and 4.5% in April to June 2024."),
        pairs(&[
            ("January", "2026-01"),
            ("March 2026", "2026-03"),
            ("April", "2024-04"),
            ("June 2024", "2024-06"),
        ])
    );
    assert_eq!(
        v("Sales fell in November-February 2025."),
        pairs(&[("November", "2024-11"), ("February 2025", "2025-02")])
    );
}

/// Round 18: a deadline reached in a past perfect after it; "another" before a noun "cut";
/// a rate's period ("barrels a day") recurs: a set, not a duration.
#[test]
fn deadlines_reached_cuts_ahead_and_rates() {
    let pair = |raw: &str, value: &str| vec![(raw.to_owned(), value.to_owned())];
    assert_eq!(
        values("2025-10-06", "By Friday evening it had climbed to 34."),
        pair("Friday evening", "2025-10-03TEV")
    );
    assert_eq!(
        values("2025-10-06", "Crews will finish by Friday evening."),
        pair("Friday evening", "2025-10-10TEV")
    );
    assert_eq!(
        values(
            "2025-02-07",
            "We expect another 25 bps cut in April, taking the rate to 6%."
        ),
        pair("April", "2025-04")
    );
    let found = values(
        "2025-02-07",
        "It pumps 1.5 million barrels a day, pays $40.25 million a year, is open 24 hours a \
         day, rose 5% in a year and sold 300 a year ago; 1987 will be a year of growth.",
    );
    let pairs: Vec<(&str, &str)> = found
        .iter()
        .map(|(r, v)| (r.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("a day", "P1D"),
            ("a year", "P1Y"),
            ("24 hours", "PT24H"),
            ("a day", "P1D"),
            ("a year", "P1Y"),
            ("a year ago", "2024"),
            ("1987", "1987"),
            ("a year", "P1Y")
        ]
    );
    let kinds: Vec<_> = {
        let meta = tally_core::DocumentMeta::default();
        let mut doc = tally_core::Document::new(
            meta,
            [
                "It pumps 1.5 million barrels a day - a record - against a 1986 profit and a year-ago loss.",
            ],
        );
        tally_text::Segmenter.run(&mut doc).unwrap();
        TimeExtractor::new().unwrap().run(&mut doc).unwrap();
        doc.times.iter().map(|t| t.kind).collect()
    };
    use tally_core::TimexType::{Date, Set};
    assert_eq!(kinds, [Set, Date, Date]);
}
