//! Speaker coreference on news shapes: the head of an apposition before "who said", "she"
//! never an organization, a definite descriptor matching an earlier titled name, a pronoun
//! after a new subject. Fixtures are written for these tests, not taken from a corpus.

#![allow(clippy::unwrap_used)] // A test fixture: failing loudly is the point.

use tally_attribution::Attributor;
use tally_core::{Document, DocumentMeta, Entity, EntityType, Extractor, Layer};

/// Runs segmentation, the given entities (name, type, canonical name: every occurrence of
/// the name becomes a mention) and attribution.
fn run(paragraphs: &[&str], entities: &[(&str, EntityType, &str)]) -> Document {
    let mut doc = Document::new(DocumentMeta::default(), paragraphs);
    tally_text::Segmenter.run(&mut doc).unwrap();
    if !entities.is_empty() {
        for (n, (text, kind, name)) in entities.iter().enumerate() {
            let mentions = doc
                .body
                .match_indices(text)
                .map(|(at, t)| doc.span(at, at + t.len()).unwrap())
                .collect();
            doc.entities.push(Entity {
                id: format!("local:E{}", n + 1),
                kind: *kind,
                name: (*name).to_owned(),
                mentions,
                parent: None,
            });
        }
        doc.mark_layer(Layer::Entities);
    }
    Attributor::new().unwrap().run(&mut doc).unwrap();
    doc
}

/// Each top-level attribution's speaker as its name or descriptor ("?" when unknown).
fn speakers(doc: &Document) -> Vec<String> {
    doc.attributions
        .iter()
        .filter(|a| a.within.is_none())
        .map(|a| {
            doc.speakers
                .iter()
                .find(|s| a.speaker_id.as_deref() == Some(s.id.as_str()))
                .and_then(|s| s.name.clone().or_else(|| s.descriptor.clone()))
                .unwrap_or_else(|| "?".to_owned())
        })
        .collect()
}

#[test]
fn who_after_an_apposition_is_the_named_head() {
    let doc = run(
        &[
            "The plan was backed Monday by Sen. Jane Doe, the ranking Democrat on the Senate Ethics Committee, who said none of the files were secret.",
            "\u{201C}It never made sense to me,\u{201D} she said in a statement.",
        ],
        &[],
    );
    assert_eq!(speakers(&doc), ["Jane Doe", "Jane Doe"]);
}

#[test]
fn she_never_refers_to_an_organization() {
    let doc = run(
        &[
            "The Senate Ethics Committee said the review was over.",
            "\u{201C}We are done here,\u{201D} she said.",
        ],
        &[],
    );
    assert_eq!(speakers(&doc), ["Senate Ethics Committee", "?"]);
}

#[test]
fn he_never_refers_to_a_listed_organization_or_a_place() {
    let doc = run(
        &[
            "Freedonia said exports fell.",
            "Ohio reported more cases.",
            "\u{201C}It is a bad year,\u{201D} he said.",
        ],
        &[
            ("Freedonia", EntityType::Country, "Freedonia"),
            ("Ohio", EntityType::Place, "Ohio"),
        ],
    );
    assert_eq!(speakers(&doc).last().unwrap(), "?");
}

#[test]
fn the_vice_president_is_the_titled_name_before_him() {
    let doc = run(
        &[
            "Vice President Joe Biden on Monday hit the campaign trail in Ohio.",
            "In Toledo, the vice president said the choice was clear.",
            "\u{201C}This is about jobs,\u{201D} said Biden.",
        ],
        &[
            ("Joe Biden", EntityType::Person, "Joe Biden"),
            ("Biden", EntityType::Person, "Joe Biden"),
        ],
    );
    assert_eq!(speakers(&doc), ["Joe Biden", "Joe Biden"]);
    let biden = &doc.speakers[0];
    assert!(biden.named && !biden.anonymous);
    assert_eq!(biden.role.as_deref(), Some("Vice President"));
    assert_eq!(biden.mentions[0].text, "Joe Biden");
}

#[test]
fn without_entities_the_descriptor_stays_anonymous() {
    let doc = run(
        &[
            "Vice President Joe Biden on Monday hit the campaign trail in Ohio.",
            "In Toledo, the vice president said the choice was clear.",
        ],
        &[],
    );
    assert_eq!(speakers(&doc), ["the vice president"]);
    assert!(doc.speakers[0].anonymous);
}

#[test]
fn the_company_is_the_company_named_before() {
    let doc = run(
        &[
            "Acme Widgets Inc shares rose after the results.",
            "The company said sales rose 12 pct. It said margins were stable.",
            "The spokeswoman said the company feels the report is wrong. She said it was unfair.",
        ],
        &[(
            "Acme Widgets Inc",
            EntityType::Organization,
            "Acme Widgets Inc",
        )],
    );
    // "feels" is an attitude inside the spokeswoman's report: all attributions here.
    let all: Vec<String> = doc
        .attributions
        .iter()
        .map(|a| {
            doc.speakers
                .iter()
                .find(|s| a.speaker_id.as_deref() == Some(s.id.as_str()))
                .and_then(|s| s.name.clone().or_else(|| s.descriptor.clone()))
                .unwrap_or_else(|| "?".to_owned())
        })
        .collect();
    assert_eq!(
        all,
        [
            "Acme Widgets Inc",
            "Acme Widgets Inc",
            "The spokeswoman",
            "Acme Widgets Inc",
            "The spokeswoman"
        ]
    );
}

#[test]
fn a_person_head_never_names_an_organization() {
    let doc = run(
        &[
            "The Daily People newspaper ran the story.",
            "The people said the story was wrong.",
        ],
        &[("Daily People", EntityType::Organization, "Daily People")],
    );
    assert_eq!(speakers(&doc), ["The people"]);
}

#[test]
fn the_ministry_keeps_referring_to_the_named_ministry() {
    let mut paragraphs = vec![
        "Output rose, the Economics Ministry said.",
        "The ministry said output rose.",
    ];
    // The ministry's name is nine paragraphs back (beyond the window), its last mention
    // eight.
    paragraphs.extend(std::iter::repeat_n("Prices were flat in the period.", 7));
    paragraphs.push("The ministry said prices were flat.");
    let doc = run(
        &paragraphs,
        &[(
            "Economics Ministry",
            EntityType::Organization,
            "Economics Ministry",
        )],
    );
    assert_eq!(speakers(&doc), ["Economics Ministry"; 3]);
}

#[test]
fn the_utility_is_the_power_company_and_it_too() {
    let doc = run(
        &[
            "Northern Lights Power Co said the valves will be replaced.",
            "This will delay start-up by three months, the utility said. It previously had projected a start in September.",
        ],
        &[(
            "Northern Lights Power Co",
            EntityType::Organization,
            "Northern Lights Power Co",
        )],
    );
    assert_eq!(speakers(&doc), ["Northern Lights Power Co"; 3]);
}

#[test]
fn a_surname_speaker_takes_the_full_name_when_it_comes() {
    let doc = run(
        &[
            "The analyst Roffman said the casino would fail.",
            "Marvin Roffman said he stood by the forecast.",
        ],
        &[],
    );
    assert_eq!(speakers(&doc)[..2], ["Marvin Roffman", "Marvin Roffman"]);
}

#[test]
fn he_is_the_subject_of_his_clause_not_the_older_speaker() {
    let doc = run(
        &[
            "Republicans were quick to react, with Donald Trump saying it was a disaster.",
            "Bernard Sandler spoke in Iowa in October, when he told rivals that voters were tired of it. On Friday, he remarked: \u{201C}There is a process in place.\u{201D}",
        ],
        &[
            ("Donald Trump", EntityType::Person, "Donald Trump"),
            ("Bernard Sandler", EntityType::Person, "Bernard Sandler"),
        ],
    );
    assert_eq!(
        speakers(&doc),
        ["Donald Trump", "Bernard Sandler", "Bernard Sandler"]
    );
}

