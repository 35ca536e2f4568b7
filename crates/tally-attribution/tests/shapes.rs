//! Sentence shapes found on news text (PolNeAR's train split): each test states the cue,
//! source and content tally must report.

#![allow(clippy::unwrap_used)] // A test fixture: failing loudly is the point.

use tally_attribution::Attributor;
use tally_core::{Document, DocumentMeta, Extractor};

/// (cue, source, first content span) of every top-level attribution.
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
                    .first()
                    .map(|c| c.text.clone())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

fn has(all: &[(String, Option<String>, String)], cue: &str, source: &str, content: &str) -> bool {
    all.iter()
        .any(|(c, s, t)| c == cue && s.as_deref() == Some(source) && t == content)
}

#[test]
fn according_to_a_name_opens_a_sentence() {
    let all = found(&["According to Rep. Trey Gowdy, the inquiry forced the emails out."]);
    assert!(
        has(
            &all,
            "According to",
            "Rep. Trey Gowdy",
            "the inquiry forced the emails out"
        ),
        "{all:?}"
    );
}

#[test]
fn a_cue_in_a_relative_clause_leaves_the_main_cue_its_subject() {
    let all = found(&[
        "Humphrey, who calls Trump a \u{201C}sociopath,\u{201D} said he doesn\u{2019}t believe the effort needs an alternative.",
    ]);
    assert!(
        has(
            &all,
            "said",
            "Humphrey",
            "he doesn\u{2019}t believe the effort needs an alternative"
        ),
        "{all:?}"
    );
    let all = found(&[
        "Gov. John Kasich, a Republican who has refused to endorse Mr. Trump, said the family deserved better.",
    ]);
    assert!(
        all.iter()
            .any(|(c, _, t)| c == "has refused" && t == "to endorse Mr. Trump"),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|(c, _, t)| c == "said" && t == "the family deserved better"),
        "{all:?}"
    );
}

#[test]
fn a_question_asked_about_a_topic_has_no_asker() {
    // The topic after "about" is the content, as PolNeAR annotates it (544 of 615 train
    // contents next to "about" leave it out).
    let all = found(&[
        "\u{201C}Anybody can change,\u{201D} he said when asked about Trump's temperament.",
    ]);
    assert!(
        all.iter()
            .any(|(c, s, t)| c == "asked" && s.is_none() && t == "Trump's temperament"),
        "{all:?}"
    );
}

#[test]
fn an_about_before_an_amount_approximates_it_and_stays_in_the_content() {
    let all = found(&[
        "A second official said about $2.2 billion of authority would remain.",
        "The mayor said about 200 people were evacuated.",
        "The mayor said about a dozen homes burned.",
    ]);
    for content in [
        "about $2.2 billion of authority would remain",
        "about 200 people were evacuated",
        "about a dozen homes burned",
    ] {
        assert!(
            all.iter().any(|(_, _, t)| t == content),
            "{content}: {all:?}"
        );
    }
}

#[test]
fn a_second_report_after_a_comma_ends_the_first_content() {
    let all = found(&[
        "About three in 10 said they prefer a liberal agenda, but six in 10 said they want the policies continued.",
    ]);
    assert!(
        has(
            &all,
            "said",
            "About three in 10",
            "they prefer a liberal agenda"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "six in 10",
            "they want the policies continued"
        ),
        "{all:?}"
    );
}

#[test]
fn a_named_source_ending_the_sentence_is_inverted_after_an_earlier_comma() {
    let all = found(&[
        "Even if the department closed, its functions would go to other agencies, said DeSantis, who was elected in 2012.",
    ]);
    assert!(
        has(
            &all,
            "said",
            "DeSantis",
            "Even if the department closed, its functions would go to other agencies"
        ),
        "{all:?}"
    );
}

#[test]
fn the_verb_after_a_sourcing_condition_is_no_cue() {
    let all = found(&[
        "One attendee, who spoke on the condition of anonymity to discuss the meeting, said the message was clear.",
    ]);
    assert!(all.iter().all(|(c, _, _)| c != "discuss"), "{all:?}");
    assert!(
        all.iter().any(|(c, s, t)| c == "said"
            && s.as_deref().is_some_and(|s| s.starts_with("One attendee"))
            && t == "the message was clear"),
        "{all:?}"
    );
}

#[test]
fn the_reason_for_a_sourcing_condition_is_no_report() {
    let all = found(&[
        "Two aid workers in the area, who spoke on condition of anonymity because they feared reprisals, said fighters had set fire to the market.",
    ]);
    assert!(all.iter().all(|(c, _, _)| c != "feared"), "{all:?}");
    assert!(
        all.iter().any(|(c, s, t)| c == "said"
            && s.as_deref()
                .is_some_and(|s| s.starts_with("Two aid workers in the area"))
            && t == "fighters had set fire to the market"),
        "{all:?}"
    );
}

#[test]
fn a_report_inside_a_relative_clause_leaves_the_main_cue_the_antecedent() {
    let all = found(&[
        "Smith, who met the minister after reporters said the talks had failed, said the deal was close.",
    ]);
    assert!(
        all.iter().any(|(c, s, t)| c == "said"
            && s.as_deref().is_some_and(|s| s.starts_with("Smith"))
            && t == "the deal was close"),
        "{all:?}"
    );
}

#[test]
fn a_noun_call_is_no_appeal() {
    let all = found(&[
        "He spoke of a phone call on Friday between Scholz and Putin. The minister called on allies to send more air defenses.",
    ]);
    assert!(all.iter().all(|(c, _, _)| c != "call on"), "{all:?}");
    assert!(
        has(
            &all,
            "called on",
            "The minister",
            "allies to send more air defenses"
        ),
        "{all:?}"
    );
}

#[test]
fn a_relative_clause_between_a_subject_and_its_verb_stays_in_the_content() {
    let all = found(&[
        "He acknowledged that the administration of Donald Trump, who has pledged to pull out of the agreement, could make it harder to meet.",
        "The minister said the plan, which critics called reckless, was approved on Monday.",
    ]);
    assert!(
        has(
            &all,
            "acknowledged",
            "He",
            "that the administration of Donald Trump, who has pledged to pull out of the agreement, could make it harder to meet"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "The minister",
            "the plan, which critics called reckless, was approved on Monday"
        ),
        "{all:?}"
    );
}

