//! When a statement was made: the cue's own time modifier ("said Tuesday"), else the date
//! of an earlier statement by the same speaker that had one, else the publication date,
//! flagged as such. The modifier is then taken out of the start of the content it opened
//! ("said Tuesday it had struck" reports "it had struck").

use tally_core::{Attribution, Document, Layer, SaidAt, SaidAtBasis, Span, Timex};

/// The time expression modifying `cue` ("said Tuesday", "the Pentagon on Tuesday said"),
/// found by [`tally_times::cue_time`] when the times layer is there.
fn cue_time<'d>(doc: &'d Document, cue: &Span) -> Option<&'d Timex> {
    if !doc.has_layer(Layer::Times) {
        return None;
    }
    tally_times::cue_time(doc, cue)
}

/// A date value for `said_at`: a TIME value keeps only its date part ("2024-12-17T10:00",
/// "2025-01-07TNI" → the day); a week's weekend ("2015-W51-WE") is no time and stays whole.
fn date_of(t: &Timex) -> String {
    let value = t.value.as_str();
    if !value.starts_with(|c: char| c.is_ascii_digit()) {
        return value.to_owned();
    }
    value
        .split_once('T')
        .map_or(value, |(day, _)| day)
        .to_owned()
}

/// Words that may stand between a content's start and the cue's time inside it ("said on
/// Tuesday it had ...").
const TIME_LEAD: &[&str] = &["on", "late", "early", "earlier", "later"];

/// "said Tuesday it had struck", "said last week it would not comment": the cue's time
/// modifier dates the statement and is not part of what was said, so a content starting
/// with it starts after it.
fn drop_leading_time(doc: &Document, content: &mut [Span], time: &Span) {
    let Some(first) = content.first_mut() else {
        return;
    };
    if first.start > time.start || first.end <= time.end {
        return;
    }
    let lead = doc.body.get(first.start..time.start).unwrap_or("x");
    let rest = doc.body.get(time.end..first.end).unwrap_or("");
    let lead_is_setting = lead
        .split_whitespace()
        .all(|w| TIME_LEAD.iter().any(|l| l.eq_ignore_ascii_case(w)));
    if !lead_is_setting || !modifies_the_cue(&time.text, !lead.trim().is_empty(), rest) {
        return;
    }
    let start = first.end
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() || c == ',')
            .len();
    if start < first.end
        && let Ok(trimmed) = doc.span(start, first.end)
    {
        *first = trimmed;
    }
}

/// Words after a time that make it part of what was said: its subject ("April 10 is the
/// redemption date"), or one of several ("yesterday and other activity").
const CONTENT_CONTINUES: &[&str] = &[
    "and", "or", "'s", "’s", "is", "are", "was", "were", "has", "have", "had", "will", "by",
];

/// Days named by a weekday or a deictic word: they open a time modifying a speech verb
/// ("said Tuesday", "said yesterday"), stand between a source and its cue ("the campaign
/// on Thursday said") and close a setting ("in a statement late Friday").
pub(crate) const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
];

/// Words other than [`DAYS`] that open a time modifying a speech verb ("said last week",
/// "said earlier today").
const CUE_TIME_OPENERS: &[&str] = &["last", "this", "earlier", "later", "late", "early"];

/// Whether a time at the start of a content is the cue's modifier ("said Tuesday it had
/// struck", "said on May 15 it is redeeming") rather than part of the content. Only a time
/// introduced by "on" or opening with a deictic word or a weekday is: a month, a year or a
/// quarter before a noun modifies it ("said February load factor fell", "said 1986
/// earnings rose", "said first quarter net income"). Nor is one followed by a word that
/// continues it ("April 10 is the redemption date", "yesterday and other activity") or by a
/// number (the time was cut short).
fn modifies_the_cue(time: &str, introduced: bool, rest: &str) -> bool {
    let first = time.split_whitespace().next().unwrap_or("");
    let deictic = DAYS
        .iter()
        .chain(CUE_TIME_OPENERS)
        .any(|w| w.eq_ignore_ascii_case(first));
    let next = rest.split_whitespace().next().unwrap_or("");
    (introduced || deictic)
        && !time.contains('-')
        && !next.starts_with(|c: char| c.is_ascii_digit())
        && !CONTENT_CONTINUES
            .iter()
            .any(|w| w.eq_ignore_ascii_case(next))
}

