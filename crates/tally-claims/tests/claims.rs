//! Claims built from hand-made layers: each test states the layers an upstream extractor
//! would produce and checks the ledger that comes out.
#![allow(clippy::unwrap_used)]

use tally_claims::ClaimBuilder;
use tally_core::{
    AffiliationBasis, Argument, Attribution, AttributionClass, ClaimKind, ClaimantKind, Document,
    DocumentMeta, Entity, EntityType, Extractor, Figure, Layer, Measure, QuoteKind, SaidAt,
    SaidAtBasis, Span, Speaker,
};

const LEAD: &str = "North Korean forces have suffered \"several hundred\" casualties in Russia's Kursk region, a senior U.S. military official said Tuesday.";
const QUOTE: &str = "\"Several hundred casualties is our latest estimate,\" the official said.";
const REPORTER: &str = "Pyongyang has sent thousands of troops to Russia.";

fn doc(paragraphs: &[&str], agency: Option<&str>) -> Document {
    let meta = DocumentMeta {
        agency: agency.map(str::to_owned),
        publisher: Some("The Moscow Times".into()),
        ..DocumentMeta::default()
    };
    let mut doc = Document::new(meta, paragraphs);
    doc.sentences = doc.paragraphs.clone();
    doc.mark_layer(Layer::Sentences);
    doc.mark_layer(Layer::Attributions);
    doc
}

/// The span of the `nth` occurrence of `text` in the body.
fn span(doc: &Document, text: &str, nth: usize) -> Span {
    let start = doc
        .body
        .match_indices(text)
        .nth(nth)
        .expect("text in body")
        .0;
    doc.span(start, start + text.len()).unwrap()
}

fn figure(
    doc: &Document,
    id: &str,
    raw: &str,
    nth: usize,
    measure: Measure,
    range: (f64, f64),
) -> Figure {
    let span = span(doc, raw, nth);
    Figure {
        id: id.into(),
        raw: span.text.clone(),
        span,
        low: Some(range.0),
        best: None,
        high: Some(range.1),
        unit: None,
        approx: false,
        open_low: false,
        open_high: false,
        measure,
        noun: None,
        subject: None,
        subject_inherited: false,
        agent: None,
        place: None,
        hedges: Vec::new(),
        convention: "default".into(),
    }
}

fn speaker(id: &str, mention: Span, anonymous: bool) -> Speaker {
    Speaker {
        id: id.into(),
        descriptor: Some(mention.text.clone()),
        mentions: vec![mention],
        anonymous,
        ..Speaker::default()
    }
}

fn attribution(
    id: &str,
    kind: QuoteKind,
    cue: Span,
    speaker: Option<&str>,
    content: Span,
    basis: SaidAtBasis,
    date: &str,
) -> Attribution {
    Attribution {
        id: id.into(),
        kind,
        class: AttributionClass::Statement,
        cue_lemma: "say".into(),
        cue,
        source: None,
        speaker_id: speaker.map(str::to_owned),
        content: vec![content],
        within: None,
        said_at: Some(SaidAt {
            date: date.into(),
            basis,
            time_id: None,
        }),
        conditions: Vec::new(),
    }
}

/// Gives `d` one statement ("said") by speaker S1, named by `mention`, with its source
/// span and its content.
fn sourced(d: &mut Document, kind: QuoteKind, mention: &str, source: &str, content: &str) {
    d.speakers = vec![speaker("S1", span(d, mention, 0), false)];
    let mut a = attribution(
        "A1",
        kind,
        span(d, "said", 0),
        Some("S1"),
        span(d, content, 0),
        SaidAtBasis::PublicationDate,
        "2025-05-18",
    );
    a.source = Some(span(d, source, 0));
    d.attributions = vec![a];
}

/// `sentence` with one indirect statement by the named `source` (speaker S1), its claims
/// built.
fn one_statement(sentence: &str, source: &str, cue: &str, content: &str) -> Document {
    let mut d = doc(&[sentence], None);
    d.speakers = vec![speaker("S1", span(&d, source, 0), false)];
    d.attributions = vec![attribution(
        "A1",
        QuoteKind::Indirect,
        span(&d, cue, 0),
        Some("S1"),
        span(&d, content, 0),
        SaidAtBasis::PublicationDate,
        "2025-03-23",
    )];
    ClaimBuilder.run(&mut d).unwrap();
    d
}

/// The seed's lead paraphrase and its later quote, with figures in both.
fn seed_like(agency: Option<&str>) -> Document {
    let mut d = doc(&[LEAD, QUOTE, REPORTER], agency);
    let lead_content = span(
        &d,
        "North Korean forces have suffered \"several hundred\" casualties in Russia's Kursk region",
        0,
    );
    let quote_content = span(
        &d,
        "\"Several hundred casualties is our latest estimate,\"",
        0,
    );
    let mut lead_figure = figure(
        &d,
        "F1",
        "several hundred",
        0,
        Measure::Casualties,
        (300.0, 900.0),
    );
    lead_figure.subject = Some(Argument {
        span: span(&d, "North Korean forces", 0),
        entity_id: None,
    });
    lead_figure.place = Some(Argument {
        span: span(&d, "in Russia's Kursk region", 0),
        entity_id: None,
    });
    let mut quote_figure = figure(
        &d,
        "F2",
        "Several hundred",
        0,
        Measure::Casualties,
        (300.0, 900.0),
    );
    quote_figure.hedges.push("latest estimate".into());
    let troops = figure(&d, "F3", "thousands", 0, Measure::Troops, (2000.0, 9999.0));
    d.figures = vec![lead_figure, quote_figure, troops];
    d.speakers = vec![speaker(
        "S1",
        span(&d, "a senior U.S. military official", 0),
        true,
    )];
    d.attributions = vec![
        attribution(
            "A1",
            QuoteKind::Mixed,
            span(&d, "said", 0),
            Some("S1"),
            lead_content,
            SaidAtBasis::CueModifier,
            "2024-12-17",
        ),
        attribution(
            "A2",
            QuoteKind::Direct,
            span(&d, "said", 1),
            Some("S1"),
            quote_content,
            SaidAtBasis::PublicationDate,
            "2024-12-18",
        ),
    ];
    d.entities = vec![
        Entity {
            id: "KP".into(),
            kind: EntityType::Country,
            name: "North Korea".into(),
            mentions: vec![span(&d, "North Korean", 0), span(&d, "Pyongyang", 0)],
            parent: None,
        },
        Entity {
            id: "RU".into(),
            kind: EntityType::Country,
            name: "Russia".into(),
            mentions: vec![span(&d, "Russia", 0)],
            parent: None,
        },
        Entity {
            id: "place:ru-krs".into(),
            kind: EntityType::Place,
            name: "Kursk".into(),
            mentions: vec![span(&d, "Kursk", 0)],
            parent: Some("RU".into()),
        },
    ];
    d
}