#[test]
fn he_is_the_subject_of_the_sentence_before() {
    let doc = run(
        &[
            "Donald Trump said the deal was bad.",
            "Bernard Sandler visited Iowa in October. On Friday, he said it was over.",
        ],
        &[
            ("Donald Trump", EntityType::Person, "Donald Trump"),
            ("Bernard Sandler", EntityType::Person, "Bernard Sandler"),
        ],
    );
    assert_eq!(speakers(&doc), ["Donald Trump", "Bernard Sandler"]);
}

#[test]
fn a_subject_of_the_other_gender_is_skipped() {
    let doc = run(
        &[
            "Donald Trump said the deal was bad.",
            "Hillary Clinton visited Iowa in October. On Friday, he said it was over.",
        ],
        &[
            ("Donald Trump", EntityType::Person, "Donald Trump"),
            ("Hillary Clinton", EntityType::Person, "Hillary Clinton"),
        ],
    );
    assert_eq!(speakers(&doc), ["Donald Trump", "Donald Trump"]);
}

#[test]
fn a_name_inside_a_quotation_is_no_subject() {
    let doc = run(
        &[
            "Donald Trump said the deal was bad.",
            "\u{201C}Bernard Sandler is wrong about it,\u{201D} he said.",
        ],
        &[
            ("Donald Trump", EntityType::Person, "Donald Trump"),
            ("Bernard Sandler", EntityType::Person, "Bernard Sandler"),
        ],
    );
    assert_eq!(speakers(&doc), ["Donald Trump", "Donald Trump"]);
}

#[test]
fn she_skips_a_man_by_his_given_name() {
    let doc = run(
        &[
            "Hillary Clinton said the plan would work.",
            "Donald Trump said it would not.",
            "\u{201C}We will see,\u{201D} she said.",
        ],
        &[],
    );
    assert_eq!(
        speakers(&doc),
        ["Hillary Clinton", "Donald Trump", "Hillary Clinton"]
    );
}

#[test]
fn she_never_refers_to_an_unlisted_thing() {
    let doc = run(
        &[
            "The hidden camera shows the guards at the gate, the report said.",
            "\u{201C}It was terrifying,\u{201D} she said.",
        ],
        &[],
    );
    assert_eq!(speakers(&doc).last().unwrap(), "?");
}

#[test]
fn the_senator_is_titled_at_the_first_mention_only() {
    let doc = run(
        &[
            "Sen. Marco Ruiz of Florida won the primary in March.",
            "Ruiz offered his congratulations to the winner on Tuesday night.",
            "The Florida senator said the race was not over.",
        ],
        &[
            ("Marco Ruiz", EntityType::Person, "Marco Ruiz"),
            ("Ruiz", EntityType::Person, "Marco Ruiz"),
        ],
    );
    assert_eq!(speakers(&doc), ["Marco Ruiz"]);
}

#[test]
fn the_candidate_is_the_name_after_the_role_noun() {
    let doc = run(
        &[
            "Republican presidential candidate Ann Ruiz toured Ohio.",
            "The candidate said the race was close.",
        ],
        &[("Ann Ruiz", EntityType::Person, "Ann Ruiz")],
    );
    assert_eq!(speakers(&doc), ["Ann Ruiz"]);
}

#[test]
fn the_newspaper_is_the_outlet_named_before() {
    let doc = run(
        &[
            "In an opinion piece, The Springfield Journal called on the mayor to resign.",
            "\u{201C}He needs to stop blaming everyone else,\u{201D} the conservative newspaper said.",
        ],
        &[(
            "Springfield Journal",
            EntityType::Organization,
            "Springfield Journal",
        )],
    );
    assert_eq!(speakers(&doc).last().unwrap(), "Springfield Journal");
}

#[test]
fn a_newspaper_named_in_its_descriptor_is_a_new_outlet() {
    let doc = run(
        &[
            "The Springfield Journal said the mayor should resign.",
            "A column in the national Shelbyville newspaper said the opposite.",
        ],
        &[(
            "Springfield Journal",
            EntityType::Organization,
            "Springfield Journal",
        )],
    );
    assert_ne!(speakers(&doc).last().unwrap(), "Springfield Journal");
}

/// "the company" refers to the one organization that is the subject of a sentence in the
/// window, even when its name carries no company form; with two such subjects it stays
/// unresolved.
#[test]
fn the_company_is_the_one_organization_subject() {
    let doc = run(
        &[
            "SAN FRANCISCO, Nov 20 (Reuters) - Acme on Wednesday forecast revenue above estimates.",
            "Revenue rose 94% to $35 billion, the company said.",
        ],
        &[
            ("Acme", EntityType::Organization, "Acme"),
            ("Reuters", EntityType::Organization, "Reuters"),
        ],
    );
    assert_eq!(speakers(&doc), vec!["Acme"]);
    let doc = run(
        &[
            "Acme raised its prices. Globex cut its prices.",
            "Demand doubled, the company said.",
        ],
        &[
            ("Acme", EntityType::Organization, "Acme"),
            ("Globex", EntityType::Organization, "Globex"),
        ],
    );
    assert_eq!(speakers(&doc), vec!["the company"]);
}

/// A title with an "of" complement before a known person names the person ("Secretary of
/// State Antony Blinken"); a head noun before "for", "of" or "from" a person is someone
/// else ("a spokesman for Trump", "the campaign of Hillary Clinton").
#[test]
fn a_titled_person_after_an_of_complement_is_named() {
    let doc = run(
        &[
            "Secretary of State Antony Blinken told reporters the deal was close.",
            "Bank of Japan governor Kazuo Ueda said rates would rise.",
            "A spokesman for Donald Trump said the rally would go ahead.",
        ],
        &[
            ("Antony Blinken", EntityType::Person, "Antony Blinken"),
            ("Kazuo Ueda", EntityType::Person, "Kazuo Ueda"),
            ("Donald Trump", EntityType::Person, "Donald Trump"),
        ],
    );
    assert_eq!(
        speakers(&doc),
        [
            "Antony Blinken",
            "Kazuo Ueda",
            "A spokesman for Donald Trump"
        ]
    );
}

/// A document owned by a named body speaks for the body; a country's data are about it.
#[test]
fn document_of_a_named_body_is_the_body() {
    let doc = run(
        &[
            "Arrivals fell by roughly 60% this year, Interior Ministry data show.",
            "Oil prices fell 2 percent on Monday, LSEG data showed.",
            "Exports rose 5 percent in May, U.S. data showed.",
            "Trade data showed imports fell sharply in May.",
        ],
        &[
            (
                "Interior Ministry",
                EntityType::Organization,
                "Interior Ministry",
            ),
            ("U.S.", EntityType::Country, "United States"),
        ],
    );
    let named: Vec<(String, bool)> = doc
        .speakers
        .iter()
        .map(|s| {
            (
                s.name
                    .clone()
                    .or_else(|| s.descriptor.clone())
                    .unwrap_or_default(),
                s.named,
            )
        })
        .collect();
    assert!(
        named.contains(&("Interior Ministry".to_owned(), true)),
        "{named:?}"
    );
    assert!(named.contains(&("LSEG".to_owned(), true)), "{named:?}");
    assert!(
        named
            .iter()
            .all(|(s, n)| !(*n && (s == "U.S." || s == "Trade"))),
        "{named:?}"
    );
}

