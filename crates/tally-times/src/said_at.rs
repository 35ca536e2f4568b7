//! Said-at: the time modifier of a speech verb, for dating statements.
//!
//! # What it finds
//! The DATE or TIME expression that tells when a cue ("said", "told", "according to",
//! "statement") happened:
//! - right after the cue, past a few setting words: "said Tuesday", "said on Tuesday",
//!   "told reporters on Monday", "said in a statement late Friday";
//! - right before it: "the Pentagon on Tuesday said", "Tuesday's statement";
//! - at the head of the sentence, before a comma: "On Tuesday, the official said".
//!
//! # Example
//! In "a senior U.S. military official said Tuesday" the cue `said` gets `Tuesday`.
//!
//! # Limitations
//! Only the cue's own sentence is searched. Between cue and time only words from
//! [`SETTING_WORDS`] may appear, so "said the attack happened Monday" is (rightly) not
//! dated Monday, and some real settings ("said at a rally in Ohio on Monday") are missed.

use std::ops::Range;

use tally_core::{Document, Span, Timex, TimexType};

/// Words that may stand between a cue and its time: prepositions, articles and the
/// settings of statements.
pub const SETTING_WORDS: &[&str] = &[
    "on",
    "at",
    "in",
    "late",
    "early",
    "during",
    "a",
    "an",
    "the",
    "to",
    "statement",
    "statements",
    "interview",
    "news",
    "conference",
    "briefing",
    "reporters",
    "journalists",
    "him",
    "her",
    "them",
    "us",
    "me",
    "parliament",
    "lawmakers",
    "press",
    "television",
    "radio",
    "speech",
    "address",
    "post",
    "tweet",
    "email",
    "emailed",
    "separate",
    "joint",
    "his",
    "its",
    "their",
    "written",
    "telephone",
    "phone",
    "call",
    "remarks",
    "comments",
    "released",
    "issued",
    "published",
    "posted",
    "online",
    "social",
    "media",
    "told",
    "afternoon",
    "morning",
    "evening",
    "night",
    "televised",
    "video",
    "message",
    "letter",
    "report",
    "earlier",
    "later",
    // Platforms a statement is posted on: "said in a post on Telegram on Monday".
    "x",
    "twitter",
    "telegram",
    "facebook",
    "instagram",
    "truth",
    "youtube",
    "tiktok",
    "bluesky",
    "threads",
    "website",
    "blog",
    "podcast",
    "channel",
];

/// How many setting words may stand between a cue and its time.
const MAX_GAP_WORDS: usize = 6;

/// The time modifier of a speech cue: the DATE or TIME expression in `doc.times` that
/// dates the act of speaking marked by `cue` (see the module docs for the patterns).
///
/// `doc.times` must be in text order without overlaps, as [`crate::TimeExtractor`] leaves
/// them: the nearest time on each side of the cue is found by binary search, because a scan
/// of every time for every cue was quadratic (a 0.9 MB article of 20,000 dated statements
/// took 0.8 s in this function).
///
/// ```
/// use tally_core::{Document, DocumentMeta, Extractor, Published, PublishedSource};
/// use tally_times::{TimeExtractor, cue_time};
/// let mut meta = DocumentMeta::default();
/// meta.published = Some(Published::date("2024-12-18".parse().unwrap(), PublishedSource::Metadata));
/// let mut doc = Document::new(meta, ["A senior U.S. military official said Tuesday that it was over."]);
/// tally_text::Segmenter.run(&mut doc).unwrap();
/// TimeExtractor::new().unwrap().run(&mut doc).unwrap();
/// let start = doc.body.find("said").unwrap();
/// let cue = doc.span(start, start + 4).unwrap();
/// assert_eq!(cue_time(&doc, &cue).map(|t| t.value.as_str()), Some("2024-12-17"));
/// ```
#[must_use]
pub fn cue_time<'a>(doc: &'a Document, cue: &Span) -> Option<&'a Timex> {
    let scope = cue_scope(doc, cue);
    let datable = |t: &&Timex| datable_in(t, &scope);
    let body = doc.body.as_str();
    let times = doc.times.as_slice();
    // After the cue: the first datable time starting at or after its end. Times past the
    // scope's end cannot be datable, and those after them start later still.
    let first_after = times.partition_point(|t| t.span.start < cue.end);
    let after = times[first_after..]
        .iter()
        .take_while(|t| t.span.start < scope.end)
        .find(datable)
        .filter(|t| setting_gap(body.get(cue.end..t.span.start).unwrap_or("x")));
    if after.is_some() {
        return after;
    }
    // Right before it: "on Tuesday said", "Tuesday's statement". Ends rise with starts (no
    // overlaps), so the times ending by the cue's start are a prefix; the last datable one
    // ends latest, and a time starting before the scope ends the search.
    let ending_before = times.partition_point(|t| t.span.end <= cue.start);
    let before = times[..ending_before]
        .iter()
        .rev()
        .take_while(|t| t.span.start >= scope.start)
        .find(datable);
    before.filter(|t| dates_from_before(body, &scope, t, cue))
}

