//! The tense of the clause around a time expression, from cue words (`data/times/tense.tsv`).
//!
//! tally does not parse sentences, so "the governing verb" is approximated by the nearest
//! tense cue on the left of the expression (up to [`LEFT_WORDS`] words, stopping at a
//! semicolon or a word that opens another clause), or, when there is none, on its right
//! (up to [`RIGHT_WORDS`] words, stopping at the next clause). "the official said Tuesday"
//! finds "said"; "the talks will resume Monday" finds "will" before it reaches any past
//! form further left; "On Tuesday, the official said" finds "said" on the right.
//!
//! Refinements, each for a pattern that the nearest word alone gets wrong:
//! - a participle defers to its auxiliaries, adverbs skipped: "will be paid Dec. 14" and
//!   "would still be held on April 24" are future, "to be completed by Dec. 15" too;
//! - "since" points back: "had not been allowed to inspect since Jan. 13" is past;
//! - a cue after a determiner is a noun: "announced the plan Aug. 21" is past;
//! - a cue that is part of another time expression says nothing ("last" in "due to expire
//!   last Thursday, to Nov. 6");
//! - "set" is future only when it takes the date ("set Nov. 10 as the deadline") or an
//!   infinitive ("set to"); otherwise it is a past participle ("its record high set on
//!   Aug. 6");
//! - a verb of plan or expectation up to [`LEFT_WORDS_INFINITIVE`] words left still governs
//!   an infinitive between ("Traders expect the Fed to hold rates steady at its meeting in
//!   March" is ahead), and an expression coordinated with the one before it and with no
//!   cue of its own on the left shares its tense ("... and to resume cutting in June");
//! - a date used as a noun modifier ("the Jan. 14 deadline", "Wednesday's ruling") is not
//!   governed by the clause's verb: it gets no cue, and resolution uses its default.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

use crate::lexicon::{Lexicon, Tense, WordInfo};

/// How far left a cue may be, in words.
pub(crate) const LEFT_WORDS: usize = 10;
/// How far left a verb of plan or expectation may be when an infinitive stands between it
/// and the expression ("Traders expect the Fed to hold rates steady at its meeting in
/// March": eleven words), in words: such a verb governs a long infinitive clause.
pub(crate) const LEFT_WORDS_INFINITIVE: usize = 16;
/// How far right a cue may be, in words.
pub(crate) const RIGHT_WORDS: usize = 6;

/// A word of the text around an expression, with what the vocabulary says about it
/// (looked up when first asked: most scans stop at the first cue).
struct Word<'a> {
    /// Lowercase, with curly apostrophes made straight; borrowed when already so.
    lower: Cow<'a, str>,
    /// Whether the first letter is uppercase (a name or a sentence start, not a verb).
    capital: bool,
    lexicon: &'a Lexicon,
    known: OnceCell<WordInfo>,
}

impl Word<'_> {
    fn is(&self, word: &str) -> bool {
        self.lower == word
    }

    fn info(&self) -> WordInfo {
        *self.known.get_or_init(|| self.lexicon.info(&self.lower))
    }

    fn has(&self, flag: u16) -> bool {
        self.info().flags & flag != 0
    }
}

/// The first `N` words of `words` in an array, and how many there were; the slots past them
/// hold empty words.
fn first_words<'a, const N: usize>(
    lexicon: &'a Lexicon,
    words: impl Iterator<Item = Word<'a>>,
) -> ([Word<'a>; N], usize) {
    let mut out: [Word<'a>; N] = std::array::from_fn(|_| Word {
        lower: Cow::Borrowed(""),
        capital: false,
        lexicon,
        known: OnceCell::new(),
    });
    let mut len = 0;
    for (slot, w) in out.iter_mut().zip(words) {
        *slot = w;
        len += 1;
    }
    (out, len)
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c == '\'' || c == '’'
}

/// Words of `lower` (letters and apostrophes; `lower` is `text` with ASCII letters
/// lowered, at the same offsets), in order.
fn words<'a>(
    lexicon: &'a Lexicon,
    text: &'a str,
    lower: &'a str,
) -> impl DoubleEndedIterator<Item = Word<'a>> + 'a {
    Runs {
        text: lower,
        front: 0,
        back: lower.len(),
    }
    .map(move |(at, w)| {
        // `w` is `lower[at..]`; the same offsets in `text` hold its case.
        let capital = match text.as_bytes().get(at) {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => text
                .get(at..)
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_uppercase),
        };
        let lower = if w.contains('’') {
            Cow::Owned(w.replace('’', "'"))
        } else {
            Cow::Borrowed(w)
        };
        Word {
            lower,
            capital,
            lexicon,
            known: OnceCell::new(),
        }
    })
}

/// The maximal runs of word characters ([`is_word_char`]) of a text, with their offsets,
/// from either end: what `split(|c| !is_word_char(c))` without the empty pieces gives, read a
/// byte at a time where the text is ASCII (the scan around every expression reads up to ten
/// words back from it).
struct Runs<'a> {
    text: &'a str,
    /// Everything before `front` and from `back` on has been handed out or skipped.
    front: usize,
    back: usize,
}