/// "said in a video posted on Telegram late on Tuesday that ...": a dated time inside the
/// setting phrase between the cue and a content opened by "that" dates the statement (the
/// times layer's own cue modifier reaches over setting words only).
fn setting_time<'d>(doc: &'d Document, a: &Attribution) -> Option<&'d Timex> {
    if a.content.iter().all(|c| c.end <= a.cue.start) {
        return closing_time(doc, a);
    }
    let content = a.content.first()?;
    let opens_with_that = content
        .text
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("that "));
    let gap = doc.body.get(a.cue.end..content.start)?;
    if !opens_with_that || content.start < a.cue.end || gap.contains(['.', ';', '"', '“', '”'])
    {
        return None;
    }
    last_time_within(doc, a.cue.end, content.start, |v| {
        v.starts_with(|c: char| c.is_ascii_digit())
    })
}

/// The last time lying inside `start..end` whose value passes `keep`; the times layer is
/// sorted by start, so only the times starting in the range are read.
fn last_time_within(
    doc: &Document,
    start: usize,
    end: usize,
    keep: impl Fn(&str) -> bool,
) -> Option<&Timex> {
    let from = doc.times.partition_point(|t| t.span.start < start);
    let to = doc.times.partition_point(|t| t.span.start < end);
    doc.times[from..to.max(from)]
        .iter()
        .rev()
        .find(|t| t.span.end <= end && keep(&t.value))
}

/// `"We are ready," Zelenskiy told Reuters in an interview on Monday.`: after a report whose
/// content stands before its cue, a day named in the rest of the clause (up to a comma, a
/// quotation mark or the sentence end) dates the statement.
fn closing_time<'d>(doc: &'d Document, a: &Attribution) -> Option<&'d Timex> {
    let rest = doc.body.get(a.cue.end..)?;
    let end = a.cue.end
        + rest
            .find(['.', ';', ',', '"', '“', '”', '\n'])
            .unwrap_or(rest.len());
    // A day only ("on Monday", "on March 3"): a year or a month after the cue more often
    // belongs to what was called for or proclaimed ("called for elections in 1988").
    let day = |v: &str| {
        let b = v.as_bytes();
        b.len() >= 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b[5].is_ascii_digit()
            && b[8].is_ascii_digit()
    };
    last_time_within(doc, a.cue.end, end, day)
}

/// How many words before a cue's verb may make it pluperfect ("had previously put").
const PLUPERFECT_REACH: usize = 3;

/// Whether `cue` is in the pluperfect ("had said", "The group had previously put the toll
/// at ..."): it was said before the statements around it, so it takes no other statement's
/// date.
fn pluperfect(doc: &Document, cue: &Span) -> bool {
    let Some(text) = doc.body.get(..cue.end) else {
        return false;
    };
    text.split_whitespace()
        .rev()
        .skip(1)
        .take(PLUPERFECT_REACH)
        .take_while(|w| w.chars().all(char::is_alphabetic))
        .any(|w| w.eq_ignore_ascii_case("had"))
}

/// Fills `said_at` on every attribution, in document order, and takes the cue's time out
/// of the start of its content.
pub(crate) fn fill(doc: &Document, attributions: &mut [Attribution]) {
    let published = doc.published_date().map(|d| d.to_string());
    let mut by_speaker: Vec<(String, SaidAt)> = Vec::new();
    for a in attributions.iter_mut() {
        let mut time = cue_time(doc, &a.cue).or_else(|| setting_time(doc, a));
        if let Some(t) = time.filter(|t| t.span.start >= a.cue.end) {
            drop_leading_time(doc, &mut a.content, &t.span);
        }
        // "It said 1986 plantings fell": a time the content kept is part of what was said,
        // not when it was said.
        if time.is_some_and(|t| {
            a.content
                .iter()
                .any(|c| c.start <= t.span.start && t.span.end <= c.end)
        }) {
            time = None;
        }
        let said = if let Some(t) = time {
            let (date, id) = (date_of(t), t.id.clone());
            Some(SaidAt {
                date,
                basis: SaidAtBasis::CueModifier,
                time_id: Some(id),
            })
        } else if let Some(prev) = a
            .speaker_id
            .as_ref()
            .filter(|_| !pluperfect(doc, &a.cue))
            .and_then(|s| {
                by_speaker
                    .iter()
                    .rev()
                    .find(|(id, _)| id == s)
                    .map(|(_, at)| at)
            })
        {
            Some(SaidAt {
                date: prev.date.clone(),
                basis: SaidAtBasis::SameSpeaker,
                time_id: prev.time_id.clone(),
            })
        } else {
            published.as_ref().map(|date| SaidAt {
                date: date.clone(),
                basis: SaidAtBasis::PublicationDate,
                time_id: None,
            })
        };
        if let (Some(s), Some(at)) = (&a.speaker_id, &said)
            && at.basis == SaidAtBasis::CueModifier
        {
            by_speaker.push((s.clone(), at.clone()));
        }
        a.said_at = said;
    }
}