#[test]
fn a_report_in_a_relative_clause_on_a_subject_ends_with_the_clause() {
    let mut doc = Document::new(
        DocumentMeta::default(),
        ["The minister said the plan, which critics called reckless, was approved on Monday."],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    let called = doc
        .attributions
        .iter()
        .find(|a| a.cue.text == "called")
        .unwrap();
    let content: Vec<&str> = called.content.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(content.last(), Some(&"reckless"), "{content:?}");
}

#[test]
fn a_published_report_speaks_for_its_publisher() {
    let all = found(&[
        "The daily newspaper published a report on Monday quoting officials as saying the plan was dropped.",
    ]);
    assert!(
        all.iter()
            .any(|(c, s, _)| c.ends_with("quoting") && s.as_deref() == Some("The daily newspaper")),
        "{all:?}"
    );
}

#[test]
fn a_source_read_leftwards_stops_at_a_verb_after_its_head() {
    let all = found(&[
        "On Wednesday, the country's president declassified intelligence documents alleging that the vote was rigged.",
    ]);
    assert!(
        all.iter()
            .any(|(c, s, _)| c.ends_with("alleging")
                && s.as_deref() == Some("the country's president")),
        "{all:?}"
    );
}

#[test]
fn participles_modifying_a_head_stay_in_the_source() {
    for (text, source) in [
        (
            "The so-called armed forces said they would fight.",
            "The so-called armed forces",
        ),
        (
            "A retired general said the war was lost.",
            "A retired general",
        ),
        (
            "The detained men said they were innocent.",
            "The detained men",
        ),
        (
            "The government funded broadcaster said the town had fallen.",
            "The government funded broadcaster",
        ),
    ] {
        let all = found(&[text]);
        assert!(
            all.iter().any(|(_, s, _)| s.as_deref() == Some(source)),
            "{text}: {all:?}"
        );
    }
}

#[test]
fn a_bare_clause_after_a_belief_verb_keeps_its_determiner_and_prepositions() {
    let all = found(&["They think the progress on climate change is real."]);
    assert!(
        has(
            &all,
            "think",
            "They",
            "the progress on climate change is real"
        ),
        "{all:?}"
    );
    let all = found(&["Bobby Franklin thinks Mr. Trump will pick up support."]);
    assert!(
        has(
            &all,
            "thinks",
            "Bobby Franklin",
            "Mr. Trump will pick up support"
        ),
        "{all:?}"
    );
}

#[test]
fn a_singular_noun_before_a_verb_in_s_is_its_subject() {
    let all = found(&["Now the government hopes that its diplomats can argue better."]);
    assert!(
        has(
            &all,
            "hopes",
            "the government",
            "that its diplomats can argue better"
        ),
        "{all:?}"
    );
}

#[test]
fn a_poll_phrase_right_before_a_cue_is_part_of_its_subject() {
    let all = found(&["Some 20 percent of people in a recent poll said they believe the claim."]);
    assert!(all.iter().all(|(c, _, _)| c != "in"), "{all:?}");
    assert!(
        all.iter().any(|(c, s, t)| c == "said"
            && s.as_deref().is_some_and(|s| s.ends_with("poll"))
            && t == "they believe the claim"),
        "{all:?}"
    );
}

#[test]
fn a_passive_cue_takes_no_clause_after_its_comma_and_her_may_be_a_determiner() {
    let all = found(&[
        "Clinton, who called Sanders after the winner was declared, told her supporters, \"I still love New Hampshire.\"",
    ]);
    assert!(all.iter().all(|(c, _, _)| c != "was declared"), "{all:?}");
    assert!(
        has(&all, "told", "Clinton", "\"I still love New Hampshire.\""),
        "{all:?}"
    );
}

#[test]
fn a_parenthetical_report_has_content_on_both_sides() {
    let mut doc = Document::new(
        DocumentMeta::default(),
        ["The plan, officials said, will cost $5 billion."],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    let a = &doc.attributions[0];
    assert_eq!(a.source.as_ref().unwrap().text, "officials");
    let content: Vec<&str> = a.content.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(content, ["The plan", "will cost $5 billion"]);
}

#[test]
fn a_floating_quantifier_is_not_the_source() {
    let all =
        found(&["Donald Trump and Bernie Sanders have both argued that workers have lost jobs."]);
    assert!(
        all.iter().any(|(c, s, _)| c == "argued"
            && s.as_deref().is_some_and(|s| s.ends_with("Bernie Sanders"))),
        "{all:?}"
    );
}

#[test]
fn a_passive_report_without_agent_has_no_source() {
    let all =
        found(&["State missed that deadline, but was ordered to make four releases this month."]);
    assert!(
        all.iter().any(|(c, s, t)| c == "was ordered"
            && s.is_none()
            && t == "to make four releases this month"),
        "{all:?}"
    );
}

#[test]
fn a_relative_clause_with_commas_inside_keeps_its_antecedent_as_source() {
    let all = found(&[
        "Sandy Phillips, who lost her daughter in Aurora, Colorado, in July 2012, said that Sanders had been rude.",
    ]);
    assert!(
        all.iter().any(|(c, s, _)| c == "said"
            && s.as_deref()
                .is_some_and(|s| s.starts_with("Sandy Phillips"))),
        "{all:?}"
    );
}

#[test]
fn a_label_after_a_dash_quotes_its_source() {
    let all = found(&[
        "But polls did predict the caucus - Mark Blumenthal and Jon Cohen: \u{201C}The polls ended too early.\u{201D}",
    ]);
    assert!(
        has(
            &all,
            ":",
            "Mark Blumenthal and Jon Cohen",
            "\u{201C}The polls ended too early.\u{201D}"
        ),
        "{all:?}"
    );
    // A dash and a colon with no quotation are no label.
    let all = found(&["The vote - a landmark: it passed 52-48."]);
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn a_proportion_of_number_words_is_a_source() {
    let all = found(&["About one in five say they would not vote."]);
    assert!(
        has(&all, "say", "About one in five", "they would not vote"),
        "{all:?}"
    );
}

#[test]
fn a_question_then_asked_is_the_askers_and_no_continuation_of_the_report_before() {
    let all = found(&[
        "One in five say it is not an improvement.",
        "\u{201C}That\u{2019}s a bribe, isn\u{2019}t it? Isn\u{2019}t that a bribe?\u{201D} Trump asked.",
    ]);
    assert!(
        all.iter()
            .any(|(c, s, _)| c == "asked" && s.as_deref() == Some("Trump")),
        "{all:?}"
    );
    let say: Vec<_> = all.iter().filter(|(c, _, _)| c == "say").collect();
    assert_eq!(say.len(), 1, "{all:?}");
}

#[test]
fn as_a_source_reported() {
    let all = found(&[
        "Ailes also met with Mr. Trump that day, as The New York Times reported on Tuesday.",
    ]);
    assert!(
        has(
            &all,
            "reported",
            "The New York Times",
            "Ailes also met with Mr. Trump that day"
        ),
        "{all:?}"
    );
    let all = found(&["As reported by Western Journalism, the Times broke the story in March."]);
    assert!(
        has(
            &all,
            "reported",
            "Western Journalism",
            "the Times broke the story in March"
        ),
        "{all:?}"
    );
}

#[test]
fn time_words_between_a_comma_and_the_next_cue_end_the_content_before() {
    let all = found(&[
        "Beck, who opposed Trump during the primaries, last week said Trump was seeking a media empire.",
    ]);
    assert!(
        has(&all, "said", "Beck", "Trump was seeking a media empire"),
        "{all:?}"
    );
}

#[test]
fn a_source_with_an_apposition_or_relative_clause_between_dashes() {
    let all = found(&[
        "Jason Sims \u{2014} a teacher from Mount Pleasant \u{2014} says he voted for Rubio.",
    ]);
    assert!(
        all.iter().any(|(c, s, t)| c == "says"
            && s.as_deref().is_some_and(|s| s.starts_with("Jason Sims"))
            && t == "he voted for Rubio"),
        "{all:?}"
    );
    let all = found(&[
        "Donald Trump - who previously said he would bomb the fields - said at a rally that the border should close.",
    ]);
    assert!(
        has(&all, "said", "Donald Trump", "that the border should close"),
        "{all:?}"
    );
    // Two dashes with nothing between them are no apposition (and no panic).
    let all = found(&["Smith \u{2014} \u{2014} said the plan failed."]);
    assert!(all.len() <= 1, "{all:?}");
}

#[test]
fn a_contracted_subject_pronoun_opens_a_bare_clause() {
    let all = found(&[
        "Hillary Clinton, in her campaigning, suggested she\u{2019}ll turn to her husband.",
    ]);
    assert!(
        has(
            &all,
            "suggested",
            "Hillary Clinton",
            "she\u{2019}ll turn to her husband"
        ),
        "{all:?}"
    );
}

#[test]
fn a_spaced_straight_mark_after_a_nested_quote_closes_the_quotation() {
    let all = found(&[
        "\"Investors are looking for what they call 'a flight to quality,' \" the analyst said.",
    ]);
    assert!(
        all.iter().any(|(c, s, t)| c == "said"
            && s.as_deref() == Some("the analyst")
            && t.starts_with("\"Investors are looking for")
            && t.ends_with("quality,' \"")),
        "{all:?}"
    );
}

#[test]
fn a_subject_the_phrase_scan_cannot_read_still_stands_before_a_speech_verb() {
    let all = found(&[
        "Those over 60 say they feel that way by 2-1. The last man to mount a major third-party presidential race says he doubts it.",
    ]);
    assert!(
        has(&all, "say", "Those over 60", "they feel that way by 2-1"),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "says",
            "The last man to mount a major third-party presidential race",
            "he doubts it"
        ),
        "{all:?}"
    );
    // A clause with its own verb before the cue is no subject.
    let all = found(&["The bill was passed on Monday say friends of the senator."]);
    assert!(
        !all.iter()
            .any(|(_, s, _)| s.as_deref() == Some("The bill was passed on Monday")),
        "{all:?}"
    );
}

#[test]
fn a_question_or_infinitive_after_an_unread_addressee_is_the_content() {
    let all = found(&[
        "We asked our followers who their favorite speaker was. Smith urged the rank-and-file members to act.",
    ]);
    assert!(
        has(&all, "asked", "We", "who their favorite speaker was"),
        "{all:?}"
    );
    assert!(has(&all, "urged", "Smith", "to act"), "{all:?}");
}

#[test]
fn content_edges_follow_news_annotation() {
    let all = found(&[
        "But the Common Core was rolled out badly, he said. He attacked the tax, which he said had harmed the economy.",
    ]);
    assert!(
        has(&all, "said", "he", "the Common Core was rolled out badly"),
        "{all:?}"
    );
    // The relative word, then the rest past the cue (the first span is "which").
    assert!(has(&all, "said", "he", "which"), "{all:?}");
    let all = found(&[
        "Teenage undergraduates might not be so lucky, according to Jason Delisle, who was an adviser to the campaign.",
    ]);
    assert!(
        has(
            &all,
            "according to",
            "Jason Delisle, who was an adviser to the campaign",
            "Teenage undergraduates might not be so lucky"
        ),
        "{all:?}"
    );
}

#[test]
fn a_participle_after_a_subordinator_shares_the_clause_subject() {
    let all =
        found(&["Donald Trump picked up from his daughter by saying he is ready to go to work."]);
    assert!(
        has(&all, "saying", "Donald Trump", "he is ready to go to work"),
        "{all:?}"
    );
}

#[test]
fn standing_in_the_polls_is_no_report() {
    let all = found(&["Johnson has risen in the polls to the high single digits."]);
    assert!(all.iter().all(|(c, _, _)| c != "in"), "{all:?}");
    let all = found(&["Trump leads with 31 percent in a CNN poll released Monday."]);
    assert!(all.iter().any(|(c, _, _)| c == "in"), "{all:?}");
}

#[test]
fn a_name_before_its_verb_is_the_subject_a_participle_shares() {
    let all = found(&[
        "Kasich bemoaned America's reputation around the world, saying that foreigners laugh at us.",
    ]);
    assert!(
        has(&all, "saying", "Kasich", "that foreigners laugh at us"),
        "{all:?}"
    );
}

#[test]
fn an_interjection_before_that_and_a_then_coordination_are_read() {
    let all = found(&["He believes, for example, that women should decide."]);
    assert!(
        has(&all, "believes", "He", "that women should decide"),
        "{all:?}"
    );
    let all = found(&["Kasich offered the man a job, then says he will welcome advice."]);
    assert!(
        has(&all, "then says", "Kasich", "he will welcome advice"),
        "{all:?}"
    );
}

#[test]
fn a_relative_clause_with_its_own_report_ends_the_content() {
    let all = found(&[
        "Most voters say they like Clinton, compared with 64 percent who say the same of Sanders.",
    ]);
    assert!(
        has(&all, "say", "Most voters", "they like Clinton"),
        "{all:?}"
    );
    assert!(has(&all, "say", "who", "the same of Sanders"), "{all:?}");
}

#[test]
fn a_name_of_a_named_place_is_one_source_and_an_addressee_pronoun_is_skipped() {
    let all = found(&[
        "Robert Gordon of Northwestern University suggested to me that workers were protected.",
    ]);
    assert!(
        has(
            &all,
            "suggested",
            "Robert Gordon of Northwestern University",
            "that workers were protected"
        ),
        "{all:?}"
    );
}

#[test]
fn coordinated_and_partitive_subjects_are_whole_sources() {
    let all = found(&["Trump and Sanders said the plan would fail."]);
    assert!(
        has(&all, "said", "Trump and Sanders", "the plan would fail"),
        "{all:?}"
    );
    let all = found(&["The two voters said the plan would fail."]);
    assert!(
        has(&all, "said", "The two voters", "the plan would fail"),
        "{all:?}"
    );
    let all = found(&["Some of her followers said the plan would fail."]);
    assert!(
        has(&all, "said", "Some of her followers", "the plan would fail"),
        "{all:?}"
    );
}

#[test]
fn capitals_in_a_sentence_all_in_capitals_are_no_sign_of_a_name() {
    // MUC-3 and old wire copy: before, "WAS ALSO" was read as a name before the cue, a
    // passive "WERE FOUND" as a report by "... EXPLOSIVES WERE", and the source and content
    // of "ADDED THAT" swapped.
    let all = found(&[
        "IT WAS ALSO REPORTED THAT A SOLDIER WAS WOUNDED AND TAKEN TO THE MILITARY HOSPITAL.",
        "AN M-16 RIFLE, FIVE GRENADES, AND MATERIAL FOR THE PRODUCTION OF EXPLOSIVES WERE \
         FOUND IN THE SAME PLACE. THE BRIGADE, WHICH IS HEADQUARTERED IN SAN MIGUEL, ADDED \
         THAT THE SEIZURE WAS MADE YESTERDAY MORNING.",
    ]);
    assert!(
        all.iter()
            .all(|(c, s, _)| c != "FOUND" && s.as_deref() != Some("WAS ALSO")),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "ADDED",
            "THE BRIGADE, WHICH IS HEADQUARTERED IN SAN MIGUEL,",
            "THAT THE SEIZURE WAS MADE YESTERDAY MORNING"
        ),
        "{all:?}"
    );
}

#[test]
fn an_imperative_has_no_source() {
    let all = found(&["Don't blame Bush. Don\u{2019}t blame the voters."]);
    assert!(all.iter().all(|(_, s, _)| s.is_none()), "{all:?}");
}

#[test]
fn whoever_issues_a_statement_is_its_source() {
    let all = found(&[
        "The town released a statement Wednesday saying the comments were based on opinion.",
        "His office put out a statement saying the count was wrong.",
        "The ministry issued a statement.",
    ]);
    assert!(
        has(
            &all,
            "released a statement Wednesday saying",
            "The town",
            "the comments were based on opinion"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "put out a statement saying",
            "His office",
            "the count was wrong"
        ),
        "{all:?}"
    );
    assert_eq!(all.len(), 2, "{all:?}");
}

#[test]
fn accused_of_takes_the_object_and_the_charge() {
    let all = found(&[
        "Clinton has repeatedly accused Trump of using divisive rhetoric.",
        "He was also accused of killing nine people.",
    ]);
    assert!(
        has(
            &all,
            "has repeatedly accused",
            "Clinton",
            "Trump of using divisive rhetoric"
        ),
        "{all:?}"
    );
    // Passive: whoever accused is not named.
    assert!(
        all.iter().any(|(c, s, t)| c == "was also accused"
            && s.is_none()
            && t == "of killing nine people"),
        "{all:?}"
    );
}

#[test]
fn since_and_always_between_auxiliary_and_cue_are_adverbs() {
    let all = found(&[
        "She has since said that she attended the event.",
        "He has always maintained that the server was secure.",
    ]);
    assert!(
        has(&all, "said", "She", "that she attended the event"),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "has always maintained",
            "He",
            "that the server was secure"
        ),
        "{all:?}"
    );
}