#[test]
fn paraphrase_and_later_quote_with_the_same_figure_are_one_claim() {
    let mut d = seed_like(Some("AFP"));
    ClaimBuilder.run(&mut d).unwrap();
    let speaker_claims: Vec<_> = d
        .claims
        .iter()
        .filter(|c| c.kind != ClaimKind::Reporter)
        .collect();
    assert_eq!(speaker_claims.len(), 1);
    let claim = speaker_claims[0];
    assert_eq!(claim.kind, ClaimKind::Mixed);
    assert_eq!(claim.evidence.len(), 2);
    assert_eq!(claim.attributions, ["A1", "A2"]);
    assert_eq!(claim.figures, ["F1", "F2"]);
    assert_eq!(
        claim.said_at.as_ref().unwrap().date,
        "2024-12-17",
        "the date read from the text wins"
    );
    assert!(
        claim
            .rules
            .iter()
            .any(|r| r.contains("overlapping casualties figure")),
        "{:?}",
        claim.rules
    );
    assert_eq!(claim.claimant.speaker_id.as_deref(), Some("S1"));
    assert!(claim.claimant.anonymous);
}

#[test]
fn merged_figures_share_hedges_and_arguments_and_link_entities() {
    let mut d = seed_like(Some("AFP"));
    ClaimBuilder.run(&mut d).unwrap();
    let lead = &d.figures[0];
    assert_eq!(lead.hedges, ["latest estimate"]);
    assert_eq!(
        lead.subject.as_ref().unwrap().entity_id.as_deref(),
        Some("KP")
    );
    assert_eq!(
        lead.place.as_ref().unwrap().entity_id.as_deref(),
        Some("place:ru-krs"),
        "the most specific place wins"
    );
    let quote = &d.figures[1];
    assert_eq!(
        quote.subject.as_ref().unwrap().span.text,
        "North Korean forces"
    );
}

/// A figure's own bound ("more than") is not shared with a figure of another range in the
/// same statement; its subject is.
#[test]
fn hedges_are_shared_only_between_figures_of_one_range() {
    let lead = "More than 50,000 Palestinians have been killed, the ministry said.";
    let quote = "\"The toll is 50,021 killed,\" the ministry said.";
    let mut d = doc(&[lead, quote], None);
    let mut toll = figure(
        &d,
        "F1",
        "More than 50,000",
        0,
        Measure::Killed,
        (50000.0, 0.0),
    );
    toll.high = None;
    toll.open_high = true;
    toll.hedges = vec!["more than".into()];
    toll.subject = Some(Argument {
        span: span(&d, "Palestinians", 0),
        entity_id: None,
    });
    let exact = figure(&d, "F2", "50,021", 0, Measure::Killed, (50021.0, 50021.0));
    d.figures = vec![toll, exact];
    d.speakers = vec![speaker("S1", span(&d, "the ministry", 0), false)];
    d.attributions = vec![
        attribution(
            "A1",
            QuoteKind::Indirect,
            span(&d, "said", 0),
            Some("S1"),
            span(&d, "More than 50,000 Palestinians have been killed", 0),
            SaidAtBasis::PublicationDate,
            "2025-03-23",
        ),
        attribution(
            "A2",
            QuoteKind::Direct,
            span(&d, "said", 1),
            Some("S1"),
            span(&d, "\"The toll is 50,021 killed,\"", 0),
            SaidAtBasis::PublicationDate,
            "2025-03-23",
        ),
    ];
    ClaimBuilder.run(&mut d).unwrap();
    assert_eq!(d.claims.len(), 1, "one statement: {:?}", d.claims);
    let exact = &d.figures[1];
    assert!(exact.hedges.is_empty(), "{:?}", exact.hedges);
    assert_eq!(exact.subject.as_ref().unwrap().span.text, "Palestinians");
}

#[test]
fn unattributed_figures_are_claims_of_the_agency_or_the_publisher() {
    let mut d = seed_like(Some("AFP"));
    ClaimBuilder.run(&mut d).unwrap();
    let reporter: Vec<_> = d
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Reporter)
        .collect();
    assert_eq!(reporter.len(), 1);
    assert_eq!(reporter[0].claimant.kind, ClaimantKind::Agency);
    assert_eq!(reporter[0].claimant.name, "AFP");
    assert_eq!(reporter[0].evidence[0].text, REPORTER);
    assert_eq!(reporter[0].figures, ["F3"]);
    assert_eq!(reporter[0].entities, ["KP"]);

    let mut d = seed_like(None);
    ClaimBuilder.run(&mut d).unwrap();
    let reporter = d
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::Reporter)
        .unwrap();
    assert_eq!(
        (reporter.claimant.kind, reporter.claimant.name.as_str()),
        (ClaimantKind::Publisher, "The Moscow Times")
    );
}

