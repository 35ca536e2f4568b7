//! Timeline flags: what counts as a contradiction and as a revision (the rule is in
//! `timeline.rs`'s module doc). Each case is a few one-sentence stories and the flags
//! expected between their estimates, named by their wording.
#![allow(clippy::unwrap_used)]

mod common;

use common::{doc, words};
use tally_core::{
    Argument, Claim, ClaimKind, Claimant, ClaimantKind, Document, Figure, Measure, SaidAt,
    SaidAtBasis, Span,
};
use tally_store::{Flag, Prepared, Store, Timeline, TimelineQuery};

/// A figure in a story: its words, range, and the subject and place phrases with the
/// entity each is linked to, if any.
#[derive(Clone, Copy)]
struct Fig {
    raw: &'static str,
    low: f64,
    high: Option<f64>,
    subject: Option<(&'static str, Option<&'static str>)>,
    place: Option<(&'static str, Option<&'static str>)>,
    unit: Option<&'static str>,
    /// The counted noun ("casualties" unless [`Fig::counting`] says otherwise).
    noun: Option<&'static str>,
}

const fn fig(raw: &'static str, low: f64, high: f64) -> Fig {
    Fig {
        raw,
        low,
        high: Some(high),
        subject: None,
        place: None,
        unit: None,
        noun: Some("casualties"),
    }
}

impl Fig {
    const fn about(self, subject: &'static str, entity: Option<&'static str>) -> Fig {
        Fig {
            subject: Some((subject, entity)),
            ..self
        }
    }
    const fn at(self, place: &'static str, entity: Option<&'static str>) -> Fig {
        Fig {
            place: Some((place, entity)),
            ..self
        }
    }
    const fn counting(self, noun: Option<&'static str>) -> Fig {
        Fig { noun, ..self }
    }
    const fn in_unit(self, unit: &'static str) -> Fig {
        Fig {
            unit: Some(unit),
            ..self
        }
    }
}

fn span(doc: &Document, needle: &str) -> Span {
    let start = doc.body.find(needle).unwrap();
    doc.span(start, start + needle.len()).unwrap()
}

/// One story: `claimant` says `sentence` on `date`; one claim carries every figure.
fn story(n: u64, claimant: &str, date: &str, sentence: &str, figures: &[Fig]) -> Document {
    let filler = words(200, 1000 + n);
    let mut d = doc(
        &format!("https://outlet{n}.example/story"),
        &format!("Outlet {n}"),
        None,
        date,
        &[sentence, &filler],
    );
    let mut ids = Vec::new();
    for f in figures {
        let id = format!("F{}", d.figures.len() + 1);
        let arg = |(text, entity): (&str, Option<&str>)| Argument {
            span: span(&d, text),
            entity_id: entity.map(str::to_owned),
        };
        let figure = Figure {
            id: id.clone(),
            span: span(&d, f.raw),
            raw: f.raw.to_owned(),
            low: Some(f.low),
            best: None,
            high: f.high,
            unit: f.unit.map(str::to_owned),
            approx: false,
            open_low: false,
            open_high: f.high.is_none(),
            measure: Measure::Casualties,
            noun: f.noun.map(str::to_owned),
            subject: f.subject.map(arg),
            subject_inherited: false,
            agent: None,
            place: f.place.map(arg),
            hedges: vec![],
            convention: "default".to_owned(),
        };
        d.figures.push(figure);
        ids.push(id);
    }
    let evidence = span(&d, sentence);
    d.claims.push(Claim {
        id: "C1".to_owned(),
        document_id: d.id.clone(),
        claimant: Claimant {
            kind: ClaimantKind::Speaker,
            speaker_id: Some("S1".to_owned()),
            name: claimant.to_owned(),
            anonymous: false,
        },
        kind: ClaimKind::Indirect,
        cue: None,
        said_at: Some(SaidAt {
            date: date.to_owned(),
            basis: SaidAtBasis::PublicationDate,
            time_id: None,
        }),
        about_times: vec![],
        evidence: vec![evidence.clone()],
        content: evidence.text,
        figures: ids,
        entities: vec![],
        conditions: vec![],
        attributions: vec![],
        rules: vec![],
    });
    d
}

