//! Golden tests: each sentence that holds figures, with carets under every figure and its
//! values, measure, subject, place and hedges on the line below.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;

use tally_core::{Document, DocumentMeta, Extractor, Figure};
use tally_figures::FigureExtractor;

fn value(v: Option<f64>) -> String {
    v.map_or("-".to_owned(), |x| format!("{x}"))
}

fn label(f: &Figure) -> String {
    let mut out = format!(
        "{} [{}, {}, {}]",
        f.id,
        value(f.low),
        value(f.best),
        value(f.high)
    );
    if let Some(u) = &f.unit {
        let _ = write!(out, " {u}");
    }
    if f.approx {
        out.push_str(" approx");
    }
    if f.open_high {
        out.push_str(" open_high");
    }
    let _ = write!(out, " {}", f.measure.as_str());
    if let Some(n) = &f.noun {
        let _ = write!(out, " ({n})");
    }
    if let Some(s) = &f.subject {
        let _ = write!(out, " subject={:?}", s.span.text);
    }
    if let Some(p) = &f.place {
        let _ = write!(out, " place={:?}", p.span.text);
    }
    if !f.hedges.is_empty() {
        let _ = write!(out, " hedges={:?}", f.hedges);
    }
    out
}

/// Every sentence with figures, each followed by one caret line per figure.
fn render(doc: &Document) -> String {
    let mut out = String::new();
    for s in &doc.sentences {
        let figures: Vec<&Figure> = doc
            .figures
            .iter()
            .filter(|f| f.span.start >= s.start && f.span.end <= s.end)
            .collect();
        if figures.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{}", s.text);
        for f in figures {
            let pad = doc.body[s.start..f.span.start].chars().count();
            let width = f.span.text.chars().count().max(1);
            let _ = writeln!(out, "{}{} {}", " ".repeat(pad), "^".repeat(width), label(f));
        }
    }
    out
}

fn run(paragraphs: &[&str], extractor: &FigureExtractor) -> String {
    let mut doc = Document::new(DocumentMeta::default(), paragraphs);
    tally_text::Segmenter.run(&mut doc).unwrap();
    extractor.run(&mut doc).unwrap();
    render(&doc)
}

#[test]
fn seed_article() {
    let path = std::path::Path::new("../../../shared/seeds/000_03ebcc81c39aff76.txt");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let options = tally_ingest::IngestOptions::default();
    let mut doc = tally_ingest::read(path, &options)
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    tally_text::Segmenter.run(&mut doc).unwrap();
    FigureExtractor::new().unwrap().run(&mut doc).unwrap();
    // The seed's years and days are not figures.
    for f in &doc.figures {
        assert!(
            !["2022", "2024", "18"].contains(&f.raw.as_str()),
            "{}",
            f.raw
        );
    }
    insta::assert_snapshot!("seed", render(&doc));
}

#[test]
fn hard_cases() {
    let extractor = FigureExtractor::new().unwrap();
    let text = run(
        &[
            "More than 1,000 people were killed and between 500 and 700 wounded, officials said.",
            "The death toll rose to at least 40 on Tuesday, according to preliminary figures.",
            "Police said about 300 protesters were detained and nearly 200 were injured.",
            "Tens of thousands of residents have fled, and hundreds of thousands more are displaced.",
            "Russia lost several thousand troops in Bakhmut, a British intelligence estimate said.",
            "The fund raised $5.6bn, €2 million and 420 million Swiss francs; shares fell 3 percent.",
            "A dozen soldiers and two thirds of the convoy were captured near Kherson.",
            "Up to 3,000 refugees crossed the border; fewer than 10 reportedly remain missing.",
            "The 45-year-old, aged 45, arrived at 10:30 on December 18, 2024, in a 737 after 3 days.",
            "No. 2 on page 3 of Resolution 2231: one of the officials called 555-123-4567.",
            "The index fell 340 points, or 2.4%, and prices rose from 12 to 40 cents.",
        ],
        &extractor,
    );
    insta::assert_snapshot!("hard_cases", text);
}

#[test]
fn acled_convention() {
    let extractor = FigureExtractor::with_conventions("acled").unwrap();
    let text = run(
        &[
            "Dozens were killed and hundreds wounded; tens of thousands fled.",
            "More than 1,000 died, between 500 and 700 were wounded and up to 3,000 are missing.",
        ],
        &extractor,
    );
    insta::assert_snapshot!("acled", text);
}

