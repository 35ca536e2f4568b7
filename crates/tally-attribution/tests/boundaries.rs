//! Source and content boundaries in modern wire copy (round 8): each test states the cue,
//! source and content tally must report, on sentences written for the test.

#![allow(clippy::unwrap_used)] // A test fixture: failing loudly is the point.

use tally_attribution::Attributor;
use tally_core::{Document, DocumentMeta, Extractor};

/// (cue, source, content spans joined by " | ") of every top-level attribution.
fn found(paragraphs: &[&str]) -> Vec<(String, Option<String>, String)> {
    let mut doc = Document::new(DocumentMeta::default(), paragraphs);
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    doc.attributions
        .iter()
        .filter(|a| a.within.is_none())
        .map(|a| {
            (
                a.cue.text.clone(),
                a.source.as_ref().map(|s| s.text.clone()),
                a.content
                    .iter()
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" | "),
            )
        })
        .collect()
}

fn has(all: &[(String, Option<String>, String)], cue: &str, source: &str, content: &str) -> bool {
    all.iter()
        .any(|(c, s, t)| c == cue && s.as_deref() == Some(source) && t == content)
}

/// A capitalized body joined by "for" or "in" to a capitalized complement is one source:
/// the place after "in" is where the body sits.
#[test]
fn a_named_body_with_for_or_in_is_one_source() {
    let all = found(&[
        "Prices rose sharply in March, the Organization for Regional Trade said, adding that fuel led the increase.",
    ]);
    assert!(
        has(
            &all,
            "said",
            "the Organization for Regional Trade",
            "Prices rose sharply in March"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "adding",
            "the Organization for Regional Trade",
            "that fuel led the increase"
        ),
        "{all:?}"
    );
    let all = found(&["The British Embassy in Cairo said the consulate would stay closed."]);
    assert!(
        has(
            &all,
            "said",
            "The British Embassy in Cairo",
            "the consulate would stay closed"
        ),
        "{all:?}"
    );
}

/// After a post-posed source, a clause of what happened meanwhile ("as ...") or of how
/// the claim was made ("without providing evidence") is the reporter's frame, not content;
/// a parenthetical source still joins both halves of the reported clause.
#[test]
fn the_reporters_frame_after_a_post_posed_source_is_no_content() {
    let all = found(&[
        "At least 30 people were killed overnight, the city's Health Ministry said Friday, as rescuers searched the rubble.",
    ]);
    assert!(
        has(
            &all,
            "said",
            "the city's Health Ministry",
            "At least 30 people were killed overnight"
        ),
        "{all:?}"
    );
    let all =
        found(&["The rebels shot down a helicopter, the army said, without providing evidence."]);
    assert!(
        has(
            &all,
            "said",
            "the army",
            "The rebels shot down a helicopter"
        ),
        "{all:?}"
    );
    let all = found(&["The army said the rebels shot down a helicopter, without giving details."]);
    assert!(
        has(
            &all,
            "said",
            "The army",
            "the rebels shot down a helicopter"
        ),
        "{all:?}"
    );
    let all = found(&["The plan, officials said, will cost $5 billion."]);
    assert!(
        has(&all, "said", "officials", "The plan | will cost $5 billion"),
        "{all:?}"
    );
}

/// An aside between two dashes does not end the content; a dash closing an aside stands
/// for the comma before a post-posed source; a lone dash still ends the content.
#[test]
fn dashes_around_an_aside() {
    let all = found(&[
        "The agency says nearly 12 million people — a third of the population — face severe hunger.",
    ]);
    assert!(
        has(
            &all,
            "says",
            "The agency",
            "nearly 12 million people — a third of the population — face severe hunger"
        ),
        "{all:?}"
    );
    let all = found(&[
        "The senator will visit four cities this month — Denver, Austin, Phoenix and Reno — his office said.",
    ]);
    assert!(
        has(
            &all,
            "said",
            "his office",
            "The senator will visit four cities this month — Denver, Austin, Phoenix and Reno"
        ),
        "{all:?}"
    );
    let all = found(&["The army said it had retaken the village — a claim the rebels denied."]);
    assert!(
        has(&all, "said", "The army", "it had retaken the village"),
        "{all:?}"
    );
    let all = found(&["Sales rose 20 percent in March — it implies strong growth."]);
    assert!(all.is_empty(), "{all:?}");
}