#[test]
fn references_by_number_are_not_reporter_claims() {
    let mut d = doc(
        &[
            "The two armies met again.",
            "On one occasion, troops crossed the river.",
            "Rebels burned 40 houses.",
            "Both sides blamed these three villages.",
            "A three-judge panel heard the case.",
        ],
        Some("Reuters"),
    );
    d.figures = vec![
        figure(&d, "F1", "two armies", 0, Measure::Other, (2.0, 2.0)),
        figure(&d, "F2", "one occasion", 0, Measure::Other, (1.0, 1.0)),
        figure(&d, "F3", "40 houses", 0, Measure::Other, (40.0, 40.0)),
        figure(&d, "F4", "three villages", 0, Measure::Other, (3.0, 3.0)),
        figure(&d, "F5", "three", 1, Measure::Other, (3.0, 3.0)),
    ];
    d.mark_layer(Layer::Figures);
    ClaimBuilder.run(&mut d).unwrap();
    let reporter: Vec<&str> = d
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Reporter)
        .map(|c| c.evidence[0].text.as_str())
        .collect();
    assert_eq!(
        reporter,
        [
            "On one occasion, troops crossed the river.",
            "Rebels burned 40 houses."
        ]
    );
}

#[test]
fn different_speakers_are_never_merged() {
    let mut d = seed_like(Some("AFP"));
    d.speakers
        .push(speaker("S2", span(&d, "the official", 0), true));
    d.attributions[1].speaker_id = Some("S2".into());
    ClaimBuilder.run(&mut d).unwrap();
    assert_eq!(
        d.claims
            .iter()
            .filter(|c| c.kind != ClaimKind::Reporter)
            .count(),
        2
    );
}

#[test]
fn unknown_speakers_stay_unknown_and_are_not_merged() {
    let mut d = seed_like(Some("AFP"));
    for a in &mut d.attributions {
        a.speaker_id = None;
    }
    ClaimBuilder.run(&mut d).unwrap();
    let unknown: Vec<_> = d
        .claims
        .iter()
        .filter(|c| c.claimant.kind == ClaimantKind::Unknown)
        .collect();
    assert_eq!(unknown.len(), 2);
    assert!(
        unknown
            .iter()
            .all(|c| c.claimant.speaker_id.is_none() && c.claimant.name == "unknown")
    );
}

#[test]
fn claims_are_in_document_order_with_stable_unique_ids() {
    let mut a = seed_like(Some("AFP"));
    let mut b = seed_like(Some("AFP"));
    ClaimBuilder.run(&mut a).unwrap();
    ClaimBuilder.run(&mut b).unwrap();
    let ids: Vec<_> = a.claims.iter().map(|c| c.id.clone()).collect();
    assert_eq!(
        ids,
        b.claims.iter().map(|c| c.id.clone()).collect::<Vec<_>>()
    );
    let starts: Vec<_> = a.claims.iter().map(|c| c.evidence[0].start).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    for claim in &a.claims {
        for e in &claim.evidence {
            assert!(e.check(&a.body).is_ok());
        }
    }
}

/// A loss figure with no subject takes the document's one loss subject (a country), marked
/// inherited; with two entities among the loss subjects, none is guessed; other measures
/// never.
#[test]
fn loss_figures_without_a_subject_inherit_the_documents_only_one() {
    let build = |second_subject: Option<&str>| {
        let mut d = doc(
            &[
                "North Korean forces suffered 300 casualties in Kursk.",
                "Ukrainian forces lost 40 men there.",
                "We assess several hundred killed so far, and 20 tanks.",
            ],
            None,
        );
        let mut lead = figure(&d, "F1", "300", 0, Measure::Casualties, (300.0, 300.0));
        lead.subject = Some(Argument {
            span: span(&d, "North Korean forces", 0),
            entity_id: Some("KP".into()),
        });
        let mut other = figure(&d, "F2", "40", 0, Measure::Killed, (40.0, 40.0));
        other.subject = second_subject.map(|id| Argument {
            span: span(&d, "Ukrainian forces", 0),
            entity_id: Some(id.into()),
        });
        let vague = figure(
            &d,
            "F3",
            "several hundred",
            0,
            Measure::Killed,
            (300.0, 900.0),
        );
        let tanks = figure(&d, "F4", "20", 0, Measure::Other, (20.0, 20.0));
        d.figures = vec![lead, other, vague, tanks];
        let country = |id: &str, name: &str, mention: &str| Entity {
            id: id.into(),
            kind: EntityType::Country,
            name: name.into(),
            mentions: vec![span(&d, mention, 0)],
            parent: None,
        };
        d.entities = vec![
            country("KP", "North Korea", "North Korean"),
            country("UA", "Ukraine", "Ukrainian"),
        ];
        ClaimBuilder.run(&mut d).unwrap();
        d
    };
    let d = build(None);
    let vague = &d.figures[2];
    assert!(vague.subject_inherited);
    assert_eq!(
        vague.subject.as_ref().unwrap().span.text,
        "North Korean forces"
    );
    assert!(
        !d.figures[1].subject_inherited,
        "a sentence naming another country (Ukrainian) inherits nothing"
    );
    assert!(
        d.figures[3].subject.is_none(),
        "other measures inherit nothing"
    );
    let d = build(Some("UA"));
    assert!(d.figures[2].subject.is_none() && !d.figures[2].subject_inherited);
}