/// Issue 4 follow-up: killed and wounded together are casualties; the participle after
/// "had been" decides the measure and the names before the head noun say whose; a clause
/// subject with a participle phrase; places in the attribution frame are not the figure's;
/// participles are no counted nouns; model numbers are no figures; all-caps wire copy.
#[test]
fn follow_up_cases() {
    let extractor = FigureExtractor::new().unwrap();
    let text = run(
        &[
            "North Korean troops fighting for Russia in the Kursk region have suffered more than 1,000 casualties in the past week, Ukraine's military intelligence agency said on Monday.",
            "\"Over the past week alone, the enemy lost at least 1,000 men killed and wounded,\" agency spokesman Petro Hnatenko told reporters in Kyiv, adding that nearly 200 of them had been killed.",
            "\"We assess several hundred killed or wounded so far,\" the official said.",
            "About 1,100 North Korean soldiers have been killed or wounded fighting Ukrainian forces in Russia's Kursk region, South Korea's military said.",
            "A European diplomat said between 500 and 700 North Korean soldiers had been wounded since the fighting began.",
            "Officials in Moscow said 40 people died and 12 were injured.",
            "The army said in Kyiv that 12 soldiers were killed in fighting near Bakhmut.",
            "Russian forces in the Donetsk region have lost 200 tanks, and 300 armoured vehicles were destroyed, the ministry said.",
            "The airline grounded their 737 airliner and the 747 fleet, but its 140 jets and the 5000 mark were unaffected.",
            "Dozens of civilians were killed or injured, and 42,500 displaced people remain in camps.",
            "MEANWHILE, THREE SUBVERSIVES WERE KILLED AND SEVEN OTHERS WERE WOUNDED DURING CLASHES YESTERDAY IN USULUTAN.",
            "SAN SALVADOR, 3 JAN 90 -- ABOUT 50 PEASANTS HAVE BEEN KIDNAPPED IN SAN MIGUEL DEPARTMENT.",
        ],
        &extractor,
    );
    insta::assert_snapshot!("follow_up", text);
}

/// Real-news follow-up: wire earnings tables and amounts that borrow their unit or noun from
/// a label or from the amount they are compared with (carry.rs); "Nine mths" heads a period.
#[test]
fn wire_tables_and_carried_units() {
    let extractor = FigureExtractor::new().unwrap();
    let text = run(
        &[
            "Shr 13 cts vs 17",
            "Net 553,000 vs 728,000",
            "Revs 6.9 mln vs 7.5 mln",
            "Nine mths",
            "Avg shrs 16.1 mln vs 14.8 mln",
            "The loss reflects a pretax loss of 45.0 mln and 55.5 mln stg.",
            "Argentina's needs come to 3.53 billion dlrs, including the 2.15 billion from banks.",
            "It produced 2,578 U.S. cars in March, down from 5,922 in the same 1986 month.",
            "Soyoil futures were up 0.11 to 0.15 cent per lb.",
            "The index fell 2.4 pct, and output rose from 12 in May.",
            "Consumer price index rose to 112.4 from 111.9.",
        ],
        &extractor,
    );
    insta::assert_snapshot!("wire_tables", text);
}

/// Reuters' other dollars: the country before "dlrs" names the currency.
#[test]
fn wire_dollars() {
    let extractor = FigureExtractor::new().unwrap();
    let text = run(
        &[
            "Placing 89 mln shares at 5.10 H.K. Dlrs each raised 454 mln Canadian dlrs.",
            "It paid 12 Australian dlrs, 3 N.Z. dlrs and 1.5 mln U.S. dlrs.",
        ],
        &extractor,
    );
    insta::assert_snapshot!("wire_dollars", text);
}