/// A relative clause on the subject: a raising cue inside it leaves the main cue its
/// subject; an age between commas lies between a name and its "who"; the relative clause's
/// content ends before the main verb.
#[test]
fn relative_clauses_on_the_subject() {
    let all = found(&[
        "Secretary of State Marco Ferris, who is expected in the region next week, told reporters the agreement was close.",
    ]);
    assert!(
        has(
            &all,
            "told",
            "Secretary of State Marco Ferris",
            "the agreement was close"
        ),
        "{all:?}"
    );
    let all = found(&[
        "Maria Lopez, 52, who said nine members of her family had died, stood outside the hospital.",
    ]);
    assert!(
        has(&all, "said", "who", "nine members of her family had died"),
        "{all:?}"
    );
    let mut doc = Document::new(
        DocumentMeta::default(),
        [
            "\u{201C}We have lost everything,\u{201D} said Maria Lopez, 52, who said nine members of her family had died.",
        ],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    let who = doc
        .attributions
        .iter()
        .find(|a| a.source.as_ref().is_some_and(|s| s.text == "who"))
        .unwrap();
    let speaker = doc
        .speakers
        .iter()
        .find(|s| Some(&s.id) == who.speaker_id.as_ref())
        .unwrap();
    assert_eq!(speaker.name.as_deref(), Some("Maria Lopez"));
}

/// A form that is also a noun ends its phrase before a comma ("above Wall Street
/// estimates, as ...") and after a plural quantifier ("Some estimates put ...").
#[test]
fn noun_forms_are_not_cues() {
    let all = found(&[
        "Acme on Wednesday forecast revenue above Wall Street estimates, as demand for its chips remained strong.",
    ]);
    assert!(all.is_empty(), "{all:?}");
    // "estimates" is the source of "put", no cue.
    let all = found(&["Some estimates put the death toll as high as 90,000."]);
    assert!(!all.iter().any(|(c, _, _)| c == "estimates"), "{all:?}");
    let all = found(&["The ministry estimates that 40,000 people have fled."]);
    assert!(
        has(
            &all,
            "estimates",
            "The ministry",
            "that 40,000 people have fled"
        ),
        "{all:?}"
    );
}

/// "citing" after a statement is where that statement came from: a sourcing condition,
/// not a second claim.
#[test]
fn citing_is_a_sourcing_condition() {
    let mut doc = Document::new(
        DocumentMeta::default(),
        [
            "Dozens of civilians were killed in the strike, the United Nations said, citing local sources.",
        ],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    let said = doc
        .attributions
        .iter()
        .find(|a| a.cue.text == "said")
        .unwrap();
    assert_eq!(said.conditions, vec!["citing local sources".to_owned()]);
    let citing = doc
        .attributions
        .iter()
        .find(|a| a.cue.text == "citing")
        .unwrap();
    assert_eq!(citing.class, tally_core::AttributionClass::Attitude);
}

/// A reason cited is no source: the participle stays a statement.
#[test]
fn citing_a_reason_stays_a_report() {
    let mut doc = Document::new(
        DocumentMeta::default(),
        ["The senator said he would vote against the bill, citing its cost to taxpayers."],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    let citing = doc
        .attributions
        .iter()
        .find(|a| a.cue.text == "citing")
        .unwrap();
    assert_eq!(citing.class, tally_core::AttributionClass::Statement);
}

/// "defend" and "attack" with a place or a position as object are the physical sense: the
/// outer report keeps the whole clause.
#[test]
fn a_place_object_is_no_stance() {
    let all = found(&[
        "Some 3,000 Syrian fighters are defending the northern city, a regional commander told journalists.",
        "Rebels attacked two army positions near the river overnight, the ministry said.",
        "The governor defended the budget cuts.",
        "The senator defended his position on the bill.",
    ]);
    assert!(!all.iter().any(|(c, _, _)| c == "defending"), "{all:?}");
    assert!(!all.iter().any(|(c, _, _)| c == "attacked"), "{all:?}");
    assert!(
        has(
            &all,
            "told",
            "a regional commander",
            "Some 3,000 Syrian fighters are defending the northern city"
        ),
        "{all:?}"
    );
    assert!(
        has(&all, "defended", "The governor", "the budget cuts"),
        "{all:?}"
    );
    assert!(
        has(&all, "defended", "The senator", "his position on the bill"),
        "{all:?}"
    );
}

/// "are feared dead" is a status of the subject, not its fear.
#[test]
fn feared_dead_is_a_status() {
    let all = found(&[
        "Dozens of villagers are feared missing after the landslide, local officials said.",
        "Residents feared the dam would break.",
    ]);
    assert!(
        !all.iter()
            .any(|(c, _, t)| c == "feared" && t.starts_with("missing")),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "local officials",
            "Dozens of villagers are feared missing after the landslide"
        ),
        "{all:?}"
    );
    assert!(
        has(&all, "feared", "Residents", "the dam would break"),
        "{all:?}"
    );
}

/// A bare plural addressee before the reported clause is no content.
#[test]
fn a_plural_addressee_is_skipped() {
    let all = found(&[
        "Two witnesses told investigators the truck had been speeding.",
        "The mayor warned residents they should stay indoors.",
    ]);
    assert!(
        has(&all, "told", "Two witnesses", "the truck had been speeding"),
        "{all:?}"
    );
    assert!(
        has(&all, "warned", "The mayor", "they should stay indoors"),
        "{all:?}"
    );
}

/// A sourcing condition after a post-posed source's cue says why the source is unnamed:
/// the content is the clause before the source.
#[test]
fn a_condition_after_a_postposed_source_is_no_content() {
    let mut doc = Document::new(
        DocumentMeta::default(),
        [
            "Police detained four suspects near the harbour, a security source told AFP on condition of anonymity because he was not allowed to brief the press.",
        ],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    let told = doc
        .attributions
        .iter()
        .find(|a| a.cue.text == "told")
        .unwrap();
    let content: Vec<&str> = told.content.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(content, ["Police detained four suspects near the harbour"]);
    assert_eq!(
        told.conditions,
        vec!["on condition of anonymity".to_owned()]
    );
}

/// "were reported missing": a passive report of a status with no agent names nobody; the
/// content is the subject with its status, as for "is expected to".
#[test]
fn reported_status_has_no_source() {
    let all = found(&[
        "Four fishermen were reported missing after the boat capsized off the coast.",
        "The mayor was reported dead on Tuesday.",
        "The theft was reported to police on Monday.",
    ]);
    assert!(
        all.iter().any(|(c, s, t)| c == "were reported"
            && s.is_none()
            && t == "Four fishermen | missing after the boat capsized off the coast"),
        "{all:?}"
    );
    assert!(
        all.iter().any(|(c, s, t)| c == "was reported"
            && s.is_none()
            && t == "The mayor | dead on Tuesday"),
        "{all:?}"
    );
    assert!(
        !all.iter().any(|(_, _, t)| t.contains("The theft |")),
        "{all:?}"
    );
}

/// "X reported A, and B, Y said": the clause after ", and" is Y's, A stays X's.
#[test]
fn postposed_source_takes_the_clause_after_and() {
    let all = found(&[
        "Police in the northern district reported three arrests, and two more suspects were detained near the border, a local official said.",
    ]);
    assert!(
        has(
            &all,
            "reported",
            "Police in the northern district",
            "three arrests"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "a local official",
            "two more suspects were detained near the border"
        ),
        "{all:?}"
    );
}

/// A percent sign glued to its number ends a content with the amount, not before it.
#[test]
fn a_percent_sign_stays_in_the_content() {
    let all = found(&[
        "Copper prices slipped 3%, exchange data showed.",
        "Retail sales rose 0.4% in June, the agency said.",
    ]);
    assert!(
        has(&all, "showed", "exchange data", "Copper prices slipped 3%"),
        "{all:?}"
    );
    assert!(
        has(&all, "said", "the agency", "Retail sales rose 0.4% in June"),
        "{all:?}"
    );
}

/// An agentless passive report names nobody: its subject is what is reported ("The
/// theft was reported to police"), and "was confirmed dead" is the subject's status; an
/// expletive "it" before a passive report is no source either.
#[test]
fn agentless_passive_reports_have_no_source() {
    let all = found(&[
        "The burglary was reported to police on Monday.",
        "The singer was confirmed dead on Sunday.",
        "The merger was announced last week.",
        "It was reported on Friday that the mine would close.",
        "The patient was admitted to hospital on Monday.",
    ]);
    let sourceless = |cue: &str, content: &str| {
        all.iter()
            .any(|(c, s, t)| c == cue && s.is_none() && t == content)
    };
    assert!(sourceless("was reported", "The burglary"), "{all:?}");
    assert!(
        sourceless("was confirmed", "The singer | dead on Sunday"),
        "{all:?}"
    );
    assert!(sourceless("was announced", "The merger"), "{all:?}");
    assert!(
        sourceless("was reported", "that the mine would close"),
        "{all:?}"
    );
    // "admitted to hospital" is no report at all.
    assert!(
        !all.iter().any(|(c, _, _)| c.contains("admitted")),
        "{all:?}"
    );
}

/// A report whose source stands before its cue and whose content runs to the comma
/// before a post-posed source is part of that later speaker's clause ("X has pledged to
/// ..., Interior Ministry data show"), not cut after the earlier cue.
#[test]
fn postposed_source_takes_an_earlier_report_whole() {
    let all = found(&[
        "The coalition government has pledged to cut fuel duty, Treasury figures show.",
        "Local officials have promised to reopen the bridge, the ministry said.",
    ]);
    assert!(
        has(
            &all,
            "show",
            "Treasury figures",
            "The coalition government has pledged to cut fuel duty"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "the ministry",
            "Local officials have promised to reopen the bridge"
        ),
        "{all:?}"
    );
}

/// ", while <Name> ..." after a post-posed source is a contrast the reporter draws with
/// another actor, not more of the first source's content.
#[test]
fn a_contrast_naming_another_actor_is_no_content() {
    let all = found(&[
        "Flood damage could reach $8 billion, according to an estimate by Verisk, while Aon put the figure closer to $5 billion.",
    ]);
    assert!(
        has(
            &all,
            "according to",
            "an estimate by Verisk",
            "Flood damage could reach $8 billion"
        ),
        "{all:?}"
    );
}

/// Sources after a quotation: a name joined by "of the" to a named body, a determiner with
/// an unlisted noun after an inverted cue, coordinated bare plurals, and a relative clause
/// with its own report between the name and the cue.
#[test]
fn sources_after_a_quotation() {
    let all = found(&[
        "\"The test was a failure,\" Maria Lopez of the Stockholm Peace Institute wrote in a report.",
        "\"Nobody warned us,\" said one shopkeeper.",
        "The plant will close in March, workers and union officials said.",
        "\"We are not leaving,\" Okafor, who has backed the strike from the start, told reporters.",
    ]);
    assert!(
        has(
            &all,
            "wrote",
            "Maria Lopez of the Stockholm Peace Institute",
            "\"The test was a failure,\""
        ),
        "{all:?}"
    );
    assert!(
        has(&all, "said", "one shopkeeper", "\"Nobody warned us,\""),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "workers and union officials",
            "The plant will close in March"
        ),
        "{all:?}"
    );
    assert!(
        has(&all, "told", "Okafor", "\"We are not leaving,\""),
        "{all:?}"
    );
    // The relative clause's own report keeps its object, not the quotation.
    assert!(
        !all.iter()
            .any(|(c, _, t)| c.contains("backed") && t.contains("leaving")),
        "{all:?}"
    );
}

/// "put X at <amount>" reports an estimate; "put" in any other frame is no cue and does
/// not cut another report's content.
#[test]
fn put_a_figure_at_an_amount() {
    let all = found(&[
        "Health officials put the death toll at 63 on Sunday.",
        "Some estimates put the number of displaced as high as 40,000.",
        "The firm put the plant up for sale at $40 million.",
        "The mayor backed the plan, putting her at odds with the council.",
    ]);
    assert!(
        has(
            &all,
            "put",
            "Health officials",
            "the death toll at 63 on Sunday"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "put",
            "Some estimates",
            "the number of displaced as high as 40,000"
        ),
        "{all:?}"
    );
    assert!(
        !all.iter().any(|(_, s, _)| s.as_deref() == Some("The firm")),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "backed",
            "The mayor",
            "the plan, putting her at odds with the council"
        ),
        "{all:?}"
    );
}

/// "her" before the clause end is the object of an np cue ("have endorsed her").
#[test]
fn her_alone_is_an_object() {
    let all = found(&["Several governors have endorsed her."]);
    assert!(
        has(&all, "have endorsed", "Several governors", "her"),
        "{all:?}"
    );
}

/// "X was quoted (by an outlet) as saying ...": X is the source, the content follows
/// "saying".
#[test]
fn quoted_as_saying_names_the_subject() {
    let all = found(&[
        "The minister was quoted by a state news agency on Friday as saying that talks had stalled.",
        "Ortega was quoted as saying: \"We will respond.\"",
    ]);
    assert!(
        has(
            &all,
            "was quoted by a state news agency on Friday as saying",
            "The minister",
            "talks had stalled"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "was quoted as saying",
            "Ortega",
            "\"We will respond.\""
        ),
        "{all:?}"
    );
    assert!(!all.iter().any(|(c, _, _)| c == "saying"), "{all:?}");
}

/// A subject counted by an amount agrees with a plural verb: "A mere 9 percent say".
#[test]
fn an_amount_subject_is_plural() {
    let all = found(&["A mere 12 percent say they trust the courts."]);
    assert!(
        has(&all, "say", "A mere 12 percent", "they trust the courts"),
        "{all:?}"
    );
}

/// ", and <someone> <cue> ..." after a post-posed source is another speaker's report, not
/// the second half of the first content.
#[test]
fn a_joined_clause_with_its_own_report_is_no_content() {
    let all = found(&[
        "Exports rose 4% in March, customs data showed, and economists expect a slowdown.",
    ]);
    assert!(
        has(&all, "showed", "customs data", "Exports rose 4% in March"),
        "{all:?}"
    );
}

/// A question or quotation and then an addressee verb: inverted right after the closing
/// mark ("asked Mr. Ruiz"), or with an addressee or a trailing participle after it.
#[test]
fn asked_after_a_question() {
    let all = found(&[
        "\"Is this the end of the line?\" asked Mr. Ruiz, referring to the vote.",
        "\"Where is the money?\" Patel asked, looking at the audience.",
        "\"Who pays for this?\" Okafor asked the ministers.",
    ]);
    assert!(
        has(
            &all,
            "asked",
            "Mr. Ruiz",
            "\"Is this the end of the line?\""
        ),
        "{all:?}"
    );
    assert!(
        has(&all, "asked", "Patel", "\"Where is the money?\""),
        "{all:?}"
    );
    assert!(
        has(&all, "asked", "Okafor", "\"Who pays for this?\""),
        "{all:?}"
    );
}

/// "As X put it: <quotation>" reports X; "put it on the table" is no report.
#[test]
fn as_someone_put_it() {
    let all = found(&[
        "As one former envoy put it: \"The door is closed.\"",
        "She put it on the table.",
    ]);
    assert!(
        has(
            &all,
            "put it:",
            "one former envoy",
            "\"The door is closed.\""
        ),
        "{all:?}"
    );
    assert_eq!(all.len(), 1, "{all:?}");
}

/// Two subjects joined by "and" after a comma are one post-posed source; "and" inside a
/// clause does not reach back over the clause's object.
#[test]
fn coordinated_post_posed_sources() {
    let all = found(&[
        "Fighters shelled a camp, killing 47 people, local activists and aid workers said Sunday.",
        "The yen fell against the dollar, bankers and dealers said.",
    ]);
    assert!(
        has(
            &all,
            "said",
            "local activists and aid workers",
            "Fighters shelled a camp, killing 47 people"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "bankers and dealers",
            "The yen fell against the dollar"
        ),
        "{all:?}"
    );
    let all = found(&["Fighters shelled a camp and aid workers said it was full."]);
    assert!(
        all.iter()
            .all(|(_, s, _)| s.as_deref() != Some("a camp and aid workers")),
        "{all:?}"
    );
}

/// The amount of "put X at" may be spelled or approximate ("at eight", "at more than 100",
/// "at about $7 billion"); with a modal before "put" it is a result to come, no estimate;
/// coordinated after another report's cue it is part of that report.
#[test]
fn put_at_a_spelled_or_approximate_amount() {
    let all = found(&[
        "The commission put the death toll at eight.",
        "Officials put the death toll at more than 100.",
        "The government put the damage at about $7 billion.",
        "The operation will put the bill supply at about 1,500 billion yen.",
        "A poll in May put his support at 5 percent.",
        "An official said estimates were lower but still put the losses at about 790,000.",
    ]);
    for (source, content) in [
        ("The commission", "the death toll at eight"),
        ("Officials", "the death toll at more than 100"),
        ("The government", "the damage at about $7 billion"),
    ] {
        assert!(has(&all, "put", source, content), "{all:?}");
    }
    assert!(
        !all.iter()
            .any(|(_, s, _)| s.as_deref() == Some("The operation")),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "An official",
            "estimates were lower but still put the losses at about 790,000"
        ),
        "a coordinated put stays inside the report: {all:?}"
    );
    let puts = all.iter().filter(|(cue, _, _)| cue == "put").count();
    assert_eq!(puts, 4, "the month May is no modal: {all:?}");
}

