//! The `figures` extractor: numbers, money and vague amounts in the body, as low / best /
//! high ranges tied to what they count.
//!
//! ## What it finds
//! Every amount the [`Recognizer`] reads ("1,200", "twelve", "a dozen", "$5.6 billion",
//! "40%", "between 500 and 700", "more than 1,000", "several hundred", "tens of thousands",
//! "billions of dollars") that is not a year, date, clock time, age, ordinal, duration,
//! phone number, code or label. Each becomes a [`Figure`] with its values under the
//! configured [`Convention`], its measure and counted noun, its subject and place when the
//! same clause gives them, and the hedges of its sentence.
//!
//! ## Example
//! ```text
//! North Korean forces have suffered "several hundred" casualties fighting ... in Russia's
//! Kursk region, a senior U.S. military official said Tuesday.
//!                                    ^^^^^^^^^^^^^^^ figure: [300, 900] casualties
//! ^^^^^^^^^^^^^^^^^^^ subject                     place: in Russia's Kursk region
//! ```
//!
//! ## Limitations
//! * Subjects and places come from word shapes (capitalized phrases, "in" + name) in a
//!   window of the figure's sentence, not from a parse: a subject two clauses away, or a
//!   place named in an earlier sentence, is not found. Clauses are cut at speech verbs,
//!   conjunctions, semicolons, dashes and quotation marks that close a quoted clause, not
//!   at commas: "and 300 vehicles were destroyed" shares the subject and place of the clause
//!   before it.
//! * Bare three-digit or longer numbers before a singular noun are taken for model names
//!   ("their 737 airliner"); a collective noun the lexicon lacks ("500 staff" is listed)
//!   loses its figure.
//! * Measures come from the lexicon only: "12 homes were destroyed" is `other` with noun
//!   "homes"; a figure about a measure word the lexicon lacks is `other`.
//! * A bare amount borrows its unit or noun only from a label right before it or from the
//!   amount it is compared with (see `carry.rs`): a table whose labels stand in another
//!   column, or a unit named two sentences back, leaves it bare.
//! * A four-digit number from 1000 to 2100 is taken for a year unless a counted noun follows
//!   it ("2000 soldiers") or a bound modifies it ("more than 2000 people").
//! * Bare "one" is kept only when it counts something ("one soldier was killed"); "one of
//!   the" and "no one" are dropped.

use std::ops::Range;

use tally_core::{
    Argument, Document, EntityType, ExtractError, Extractor, Figure, Layer, Measure, Span,
};

use crate::attach;
use crate::carry;
use crate::convention::{Base, Convention};
use crate::coordinate;
use crate::filter;
use crate::number::NumKind;
use crate::quantity::{Quantity, Recognizer};

/// Settings for the figures extractor.
#[derive(Clone, Debug)]
pub struct FiguresConfig {
    /// The convention that turns words into numbers.
    pub convention: Convention,
}

impl Default for FiguresConfig {
    fn default() -> Self {
        FiguresConfig {
            convention: default_convention(),
        }
    }
}

fn default_convention() -> Convention {
    // The bundled default is tested to parse; should it ever fail, a convention without
    // rows still gives exact numbers their values instead of panicking.
    Convention::bundled("default").unwrap_or_else(|_| Convention::empty("default"))
}

/// Finds figures in a document's body. See the module docs.
///
/// ```
/// use tally_core::{Document, DocumentMeta, Extractor, Measure};
/// use tally_figures::FigureExtractor;
/// let mut doc = Document::new(DocumentMeta::default(), ["Pyongyang has sent thousands of troops."]);
/// FigureExtractor::new().unwrap().run(&mut doc).unwrap();
/// let f = &doc.figures[0];
/// assert_eq!((f.raw.as_str(), f.low, f.high), ("thousands", Some(2000.0), Some(9999.0)));
/// assert_eq!(f.measure, Measure::Troops);
/// assert_eq!(f.subject.as_ref().unwrap().span.text, "Pyongyang");
/// ```
#[derive(Clone, Debug)]
pub struct FigureExtractor {
    recognizer: Recognizer,
    convention: Convention,
    labels: carry::Labels,
    local: crate::local::LocalCurrencies,
}