/// Adverbs and a relative "who" between a figure and its participle, an adverb inside the
/// noun phrase, and "the arrest of" as a toll head (MUC-3 style copy).
#[test]
fn participles_after_adverbs() {
    let extractor = FigureExtractor::new().unwrap();
    let text = run(
        &[
            "FOUR SUSTAINED MINOR INJURIES, WHILE THREE WERE SOMEWHAT SERIOUSLY WOUNDED.",
            "THEY MUST KNOW WHERE THE SEVEN WHO WERE WOUNDED ARE.",
            "TWENTY HEAVILY ARMED TRAFFICKERS WERE ARRESTED.",
            "O GLOBO CITES THE ARREST OF SIX MILITARY POLICEMEN.",
            "Two or three are critically wounded, and 12 heavily armed men fled.",
        ],
        &extractor,
    );
    insta::assert_snapshot!("participles", text);
}

/// Fixed expressions after "in" are no place in capitals, and a stake "in" a company is no
/// place either.
#[test]
fn no_place_in_idioms_and_holdings() {
    let extractor = FigureExtractor::new().unwrap();
    let text = run(
        &[
            "IN FACT, WE DISCUSSED FIVE TOPICS IN ALL.",
            "WE ARRESTED TWO MEN IN PARACAS.",
            "O GLOBO CITES SIX POLICEMEN CAUGHT IN THE ACT IN CAMPO GRANDE.",
            "DaimlerChrysler has sold 80.1% of its stake in Chrysler, and 5% of its interest in BMW.",
        ],
        &extractor,
    );
    insta::assert_snapshot!("no_place_idioms", text);
}

/// A capitalized plural right after the amount is the counted noun when no common noun
/// follows ("100 Americans", "two Hispanics"); a table's next row label is not.
#[test]
fn capitalized_plurals() {
    let extractor = FigureExtractor::new().unwrap();
    let text = run(
        &[
            "Lazar admitted to victimizing about 100 Americans over 14 months.",
            "At least 20 Palestinians were killed, and two Hispanics are running for president.",
            "Over 30 of Philippines' 483 creditor banks have yet to sign; one Sanders supporter, tweeting a link.",
            "Domestic Use 9.70 9.60 Exports 2.80 3.00",
            "One Tweet Sums Up The Absurd Double Standard",
        ],
        &extractor,
    );
    insta::assert_snapshot!("capitalized_plurals", text);
}

/// "About" before a range keeps both ends and marks the figure approximate.
#[test]
fn approximate_ranges() {
    let extractor = FigureExtractor::new().unwrap();
    let text = run(
        &[
            "He succeeded only about 8 to 10 percent of the time.",
            "Only a small number of packages, about 2,000 to 3,000, were dispensed.",
        ],
        &extractor,
    );
    insta::assert_snapshot!("approximate_ranges", text);
}

/// A toll's head before a phrase ("the death toll in Gaza has surpassed 40,000") and a
/// counted noun before an "of" phrase ("14 members of his family were killed"); a clause
/// inside the phrase and a singular noun do not count.
#[test]
fn tolls_across_phrases() {
    let extractor = FigureExtractor::new().unwrap();
    let text = run(
        &[
            "The death toll in Gaza has surpassed 40,000, the ministry said.",
            "The death toll from the earthquakes in western Afghanistan rose to more than 2,100.",
            "The number of troops killed since the ground offensive began rose to 329.",
            "Casualties among civilians climbed to 300, and 2,053 people had been confirmed dead.",
            "Fourteen members of his family were killed, and one leg of the table is missing.",
            "His father's death from a heart attack when he was 12 changed him.",
            "Two soldiers died, bringing the number of troops killed since the offensive began to 329.",
            "He took the children of the victims to 12 cities.",
            "Six hostages were killed, three detainees died and two prisoners were released.",
            "Some estimates put the death toll as high as 150,000.",
            "The death toll from a magnitude 7.1 earthquake that struck eastern Turkey on Monday rose to 312 on Wednesday.",
            "The death from a heart attack that he suffered at 40 shocked them, and sales rose to 312.",
        ],
        &extractor,
    );
    insta::assert_snapshot!("tolls_across_phrases", text);
}

/// A part of a whole counts the whole's noun, and the verb after the phrase is said of the
/// part ("300 of the 500 passengers were killed"); a reduced relative describes the whole
/// ("one of 26 people killed").
#[test]
fn parts_of_wholes() {
    let extractor = FigureExtractor::new().unwrap();
    let text = run(
        &[
            "The UN estimates that 1.9 million of Gaza's 2.3 million people have been displaced.",
            "At least 300 of the 500 passengers were killed.",
            "She was one of 26 people killed in the shooting.",
            "They said 8.6 billion of the 30 billion franc revenues would go to debt.",
        ],
        &extractor,
    );
    insta::assert_snapshot!("parts_of_wholes", text);
}