/// A sourcing-condition clause after a comma ("speaking on condition of anonymity because
/// ...", "who asked not to be named", "because they were not authorized to speak
/// publicly") says why the source is unnamed: it is a condition of the report, never a
/// second content span.
#[test]
fn a_sourcing_condition_clause_is_no_second_content() {
    let all = found(&[
        "The airline has not chosen a supplier, the people said, speaking on condition of anonymity because the talks are private.",
        "The bank will cut 300 jobs, two employees said, who asked not to be named because they feared for their jobs.",
        "The ministry is weighing new tariffs, officials said, because they were not authorized to speak publicly.",
    ]);
    assert!(
        has(
            &all,
            "said",
            "the people",
            "The airline has not chosen a supplier"
        ),
        "{all:?}"
    );
    assert!(
        has(&all, "said", "two employees", "The bank will cut 300 jobs"),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "officials",
            "The ministry is weighing new tariffs"
        ),
        "{all:?}"
    );
}

/// A name at a named firm is one source: "Brian Waterhouse at James Capel said" reports
/// Brian Waterhouse (of James Capel), not James Capel, and a quotation before it is his.
#[test]
fn a_name_at_a_named_firm_is_one_source() {
    let all = found(&[
        "Shares in the group fell 4 percent, Brian Waterhouse at James Capel said.",
        "\"The market is nervous,\" Sarah Lee at Morgan Stanley said.",
    ]);
    assert!(
        has(
            &all,
            "said",
            "Brian Waterhouse at James Capel",
            "Shares in the group fell 4 percent"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "Sarah Lee at Morgan Stanley",
            "\"The market is nervous,\""
        ),
        "{all:?}"
    );
}

