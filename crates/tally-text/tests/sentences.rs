//! Sentence segmentation hard cases: each test is a paragraph and the sentences expected,
//! checked by one helper.

use tally_core::{Document, DocumentMeta, Extractor};
use tally_text::Segmenter;

/// Segments the paragraphs and compares the sentence texts with `expected`.
#[track_caller]
fn check(paragraphs: &[&str], expected: &[&str]) {
    let mut doc = Document::new(DocumentMeta::default(), paragraphs);
    Segmenter.run(&mut doc).expect("segmenter never fails");
    let got: Vec<&str> = doc.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(got, expected);
}

#[test]
fn abbreviations_do_not_end_sentences() {
    check(
        &[
            "Lt. Col. John Smith of the U.S. Army met Gen. Lee and Mr. and Mrs. Park. Dr. Kim of St. Mary's agreed.",
        ],
        &[
            "Lt. Col. John Smith of the U.S. Army met Gen. Lee and Mr. and Mrs. Park.",
            "Dr. Kim of St. Mary's agreed.",
        ],
    );
    check(
        &[
            "The U.K. and U.S. President Joe Biden spoke. Acme Inc. said profits rose, e.g. in Asia, i.e. China.",
        ],
        &[
            "The U.K. and U.S. President Joe Biden spoke.",
            "Acme Inc. said profits rose, e.g. in Asia, i.e. China.",
        ],
    );
}

#[test]
fn an_ambiguous_abbreviation_ends_a_sentence_before_a_sentence_opener() {
    check(
        &["Troops arrived in the U.S. The talks began at 5 p.m. Officials said little."],
        &[
            "Troops arrived in the U.S.",
            "The talks began at 5 p.m.",
            "Officials said little.",
        ],
    );
    check(
        &["It was signed by Acme Corp. and Widget Co. However, nobody came."],
        &[
            "It was signed by Acme Corp. and Widget Co.",
            "However, nobody came.",
        ],
    );
}

#[test]
fn months_times_and_numbered_items() {
    check(
        &[
            "The pact was signed on Dec. 18 at 9 a.m. and took effect Jan. 1. It was No. 4 on the list. He said no. Then he left.",
        ],
        &[
            "The pact was signed on Dec. 18 at 9 a.m. and took effect Jan. 1.",
            "It was No. 4 on the list.",
            "He said no.",
            "Then he left.",
        ],
    );
}

#[test]
fn initials_are_not_sentence_ends() {
    check(
        &["Kim J. Un and John F. Kennedy met George W. Bush. World War I. The end."],
        &[
            "Kim J. Un and John F. Kennedy met George W. Bush.",
            "World War I.",
            "The end.",
        ],
    );
}

#[test]
fn a_one_letter_name_after_a_lower_case_word_ends_a_sentence() {
    check(
        &[
            "The company wrote on X. Musk called it corruption. Malcolm X. Little and James P. Best spoke (p. 4) to the Franco-U.S. Group.",
        ],
        &[
            "The company wrote on X.",
            "Musk called it corruption.",
            "Malcolm X. Little and James P. Best spoke (p. 4) to the Franco-U.S. Group.",
        ],
    );
}

#[test]
fn decimals_and_numbers() {
    check(
        &[
            "The remaining $5.6 billion, or $5.6bn, covers 1,200 troops. It rose 3.5% in 2024. 2025 will differ.",
        ],
        &[
            "The remaining $5.6 billion, or $5.6bn, covers 1,200 troops.",
            "It rose 3.5% in 2024.",
            "2025 will differ.",
        ],
    );
}