impl Runs<'_> {
    /// Whether the char starting at `at` is a word char, and its length.
    fn char_at(&self, at: usize) -> (bool, usize) {
        match self.text.as_bytes().get(at) {
            Some(&b) if b.is_ascii() => (b.is_ascii_alphabetic() || b == b'\'', 1),
            _ => self
                .text
                .get(at..)
                .and_then(|t| t.chars().next())
                .map_or((false, 1), |c| (is_word_char(c), c.len_utf8())),
        }
    }

    /// Whether the char ending at `end` is a word char, and its length.
    fn char_before(&self, end: usize) -> (bool, usize) {
        match end.checked_sub(1).and_then(|k| self.text.as_bytes().get(k)) {
            Some(&b) if b.is_ascii() => (b.is_ascii_alphabetic() || b == b'\'', 1),
            _ => self
                .text
                .get(..end)
                .and_then(|t| t.chars().next_back())
                .map_or((false, 1), |c| (is_word_char(c), c.len_utf8())),
        }
    }
}

impl<'a> Iterator for Runs<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        loop {
            if self.front >= self.back {
                return None;
            }
            let (word, len) = self.char_at(self.front);
            if word {
                break;
            }
            self.front += len;
        }
        let start = self.front;
        while self.front < self.back {
            let (word, len) = self.char_at(self.front);
            if !word {
                break;
            }
            self.front += len;
        }
        Some((start, self.text.get(start..self.front)?))
    }
}

impl DoubleEndedIterator for Runs<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        loop {
            if self.back <= self.front {
                return None;
            }
            let (word, len) = self.char_before(self.back);
            if word {
                break;
            }
            self.back -= len;
        }
        let end = self.back;
        while self.back > self.front {
            let (word, len) = self.char_before(self.back);
            if !word {
                break;
            }
            self.back -= len;
        }
        Some((self.back, self.text.get(self.back..end)?))
    }
}

/// The cue of one word: listed words, `-ed` forms, and contractions ("they'll").
fn cue(w: &Word<'_>) -> Option<Tense> {
    let info = w.info();
    if info.listed {
        return info.tense;
    }
    let word = w.lower.as_ref();
    if word.len() > 4 && word.ends_with("ed") {
        return Some(Tense::Past);
    }
    if let Some((_, tail)) = word.rsplit_once('\'') {
        return match tail {
            "ll" => Some(Tense::Future),
            "d" => Some(Tense::Past),
            _ => None,
        };
    }
    None
}

/// Whether a past verb right before the day at `start` says when its own event happened
/// ("took place on Dec. 30", "resigned on April 4", "the year ended March 31"): then the day
/// is a past one, however near ahead this year's would be. Words from `from` on are read.
pub(crate) fn past_event_day(
    lexicon: &Lexicon,
    body: &str,
    lower: &str,
    from: usize,
    start: usize,
) -> bool {
    let from = from.min(start);
    let (Some(text), Some(low)) = (body.get(from..start), lower.get(from..start)) else {
        return false;
    };
    words(lexicon, text, low)
        .rev()
        .find(|w| !w.is("on") && !w.is("place"))
        .is_some_and(|w| cue(&w) == Some(Tense::Past))
}