/// Whether time `t`, the last datable one before `cue`, dates it: right before it ("on
/// Tuesday said", "Tuesday's statement"), or opening the sentence before the source ("On
/// Tuesday, the official said", "In September she said", "Last week the ministry said").
fn dates_from_before(body: &str, scope: &std::ops::Range<usize>, t: &Timex, cue: &Span) -> bool {
    let gap = body.get(t.span.end..cue.start).unwrap_or("x").trim();
    if matches!(gap, "'s" | "’s") || gap.is_empty() {
        return true;
    }
    let head = body.get(scope.start..t.span.start).unwrap_or("x").trim();
    let opens = head.is_empty()
        || lowercase_in(head, &["on", "in", "late", "early", "earlier", "later"])
        || setting_head(head);
    let source = gap.strip_prefix(',').unwrap_or(gap);
    opens
        && !source.contains([',', ';', '"', '“', '”', '(', ')'])
        && source.split_whitespace().count() <= MAX_SOURCE_WORDS
}

/// "In an interview with NPR on", "At a news conference in Kyiv on": a short setting
/// phrase opening the sentence, whose time then dates the cue after the source. No clause
/// inside it ("In the war that began on ...").
fn setting_head(head: &str) -> bool {
    let words: Vec<&str> = head.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    words.len() <= MAX_SETTING_WORDS
        && lowercase_in(first, &["in", "at", "during", "speaking"])
        && lowercase_in(last, &["on", "at", "in"])
        && !head.contains([',', ';', '"', '“', '”'])
        && !words
            .iter()
            .any(|w| lowercase_in(w, &["that", "which", "who", "when", "after", "since"]))
}

/// Most words of a setting phrase opening a sentence ("In an interview with NPR on").
const MAX_SETTING_WORDS: usize = 8;

/// Most words between a time opening the sentence and the cue: the source ("the
/// country's health ministry").
const MAX_SOURCE_WORDS: usize = 6;

/// Whether the text between a cue and a time holds only setting words and commas.
fn setting_gap(gap: &str) -> bool {
    let mut count = 0;
    for word in gap.split(|c: char| c.is_whitespace() || c == ',') {
        if word.is_empty() {
            continue;
        }
        count += 1;
        if count > MAX_GAP_WORDS || !lowercase_in(word, SETTING_WORDS) {
            return false;
        }
    }
    true
}

/// Whether `word` lower-cased is one of `lowercase_words`. An ASCII word is compared
/// ignoring ASCII case, without the String that `to_lowercase` allocates (one per gap word
/// made it about 3 % of attribution time); a word with other letters takes the full Unicode
/// lowering, so the answer is the same for every word.
fn lowercase_in(word: &str, lowercase_words: &[&str]) -> bool {
    if word.is_ascii() {
        lowercase_words.iter().any(|w| w.eq_ignore_ascii_case(word))
    } else {
        lowercase_words.contains(&word.to_lowercase().as_str())
    }
}