/// A fraction word is a share of a whole (unit `fraction`), "a third" before a noun is an
/// ordinal, no figure ("a third term", "a fourth quarter"), and "plus or minus 3" is a
/// tolerance of 3, not minus 3.
#[test]
fn shares_and_ordinals() {
    let extractor = FigureExtractor::new().unwrap();
    let text = run(
        &[
            "Women and children make up around half of the dead, and two-thirds of the wounded.",
            "He will not seek a third term, and the company took a fourth quarter charge.",
            "About a third believed he should resign, a quarter point above last year.",
            "The poll has a margin of error of plus or minus 3 percentage points; it fell to minus 5.",
        ],
        &extractor,
    );
    insta::assert_snapshot!("shares_and_ordinals", text);
}

/// "more" between an amount and its noun adds to an earlier figure ("two more people were
/// killed"); figures coordinated after a verb of harm share it ("killing two students and
/// two teachers"), unless the later one has a noun or verb of its own; the subject of a verb
/// of harm did the harm and is no subject of the figure (the names before its noun are).
#[test]
fn increments_and_coordinated_harm() {
    let extractor = FigureExtractor::new().unwrap();
    let text = run(
        &[
            "Officials reported four deaths, and two more people were killed in the county.",
            "A student opened fire, killing two students and two teachers and wounding nine others.",
            "The strike killed 12 soldiers, three civilians and destroyed 40 homes.",
            "The storm caused four deaths and two injuries; it killed two people and 300 homes were destroyed.",
            "Russia launched 120 missiles overnight, killing at least seven people, and its strikes wounded 12 Ukrainian soldiers.",
            "North Korean forces have suffered several hundred casualties, and Russia has lost 600,000 troops.",
            "In the Odesa region, two employees of the energy company DTEK died, the company said.",
            "Two people were killed and six others were wounded, including two children.",
            "Strikes killed at least 40 people across the Gaza Strip overnight and into Sunday, including 14 children.",
            "In the southern city of Mykolaiv, two people were killed, but the Bank of Spain lent 40 million.",
        ],
        &extractor,
    );
    insta::assert_snapshot!("increments_and_coordinated_harm", text);
}

/// An amount before "last year" or "next month" is a figure dated by them, not a duration
/// ("2,500 last year"), and a compared amount a clause away counts the same thing ("have
/// died or gone missing so far this year, compared with 2,500").
#[test]
fn amounts_before_a_time_and_far_partners() {
    let extractor = FigureExtractor::new().unwrap();
    let text = run(
        &[
            "Sales fell to 38,500 from around 40,000 last year; it expects 500 next month.",
            "More than 1,700 migrants have died or gone missing so far this year, compared with 2,500 in all of 2023.",
            "It rained for two straight days and six last nights, the clashes began at 2200 last night.",
        ],
        &extractor,
    );
    insta::assert_snapshot!("amounts_before_a_time_and_far_partners", text);
}