/// The tense cue nearest to `span` inside `scope` (byte ranges of `body`), if any; `lower`
/// is `body` with ASCII letters lowered.
pub(crate) fn clause_tense(
    lexicon: &Lexicon,
    body: &str,
    lower: &str,
    scope: Range<usize>,
    span: Range<usize>,
    coordinated: Option<Tense>,
) -> Option<Tense> {
    let left_range = scope.start.min(span.start)..span.start;
    let right_range = span.end..scope.end.max(span.end);
    let (Some(left_text), Some(left_lower), Some(right_text), Some(right_lower)) = (
        body.get(left_range.clone()),
        lower.get(left_range),
        body.get(right_range.clone()),
        lower.get(right_range),
    ) else {
        return None;
    };
    // A semicolon ends the clause.
    let cut = left_lower.rfind(';').map_or(0, |k| k + 1);
    let (left_text, left_lower) = (&left_text[cut..], &left_lower[cut..]);
    let cut = right_lower.find(';').unwrap_or(right_lower.len());
    let (right_text, right_lower) = (&right_text[..cut], &right_lower[..cut]);
    // On the stack: this runs for every expression, and a list grown word by word was
    // allocated three times over.
    let (left_words, left_len) =
        first_words::<LEFT_WORDS_INFINITIVE>(lexicon, words(lexicon, left_text, left_lower).rev());
    let (right_words, right_len) =
        first_words::<RIGHT_WORDS>(lexicon, words(lexicon, right_text, right_lower));
    let far = left_words.get(..left_len).unwrap_or(&[]);
    let left = far.get(..LEFT_WORDS.min(far.len())).unwrap_or(far);
    let right = right_words.get(..right_len).unwrap_or(&[]);
    // Whether the nearest word on the left touches the expression (only whitespace between).
    let touching = left_text.trim_end().ends_with(is_word_char);
    // "Cocoa for May delivery was off", "the May and July contracts", "for June to August
    // shipment": a delivery month is the contract's, not the clause's. Trade is forward: a
    // month of a contract ("for November delivery") is ahead; a plural may be a statistic
    // ("May shipments rose"): the nearest, ahead on a tie.
    if let Some(noun) = delivery_noun(right) {
        return Some(if noun.lower.ends_with('s') {
            Tense::Through
        } else {
            Tense::Future
        });
    }
    if modifies_a_noun(left, right, right_text) {
        // The clause's verb says nothing about when the noun's event is ("announced the Jan.
        // 14 deadline", "will be tendered under a January 30 offer"), except that an event
        // held on a calendar and named in a future clause is still ahead ("will turn 18
        // before the November election").
        let scheduled = right.iter().take(2).any(|w| w.has(SCHEDULED));
        return left_cue(left).filter(|t| scheduled && *t == Tense::Future);
    }
    // "since Jan. 13": a time before the clause's, whatever its tense.
    if touching && left.first().is_some_and(|w| w.is("since")) {
        return Some(Tense::Past);
    }
    // "up 24% from December", "down from May": the base of a change already measured.
    if touching && compared_from(left, right, right_text) {
        return Some(Tense::Past);
    }
    // "by Oct. 31", "until Tuesday": a deadline, still ahead unless a past perfect says it
    // was reached ("had sold half by March", "By Friday evening it had climbed to 34").
    let had = |w: &Word<'_>| w.is("had") || w.is("'d");
    // "closed until at least Thursday": the deadline's floor.
    let at_least = left.len() > 2 && left[0].is("least") && left[1].is("at");
    let deadline = if at_least { left.get(2) } else { left.first() };
    if touching
        && deadline.is_some_and(|w| w.has(DEADLINE))
        && !left.iter().any(had)
        && !right.iter().take(3).any(had)
    {
        return Some(Tense::Future);
    }
    // "Retail sales for February will be published": a month a noun is counted over, not
    // the time of the clause's verb ("scheduled for March" is: a cue before "for"). Not a
    // fiscal period ("expects earnings for the fourth quarter ending April 30" is ahead).
    if touching
        && left.first().is_some_and(|w| w.is("for"))
        && body
            .get(span.clone())
            .zip(lower.get(span.clone()))
            .and_then(|(text, low)| words(lexicon, text, low).next())
            .is_some_and(|w| w.capital && w.has(TIME_WORD))
        && left
            .get(1)
            .is_some_and(|n| !n.capital && cue(n).is_none() && !n.has(TIME_WORD | AUXILIARY))
        // "set sentencing for March 12", "set a hearing for Tuesday": the date set.
        && !left.iter().skip(2).take(2).any(|w| w.is("set"))
    {
        return None;
    }
    let cue_left = left_cue(left);
    // "needs $500 million to keep operations running through September": the end of a
    // period still running or just reported on ("production through March 27 totals"),
    // whichever is nearer, unless the clause is past ("sales rose through September").
    // "Storms were forecast through Thursday evening": what a forecast covers runs on
    // from when it was made, whatever the tense of the making.
    if touching
        && left.len() > 1
        && left.first().is_some_and(|w| w.is("through"))
        && (!matches!(cue_left, Some(Tense::Past | Tense::Reporting))
            || left
                .get(1)
                .is_some_and(|w| FORECAST.contains(&w.lower.as_ref())))
    {
        return Some(Tense::Through);
    }
    if let Some(t) = cue_left {
        return Some(t);
    }
    if let Some(t) = infinitive_governor(far) {
        return Some(t);
    }
    // "expect the Fed to hold rates in March and to resume cutting in June": an expression
    // joined to the one before it, with no cue of its own on the left, shares its clause's
    // tense, even when that clause's cue is further left than the scan reaches.
    if coordinated.is_some() {
        return coordinated;
    }
    // Only when nothing on the left says the tense: "On Tuesday, the official said".
    // A scheduled verb after "to" is an infinitive of purpose, not the clause's verb ("will
    // meet Thursday morning to begin talks").
    let mut previous_to = false;
    right
        .iter()
        .take_while(|w| !w.has(CLAUSE_BREAK | CLAUSE_OPENER))
        .find_map(|w| {
            let after_to = std::mem::replace(&mut previous_to, w.is("to"));
            // "comes" and "reports" are scheduled only before the word that makes them so,
            // which a scan to the right has not seen.
            cue(w).filter(|t| {
                !(*t == Tense::Scheduled && (after_to || w.is("comes") || w.is("reports")))
            })
        })
}

/// Whether `gap` (the text between two time expressions of a sentence) joins the second to
/// the first's clause: a coordinator, then either only prepositions and adverbs ("in March
/// or June", "on Monday and again on Friday") or a coordinated infinitive ("expect the Fed
/// to hold rates in March and to resume cutting in June"). Not another subject or verb
/// group ("bought bills on March 30 and 49 mln for resale April 8", "began in September and
/// would have continued on 21 November"), which may have a tense of its own.
pub(crate) fn coordinates(lexicon: &Lexicon, body: &str, lower: &str, gap: Range<usize>) -> bool {
    let (Some(text), Some(low)) = (body.get(gap.clone()), lower.get(gap)) else {
        return false;
    };
    if low.contains([';', ':', '.', '(', ')']) {
        return false;
    }
    let mut gap_words = words(lexicon, text, low);
    if !gap_words
        .next()
        .is_some_and(|w| matches!(w.lower.as_ref(), "and" | "or" | "then"))
    {
        return false;
    }
    let mut infinitive = false;
    for (n, w) in gap_words.enumerate() {
        if n + 1 >= COORDINATED_GAP || w.has(CLAUSE_OPENER) {
            return false;
        }
        if n == 0 && w.is("to") {
            infinitive = true;
        } else if !infinitive && !w.has(ADVERB | MONTH_LEAD) && !w.is("on") && !w.is("at") {
            return false;
        }
    }
    true
}