/// "Asked" with an adverb, an asker or a setting before its question still reports the
/// question: "Asked by the moderator whether ...", "Asked during a debate why ...".
#[test]
fn asked_with_words_before_the_question() {
    let all = found(&[
        "Asked by the moderator whether she would raise taxes, the governor said no.",
        "Asked during a debate on Monday why he trailed, the senator blamed the press.",
        "Asked specifically what should change, the voters were divided.",
    ]);
    assert!(
        has(
            &all,
            "Asked",
            "the moderator",
            "whether she would raise taxes"
        ),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|(c, s, t)| c == "Asked" && s.is_none() && t == "why he trailed"),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|(c, s, t)| c == "Asked" && s.is_none() && t == "what should change"),
        "{all:?}"
    );
}

/// A wh-clause right after "questioned" or "wondered" is what was questioned.
#[test]
fn questioned_why_reports_the_question() {
    let all = found(&[
        "The senator questioned why the agency had waited so long.",
        "Some voters wondered whether the plan would survive.",
    ]);
    assert!(
        has(
            &all,
            "questioned",
            "The senator",
            "why the agency had waited so long"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "wondered",
            "Some voters",
            "whether the plan would survive"
        ),
        "{all:?}"
    );
}

/// An object content ends before a setting of the reporting verb; a preposition inside the
/// object stays.
#[test]
fn an_object_content_ends_before_the_verbs_setting() {
    let all = found(&[
        "The mayor praised the ruling at a press conference downtown.",
        "The minister shrugged off the criticism in an interview on Sunday.",
        "The senator criticized U.S. assistance for Ukraine.",
    ]);
    assert!(has(&all, "praised", "The mayor", "the ruling"), "{all:?}");
    assert!(
        has(&all, "shrugged off", "The minister", "the criticism"),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "criticized",
            "The senator",
            "U.S. assistance for Ukraine"
        ),
        "{all:?}"
    );
}

