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

/// Months, weekdays and quarters without a year in business and conflict copy, resolved by
/// the tense of their clause (round 4). Known misses kept visible: "the quarter ending in
/// January" is also read as the current quarter; "which votes in October" (a present form
/// that is also a noun) is not read as ahead.
#[test]
fn clause_tense_of_months_weekdays_and_quarters() {
    insta::assert_snapshot!(check(&[
        (
            "2025-09-10",
            "Oracle expects revenue for the quarter ending in January to rise 8%."
        ),
        ("2025-03-10", "The company will report results on Thursday."),
        (
            "2025-05-20",
            "The vote had been scheduled for March but was postponed."
        ),
        ("2025-01-13", "The agreement is set to expire in June."),
        ("2024-11-13", "The hearing was postponed until April."),
        (
            "2025-03-13",
            "The ceasefire that took effect on Sunday has largely held."
        ),
        (
            "2025-03-13",
            "The talks, due to resume on Tuesday, were called off."
        ),
        (
            "2025-01-16",
            "Retail sales in December rose 0.4%, the Commerce Department said."
        ),
        (
            "2025-03-30",
            "The Fed is widely expected to cut rates in September."
        ),
        (
            "2024-11-13",
            "The agency will publish its findings in a report due in May."
        ),
        (
            "2025-10-01",
            "Under a deal signed in February, the two countries agreed to share the fields."
        ),
        (
            "2025-02-10",
            "The election, held in November, returned the ruling party to power."
        ),
        ("2025-07-13", "Prices have fallen 12% since January."),
        ("2024-10-15", "The company aims to close the deal by March."),
        (
            "2025-06-30",
            "Traffic is expected to be heavy ahead of the July 4 holiday."
        ),
        (
            "2025-02-20",
            "The strike that began on Sept. 13 has halted production at three plants."
        ),
        ("2024-12-13", "Shipments are planned in May, June and July."),
        (
            "2025-04-05",
            "Exports fell in October, November and December."
        ),
        (
            "2025-02-20",
            "The central bank raised rates in December and held them in January."
        ),
        (
            "2025-03-13",
            "Inflation slowed to 2.4% in February from 2.9% in January."
        ),
        (
            "2025-03-13",
            "The company, which reports earnings on Wednesday, declined to comment."
        ),
        (
            "2025-09-20",
            "Lawmakers must pass a spending bill before the Oct. 1 deadline."
        ),
        (
            "2025-03-13",
            "The ceasefire collapsed on Tuesday after rockets were fired."
        ),
        ("2024-12-13", "The central bank meets again in June."),
        (
            "2024-11-13",
            "The minister is scheduled to visit Beijing in April."
        ),
        (
            "2025-05-30",
            "Analysts polled by Reuters had forecast growth of 0.3% for the fourth quarter."
        ),
        (
            "2025-03-13",
            "The company expects to return to profit in the third quarter."
        ),
        (
            "2025-04-24",
            "Sales in the first quarter rose 5%, the company said on Tuesday."
        ),
        (
            "2025-03-13",
            "The plant, which opened in October, employs 1,200 people."
        ),
        (
            "2025-03-10",
            "The rebels launched an offensive in late November."
        ),
        (
            "2025-03-13",
            "Negotiators are to meet again on Monday in Geneva."
        ),
        ("2025-01-13", "The new tariffs take effect on June 2."),
        (
            "2025-01-05",
            "The bank left rates unchanged in July and signaled two cuts next year."
        ),
        (
            "2025-07-05",
            "The company said it would lay off 500 workers starting in January."
        ),
        (
            "2025-03-13",
            "The court will hear arguments in the case in October."
        ),
        (
            "2025-03-13",
            "The contract, which runs until December, could be extended."
        ),
        (
            "2025-03-20",
            "The airline suspended flights to Tel Aviv until Sept. 30."
        ),
        (
            "2025-03-13",
            "Voting begins on Saturday and results are expected by Monday."
        ),
        (
            "2025-03-13",
            "The measure passed the House in January and now goes to the Senate, which votes in October."
        ),
        (
            "2025-02-10",
            "The company posted a loss for the quarter that ended in September."
        ),
        (
            "2025-04-01",
            "The Bank of England cut rates in August and is expected to hold them in November."
        ),
        (
            "2025-02-03",
            "Hamas released four hostages on Saturday under the truce, which began on Jan. 19."
        ),
        ("2025-03-13", "The annual meeting is on Sept. 14."),
        (
            "2025-01-20",
            "The ban, announced in June, will take effect in July."
        ),
        (
            "2025-03-13",
            "Shares have risen 30% since the company's listing in September."
        ),
        (
            "2025-01-10",
            "The railway has been closed since the strike began on Aug. 2."
        ),
        (
            "2025-03-13",
            "Officials said the bridge would reopen in August."
        ),
        (
            "2025-03-13",
            "The drug is expected to win approval in September."
        ),
        ("2025-03-13", "Peace talks are slated for October in Doha."),
        (
            "2025-03-13",
            "Brent crude fell to its lowest since September on Wednesday."
        ),
        ("2025-03-13", "The company has until Oct. 31 to respond."),
        (
            "2025-03-13",
            "Opec+ agreed in December to delay output increases until April."
        ),
        (
            "2025-03-13",
            "The government plans to hold a referendum in October."
        ),
        (
            "2025-08-13",
            "The IPO, which had been planned for March, was shelved."
        ),
        (
            "2025-03-13",
            "Layoffs announced in October will be completed by June."
        ),
    ]));
}