/// "Georgia Bureau of Investigation Director Chris Hosey said": the person is the speaker,
/// the bureau their affiliation, "Director" their role.
#[test]
fn a_body_title_and_person_name_the_person() {
    let doc = run(
        &["Georgia Bureau of Investigation Director Chris Hosey said nine people were hurt."],
        &[
            (
                "Georgia Bureau of Investigation",
                EntityType::Organization,
                "Georgia Bureau of Investigation",
            ),
            ("Chris Hosey", EntityType::Person, "Chris Hosey"),
        ],
    );
    assert_eq!(speakers(&doc), vec!["Chris Hosey"]);
    let s = &doc.speakers[0];
    assert_eq!(s.role.as_deref(), Some("Director"));
    assert_eq!(
        s.affiliation.as_deref(),
        Some("local:E1"),
        "the bureau's entity"
    );
}

/// "The city's mayor, Ihor Terekhov, told ...": the person named in the apposition is the
/// speaker, described by the phrase before it; an age in apposition is no role.
#[test]
fn a_name_in_apposition_after_a_description_is_the_speaker() {
    let doc = run(
        &[
            "The city's mayor, Ihor Terekhov, told the Guardian that 87 civilians had been killed.",
            "Another official, Anna Koval, 41, said the shelling went on all night.",
            "A spokesman, 52, said nothing more.",
        ],
        &[
            ("Ihor Terekhov", EntityType::Person, "Ihor Terekhov"),
            ("Anna Koval", EntityType::Person, "Anna Koval"),
        ],
    );
    assert_eq!(
        speakers(&doc),
        ["Ihor Terekhov", "Anna Koval", "A spokesman"]
    );
    let roles: Vec<Option<&str>> = doc.speakers.iter().map(|s| s.role.as_deref()).collect();
    assert_eq!(roles[0], Some("mayor"));
    assert_ne!(roles[1], Some("41"), "an age is no role");
    assert_eq!(roles[2], Some("spokesman"));
    assert!(doc.speakers.iter().take(2).all(|s| !s.anonymous));
}

/// "two of the people said": a part of a group named before refers back to the group.
#[test]
fn a_part_of_a_group_is_the_group() {
    let doc = run(
        &[
            "Intel plans to cut jobs, three people familiar with the matter said.",
            "The cuts could come this week, two of the people said.",
        ],
        &[],
    );
    assert_eq!(
        speakers(&doc),
        [
            "three people familiar with the matter",
            "three people familiar with the matter"
        ]
    );
}

#[test]
fn a_description_naming_another_organization_is_a_new_speaker() {
    let doc = run(
        &[
            "The World Health Organization said 20 people had died.",
            "More than 26,000 people have fled, according to the International Organization for Migration.",
            "The organization said the number would rise.",
        ],
        &[
            (
                "World Health Organization",
                EntityType::Organization,
                "World Health Organization",
            ),
            (
                "International Organization for Migration",
                EntityType::Organization,
                "International Organization for Migration",
            ),
        ],
    );
    assert_eq!(
        speakers(&doc),
        [
            "World Health Organization",
            "International Organization for Migration",
            "International Organization for Migration"
        ]
    );
}

#[test]
fn an_acronym_spelling_a_pronoun_is_a_name() {
    let doc = run(
        &[
            "\u{201C}We are receiving reports of executions,\u{201D} WHO chief Tedros Adhanom Ghebreyesus wrote on X.",
            "He said six health workers had been abducted.",
        ],
        &[],
    );
    assert_eq!(
        speakers(&doc),
        ["Tedros Adhanom Ghebreyesus", "Tedros Adhanom Ghebreyesus"]
    );
}

#[test]
fn a_later_sourcing_condition_goes_to_the_anonymous_speaker() {
    let doc = run(
        &[
            "The bloc will cut steel quotas by half, three people familiar with the plan told Reuters.",
            "The proposal could be presented next week, two of the people said. They spoke on condition of anonymity because the plan is not public.",
            "A spokesman for the company said it would comment later.",
        ],
        &[],
    );
    let conditions: Vec<&[String]> = doc
        .attributions
        .iter()
        .map(|a| a.conditions.as_slice())
        .collect();
    let anonymity = ["on condition of anonymity".to_owned()];
    assert_eq!(conditions, [&anonymity[..], &anonymity[..], &[][..]]);
    assert_eq!(doc.speakers[0].conditions, anonymity);
    assert!(doc.speakers[1].conditions.is_empty());
}

#[test]
fn an_attack_on_a_named_place_is_no_stance() {
    let doc = run(
        &[
            "Hamas-led militants attacked southern Israel on Oct. 7, 2023, killing about 1,200 people, according to Israeli tallies.",
            "Critics attacked Israel's decision to close the crossing.",
        ],
        &[("Israel", EntityType::Country, "Israel")],
    );
    let cues: Vec<(&str, &str)> = doc
        .attributions
        .iter()
        .map(|a| (a.cue.text.as_str(), a.content[0].text.as_str()))
        .collect();
    assert_eq!(
        cues,
        [
            (
                "according to",
                "Hamas-led militants attacked southern Israel on Oct. 7, 2023, killing about 1,200 people"
            ),
            ("attacked", "Israel's decision to close the crossing"),
        ]
    );
}

#[test]
fn the_agency_is_the_public_body_named_before() {
    let doc = run(
        &[
            "Nationwide, the Centers for Disease Control and Prevention has confirmed 378 cases.",
            "The agency said it had sent a team of about 10 people to help.",
        ],
        &[(
            "Centers for Disease Control and Prevention",
            EntityType::Organization,
            "Centers for Disease Control and Prevention",
        )],
    );
    assert_eq!(
        speakers(&doc),
        [
            "Centers for Disease Control and Prevention",
            "Centers for Disease Control and Prevention"
        ]
    );
}

/// A family name written first ("Li Qiang") or a given name male in its own language but
/// female in the US lists ("Valery", "Stephane") does not keep "he" from the speaker.
#[test]
fn he_refers_to_names_the_us_lists_read_as_female() {
    for name in [
        "Premier Li Qiang",
        "General Valery Gerasimov",
        "spokesman Stephane Dujarric",
    ] {
        let doc = run(
            &[
                &format!("{name} said the talks would go on."),
                "\u{201C}We will see,\u{201D} he told reporters.",
            ],
            &[],
        );
        let all = speakers(&doc);
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(all[0], all[1], "{all:?}");
    }
}

/// "Keller's attorney, David Brennan, said": the person in the possessive owns the
/// description; the name in apposition is the speaker.
#[test]
fn a_name_after_a_description_owned_by_a_person_is_the_speaker() {
    let doc = run(
        &[
            "A jury convicted Thomas Keller of bribery.",
            "Keller's attorney, David Brennan, said his client would appeal.",
        ],
        &[
            ("Keller", EntityType::Person, "Thomas Keller"),
            ("David Brennan", EntityType::Person, "David Brennan"),
        ],
    );
    assert_eq!(speakers(&doc), ["David Brennan"]);
    let role = doc.speakers.iter().find_map(|s| s.role.clone());
    assert_eq!(role.as_deref(), Some("attorney"));
}

/// "Forecasters said", "Aid workers said": a capitalized first word the entities layer
/// read as no name is a common word, a group or part of the role, never a named speaker
/// or an affiliation. A name the layer knows stays one.
#[test]
fn a_sentence_opening_common_word_is_no_name() {
    let doc = run(
        &[
            "Forecasters said the storm was weakening.",
            "Aid workers said thousands remained in shelters.",
            "Holness said the damage was vast.",
        ],
        &[("Holness", EntityType::Person, "Andrew Holness")],
    );
    let find = |text: &str| {
        doc.speakers
            .iter()
            .find(|s| s.mentions.iter().any(|m| m.text == text))
            .unwrap()
    };
    let forecasters = find("Forecasters");
    assert!(
        !forecasters.named && forecasters.name.is_none(),
        "{forecasters:?}"
    );
    let aid = find("Aid workers");
    assert_eq!(aid.role.as_deref(), Some("aid workers"));
    assert!(aid.affiliation.is_none(), "{aid:?}");
    assert!(find("Holness").named);
}