/// A verb of harm before a figure names who did the harm (`agent`), never the subject: the
/// subject is who suffered it, here no one named.
#[test]
fn the_agent_of_a_verb_of_harm() {
    let extractor = FigureExtractor::new().unwrap();
    let mut doc = Document::new(
        DocumentMeta::default(),
        [
            "Russian drones and missiles struck Kharkiv overnight, killing at least 12 people.",
            "Chadian troops overran the garrison with the loss of more than 700 Libyan troops.",
            "The war began when Hamas-led militants stormed into southern Israel, killing some 1,200 people.",
            "Paramilitary fighters shelled a camp, killing at least 47 people, including nine children.",
        ],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    extractor.run(&mut doc).unwrap();
    let got: Vec<_> = doc
        .figures
        .iter()
        .map(|f| {
            (
                f.raw.as_str(),
                f.subject.as_ref().map(|a| a.span.text.as_str()),
                f.agent.as_ref().map(|a| a.span.text.as_str()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("12", None, Some("Russian drones and missiles")),
            ("700", Some("Libyan troops"), None),
            ("1,200", None, Some("Hamas-led militants")),
            ("47", None, Some("Paramilitary fighters")),
            ("nine", None, Some("Paramilitary fighters")),
        ]
    );
}

/// Tolls given by a modal and a verb, a status after "listed as", a bare amount that repeats
/// the verb before it by ellipsis, and a name joined by a hyphen that is no place.
#[test]
fn modern_toll_phrasings() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "modern_toll_phrasings",
        run(
            &[
                "The USGS estimated that the death toll could exceed 10,000.",
                "Sixteen people were listed as missing.",
                "The office said 16 people had died in the Eaton Fire near Altadena and eight in the Palisades Fire.",
                "More than 50,000 Palestinians have been killed in the Israel-Hamas war.",
                "The plant made 16 tons in May and eight in June.",
            ],
            &extractor
        )
    );
}

/// A hedge belongs to the figure's own clause: not to a figure before a clause opened by
/// "and officials warned that" or "though", nor a modifier that bounds a later amount; a
/// speech verb that frames the sentence ("..., the survey estimated") still hedges it.
#[test]
fn hedges_stay_in_their_clause() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "hedges_stay_in_their_clause",
        run(
            &[
                "The death toll rose to 24 and officials warned that the number was likely to grow.",
                "More than 24,000 people have been killed, according to ACLED, though activists say the toll is likely far higher.",
                "Between 300 and 500 trucks entered each day, far more than the dozens allowed before.",
                "OPEC produced 1.8 mln bpd below its ceiling because of pipeline problems, the survey estimated.",
                "An estimated 200 people were killed, likely by shelling.",
                "The war has killed at least 20,000 people, though the real figure is likely far higher, and driven about 13 million from their homes.",
            ],
            &extractor
        )
    );
}

/// "About" and "around" hedge only a figure that follows them: elsewhere they are
/// prepositions ("concerns about the debt", "around the world").
#[test]
fn prepositions_are_not_hedges() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "prepositions_are_not_hedges",
        run(
            &[
                "Moody's cited concerns about the nation's growing $36 trillion debt pile.",
                "Workers traded claims about the impact of last year's 25% raise, which lifted the minimum from $16.",
                "Japan is running around a 80 billion dlr trade surplus with the United States.",
                "The fund, which invests around the world, lost about 3% in May.",
                "It holds options to purchase about an additional 16 pct of the stock.",
            ],
            &extractor
        )
    );
}

/// An aside of a higher guess between commas ("dozens, perhaps hundreds, of people") leaves
/// both amounts counting the noun after it.
#[test]
fn asides_of_alternatives_share_the_noun() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "asides_of_alternatives_share_the_noun",
        run(
            &[
                "Dozens, perhaps hundreds, of people were killed in the blast, officials said.",
                "The storm left hundreds, if not thousands, of families homeless.",
                "Revenue rose to $5 million, of which $2 million came from Asia.",
                "Thousands, or even tens of thousands, of residents fled.",
                "It sold 789, or about a quarter, of its stores.",
            ],
            &extractor
        )
    );
}

/// A part of a possessed whole counts the whole's noun, not its owner: "300 of the
/// company's 5,000 employees".
#[test]
fn a_part_of_an_owned_whole() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "a_part_of_an_owned_whole",
        run(
            &[
                "Twenty-three of the train's 112 cars left the tracks near the village.",
                "About 300 of the company's 5,000 employees were laid off on Monday.",
                "The virus spread to 12 of the country's 18 states last year.",
            ],
            &extractor
        )
    );
}

/// People forced or driven from their homes are displaced.
#[test]
fn displacement_phrases() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "displacement_phrases",
        run(
            &[
                "More than 13 million people have been forced from their homes.",
                "Some 40,000 residents were forced to flee as the fire spread.",
                "About 2,000 families have been driven from their homes by the fighting.",
                "Three ministers were forced to resign.",
            ],
            &extractor
        )
    );
}

/// The named object of an attack verb is the place of the harm done in its clause.
#[test]
fn attack_objects_are_places() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "attack_objects_are_places",
        run(
            &[
                "Russian drones and missiles struck Kharkiv overnight, killing at least 12 people.",
                "Israeli jets pounded the city of Rafah on Tuesday, killing 20 people.",
                "Missiles hit Ukrainian cities, killing nine.",
                "The storm hit Tesla's factory, which employs 3,000 workers.",
            ],
            &extractor
        )
    );
}