impl FigureExtractor {
    /// The extractor with the default convention.
    ///
    /// # Errors
    /// [`ExtractError::Data`] if a bundled data file is malformed.
    pub fn new() -> Result<FigureExtractor, ExtractError> {
        FigureExtractor::with_config(FiguresConfig::default())
    }

    /// The extractor with a given configuration.
    ///
    /// # Errors
    /// [`ExtractError::Data`] if a bundled data file is malformed.
    pub fn with_config(config: FiguresConfig) -> Result<FigureExtractor, ExtractError> {
        Ok(FigureExtractor {
            recognizer: Recognizer::new()?,
            convention: config.convention,
            labels: carry::Labels::bundled()?,
            local: crate::local::LocalCurrencies::bundled()?,
        })
    }

    /// The extractor with a convention named on the command line: `default`, `acled`, or a
    /// file path.
    ///
    /// # Errors
    /// [`ExtractError::Data`] naming the convention when it cannot be loaded.
    pub fn with_conventions(spec: &str) -> Result<FigureExtractor, ExtractError> {
        let convention = Convention::load(spec).map_err(|e| ExtractError::Data {
            what: "conventions",
            source_name: spec.to_owned(),
            message: e.to_string(),
        })?;
        FigureExtractor::with_config(FiguresConfig { convention })
    }

    /// The recognizer, for callers that want amounts without figure filtering.
    #[must_use]
    pub fn recognizer(&self) -> &Recognizer {
        &self.recognizer
    }

    /// The figures of a document, in body order, without changing it.
    #[must_use]
    pub fn figures(&self, doc: &Document) -> Vec<Figure> {
        let text = doc.body.as_str();
        let lexicon = &*self.recognizer.lexicon;
        let mut out: Vec<Figure> = Vec::new();
        let mut slots: Vec<carry::Slot> = Vec::new();
        // Each sentence is scanned once (hedges, places, clause breaks), however many
        // figures it holds.
        let mut scan = attach::SentenceScan::default();
        let mut scanned = false;
        let mut quantities = self.recognizer.recognize(text);
        crate::ratio::merge(lexicon, text, &mut quantities);
        out.reserve(quantities.len());
        slots.reserve(quantities.len());
        // Amounts come in body order, so the sentence and token lists are walked forward
        // once rather than searched for every amount.
        let mut sentence_i = 0;
        let mut token_i = 0;
        for q in &quantities {
            let caps = caps_near(text, &q.span);
            if filter::not_figure(lexicon, text, q, caps).is_some() {
                continue;
            }
            sentence_i = gallop(&doc.sentences, sentence_i, |s| s.end <= q.span.start);
            let sentence = match doc.sentences.get(sentence_i) {
                Some(s) if s.start <= q.span.start => s.range(),
                _ => context_range(doc, q.span.start),
            };
            let mut counted = attach::counted(lexicon, text, q, caps);
            if is_bare_one(q) && counted.noun.is_none() && counted.measure == Measure::Other {
                continue;
            }
            if !scanned || scan.range != sentence {
                token_i = gallop(&doc.tokens, token_i, |t| t.end <= sentence.start);
                // A sentence never starts before an earlier one: were the fallback range to
                // reach back, search instead.
                if doc
                    .tokens
                    .get(token_i)
                    .is_some_and(|t| t.start < sentence.start)
                    || token_i > 0
                        && doc
                            .tokens
                            .get(token_i - 1)
                            .is_some_and(|t| t.end > sentence.start)
                {
                    token_i = doc.tokens.partition_point(|t| t.end <= sentence.start);
                }
                attach::scan_sentence_into(
                    &mut scan,
                    lexicon,
                    text,
                    sentence.clone(),
                    doc.tokens.get(token_i..).unwrap_or(&[]),
                    !doc.tokens.is_empty(),
                );
                scanned = true;
            }
            if counted.measure == Measure::Wounded
                && attach::cared_for_illness(lexicon, text, sentence.clone())
            {
                counted.measure = Measure::Other;
            }
            let Some(figure) = self.figure(doc, q, &quantities, &scan, counted, out.len()) else {
                continue;
            };
            // Money whose value is a hundredth of its written number was written in cents.
            let minor = q.currency.is_some()
                && q.nums
                    .last()
                    .zip(figure.high)
                    .is_some_and(|(n, v)| n.value != 0.0 && ((v / n.value) - 0.01).abs() < 1e-9);
            out.push(figure);
            slots.push(carry::Slot {
                sentence,
                scaled: q.nums.iter().any(|n| n.scaled && n.top_scale >= 1e6),
                minor,
            });
        }
        carry::apply(&self.labels, text, &mut out, &mut slots);
        let rates = carry::rates(lexicon, text, &mut out, &slots);
        coordinate::apply(lexicon, text, &mut out, &slots);
        self.local.apply(doc, &mut out);
        self.local.apply_rates(doc, &mut out, &rates);
        out
    }