/// "according to the Civil Defence service", "A VW statement": a phrase opening with an
/// organization the entities layer knows, followed only by organization or document nouns,
/// names that organization; a person noun after it ("A Hamas official") or a government
/// ("the Reagan administration") describes someone else.
#[test]
fn an_organization_opening_the_phrase_is_the_speaker() {
    let doc = run(
        &[
            "One strike killed 11 people, according to the Civil Defence service.",
            "A Hamas official said the talks had stalled.",
        ],
        &[
            ("Civil Defence", EntityType::Organization, "Civil Defence"),
            ("Hamas", EntityType::Organization, "Hamas"),
        ],
    );
    let civil = &doc.speakers[0];
    assert!(civil.named, "{civil:?}");
    assert_eq!(civil.name.as_deref(), Some("Civil Defence"));
    assert_eq!(civil.role.as_deref(), Some("service"));
    let official = &doc.speakers[1];
    assert!(
        official.anonymous && official.name.is_none(),
        "{official:?}"
    );
}

/// "A senior official at the Africa Centres for Disease Control and Prevention, who ...,
/// said": the "and" inside the body's name does not cut the source; "the country's public
/// health agency" is a body of that country, not the agency named before.
#[test]
fn a_name_with_and_stays_whole_and_the_countrys_agency_is_new() {
    let doc = run(
        &[
            "A senior official at the Africa Centres for Disease Control and Prevention, who spoke on condition of anonymity, said cases were higher.",
            "The World Health Organization said cases rose.",
            "Sweden reported its first case, the country's public health agency said.",
        ],
        &[(
            "World Health Organization",
            EntityType::Organization,
            "World Health Organization",
        )],
    );
    let official = &doc.speakers[0];
    assert_eq!(
        official.descriptor.as_deref(),
        Some("A senior official at the Africa Centres for Disease Control and Prevention")
    );
    assert!(official.anonymous);
    let all = speakers(&doc);
    assert_eq!(all.len(), 3, "{all:?}");
    assert_ne!(all[2], "World Health Organization", "{all:?}");
}

/// "according to its most recent quarterly filing": a document owned by a pronoun is the
/// body the pronoun refers to.
#[test]
fn a_document_owned_by_its_is_the_body_before() {
    let doc = run(
        &[
            "Acme Corp said it would cut 500 jobs.",
            "Acme had 9,000 employees in September, according to its most recent quarterly filing.",
        ],
        &[("Acme", EntityType::Organization, "Acme Corp")],
    );
    assert_eq!(speakers(&doc), ["Acme Corp", "Acme Corp"]);
}

/// A body named by an association, lobby, institute or bureau noun is an organization:
/// a later "it" refers to it ("the 80% it says is needed").
#[test]
fn it_refers_to_an_association_or_a_lobby() {
    let doc = run(
        &[
            "The European steel association said imports had risen 12% in 2025.",
            "It says a quota of 80% is needed to restore the industry.",
            "Steel lobby Eurofer said capacity use had fallen to 65%.",
            "It says the cut falls short.",
        ],
        &[],
    );
    assert_eq!(
        speakers(&doc),
        [
            "The European steel association",
            "The European steel association",
            "Eurofer",
            "Eurofer"
        ]
    );
}

/// A noun cue owned by a name and followed by "that" is that speaker's report ("Hillary
/// Clinton's claim that ..."); the speaker's name has no possessive ending.
#[test]
fn an_owned_claim_is_the_owners_report() {
    let doc = run(
        &[
            "Hillary Clinton's claim that Donald Trump appears in an ISIS video is false.",
            "The DNC's claim that the vote was fair drew fire.",
        ],
        &[],
    );
    assert_eq!(speakers(&doc), ["Hillary Clinton", "The DNC"]);
    assert!(
        doc.attributions[0].content[0]
            .text
            .starts_with("that Donald Trump appears in an ISIS video")
    );
}

/// "the electoral commission said" then "the Electoral Commission of Zambia said": one body,
/// named by the later mention.
#[test]
fn an_institution_described_first_is_the_one_named_later() {
    let doc = run(
        &[
            "The ruling party won a majority, the electoral commission said on Monday.",
            "The party took 98 seats, the Electoral Commission of Zambia said.",
        ],
        &[],
    );
    assert_eq!(doc.speakers.len(), 1, "{:?}", doc.speakers);
    assert_eq!(
        doc.speakers[0].name.as_deref(),
        Some("Electoral Commission")
    );
}

/// "one of them said" is a part of the group named before, not a speaker of its own; and
/// "put the number at closer to 45,000" reports an amount.
#[test]
fn one_of_them_is_the_group_before() {
    let doc = run(
        &[
            "The plan is ready, two U.S. officials told Reuters.",
            "No final decision has been made, one of them said.",
            "Another official put the number at closer to 45,000.",
        ],
        &[],
    );
    let all = speakers(&doc);
    assert_eq!(all.len(), 3, "{all:?}");
    assert_eq!(all[0], all[1], "{all:?}");
    assert_eq!(all[2], "Another official", "{all:?}");
}

#[test]
fn the_same_words_as_two_sources_are_one_speaker_mentioned_once() {
    let doc = run(
        &[
            "A woman who said she watched the stop told the newspaper that the man had his hands up.",
        ],
        &[],
    );
    assert_eq!(doc.speakers.len(), 1, "{:?}", doc.speakers);
    assert_eq!(doc.speakers[0].mentions.len(), 1, "{:?}", doc.speakers);
}

/// "her assertion that ...", "his insistence that ...": the owner of a noun cue is its
/// source and resolves like a subject pronoun; the same nouns without an owner and a
/// that-clause report nothing ("heard arguments", "allegations of fraud").
#[test]
fn an_owned_noun_cue_resolves_its_possessive_owner() {
    let doc = run(
        &[
            "Senator Jane Doe said the count was fair. Her assertion that the vote was rigged was rejected.",
            "A judge heard arguments in the case. Allegations of fraud surfaced.",
        ],
        &[],
    );
    assert_eq!(speakers(&doc), ["Jane Doe", "Jane Doe"]);
    let cues: Vec<&str> = doc
        .attributions
        .iter()
        .map(|a| a.cue.text.as_str())
        .collect();
    assert_eq!(cues, ["said", "assertion"]);
}

/// "Ukraine's General Staff": a title word inside an organization's name is no role;
/// "The city council's current president": the nouns before the possessive are the owner
/// ("city council"), not part of the role.
#[test]
fn roles_leave_names_and_owners_whole() {
    let doc = run(
        &[
            "Ukraine's General Staff said 30 drones were shot down.",
            "The city council's current president, Angela Ruiz, said the budget was balanced.",
        ],
        &[
            ("General Staff", EntityType::Organization, "General Staff"),
            ("Angela Ruiz", EntityType::Person, "Angela Ruiz"),
        ],
    );
    let staff = doc
        .speakers
        .iter()
        .find(|s| s.name.as_deref() == Some("General Staff"))
        .unwrap();
    assert_eq!(staff.role, None);
    let ruiz = doc
        .speakers
        .iter()
        .find(|s| s.name.as_deref() == Some("Angela Ruiz"))
        .unwrap();
    assert_eq!(ruiz.role.as_deref(), Some("current president"));
    assert_eq!(ruiz.affiliation.as_deref(), Some("city council"));
}