#[test]
fn a_progressive_report_is_not_passive() {
    let all =
        found(&["Donald Trump is telling attendees at the gala how he helped save the hotel."]);
    assert!(
        has(
            &all,
            "is telling",
            "Donald Trump",
            "attendees at the gala how he helped save the hotel"
        ),
        "{all:?}"
    );
}

#[test]
fn an_adverb_opening_the_clause_keeps_the_participle_its_subject() {
    let all = found(&["And then Trump went fully on the attack, saying she had lied."]);
    assert!(has(&all, "saying", "Trump", "she had lied"), "{all:?}");
}

#[test]
fn a_question_put_between_commas_leaves_the_subject_to_the_report() {
    let all = found(&[
        "Clinton, when asked about the plan, said it would fail.",
        "The treasury secretary, asked whether he was concerned, said he was not.",
    ]);
    assert!(has(&all, "said", "Clinton", "it would fail"), "{all:?}");
    assert!(
        has(&all, "said", "The treasury secretary", "he was not"),
        "{all:?}"
    );
}

#[test]
fn a_quantifier_alone_is_a_source() {
    let all = found(&[
        "Another said the bank still had buying orders.",
        "That said, the plan will fail.",
    ]);
    assert!(
        has(&all, "said", "Another", "the bank still had buying orders"),
        "{all:?}"
    );
    assert_eq!(all.len(), 1, "{all:?}");
}

#[test]
fn a_wire_dateline_is_not_reported_content() {
    let all = found(&[
        "WASHINGTON, Oct 20 - The United States may lift the sanctions, officials said.",
        "New York (AFP) \u{2013} Prices rose sharply, traders said.",
        "The plan - a bold one - failed, analysts said.",
    ]);
    assert!(
        has(
            &all,
            "said",
            "officials",
            "The United States may lift the sanctions"
        ),
        "{all:?}"
    );
    assert!(
        has(&all, "said", "traders", "Prices rose sharply"),
        "{all:?}"
    );
    // A dash inside an ordinary sentence ends no dateline.
    assert!(
        has(&all, "said", "analysts", "The plan - a bold one - failed"),
        "{all:?}"
    );
}

#[test]
fn a_quotation_after_a_colon_ends_before_the_narrators_but() {
    let all = found(&[
        "Clinton said: \"Using two accounts was a mistake,\" but in fact she used only one.",
    ]);
    assert!(
        has(
            &all,
            "said:",
            "Clinton",
            "\"Using two accounts was a mistake,\""
        ),
        "{all:?}"
    );
}

#[test]
fn a_fronted_clause_after_that_stays_in_the_content() {
    let all = found(&["She went on to say that, because the judge agreed, the ruling was fair."]);
    assert!(
        all.iter()
            .any(|(_, s, t)| s.as_deref() == Some("She") && t.ends_with("the ruling was fair")),
        "{all:?}"
    );
}

#[test]
fn a_base_form_after_a_singular_subject_is_no_report() {
    let all = found(&[
        "One Tweet Sums Up The Absurd Double Standard Clinton And Trump Face.",
        "Each note is convertible into one share, the company said.",
        "It forecast prices will edge higher, and one says they will fall.",
        "A clinical bowling show helped Afghanistan win, and a number of experts say it was deserved.",
    ]);
    assert!(
        all.iter().all(|(c, _, _)| c != "Tweet" && c != "note"),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|(c, s, _)| c == "forecast" && s.as_deref() == Some("It")),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|(c, s, _)| c == "says" && s.as_deref() == Some("one")),
        "{all:?}"
    );
}

#[test]
fn a_bracketed_aside_inside_a_source_name() {
    let all = found(&[
        "Taiwan's Kuomintang (Nationalist) government claims to rule all China.",
        "A Ministry of International Trade and Industry (MITI) official denied the report.",
    ]);
    assert!(
        all.iter().any(|(c, s, _)| c == "claims"
            && s.as_deref() == Some("Taiwan's Kuomintang (Nationalist) government")),
        "{all:?}"
    );
    assert!(
        all.iter().any(|(c, s, _)| c == "denied"
            && s.as_deref()
                == Some("A Ministry of International Trade and Industry (MITI) official")),
        "{all:?}"
    );
}

#[test]
fn a_quoted_sentence_continues_the_quote_not_a_report_added_after_it() {
    let mut doc = Document::new(
        DocumentMeta::default(),
        [
            "\"He did try to intimidate me,\" said O'Donnell, who wrote about the visit in the book. \"Thank goodness, both of those things weren't true.\"",
        ],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    let contents = |cue: &str| {
        doc.attributions
            .iter()
            .find(|a| a.cue.text == cue)
            .map(|a| {
                a.content
                    .iter()
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
            })
            .unwrap()
    };
    assert_eq!(
        contents("said"),
        [
            "\"He did try to intimidate me,\"",
            "\"Thank goodness, both of those things weren't true.\""
        ]
    );
    assert_eq!(contents("wrote"), ["the visit in the book"]);
}

#[test]
fn a_bracket_closing_one_opened_in_the_content_stays_and_an_adverbial_before_that_goes() {
    let all = found(&[
        "Ted Cruz wrote an op-ed urging Congress to fast track the Trans-Pacific Partnership (TPP).",
        "Jeb Bush told an Iowa audience that the Islamic State is taking hold in Libya.",
        "Carson wrote in his 1990 autobiography that he had been named the most honest student.",
        "Critics dismissed the idea that the changes amounted to a shake-up.",
    ]);
    assert!(
        has(
            &all,
            "wrote",
            "Ted Cruz",
            "an op-ed urging Congress to fast track the Trans-Pacific Partnership (TPP)"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "told",
            "Jeb Bush",
            "that the Islamic State is taking hold in Libya"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "wrote",
            "Carson",
            "that he had been named the most honest student"
        ),
        "{all:?}"
    );
    assert!(
        all.iter()
            .all(|(_, _, c)| c != "that the changes amounted to a shake-up"),
        "{all:?}"
    );
}

#[test]
fn a_report_in_a_fronted_subordinate_clause_ends_with_the_clause() {
    let all = found(&[
        "A few weeks after Obama announced that the war in Afghanistan would not end on his watch, U.S. forces bombed a hospital in Kunduz.",
        "While he insisted that he never actually said it, that was the obvious implication.",
    ]);
    assert!(
        has(
            &all,
            "announced",
            "Obama",
            "that the war in Afghanistan would not end on his watch"
        ),
        "{all:?}"
    );
    assert!(
        has(&all, "insisted", "he", "that he never actually said it"),
        "{all:?}"
    );
}

#[test]
fn an_object_or_infinitive_content_ends_before_but_and_a_reported_clause_keeps_it() {
    let all = found(&[
        "Sanders had hoped to do better with Latinos, but his ability to do so seemed shaky.",
        "She said that Obama advanced this agenda, but that there is still more to do.",
    ]);
    assert!(
        has(&all, "had hoped", "Sanders", "to do better with Latinos"),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "She",
            "that Obama advanced this agenda, but that there is still more to do"
        ),
        "{all:?}"
    );
}