    fn figure(
        &self,
        doc: &Document,
        q: &Quantity,
        all: &[Quantity],
        scan: &attach::SentenceScan,
        counted: attach::Counted,
        index: usize,
    ) -> Option<Figure> {
        let text = doc.body.as_str();
        let lexicon = &*self.recognizer.lexicon;
        let span = Span::new(text, q.span.start, q.span.end).ok()?;
        let raw = text.get(q.amount.clone())?.to_owned();
        let resolved = self
            .convention
            .resolve(&q.base, q.bound())
            .unwrap_or_default();
        let finite = |v: Option<f64>| v.filter(|x| x.is_finite());

        let mut hedges: Vec<String> = Vec::new();
        for m in [&q.modifier, &q.post_modifier].into_iter().flatten() {
            if lexicon.hedge_names.contains(&m.phrase) {
                hedges.push(m.phrase.clone());
            }
        }
        // A hedge in a clause opened after the figure's ("the toll rose to 24 and officials
        // warned that the number was likely to grow") is about something else, unless it
        // is the speech verb that frames the sentence ("..., the survey estimated").
        let mut reach = None;
        for (range, h) in &scan.hedges {
            let after = range.start >= q.span.end;
            let cue = after && is_cue(lexicon, text, range) && frames(text, range.end);
            if after && !cue {
                let reach = *reach.get_or_insert_with(|| scan.hedge_reach(lexicon, text, &q.span));
                if range.start >= reach {
                    continue;
                }
            }
            // Another figure's own modifier ("more than 1,000 ... between 500 and 700") is
            // not a hedge of this one; nor is a modifier after the figure, which bounds
            // another amount ("between 300 and 500 trucks, far more than the dozens").
            let i = all.partition_point(|o| o.span.end <= range.start);
            let other = all
                .get(i)
                .is_some_and(|o| o.span.start < range.end && o.span != q.span);
            let later_modifier = after && !cue && lexicon.modifiers.contains_key(h.as_bytes());
            let preposition =
                lexicon.near_hedges.contains(h) && !before_figure(text, range.end, &all[i..]);
            if !after && scan.in_closed_aside(text, range, &q.span) {
                continue;
            }
            if !other && !later_modifier && !preposition && !hedges.contains(h) {
                hedges.push(h.clone());
            }
        }

        let argument = |range: Option<Range<usize>>, prefer: &[EntityType], rightmost: bool| {
            let range = range?;
            let span = Span::new(text, range.start, range.end).ok()?;
            let entity_id = link_entity(doc, &range, prefer, rightmost);
            Some(Argument { span, entity_id })
        };
        let subject = argument(
            attach::subject(lexicon, text, q, scan, &counted),
            &[EntityType::Country, EntityType::Organization],
            false,
        );
        let agent = argument(
            attach::agent(lexicon, text, q, scan, &counted),
            &[EntityType::Country, EntityType::Organization],
            false,
        );
        let place = argument(
            attach::place(q, scan, counted.agent_verb),
            &[EntityType::Place, EntityType::Country],
            true,
        );
        let unit = q
            .currency
            .clone()
            .or_else(|| q.percent.map(|p| p.as_str().to_owned()))
            .or_else(|| q.unit.clone())
            .or_else(|| is_share(q).then(|| SHARE_UNIT.to_owned()));
        Some(Figure {
            id: numbered_id(index + 1),
            span,
            raw,
            low: finite(resolved.low),
            best: finite(resolved.best),
            high: finite(resolved.high),
            unit,
            approx: resolved.approx,
            open_low: resolved.open_low,
            open_high: resolved.open_high,
            measure: counted.measure,
            noun: counted.noun,
            subject,
            subject_inherited: false,
            agent,
            place,
            hedges,
            convention: self.convention.name().to_owned(),
        })
    }
}