/// "economists polled by Reuters": the people polled speak, not the pollster; "the town of
/// Paiporta" is one place in the source; a perfect "had forecast" takes an object, the noun
/// "forecast" is no cue; "most of them" after "according to X," is part of the count.
#[test]
fn polled_people_and_named_places_in_sources() {
    let all = found(&[
        "Economists polled by Reuters had forecast a rate of 3.4%.",
        "Residents in the town of Paiporta told local media that water rose within minutes.",
        "The 2.25 pct forecast contained in the budget was too high, he said.",
        "More than 26,000 people have fled since Sunday, according to the International Organization for Migration, most of them to Tawila.",
    ]);
    assert!(
        has(
            &all,
            "according to",
            "the International Organization for Migration",
            "More than 26,000 people have fled since Sunday | most of them to Tawila"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "had forecast",
            "Economists polled by Reuters",
            "a rate of 3.4%"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "told",
            "Residents in the town of Paiporta",
            "that water rose within minutes"
        ),
        "{all:?}"
    );
    assert!(!all.iter().any(|(c, _, _)| c == "forecast"), "{all:?}");
}

/// A report inside a clause that a later source takes whole ("..., said the people") does
/// not cut that clause: the later speaker's content runs from the clause start.
#[test]
fn a_report_inside_the_content_of_a_later_source_keeps_the_clause_whole() {
    let all = found(&[
        "The plan would close two plants and target staff the firm considers redundant, said the people.",
        "Workers were told of the decision in an email, one of the officials said.",
    ]);
    assert!(
        has(
            &all,
            "said",
            "the people",
            "The plan would close two plants and target staff the firm considers redundant"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "one of the officials",
            "Workers were told of the decision in an email"
        ),
        "{all:?}"
    );
}