/// A speech verb after the figure frames it only when it closes its clause ("..., the
/// survey estimated", "estimated by private sources", "estimated to be held abroad"); one
/// that takes a complement of its own estimates something else ("and analysts estimated
/// that more cuts could follow", "after it estimated a flat position").
#[test]
fn speech_verbs_with_a_complement_hedge_nothing_before() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "speech_verbs_with_a_complement_hedge_nothing_before",
        run(
            &[
                "The company said it would cut 1,200 jobs, and analysts estimated that more cuts could follow.",
                "The surplus was 150 million pounds after it estimated a flat position earlier.",
                "Output was 9.6 million tonnes, the ministry estimated on Tuesday.",
                "Some of the $30 billion estimated to be held abroad may return.",
                "The harvest was 12.4 million tonnes estimated by private sources.",
            ],
            &extractor
        )
    );
}

/// ", and" before a determiner opens a clause with a subject of its own: a figure after it
/// is not the first clause's subject's ("Turnout was 68.9%, and the party won 34.5%"); a
/// place before it still holds, and a list's last name opens no clause.
#[test]
fn determined_subjects_after_and() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "determined_subjects_after_and",
        run(
            &[
                "Turnout was 68.9%, and the party won 34.5% of the vote and 80 of the 200 seats.",
                "Twelve people were killed in Gaza, and the toll rose to 40.",
                "Exports to Japan, China, and the United States rose 12%.",
            ],
            &extractor
        )
    );
}

/// A distance per hour is a speed: "185 miles per hour" is 185 mph, "298 km an hour" km/h;
/// a distance before anything else stays a distance.
#[test]
fn speeds_per_hour() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "speeds_per_hour",
        run(
            &[
                "Melissa had sustained winds of 185 miles per hour (298 km an hour).",
                "The convoy drove 40 miles a day.",
            ],
            &extractor
        )
    );
}

/// "one in five adults" is one share (0.2, a fraction), not the counts 1 and 5; a ratio
/// whose second number is a duration or a year is left alone.
#[test]
fn ratios_are_shares() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "ratios_are_shares",
        run(
            &[
                "One in five adults in Britain now skips meals, a survey showed.",
                "Nearly one in 10 voters were undecided, and nine out of 10 doctors agreed.",
                "About 1 in every 4 homes was damaged; one in three children live in poverty.",
                "He scored one in 2024 and won 5 in 10 days; 12 in 3 districts were hurt.",
            ],
            &extractor
        )
    );
}

/// Numbered places and things are names: "Hospital No 17" (British style, no period),
/// "Gate 3", "Flight 370".
#[test]
fn numbered_names_are_not_figures() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "numbered_names_are_not_figures",
        run(
            &[
                "Patients at Hospital No 17 were evacuated, and No 10 Downing Street said 40 were hurt.",
                "Gate 3 was closed and Flight 370 was carrying 239 people.",
                "There were no 17 soldiers there.",
            ],
            &extractor
        )
    );
}

/// "another 128", "up from eight", "bringing the total to 12,500" with no noun count what
/// the sentence's earlier figure counts, with the measure of their own verb ("wounding"),
/// else the earlier one's.
#[test]
fn added_amounts_take_the_earlier_noun() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "added_amounts_take_the_earlier_noun",
        run(
            &[
                "The attack killed 12 people and wounded another 128, officials said.",
                "The strike killed 5 soldiers and injured a further 20.",
                "Floods destroyed 300 homes and damaged another 1,200.",
                "Another 40 were missing.",
                "Officials said 19 people had been confirmed dead, up from eight on Wednesday.",
                "The army said 1,140 soldiers were killed in a day, bringing the total to 12,500.",
            ],
            &extractor
        )
    );
}

/// The verb after an aside between commas ("169 people, including 93 children, had died")
/// counts the figure; "forced 30,000 people to evacuate" displaces them; "sentenced five
/// people to death" kills nobody; "82 of them" is a part of the earlier count.
#[test]
fn asides_displacement_and_death_sentences() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "asides_displacement_and_death_sentences",
        run(
            &[
                "The ministry said 169 people, including 93 children, had died of malnutrition.",
                "The fire forced some 30,000 people to evacuate.",
                "A court sentenced five people to death for the attack.",
                "The attackers stabbed three people to death.",
                "The ministry said 169 people had died since the war began, 82 of them in May.",
            ],
            &extractor
        )
    );
}