/// Whether a hedge is a speech verb ("estimated"), whose clause frames the sentence.
fn is_cue(lexicon: &crate::lexicon::Lexicon, text: &str, range: &Range<usize>) -> bool {
    let tok = crate::lex::Tok {
        start: range.start,
        end: range.end,
        kind: crate::lex::Kind::Word,
    };
    lexicon.role_of(text, tok) & crate::lexicon::role::CUE != 0
}

/// Whether a speech verb ending at `end` closes its clause, so that it frames the figure
/// before it ("..., the survey estimated.", "officials estimated on Tuesday"), rather than
/// taking a complement of its own ("and analysts estimated that more cuts could follow":
/// the estimate is of the cuts, not of the figure before).
fn frames(text: &str, end: usize) -> bool {
    let rest = text
        .get(end..)
        .unwrap_or("")
        .trim_start_matches([' ', '\t']);
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if !first.is_alphanumeric() {
        return true;
    }
    if first.is_uppercase() {
        return true;
    }
    let mut words = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let word = words.next().unwrap_or("");
    // "estimated to be held abroad", "estimated previously", "estimated a week ago": a
    // passive or a time, no complement.
    FRAME_FOLLOWERS.contains(&word)
        || word.ends_with("ly")
        || (matches!(word, "a" | "an")
            && words
                .next()
                .is_some_and(|w| FRAME_TIMES.contains(&w.to_ascii_lowercase().as_str())))
}

/// Time nouns after "a" that keep a speech verb closing its clause ("estimated a week ago").
const FRAME_TIMES: &[&str] = &["week", "month", "year", "day", "decade", "quarter"];

/// Words that may follow a speech verb closing its clause: a preposition or a time
/// ("estimated on Tuesday", "estimated in a report", "estimated last week", "estimated
/// by private sources"), or "to" of a passive ("30 billion dlrs estimated to be held").
const FRAME_FOLLOWERS: &[&str] = &[
    "on",
    "in",
    "at",
    "by",
    "for",
    "last",
    "this",
    "earlier",
    "late",
    "early",
    "yesterday",
    "today",
    "tonight",
    "according",
    "as",
    "after",
    "before",
    "while",
    "and",
    "but",
    "based",
    "to",
];