/// The most words between two expressions that [`coordinates`] joins.
const COORDINATED_GAP: usize = 8;

/// A word that starts another clause on the right.
pub(crate) const CLAUSE_BREAK: u16 = 1;
/// A word that opens a subordinate clause.
pub(crate) const CLAUSE_OPENER: u16 = 1 << 1;
/// An auxiliary.
pub(crate) const AUXILIARY: u16 = 1 << 2;
/// An adverb that may stand inside a verb group.
pub(crate) const ADVERB: u16 = 1 << 3;
/// A determiner.
pub(crate) const DETERMINER: u16 = 1 << 4;
/// A word that cannot be the noun an expression modifies.
pub(crate) const NOT_NOUN: u16 = 1 << 5;
/// A preposition of deadlines.
pub(crate) const DEADLINE: u16 = 1 << 6;
/// A time word of `words.tsv`.
pub(crate) const TIME_WORD: u16 = 1 << 7;
/// A noun of an event held on a calendar ("election", "summit").
pub(crate) const SCHEDULED: u16 = 1 << 8;
/// A modal verb.
pub(crate) const MODAL: u16 = 1 << 9;
/// A word that stands before a month's name and never before the modal "may".
pub(crate) const MONTH_LEAD: u16 = 1 << 10;
/// A noun of a prospect (tense.tsv lists them as future cues): a cue with its determiner.
pub(crate) const PROSPECT: u16 = 1 << 11;

/// The closed-class word lists of this module and their flags, for
/// [`Lexicon`]'s word index.
pub(crate) const FLAGGED: &[(u16, &[&str])] = &[
    (CLAUSE_BREAK, CLAUSE_BREAKS),
    (CLAUSE_OPENER, CLAUSE_OPENERS),
    (AUXILIARY, AUXILIARIES),
    (ADVERB, ADVERBS),
    (DETERMINER, DETERMINERS),
    (NOT_NOUN, NOT_NOUNS),
    (DEADLINE, &["by", "until", "till"]),
    (SCHEDULED, SCHEDULED_EVENTS),
    (
        PROSPECT,
        &[
            "chance",
            "chances",
            "odds",
            "probability",
            "likelihood",
            "prospect",
            "prospects",
            "possibility",
        ],
    ),
    (
        MODAL,
        &["would", "could", "should", "might", "must", "may", "'d"],
    ),
    (
        MONTH_LEAD,
        &[
            "in", "of", "since", "from", "by", "until", "through", "to", "for", "between",
            "during", "before", "after", "early", "late", "mid", "end",
        ],
    ),
];

/// Events fixed on a calendar ahead of time: a date modifying one of them in a future
/// clause is ahead ("will vote in the November election"). Decisions, offers and reports
/// are not here: "will be tendered under a January 30 offer" names a past offer.
const SCHEDULED_EVENTS: &[&str] = &[
    "election",
    "elections",
    "ballot",
    "vote",
    "referendum",
    "primary",
    "primaries",
    "caucus",
    "caucuses",
    "runoff",
    "summit",
    "debate",
    "final",
    "finals",
    "match",
    "game",
    "race",
    "deadline",
    "meeting",
    "hearing",
    "trial",
    "launch",
    "inauguration",
    "convention",
];

/// Nouns of commodity and futures trading that a month names the delivery of ("for May
/// shipment", "crude for November delivery"): the clause's verb is about the trade.
const DELIVERY_NOUNS: &[&str] = &[
    "delivery",
    "deliveries",
    "shipment",
    "shipments",
    "loading",
    "loadings",
    "arrival",
    "contract",
    "contracts",
    "futures",
];

/// Words that start another clause on the right: a cue after them is not about this
/// expression ("took effect in March and will be reviewed").
const CLAUSE_BREAKS: &[&str] = &[
    "and", "but", "or", "while", "whereas", "because", "although", "though", "which", "who",
    "that", "after", "before", "since", "until",
];

/// Words that open a subordinate clause: scanning left stops there, since a cue beyond
/// belongs to the main clause ("hoped she would produce aid for countries where the blasts
/// killed 257 people on Aug. 7").
const CLAUSE_OPENERS: &[&str] = &[
    "where", "which", "who", "whom", "whose", "when", "while", "whereas", "because", "although",
    "though", "unless", "if", "whether",
];

/// Auxiliaries that decide the tense of a participle after them ("will be reviewed",
/// "has signed", "is expected", "must be returned").
const AUXILIARIES: &[&str] = &[
    "will", "would", "shall", "'ll", "is", "are", "am", "was", "were", "be", "been", "being",
    "has", "have", "had", "must", "should", "can", "could", "may", "might",
];

/// Adverbs that may stand between an auxiliary and its participle ("will not be",
/// "would still be held").
const ADVERBS: &[&str] = &[
    "not", "never", "still", "also", "already", "just", "now", "then", "soon", "only", "even",
    "again", "ever", "yet", "probably", "likely", "finally", "first", "n't",
];

/// Words before a cue that make it a noun or an adjective ("the plan", "a planned merger").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "these", "those",
];