/// Where a cue's time is looked for: its sentence, else its paragraph, else the body.
fn cue_scope(doc: &Document, cue: &Span) -> Range<usize> {
    doc.sentence_at(cue.start)
        .and_then(|i| doc.sentences.get(i))
        .or_else(|| {
            doc.paragraph_at(cue.start)
                .and_then(|i| doc.paragraphs.get(i))
        })
        .map_or(0..doc.body.len(), Span::range)
}

/// A resolved date or clock time starting inside `scope`: not "now" or "the past", and not
/// a day that could not be placed ("on Tuesday" with no publication date is `XXXX-WXX-2`,
/// no date to file a statement under).
fn datable_in(t: &Timex, scope: &Range<usize>) -> bool {
    matches!(t.kind, TimexType::Date | TimexType::Time)
        && t.value.starts_with(|c: char| c.is_ascii_digit())
        && scope.start <= t.span.start
        && t.span.start < scope.end
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_core::{DocumentMeta, Extractor, Published, PublishedSource};

    fn dated(text: &str, cue: &str) -> Option<String> {
        let meta = DocumentMeta {
            published: Some(Published::date(
                "2024-12-18".parse().unwrap(),
                PublishedSource::Metadata,
            )),
            ..DocumentMeta::default()
        };
        let mut doc = Document::new(meta, [text]);
        tally_text::Segmenter.run(&mut doc).unwrap();
        crate::TimeExtractor::new().unwrap().run(&mut doc).unwrap();
        let start = doc.body.find(cue).unwrap();
        let span = doc.span(start, start + cue.len()).unwrap();
        cue_time(&doc, &span).map(|t| t.value.clone())
    }

    #[test]
    fn a_day_that_could_not_be_placed_dates_nothing() {
        let mut doc = Document::new(
            DocumentMeta::default(),
            ["The official said on Tuesday that it was over"],
        );
        tally_text::Segmenter.run(&mut doc).unwrap();
        crate::TimeExtractor::new().unwrap().run(&mut doc).unwrap();
        assert_eq!(
            doc.times.first().map(|t| t.value.as_str()),
            Some("XXXX-WXX-2")
        );
        let start = doc.body.find("said").unwrap();
        let span = doc.span(start, start + 4).unwrap();
        assert!(cue_time(&doc, &span).is_none());
    }

    #[test]
    fn a_post_on_a_platform_is_a_setting() {
        assert_eq!(
            dated(
                "\"We will respond,\" the minister said in a post on Telegram on Monday",
                "said"
            )
            .as_deref(),
            Some("2024-12-16")
        );
        assert_eq!(
            dated("Zelensky wrote on X on Sunday that it was over", "wrote").as_deref(),
            Some("2024-12-15")
        );
    }

    #[test]
    fn after_the_cue() {
        assert_eq!(
            dated("The official said Tuesday that it was over", "said").as_deref(),
            Some("2024-12-17")
        );
        assert_eq!(
            dated("The official said on Tuesday that it was over", "said").as_deref(),
            Some("2024-12-17")
        );
        assert_eq!(
            dated("She told reporters on Monday that it was over", "told").as_deref(),
            Some("2024-12-16")
        );
        assert_eq!(
            dated(
                "The ministry said in a statement late Friday that it was over",
                "said"
            )
            .as_deref(),
            Some("2024-12-13")
        );
    }

    #[test]
    fn a_time_opening_the_sentence_dates_its_cue() {
        assert_eq!(
            dated("In September, she said the plan was dead", "said").as_deref(),
            Some("2024-09")
        );
        assert_eq!(
            dated("Last week the ministry said 40 people died", "said").as_deref(),
            Some("2024-W50")
        );
        assert_eq!(
            dated(
                "In an interview with NPR on Thursday, campaign chair Jen O'Malley Dillon said it was tied",
                "said"
            )
            .as_deref(),
            Some("2024-12-12")
        );
        assert_eq!(
            dated(
                "In the war that began on Monday, Russia said it had won",
                "said"
            ),
            None
        );
        // Not across a clause: the time belongs to what was said.
        assert_eq!(
            dated(
                "On Monday, troops shelled the town, the ministry said",
                "said"
            ),
            None
        );
    }

    #[test]
    fn before_the_cue() {
        assert_eq!(
            dated("The Pentagon on Tuesday said it was over", "said").as_deref(),
            Some("2024-12-17")
        );
        assert_eq!(
            dated("In Tuesday's statement it was over", "statement").as_deref(),
            Some("2024-12-17")
        );
        assert_eq!(
            dated("On Monday, the official said it was over", "said").as_deref(),
            Some("2024-12-16")
        );
    }

    #[test]
    fn lowercase_in_agrees_with_to_lowercase() {
        let words = ["on", "late", "statement"];
        for word in [
            "on",
            "ON",
            "On",
            "Late",
            "STATEMENT",
            "statements",
            "o",
            "",
            "ón",
            "\u{130}n",
        ] {
            assert_eq!(
                lowercase_in(word, &words),
                words.contains(&word.to_lowercase().as_str()),
                "{word:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn lowercase_in_agrees_with_to_lowercase_on_any_word(word in "[a-zA-Z\u{130}\u{212a}é]{0,12}") {
            proptest::prop_assert_eq!(
                lowercase_in(&word, SETTING_WORDS),
                SETTING_WORDS.contains(&word.to_lowercase().as_str())
            );
        }
    }

    /// `cue_time` as first written: every time scanned for every cue.
    fn cue_time_by_scan<'a>(doc: &'a Document, cue: &Span) -> Option<&'a Timex> {
        let scope = cue_scope(doc, cue);
        let datable = |t: &&Timex| datable_in(t, &scope);
        let body = doc.body.as_str();
        let after = doc
            .times
            .iter()
            .filter(datable)
            .filter(|t| t.span.start >= cue.end)
            .min_by_key(|t| t.span.start)
            .filter(|t| setting_gap(body.get(cue.end..t.span.start).unwrap_or("x")));
        if after.is_some() {
            return after;
        }
        let before = doc
            .times
            .iter()
            .filter(datable)
            .filter(|t| t.span.end <= cue.start)
            .max_by_key(|t| t.span.end);
        before.filter(|t| dates_from_before(body, &scope, t, cue))
    }

    const WORDS: &[&str] = &[
        "said",
        "told",
        "statement",
        "on",
        "On",
        "Tuesday",
        "Monday's",
        "late",
        "Friday",
        "in",
        "a",
        "the",
        "official",
        "reporters",
        "last",
        "week",
        "every",
        "day",
        "three",
        "years",
        "today",
        "now",
        "2024",
        "March",
        "5",
        ",",
        ".",
        "\n\n",
        "at",
        "noon",
        "'s",
        "earlier",
        "Later",
        "morning",
        "recently",
        "soon",
    ];

    proptest::proptest! {
        #[test]
        fn binary_search_agrees_with_scanning_every_time(
            words in proptest::collection::vec(proptest::sample::select(WORDS), 0..120)
        ) {
            let text = words.join(" ");
            let meta = DocumentMeta {
                published: Some(Published::date(
                    "2024-12-18".parse().unwrap(),
                    PublishedSource::Metadata,
                )),
                ..DocumentMeta::default()
            };
            let mut doc = Document::new(meta, text.split("\n\n"));
            tally_text::Segmenter.run(&mut doc).unwrap();
            crate::TimeExtractor::new().unwrap().run(&mut doc).unwrap();
            for cue in ["said", "told", "statement"] {
                for (start, _) in doc.body.match_indices(cue) {
                    let span = doc.span(start, start + cue.len()).unwrap();
                    proptest::prop_assert_eq!(
                        cue_time(&doc, &span).map(|t| &t.id),
                        cue_time_by_scan(&doc, &span).map(|t| &t.id)
                    );
                }
            }
        }
    }

    #[test]
    fn not_the_time_of_something_else() {
        assert_eq!(
            dated("The official said the attack happened Monday", "said"),
            None
        );
        assert_eq!(dated("The official said so", "said"), None);
    }
}