/// Trade in months ahead: the delivery month of a contract or a shipment is the nearest,
/// ahead on a tie, whatever the clause says ("Cocoa for May delivery was off").
#[test]
fn delivery_months() {
    insta::assert_snapshot!(check(&[
        ("2025-03-13", "Cocoa for May delivery was off $9 a tonne."),
        ("2025-03-13", "Brent crude for November delivery fell 2%."),
        (
            "2025-03-13",
            "Traders bought wheat for June to August shipment."
        ),
        (
            "2025-04-20",
            "March shipments rose 3%, and wheat for March shipment was offered."
        ),
        ("2025-03-13", "Qtr ends Jan 31"),
        ("2025-03-13", "The vote did not begin until March."),
        ("2025-03-13", "The plan failed to meet in March."),
    ]));
}

/// More clauses of business and conflict copy (round 4, second batch). Known miss kept
/// visible: "before cutting again in March" in a story of November is last March.
#[test]
fn clause_tense_second_batch() {
    insta::assert_snapshot!(check(&[
        (
            "2025-03-13",
            "Israel and Hamas agreed to a truce that began on Jan. 19 and expired on March 1."
        ),
        (
            "2025-03-13",
            "The Kremlin said Putin would meet Trump in April."
        ),
        (
            "2025-03-13",
            "The company said in January it would cut 1,000 jobs by June."
        ),
        (
            "2025-03-13",
            "Fighting has intensified since the army launched an offensive in October."
        ),
        (
            "2025-03-13",
            "The unemployment rate rose to 4.1% in February, up from 4.0% in January."
        ),
        (
            "2025-11-20",
            "Analysts expect the Fed to pause in December before cutting again in March."
        ),
        (
            "2025-03-13",
            "The strike, which started on Monday, has shut 40 ports."
        ),
        ("2025-03-13", "The results are due on Tuesday."),
        (
            "2025-03-13",
            "Parliament is due to vote on the bill in November."
        ),
        (
            "2025-03-13",
            "Talks broke down in December and have not resumed."
        ),
        (
            "2025-03-13",
            "The embargo, imposed in August, remains in force."
        ),
        (
            "2025-03-13",
            "The company reported a 12% rise in sales in the December quarter."
        ),
        (
            "2025-03-13",
            "It will be the first rate cut since September."
        ),
        (
            "2025-03-13",
            "The ministry will release the data on Friday, a week later than planned."
        ),
        (
            "2025-03-13",
            "Both sides are to resume negotiations after the Eid holiday in April."
        ),
        ("2025-03-13", "The law comes into force in October."),
        (
            "2025-03-13",
            "The rebels seized the town in November, according to the U.N."
        ),
        (
            "2025-03-13",
            "The aid convoy is expected to arrive on Saturday."
        ),
        (
            "2025-03-13",
            "Shares of the company, which went public in September, fell 4%."
        ),
        (
            "2025-03-13",
            "The deal is expected to close in the second half, pending approval."
        ),
        (
            "2025-03-13",
            "The bank kept its forecast for the year unchanged in October."
        ),
        (
            "2025-03-13",
            "Negotiators hope to reach a deal before the deadline in June."
        ),
        (
            "2025-03-13",
            "The ceasefire is due to expire on Saturday unless extended."
        ),
        ("2025-03-13", "The trial opens in September."),
        (
            "2025-03-13",
            "The offensive that began in August has stalled."
        ),
        (
            "2025-03-13",
            "He has been detained since his arrest on Feb. 2."
        ),
        (
            "2025-03-13",
            "The company warned in November that profit would fall in the first quarter."
        ),
        (
            "2025-03-13",
            "Retail sales for February will be published on Monday."
        ),
        (
            "2025-03-13",
            "The plant is slated to open in the fourth quarter."
        ),
        ("2025-03-13", "The referendum takes place in October."),
    ]));
}