/// `F` and the number: `F1`, `F2`, ... written digit by digit, without the formatting
/// machinery, once per figure.
fn numbered_id(n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut n = n;
    while k > 0 {
        k -= 1;
        if let Some(d) = digits.get_mut(k) {
            // A remainder of ten is below ten.
            *d = b'0' + u8::try_from(n % 10).unwrap_or(0);
        }
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let digits = digits.get(k..).unwrap_or(&[]);
    let mut id = String::with_capacity(1 + digits.len());
    id.push('F');
    id.extend(digits.iter().map(|&d| char::from(d)));
    id
}

/// Bare "one" (or "a"-less "one" with no bound): kept only when it counts something. A
/// unit, currency or percent is what it counts ("one megabyte", "one kilometre").
fn is_bare_one(q: &Quantity) -> bool {
    matches!(q.base, Base::Exact(v) if v == 1.0)
        && q.nums.first().is_some_and(|n| n.words)
        && q.modifier.is_none()
        && q.unit.is_none()
        && q.currency.is_none()
        && q.percent.is_none()
}

/// The first index at or after `from` whose item fails `before` (which holds for a prefix
/// of `items`): steps of 1, 2, 4 ... then a binary search, so a short move costs a few
/// comparisons and a long one a logarithm, and items skipped are not touched.
fn gallop<T>(items: &[T], from: usize, before: impl Fn(&T) -> bool) -> usize {
    let mut lo = from;
    let mut step = 1;
    loop {
        let probe = lo + step;
        match items.get(probe - 1) {
            Some(item) if before(item) => {
                lo = probe;
                step *= 2;
            }
            _ => break,
        }
    }
    let hi = (lo + step).min(items.len());
    lo + items
        .get(lo..hi)
        .map_or(0, |window| window.partition_point(|item| before(item)))
}

/// Whether the words around an amount are in capitals throughout (old wire copy, radio
/// transcripts): then case tells names from common words no more.
fn caps_near(text: &str, span: &Range<usize>) -> bool {
    // Almost always a small letter stands right before the amount: no need to look further.
    let near = text
        .as_bytes()
        .get(span.start.saturating_sub(12)..span.start);
    if near.is_some_and(|b| b.iter().any(u8::is_ascii_lowercase) && !b.contains(&b'\n')) {
        return false;
    }
    let mut start = span.start.saturating_sub(60);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (span.end + 60).min(text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    // Only the amount's own paragraph counts: a heading in capitals says nothing about the
    // body around it.
    let before = text.get(start..span.start).unwrap_or("");
    let start = before.rfind('\n').map_or(start, |i| start + i + 1);
    let after = text.get(span.end..end).unwrap_or("");
    let end = after.find('\n').map_or(end, |i| span.end + i);
    text.get(start..end).is_some_and(attach::is_all_caps)
}

/// The sentence around `offset`, else its paragraph, else a window of the body.
fn context_range(doc: &Document, offset: usize) -> Range<usize> {
    if let Some(i) = doc.sentence_at(offset)
        && let Some(s) = doc.sentences.get(i)
    {
        return s.range();
    }
    if let Some(i) = doc.paragraph_at(offset)
        && let Some(p) = doc.paragraphs.get(i)
    {
        return p.range();
    }
    let start = offset.saturating_sub(300);
    let end = (offset + 300).min(doc.body.len());
    start..end
}

/// The id of an entity mentioned inside `range`, preferring the given types, then the
/// leftmost or rightmost mention.
fn link_entity(
    doc: &Document,
    range: &Range<usize>,
    prefer: &[EntityType],
    rightmost: bool,
) -> Option<String> {
    let mut best: Option<(usize, usize, &str)> = None;
    for e in &doc.entities {
        let rank = prefer
            .iter()
            .position(|t| *t == e.kind)
            .unwrap_or(prefer.len());
        for m in &e.mentions {
            if m.start >= range.start && m.end <= range.end {
                let pos = if rightmost {
                    usize::MAX - m.start
                } else {
                    m.start
                };
                if best.is_none_or(|(r, p, _)| (rank, pos) < (r, p)) {
                    best = Some((rank, pos, e.id.as_str()));
                }
            }
        }
    }
    best.map(|(_, _, id)| id.to_owned())
}

impl Extractor for FigureExtractor {
    fn name(&self) -> &'static str {
        "figures"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Figures]
    }

    fn run(&self, doc: &mut Document) -> Result<(), ExtractError> {
        doc.figures = self.figures(doc);
        doc.mark_layer(Layer::Figures);
        Ok(())
    }
}

/// The unit of a share of a whole written as a fraction ("around half of the dead", "a
/// third of the convoy"): a part, not a count, so that timelines never compare it with one.
const SHARE_UNIT: &str = "fraction";

/// Whether every number of the amount is a fraction below one.
fn is_share(q: &Quantity) -> bool {
    !q.nums.is_empty()
        && q.nums
            .iter()
            .all(|n| n.kind == NumKind::Fraction && n.value < 1.0)
}

/// Whether a figure of `rest` (sorted by start) follows `at` with at most two determiners
/// between ("around a 80 billion dlr surplus", "about an additional 16 pct").
fn before_figure(text: &str, at: usize, rest: &[Quantity]) -> bool {
    const DETERMINERS: &[&str] = &["a", "an", "another", "additional", "extra", "further"];
    let Some(next) = rest.iter().find(|o| o.span.start >= at) else {
        return false;
    };
    let gap = text.get(at..next.span.start).unwrap_or("");
    let mut words = 0;
    gap.split_whitespace().all(|w| {
        words += 1;
        words <= 2 && DETERMINERS.iter().any(|d| w.eq_ignore_ascii_case(d))
    })
}

#[cfg(test)]
mod tests {
    use super::{gallop, numbered_id};

    #[test]
    fn numbered_ids_match_format() {
        for n in [1, 9, 10, 11, 99, 100, 12_345, usize::MAX] {
            assert_eq!(numbered_id(n), format!("F{n}"));
        }
    }

    #[test]
    fn gallop_finds_the_first_item_past_the_prefix() {
        let items: Vec<usize> = (0..100).collect();
        for from in [0, 1, 7, 50, 99, 100] {
            for cut in from..=100 {
                assert_eq!(
                    gallop(&items, from, |&x| x < cut),
                    cut,
                    "from {from} cut {cut}"
                );
            }
        }
        assert_eq!(gallop::<usize>(&[], 0, |_| true), 0);
    }
}