#[test]
fn an_object_content_ends_before_a_clause_of_contrast() {
    let all = found(&[
        "Trump promised to shrink the federal education department, although some would not get rid of it entirely.",
    ]);
    assert!(
        has(
            &all,
            "promised",
            "Trump",
            "to shrink the federal education department"
        ),
        "{all:?}"
    );
}

/// A plural cue form right after a number is the noun it counts: "fell 232.90 points to
/// 6038.30" reports nothing.
#[test]
fn a_cue_form_counted_by_a_number_is_a_noun() {
    let mut doc = tally_core::Document::new(
        tally_core::DocumentMeta::default(),
        ["The UK's FTSE-100 index fell 232.90 points to 6038.30 on Friday."],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    tally_attribution::Attributor::new()
        .unwrap()
        .run(&mut doc)
        .unwrap();
    assert!(doc.attributions.is_empty(), "{:?}", doc.attributions);
}

/// The subject of a passive cue is what is reported, not a speaker; a progressive ("is
/// considering") keeps its subject.
#[test]
fn the_subject_of_a_passive_cue_is_no_speaker() {
    let speakers = |text: &str| {
        let mut doc = Document::new(DocumentMeta::default(), [text]);
        tally_text::Segmenter.run(&mut doc).unwrap();
        Attributor::new().unwrap().run(&mut doc).unwrap();
        doc.speakers
            .iter()
            .map(|s| s.name.clone().or(s.descriptor.clone()).unwrap_or_default())
            .collect::<Vec<_>>()
    };
    assert!(speakers("Reserves were reported to have dropped below four billion dlrs.").is_empty());
    assert_eq!(
        speakers("The ministry is considering a ban on the imports."),
        ["The ministry"]
    );
}

/// The reporter's caveat after a claim is not part of its content.
#[test]
fn the_reporters_caveat_leaves_the_content() {
    let mut doc = Document::new(
        DocumentMeta::default(),
        [
            "Russia's Defense Ministry claimed its forces had captured the village of Kurakhivka, a claim that could not be independently verified.",
        ],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    let content: Vec<&str> = doc.attributions[0]
        .content
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        content,
        ["its forces had captured the village of Kurakhivka"]
    );
}

/// A fraction or collective quantity is a plural subject: "a third say" agrees.
#[test]
fn a_fraction_of_people_says() {
    let all = found(&["Nearly a third say they don't know what the plan costs."]);
    assert!(
        all.iter().any(|(c, s, t)| c == "say"
            && s.as_deref().is_some_and(|s| s.ends_with("a third"))
            && t == "they don't know what the plan costs"),
        "{all:?}"
    );
}

/// A bare clause whose subject holds "and", or whose verb follows "this" or is a negated
/// auxiliary, is the content of a belief verb.
#[test]
fn bare_clauses_with_coordinated_subjects_and_negated_auxiliaries() {
    let all = found(&[
        "Greenberg's research suggests moderate and Catholic Republicans might also cross party lines.",
    ]);
    assert!(
        has(
            &all,
            "suggests",
            "Greenberg's research",
            "moderate and Catholic Republicans might also cross party lines"
        ),
        "{all:?}"
    );
    let all = found(&["Hewitt suggested Trump hadn\u{2019}t meant his statement literally."]);
    assert!(
        has(
            &all,
            "suggested",
            "Hewitt",
            "Trump hadn\u{2019}t meant his statement literally"
        ),
        "{all:?}"
    );
    let all = found(&["Economists believe this provides an incentive for employers."]);
    assert!(
        has(
            &all,
            "believe",
            "Economists",
            "this provides an incentive for employers"
        ),
        "{all:?}"
    );
    // "and" before a verb joins two predicates of the subject: no clause.
    let all = found(&["She knows the president and praised him often."]);
    assert!(all.iter().all(|(c, _, _)| c != "knows"), "{all:?}");
}

/// "see X as Y": the object and its "as" phrase are the content; a bare object is not.
#[test]
fn seeing_someone_as_something() {
    let all = found(&["Four in 10 voters see the campaign of Donald Trump as most unfair."]);
    assert!(
        has(
            &all,
            "see",
            "Four in 10 voters",
            "the campaign of Donald Trump as most unfair"
        ),
        "{all:?}"
    );
    let all = found(&["I saw the president at the rally as he spoke."]);
    assert!(all.is_empty(), "{all:?}");
}

/// A participle after a comma inside the closing quotation mark shares the subject.
#[test]
fn a_participle_after_a_quoted_comma() {
    let all = found(&[
        "Donald Trump has delivered a defense of \u{201C}New York values,\u{201D} saying the city embodied the bravery of America.",
    ]);
    assert!(
        has(
            &all,
            "saying",
            "Donald Trump",
            "the city embodied the bravery of America"
        ),
        "{all:?}"
    );
}

/// "He's said": a contracted auxiliary after a pronoun is no possessive.
#[test]
fn a_pronoun_with_a_contracted_auxiliary() {
    let all = found(&["He\u{2019}s said he gets his ideas from a speech in a novel."]);
    assert!(
        all.iter()
            .any(|(c, _, t)| c.ends_with("said")
                && t == "he gets his ideas from a speech in a novel"),
        "{all:?}"
    );
}

/// "reportedly" reports its clause, with no source; before a reporting verb it leaves the
/// report to the verb; a relative clause ends at its comma.
#[test]
fn reportedly_reports_its_clause() {
    let mut doc = Document::new(
        DocumentMeta::default(),
        ["The FBI is reportedly making arrangements to interview Hillary Clinton."],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    let a = &doc.attributions[0];
    assert_eq!(a.cue.text, "reportedly");
    assert!(a.source.is_none());
    let content: Vec<&str> = a.content.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        content,
        [
            "The FBI is",
            "making arrangements to interview Hillary Clinton"
        ]
    );
    let all = found(&["Trump reportedly said the wall would be paid for."]);
    assert!(
        all.len() == 1
            && has(
                &all,
                "reportedly said",
                "Trump",
                "the wall would be paid for"
            ),
        "{all:?}"
    );
    let all = found(&[
        "The company said its rivals, who reportedly hold 7.4 pct of the shares, tried to buy it.",
    ]);
    assert!(
        all.iter()
            .any(|(c, s, t)| c == "reportedly" && s.is_none() && t == "hold 7.4 pct of the shares"),
        "{all:?}"
    );
}

/// A passive before "to" raises its subject: nobody is named, the subject and the
/// infinitive are what is reported, and a later speaker reports the whole clause.
#[test]
fn a_passive_cue_raises_its_subject() {
    let contents = |text: &str| {
        let mut doc = Document::new(DocumentMeta::default(), [text]);
        tally_text::Segmenter.run(&mut doc).unwrap();
        Attributor::new().unwrap().run(&mut doc).unwrap();
        doc.attributions
            .iter()
            .map(|a| {
                (
                    a.cue.text.clone(),
                    a.source.as_ref().map(|s| s.text.clone()),
                    a.content.iter().map(|c| c.text.clone()).collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
    };
    let all = contents("The final shuttering of the factory is not expected to happen until 2019.");
    assert_eq!(
        all,
        [(
            "is not expected".to_owned(),
            None,
            vec![
                "The final shuttering of the factory".to_owned(),
                "to happen until 2019".to_owned()
            ]
        )]
    );
    let all = contents(
        "The central bank, which has held rates near zero since 2008, is expected to act in December.",
    );
    assert_eq!(
        all[0].2,
        [
            "The central bank, which has held rates near zero since 2008",
            "to act in December"
        ]
    );
    // Not a phrase after "to", nor a second predicate of an earlier subject.
    let all = contents("He proposed that 25 mln dlrs be added to the 21 mln dlrs.");
    assert!(
        all.iter()
            .all(|(c, s, _)| !(c.ends_with("added") && s.is_none())),
        "{all:?}"
    );
    let all = contents("Cerberus led the consortium and is said to be planning a bid.");
    assert!(
        all.iter()
            .any(|(c, s, _)| c == "is said" && s.as_deref() == Some("Cerberus")),
        "{all:?}"
    );
    let all = contents("The cocoa is believed to have been second hand material, they added.");
    assert!(
        all.iter().any(|(c, s, t)| c == "added"
            && s.as_deref() == Some("they")
            && t == &["The cocoa is believed to have been second hand material"]),
        "{all:?}"
    );
}

/// A verb taking the cue as its infinitive joins the cue, and its subject is the source;
/// a noun before a purpose clause does not, nor an impersonal "it is hard to".
#[test]
fn a_verb_before_an_infinitive_cue() {
    let all = found(&["He continued to insist that the election was rigged."]);
    assert!(
        has(
            &all,
            "continued to insist",
            "He",
            "that the election was rigged"
        ),
        "{all:?}"
    );
    let all = found(&["Clinton is trying to show that she can win."]);
    assert!(
        has(&all, "is trying to show", "Clinton", "that she can win"),
        "{all:?}"
    );
    let all = found(&["He gave a speech to defend the plan."]);
    assert!(all.is_empty(), "{all:?}");
    let all = found(&["It is hard to see how the plan could work."]);
    assert!(all.iter().all(|(_, s, _)| s.is_none()), "{all:?}");
}

/// A relative clause between commas before "that" is an aside of the cue.
#[test]
fn a_relative_clause_between_the_cue_and_that() {
    let all = found(&[
        "Lewandowski said on CNN, where he is now a paid contributor, that Manafort should be held to account.",
    ]);
    assert!(
        has(
            &all,
            "said",
            "Lewandowski",
            "that Manafort should be held to account"
        ),
        "{all:?}"
    );
}

#[test]
fn a_body_named_on_its_subject_is_one_source() {
    let all = found(&[
        "The Kenya National Commission on Human Rights said eight people were killed.",
        "The Select Committee on Tuesday said the plan was unlawful.",
        "Trump on Sunday said the deal was done.",
    ]);
    assert!(
        has(
            &all,
            "said",
            "The Kenya National Commission on Human Rights",
            "eight people were killed"
        ),
        "{all:?}"
    );
    // A day after "on" is when it was said, not part of the name.
    assert!(
        has(
            &all,
            "said",
            "The Select Committee",
            "the plan was unlawful"
        ),
        "{all:?}"
    );
    assert!(has(&all, "said", "Trump", "the deal was done"), "{all:?}");
}

#[test]
fn a_noun_form_before_a_finite_verb_is_no_cue() {
    let all = found(&[
        "Yields rose as the 10-year Treasury note slipped in early trading.",
        "Western estimates were lower than the official figures.",
        "The ministry estimates that 40 people died.",
        "He led the union, which the government claims is a front for the rebels.",
    ]);
    assert!(!all.iter().any(|(c, ..)| c == "note"), "{all:?}");
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(
        has(&all, "estimates", "The ministry", "that 40 people died"),
        "{all:?}"
    );
    // A relative clause gaps the verb's object: "claims" is still the verb.
    assert!(all.iter().any(|(c, ..)| c == "claims"), "{all:?}");
}

#[test]
fn according_to_results_is_a_document_source() {
    let mut doc = Document::new(
        DocumentMeta::default(),
        [
            "The ruling party was leading, according to official preliminary results released on Monday.",
        ],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    let speaker = &doc.speakers[0];
    assert_eq!(
        speaker.descriptor.as_deref(),
        Some("official preliminary results")
    );
    assert!(speaker.group, "{speaker:?}");
}

#[test]
fn a_pronoun_after_signaled_is_the_signalers() {
    let mut doc = Document::new(
        DocumentMeta::default(),
        [
            "The agency said two people were missing.",
            "Federal Reserve policymakers signaled they expect to cut interest rates twice this year.",
        ],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    let expect = doc
        .attributions
        .iter()
        .find(|a| a.cue.text == "expect")
        .unwrap();
    let signaled = doc
        .attributions
        .iter()
        .find(|a| a.cue.text == "signaled")
        .unwrap();
    assert!(expect.within.is_some());
    assert_eq!(expect.speaker_id, signaled.speaker_id);
}

#[test]
fn a_study_finds_its_object() {
    let all = found(&[
        "A recent CNN survey found 90 percent support for background checks.",
        "Polls suggest a tight race in Ohio.",
        "Police found a body in the river.",
    ]);
    assert!(
        has(
            &all,
            "found",
            "A recent CNN survey",
            "90 percent support for background checks"
        ),
        "{all:?}"
    );
    assert!(
        has(&all, "suggest", "Polls", "a tight race in Ohio"),
        "{all:?}"
    );
    // Not a study: "found" is no report of its object.
    assert_eq!(all.len(), 2, "{all:?}");
}

#[test]
fn knowing_takes_a_wh_clause() {
    let all = found(&["Reporters and editors know how many people are reading their work."]);
    assert!(
        has(
            &all,
            "know",
            "Reporters and editors",
            "how many people are reading their work"
        ),
        "{all:?}"
    );
}

#[test]
fn called_after_a_thing_names_it() {
    let all = found(&[
        "They paid a company called Cambridge Analytica.",
        "Both oppose an inflation formula called the \u{201C}chained CPI.\u{201D}",
        "Trump later called Haley \u{201C}very weak on immigration.\u{201D}",
    ]);
    assert!(!all.iter().any(|(c, ..)| c == "called"), "{all:?}");
    assert!(
        all.iter()
            .any(|(c, s, _)| c == "later called" && s.as_deref() == Some("Trump")),
        "{all:?}"
    );
}

#[test]
fn a_phrasal_verb_of_another_sense_is_no_cue() {
    let all = found(&[
        "One voter showed up in the brown beret of a nationalist group.",
        "The union called off the strike on Monday.",
        "Clinton won the primary, adding to her delegate lead.",
        "The polls showed a tight race.",
    ]);
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(has(&all, "showed", "The polls", "a tight race"), "{all:?}");
}

#[test]
fn a_reporters_credit_line_is_no_report() {
    let all = found(&[
        "Ryan Grim reported from Washington, D.C.",
        "The Post reported from Kyiv that the talks had stalled.",
    ]);
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(
        all.iter()
            .any(|(c, s, _)| c == "reported" && s.as_deref() == Some("The Post")),
        "{all:?}"
    );
}

#[test]
fn what_an_anonymous_source_knows_stays_in_the_source() {
    let all = found(&[
        "A person briefed on the matter said the deal was close.",
        "A source with knowledge of the talks said the deal was close.",
        "People close to the president said the deal was close.",
        "A diplomat privy to the discussions said the deal was close.",
        "The deal was close, according to officials involved in the negotiations.",
    ]);
    for source in [
        "A person briefed on the matter",
        "A source with knowledge of the talks",
        "People close to the president",
        "A diplomat privy to the discussions",
    ] {
        assert!(has(&all, "said", source, "the deal was close"), "{all:?}");
    }
    assert!(
        has(
            &all,
            "according to",
            "officials involved in the negotiations",
            "The deal was close"
        ),
        "{all:?}"
    );
}

#[test]
fn a_knowing_link_nothing_anchors_is_not_a_source() {
    // "involved in" after a verb: the link's word is no source head.
    let all = found(&["He did not confirm whether she was involved in the attack, police said."]);
    assert!(
        all.iter()
            .all(|(_, s, _)| !s.as_deref().is_some_and(|s| s.starts_with("in "))),
        "{all:?}"
    );
}

#[test]
fn a_setting_phrase_before_that_is_not_what_was_said() {
    let all = found(&[
        "Judge Amit Mehta wrote in a 230-page ruling that the department had overreached.",
        "The minister warned on state television that any attack would be met with force.",
        "The company said in a filing with regulators on Monday that sales fell.",
    ]);
    for (cue, source, content) in [
        (
            "wrote",
            "Judge Amit Mehta",
            "that the department had overreached",
        ),
        (
            "warned",
            "The minister",
            "that any attack would be met with force",
        ),
        ("said", "The company", "that sales fell"),
    ] {
        assert!(has(&all, cue, source, content), "{all:?}");
    }
}

#[test]
fn a_relative_that_after_a_setting_phrase_is_not_the_content() {
    // "that showed off": a relative clause about the video; "decided to take ... bids
    // that the company has received": an infinitive, not a setting.
    let all = found(&[
        "The board decided to take no action on two bids that the company has received.",
        "He spoke in a video that showed off the renovations.",
    ]);
    assert!(
        all.iter()
            .all(|(_, _, c)| !c.starts_with("that the company") && !c.starts_with("that showed")),
        "{all:?}"
    );
}

#[test]
fn a_remark_on_the_report_is_the_reporters() {
    let all = found(&[
        "An officer shot a man during a traffic stop, Police Chief Brian Hara said, an account the family disputed within hours.",
        "The group put the death toll at more than 1,500, a figure Reuters could not independently verify.",
        "The Pentagon is considering sending 10,000 troops, according to three U.S. officials familiar with the planning, a move that would double the American presence.",
    ]);
    assert!(
        has(
            &all,
            "said",
            "Police Chief Brian Hara",
            "An officer shot a man during a traffic stop"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "put",
            "The group",
            "the death toll at more than 1,500"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "according to",
            "three U.S. officials familiar with the planning",
            "The Pentagon is considering sending 10,000 troops"
        ),
        "{all:?}"
    );
    // The remark is no second content span either.
    assert!(
        all.iter().all(|(_, _, c)| !c.contains("an account")),
        "{all:?}"
    );
}

#[test]
fn a_hyphenated_modifier_after_a_name_stays_in_the_source() {
    let all = found(&["The U.N.-backed monitoring group confirmed that famine had spread."]);
    assert!(
        all.iter()
            .any(|(_, s, _)| s.as_deref() == Some("The U.N.-backed monitoring group")),
        "{all:?}"
    );
}

#[test]
fn a_report_in_a_relative_clause_without_commas_ends_at_the_main_cue() {
    let all = found(&[
        "A woman who said she watched the stop from across the street told the newspaper that the man had his hands in the air.",
        "Republicans who sought to defeat it as a signal that legislators oppose the policy voted no.",
    ]);
    assert!(
        has(
            &all,
            "said",
            "who",
            "she watched the stop from across the street"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "told",
            "A woman who said she watched the stop from across the street",
            "that the man had his hands in the air"
        ),
        "{all:?}"
    );
    // A cue after a clause of its own ("that legislators oppose") stays inside.
    assert!(all.iter().all(|(c, _, _)| c != "oppose"), "{all:?}");
}

/// "what Zuckerberg called a 'year of efficiency'": the determiner before the quotation
/// opens the quoted noun phrase, so the report is mixed, not a bare quotation.
#[test]
fn a_determiner_before_a_quotation_joins_the_content() {
    let all = found(&[
        "The company cut 10,000 jobs in what Zuckerberg called a \u{201C}year of efficiency.\u{201D}",
        "Rubio attacked Trump, whom he called a \u{201C}con artist.\u{201D}",
    ]);
    assert!(
        has(
            &all,
            "called",
            "Zuckerberg",
            "a \u{201C}year of efficiency.\u{201D}"
        ),
        "{all:?}"
    );
    assert!(
        has(&all, "called", "he", "a \u{201C}con artist.\u{201D}"),
        "{all:?}"
    );
}

/// "X, who was re-elected ... according to results released on Saturday, called ...":
/// the relative clause closed by "according to" leaves the main cue its subject.
#[test]
fn a_cue_after_according_to_closing_a_relative_clause_keeps_its_subject() {
    let all = found(&[
        "The president, who was re-elected with 57.8% of the vote according to results released on Saturday, called the outcome \u{201C}a victory for democracy.\u{201D}",
    ]);
    assert!(
        has(
            &all,
            "called",
            "The president",
            "the outcome \u{201C}a victory for democracy.\u{201D}"
        ),
        "{all:?}"
    );
}

/// "have warned of famine in the north": "warn of" / "warn about" report the noun phrase
/// after the preposition, which is the cue's (as PolNeAR annotates "warned of").
#[test]
fn warn_of_reports_its_noun_phrase() {
    let all = found(&[
        "Aid agencies have warned of famine in the north.",
        "Experts warned about the risk of an outbreak on the mainland.",
    ]);
    assert!(
        has(
            &all,
            "have warned of",
            "Aid agencies",
            "famine in the north"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "warned about",
            "Experts",
            "the risk of an outbreak on the mainland"
        ),
        "{all:?}"
    );
}

/// "television shows and movies", "his reality TV show": after a broadcast word "show" is
/// the program. And a thing that neither speaks nor documents shows a sight, not a report
/// ("the current account showed a deficit"), while polls, data and videos report what they
/// show.
#[test]
fn show_reports_only_from_speakers_and_documents() {
    let all = found(&[
        "It is the latest in a growing number of books, television shows and movies about the crisis.",
        "He starred in the reality TV show \u{201C}The Apprentice.\u{201D}",
        "The current account showed a 5.2 billion guilder deficit on invisibles.",
        "A video of the incident shows him with his hands in the air.",
        "New polls released Sunday showed Clinton taking a lead.",
    ]);
    let source_has = |word: &str| {
        all.iter()
            .any(|(_, s, _)| s.as_deref().is_some_and(|s| s.contains(word)))
    };
    assert!(
        !source_has("TV") && !source_has("television") && !source_has("account"),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|(c, _, t)| c == "shows" && t == "him with his hands in the air"),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|(c, s, _)| c == "showed" && s.as_deref().is_some_and(|s| s.contains("polls"))),
        "{all:?}"
    );
}

/// "the statement read", "a sign which read “...”": "read" with a quotation reports what
/// a text says; "read" alone ("he read the report") stays no cue.
#[test]
fn read_with_a_quotation_reports_the_text() {
    let all = found(&[
        "\u{201C}Ailes has spoken to Trump this morning,\u{201D} the statement read.",
        "One sign read \u{201C}Trust in the Force, but always buckle up.\u{201D}",
        "He read the report on Monday.",
    ]);
    assert!(
        all.iter()
            .any(|(c, s, _)| c == "read" && s.as_deref() == Some("the statement")),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|(c, s, _)| c == "read" && s.as_deref() == Some("One sign")),
        "{all:?}"
    );
    assert_eq!(all.len(), 2, "{all:?}");
}

/// "who spoke on the condition of anonymity for fear of losing her job, said ...": right
/// after a preposition a form that is also a noun ("fear", "support") is the noun, and the
/// speaker's "said" keeps its report.
#[test]
fn a_noun_cue_form_after_a_preposition_is_the_noun() {
    let all = found(&[
        "The employee, a Republican who spoke on the condition of anonymity for fear of losing her job, said she became pregnant last year.",
    ]);
    assert!(!all.iter().any(|(c, ..)| c == "fear"), "{all:?}");
    assert!(
        all.iter()
            .any(|(c, _, t)| c == "said" && t == "she became pregnant last year"),
        "{all:?}"
    );
}

#[test]
fn a_document_issued_is_no_speaker_of_its_participle() {
    let all = found(&[
        "In a video posted online, the commander said the city had fallen.",
        "The letter warned that harm would come to his family.",
    ]);
    assert!(all.iter().all(|(c, _, _)| c != "posted"), "{all:?}");
    assert!(
        has(&all, "said", "the commander", "the city had fallen"),
        "{all:?}"
    );
    // A document may report: only issuing participles are read as its modifiers.
    assert!(
        has(
            &all,
            "warned",
            "The letter",
            "that harm would come to his family"
        ),
        "{all:?}"
    );
}

#[test]
fn an_owned_claim_opening_its_sentence_ends_before_the_main_verb() {
    let all = found(&["Her claim that the vote was rigged has been rejected by courts."]);
    assert!(
        has(&all, "claim", "Her", "that the vote was rigged"),
        "{all:?}"
    );
    let all = found(&["Her claim that prices will rise is wrong."]);
    assert!(
        has(&all, "claim", "Her", "that prices will rise"),
        "{all:?}"
    );
    let all = found(&["Courts rejected her claim that the vote was rigged."]);
    assert!(
        has(&all, "claim", "her", "that the vote was rigged"),
        "{all:?}"
    );
}

#[test]
fn an_owned_claim_keeps_a_clause_of_its_own() {
    let all = found(&[
        "His claim that the dollar has fallen more than markets had expected was welcome.",
    ]);
    assert!(
        has(
            &all,
            "claim",
            "His",
            "that the dollar has fallen more than markets had expected was welcome"
        ),
        "{all:?}"
    );
}

#[test]
fn a_question_asked_of_an_unlisted_addressee_is_reported() {
    let all = found(&[
        "\"Will you release your tax returns?\" Todd asked the real estate mogul on Sunday.",
    ]);
    assert!(
        has(
            &all,
            "asked",
            "Todd",
            "\"Will you release your tax returns?\""
        ),
        "{all:?}"
    );
}

#[test]
fn a_cue_fronted_before_its_source_reports() {
    let all = found(&["Said Comey, \"We are not going to recommend charges.\""]);
    assert!(
        has(
            &all,
            "Said",
            "Comey",
            "\"We are not going to recommend charges.\""
        ),
        "{all:?}"
    );
    let all = found(&["Said one official: the talks have collapsed."]);
    assert!(
        has(&all, "Said", "one official", "the talks have collapsed"),
        "{all:?}"
    );
    let all = found(&["Said Trump: \"We will win.\""]);
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(has(&all, "Said", "Trump", "\"We will win.\""), "{all:?}");
    // A first name is no cue.
    let all = found(&["Said Hamid, the minister, arrived in Cairo on Monday."]);
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn a_fronted_source_with_an_apposition_closed_by_a_colon_reports() {
    let all = found(&["Said Sen. Ann Lee, a Democrat: \"We will not back down.\""]);
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(
        has(
            &all,
            "Said",
            "Sen. Ann Lee, a Democrat",
            "\"We will not back down.\""
        ),
        "{all:?}"
    );
    // Two commas before the colon: no apposition, the name stays bare.
    let all = found(&["Said Hamid, the minister, arrived: late as usual."]);
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn an_owned_claim_opening_its_sentence_ends_at_a_plain_past_main_verb() {
    let all = found(&[
        "His claim that a further dollar fall could be counter-productive aided the currency.",
    ]);
    assert!(
        has(
            &all,
            "claim",
            "His",
            "that a further dollar fall could be counter-productive"
        ),
        "{all:?}"
    );
    // A participle in the clause's own verb group stays in the clause.
    let all = found(&["Her claim that she had never visited the country was rejected."]);
    assert!(
        has(
            &all,
            "claim",
            "Her",
            "that she had never visited the country"
        ),
        "{all:?}"
    );
}

#[test]
fn an_interjected_condition_after_the_cue_keeps_the_report() {
    let all = found(&["Clinton said, if elected, she will push for a public option."]);
    assert!(
        has(
            &all,
            "said",
            "Clinton",
            "if elected, she will push for a public option"
        ),
        "{all:?}"
    );
}

#[test]
fn a_quantifier_after_the_setting_phrase_opens_the_reported_clause() {
    let all = found(&[
        "Iran's foreign minister, Abbas Araghchi, warned on state television that any American involvement would be met with \u{201C}a decisive response.\u{201D}",
    ]);
    assert!(
        all.iter()
            .any(|(c, _, t)| c == "warned" && t.starts_with("that any American")),
        "{all:?}"
    );
}

#[test]
fn a_person_serving_another_is_the_source_not_whom_they_serve() {
    for (text, source) in [
        (
            "Aides to Mr. Johnson said privately that the posts had sunk the deal.",
            "Aides to Mr. Johnson",
        ),
        (
            "An adviser to the president said he would veto the bill.",
            "An adviser to the president",
        ),
        (
            "Israel's ambassador to the United Nations said the vote was a disgrace.",
            "Israel's ambassador to the United Nations",
        ),
    ] {
        let all = found(&[text]);
        assert!(
            all.iter()
                .any(|(c, s, _)| c == "said" && s.as_deref() == Some(source)),
            "{text}: {all:?}"
        );
    }
    // "to" after any other word still ends the source.
    let all = found(&["He gave the money to the charity, officials said."]);
    assert!(
        all.iter()
            .any(|(c, s, _)| c == "said" && s.as_deref() == Some("officials")),
        "{all:?}"
    );
}

#[test]
fn nouns_ending_in_ly_head_sources_not_adverbs() {
    // "-ly" words are read as adverbs ("reportedly said") unless listed as nouns.
    for (text, source) in [
        ("The family said the city was wrong.", "The family"),
        (
            "A lawyer for the family said they would sue.",
            "A lawyer for the family",
        ),
        (
            "The state-run daily said the harvest was a record.",
            "The state-run daily",
        ),
        (
            "Allies of the governor said she would run again.",
            "Allies of the governor",
        ),
    ] {
        let all = found(&[text]);
        assert!(
            all.iter()
                .any(|(c, s, _)| c == "said" && s.as_deref() == Some(source)),
            "{text}: {all:?}"
        );
    }
}

#[test]
fn how_often_someone_posted_is_no_report() {
    let all = found(&[
        "Mr. Musk, who had posted more than 100 times about the bill, wrote that it was improved.",
    ]);
    assert!(all.iter().all(|(c, _, _)| c != "had posted"), "{all:?}");
    assert!(
        has(
            &all,
            "wrote",
            "Mr. Musk, who had posted more than 100 times about the bill,",
            "that it was improved"
        ),
        "{all:?}"
    );
    let all = found(&["She said twice that she is innocent."]);
    assert!(has(&all, "said", "She", "that she is innocent"), "{all:?}");
    // What was posted is the content.
    let all = found(&["He posted a video of the rally."]);
    assert!(has(&all, "posted", "He", "a video of the rally"), "{all:?}");
}

#[test]
fn and_inside_a_named_body_goes_on_with_the_name() {
    let all = found(&[
        "The company told the Securities and Exchange Commission it sold its stake.",
        "The loss is $5 billion, according to a filing with the Securities and Exchange Commission.",
    ]);
    assert!(
        has(&all, "told", "The company", "it sold its stake"),
        "{all:?}"
    );
    assert!(
        all.iter().any(|(c, s, _)| c == "according to"
            && s.as_deref() == Some("a filing with the Securities and Exchange Commission")),
        "{all:?}"
    );
    // Not across two names after the cue: "said Baker and Volcker agreed" reports what
    // Baker said about both.
    let all = found(&["The talks went well, said Baker and Volcker agreed."]);
    assert!(
        all.iter()
            .all(|(_, s, _)| s.as_deref() != Some("Baker and Volcker")),
        "{all:?}"
    );
}

#[test]
fn a_statement_posted_online_is_the_setting_not_the_report() {
    let all =
        found(&["The family said in a statement posted on social media that they were shocked."]);
    assert!(
        has(&all, "said", "The family", "that they were shocked"),
        "{all:?}"
    );
}

#[test]
fn the_reporters_term_after_a_report_is_no_content() {
    let mut doc = Document::new(
        DocumentMeta::default(),
        [
            "Another 27 were lost to jamming, the air force said, a term the military uses for drones jammed off course.",
        ],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    let said = doc
        .attributions
        .iter()
        .find(|a| a.cue.text == "said")
        .unwrap();
    let content: Vec<&str> = said.content.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(content, vec!["Another 27 were lost to jamming"]);
}

#[test]
fn an_issuing_cue_verb_before_a_statement_saying_makes_one_report() {
    let all = found(&[
        "The ministry posted a statement saying the talks had failed.",
        "She wrote a letter Tuesday saying the vote was rigged.",
    ]);
    assert!(
        has(
            &all,
            "posted a statement saying",
            "The ministry",
            "the talks had failed"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "wrote a letter Tuesday saying",
            "She",
            "the vote was rigged"
        ),
        "{all:?}"
    );
    assert_eq!(all.len(), 2, "{all:?}");
}

#[test]
fn an_issuing_verb_keeps_its_report_without_a_statement_participle() {
    let all = found(&[
        "Thiel wrote in a statement explaining why he will speak that the party is broken.",
    ]);
    assert!(all.iter().any(|(c, _, _)| c == "wrote"), "{all:?}");
}

#[test]
fn remains_before_a_participle_cue_is_no_part_of_the_source() {
    let all = found(&[
        "The governor remains convinced that the plan will fail.",
        "A flood warning remains in effect for the coast.",
    ]);
    assert!(
        has(
            &all,
            "remains convinced",
            "The governor",
            "that the plan will fail"
        ),
        "{all:?}"
    );
    assert_eq!(all.len(), 1, "{all:?}");
}

#[test]
fn a_relative_which_before_its_speaker_is_content_apart_from_the_cue() {
    let mut doc = Document::new(
        DocumentMeta::default(),
        ["The country exports gas, which analysts estimate account for half of its revenue."],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    let a = doc
        .attributions
        .iter()
        .find(|a| a.cue.text == "estimate")
        .unwrap();
    let content: Vec<&str> = a.content.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(content, ["which", "account for half of its revenue"]);
}

#[test]
fn a_group_backing_a_name_reports_its_stance() {
    let all = found(&[
        "Starr gave $10 million to a group backing Bush, the former Florida governor.",
        "Voters seeking change stayed home. A policy paper welcoming the plans was released.",
    ]);
    assert!(
        has(
            &all,
            "backing",
            "a group",
            "Bush, the former Florida governor"
        ),
        "{all:?}"
    );
    assert_eq!(all.len(), 1, "{all:?}");
}

#[test]
fn a_participle_after_a_sourceless_raising_report_takes_the_clause_subject() {
    let all = found(&[
        "Weaver didn\u{2019}t seem particularly impressed with the comments, telling reporters, \u{201C}A lot of people said the governor should step down.\u{201D}",
    ]);
    assert!(
        all.iter()
            .any(|(c, s, _)| c == "telling" && s.as_deref() == Some("Weaver")),
        "{all:?}"
    );
}

#[test]
fn adding_an_amount_is_no_report_but_adding_a_clause_is() {
    let all = found(&[
        "Goldman Sachs estimated that the levy would add about 0.9 percentage point to inflation.",
        "The economy added 151,000 jobs during the month.",
    ]);
    assert!(all.iter().all(|(c, _, _)| !c.contains("add")), "{all:?}");
    let all = found(&["He added about 90 pct of the assets came from Asia."]);
    assert!(
        has(
            &all,
            "added",
            "He",
            "about 90 pct of the assets came from Asia"
        ),
        "{all:?}"
    );
}

#[test]
fn a_setting_after_the_cue_is_not_what_was_said() {
    // The setting closes the clause: the report is before the source.
    let all = found(&["Sales rose 5 pct, the company said in its annual report."]);
    assert!(
        has(&all, "said", "the company", "Sales rose 5 pct"),
        "{all:?}"
    );
    // A subject pronoun after the setting opens the reported clause.
    let all = found(&["The company said in its annual report it expects sales to rise."]);
    assert!(
        has(&all, "said", "The company", "it expects sales to rise"),
        "{all:?}"
    );
}

#[test]
fn what_a_statement_was_about_is_not_what_was_said() {
    let all = found(&["Trump said of Apple in February that it would build plants here."]);
    assert!(
        has(&all, "said", "Trump", "that it would build plants here"),
        "{all:?}"
    );
    let all = found(&["He said of Congress: \"They need to act.\""]);
    assert!(
        all.iter()
            .any(|(c, s, t)| c == "said" && s.as_deref() == Some("He") && t.starts_with('"')),
        "{all:?}"
    );
}

#[test]
fn a_participle_after_a_prepositional_object_takes_the_clause_subject() {
    let all = found(&[
        "Texas Sen. Ted Cruz is making a pitch to New York voters saying a state law banning fracking is hurting the economy.",
        "Trump was heard on a microphone telling Christie to get on a plane.",
    ]);
    for (cue, source) in [("saying", "Texas Sen. Ted Cruz"), ("telling", "Trump")] {
        assert!(
            all.iter()
                .any(|(c, s, _)| c == cue && s.as_deref() == Some(source)),
            "{all:?}"
        );
    }
}

#[test]
fn a_participle_after_another_document_or_a_with_phrase_keeps_the_phrase() {
    let all = found(&[
        "The exchange declined to comment on a press report saying the bank had bought shares.",
        "Many voters shrugged off the decision, with three in 10 saying a running mate would have no effect.",
    ]);
    for source in ["a press report", "three in 10"] {
        assert!(
            all.iter()
                .any(|(c, s, _)| c == "saying" && s.as_deref() == Some(source)),
            "{all:?}"
        );
    }
}

#[test]
fn a_reflexive_after_the_source_is_no_part_of_it() {
    let all = found(&["Trump himself wrote that there would be no third debate."]);
    assert!(
        has(
            &all,
            "wrote",
            "Trump",
            "that there would be no third debate"
        ),
        "{all:?}"
    );
}

#[test]
fn an_article_after_the_addressee_opens_the_reported_clause() {
    let all = found(&["One senator told Politico the vice president needed to close the deal."]);
    assert!(
        has(
            &all,
            "told",
            "One senator",
            "the vice president needed to close the deal"
        ),
        "{all:?}"
    );
    // The infinitive after a plain addressee stays the content.
    let all = found(&["She urged lawmakers to act."]);
    assert!(has(&all, "urged", "She", "to act"), "{all:?}");
}

#[test]
fn a_time_opening_the_clause_is_not_the_source() {
    let all = found(&["Last week Dixons said it had won the bid."]);
    assert!(has(&all, "said", "Dixons", "it had won the bid"), "{all:?}");
    let all = found(&["This week's report said prices rose."]);
    assert!(
        has(&all, "said", "This week's report", "prices rose"),
        "{all:?}"
    );
}

/// Every top-level attribution's content pieces, joined by " | ".
fn contents(paragraph: &str) -> Vec<String> {
    let mut doc = Document::new(DocumentMeta::default(), [paragraph]);
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    doc.attributions
        .iter()
        .filter(|a| a.within.is_none())
        .map(|a| {
            a.content
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

#[test]
fn a_setting_after_a_parenthetical_cue_is_not_more_content() {
    assert_eq!(
        contents(
            "Famine has spread to five more areas, a hunger monitor said on Tuesday, in a report the government rejected."
        ),
        ["Famine has spread to five more areas"]
    );
    assert_eq!(
        contents("Prices rose, he said, in an interview with CNN."),
        ["Prices rose"]
    );
    assert_eq!(
        contents(
            "China deployed 90 ships near Taiwan, officials said, in what they called a threat."
        )[0],
        "China deployed 90 ships near Taiwan"
    );
    // The clause going on after the cue is still content.
    assert_eq!(
        contents("The plan, officials said, will cost $5 billion."),
        ["The plan | will cost $5 billion"]
    );
}

#[test]
fn an_adverb_inside_a_setting_keeps_it_a_setting() {
    assert_eq!(
        contents(
            "The unemployment rate held at 4.1%, the bureau said in its closely watched employment report."
        ),
        ["The unemployment rate held at 4.1%"]
    );
    assert_eq!(
        contents("The Bank of France said in its latest monthly report it expected a pickup."),
        ["it expected a pickup"]
    );
}

#[test]
fn adding_an_amount_before_a_subordinate_clause_reports_nothing() {
    let all = found(&[
        "Job growth slowed, with employers adding just 12,000 jobs as hurricanes depressed payrolls, the department said.",
    ]);
    assert!(all.iter().all(|(cue, _, _)| cue != "adding"), "{all:?}");
}

#[test]
fn a_report_after_a_question_keeps_it_across_a_setting() {
    let all = found(&[
        "\u{201C}Who do they think they are?\u{201D} Trump said of Apple in February, when the company balked.",
        "\"How big is that wall going to be?\" Pence said in response.",
    ]);
    assert!(
        has(
            &all,
            "said",
            "Trump",
            "\u{201C}Who do they think they are?\u{201D}"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "Pence",
            "\"How big is that wall going to be?\""
        ),
        "{all:?}"
    );
}

#[test]
fn a_bare_report_with_no_quotation_before_it_names_no_speaker() {
    let mut doc = Document::new(
        DocumentMeta::default(),
        ["Prices fell.", "She also argued in favor of the plan."],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    assert!(doc.attributions.is_empty(), "{:?}", doc.attributions);
    assert!(doc.speakers.is_empty(), "{:?}", doc.speakers);
}

#[test]
fn a_cue_after_a_nested_report_shares_the_outer_subject() {
    let all = found(&[
        "Cruz, who says Trump is attacking him because the polls have tightened, said GOP voters should go with him.",
        "Miller said it was possible the Administration might support an oil import fee, but added that the President was concerned.",
    ]);
    assert!(
        has(&all, "said", "Cruz", "GOP voters should go with him"),
        "{all:?}"
    );
    assert!(
        has(&all, "added", "Miller", "that the President was concerned"),
        "{all:?}"
    );
}

#[test]
fn a_negated_infinitive_is_the_content_of_a_request() {
    let all = found(&[
        "Police urged people not to spread rumors or broadcast videos of the scene.",
        "The Bundesbank urged the government not to relax efforts to rein in spending.",
    ]);
    assert!(
        has(
            &all,
            "urged",
            "Police",
            "not to spread rumors or broadcast videos of the scene"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "urged",
            "The Bundesbank",
            "not to relax efforts to rein in spending"
        ),
        "{all:?}"
    );
}

#[test]
fn a_study_with_a_postmodifier_heads_its_subject() {
    let all = found(&[
        "A survey by the organization in March found Mrs. Clinton with a lead of 48 percent to 41 percent.",
        "A 2014 study by Loyola Law School professor Justin Levitt found 31 incidents of voter impersonation.",
    ]);
    assert!(
        has(
            &all,
            "found",
            "A survey by the organization in March",
            "Mrs. Clinton with a lead of 48 percent to 41 percent"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "found",
            "A 2014 study by Loyola Law School professor Justin Levitt",
            "31 incidents of voter impersonation"
        ),
        "{all:?}"
    );
}

#[test]
fn a_display_cue_takes_a_study_with_a_postmodifier_as_its_subject() {
    let all = found(&[
        "A review of his work in Ukraine shows that politics and business converged.",
        "Video of the incident shows him with his hands in the air.",
        "Hair said Interior's report failed to stress the probability that finding oil is low.",
    ]);
    assert!(
        has(
            &all,
            "shows",
            "A review of his work in Ukraine",
            "that politics and business converged"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "shows",
            "Video of the incident",
            "him with his hands in the air"
        ),
        "{all:?}"
    );
    // A study that is the subject of another verb is no speaker of a later cue.
    assert!(
        !all.iter()
            .any(|(_, s, _)| s.as_deref().is_some_and(|s| s.contains("failed"))),
        "{all:?}"
    );
}

#[test]
fn an_attitude_participle_after_and_shares_the_earlier_participles_subject() {
    let all = found(&[
        "Trump opened his campaign with harsh words, calling them rapists and vowing to make Mexico pay for a wall.",
        "Limbaugh began by crediting Trump for his instincts and urging him to keep following them.",
        "The program is a system for defining, acquiring and supporting automatic testing capabilities.",
    ]);
    assert!(
        has(&all, "vowing", "Trump", "to make Mexico pay for a wall"),
        "{all:?}"
    );
    assert!(
        has(&all, "urging", "Limbaugh", "to keep following them"),
        "{all:?}"
    );
    // A list of bare verbs joins no participle with words of its own.
    assert!(!all.iter().any(|(c, _, _)| c == "supporting"), "{all:?}");
}

#[test]
fn a_belief_cue_in_a_relative_clause_reports_the_gapped_clause() {
    let all = found(&[
        "Trump attacked his rival for alienating Hispanics, which he believes will make it impossible for a Republican to win.",
        "Many of the weapons that we found had been abandoned.",
    ]);
    assert!(
        all.iter()
            .any(|(c, s, _)| c == "believes" && s.as_deref() == Some("he")),
        "{all:?}"
    );
    // "find" also takes an object: the gap is its object, not a clause's subject.
    assert!(!all.iter().any(|(c, _, _)| c == "found"), "{all:?}");
}

#[test]
fn a_report_after_but_or_while_with_its_own_subject_is_not_the_first_ones_content() {
    let all = found(&[
        "Reagan said his budget hits the goal but the Congressional Budget Office said it is way off the mark.",
        "The administration has forecast 3.2 pct growth this year while more pessimistic Fed officials are predicting 2.5 pct.",
    ]);
    assert!(
        has(&all, "said", "Reagan", "his budget hits the goal"),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "the Congressional Budget Office",
            "it is way off the mark"
        ),
        "{all:?}"
    );
    assert!(
        all.iter().any(|(c, s, _)| c == "are predicting"
            && s.as_deref() == Some("more pessimistic Fed officials")),
        "{all:?}"
    );
}

#[test]
fn according_to_a_source_with_a_quoted_title() {
    let all = found(&[
        "The plan would cost about $1.38 trillion a year, according to the \"Medicare for all\" document he released.",
        "According to her \"clawback\" plan, firms relocating overseas must repay any assistance.",
    ]);
    assert!(
        has(
            &all,
            "according to",
            "the \"Medicare for all\" document he released",
            "The plan would cost about $1.38 trillion a year"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "According to",
            "her \"clawback\" plan",
            "firms relocating overseas must repay any assistance"
        ),
        "{all:?}"
    );
}

#[test]
fn a_weak_verb_with_that_takes_a_subject_the_phrase_scan_cannot_read() {
    let all = found(&[
        "And a large body of work suggests that tests can give useful information.",
        "The government, aware that claims would be huge, has set a ceiling.",
        "These differences belie the similar views that both candidates have.",
    ]);
    assert!(
        has(
            &all,
            "suggests",
            "a large body of work",
            "that tests can give useful information"
        ),
        "{all:?}"
    );
    // An aside after a comma and a noun form report nothing.
    assert!(
        !all.iter().any(|(c, _, _)| c == "aware" || c == "views"),
        "{all:?}"
    );
}

#[test]
fn a_bare_clause_subject_may_hold_listed_modifiers_and_more_prepositions() {
    let all = found(&[
        "He believes the meeting was a mistake.",
        "Democrats think reporters are biased.",
        "Christie hopes his endorsement before the primary will give him a boost.",
    ]);
    for (cue, source, content) in [
        ("believes", "He", "the meeting was a mistake"),
        ("think", "Democrats", "reporters are biased"),
        (
            "hopes",
            "Christie",
            "his endorsement before the primary will give him a boost",
        ),
    ] {
        assert!(has(&all, cue, source, content), "{all:?}");
    }
}

#[test]
fn a_wh_clause_is_the_object_of_a_weak_noun_phrase_cue() {
    let all = found(&[
        "Karadsheh spoke about how the consulate had been taken over.",
        "She criticized what she called the angry rhetoric of the front-runner.",
        "The poll shows how much the party has changed.",
    ]);
    assert!(
        has(
            &all,
            "spoke about",
            "Karadsheh",
            "how the consulate had been taken over"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "criticized",
            "She",
            "what she called the angry rhetoric of the front-runner"
        ),
        "{all:?}"
    );
    // A display verb's wh-clause is what the evidence shows, not a report.
    assert!(!all.iter().any(|(c, _, _)| c == "shows"), "{all:?}");
}

#[test]
fn agree_takes_a_bare_clause_and_an_infinitive_after_a_setting() {
    let all = found(&[
        "But most Republicans agreed they had no real recourse at this point.",
        "Gates Corp agreed earlier this week to sell its shares to a partnership.",
        "The bank agreed in principle to sell the unit.",
        "The new dairy regime agreed last night is too complicated, Kuypers said.",
    ]);
    for (cue, source, content) in [
        (
            "agreed",
            "most Republicans",
            "they had no real recourse at this point",
        ),
        (
            "agreed",
            "Gates Corp",
            "to sell its shares to a partnership",
        ),
        ("agreed", "The bank", "to sell the unit"),
    ] {
        assert!(has(&all, cue, source, content), "{all:?}");
    }
    // A time phrase alone before a verb is no clause subject.
    assert!(
        !all.iter()
            .any(|(c, s, _)| c == "agreed" && s.as_deref() == Some("The new dairy regime")),
        "{all:?}"
    );
}

#[test]
fn a_belief_after_and_goes_on_with_a_reported_clause_a_request_does_not() {
    let all = found(&[
        "Officials said they had met the rebels and expected them to form a government.",
        "The State Department said it was monitoring the situation and urged Beijing to act responsibly.",
    ]);
    assert!(
        has(
            &all,
            "said",
            "Officials",
            "they had met the rebels and expected them to form a government"
        ),
        "{all:?}"
    );
    assert!(
        has(
            &all,
            "said",
            "The State Department",
            "it was monitoring the situation"
        ),
        "{all:?}"
    );
    assert!(all.iter().any(|(c, _, _)| c == "urged"), "{all:?}");
}