#[test]
fn ellipses_inside_and_outside_quotes() {
    check(
        &[
            r#"This "would include everything from... light wounds up to being KIA [killed in action]," the official said, with soldiers of "all ranks" among the casualties."#,
        ],
        &[
            r#"This "would include everything from... light wounds up to being KIA [killed in action]," the official said, with soldiers of "all ranks" among the casualties."#,
        ],
    );
    check(
        &[
            r#""I would certainly anticipate that... there could be remaining authority," the official said."#,
        ],
        &[
            r#""I would certainly anticipate that... there could be remaining authority," the official said."#,
        ],
    );
    check(
        &["He waited... Then he left. Prices fell . . . sharply. It ended…"],
        &[
            "He waited...",
            "Then he left.",
            "Prices fell . . . sharply.",
            "It ended…",
        ],
    );
}

#[test]
fn questions_and_exclamations() {
    check(
        &[r#"Why now? Nobody knows! "Are you sure?" he asked. "Yes!" She left?! Fine."#],
        &[
            "Why now?",
            "Nobody knows!",
            r#""Are you sure?" he asked."#,
            r#""Yes!""#,
            "She left?!",
            "Fine.",
        ],
    );
}

#[test]
fn sentences_ending_in_a_closing_quote() {
    check(
        &[r#"They haven't been in combat before," the official said. He said "no." Then he left."#],
        &[
            r#"They haven't been in combat before," the official said."#,
            r#"He said "no.""#,
            "Then he left.",
        ],
    );
    check(
        &["He called it “a farce”. The next day he said “never.” Officials agreed."],
        &[
            "He called it “a farce”.",
            "The next day he said “never.”",
            "Officials agreed.",
        ],
    );
}

#[test]
fn a_quotation_spanning_sentences_stays_with_its_attribution() {
    check(
        &[
            r#""These are not battle-hardened troops. They haven't been in combat before," the official said, adding that this was likely contributing to "why they have been suffering the casualties that they have at the hands of the Ukrainians." Moscow did not comment."#,
        ],
        &[
            r#""These are not battle-hardened troops. They haven't been in combat before," the official said, adding that this was likely contributing to "why they have been suffering the casualties that they have at the hands of the Ukrainians.""#,
            "Moscow did not comment.",
        ],
    );
    check(
        &["The official said: “We fight. We win.” Then he left."],
        &["The official said: “We fight. We win.”", "Then he left."],
    );
    check(
        &["'We will stay. We will win,' he said. 'Nobody leaves.'"],
        &["'We will stay. We will win,' he said.", "'Nobody leaves.'"],
    );
}

#[test]
fn an_unclosed_quote_does_not_swallow_the_paragraph() {
    check(
        &[r#"He said "we stay. Nobody leaves. Later, she agreed."#],
        &[
            r#"He said "we stay."#,
            "Nobody leaves.",
            "Later, she agreed.",
        ],
    );
}

#[test]
fn a_multi_paragraph_quote_splits_in_its_open_paragraphs() {
    check(
        &[
            r#""We will fight. We will not yield."#,
            r#""We will win," he said. Then he left."#,
        ],
        &[
            r#""We will fight."#,
            "We will not yield.",
            r#""We will win," he said."#,
            "Then he left.",
        ],
    );
}

#[test]
fn brackets() {
    check(
        &["The official said KIA [killed in action] (dead). (He left.) Then he came back."],
        &[
            "The official said KIA [killed in action] (dead).",
            "(He left.)",
            "Then he came back.",
        ],
    );
}

#[test]
fn urls_and_emails() {
    check(
        &[
            "Read it at https://www.example.com/a.b?c=d. Or write to press.office@example.org. Thanks.",
        ],
        &[
            "Read it at https://www.example.com/a.b?c=d.",
            "Or write to press.office@example.org.",
            "Thanks.",
        ],
    );
}

#[test]
fn all_caps_wire_text() {
    check(
        &[
            "BOGOTA, 24 OCT 88 (REUTER) -- GEN. MAXIMILIANO AGUILAR SAID TODAY THAT 12 SOLDIERS WERE KILLED. THE U.S. EMBASSY IN BOGOTA DID NOT COMMENT. MILITARY DETACHMENT NO.4 REPORTED THE CLASH AT 1430. MR. LOPEZ AGREED.",
        ],
        &[
            "BOGOTA, 24 OCT 88 (REUTER) -- GEN. MAXIMILIANO AGUILAR SAID TODAY THAT 12 SOLDIERS WERE KILLED.",
            "THE U.S. EMBASSY IN BOGOTA DID NOT COMMENT.",
            "MILITARY DETACHMENT NO.4 REPORTED THE CLASH AT 1430.",
            "MR. LOPEZ AGREED.",
        ],
    );
}

#[test]
fn headlines_without_a_final_period_end_at_the_paragraph() {
    check(
        &[
            "'Several Hundred' North Korean Casualties in Russia's Kursk – U.S. Official",
            "Moscow Waging 'Intense' Counteroffensive",
            "Body text. More.",
        ],
        &[
            "'Several Hundred' North Korean Casualties in Russia's Kursk – U.S. Official",
            "Moscow Waging 'Intense' Counteroffensive",
            "Body text.",
            "More.",
        ],
    );
}

#[test]
fn sentences_never_cross_paragraphs() {
    check(
        &["No final period", "Next paragraph"],
        &["No final period", "Next paragraph"],
    );
}

#[test]
fn apostrophes_do_not_open_quotes() {
    check(
        &["In the '90s the soldiers' families left. Rock 'n' roll survived. They're back."],
        &[
            "In the '90s the soldiers' families left.",
            "Rock 'n' roll survived.",
            "They're back.",
        ],
    );
}

#[test]
fn line_breaks_inside_a_paragraph_are_spaces() {
    check(
        &[
            "Showers continued throughout the week in\nthe Bahia cocoa zone, Comissaria Smith said.\n    The dry period means the temporao will be late.",
        ],
        &[
            "Showers continued throughout the week in\nthe Bahia cocoa zone, Comissaria Smith said.",
            "The dry period means the temporao will be late.",
        ],
    );
}

#[test]
fn a_sentence_may_start_with_a_camel_case_name() {
    check(
        &["It goes live on July 1. iPhone 4 ships June 24. eBay agreed. iron fell."],
        &[
            "It goes live on July 1.",
            "iPhone 4 ships June 24.",
            "eBay agreed. iron fell.",
        ],
    );
}

#[test]
fn a_closing_quote_set_off_by_a_space_still_closes_the_sentence() {
    check(
        &[r#"He wrote: "That day has come. " In the same letter he left."#],
        &[
            r#"He wrote: "That day has come. ""#,
            "In the same letter he left.",
        ],
    );
}

#[test]
fn doubled_single_quotes_act_as_double_quotes() {
    check(
        &[
            "Mr. Ridge said: ''Bombast doesn't cut it. Inexperience doesn't cut it.'' He left. ``Fine,'' she said.",
        ],
        &[
            "Mr. Ridge said: ''Bombast doesn't cut it. Inexperience doesn't cut it.''",
            "He left.",
            "``Fine,'' she said.",
        ],
    );
}

#[test]
fn list_enumerators_stay_with_their_item() {
    check(
        &[
            "HERE IS THE COMMUNIQUE: 1. AT 0945 THIS MORNING, SUBVERSIVES ATTACKED. 2. THE VICTIM DIED. THE SCORE WAS 3. 4 PEOPLE LEFT.",
        ],
        &[
            "HERE IS THE COMMUNIQUE: 1. AT 0945 THIS MORNING, SUBVERSIVES ATTACKED.",
            "2. THE VICTIM DIED.",
            "THE SCORE WAS 3.",
            "4 PEOPLE LEFT.",
        ],
    );
}

#[test]
fn a_leading_ellipsis_is_not_a_sentence() {
    check(
        &["... The talks resumed. ...and then stopped."],
        &["... The talks resumed.", "...and then stopped."],
    );
}

#[test]
fn saint_and_street() {
    check(
        &["He lives at 12 Main St. The store on St. Mary's Road opened. St. Louis agreed."],
        &[
            "He lives at 12 Main St.",
            "The store on St. Mary's Road opened.",
            "St. Louis agreed.",
        ],
    );
}