/// A quarter named by its last month ("the December quarter"), as in Australian, New
/// Zealand and technology-company copy; a month that ends no calendar quarter is a fiscal
/// quarter and is left as the month.
#[test]
fn quarters_named_by_their_month() {
    insta::assert_snapshot!(check(&[
        ("2025-03-13", "Sales rose 12% in the December quarter."),
        ("2025-03-13", "Apple expects growth in the June quarter."),
        (
            "2025-03-13",
            "It lost $30 million in the September quarter last year."
        ),
        ("2025-03-13", "Results for the January quarter are due."),
    ]));
}

/// "the quarter" followed by the month it ended in is that calendar quarter, not always the
/// last one complete; a fiscal quarter ("ending in January") stays the quarter reported on.
#[test]
fn the_quarter_ended_in_a_month() {
    insta::assert_snapshot!(check(&[
        (
            "2025-11-10",
            "It posted a loss for the quarter ended June 30."
        ),
        ("2025-05-10", "Profit in the quarter to March fell."),
        (
            "2025-02-10",
            "It expects earnings for the quarter ending March 31 to rise."
        ),
        (
            "2025-09-10",
            "Oracle expects revenue for the quarter ending in January to rise."
        ),
    ]));
}

/// Round 5 (modern news): a verb of plan or expectation further left than the nearest-cue
/// scan reaches still governs its infinitive ("expect the Fed to hold rates steady at its
/// meeting in March"), an expression coordinated with the one before it shares its tense
/// ("... and to resume cutting in June"), and neither reaches past another subject and
/// verb ("bought bills on March 30 and 49 mln for resale April 8"), "due to" (a cause) or
/// "to" before a noun ("identical to that issue in March").
#[test]
fn long_infinitives_and_coordinated_expressions() {
    insta::assert_snapshot!(check(&[
        (
            "2025-02-07",
            "Traders expect the Fed to hold rates steady at its meeting in March and to resume cutting in June."
        ),
        (
            "2025-02-07",
            "The company plans to sell 300 million euros of bonds in two tranches with payment on March 30 or April 8."
        ),
        (
            "2025-02-07",
            "The bank bought 98 million pounds of bills on Jan. 30 and 49 million for resale Feb. 10."
        ),
        (
            "2025-02-07",
            "Output fell 4% from the 651,000 tonnes produced last year, due to a ban on fishing in Chile for the month of November."
        ),
        (
            "2025-02-07",
            "The dialogue began in mid-September and would have continued on 20 and 21 November in Caracas."
        ),
    ]));
}

/// "they expected in March": a pronoun subject makes "expected" past and the month the
/// time of the expecting; "expected in March" as a participle, or with an object or
/// infinitive between, still looks ahead.
#[test]
fn expected_by_a_pronoun_subject() {
    insta::assert_snapshot!(check(&[
        (
            "2025-06-18",
            "Inflation ended at 3%, up from the 2.7% they expected in March."
        ),
        ("2025-06-18", "The deal, expected in March, was delayed."),
        (
            "2025-06-18",
            "He said they expected prices to firm in the third quarter."
        ),
    ]));
}