/// Words after an expression that show it is not a noun modifier ("the Jan. 14 deadline" is
/// one; "the Friday before" is not).
const NOT_NOUNS: &[&str] = &[
    "to", "and", "or", "but", "of", "in", "on", "at", "by", "for", "with", "from", "as", "than",
    "that", "which", "who", "when", "where", "if", "after", "before", "through", "until", "since",
    "into", "about", "against", "between", "during", "over", "under", "per", "via",
];

/// Whether the expression is a premodifier of a noun: after a determiner and before a
/// lowercase word ("the Aug. 7 blasts", "a Jan. 14 return date"), or possessive
/// ("Wednesday's ruling").
fn modifies_a_noun(left: &[Word<'_>], right: &[Word<'_>], right_text: &str) -> bool {
    let Some(next) = right.first() else {
        return false;
    };
    // The noun must follow at once: "the Jan. 14, 2000" or "the June, July" are not.
    let glued = right_text
        .trim_start()
        .chars()
        .next()
        .is_some_and(is_word_char);
    if !glued {
        return false;
    }
    let nounish =
        |w: &Word<'_>| !w.capital && !w.has(NOT_NOUN | AUXILIARY | TIME_WORD) && cue(w).is_none();
    if next.is("'s") || next.is("'") {
        return right.get(1).is_some_and(nounish);
    }

    left.first().is_some_and(|w| w.has(DETERMINER)) && nounish(next)
}

/// The delivery noun a month modifies ("May shipment"), past other months of a list or
/// range ("May and June shipments", "June to August shipment", "April 10/May 10 shipment").
fn delivery_noun<'w, 'a>(right: &'w [Word<'a>]) -> Option<&'w Word<'a>> {
    right
        .iter()
        .take(4)
        .find(|w| {
            !(w.has(TIME_WORD)
                || matches!(
                    w.lower.as_ref(),
                    "to" | "and" | "or" | "through" | "early" | "late"
                ))
        })
        .filter(|w| DELIVERY_NOUNS.contains(&w.lower.as_ref()))
}