/// "The electoral commission said ..." opening its sentence, then "the Electoral Commission
/// of Zambia said": the capitalized "The" does not make the description a name.
#[test]
fn an_institution_described_at_a_sentence_start_is_the_one_named_later() {
    let doc = run(
        &[
            "The electoral commission said turnout was 54 percent.",
            "Later, the Electoral Commission of Zambia said results would be delayed.",
        ],
        &[],
    );
    assert_eq!(doc.speakers.len(), 1, "{:?}", doc.speakers);
    assert_eq!(
        doc.speakers[0].name.as_deref(),
        Some("Electoral Commission")
    );
}

#[test]
fn a_statement_from_an_organization_is_the_organization_speaking() {
    let doc = run(
        &["According to a statement from the Health Ministry, 37 people died."],
        &[(
            "Health Ministry",
            EntityType::Organization,
            "Health Ministry",
        )],
    );
    let s = &doc.speakers[0];
    assert_eq!(s.name.as_deref(), Some("Health Ministry"), "{s:?}");
    assert!(!s.anonymous, "{s:?}");
}

#[test]
fn an_institution_owned_by_its_pronoun_is_named_and_takes_the_owner() {
    let doc = run(
        &[
            "Israel says it has killed 17,000 militants. Its military said three soldiers were killed.",
        ],
        &[("Israel", EntityType::Country, "IL")],
    );
    let military = doc
        .speakers
        .iter()
        .find(|s| s.descriptor.as_deref() == Some("Its military"))
        .unwrap();
    assert!(!military.anonymous && military.named, "{military:?}");
    assert_eq!(
        military.affiliation.as_deref(),
        Some("local:E1"),
        "{military:?}"
    );
    // A person so owned stays anonymous.
    let doc = run(
        &[
            "Israel says it has killed 17,000 militants. Its spokesman said the strikes would go on.",
        ],
        &[("Israel", EntityType::Country, "IL")],
    );
    assert!(
        doc.speakers
            .iter()
            .any(|s| s.descriptor.as_deref() == Some("Its spokesman") && s.anonymous)
    );
}

#[test]
fn a_body_named_with_and_keeps_its_whole_name() {
    // The entities stage may split "the Food and Drug Administration" at "and".
    let doc = run(
        &["The Food and Drug Administration said the drug was safe."],
        &[("Food", EntityType::Organization, "Food")],
    );
    assert_eq!(
        speakers(&doc),
        vec!["Food and Drug Administration".to_owned()]
    );
}

#[test]
fn a_title_word_naming_a_department_is_no_person_and_two_departments_stay_two() {
    let doc = run(
        &[
            "The Justice Department said the case was closed. The Energy Department said prices would rise. It said more later.",
        ],
        &[],
    );
    assert_eq!(
        speakers(&doc),
        vec![
            "Justice Department".to_owned(),
            "Energy Department".to_owned(),
            "Energy Department".to_owned()
        ]
    );
}

#[test]
fn a_portfolio_before_a_title_is_part_of_the_role() {
    let doc = run(
        &["Energy Minister Herman Halushchenko said the grid was hit."],
        &[],
    );
    let s = &doc.speakers[0];
    assert_eq!(s.role.as_deref(), Some("Energy Minister"), "{s:?}");
    assert_eq!(s.affiliation, None, "{s:?}");
}

#[test]
fn the_outlet_that_obtained_a_document_is_not_its_speaker() {
    let doc = run(
        &["He carried a gun, according to an internal memo obtained by CNN."],
        &[("CNN", EntityType::Organization, "CNN")],
    );
    let s = &doc.speakers[0];
    assert!(s.name.is_none() && s.anonymous, "{s:?}");
    assert_eq!(s.role.as_deref(), Some("internal memo"), "{s:?}");
}

#[test]
fn a_family_name_written_first_refers_to_the_full_name() {
    let doc = run(
        &["Prime Minister Li Qiang said growth was strong. Li said the economy would improve."],
        &[("Li Qiang", EntityType::Person, "Li Qiang")],
    );
    assert_eq!(
        speakers(&doc),
        vec!["Li Qiang".to_owned(), "Li Qiang".to_owned()]
    );
    // A surname still wins: "Johnson" is Boris Johnson, not Johnson Adeyemi.
    let doc = run(
        &[
            "Johnson Adeyemi said the vote was fair. Boris Johnson said it was not. Johnson said so again.",
        ],
        &[],
    );
    assert_eq!(speakers(&doc)[2], "Boris Johnson", "{:?}", speakers(&doc));
}

#[test]
fn the_source_after_one_of_the_sources_is_that_group() {
    let doc = run(
        &[
            "Talks are close, two sources briefed on the talks said. The first phase would free 33 hostages, one of the sources said. Israel would free 700 prisoners, the source added.",
        ],
        &[],
    );
    let s = speakers(&doc);
    assert_eq!(s.len(), 3, "{s:?}");
    assert!(
        s.iter().all(|x| x == "two sources briefed on the talks"),
        "{s:?}"
    );
}

#[test]
fn a_quantifier_before_a_plural_name_makes_an_anonymous_group() {
    let doc = run(
        &["Some Democrats have privately said the plan is weak."],
        &[("Democrats", EntityType::Organization, "Democratic Party")],
    );
    let s = &doc.speakers[0];
    assert!(s.anonymous && s.group && s.name.is_none(), "{s:?}");
    // The party named as a whole stays named.
    let doc = run(
        &["Democrats said the plan is weak."],
        &[("Democrats", EntityType::Organization, "Democratic Party")],
    );
    assert!(!doc.speakers[0].anonymous, "{:?}", doc.speakers);
}

#[test]
fn a_participle_aside_after_the_source_is_no_role() {
    let doc = run(
        &["Bankman-Fried, speaking before the sentence was announced, said he was sorry."],
        &[],
    );
    assert_eq!(doc.speakers[0].role, None, "{:?}", doc.speakers);
}

/// "Ursula von der Leyen", "Bashar al-Assad", "Abubakr al-Bushra": a lowercase particle
/// inside a name goes on with it, so the name is whole, the speaker named, and the title
/// before it the role ("President", not "President von der").
#[test]
fn a_particle_inside_a_name_goes_on_with_the_name() {
    let doc = run(
        &[
            "European Commission President Ursula von der Leyen said the deal was fair.",
            "Syrian President Bashar al-Assad said the talks had failed.",
            "Sudan's agriculture minister, Abubakr al-Bushra, told reporters that the data were old.",
        ],
        // A name in apposition needs the entities layer to be a person.
        &[("Abubakr al-Bushra", EntityType::Person, "Abubakr al-Bushra")],
    );
    let named: Vec<(Option<&str>, Option<&str>, bool)> = doc
        .speakers
        .iter()
        .map(|s| (s.name.as_deref(), s.role.as_deref(), s.anonymous))
        .collect();
    assert_eq!(
        named,
        [
            (Some("Ursula von der Leyen"), Some("President"), false),
            (Some("Bashar al-Assad"), Some("President"), false),
            (
                Some("Abubakr al-Bushra"),
                Some("agriculture minister"),
                false
            ),
        ]
    );
    // English words between names are not particles: "Smith at Google" is two names.
    let doc = run(&["John Smith at Google said the deal was fair."], &[]);
    assert_ne!(
        doc.speakers[0].name.as_deref(),
        Some("John Smith at Google")
    );
}