/// The `casualties` timeline of `stories` stored together.
fn casualties(stories: Vec<Document>) -> Timeline {
    let mut store = Store::open_in_memory().unwrap();
    let prepared: Vec<Prepared> = stories.into_iter().map(Prepared::new).collect();
    store.write(&prepared, &[]).unwrap();
    store
        .timeline(&TimelineQuery {
            measure: "casualties".to_owned(),
            ..TimelineQuery::default()
        })
        .unwrap()
}

/// Every flag of the `casualties` timeline as (wording, flag, other wording), sorted.
fn flags(stories: Vec<Document>) -> Vec<(String, &'static str, String)> {
    let t = casualties(stories);
    let mut out = Vec::new();
    for e in &t.estimates {
        for f in &e.flags {
            let (kind, other) = match f {
                Flag::Contradiction { with } => ("contradicts", *with),
                Flag::Revision { of } => ("revises", *of),
            };
            out.push((e.raw.clone(), kind, t.estimates[other].raw.clone()));
        }
    }
    out.sort();
    out
}

fn pairs(expected: &[(&str, &'static str, &str)]) -> Vec<(String, &'static str, String)> {
    let mut v: Vec<_> = expected
        .iter()
        .map(|(a, k, b)| ((*a).to_owned(), *k, (*b).to_owned()))
        .collect();
    v.sort();
    v
}

#[test]
fn estimates_with_neither_subject_nor_place_are_never_flagged_across_stories() {
    // Two unrelated stories on the same day: a bus crash and a flood.
    let got = flags(vec![
        story(
            1,
            "police",
            "2024-05-02",
            "Police said 12 died.",
            &[fig("12", 12.0, 12.0)],
        ),
        story(
            2,
            "the governor",
            "2024-05-02",
            "The governor said 4,000 were hurt.",
            &[fig("4,000", 4000.0, 4000.0)],
        ),
    ]);
    assert_eq!(got, pairs(&[]));
}

#[test]
fn the_same_subject_and_place_contradict_across_claimants_within_the_window() {
    let got = flags(vec![
        story(
            1,
            "a U.S. official",
            "2024-12-17",
            "North Korean forces lost several hundred in Kursk.",
            &[fig("several hundred", 300.0, 900.0)
                .about("North Korean forces", Some("KP"))
                .at("Kursk", Some("place:kursk"))],
        ),
        story(
            2,
            "Ukraine's intelligence",
            "2024-12-20",
            "North Korean troops lost 3,000 in Kursk.",
            &[fig("3,000", 3000.0, 3000.0)
                .about("North Korean troops", Some("KP"))
                .at("Kursk", Some("place:kursk"))],
        ),
        // Eight days after the first: outside the seven-day window for it, inside for
        // the second.
        story(
            3,
            "the ministry",
            "2024-12-25",
            "North Korean soldiers lost 50 in Kursk.",
            &[fig("50", 50.0, 50.0)
                .about("North Korean soldiers", Some("KP"))
                .at("Kursk", Some("place:kursk"))],
        ),
    ]);
    assert_eq!(
        got,
        pairs(&[
            ("several hundred", "contradicts", "3,000"),
            ("3,000", "contradicts", "several hundred"),
            ("3,000", "contradicts", "50"),
            ("50", "contradicts", "3,000"),
        ])
    );
}

#[test]
fn different_subjects_or_places_do_not_contradict() {
    let got = flags(vec![
        story(
            1,
            "Kyiv",
            "2024-12-17",
            "Russian forces lost 900 in Kursk.",
            &[fig("900", 900.0, 900.0)
                .about("Russian forces", Some("RU"))
                .at("Kursk", Some("place:kursk"))],
        ),
        // Another subject in the same place.
        story(
            2,
            "Moscow",
            "2024-12-17",
            "Ukrainian forces lost 40 in Kursk.",
            &[fig("40", 40.0, 40.0)
                .about("Ukrainian forces", Some("UA"))
                .at("Kursk", Some("place:kursk"))],
        ),
        // The first subject in another place.
        story(
            3,
            "analysts",
            "2024-12-18",
            "Russian forces lost 20,000 in Donetsk.",
            &[fig("20,000", 20000.0, 20000.0)
                .about("Russian forces", Some("RU"))
                .at("Donetsk", Some("place:donetsk"))],
        ),
    ]);
    assert_eq!(got, pairs(&[]));
}

#[test]
fn an_unknown_side_does_not_block_a_shared_subject_or_place() {
    let got = flags(vec![
        // Subject known, place unknown on one side: the subject is shared.
        story(
            1,
            "a U.S. official",
            "2024-12-17",
            "North Korean forces lost several hundred.",
            &[fig("several hundred", 300.0, 900.0).about("North Korean forces", Some("KP"))],
        ),
        story(
            2,
            "Kyiv",
            "2024-12-18",
            "North Korean troops lost 3,000 in Kursk.",
            &[fig("3,000", 3000.0, 3000.0)
                .about("North Korean troops", Some("KP"))
                .at("Kursk", Some("place:kursk"))],
        ),
        // A place shared by words with the linked place above, no subject entity: the
        // unlinked subject phrase is not evidence of anything, the place is.
        story(
            3,
            "the governor",
            "2024-12-18",
            "The fighters lost 10 in kursk.",
            &[fig("10", 10.0, 10.0)
                .about("The fighters", None)
                .at("kursk", None)],
        ),
    ]);
    assert_eq!(
        got,
        pairs(&[
            ("several hundred", "contradicts", "3,000"),
            ("3,000", "contradicts", "several hundred"),
            ("3,000", "contradicts", "10"),
            ("10", "contradicts", "3,000"),
        ])
    );
}

#[test]
fn different_units_and_figures_of_one_claim_do_not_contradict() {
    let got = flags(vec![
        story(
            1,
            "the ministry",
            "2024-03-01",
            "Aid to Ukraine reached 5 billion in dollars.",
            &[fig("5 billion", 5e9, 5e9)
                .about("Ukraine", Some("UA"))
                .in_unit("USD")],
        ),
        story(
            2,
            "the commission",
            "2024-03-01",
            "Aid to Ukraine reached 50 billion in euros.",
            &[fig("50 billion", 5e10, 5e10)
                .about("Ukraine", Some("UA"))
                .in_unit("EUR")],
        ),
        // One statement with this month's figure and last month's.
        story(
            3,
            "Kyiv",
            "2024-03-02",
            "Ukraine counted 120, up from 15.",
            &[
                fig("120", 120.0, 120.0).about("Ukraine", Some("UA")),
                fig("15", 15.0, 15.0).about("Ukraine", Some("UA")),
            ],
        ),
    ]);
    assert_eq!(got, pairs(&[]));
}

#[test]
fn a_claimants_later_different_figure_is_a_revision_not_a_contradiction() {
    let got = flags(vec![
        story(
            1,
            "a senior U.S. official",
            "2024-12-17",
            "North Korean forces lost several hundred in Kursk.",
            &[fig("several hundred", 300.0, 900.0)
                .about("North Korean forces", Some("KP"))
                .at("Kursk", Some("place:kursk"))],
        ),
        // Same claimant (spacing and case aside), two days later, within the window.
        story(
            2,
            "A senior  U.S. official",
            "2024-12-19",
            "North Korean forces lost 1,000 to 1,200 in Kursk.",
            &[fig("1,000 to 1,200", 1000.0, 1200.0)
                .about("North Korean forces", Some("KP"))
                .at("Kursk", Some("place:kursk"))],
        ),
        // The same claimant about another place: neither a revision of the above nor
        // anything else.
        story(
            3,
            "a senior U.S. official",
            "2024-12-21",
            "North Korean forces lost 30 in Belgorod.",
            &[fig("30", 30.0, 30.0)
                .about("North Korean forces", Some("KP"))
                .at("Belgorod", Some("place:belgorod"))],
        ),
        // The same claimant repeating the revised figure: no new revision.
        story(
            4,
            "a senior U.S. official",
            "2025-01-09",
            "North Korean forces lost 1,000 to 1,200 in Kursk, again.",
            &[fig("1,000 to 1,200", 1000.0, 1200.0)
                .about("North Korean forces", Some("KP"))
                .at("Kursk", Some("place:kursk"))],
        ),
    ]);
    assert_eq!(
        got,
        pairs(&[("1,000 to 1,200", "revises", "several hundred")])
    );
}

#[test]
fn revisions_need_the_same_subject_and_place_known() {
    let got = flags(vec![
        story(
            1,
            "police",
            "2024-05-02",
            "Police said 12 died.",
            &[fig("12", 12.0, 12.0)],
        ),
        story(
            2,
            "police",
            "2024-05-20",
            "Police said 30 died.",
            &[fig("30", 30.0, 30.0)],
        ),
        story(
            3,
            "police",
            "2024-05-21",
            "Police said 7 died in Lima.",
            &[fig("7", 7.0, 7.0).at("Lima", None)],
        ),
        story(
            4,
            "police",
            "2024-05-22",
            "Police said 9 died in Lima.",
            &[fig("9", 9.0, 9.0).at("Lima", None)],
        ),
    ]);
    assert_eq!(got, pairs(&[("9", "revises", "7")]));
}

#[test]
fn within_one_story_two_claimants_figures_contradict_unless_said_of_another_subject() {
    let sentence = "Officials counted several hundred; Hnatenko said at least 1,000; \
                    the 40 dead were civilians.";
    let mut one = story(
        1,
        "a U.S. official",
        "2024-12-24",
        sentence,
        &[fig("several hundred", 300.0, 900.0)],
    );
    // A second claim in the same document, by another claimant: one figure with no subject
    // or place, one said of civilians.
    let other = story(
        1,
        "Petro Hnatenko",
        "2024-12-24",
        sentence,
        &[
            Fig {
                high: None,
                ..fig("at least 1,000", 1000.0, 0.0)
            },
            fig("40", 40.0, 40.0).about("civilians", None),
        ],
    );
    let mut claim = other.claims[0].clone();
    claim.id = "C2".to_owned();
    claim.claimant.speaker_id = Some("S2".to_owned());
    claim.figures = vec!["F2".to_owned(), "F3".to_owned()];
    for (i, mut f) in other.figures.into_iter().enumerate() {
        f.id = format!("F{}", i + 2);
        one.figures.push(f);
    }
    one.claims.push(claim);
    // The same words in another outlet's different story: not compared.
    let elsewhere = story(
        2,
        "the governor",
        "2024-12-24",
        "The governor said 5 were hurt.",
        &[fig("5", 5.0, 5.0)],
    );
    let got = flags(vec![one, elsewhere]);
    assert_eq!(
        got,
        pairs(&[
            ("several hundred", "contradicts", "at least 1,000"),
            ("at least 1,000", "contradicts", "several hundred"),
        ])
    );
}

/// A count far below another in the same story is a part of its toll, not a rival
/// estimate: "14 members of his family" in a quake that killed more than 2,100.
#[test]
fn within_one_story_a_count_far_below_the_toll_does_not_contradict_it() {
    let sentence = "A spokesman said more than 2,100 died; a survivor said 14 of his family died.";
    let one = story(
        1,
        "a spokesman",
        "2023-10-09",
        sentence,
        &[Fig {
            high: None,
            ..fig("more than 2,100", 2100.0, 0.0)
        }],
    );
    let other = story(
        1,
        "Gul Ahmad",
        "2023-10-09",
        sentence,
        &[fig("14", 14.0, 14.0)],
    );
    assert_eq!(flags(vec![second_claim(one, other)]), pairs(&[]));
}

/// `one` with the claim of `other` (the same story told by a second claimant) as its second
/// claim, with figure `F2`.
fn second_claim(mut one: Document, other: Document) -> Document {
    let mut claim = other.claims[0].clone();
    claim.id = "C2".to_owned();
    claim.claimant.speaker_id = Some("S2".to_owned());
    claim.figures = vec!["F2".to_owned()];
    for mut f in other.figures {
        f.id = "F2".to_owned();
        one.figures.push(f);
    }
    one.claims.push(claim);
    one
}

/// The parts of one story stay parts when a shared subject anchors them (the story's
/// subject is often inherited by all its loss figures): "hundreds" killed in renewed
/// strikes against a war's "more than 50,000" Palestinians.
#[test]
fn within_one_story_a_part_with_the_same_subject_does_not_contradict_the_toll() {
    let sentence =
        "More than 50,000 Palestinians died, the ministry said; strikes killed hundreds.";
    let one = story(
        1,
        "the ministry",
        "2025-03-23",
        sentence,
        &[Fig {
            high: None,
            ..fig("More than 50,000", 50000.0, 0.0).about("Palestinians", Some("PS"))
        }],
    );
    let other = story(
        1,
        "AP",
        "2025-03-23",
        sentence,
        &[fig("hundreds", 200.0, 999.0).about("Palestinians", Some("PS"))],
    );
    assert_eq!(flags(vec![second_claim(one, other)]), pairs(&[]));
}

/// In one story, a lower count that alone has a place is the toll of that place, a part of
/// the story's toll: "at least 16" statewide and "four" in Volusia County do not contradict.
#[test]
fn within_one_story_a_placed_count_below_the_toll_is_a_part_of_it() {
    let sentence =
        "Officials said at least 16 died; a spokeswoman said four died in Volusia County.";
    let one = story(
        1,
        "officials",
        "2024-10-10",
        sentence,
        &[Fig {
            high: None,
            ..fig("at least 16", 16.0, 0.0)
        }],
    );
    let other = story(
        1,
        "a spokeswoman",
        "2024-10-10",
        sentence,
        &[fig("four", 4.0, 4.0).at("in Volusia County", Some("local:E1"))],
    );
    assert_eq!(flags(vec![second_claim(one, other)]), pairs(&[]));
}

/// In one story, a count of another counted noun is a part of the toll: "killing at least 47
/// people, including nine children" and another source's "31 people" do not make "nine"
/// contradict "31" (case-folded: "People" is "people"), while "47" and "31" people do, as
/// do "47 people" and "31 dead" (both name the whole toll), and so does a count without a
/// noun. Across stories the noun changes nothing.
#[test]
fn within_one_story_a_count_of_another_noun_is_a_part_of_the_toll() {
    let sentence = "Fighters killed at least 47 people, including nine children, activists \
                    said; the network said 31 People were killed; the toll is 20.";
    let activists = story(
        1,
        "local activists",
        "2025-11-01",
        sentence,
        &[
            fig("at least 47", 47.0, 47.0).counting(Some("people")),
            fig("nine", 9.0, 9.0).counting(Some("children")),
        ],
    );
    let mut one = second_claim(
        activists.clone(),
        story(
            1,
            "the network",
            "2025-11-01",
            sentence,
            &[fig("31", 31.0, 31.0).counting(Some("People"))],
        ),
    );
    // `second_claim` names the added figure F2: the activists' two are F1 and F2 here.
    one.figures[2].id = "F3".to_owned();
    one.claims[1].figures = vec!["F3".to_owned()];
    assert_eq!(
        flags(vec![one.clone()]),
        pairs(&[
            ("31", "contradicts", "at least 47"),
            ("at least 47", "contradicts", "31"),
        ])
    );
    let expected = flags(vec![one.clone()]);
    for toll in ["persons", "dead", "victims"] {
        let mut other = one.clone();
        other.figures[2].noun = Some(toll.to_owned());
        assert_eq!(flags(vec![other]), expected, "{toll}");
    }
    // A third claim's count without a noun contradicts every count it is within scope of.
    let mut bare = one.clone();
    let mut claim = bare.claims[1].clone();
    claim.id = "C3".to_owned();
    claim.claimant.name = "officials".to_owned();
    claim.claimant.speaker_id = Some("S3".to_owned());
    claim.figures = vec!["F4".to_owned()];
    let mut twenty = bare.figures[2].clone();
    twenty.id = "F4".to_owned();
    let start = bare.body.find("20.").unwrap();
    twenty.span = bare.span(start, start + 2).unwrap();
    twenty.raw = "20".to_owned();
    twenty.low = Some(20.0);
    twenty.high = Some(20.0);
    twenty.noun = None;
    bare.figures.push(twenty);
    bare.claims.push(claim);
    assert_eq!(
        flags(vec![bare]),
        pairs(&[
            ("20", "contradicts", "31"),
            ("20", "contradicts", "at least 47"),
            ("20", "contradicts", "nine"),
            ("31", "contradicts", "20"),
            ("31", "contradicts", "at least 47"),
            ("at least 47", "contradicts", "20"),
            ("at least 47", "contradicts", "31"),
            ("nine", "contradicts", "20"),
        ])
    );
    // Two stories: nothing makes them one toll, and the noun does not decide anything.
    let other = story(
        2,
        "the network",
        "2025-11-01",
        "The network said 31 people were killed in the attack on the camp in El Fasher.",
        &[fig("31", 31.0, 31.0)
            .counting(Some("people"))
            .at("in El Fasher", Some("place:sd-fsh"))],
    );
    let placed = story(
        3,
        "local activists",
        "2025-11-01",
        "Activists said nine children were killed in the attack on the camp in El Fasher.",
        &[fig("nine", 9.0, 9.0)
            .counting(Some("children"))
            .at("in El Fasher", Some("place:sd-fsh"))],
    );
    assert_eq!(
        flags(vec![other, placed]),
        pairs(&[("31", "contradicts", "nine"), ("nine", "contradicts", "31")])
    );
}

/// Each estimate says what it counts, as written (not its comparison key), in JSON too;
/// a figure that names nothing counted has none.
#[test]
fn an_estimate_carries_its_counted_noun() {
    let toll = story(
        1,
        "local activists",
        "2025-11-01",
        "Fighters killed at least 47 People, including nine children; the toll is 50.",
        &[
            fig("at least 47", 47.0, 47.0).counting(Some("People")),
            fig("nine", 9.0, 9.0).counting(Some("children")),
            fig("50", 50.0, 50.0).counting(None),
        ],
    );
    let t = casualties(vec![toll]);
    let mut nouns: Vec<(&str, Option<&str>)> = t
        .estimates
        .iter()
        .map(|e| (e.raw.as_str(), e.noun.as_deref()))
        .collect();
    nouns.sort_unstable();
    assert_eq!(
        nouns,
        [
            ("50", None),
            ("at least 47", Some("People")),
            ("nine", Some("children"))
        ]
    );
    let json = serde_json::to_value(&t).unwrap();
    for (e, json) in t
        .estimates
        .iter()
        .zip(json["estimates"].as_array().unwrap())
    {
        assert_eq!(json["noun"], serde_json::json!(e.noun), "{json}");
    }
}

/// Each carrier is named by its outlet (looked up once per outlet, not joined per figure).
#[test]
fn carriers_are_named_by_their_outlets() {
    let stories: Vec<Document> = (1..=3)
        .map(|n| {
            story(
                n,
                "officials",
                &format!("2025-11-0{n}"),
                &format!("Officials said {n}0 people were killed."),
                &[fig(
                    &*format!("{n}0").leak(),
                    n as f64 * 10.0,
                    n as f64 * 10.0,
                )],
            )
        })
        .collect();
    let t = casualties(stories);
    let outlets: Vec<Option<&str>> = t
        .estimates
        .iter()
        .flat_map(|e| e.carriers.iter().map(|c| c.publisher.as_deref()))
        .collect();
    assert_eq!(
        outlets,
        [Some("Outlet 1"), Some("Outlet 2"), Some("Outlet 3")]
    );
}

/// A statement dated by a week ("said last week": `2024-W50`) sorts at that week's Monday,
/// not after every day of the year as the text "2024-W50" would.
#[test]
fn a_week_sorts_among_days() {
    let mut late = story(
        1,
        "ministry",
        "2024-12-31",
        "The ministry said 40 died.",
        &[fig("40", 40.0, 40.0)],
    );
    let mut week = story(
        2,
        "police",
        "2024-12-31",
        "Police said 12 died.",
        &[fig("12", 12.0, 12.0)],
    );
    if let Some(at) = week.claims[0].said_at.as_mut() {
        at.date = "2024-W50".to_owned();
    }
    late.claims[0].said_at.as_mut().unwrap().date = "2024-12-20".to_owned();
    let t = casualties(vec![late, week]);
    let order: Vec<(&str, Option<&str>)> = t
        .estimates
        .iter()
        .map(|e| (e.raw.as_str(), e.date.as_deref()))
        .collect();
    assert_eq!(
        order,
        [("12", Some("2024-12-09")), ("40", Some("2024-12-20"))]
    );
}

/// One story per said-at value (at most nine), each with its own figure ("1", "2", ...), published
/// 2016-12-31, and the `casualties` timeline of them all (at most `limit` estimates) as
/// (figure, date).
fn dated_by(said: &[&str], limit: usize) -> Vec<(String, String)> {
    const RAWS: [&str; 9] = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];
    let stories = said.iter().zip(RAWS).enumerate().map(|(i, (date, raw))| {
        let sentence = format!("Officials said {raw} died.");
        let mut d = story(
            i as u64,
            "officials",
            "2016-12-31",
            &sentence,
            &[fig(raw, 1.0, 1.0)],
        );
        d.claims[0].said_at.as_mut().unwrap().date = (*date).to_owned();
        Prepared::new(d)
    });
    let prepared: Vec<Prepared> = stories.collect();
    let mut store = Store::open_in_memory().unwrap();
    store.write(&prepared, &[]).unwrap();
    let query = TimelineQuery {
        measure: "casualties".to_owned(),
        limit,
        ..TimelineQuery::default()
    };
    let t = store.timeline(&query).unwrap();
    t.estimates
        .into_iter()
        .map(|e| (e.raw, e.date.unwrap_or_default()))
        .collect()
}

/// Months, quarters, years, a weekend and a time of day come by the first day they cover,
/// then the last (a day before its month, a quarter before its year), then the text; as
/// text "2016-Q1" would sort after every day of 2016 and "2016" before all of them.
/// Values that name no known days come after the dated ones.
#[test]
fn mixed_granularities_sort_by_their_first_then_last_day() {
    let said = [
        "2016-03-19",
        "2016-Q1",
        "XXXX-03",
        "2016-03",
        "2016-W11-WE",
        "2016-02-29T10:00",
        "2016",
        "2016-03-01",
        "2015-WI",
    ];
    let dates: Vec<String> = dated_by(&said, 100).into_iter().map(|(_, d)| d).collect();
    assert_eq!(
        dates,
        [
            "2015-WI",
            "2016-Q1",
            "2016",
            "2016-02-29T10:00",
            "2016-03-01",
            "2016-03",
            "2016-03-19",
            "2016-W11-WE",
            "XXXX-03",
        ]
    );
}

/// A timeline longer than its limit keeps the earliest estimates by day, not by text.
#[test]
fn the_limit_keeps_the_earliest_days() {
    let said = ["2016-03", "2016-Q1", "2016-01-05", "2016"];
    let dates: Vec<String> = dated_by(&said, 2).into_iter().map(|(_, d)| d).collect();
    assert_eq!(dates, ["2016-Q1", "2016"]);
    let dates: Vec<String> = dated_by(&said, 3).into_iter().map(|(_, d)| d).collect();
    assert_eq!(dates, ["2016-Q1", "2016", "2016-01-05"]);
}

/// `doc` said at `date` (a TIMEX3 value), published on 2016-12-31.
fn said_at(mut doc: Document, date: &str) -> Document {
    doc.claims[0].said_at.as_mut().unwrap().date = date.to_owned();
    doc
}

/// A Kursk story of North Korean losses: `claimant` says `raw` (`low` to `high`) at `date`.
fn kursk(n: u64, claimant: &str, date: &str, raw: &'static str, low: f64, high: f64) -> Document {
    let sentence = format!("North Korean forces lost {raw} in Kursk.");
    let figure = fig(raw, low, high)
        .about("North Korean forces", Some("KP"))
        .at("Kursk", Some("place:kursk"));
    said_at(story(n, claimant, "2016-12-31", &sentence, &[figure]), date)
}

/// A month overlaps each of its days, and is within the window of a day a few days after
/// it ends; a year months before is not, and a decade is never flagged.
#[test]
fn coarse_dates_contradict_by_the_days_they_cover() {
    let got = flags(vec![
        kursk(
            1,
            "a U.S. official",
            "2016-03",
            "several hundred",
            300.0,
            900.0,
        ),
        kursk(
            2,
            "Ukraine's intelligence",
            "2016-03-14",
            "3,000",
            3000.0,
            3000.0,
        ),
        // Five days after March ends, 22 after the 14th.
        kursk(3, "the ministry", "2016-04-05", "50", 50.0, 50.0),
        kursk(4, "a think tank", "2015", "10,000", 10_000.0, 10_000.0),
        kursk(5, "a blogger", "201X", "1", 1.0, 1.0),
    ]);
    assert_eq!(
        got,
        pairs(&[
            ("several hundred", "contradicts", "3,000"),
            ("3,000", "contradicts", "several hundred"),
            ("several hundred", "contradicts", "50"),
            ("50", "contradicts", "several hundred"),
        ])
    );
}

/// A claimant's day inside a month it spoke of earlier is not later than it, so not a
/// revision; a quarter after that day is, and a day after the quarter has ended too.
#[test]
fn coarse_dates_revise_only_what_they_follow() {
    let official = "a U.S. official";
    let got = flags(vec![
        kursk(1, official, "2016-03", "several hundred", 300.0, 900.0),
        kursk(2, official, "2016-03-14", "1,000 to 1,200", 1000.0, 1200.0),
        kursk(3, official, "2016-Q2", "2,000", 2000.0, 2000.0),
        kursk(4, official, "2016-07-02", "2,500", 2500.0, 2500.0),
    ]);
    assert_eq!(
        got,
        pairs(&[
            ("2,000", "revises", "1,000 to 1,200"),
            ("2,500", "revises", "2,000"),
        ])
    );
}

/// `local:E3` is the third entity of one document: two stories' `local:E3` are compared by
/// their phrases, so two unrelated companies are not one subject and one company is.
#[test]
fn document_local_entities_are_compared_across_stories_by_their_phrase() {
    let company = |n: u64, claimant: &str, name: &'static str, raw: &'static str, v: f64| {
        let sentence = format!("{name} lost {raw} in the blast.");
        story(
            n,
            claimant,
            "2016-03-14",
            &sentence,
            &[fig(raw, v, v).about(name, Some("local:E3"))],
        )
    };
    let got = flags(vec![
        company(1, "the police", "Acme Chemicals", "12", 12.0),
        company(2, "the union", "Borealis Mining", "40", 40.0),
        company(3, "the mayor", "Acme  chemicals", "30", 30.0),
    ]);
    assert_eq!(
        got,
        pairs(&[("12", "contradicts", "30"), ("30", "contradicts", "12")])
    );
}
