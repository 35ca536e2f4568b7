//! Robustness: no panic and sane spans on any input, with any publication date, including
//! the edges of the calendar (years 1 and 9999, leap days, ISO week 53).

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose.

use proptest::prelude::*;
use tally_core::{Document, DocumentMeta, Extractor, Published, PublishedSource};
use tally_times::{TimeExtractor, cue_time};

fn run(text: &str, dct: Option<(i16, i8, i8)>) -> Document {
    let published = dct
        .and_then(|(y, m, d)| jiff::civil::Date::new(y, m, d).ok())
        .map(|d| Published::date(d, PublishedSource::Metadata));
    let meta = DocumentMeta {
        published,
        ..DocumentMeta::default()
    };
    let mut doc = Document::new(meta, text.split("\n\n"));
    tally_text::Segmenter.run(&mut doc).unwrap();
    TimeExtractor::new().unwrap().run(&mut doc).unwrap();
    doc
}

fn check(doc: &Document) {
    let mut last_end = 0;
    for t in &doc.times {
        assert!(t.span.check(&doc.body).is_ok(), "{t:?}");
        assert!(t.span.start >= last_end, "overlapping or unsorted: {t:?}");
        last_end = t.span.end;
        assert!(!t.value.is_empty());
        let cue = doc.span(t.span.start, t.span.end).unwrap();
        let _ = cue_time(doc, &cue);
    }
}

/// Words that make the grammar work hard, mixed with noise.
const WORDS: &[&str] = &[
    "Tuesday",
    "last",
    "next",
    "this",
    "year",
    "years",
    "ago",
    "earlier",
    "month",
    "June",
    "May",
    "Dec.",
    "18",
    "2024",
    "1999",
    "9999",
    "0001",
    "the",
    "past",
    "two",
    "several",
    "days",
    "hours",
    "within",
    "over",
    "early",
    "mid",
    "-",
    "quarter",
    "third",
    "fourth",
    "Q4",
    "a",
    "week",
    "weeks",
    "p.m.",
    "3",
    "10:35",
    "12/18/2024",
    "1990s",
    "'90s",
    "every",
    "daily",
    "tonight",
    "yesterday",
    "now",
    "in",
    "on",
    "said",
    "will",
    ",",
    ".",
    "Christmas",
    "Easter",
    "year-end",
    "year-ago",
    "nineteen",
    "ninety",
    "-six",
    "half",
    "and",
    "1/2",
    "century",
    "20th",
    "decade",
    "summer",
    "winter",
    "of",
    "morning",
    "at",
    "noon",
    "Feb.",
    "29",
    "53",
    "W53",
    "’s",
    "'",
    "fiscal",
    "end",
    "later",
    "from",
    "now",
];

fn dct_strategy() -> impl Strategy<Value = Option<(i16, i8, i8)>> {
    prop_oneof![
        Just(None),
        Just(Some((1, 1, 1))),
        Just(Some((9999, 12, 31))),
        Just(Some((2024, 2, 29))),
        Just(Some((2020, 12, 31))),
        Just(Some((2021, 1, 3))),
        Just(Some((2026, 12, 31))),
        (1i16..=9999, 1i8..=12, 1i8..=28).prop_map(Some),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_strings_never_panic(text in "\\PC{0,200}", dct in dct_strategy()) {
        check(&run(&text, dct));
    }

    #[test]
    fn time_word_salad_never_panics(
        words in proptest::collection::vec(proptest::sample::select(WORDS), 0..40),
        dct in dct_strategy(),
    ) {
        check(&run(&words.join(" "), dct));
    }
}

#[test]
fn calendar_edges() {
    for dct in [(1, 1, 1), (9999, 12, 31), (2024, 2, 29), (2020, 12, 31)] {
        let doc = run(
            "Tuesday, last year, next year, next week, the next decade, in three days, \
             tomorrow, this century, last quarter, next month, Feb. 29 and Christmas.",
            Some(dct),
        );
        check(&doc);
        assert!(doc.times.len() > 8, "{dct:?}: {:?}", doc.times);
    }
    // Next year after 9999 cannot be written: it stays underspecified, no panic.
    let doc = run("They will meet next year.", Some((9999, 12, 31)));
    assert_eq!(doc.times[0].value, "XXXX");
    // Week 53: 2020-12-31 is in 2020-W53.
    let doc = run("This week was hard.", Some((2020, 12, 31)));
    assert_eq!(doc.times[0].value, "2020-W53");
}