/// "Foreign Ministry spokesman Lin Jian", "a State Department spokesman": the title word
/// before a body's head noun names the body; the role is "spokesman", not "Foreign
/// spokesman". A title before a person stays the role ("Foreign Minister Sergei Lavrov").
#[test]
fn a_title_word_naming_a_body_is_not_the_role() {
    let doc = run(
        &[
            "Chinese Foreign Ministry spokesman Lin Jian said the probe was lawful.",
            "A State Department spokesman said talks would go on.",
            "Foreign Minister Sergei Lavrov said the plan had failed.",
            "NATO Secretary-General Mark Rutte said the alliance was ready.",
        ],
        &[],
    );
    let roles: Vec<(Option<&str>, Option<&str>)> = doc
        .speakers
        .iter()
        .map(|s| (s.role.as_deref(), s.affiliation.as_deref()))
        .collect();
    assert_eq!(
        roles,
        [
            (Some("spokesman"), Some("Chinese Foreign Ministry")),
            (Some("spokesman"), Some("State Department")),
            (Some("Foreign Minister"), None),
            (Some("Secretary-General"), Some("NATO")),
        ]
    );
}

/// "A Bank of Japan spokesman", "University of Missouri economist Glenn Grimes": a body's
/// name joined by "of" before a head is the affiliation; the spokesman is anonymous, not
/// the bank. "The Bank of Japan said" is the bank; a person "of" a firm stays the person.
/// "The hospital" after "Massachusetts General Hospital" is the hospital.
#[test]
fn a_body_named_with_of_before_a_head_is_the_affiliation() {
    let doc = run(
        &[
            "A Bank of Japan spokesman said rates would stay low.",
            "University of Missouri economist Glenn Grimes said prices rose.",
            "The Bank of Japan said rates would stay low.",
            "Perrin Long of Lipper said funds fell.",
        ],
        &[],
    );
    type Described<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, bool);
    let got: Vec<Described<'_>> = doc
        .speakers
        .iter()
        .map(|s| {
            (
                s.name.as_deref(),
                s.role.as_deref(),
                s.affiliation.as_deref(),
                s.anonymous,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (None, Some("spokesman"), Some("Bank of Japan"), true),
            (
                Some("Glenn Grimes"),
                Some("economist"),
                Some("University of Missouri"),
                false
            ),
            (Some("Bank"), None, Some("Japan"), false),
            (Some("Perrin Long"), None, Some("Lipper"), false),
        ]
    );
    let doc = run(
        &["Massachusetts General Hospital said he was well. The hospital said he left."],
        &[(
            "Massachusetts General Hospital",
            EntityType::Organization,
            "Massachusetts General Hospital",
        )],
    );
    assert_eq!(speakers(&doc), ["Massachusetts General Hospital"; 2]);
}

/// "Cheatle resigned the next day, the agency said. She wrote ...": a body speaking after
/// the subject does not make the subject an older antecedent; "she" is Cheatle, not the
/// district attorney who spoke before.
#[test]
fn a_body_speaking_after_the_subject_leaves_the_subject_the_antecedent() {
    let doc = run(
        &[
            "Kimberly Cheatle said she was sorry.",
            "Officers spotted the gunman, a county district attorney said.",
            "Cheatle resigned the next day, the agency said. She wrote that she took full responsibility.",
        ],
        &[("Cheatle", EntityType::Person, "Kimberly Cheatle")],
    );
    assert_eq!(
        speakers(&doc),
        [
            "Kimberly Cheatle",
            "a county district attorney",
            "the agency",
            "Kimberly Cheatle"
        ]
    );
}

/// "In a post on X, he said": a body named in a short introductory phrase leaves the
/// subject of the sentence before ("Hegseth, 44, ... has no ...") the antecedent, not the
/// speaker quoted before it.
#[test]
fn a_body_in_an_introductory_phrase_leaves_the_previous_subject_the_antecedent() {
    let doc = run(
        &[
            "\"Pete is tough,\" Trump wrote on Tuesday.",
            "Hegseth, 44, a former officer, has no senior experience. In a post on X, he said he was humbled.",
        ],
        &[
            ("Trump", EntityType::Person, "Donald Trump"),
            ("Hegseth", EntityType::Person, "Pete Hegseth"),
            ("X", EntityType::Organization, "X"),
        ],
    );
    assert_eq!(speakers(&doc), ["Donald Trump", "Pete Hegseth"]);
}

#[test]
fn a_body_qualified_by_another_country_is_another_speaker() {
    let doc = run(
        &[
            "The Health Ministry in Hamas-run Gaza said the death toll had passed 43,000.",
            "In Lebanon, the Lebanese Health Ministry said 21 people were killed Saturday.",
        ],
        &[
            ("Hamas", EntityType::Organization, "Hamas"),
            ("Lebanon", EntityType::Country, "Lebanon"),
            (
                "Lebanese Health Ministry",
                EntityType::Organization,
                "Lebanese Health Ministry",
            ),
            (
                "Health Ministry",
                EntityType::Organization,
                "Health Ministry",
            ),
        ],
    );
    assert_eq!(
        speakers(&doc),
        ["Health Ministry", "Lebanese Health Ministry"]
    );
}

#[test]
fn a_body_qualified_by_its_own_country_is_the_same_speaker() {
    let doc = run(
        &[
            "The National Bank of Hungary said it had not broken any rules.",
            "The Hungarian National Bank later said the loans were legal.",
            "The Federal Statistics Office said imports rose in March.",
            "The Statistics Office said exports fell.",
        ],
        &[
            ("Hungary", EntityType::Country, "Hungary"),
            (
                "Hungarian National Bank",
                EntityType::Organization,
                "Hungarian National Bank",
            ),
            ("National Bank", EntityType::Organization, "National Bank"),
            (
                "Federal Statistics Office",
                EntityType::Organization,
                "Federal Statistics Office",
            ),
            (
                "Statistics Office",
                EntityType::Organization,
                "Statistics Office",
            ),
        ],
    );
    let s = speakers(&doc);
    assert_eq!(s[0], s[1], "{s:?}");
    assert_eq!(s[2], s[3], "{s:?}");
}

#[test]
fn a_document_released_by_someone_is_headed_by_the_document() {
    let doc = run(
        &[
            "Police had spotted the gunman, according to text messages released by a county district attorney.",
            "The messages show an officer photographed him at 5:10 p.m.",
        ],
        &[],
    );
    let s = speakers(&doc);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[0], s[1], "{s:?}");
    assert!(doc.speakers[0].group, "the messages are plural");
}

/// "Sen. Chuck Schumer, D-N.Y., said": the party tag in apposition is the affiliation; the
/// state is not a role.
#[test]
fn a_party_tag_in_apposition_is_the_affiliation() {
    let doc = run(
        &[
            "Sen. Chuck Schumer, D-N.Y., said the bill would pass.",
            "Rep. Jim Jordan, R-Ohio, said it would fail.",
        ],
        &[],
    );
    let got: Vec<(Option<&str>, Option<&str>, Option<&str>)> = doc
        .speakers
        .iter()
        .map(|s| {
            (
                s.name.as_deref(),
                s.role.as_deref(),
                s.affiliation.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                Some("Chuck Schumer"),
                Some("Sen."),
                Some("Democratic Party")
            ),
            (Some("Jim Jordan"), Some("Rep."), Some("Republican Party")),
        ]
    );
}

