//! Golden tests on modern wire and web copy (2015-2026 style): each sentence, written
//! for these tests, with its publication date, carets under every time expression and
//! its type, value, modifier and anchor.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose.

use std::fmt::Write;

use tally_core::{Document, DocumentMeta, Extractor, Published, PublishedSource};
use tally_times::TimeExtractor;

/// Renders the sentence under its publication date with a caret line per expression.
fn render(dct: &str, text: &str) -> String {
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
    let mut out = format!("[{dct}] {text}\n");
    let shift = dct.len() + 3;
    for t in &doc.times {
        let pad = shift + doc.body[..t.span.start].chars().count();
        let width = t.span.text.chars().count().max(1);
        let modifier = t
            .modifier
            .map(|m| format!(" mod={m:?}"))
            .unwrap_or_default();
        let anchor = t
            .anchor
            .as_ref()
            .map(|a| format!(" anchor={a:?}"))
            .unwrap_or_default();
        writeln!(
            out,
            "{}{} {:?} {}{modifier}{anchor}",
            " ".repeat(pad),
            "^".repeat(width),
            t.kind,
            t.value
        )
        .unwrap();
    }
    out
}

fn check(cases: &[(&str, &str)]) -> String {
    cases
        .iter()
        .map(|(dct, text)| render(dct, text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Publication date 2025-03-13 is a Thursday.
const THU: &str = "2025-03-13";

#[test]
fn parts_of_days_and_weeks() {
    insta::assert_snapshot!(check(&[
        (
            THU,
            "Russia launched dozens of drones at Kyiv overnight, officials said early Thursday."
        ),
        (
            THU,
            "The storm made landfall late Wednesday night near the border."
        ),
        (THU, "Protests are planned in several cities this weekend."),
        (
            THU,
            "The city imposed an overnight curfew; it was lifted Tuesday overnight."
        ),
        (
            THU,
            "Rates for overnight funds rose, and you can't win trust overnight."
        ),
        (THU, "Three drones were shot down overnight into Thursday."),
        (
            THU,
            "Three people were killed in shootings over the weekend."
        ),
        (
            THU,
            "The company announced 2,000 job cuts earlier this week."
        ),
        (THU, "A decision is expected later this month."),
    ]));
}

#[test]
fn deadlines_and_periods_ahead() {
    insta::assert_snapshot!(check(&[
        (
            THU,
            "The airline aims to cut its debt by the end of the year."
        ),
        (
            THU,
            "The agency needs $500 million to keep operations running through September."
        ),
        (THU, "Rent is due at the end of the month."),
        (
            "2025-05-02",
            "Sales fell in March, and by the end of the month stores were empty."
        ),
        (
            "2025-11-05",
            "Sales rose 4% in the nine months through September."
        ),
        (
            "2025-11-05",
            "The exhibition runs through February, and sales rose through October."
        ),
        (
            "1987-04-08",
            "Cumulative meat purchases through March 27 total 376,897,330 lbs."
        ),
        (
            "2025-05-02",
            "The plant will close by the end of the month, the company said on Tuesday."
        ),
        (
            "2025-05-02",
            "In March 2020, it said it would be profitable by the end of the month."
        ),
    ]));
}

#[test]
fn fiscal_and_reporting_periods() {
    insta::assert_snapshot!(check(&[
        (THU, "Revenue for fiscal 2025 is expected to rise 12%."),
        (
            THU,
            "Walmart forecast slower growth for the fiscal year ending in January."
        ),
        (THU, "Apple reported record iPhone sales in Q3."),
        (THU, "Growth slowed in the second half of 2024."),
        (THU, "The company expects margins to improve in H1."),
        (
            THU,
            "H2 2024 revenue beat H1 2024 revenue, a slide titled H1 said."
        ),
        (
            THU,
            "The H1N1 virus and H2O; revenue in H1 2026 and during H2."
        ),
        (THU, "He scored 30 goals in the 2024-25 season."),
        (
            THU,
            "The 2023/24 budget, fiscal 1999-00, but not 2024-25-30 or /2024/25/."
        ),
        (
            THU,
            "FY24 revenue beat FY2023 revenue, and FY 2026 guidance rose."
        ),
        (
            THU,
            "Inflation averaged 5% from 2019 to 2021 and fell between 2022 and 2023."
        ),
    ]));
}

#[test]
fn anchored_on_events() {
    insta::assert_snapshot!(check(&[
        (
            "2024-03-01",
            "More than 30,000 people have been killed in Gaza since Oct. 7."
        ),
        (
            THU,
            "The bridge collapsed last March. In the year since, traffic has doubled."
        ),
        (THU, "A day after the vote, the president resigned."),
        (THU, "The building collapsed hours after the quake."),
        (
            THU,
            "Police arrested him on Monday. The following day, he was released."
        ),
        (
            THU,
            "The firm was founded in March 2019 and went public the next year."
        ),
        (
            THU,
            "He met the minister on Feb. 3 and had seen her the day before."
        ),
        (
            THU,
            "Talks collapsed on Jan. 30, 2024. Two days later, the strike began."
        ),
        (
            THU,
            "In the months since, and in the weeks since the vote, prices rose."
        ),
        (THU, "He died in 2019. The previous year, he had retired."),
        (
            THU,
            "Sales slipped to 4.04 mln bpd from 4.08 mln bpd in 2023 while runs rose to 3.0 mln from 2.9 mln the previous year."
        ),
        (
            THU,
            "Issues doubled to more than 150 in 2024 from the previous year."
        ),
        (
            THU,
            "Imports from the EU in 2024 rose to 830 billion, compared with 609 billion the previous year."
        ),
        (
            THU,
            "The vote was held on Sunday, and the results came the following week."
        ),
        (
            THU,
            "Funding could pass within the next week, or over the next year."
        ),
        (
            "1987-04-20",
            "In the week ended April 17, sales were 112 billion yen against 105 billion the previous week, and purchases fell 5% from the previous week."
        ),
        (
            "2016-07-15",
            "He signed a letter of apology. But the next day, he said it was false."
        ),
        (THU, "The ministry said it would respond within 48 hours."),
        (THU, "Stocks fell for a third straight day on Thursday."),
        (THU, "Prices have risen sharply in the past 24 hours."),
    ]));
}

#[test]
fn looking_back() {
    insta::assert_snapshot!(check(&[
        (
            THU,
            "Last year's results were weak, and profit in the previous year was higher."
        ),
        (THU, "It was the worst drought in two decades."),
        (THU, "Ten-year Treasury yields hit a 10-year high."),
    ]));
}

#[test]
fn web_dates_and_clock_zones() {
    insta::assert_snapshot!(check(&[
        (
            "2024-10-18",
            "Published 2024-10-18. The report was released on 2024-10-17."
        ),
        ("2023-10-09", "The quake struck at 11:11 am local time."),
        (THU, "Markets open at 0800 GMT."),
        (THU, "The president will speak at 3 p.m. ET on Friday."),
    ]));
}