/// Round 6 modern copy: ages in pairs and ranges, the halves of a period, a second day of a
/// month, hyphenated size classes are no figures; basis points, metric tons and millimetres
/// are units; "killing all five", and a toll whose phrase holds a number ("the death toll
/// from 20 months of war had risen to 55,432") keep their measure.
#[test]
fn modern_round_six() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "modern_round_six",
        run(
            &[
                "The dead included three children aged between 2 and 11, and two teenagers, aged 17 and 19.",
                "Spending must fall by 1.5 billion euros in the second half of the year, but half of it is fixed.",
                "The committee meets on Sept. 18 and 19 in a nine-story building; at least one lane will remain open.",
                "Yields fell 62 basis points after it shipped 4,300 metric tons, with 150 millimetres of rain.",
                "The helicopter crashed, killing all five crew members.",
                "The overall death toll from 20 months of war had risen to 55,432.",
            ],
            &extractor
        )
    );
}

/// A part of a possessed whole counts the whole's noun: "two of its soldiers were killed",
/// "25 of its stores".
#[test]
fn a_part_of_a_possessed_whole() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "a_part_of_a_possessed_whole",
        run(
            &[
                "The military said two of its soldiers were killed by militants in Rafah.",
                "The retailer will close 25 of its stores and sell a quarter of her shares.",
            ],
            &extractor
        )
    );
}

/// Bare three digits between an amount and its noun name a model ("50 737 jets"), and a
/// text that groups thousands with commas does not group them with spaces.
#[test]
fn model_numbers_between_an_amount_and_its_noun() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "model_numbers_between_an_amount_and_its_noun",
        run(
            &[
                "Boeing delivered 1,200 planes last year but fewer than 50 737 jets in March.",
                "The carrier ordered three 787 Dreamliners.",
                "On March 3 200 people marched, and in 2022 100 people died.",
                "The bank sold three 200 mln crown tranches.",
            ],
            &extractor
        )
    );
}

/// Care in hospital counts the wounded only where the sentence names no illness.
#[test]
fn hospitalized_by_illness_is_not_wounded() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "hospitalized_by_illness_is_not_wounded",
        run(
            &[
                "About 40 people had been hospitalized with measles, officials said.",
                "Half of the 45 patients had to be hospitalized for food poisoning.",
                "The blast injured 20 people, of whom 17 were hospitalized with burns.",
                "Twelve people were hospitalized after the crash.",
            ],
            &extractor
        )
    );
}

/// A bare shared currency word is the currency of the place the sentence names, else of
/// the dateline's; a qualified one keeps its own.
#[test]
fn shared_currency_words_take_the_local_currency() {
    let extractor = FigureExtractor::new().unwrap();
    let render_units = |paragraphs: &[&str]| {
        let mut doc = Document::new(DocumentMeta::default(), paragraphs);
        tally_text::Segmenter.run(&mut doc).unwrap();
        extractor.run(&mut doc).unwrap();
        doc.figures
            .iter()
            .map(|f| format!("{} {}", f.span.text, f.unit.as_deref().unwrap_or("-")))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        render_units(&[
            "ISLAMABAD (Reuters) - The government will borrow 500 billion rupees.",
            "India's budget of 20 billion rupees and 3 billion Indian rupees.",
        ]),
        [
            "500 billion rupees PKR",
            "20 billion rupees INR",
            "3 billion Indian rupees INR"
        ]
    );
    assert_eq!(
        render_units(&["Rice cost 50 pesos in Manila. In Mexico it cost 90 pesos."]),
        ["50 pesos PHP", "90 pesos MXN"]
    );
    // Round 18: francs by place, and currencies of South Asia and Africa by name.
    assert_eq!(
        render_units(&[
            "GOMA, Congo (AFP) - Each family will get 1 million francs.",
            "A ticket cost 15,000 Congolese francs; losses reached 6.88 billion taka.",
        ]),
        [
            "1 million francs CDF",
            "15,000 Congolese francs CDF",
            "6.88 billion taka BDT"
        ]
    );
    // Stop 27: pounds in Egypt, Lebanon, Syria and Sudan; sterling in London.
    assert_eq!(
        render_units(&[
            "KHARTOUM (Reuters) - The budget adds 2.88 billion pounds for debt service.",
            "Syria will spend 24.2 billion pounds. London pledged 3 billion pounds.",
        ]),
        [
            "2.88 billion pounds SDG",
            "24.2 billion pounds SYP",
            "3 billion pounds GBP"
        ]
    );
}