/// The tense given by the auxiliaries before the participle at `left[i]` (nearest first,
/// adverbs skipped): "will be reviewed" is future, "to be completed" a plan (future).
fn auxiliary_tense(left: &[Word<'_>], i: usize) -> Option<Tense> {
    for aux in left.iter().skip(i + 1).take(4) {
        if aux.has(ADVERB) {
            continue;
        }
        if aux.is("to") {
            return Some(Tense::Future);
        }
        if !aux.has(AUXILIARY) {
            return None;
        }
        if let Some(t) = cue(aux) {
            return Some(t);
        }
    }
    None
}

/// Whether the participle `left[i]` follows a modal and "have", adverbs skipped.
fn modal_perfect(left: &[Word<'_>], i: usize) -> bool {
    let mut auxiliaries = left.iter().skip(i + 1).filter(|w| !w.has(ADVERB));
    auxiliaries.next().is_some_and(|w| w.is("have"))
        && auxiliaries.next().is_some_and(|w| w.has(MODAL))
}

/// A verb of plan or expectation beyond [`LEFT_WORDS`] that governs an infinitive holding
/// the expression: "expect the Fed to hold rates steady at its meeting in March" is ahead.
/// Only a verb of [`INFINITIVE_GOVERNORS`], with "to" before a lowercase word among the
/// words between, no clause opener nor other cue between (those nearer words were
/// already read by [`left_cue`], which found nothing).
fn infinitive_governor(far: &[Word<'_>]) -> Option<Tense> {
    let mut infinitive = false;
    for (i, w) in far.iter().enumerate() {
        if w.has(CLAUSE_OPENER) {
            return None;
        }
        // "to" before a verb, not "identical to that issue", "to the".
        infinitive |= w.is("to")
            && i.checked_sub(1).and_then(|k| far.get(k)).is_some_and(|v| {
                !v.capital
                    && !v.has(DETERMINER | TIME_WORD)
                    && !matches!(v.lower.as_ref(), "that" | "this")
            });
        if i < LEFT_WORDS {
            continue;
        }
        if let Some(t) = cue(w) {
            let lexical = t == Tense::Future
                && !w.capital
                && INFINITIVE_GOVERNORS.contains(&w.lower.as_ref());
            let noun = far
                .get(i + 1)
                .is_some_and(|d| d.has(DETERMINER) || d.lower.ends_with("'s"));
            return (infinitive && lexical && !noun).then_some(Tense::Future);
        }
    }
    None
}

/// Participles of a forecast: what is forecast through a time is still running ("storms
/// were forecast through Thursday evening").
const FORECAST: &[&str] = &[
    "forecast",
    "forecasted",
    "predicted",
    "projected",
    "expected",
];

/// Future cues that take an infinitive ("expects imports to reach", "plans to issue"), in
/// present forms only: "he expected the company to earn 35 cents for the quarter" is what
/// was expected of a past quarter. Not "due" ("due to a ban" is a cause), "payable", "next".
const INFINITIVE_GOVERNORS: &[&str] = &[
    "expect",
    "expects",
    "expecting",
    "plan",
    "plans",
    "planning",
    "intend",
    "intends",
    "aims",
];

/// Whether the expression is the base of a change: "from" right before it, after "up" or
/// "down" and the change ("up 24% from December", "down 3 pct from May", "down from May"),
/// and no end after it ("will be down from March 9 to March 16" is a period).
fn compared_from(left: &[Word<'_>], right: &[Word<'_>], right_text: &str) -> bool {
    if !left.first().is_some_and(|w| w.is("from")) {
        return false;
    }
    let period = right_text.trim_start().starts_with('-')
        || right.first().is_some_and(|w| {
            matches!(
                w.lower.as_ref(),
                "to" | "through" | "until" | "till" | "and"
            )
        });
    if period {
        return false;
    }
    // "to 22.5 pct from April 7" is the date a new rate takes effect: only a change given
    // with "up"/"down" is measured against its base.
    let up_down = |w: &Word<'_>| w.is("up") || w.is("down");
    left.get(1).is_some_and(up_down)
        || left
            .get(1)
            .is_some_and(|w| w.is("percent") || w.is("pct") || w.is("points"))
            && left.get(2).is_some_and(up_down)
}

/// Past forms that are as often nouns ("a rate cut", "a direct hit").
const NOUN_PASTS: &[&str] = &["cut", "hit"];

/// Whether `left[i]`, one of [`NOUN_PASTS`], is a noun: an indefinite article up to four
/// words before it with no cue between ("bet on a first cut in September", "a quarter-point
/// cut in September": a cut still to come, not one made). A definite article alone does not
/// tell it from a subject ("the central bank cut rates in March").
fn noun_after_article(left: &[Word<'_>], i: usize) -> bool {
    let Some(w) = left.get(i) else { return false };
    if !NOUN_PASTS.iter().any(|n| w.is(n)) {
        return false;
    }
    // "expect the first cut in September", "the next rate cut": an ordinal or "rate" before
    // it makes it a noun whatever the article.
    if left.get(i + 1).is_some_and(|p| {
        [
            "first", "next", "second", "third", "another", "further", "rate",
        ]
        .iter()
        .any(|m| p.is(m))
    }) {
        return true;
    }
    // "another 25 bps cut in April": "another" is an indefinite article too.
    for p in left.iter().skip(i + 1).take(4) {
        if p.is("a") || p.is("an") || p.is("another") {
            return true;
        }
        if cue(p).is_some() || p.has(CLAUSE_OPENER) {
            return false;
        }
    }
    false
}

/// The first cue among `left` (nearest first).
fn left_cue(left: &[Word<'_>]) -> Option<Tense> {
    // "as early as Tuesday", "as soon as Friday": a time not reached yet, unless a past
    // verb before it says the earliest point lies behind ("had accessed the network as
    // early as Jan. 29").
    if left.first().is_some_and(|w| w.is("as"))
        && left.get(1).is_some_and(|w| w.is("early") || w.is("soon"))
    {
        let before = left.get(3..).unwrap_or_default();
        if left_cue(before) == Some(Tense::Past) {
            return Some(Tense::Past);
        }
        return Some(Tense::Future);
    }
    // "up from 2.7% in March", "down from four in March": the value compared with is an
    // earlier one, whatever the clause's tense.
    // Only with "in"/"at" before the time ("up from four in March"): "will be down from
    // March 9" is a closing, not a comparison.
    let compared = left.first().is_some_and(|w| w.is("in") || w.is("at"))
        && left
            .windows(2)
            .take(6)
            .take_while(|p| !p[0].has(CLAUSE_OPENER))
            .any(|p| p[0].is("from") && (p[1].is("up") || p[1].is("down")));
    if compared {
        return Some(Tense::Past);
    }
    for (i, w) in left.iter().enumerate() {
        if w.has(CLAUSE_OPENER) {
            return None;
        }
        // The word after this one (nearer to the expression).
        let after = i.checked_sub(1).and_then(|k| left.get(k));
        let Some(mut t) = cue(w) else {
            continue;
        };
        // "fell more than expected in February": what was expected is the yardstick of a
        // change; the verb before it says when.
        if t == Tense::Future && left.get(i + 1).is_some_and(|p| p.is("than")) {
            continue;
        }
        // "rose 0.2 pct in May after 0.6 pct in April": the month, not the modal.
        if w.is("may") && left.get(i + 1).is_some_and(|p| p.has(MONTH_LEAD)) {
            continue;
        }
        // "put the chance of a cut in April": a noun of prospect looks ahead with its
        // determiner; another cue after one is a noun ("the expected rise").
        let aux = w.has(AUXILIARY);
        if !aux
            && !w.has(PROSPECT)
            && left
                .get(i + 1)
                .is_some_and(|d| d.has(DETERMINER) || d.lower.ends_with("'s"))
        {
            continue;
        }
        if noun_after_article(left, i) {
            continue;
        }
        // "next to" is a place; "going" looks ahead only in "going to" or "going into"
        // ("going from 40 percent on July 14 to 46 percent" reports a change).
        if (w.is("next") && after.is_some_and(|a| a.is("to")))
            || (w.is("going") && !after.is_some_and(|a| a.is("to") || a.is("into")))
        {
            continue;
        }
        // "last" in "last Thursday" belongs to that expression.
        if matches!(
            w.lower.as_ref(),
            "last" | "next" | "coming" | "earlier" | "past"
        ) && after.is_some_and(|a| a.has(TIME_WORD))
        {
            continue;
        }
        // "the central bank meets again in June": a present of a scheduled event looks
        // ahead, but after "to" the verb that governs the infinitive decides ("failed to
        // meet in June"), and an auxiliary before it says the tense ("did not begin until
        // March", "would take effect in June").
        if t == Tense::Scheduled {
            if (w.is("comes") && !after.is_some_and(|a| a.is("into")))
                || (w.is("reports") && !after.is_some_and(|a| a.is("earnings") || a.is("results")))
            {
                continue;
            }
            let mut before = left.iter().skip(i + 1).filter(|p| !p.has(ADVERB));
            match before.next() {
                Some(p) if p.is("to") => continue,
                // "Qtr ends Jan 31" heads a results table: the quarter is over.
                Some(p) if p.is("qtr") => return Some(Tense::Past),
                Some(p)
                    if p.has(AUXILIARY)
                        || matches!(p.lower.as_ref(), "did" | "does" | "do")
                        || p.lower.ends_with("n't") =>
                {
                    if let Some(at) = cue(p) {
                        return Some(at);
                    }
                }
                _ => {}
            }
            return Some(Tense::Future);
        }
        // "set sentencing for March 12": what is set for a time is ahead.
        if w.is("set") {
            // "the stage was set overnight", "the record was set Tuesday": a past passive
            // right before the time says when it was set.
            let passive = left.get(i + 1).is_some_and(|p| p.is("was") || p.is("were"));
            t = if i == 0 && !passive
                || after.is_some_and(|a| a.is("to") || a.is("for"))
                || left.first().is_some_and(|f| f.is("for"))
            {
                Tense::Future
            } else {
                Tense::Past
            };
        }
        // "The annual meeting is on Sept. 14", "the election is in November": an event kept
        // on a calendar, in the present, is still ahead.
        if matches!(w.lower.as_ref(), "is" | "are")
            && left.get(i + 1).is_some_and(|n| n.has(SCHEDULED))
        {
            return Some(Tense::Future);
        }
        // "is to resume trading Tuesday": a plan.
        if matches!(w.lower.as_ref(), "is" | "are" | "was" | "were")
            && after.is_some_and(|a| a.is("to"))
        {
            return Some(Tense::Future);
        }
        // "would have continued on 21 November", "could have happened Tuesday": what might
        // have been says neither past nor future.
        if t == Tense::Past && !aux && modal_perfect(left, i) {
            return None;
        }
        // "up from the 2.7% they expected in March": a pronoun subject makes "expected" a
        // past verb, and a time right after it ("in March") is when they expected it ("the
        // deal, expected in March" and "is expected in March" stay ahead; "he expected
        // prices to firm in the third quarter" looks ahead from then).
        if t == Tense::Future
            && i <= 1
            && w.lower.ends_with("ed")
            && left.get(i + 1).is_some_and(|p| {
                matches!(p.lower.as_ref(), "they" | "we" | "he" | "she" | "i" | "it")
            })
        {
            return Some(Tense::Past);
        }
        // "the vote, which had been scheduled for March": a plan made in the past may be
        // for a time on either side of now; the nearest.
        if t == Tense::Future
            && !aux
            && w.lower.ends_with("ed")
            && auxiliary_tense(left, i) == Some(Tense::Past)
        {
            return Some(Tense::Present);
        }
        if t == Tense::Past
            && !aux
            && let Some(at) = auxiliary_tense(left, i)
        {
            return Some(at);
        }
        return Some(t);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn split_words(text: &str) -> Vec<(usize, &str)> {
        text.split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect()
    }

    proptest! {
        #[test]
        fn runs_are_the_split_words(text in "([a-zA-Z' ,;.’é\u{2014}0-9-]|\\PC){0,40}") {
            let want = split_words(&text);
            let runs = || Runs { text: &text, front: 0, back: text.len() };
            prop_assert_eq!(runs().collect::<Vec<_>>(), want.clone());
            let mut back: Vec<_> = runs().rev().collect();
            back.reverse();
            prop_assert_eq!(back, want);
        }
    }

    #[test]
    fn runs_read_words_from_either_end() {
        let text = "  it’s 10 o'clock—Dec. é,";
        let want = vec![(2, "it’s"), (12, "o'clock"), (22, "Dec"), (27, "é")];
        let runs = || Runs {
            text,
            front: 0,
            back: text.len(),
        };
        assert_eq!(runs().collect::<Vec<_>>(), want);
        assert_eq!(runs().rev().count(), 4);
    }

    fn tense_of(sentence: &str, expr: &str) -> Option<Tense> {
        let lex = Lexicon::bundled().unwrap();
        let start = sentence.find(expr).unwrap();
        let lower = sentence.to_ascii_lowercase();
        clause_tense(
            &lex,
            sentence,
            &lower,
            0..sentence.len(),
            start..start + expr.len(),
            None,
        )
    }

    #[test]
    fn as_early_as_looks_ahead_unless_a_past_verb_leads() {
        assert_eq!(
            tense_of("Talks could resume as early as Tuesday.", "Tuesday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of(
                "Hackers had accessed its network as early as Jan. 29.",
                "Jan"
            ),
            Some(Tense::Past)
        );
    }

    #[test]
    fn nearest_cue_decides() {
        assert_eq!(
            tense_of("a senior U.S. military official said Tuesday.", "Tuesday"),
            Some(Tense::Reporting)
        );
        assert_eq!(
            tense_of("The official said the talks will resume Monday.", "Monday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("A pact signed in June came into force.", "June"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("They'll meet Friday.", "Friday"),
            Some(Tense::Future)
        );
        assert_eq!(tense_of("Talks on Friday.", "Friday"), None);
        assert_eq!(
            tense_of("On Friday, the talks ended.", "Friday"),
            Some(Tense::Past)
        );
    }

    #[test]
    fn participles_defer_to_auxiliaries() {
        let s = "The law took effect in March and will be reviewed in March.";
        let second = s.rfind("March").unwrap();
        let lex = Lexicon::bundled().unwrap();
        let lower = s.to_ascii_lowercase();
        assert_eq!(
            clause_tense(&lex, s, &lower, 0..s.len(), second..second + 5, None),
            Some(Tense::Future)
        );
        assert_eq!(tense_of(s, "March"), Some(Tense::Past));
        assert_eq!(
            tense_of("The deal has closed in June.", "June"),
            Some(Tense::Past)
        );
    }

    #[test]
    fn participles_defer_to_auxiliaries_past_adverbs() {
        let future = Some(Tense::Future);
        assert_eq!(
            tense_of("The dividend will be paid Dec. 14.", "Dec. 14"),
            future
        );
        assert_eq!(
            tense_of("The summit would still be held on April 24.", "April 24"),
            future
        );
        assert_eq!(
            tense_of("He will not be repatriated before Feb. 10.", "Feb. 10"),
            future
        );
        assert_eq!(
            tense_of(
                "They expect the sale to be completed by Dec. 15.",
                "Dec. 15"
            ),
            future
        );
        assert_eq!(
            tense_of("He must be returned to his father by Jan. 14.", "Jan. 14"),
            future
        );
        assert_eq!(
            tense_of("The offer was extended to Nov. 16.", "Nov. 16"),
            Some(Tense::Past)
        );
    }

    #[test]
    fn nouns_and_other_expressions_are_no_cues() {
        // "the plan" is a noun, "last" belongs to "last Thursday".
        assert_eq!(
            tense_of("The thrift announced the plan Aug. 21.", "Aug. 21"),
            Some(Tense::Reporting)
        );
        assert_eq!(
            tense_of("It was due to expire last Thursday, to Nov. 6.", "Nov. 6"),
            Some(Tense::Future)
        );
        // "set" takes the date, or is a past participle.
        assert_eq!(
            tense_of("Dunkin' has set Nov. 10 as the deadline.", "Nov. 10"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("It is near its record high set on Aug. 6.", "Aug. 6"),
            Some(Tense::Past)
        );
    }

    #[test]
    fn noun_modifiers_take_no_tense() {
        assert_eq!(
            tense_of(
                "Meissner gave no reason for the Jan. 14 deadline.",
                "Jan. 14"
            ),
            None
        );
        assert_eq!(
            tense_of(
                "They would look for ways around Wednesday's ruling.",
                "Wednesday"
            ),
            None
        );
        assert_eq!(
            tense_of("The blasts killed 257 people on Aug. 7.", "Aug. 7"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of(
                "Support rose, going from 40 percent on July 14 to 46.",
                "July 14"
            ),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("They are going to vote on July 14.", "July 14"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of(
                "The talks would have continued on 21 November in Caracas.",
                "21 November"
            ),
            None
        );
        assert_eq!(
            tense_of("The talks have continued since 21 November.", "21 November"),
            Some(Tense::Past)
        );
        // A future clause says nothing of an offer, but a scheduled event is ahead.
        assert_eq!(
            tense_of(
                "Its shares will be tendered under a January 30 takeover offer.",
                "January 30"
            ),
            None
        );
        assert_eq!(
            tense_of(
                "Voters who will turn 18 before the November presidential election may vote.",
                "November"
            ),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("He voted in the November election.", "November"),
            None
        );
    }

    #[test]
    fn subordinate_clauses_keep_their_own_cues() {
        // "would" is the main clause's; the blasts happened.
        assert_eq!(
            tense_of(
                "She would produce aid for countries where the blasts killed 257 on Aug. 7.",
                "Aug. 7"
            ),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of(
                "Ritter was allowed to carry out an inspection since Jan. 13.",
                "Jan. 13"
            ),
            Some(Tense::Past)
        );
    }

    #[test]
    fn the_month_may_is_no_modal() {
        assert_eq!(
            tense_of("Prices rose in May and 6.6 pct in April.", "April"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("Talks may resume in April.", "April"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("THE RATE ROSE IN MAY AND IN APRIL", "APRIL"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("THE SEIZURE ON 7 APRIL MAY MEAN THAT", "7 APRIL"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("Prices rose in April, and May may be worse.", "April"),
            Some(Tense::Past)
        );
    }

    #[test]
    fn comparisons_are_no_cues() {
        assert_eq!(
            tense_of(
                "Its forecast for the quarter ending in October, compared with estimates.",
                "October"
            ),
            None
        );
    }

    #[test]
    fn semicolon_ends_the_clause() {
        assert_eq!(tense_of("He left; talks resume Friday.", "Friday"), None);
    }
}