/// All top-level and nested attributions as (cue, source, content).
fn all_found(paragraphs: &[&str]) -> Vec<(String, Option<String>, String)> {
    let mut doc = Document::new(DocumentMeta::default(), paragraphs);
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    doc.attributions
        .iter()
        .map(|a| {
            let content: Vec<&str> = a.content.iter().map(|c| c.text.as_str()).collect();
            (
                a.cue.text.clone(),
                a.source.as_ref().map(|s| s.text.clone()),
                content.join(" | "),
            )
        })
        .collect()
}

/// A report in the passive names no source in its subject ("No deaths were reported"),
/// and bare "state media" or "hospital staff" after the content is the source. A
/// participle naming the subject's state ("was concerned that") keeps its subject.
#[test]
fn a_passive_report_has_no_source_in_its_subject() {
    let all = all_found(&[
        "No deaths had been reported in the village by Friday, state media said.",
        "The convoys were often denied permission to move, the spokesman said.",
        "Two bodies were recovered overnight, hospital staff said.",
        "The minister was concerned that prices would rise.",
    ]);
    assert!(
        has(
            &all,
            "said",
            "state media",
            "No deaths had been reported in the village by Friday"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "hospital staff",
            "Two bodies were recovered overnight"
        ),
        "{all:?}"
    );
    for subject in ["No deaths", "The convoys"] {
        assert!(
            all.iter().all(|(_, s, _)| s.as_deref() != Some(subject)),
            "{all:?}"
        );
    }
    assert!(
        all.iter().any(
            |(_, s, t)| s.as_deref() == Some("The minister") && t.contains("prices would rise")
        ),
        "{all:?}"
    );
}