/// Round 6: an irregular past verb before "through" makes the end of the period past
/// ("fought the blaze through Friday morning" on a Thursday is last Friday); "a first cut in
/// September" is a noun, no past cue (in June, this September); "up 24% from December" is
/// the base of a change, past ("to 22.5 pct from April 7" is not: an effective date); a day
/// just after the publication date in a past clause is the writer's today in another time
/// zone, not last year's.
#[test]
fn past_narrative_and_rate_cut_nouns() {
    insta::assert_snapshot!(check(&[
        (
            "2025-06-26",
            "Firefighters fought the blaze through Friday morning."
        ),
        (
            "2025-06-26",
            "The storm swept across the region through Friday morning."
        ),
        ("2025-06-26", "The curfew will last through Friday morning."),
        ("2025-06-18", "Traders bet on a first cut in September."),
        ("2025-06-18", "The central bank cut rates in September."),
        (
            "2025-07-11",
            "Nearly 1.3 million people are displaced, up 24% from December."
        ),
        ("2025-07-11", "Prices fell to 3.4% from 3.5% in December."),
        (
            "1987-04-02",
            "The bank will raise its rate to 22.5 pct from April 7."
        ),
        (
            "1987-10-19",
            "MANILA, Oct 20 - An explosive device blew up in the Congress building."
        ),
    ]));
}

/// "the fall" of a city or in prices is no season; "than expected" is no look ahead; a
/// period "starting Thursday" starts ahead.
#[test]
fn the_fall_than_expected_and_starting() {
    insta::assert_snapshot!(check(&[
        (
            "2026-03-18",
            "Cheaper airfares had driven the fall, the ONS said."
        ),
        (
            "2025-10-29",
            "The toll from the fall of the city rose to 1,500."
        ),
        ("2026-03-18", "The fall in prices was a surprise."),
        ("2026-06-01", "The campaign will pick up in the fall."),
        (
            "2026-03-18",
            "UK inflation fell more than expected in February."
        ),
        (
            "2024-10-30",
            "Sanchez declared three days of national mourning starting Thursday."
        ),
    ]));
}

/// "the fall" before a noun it modifies or next to another season is the season; "the fall
/// of" a city stays out.
#[test]
fn the_fall_as_a_modifier_or_with_another_season() {
    insta::assert_snapshot!(check(&[
        (
            "2024-11-20",
            "Donors gave less during the fall campaign than in 2020."
        ),
        (
            "2024-11-20",
            "Prices rose through the fall and winter, the agency said."
        ),
        ("2024-11-20", "Sales picked up in the spring and fall."),
        ("2024-11-20", "The fall of the city was a shock."),
    ]));
}

/// A noun of prospect looks ahead with its determiner, whatever the verb before.
#[test]
fn nouns_of_prospect_look_ahead() {
    insta::assert_snapshot!(check(&[
        (
            "2026-03-18",
            "Traders now put the chance of a cut in April at 60%."
        ),
        (
            "2016-05-19",
            "The fight could harm Clinton's chances against Trump in November."
        ),
        (
            "2026-03-18",
            "Sales fell, and the expected rise in February did not come."
        ),
    ]));
}

/// What a court or a body sets for a date is ahead ("set sentencing for March 12").
#[test]
fn set_for_a_date() {
    insta::assert_snapshot!(check(&[
        (
            "2025-11-20",
            "U.S. District Judge Katherine Polk Failla set sentencing for March 12."
        ),
        ("2025-11-20", "The judge set a hearing for Tuesday."),
        ("2025-11-20", "Prices set a record in March."),
    ]));
}

/// A day written with its weekday and no year falls in a year where it is that weekday.
#[test]
fn a_weekday_picks_the_year_of_its_date() {
    insta::assert_snapshot!(check(&[
        (
            "2026-02-22",
            "Arsenal host Bayern in the first leg of their last-16 tie on Wednesday, March 4."
        ),
        ("2026-02-22", "The vote was held on Sunday, Nov. 3."),
    ]));
}

/// "expect the first cut in September" is a cut to come; "up from four in March" compares
/// with an earlier value whatever the clause's tense; "will be down from March 9" is a
/// closing, not a comparison.
#[test]
fn ordinal_rate_cuts_and_values_compared_with_earlier_months() {
    insta::assert_snapshot!(check(&[
        (
            "2025-06-18",
            "Economists expect the first cut in September."
        ),
        (
            "2025-06-18",
            "Traders expect the next rate cut in September."
        ),
        (
            "2025-06-18",
            "Seven officials expect no cuts this year, up from four in March."
        ),
        (
            "2025-06-18",
            "Inflation will reach 3%, up from their forecast of 2.7% in March."
        ),
        (
            "1987-03-04",
            "The plant will be down from March 9 to March 16."
        ),
    ]));
}