/// A reporter claim in a sentence that also reports someone's words holds only the rest of
/// the sentence, cut at a punctuation mark; an attribution inside a clause leaves it whole.
#[test]
fn a_reporter_claim_holds_only_the_unattributed_clause() {
    let mut d = doc(
        &[
            "The economy will shrink by 0.1%, the institutes said, while unemployment held at 6.4% in August.",
            "The 157 are among about 290 items on which Washington asked Seoul to lower tariffs.",
        ],
        Some("Reuters"),
    );
    let content = span(&d, "The economy will shrink by 0.1%", 0);
    let cue = span(&d, "said", 0);
    let mut first = attribution(
        "A1",
        QuoteKind::Indirect,
        cue,
        Some("S1"),
        content,
        SaidAtBasis::PublicationDate,
        "2024-10-01",
    );
    first.source = Some(span(&d, "the institutes", 0));
    let asked = attribution(
        "A2",
        QuoteKind::Indirect,
        span(&d, "asked", 0),
        None,
        span(&d, "Seoul to lower tariffs", 0),
        SaidAtBasis::PublicationDate,
        "2024-10-01",
    );
    d.attributions = vec![first, asked];
    d.speakers = vec![speaker("S1", span(&d, "the institutes", 0), true)];
    d.figures = vec![
        figure(&d, "F1", "0.1%", 0, Measure::Other, (0.1, 0.1)),
        figure(&d, "F2", "6.4%", 0, Measure::Other, (6.4, 6.4)),
        figure(&d, "F3", "290", 0, Measure::Other, (290.0, 290.0)),
    ];
    ClaimBuilder.run(&mut d).unwrap();
    let reporter: Vec<_> = d
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Reporter)
        .map(|c| (c.evidence[0].text.as_str(), c.figures.clone()))
        .collect();
    assert_eq!(
        reporter,
        [
            (
                "while unemployment held at 6.4% in August.",
                vec!["F2".to_owned()]
            ),
            (
                "The 157 are among about 290 items on which Washington asked Seoul to lower tariffs.",
                vec!["F3".to_owned()]
            ),
        ]
    );
}

/// The entity the claims stage links to the pronoun agent "it" of `sentence` ("SOURCE says
/// it killed N ..."), with one entity, Israel (`IL`), of `kind` mentioned as `mention`, and
/// the speaker `speaker` makes of the source's span.
fn linked_pronoun_agent(
    sentence: &str,
    kind: EntityType,
    mention: &str,
    speaker: impl Fn(Span) -> Speaker,
) -> Option<String> {
    let mut d = doc(&[sentence], None);
    let says = span(&d, "says", 0);
    let content_start = says.end + 1;
    let content_end = sentence.len() - 1;
    let amount = span(&d, "killed", 0).end + 1;
    let mut f = figure(
        &d,
        "F1",
        &sentence[amount..amount + 5],
        0,
        Measure::Killed,
        (1.0, 1.0),
    );
    f.agent = Some(Argument {
        span: span(&d, "it", 0),
        entity_id: None,
    });
    d.figures = vec![f];
    d.entities = vec![Entity {
        id: "IL".into(),
        kind,
        name: "Israel".into(),
        mentions: vec![span(&d, mention, 0)],
        parent: None,
    }];
    d.speakers = vec![speaker(d.span(0, says.start - 1).unwrap())];
    d.attributions = vec![attribution(
        "A1",
        QuoteKind::Indirect,
        says,
        Some("S1"),
        d.span(content_start, content_end).unwrap(),
        SaidAtBasis::PublicationDate,
        "2025-03-23",
    )];
    ClaimBuilder.run(&mut d).unwrap();
    d.figures[0].agent.clone().unwrap().entity_id
}

/// "Israel says it has killed 20,000 militants": the pronoun agent is the claimant.
#[test]
fn a_pronoun_agent_is_the_claimant_it_fits() {
    let build = |kind: EntityType| {
        let named = |source: Span| {
            let mut s = speaker("S1", source, false);
            s.named = true;
            s.entity_id = Some("IL".into());
            s
        };
        linked_pronoun_agent(
            "Israel says it has killed about 20,000 militants.",
            kind,
            "Israel",
            named,
        )
    };
    assert_eq!(build(EntityType::Country), Some("IL".into()));
    assert_eq!(build(EntityType::Person), None, "'it' is no person");
}

/// What was not said is no claim: "He did not say where the figures came from".
#[test]
fn a_negated_cue_makes_no_claim() {
    let build = |sentence: &str, cue: &str, content: &str| {
        one_statement(sentence, "The ministry", cue, content)
            .claims
            .iter()
            .filter(|c| c.claimant.kind == ClaimantKind::Speaker)
            .count()
    };
    let content = "where the figures came from";
    assert_eq!(
        build(
            "The ministry did not say where the figures came from.",
            "did not say",
            content
        ),
        0
    );
    assert_eq!(
        build(
            "The ministry didn't immediately say where the figures came from.",
            "say",
            content
        ),
        0
    );
    assert_eq!(
        build(
            "The ministry rarely discloses where the figures came from.",
            "rarely discloses",
            content
        ),
        0
    );
    assert_eq!(
        build(
            "The ministry, not the army, said where the figures came from.",
            "said",
            content
        ),
        1
    );
    assert_eq!(
        build(
            "The ministry said where the figures came from.",
            "said",
            content
        ),
        1
    );
}