/// "Kremlin spokesman Dmitry Peskov told" opening a sentence: the body the gazetteer names
/// is the affiliation, the role "spokesman"; "Government officials" names no body.
#[test]
fn a_named_body_opening_a_sentence_is_the_affiliation() {
    let mut doc = Document::new(
        DocumentMeta::default(),
        [
            "Kremlin spokesman Dmitry Peskov told reporters the talks had stalled.",
            "Government officials said the talks had stalled.",
        ],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    for (id, kind, name) in [
        ("org:kremlin", EntityType::Organization, "Kremlin"),
        ("local:E1", EntityType::Person, "Dmitry Peskov"),
    ] {
        let at = doc.body.find(name).unwrap();
        let mention = doc.span(at, at + name.len()).unwrap();
        doc.entities.push(Entity {
            id: id.into(),
            kind,
            name: name.into(),
            mentions: vec![mention],
            parent: None,
        });
    }
    doc.mark_layer(Layer::Entities);
    Attributor::new().unwrap().run(&mut doc).unwrap();
    let got: Vec<(Option<&str>, Option<&str>)> = doc
        .speakers
        .iter()
        .map(|s| (s.role.as_deref(), s.affiliation.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("spokesman"), Some("org:kremlin")),
            (Some("Government officials"), None),
        ]
    );
}

/// "a 29-year-old office worker who said": the age is one word, so the apposition and its
/// relative clause stay with the named speaker, whose role is "office worker"; declining to
/// give a full name is a sourcing condition.
#[test]
fn an_age_in_an_apposition_keeps_it_whole() {
    let doc = run(
        &[
            "\u{201C}We did it together,\u{201D} said Kim Min-ji, a 29-year-old office worker who said she had come to every protest.",
            "Maria Lopez, a 34-year-old nurse who declined to give her full name, said the hospital was overwhelmed.",
        ],
        &[
            ("Kim Min-ji", EntityType::Person, "Kim Min-ji"),
            ("Maria Lopez", EntityType::Person, "Maria Lopez"),
        ],
    );
    assert_eq!(speakers(&doc), ["Kim Min-ji", "Maria Lopez"]);
    let got: Vec<(Option<&str>, Vec<&str>)> = doc
        .speakers
        .iter()
        .map(|s| {
            let conditions = s.conditions.iter().map(String::as_str).collect();
            (s.role.as_deref(), conditions)
        })
        .collect();
    assert_eq!(
        got,
        [
            (Some("office worker"), vec![]),
            (Some("nurse"), vec!["declined to give her full name"])
        ]
    );
}

/// A wire dateline is no name with an apposition: the speaker after the dateline is the
/// source, and a source right of the cue is an inverted one.
#[test]
fn a_dateline_is_no_source() {
    let doc = run(
        &[
            "NEW YORK, March 23 - Acme Corp is raising 600 mln dlrs through an offering of notes, said lead manager Salomon Brothers Inc.",
            "ESCHBORN, West Germany, March 2 - Alcan Aluminiumwerke GmbH, a subsidiary of Alcan Aluminium Ltd of Canada, said it plans to close its smelter.",
        ],
        &[
            (
                "Salomon Brothers Inc.",
                EntityType::Organization,
                "Salomon Brothers Inc.",
            ),
            (
                "Alcan Aluminiumwerke GmbH",
                EntityType::Organization,
                "Alcan Aluminiumwerke GmbH",
            ),
            ("NEW YORK", EntityType::Place, "New York"),
            ("ESCHBORN", EntityType::Place, "Eschborn"),
        ],
    );
    assert_eq!(
        speakers(&doc),
        ["Salomon Brothers Inc.", "Alcan Aluminiumwerke GmbH"]
    );
    let first = &doc.attributions[0];
    assert!(first.content[0].text.starts_with("Acme Corp is raising"));
}

/// "The United Nations' special envoy for Syria, Geir Pedersen,": a name in apposition to a
/// person descriptor is the speaker though the entities stage typed it a local organization
/// (an unlisted given name); "he" then refers to him.
#[test]
fn an_unlisted_name_in_apposition_names_the_speaker() {
    let doc = run(
        &[
            "The United Nations' special envoy for Syria, Geir Pedersen, called for talks in Geneva. Syria's neighbours, he said, must respect its sovereignty.",
            "The territory's prefect, Francois-Xavier Bieuville, told reporters the toll would rise.",
        ],
        &[
            ("Geir Pedersen", EntityType::Organization, "Geir Pedersen"),
            (
                "Francois-Xavier Bieuville",
                EntityType::Organization,
                "Francois-Xavier Bieuville",
            ),
        ],
    );
    assert_eq!(
        speakers(&doc),
        [
            "Geir Pedersen",
            "Geir Pedersen",
            "Francois-Xavier Bieuville"
        ]
    );
}

/// Portfolios keep office holders apart: "the interior ministry" is not "the health
/// ministry" said before, nor "the defense minister" "Finance Minister Choi".
#[test]
fn another_portfolio_is_another_speaker() {
    let doc = run(
        &[
            "The health ministry said the hospital was damaged. Rescue workers arrived from France, the interior ministry said.",
            "Finance Minister Choi Sang-mok said the won would recover. The defense minister said troops were ready. The finance minister added that markets were calm.",
        ],
        &[("Choi Sang-mok", EntityType::Person, "Choi Sang-mok")],
    );
    assert_eq!(
        speakers(&doc),
        [
            "The health ministry",
            "the interior ministry",
            "Choi Sang-mok",
            "The defense minister",
            "Choi Sang-mok"
        ]
    );
}

/// "the rebel coalition led by Hayat Tahrir al-Sham said": the led body is the source and
/// the speaker, its leader the affiliation; "the group" later is the same speaker.
#[test]
fn a_body_led_by_another_is_the_source() {
    let doc = run(
        &[
            "\u{201C}We have liberated Damascus,\u{201D} the rebel coalition led by Hayat Tahrir al-Sham said in a statement.",
            "A group led by investor Michael Steinhardt told regulators it bought a stake. The group said it paid 114 mln dlrs.",
        ],
        &[
            (
                "Hayat Tahrir al-Sham",
                EntityType::Organization,
                "Hayat Tahrir al-Sham",
            ),
            (
                "Michael Steinhardt",
                EntityType::Person,
                "Michael Steinhardt",
            ),
        ],
    );
    let sources: Vec<&str> = doc
        .attributions
        .iter()
        .filter(|a| a.within.is_none())
        .filter_map(|a| a.source.as_ref().map(|s| s.text.as_str()))
        .collect();
    assert_eq!(
        sources,
        [
            "the rebel coalition led by Hayat Tahrir al-Sham",
            "A group led by investor Michael Steinhardt",
            "The group"
        ]
    );
    let first = &doc.speakers[0];
    assert_eq!(first.role.as_deref(), Some("rebel coalition"));
    assert_eq!(first.affiliation.as_deref(), Some("local:E1"));
    assert_eq!(doc.speakers.len(), 2);
}

/// "reported, citing a Kremlin source, that ...": the aside names where the report came
/// from; the report's content starts after it, and the cited source is a condition.
#[test]
fn a_citing_aside_between_cue_and_content() {
    let doc = run(
        &[
            "Russian news agencies later reported, citing a Kremlin source, that Assad had arrived in Moscow.",
        ],
        &[],
    );
    let top: Vec<(&str, &str)> = doc
        .attributions
        .iter()
        .filter(|a| a.within.is_none() && a.class == tally_core::AttributionClass::Statement)
        .map(|a| (a.cue.text.as_str(), a.content[0].text.as_str()))
        .collect();
    assert_eq!(
        top,
        [("later reported", "that Assad had arrived in Moscow")]
    );
    assert!(
        doc.attributions[0]
            .conditions
            .iter()
            .any(|c| c == "citing a Kremlin source")
    );
}