/// An addressee compound of a common noun and a plural ("television interviewers") is
/// skipped whole; a plural after a name is the reported clause's subject.
#[test]
fn a_compound_addressee_is_skipped_whole() {
    let all = found(&[
        "The former minister told television interviewers he would run again.",
        "A company spokesman told Reuters shareholders were entitled to vote.",
    ]);
    assert!(
        has(&all, "told", "The former minister", "he would run again"),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "told",
            "A company spokesman",
            "shareholders were entitled to vote"
        ),
        "{all:?}"
    );
}

/// ", a move economists warn could raise prices": an apposition holding its own report
/// ends the content before it, and "a" before the plural source belongs to the noun.
#[test]
fn an_apposition_with_its_own_report_ends_the_content() {
    let all = found(&[
        "The president said he would impose tariffs, a move economists warn could raise prices.",
        "The ministry said 4,000 soldiers had been killed, a number analysts say understates the toll.",
    ]);
    assert!(
        has(&all, "said", "The president", "he would impose tariffs"),
        "{all:?}"
    );
    assert!(
        has(&all, "warn", "economists", "could raise prices"),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "The ministry",
            "4,000 soldiers had been killed"
        ),
        "{all:?}"
    );
    assert!(
        has(&all, "say", "analysts", "understates the toll"),
        "{all:?}"
    );
}