/// "post" and "pre" modify a time only joined by a hyphen ("post-1959"): "in an internal
/// post last week", "the Washington Post today" keep the noun out of the span.
#[test]
fn post_and_pre_need_a_hyphen() {
    insta::assert_snapshot!(check(&[
        (
            "2025-01-08",
            "Zuckerberg said in an internal post last week that he had decided."
        ),
        ("2025-01-08", "The Washington Post today reported the plan."),
        (
            "2025-01-08",
            "Prices returned to pre-2020 levels after the post-1959 boom."
        ),
    ]));
}

/// Publication date 2025-01-08 is a Wednesday.
const WED: &str = "2025-01-08";

#[test]
fn overnight_in_a_forecast_and_what_a_forecast_covers() {
    insta::assert_snapshot!(check(&[
        (
            WED,
            "Forecasters said gusts could reach 100 mph in the mountains overnight."
        ),
        (
            WED,
            "Snow will spread across the northern plains and upper Midwest overnight."
        ),
        (
            WED,
            "Russia launched 70 drones at Kyiv overnight, officials said."
        ),
        (WED, "The stage for the rally was set overnight in Asia."),
        (WED, "A sharp overnight fall on Wall Street hit stocks."),
        (WED, "Storms were forecast through Thursday evening."),
        (WED, "Sales rose through Thursday evening."),
    ]));
}

#[test]
fn halves_and_quarters_of_a_game() {
    insta::assert_snapshot!(check(&[
        (WED, "Saka scored twice in the first half."),
        (WED, "Arsenal dominated the second half of the match."),
        (WED, "The Chiefs scored a touchdown in the fourth quarter."),
        (WED, "Profit rose in the first half."),
        (WED, "Sales should recover in the second half of the year."),
    ]));
}

#[test]
fn a_day_days_ahead_in_a_past_clause_is_this_years() {
    insta::assert_snapshot!(check(&[
        (
            "2024-09-05",
            "Kemp said he had ordered flags lowered until sunset on Sept. 10."
        ),
        (
            "2025-02-27",
            "The second phase, meant to begin on March 2, was delayed."
        ),
        ("2025-02-27", "The bank failed on Dec. 15, regulators said."),
        (
            "2025-02-27",
            "The strike ended on March 30, the union said."
        ),
    ]));
}

#[test]
fn a_year_earlier_compares_the_period_reported_on() {
    insta::assert_snapshot!(check(&[
        (
            "2025-04-20",
            "Retail sales rose 0.4% in March from February and were up 3.1% from a year earlier."
        ),
        (
            "2025-03-20",
            "Retail sales rose 1.2% from February a year earlier."
        ),
    ]));
}

#[test]
fn a_morning_clock_after_an_evening_one_is_the_next_day() {
    insta::assert_snapshot!(check(&[
        (
            "2025-07-09",
            "The attack began at about 11 p.m. on Tuesday and lasted until 6:15 a.m."
        ),
        (
            "2025-07-09",
            "Polls opened at 7 a.m. on Tuesday and closed at 8 p.m."
        ),
    ]));
}

#[test]
fn a_morning_clock_after_midnight_stays_on_its_day() {
    insta::assert_snapshot!(check(&[(
        "2025-02-27",
        "The bodies were handed over shortly after midnight and identified by 7 a.m."
    ),]));
}

#[test]
fn a_month_range_runs_forward() {
    insta::assert_snapshot!(check(&[
        (
            "2024-12-24",
            "About 24.6 million people faced acute food insecurity between December and May."
        ),
        (
            "2025-03-02",
            "Flu cases peaked from November to February, officials said."
        ),
    ]));
}

#[test]
fn a_race_time_in_minutes_and_seconds_is_one_duration() {
    insta::assert_snapshot!(check(&[
        (
            "2025-09-15",
            "Gressier won the 10,000m in 28 minutes 55.77 seconds, and Kejelcha was 0.06 behind."
        ),
        (
            "2025-04-21",
            "She won the marathon in 2 hours, 17 minutes and 22 seconds after leading for 90 minutes."
        ),
    ]));
}

#[test]
fn a_deadline_at_least_is_still_ahead() {
    insta::assert_snapshot!(check(&[(
        "2025-07-08",
        "The airport, about 60 km from the volcano, was closed until at least Thursday."
    ),]));
}