/// "Yoon declared martial law": declaring is an act, attributed but no claim of fact; and a
/// weak statement cue whose object it refused takes no fronted phrase as post-posed content
/// ("For rectal cancer, the researchers found no remissions"), while one ending its clause
/// does ("Prices rose in March, the figures show.").
#[test]
fn declaring_and_fronted_phrases_are_no_statements() {
    let doc = run(
        &[
            "Yoon declared martial law late on Dec. 3.",
            "For rectal and colon cancer, the researchers found no remissions.",
            "Consumer prices rose 2.1 percent in March, the figures show.",
        ],
        &[],
    );
    let statements: Vec<(&str, &str)> = doc
        .attributions
        .iter()
        .filter(|a| a.class == tally_core::AttributionClass::Statement)
        .map(|a| (a.cue.text.as_str(), a.content[0].text.as_str()))
        .collect();
    assert_eq!(
        statements,
        [("show", "Consumer prices rose 2.1 percent in March")]
    );
}

/// "two of the sources" after "three people familiar with the matter": with no speaker
/// called sources, the unnamed people are the ones referred to.
#[test]
fn the_sources_refer_to_people_familiar_with_the_matter() {
    let doc = run(
        &[
            "The chief executive was forced out, three people familiar with the matter told Reuters. He chose to step down, according to two of the sources.",
        ],
        &[],
    );
    assert_eq!(
        speakers(&doc),
        [
            "three people familiar with the matter",
            "three people familiar with the matter"
        ]
    );
}

/// A report inside a relative clause between commas stands in its antecedent's clause: the
/// later speaker's content starts with the antecedent, not with "who".
#[test]
fn a_relative_clause_report_keeps_the_outer_content_whole() {
    let doc = run(
        &[
            "Former Defense Minister Kim Yong-hyun, who the opposition says recommended the decree, was arrested on Tuesday, the Justice Ministry said.",
        ],
        &[],
    );
    let said = doc
        .attributions
        .iter()
        .find(|a| a.cue.text == "said")
        .unwrap();
    assert!(
        said.content[0]
            .text
            .starts_with("Former Defense Minister Kim Yong-hyun, who"),
        "{}",
        said.content[0].text
    );
}

/// "MAMOUDZOU, Mayotte (AFP) -": the agency credited in the dateline is no antecedent of a
/// later "the agency said".
#[test]
fn the_wire_credit_is_no_antecedent() {
    let doc = run(
        &[
            "MAMOUDZOU, Mayotte (AFP) - Winds ripped roofs off homes, according to the weather service. It was the strongest storm in 90 years, the agency said.",
        ],
        &[("AFP", EntityType::Organization, "Agence France-Presse")],
    );
    assert!(
        doc.speakers
            .iter()
            .all(|s| s.name.as_deref() != Some("Agence France-Presse")),
        "{:?}",
        doc.speakers
    );
}

/// Letters glued to a number are one word: "told local broadcaster Mayotte la 1ere on
/// Sunday" skips the whole addressee, so the quotation before the source is the content.
#[test]
fn letters_glued_to_a_number_are_one_word() {
    let doc = run(
        &[
            "\u{201C}There will be several hundred\u{201D} dead, the prefect told local broadcaster Mayotte la 1ere on Sunday.",
        ],
        &[],
    );
    let contents: Vec<&str> = doc
        .attributions
        .iter()
        .map(|a| a.content[0].text.as_str())
        .collect();
    assert_eq!(
        contents,
        ["\u{201C}There will be several hundred\u{201D} dead"]
    );
}

/// "The head of the Alliance of Small Island States, Cedric Schuster of Samoa, said": the
/// name in the apposition is the speaker though its country follows it.
#[test]
fn a_name_with_its_country_after_of_names_the_speaker() {
    let doc = run(
        &[
            "The head of the Alliance of Small Island States, Cedric Schuster of Samoa, said small islands would leave disappointed.",
        ],
        &[
            ("Cedric Schuster", EntityType::Person, "Cedric Schuster"),
            ("Samoa", EntityType::Country, "Samoa"),
        ],
    );
    assert_eq!(speakers(&doc), ["Cedric Schuster"]);
}

/// `"It was hard," said one of the organizers.`: a part of a group after an inverted cue is
/// the source; "one of Tornetta's lawyers" gives the role its group's noun.
#[test]
fn a_part_of_a_group_after_the_cue_is_the_source() {
    let doc = run(
        &[
            "\u{201C}It was hard,\u{201D} said one of the organizers.",
            "\u{201C}The board failed shareholders,\u{201D} Greg Varallo, one of Tornetta's lawyers, said.",
        ],
        &[("Greg Varallo", EntityType::Person, "Greg Varallo")],
    );
    assert_eq!(speakers(&doc), ["one of the organizers", "Greg Varallo"]);
    let varallo = doc
        .speakers
        .iter()
        .find(|s| s.name.as_deref() == Some("Greg Varallo"))
        .unwrap();
    assert_eq!(varallo.role.as_deref(), Some("lawyers"));
}

/// "Yale University's Humanitarian Research Lab ... the lab said": a definite description
/// with the head of an organization's name refers to it.
#[test]
fn the_lab_is_the_named_lab() {
    let doc = run(
        &[
            "Satellite images showed fires, Yale University's Humanitarian Research Lab said on Saturday.",
            "The fires burned across large parts of the camp, the lab said.",
        ],
        &[(
            "Humanitarian Research Lab",
            EntityType::Organization,
            "Humanitarian Research Lab",
        )],
    );
    assert_eq!(
        speakers(&doc),
        ["Humanitarian Research Lab", "Humanitarian Research Lab"]
    );
}

/// "The foreign ministry said in a statement ... . ..., the statement said": the document
/// speaks for whoever made it, unless another one was mentioned since.
#[test]
fn the_statement_is_its_makers() {
    let doc = run(
        &[
            "The foreign ministry said in a statement that the strike was illegal.",
            "\u{201C}This is an act of aggression,\u{201D} the statement said.",
            "Police released a statement on Monday. The statement said two officers were hurt.",
        ],
        &[],
    );
    assert_eq!(
        speakers(&doc),
        [
            "The foreign ministry",
            "The foreign ministry",
            "The statement"
        ]
    );
}

/// "the world's richest person", "aid workers in the area": places that hold someone name
/// no body they speak for.
#[test]
fn the_world_and_the_area_are_no_affiliations() {
    let doc = run(
        &[
            "Two aid workers in the area said fighters had set fire to the market.",
            "The plan failed, said Smith, the world's richest person.",
        ],
        &[],
    );
    assert_eq!(doc.speakers.len(), 2, "{:?}", doc.speakers);
    assert!(
        doc.speakers.iter().all(|s| s.affiliation.is_none()),
        "{:?}",
        doc.speakers
    );
}

/// "German Chancellor Olaf Scholz ... the chancellor had urged": a head noun for a head of
/// government refers back to the person the title named.
#[test]
fn the_chancellor_is_the_titled_person() {
    let doc = run(
        &[
            "The strike followed a call between German Chancellor Olaf Scholz and President Vladimir Putin.",
            "The chancellor urged Putin to withdraw his troops, officials said.",
        ],
        &[
            ("Olaf Scholz", EntityType::Person, "Olaf Scholz"),
            ("Vladimir Putin", EntityType::Person, "Vladimir Putin"),
        ],
    );
    let urged = doc
        .attributions
        .iter()
        .find(|a| a.cue.text == "urged")
        .unwrap();
    let speaker = doc
        .speakers
        .iter()
        .find(|s| urged.speaker_id.as_deref() == Some(s.id.as_str()))
        .unwrap();
    assert_eq!(speaker.name.as_deref(), Some("Olaf Scholz"));
}

/// "according to estimates by analysts": the document's authors are the speaker.
#[test]
fn a_documents_authors_speak() {
    let doc = run(
        &[
            "Russia has gained about 600 square kilometers this month, according to estimates by analysts.",
        ],
        &[],
    );
    assert_eq!(speakers(&doc), ["analysts"]);
}