/// A report nested only in a report that did not happen is a claim of its own: "the
/// military estimates that ..., a figure Moscow does not confirm". Nested in a report that
/// did happen, it stays part of that one's claim.
#[test]
fn a_report_nested_in_a_negated_one_is_a_claim() {
    let build = |outer_cue: &str| {
        let sentence = format!(
            "The military estimates that 970,000 soldiers were killed, a figure Moscow {outer_cue}."
        );
        let mut d = doc(&[sentence.as_str()], None);
        d.speakers = vec![
            speaker("S1", span(&d, "The military", 0), false),
            speaker("S2", span(&d, "Moscow", 0), false),
        ];
        let content = "that 970,000 soldiers were killed";
        let inner = attribution(
            "A1",
            QuoteKind::Indirect,
            span(&d, "estimates", 0),
            Some("S1"),
            span(&d, content, 0),
            SaidAtBasis::PublicationDate,
            "2025-05-18",
        );
        let outer = attribution(
            "A2",
            QuoteKind::Indirect,
            span(&d, outer_cue, 0),
            Some("S2"),
            span(
                &d,
                "The military estimates that 970,000 soldiers were killed",
                0,
            ),
            SaidAtBasis::PublicationDate,
            "2025-05-18",
        );
        d.attributions = vec![
            Attribution {
                within: Some("A2".into()),
                ..inner
            },
            outer,
        ];
        ClaimBuilder.run(&mut d).unwrap();
        d.claims
            .iter()
            .filter(|c| c.claimant.kind == ClaimantKind::Speaker)
            .map(|c| c.claimant.speaker_id.clone().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    assert_eq!(build("does not confirm"), vec!["S1".to_owned()]);
    assert_eq!(build("confirms"), vec!["S2".to_owned()]);
}

/// A loss figure that names what it counts inherits a subject only from a figure counting
/// the same: "three other people" wounded do not become the story's "Russian soldiers".
#[test]
fn an_inherited_subject_needs_the_same_counted_noun() {
    let build = |noun: &str| {
        let mut d = doc(
            &[
                "Three other people were wounded in Kyiv.",
                "More than 970,000 Russian soldiers have been killed.",
            ],
            None,
        );
        let mut wounded = figure(&d, "F1", "Three", 0, Measure::Wounded, (3.0, 3.0));
        wounded.noun = Some(noun.into());
        let mut lead = figure(
            &d,
            "F2",
            "More than 970,000",
            0,
            Measure::Killed,
            (970_000.0, f64::INFINITY),
        );
        lead.noun = Some("soldiers".into());
        lead.subject = Some(Argument {
            span: span(&d, "Russian soldiers", 0),
            entity_id: Some("RU".into()),
        });
        d.figures = vec![wounded, lead];
        d.entities = vec![Entity {
            id: "RU".into(),
            kind: EntityType::Country,
            name: "Russia".into(),
            mentions: vec![span(&d, "Russian", 0)],
            parent: None,
        }];
        ClaimBuilder.run(&mut d).unwrap();
        d.figures[0].subject.as_ref().map(|s| s.span.text.clone())
    };
    assert_eq!(build("people"), None);
    assert_eq!(build("Soldiers"), Some("Russian soldiers".to_owned()));
}

/// "The Israeli military says it killed more than 2,500 fighters": a body named by what it
/// is stands for the country its mention names; an anonymous speaker does not.
#[test]
fn a_pronoun_agent_of_a_stated_body_is_its_country() {
    let build = |anonymous: bool| {
        let stated = |source: Span| {
            let mut s = speaker("S1", source, anonymous);
            s.affiliation = Some("IL".into());
            s.affiliation_basis = Some(AffiliationBasis::Stated);
            s
        };
        linked_pronoun_agent(
            "The Israeli military says it killed more than 2,500 fighters.",
            EntityType::Country,
            "Israeli",
            stated,
        )
    };
    assert_eq!(build(false), Some("IL".into()));
    assert_eq!(
        build(true),
        None,
        "an anonymous speaker is not its affiliation"
    );
}

/// A clause of harm after a post-posed source is the source's: "..., the air force said on
/// Sunday, killing a woman and wounding three people". Another participle stays the
/// reporter's: "..., the company said, sending its shares up 5%".
#[test]
fn a_harm_clause_after_a_post_posed_source_is_the_sources() {
    let build = |tail: &str, figure_text: &str| {
        let sentence = format!("Russia launched 273 drones, the air force said{tail}.");
        let mut d = doc(&[sentence.as_str()], Some("Reuters"));
        sourced(
            &mut d,
            QuoteKind::Indirect,
            "the air force",
            "the air force",
            "Russia launched 273 drones",
        );
        d.figures = vec![
            figure(&d, "F1", "273", 0, Measure::Other, (273.0, 273.0)),
            figure(&d, "F2", figure_text, 0, Measure::Wounded, (3.0, 3.0)),
        ];
        ClaimBuilder.run(&mut d).unwrap();
        d.claims
            .iter()
            .map(|c| (c.claimant.kind, c.figures.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        build(
            " on Sunday, killing a woman and wounding three people",
            "three"
        ),
        vec![(
            ClaimantKind::Speaker,
            vec!["F1".to_owned(), "F2".to_owned()]
        )]
    );
    assert_eq!(
        build(", sending its shares up 3%", "3%"),
        vec![
            (ClaimantKind::Speaker, vec!["F1".to_owned()]),
            (ClaimantKind::Agency, vec!["F2".to_owned()]),
        ]
    );
}

/// "The military denied that": a content that is only a pronoun refers to what was said
/// elsewhere and makes no claim; a content that starts with one does.
#[test]
fn a_pronoun_alone_is_no_claim() {
    let build = |sentence: &str, cue: &str, content: &str| {
        one_statement(sentence, "The military", cue, content)
            .claims
            .len()
    };
    assert_eq!(
        build(
            "The military denied that, saying it acted alone.",
            "denied",
            "that"
        ),
        0
    );
    assert_eq!(build("The military confirmed it.", "confirmed", "it"), 0);
    assert_eq!(
        build(
            "The military denied that its forces shelled the town.",
            "denied",
            "that its forces shelled the town"
        ),
        1
    );
}

/// A report in the passive with no agent and no that-clause names nobody: its figure is
/// the reporter's ("Revenues were projected at 40 billion pounds"). "It was reported that"
/// keeps its claim with an unknown speaker.
#[test]
fn an_agentless_passive_leaves_its_figure_to_the_reporter() {
    let build = |sentence: &str, cue: &str, content: &str, raw: &str| {
        let mut d = doc(&[sentence], Some("Reuters"));
        let mut a = attribution(
            "A1",
            QuoteKind::Indirect,
            span(&d, cue, 0),
            None,
            span(&d, content, 0),
            SaidAtBasis::PublicationDate,
            "2025-03-23",
        );
        a.source = None;
        d.attributions = vec![a];
        d.figures = vec![figure(&d, "F1", raw, 0, Measure::Money, (4e10, 4e10))];
        d.mark_layer(Layer::Figures);
        ClaimBuilder.run(&mut d).unwrap();
        d.claims
            .iter()
            .map(|c| (c.claimant.kind, c.figures.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        build(
            "Revenues were projected at 40 billion pounds.",
            "were projected",
            "at 40 billion pounds",
            "40 billion pounds"
        ),
        [(ClaimantKind::Agency, vec!["F1".to_owned()])]
    );
    assert_eq!(
        build(
            "It was reported that revenues reached 40 billion pounds.",
            "was reported",
            "that revenues reached 40 billion pounds",
            "40 billion pounds"
        ),
        [(ClaimantKind::Unknown, vec!["F1".to_owned()])]
    );
}

/// A figure in an apposition after a source whose span closes with its comma ("said Jane
/// Roe, a nurse in Townville, a town of about 4,000 people") is the reporter's, and its
/// evidence is the apposition, not the whole sentence.
#[test]
fn a_reporter_figure_after_a_source_takes_only_its_stretch() {
    let sentence = "\"We lost everything,\" said Jane Roe, a nurse in Townville, a town of about 4,000 people.";
    let mut d = doc(&[sentence], Some("AP"));
    sourced(
        &mut d,
        QuoteKind::Direct,
        "Jane Roe",
        "Jane Roe, a nurse in Townville,",
        "\"We lost everything,\"",
    );
    d.figures = vec![figure(
        &d,
        "F1",
        "about 4,000",
        0,
        Measure::Other,
        (4000.0, 4000.0),
    )];
    d.mark_layer(Layer::Figures);
    ClaimBuilder.run(&mut d).unwrap();
    let reporter = d
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::Reporter)
        .unwrap();
    assert_eq!(reporter.evidence[0].text, "a town of about 4,000 people.");
}

/// A figure in a relative clause right after a source ("said Fatima Adam, 34, who reached
/// Tawila with her four children") describes the speaker: no reporter claim.
#[test]
fn a_relative_clause_after_a_source_describes_the_speaker() {
    let sentence = "\"They burned everything,\" said Fatima Adam, 34, who reached Tawila with her four children.";
    let mut d = doc(&[sentence], Some("Reuters"));
    sourced(
        &mut d,
        QuoteKind::Direct,
        "Fatima Adam",
        "Fatima Adam, 34,",
        "\"They burned everything,\"",
    );
    d.figures = vec![figure(&d, "F1", "four", 0, Measure::Other, (4.0, 4.0))];
    d.mark_layer(Layer::Figures);
    ClaimBuilder.run(&mut d).unwrap();
    assert!(
        d.claims.iter().all(|c| c.kind != ClaimKind::Reporter),
        "{:?}",
        d.claims
    );
}

/// The evidence of each reporter claim of `sentences`, each with one figure `raw`
/// (a money figure) and no attribution.
fn reporter_evidence(sentences: &[(&str, &str)]) -> Vec<String> {
    let paragraphs: Vec<&str> = sentences.iter().map(|(s, _)| *s).collect();
    let mut d = doc(&paragraphs, Some("Reuters"));
    d.figures = sentences
        .iter()
        .enumerate()
        .map(|(i, (_, raw))| {
            figure(
                &d,
                &format!("F{}", i + 1),
                raw,
                0,
                Measure::Money,
                (1.0, 1.0),
            )
        })
        .collect();
    ClaimBuilder.run(&mut d).unwrap();
    d.claims
        .iter()
        .map(|c| c.evidence[0].text.clone())
        .collect()
}

#[test]
fn a_reporter_claim_leaves_out_a_dated_wire_dateline() {
    let got = reporter_evidence(&[
        (
            "NEW DELHI, April 9 - India's target was fixed at 160 mln tonnes.",
            "160 mln tonnes",
        ),
        ("ALBANY, N.Y., Oct 19 - Shr 85 cts vs 77 cts", "85 cts"),
        (
            "FORT WORTH, Texas, - The company sold its interest for 7,250,000 dlrs.",
            "7,250,000 dlrs",
        ),
        ("WASHINGTON, Sept. 3 - shr 46 cts vs 76 cts", "46 cts"),
    ]);
    assert_eq!(
        got,
        [
            "India's target was fixed at 160 mln tonnes.",
            "Shr 85 cts vs 77 cts",
            "The company sold its interest for 7,250,000 dlrs.",
            "shr 46 cts vs 76 cts",
        ]
    );
}

#[test]
fn a_sentence_with_a_dash_that_is_no_dateline_keeps_its_opening() {
    let kept = [
        "Exports, Imports and Services - the three items - rose by 5 mln dlrs.",
        "NATO, which has 30 members - more than ever - spent 1,000 mln dlrs.",
        "SAN SALVADOR, 3 JAN 90 (RADIO) -- THE ARMY SEIZED 5 RIFLES.",
        "Sales, April 9 - the best day - reached 9 mln dlrs.",
    ];
    let raws = ["5 mln dlrs", "1,000 mln dlrs", "5 RIFLES", "9 mln dlrs"];
    let got = reporter_evidence(&kept.iter().copied().zip(raws).collect::<Vec<_>>());
    assert_eq!(got, kept);
}

/// A figure's raw words, counted noun, unit and range.
type FigureSpec<'a> = (&'a str, Option<&'a str>, Option<&'a str>, (f64, f64));

/// The claims of one speaker's two statements, each in its own paragraph and each
/// carrying one `other` figure: `raws[i]` with the noun, unit and range of `figures[i]`.
fn two_statements_with_figures(
    paragraphs: [&str; 2],
    contents: [&str; 2],
    figures: [FigureSpec<'_>; 2],
) -> usize {
    let mut d = doc(&paragraphs, Some("Reuters"));
    d.speakers = vec![speaker("S1", span(&d, "Smith", 0), false)];
    d.attributions = (0..2)
        .map(|i| {
            attribution(
                &format!("A{}", i + 1),
                QuoteKind::Indirect,
                span(&d, "said", i),
                Some("S1"),
                span(&d, contents[i], 0),
                SaidAtBasis::PublicationDate,
                "1987-04-09",
            )
        })
        .collect();
    d.figures = figures
        .iter()
        .enumerate()
        .map(|(i, (raw, noun, unit, range))| {
            // The nth occurrence in the body that lies in paragraph i.
            let nth = if i == 0 {
                0
            } else {
                paragraphs[0].matches(raw).count()
            };
            let mut f = figure(&d, &format!("F{}", i + 1), raw, nth, Measure::Other, *range);
            f.noun = noun.map(str::to_owned);
            f.unit = unit.map(str::to_owned);
            f
        })
        .collect();
    ClaimBuilder.run(&mut d).unwrap();
    assert!(d.claims.iter().all(|c| c.kind != ClaimKind::Reporter));
    d.claims.len()
}

#[test]
fn a_shared_small_count_or_bare_number_does_not_make_one_statement() {
    let wine = two_statements_with_figures(
        [
            "Smith said he introduced a bill to triple the taxes on beer and on two types of wine.",
            "The tax on the two types of wine would go from 17 cents to 51 cents, Smith said.",
        ],
        [
            "he introduced a bill to triple the taxes on beer and on two types of wine",
            "The tax on the two types of wine would go from 17 cents to 51 cents",
        ],
        [
            ("two", Some("types"), None, (2.0, 2.0)),
            ("two", Some("types"), None, (2.0, 2.0)),
        ],
    );
    assert_eq!(
        wine, 2,
        "'two types' refers to the same wines, not the same statement"
    );
    let plane = two_statements_with_figures(
        [
            "Smith said the airline would use the 787 to expand its routes abroad.",
            "The 787 will carry more freight than any plane it flies now, Smith said.",
        ],
        [
            "the airline would use the 787 to expand its routes abroad",
            "The 787 will carry more freight than any plane it flies now",
        ],
        [
            ("787", None, None, (787.0, 787.0)),
            ("787", None, None, (787.0, 787.0)),
        ],
    );
    assert_eq!(plane, 2, "a bare number names a model, it counts nothing");
}

#[test]
fn overlapping_but_different_shares_are_different_statements() {
    let n = two_statements_with_figures(
        [
            "Smith said it will buy all shares, but if less than 90 pct are tendered it will walk away.",
            "It plans to buy only 49 pct in the offer, Smith said.",
        ],
        [
            "it will buy all shares, but if less than 90 pct are tendered it will walk away",
            "It plans to buy only 49 pct in the offer",
        ],
        [
            ("90 pct", None, Some("percent"), (0.0, 90.0)),
            ("49 pct", None, Some("percent"), (49.0, 49.0)),
        ],
    );
    assert_eq!(n, 2);
}

#[test]
fn the_same_measured_amount_repeated_is_one_statement() {
    let n = two_statements_with_figures(
        [
            "Smith said zinc concentrates will be short by up to 100,000 tonnes next year.",
            "A new smelter is the major factor in the 100,000 tonnes shortfall, Smith said.",
        ],
        [
            "zinc concentrates will be short by up to 100,000 tonnes next year",
            "A new smelter is the major factor in the 100,000 tonnes shortfall",
        ],
        [
            ("100,000 tonnes", None, Some("t"), (100_000.0, 100_000.0)),
            ("100,000 tonnes", None, Some("t"), (100_000.0, 100_000.0)),
        ],
    );
    assert_eq!(n, 1);
}

#[test]
fn two_reports_of_one_speaker_over_the_same_words_are_one_claim() {
    let sentence = "Qintex Ltd, a 35 pct owner of Hal Roach, has agreed to use the company as its exclusive vehicle for American media investments, Smith said, and Smith added that the deal was final.";
    let mut d = doc(&[sentence], Some("Reuters"));
    d.speakers = vec![speaker("S1", span(&d, "Smith", 0), false)];
    let mut whole = attribution(
        "A1",
        QuoteKind::Indirect,
        span(&d, "said", 0),
        Some("S1"),
        span(
            &d,
            "Qintex Ltd, a 35 pct owner of Hal Roach, has agreed to use the company as its exclusive vehicle for American media investments",
            0,
        ),
        SaidAtBasis::PublicationDate,
        "1987-04-09",
    );
    whole.content.push(span(&d, "the deal was final", 0));
    let part = attribution(
        "A2",
        QuoteKind::Indirect,
        span(&d, "added", 0),
        Some("S1"),
        span(&d, "Qintex Ltd, a 35 pct owner of Hal Roach", 0),
        SaidAtBasis::PublicationDate,
        "1987-04-09",
    );
    d.attributions = vec![whole, part];
    ClaimBuilder.run(&mut d).unwrap();
    assert_eq!(d.claims.len(), 1, "{:#?}", d.claims);
    let claim = &d.claims[0];
    assert!(
        claim
            .rules
            .iter()
            .any(|r| r.contains("overlapping evidence"))
    );
    let evidence: Vec<&str> = claim.evidence.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(
        evidence,
        [
            "Qintex Ltd, a 35 pct owner of Hal Roach, has agreed to use the company as its exclusive vehicle for American media investments",
            "the deal was final"
        ],
        "the shared words are shown once"
    );
}

#[test]
fn a_reporter_claim_shows_nested_stretches_once() {
    let sentence = "Air Canada has ordered US$6 billion in new airliners, while Air India has signed a deal for a further US$7 billion.";
    let mut d = doc(&[sentence], None);
    d.speakers = vec![speaker("S1", span(&d, "Air Canada", 0), false)];
    let mut ordered = attribution(
        "A1",
        QuoteKind::Indirect,
        span(&d, "has ordered", 0),
        Some("S1"),
        span(&d, "$6 billion in new airliners", 0),
        SaidAtBasis::PublicationDate,
        "2005-04-27",
    );
    ordered.source = Some(span(&d, "Air Canada", 0));
    d.attributions = vec![ordered];
    d.figures = vec![
        figure(&d, "F1", "US$6 billion", 0, Measure::Money, (6e9, 6e9)),
        figure(&d, "F2", "US$7 billion", 0, Measure::Money, (7e9, 7e9)),
    ];
    ClaimBuilder.run(&mut d).unwrap();
    let reporter: Vec<Vec<&str>> = d
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Reporter)
        .map(|c| c.evidence.iter().map(|e| e.text.as_str()).collect())
        .collect();
    assert_eq!(reporter, [[sentence]]);
}

#[test]
fn nothing_is_said_after_the_article_was_published() {
    let sentence = "Trump said he loves Oreos and will never eat them again, adding that in August he would decide.";
    let said = |date: &str, basis: SaidAtBasis| {
        let mut d = doc(&[sentence], None);
        d.meta.published = Some(tally_core::Published::parse_iso("2016-05-18").unwrap());
        d.speakers = vec![speaker("S1", span(&d, "Trump", 0), false)];
        d.attributions = vec![attribution(
            "A1",
            QuoteKind::Indirect,
            span(&d, "said", 0),
            Some("S1"),
            span(&d, "he loves Oreos and will never eat them again", 0),
            basis,
            date,
        )];
        ClaimBuilder.run(&mut d).unwrap();
        d.claims[0].said_at.clone().unwrap()
    };
    for later in ["2016-08", "2016-05-19", "2017"] {
        let at = said(later, SaidAtBasis::SameSpeaker);
        assert_eq!(
            (at.date.as_str(), at.basis),
            ("2016-05-18", SaidAtBasis::PublicationDate),
            "{later}"
        );
    }
    for earlier in ["2016-05", "2016-05-18", "2015-09", "2016-W19", "PAST_REF"] {
        assert_eq!(said(earlier, SaidAtBasis::CueModifier).date, earlier);
    }
}

#[test]
fn overlapping_sums_of_money_are_different_statements() {
    // Each figure as (low, best, high).
    type Sum = (f64, Option<f64>, f64);
    let statements = |first: Sum, second: Sum| {
        let mut d = doc(
            &[
                "Smith said OPEC would hold prices under 20 dlrs a barrel for several years.",
                "The Saudis are committed to a price of 18 dlrs a barrel, Smith said.",
            ],
            Some("Reuters"),
        );
        d.speakers = vec![speaker("S1", span(&d, "Smith", 0), false)];
        d.attributions = [
            "OPEC would hold prices under 20 dlrs a barrel for several years",
            "The Saudis are committed to a price of 18 dlrs a barrel",
        ]
        .iter()
        .enumerate()
        .map(|(i, content)| {
            attribution(
                &format!("A{}", i + 1),
                QuoteKind::Indirect,
                span(&d, "said", i),
                Some("S1"),
                span(&d, content, 0),
                SaidAtBasis::PublicationDate,
                "1987-03-02",
            )
        })
        .collect();
        let money = |id: &str, raw: &str, (low, best, high): Sum| {
            let mut f = figure(&d, id, raw, 0, Measure::Money, (low, high));
            f.best = best;
            f.unit = Some("USD".into());
            f
        };
        let figures = vec![
            money("F1", "20 dlrs", first),
            money("F2", "18 dlrs", second),
        ];
        d.figures = figures;
        ClaimBuilder.run(&mut d).unwrap();
        d.claims.len()
    };
    let exact = (18.0, Some(18.0), 18.0);
    assert_eq!(
        statements((0.0, None, 20.0), exact),
        2,
        "overlap is not sameness"
    );
    assert_eq!(
        statements((16.2, None, 19.8), exact),
        2,
        "a range around another value"
    );
    assert_eq!(statements(exact, exact), 1, "the same sum said twice");
    assert_eq!(
        statements((16.2, Some(18.0), 19.8), exact),
        1,
        "'about 18 dlrs' and '18 dlrs' state one value"
    );
}

/// A loss figure whose sentence names another country, and not the subject's, inherits
/// nothing: "the overall Palestinian death toll had passed 43,000" is no count of the
/// Israeli hostages a later paragraph names. With the subject's country in the sentence
/// too ("Chadian troops killed 384 Libyans and captured 48") it still inherits.
#[test]
fn a_loss_in_a_sentence_naming_another_country_inherits_nothing() {
    let build = |first: &str| {
        let mut d = doc(
            &[
                first,
                "Four Israeli hostages would be freed, 100 captured in all.",
            ],
            None,
        );
        let toll = figure(&d, "F1", "43,000", 0, Measure::Killed, (43_000.0, 43_000.0));
        let mut hostages = figure(&d, "F2", "Four", 0, Measure::Captured, (4.0, 4.0));
        hostages.subject = Some(Argument {
            span: span(&d, "Israeli hostages", 0),
            entity_id: Some("IL".into()),
        });
        d.figures = vec![toll, hostages];
        let country = |id: &str, name: &str, mention: &str| Entity {
            id: id.into(),
            kind: EntityType::Country,
            name: name.into(),
            mentions: d
                .body
                .match_indices(mention)
                .map(|(at, _)| d.span(at, at + mention.len()).unwrap())
                .collect(),
            parent: None,
        };
        d.entities = vec![
            country("IL", "Israel", "Israeli"),
            country("PS", "Palestine", "Palestinian"),
        ];
        ClaimBuilder.run(&mut d).unwrap();
        d
    };
    let d = build("The Palestinian death toll had passed 43,000.");
    assert!(d.figures[0].subject.is_none() && !d.figures[0].subject_inherited);
    let d = build("Palestinian and Israeli deaths passed 43,000.");
    assert!(d.figures[0].subject_inherited);
}