/// Round 8: after "of them" / "of whom" only a plural noun is counted; otherwise the part
/// takes the earlier count's noun. A year after its month, or after "in" before a verb of
/// harm, is no count.
#[test]
fn parts_of_them_name_a_plural_or_nothing() {
    let extractor = FigureExtractor::new().unwrap();
    insta::assert_snapshot!(
        "parts_of_them_name_a_plural_or_nothing",
        run(
            &[
                "Gunmen killed six Jesuits, five of them Spaniards.",
                "Jets struck three oil rigs, setting at least one of them ablaze.",
                "The syndicate has 93 members, 17 of them foreign.",
                "Police arrested 921 people, 2 of whom face charges.",
                "Earthquakes in February 2023 killed 53,000 people, and floods in 2022 killed 1,700.",
            ],
            &extractor
        )
    );
}

/// Round 9: a lowercase word that locates a place stands between "in" and its name ("in
/// neighbouring Syria", "in eastern Ukraine"); the place right after a figure is its own,
/// not one named earlier in the sentence.
#[test]
fn located_places() {
    let extractor = FigureExtractor::new().unwrap();
    let text = run(
        &[
            "The quakes killed more than 53,000 people in Turkey and about 6,000 in neighbouring Syria.",
            "Shelling killed 12 people in eastern Ukraine.",
            "Sales rose 5% in northern markets.",
        ],
        &extractor,
    );
    insta::assert_snapshot!("located_places", text);
}

/// Round 18: a verb of a bound opening the amount ends the search for its label: "sales
/// topped 5,000" counts cars, not money; "Net about 553,000" still borrows money.
#[test]
fn a_bound_verb_is_no_label_link() {
    let extractor = FigureExtractor::new().unwrap();
    let measures = |text: &str| {
        let mut doc = Document::new(DocumentMeta::default(), [text]);
        tally_text::Segmenter.run(&mut doc).unwrap();
        extractor.run(&mut doc).unwrap();
        doc.figures
            .iter()
            .map(|f| format!("{} {:?}", f.span.text, f.measure))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        measures("It sold 5,059 cars, the first month in which sales topped 5,000."),
        ["5,059 Other", "topped 5,000 Other"]
    );
    assert_eq!(
        measures("Assets rose to 58.30 billion dlrs, the highest since assets topped 61 billion."),
        ["58.30 billion dlrs Money", "topped 61 billion Money"]
    );
    assert_eq!(
        measures("The loss was 4.1 mln dlrs. Net 553,000 vs 728,000."),
        ["4.1 mln dlrs Money", "553,000 Money", "728,000 Money"]
    );
}

/// Modern news, round 19: a toll that "it" stands for, and a second value of its verb; an
/// exchange rate priced in the currency named before it (the story's place for a shared
/// name); "a fourth" before a singular verb is one more of things, not a share.
#[test]
fn pronoun_tolls_rates_and_ordinals() {
    let extractor = FigureExtractor::new().unwrap();
    let text = run(
        &[
            "On Thursday officials had put the toll at 12 dead. By Friday evening it had climbed to 34, and on Saturday to 55.",
            "The company said it had climbed to 34.",
            "Officials warned that the toll could climb into the hundreds or even thousands.",
            "The rupee was little changed at 87.45 per dollar, and the yen closed at 151.53 to the dollar.",
            "MANILA, June 2 - The peso, currently pegged at 20.50 to the dollar, may fall.",
            "Gold rose to 2,000 per ounce. Analysts saw 1.36 per euro.",
            "Three payments were made and a fourth is due next year. A third say they do not know, and a third of voters agree.",
        ],
        &extractor,
    );
    insta::assert_snapshot!("pronoun_tolls_rates_ordinals", text);
}