/// "According to a person familiar with the plans, who was not authorized to discuss them,
/// ...": the relative clause describes the source; the content follows it.
#[test]
fn a_relative_clause_after_a_fronted_according_to_source_is_no_content() {
    let all = found(&[
        "According to a person familiar with the plans, who was not authorized to discuss them, exemptions were under discussion.",
    ]);
    assert!(
        all.iter().any(|(c, s, t)| c == "According to"
            && s.as_deref()
                .is_some_and(|s| s.starts_with("a person familiar"))
            && t == "exemptions were under discussion"),
        "{all:?}"
    );
}

/// "X, who was re-elected with 57.8% of the vote according to results released on
/// Saturday, called the outcome ...": "according to" closing a relative clause reports that
/// clause; the main clause after it is not its content.
#[test]
fn according_to_closing_a_relative_clause_reports_only_that_clause() {
    let all = found(&[
        "The president, who was re-elected with 57.8% of the vote according to results released on Saturday, called the outcome a victory.",
    ]);
    let (_, _, content) = all
        .iter()
        .find(|(c, _, _)| c == "according to")
        .unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(
        content,
        "The president, who was re-elected with 57.8% of the vote"
    );
}
/// A relative clause between commas after a long subject ("where at least 40 people
/// died") belongs to the source; the speaker is the phrase before it.
#[test]
fn a_relative_clause_after_a_long_subject_stays_in_the_source() {
    let all = found(&[
        "Residents in the town of Paiporta, where at least 40 people died, told local media that water rose to two meters within minutes.",
        "Officials in the northern province of Idlib, which borders Turkey on two sides, said that the shelling had resumed.",
    ]);
    let source_of = |cue: &str| {
        all.iter()
            .find(|(c, _, _)| c == cue)
            .and_then(|(_, s, t)| Some((s.clone()?, t.clone())))
    };
    let (source, content) = source_of("told").unwrap();
    assert!(
        source.starts_with("Residents in the town of Paiporta, where at least 40 people died"),
        "{all:?}"
    );
    assert_eq!(content, "that water rose to two meters within minutes");
    let (source, content) = source_of("said").unwrap();
    assert!(
        source.starts_with("Officials in the northern province of Idlib, which borders Turkey"),
        "{all:?}"
    );
    assert_eq!(content, "that the shelling had resumed");
}

/// A figure after a determiner ("the 285 reported in all of 2024") is a count in a reduced
/// relative, never a speaker; a share of people ("Six in 10 say") still speaks.
#[test]
fn a_figure_is_never_a_source() {
    let all = found(&[
        "The agency has confirmed 378 cases this year, more than the 285 reported in all of 2024.",
        "Six in 10 say the economy is getting worse.",
    ]);
    assert!(!all.iter().any(|(c, _, _)| c == "reported"), "{all:?}");
    assert!(
        has(&all, "say", "Six in 10", "the economy is getting worse"),
        "{all:?}"
    );
}

/// A semicolon outside quotation marks ends the clause before it: a source after the
/// second clause reports only that clause.
#[test]
fn a_semicolon_ends_the_content_before_a_post_posed_source() {
    let all = found(&[
        "Public health experts said vaccination remains the best protection; two doses are 97% effective, according to the CDC.",
        "Turnout was low in the north; most polling stations closed early, the commission said.",
    ]);
    assert!(
        has(
            &all,
            "according to",
            "the CDC",
            "two doses are 97% effective"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "Public health experts",
            "vaccination remains the best protection"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "the commission",
            "most polling stations closed early"
        ),
        "{all:?}"
    );
}

/// A passive cue with its agent after "by": the agent speaks and the subject is what it
/// holds a view on; a report after it keeps the whole clause; an agent that is a time is
/// no speaker.
#[test]
fn a_passive_with_its_agent_names_the_source() {
    let all = found(&[
        "The plan was criticized by Miller.",
        "The law, opposed by Democrats, was blocked.",
        "He had been warned by the Russian government that he was a threat.",
        "The accord, offered by House Speaker Kenzaburo Hara, killed the plan, analysts said.",
        "The results were announced by Tuesday.",
    ]);
    assert!(has(&all, "criticized", "Miller", "The plan"), "{all:?}");
    assert!(has(&all, "opposed", "Democrats", "The law"), "{all:?}");
    assert!(
        has(
            &all,
            "warned",
            "the Russian government",
            "that he was a threat"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "analysts",
            "The accord, offered by House Speaker Kenzaburo Hara, killed the plan"
        ),
        "{all:?}"
    );
    assert!(
        !all.iter().any(|(_, s, _)| s.as_deref() == Some("Tuesday")),
        "{all:?}"
    );
}
