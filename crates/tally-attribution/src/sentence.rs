//! Finding attributions inside one sentence: for each cue, where its source and its
//! content are.
//!
//! The shapes handled, with the content in brackets and the source in braces:
//! - pre-posed source: `{Experts} say [the North's leader is keen ...]`,
//!   `{A senior defense official} said Tuesday that [not all ... may be used]`,
//!   `{Brafman} said, [“The zeal ...”]`;
//! - post-posed source: `[North Korean forces have suffered ...], {a senior U.S. military
//!   official} said Tuesday.`, `[“These are not ...,”] {the official} said`;
//! - inverted: `[“...,”] said {the official}`;
//! - split quotations: `[“Judge,”] {Brafman} said, [“I have never ...”]`;
//! - participles sharing the main clause's source: `..., adding that [...]`;
//! - coordinated verbs: `{Trump} has repeatedly criticized ... and claimed [he could ...]`;
//! - `according to {X}, [...]` and `[...], according to {X}`;
//! - relative sources: `{Smith}, {who} said [...]`;
//! - parenthetical reports: `[The plan], {officials} said, [will cost $5 billion]`;
//! - `[...], as {The New York Times} reported` and `As reported by {X}, [...]`;
//! - appositions and relative clauses between dashes: `{Jason Sims — a teacher —} says`;
//! - labels after a dash: `... - {HuffPollster}: [“...”]`;
//! - passive reports without agent have no source: `Sanders had been told [that ...]`;
//! - reporting adverbs, with no source: `[The FBI is] reportedly [making arrangements ...]`.

use std::sync::LazyLock;

use tally_core::AttributionClass;

use crate::lexicon::{CueEntry, Lexicon, word_list};
use crate::phrase::{self, Class, Phrase, class, two_to_ten};
use crate::words::{QuoteDir, Word};

/// Where an attribution's source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Source {
    /// The whole source phrase, apposition included.
    pub span: Phrase,
    /// The phrase without its apposition: what names the speaker.
    pub core: Phrase,
    /// An apposition describing the speaker (", a spokesman for the ministry,").
    pub apposition: Option<Phrase>,
    /// For a relative source ("who"), the phrase it refers to.
    pub antecedent: Option<Phrase>,
}

/// One attribution found in a sentence, in word indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found<'l> {
    /// The cue words.
    pub cue: Phrase,
    /// The cue's lemma.
    pub lemma: &'l str,
    /// Statement or attitude, from the cue.
    pub class: AttributionClass,
    /// The source in this sentence.
    pub source: Option<Source>,
    /// The content: one range, or two around an interrupting source.
    pub content: Vec<Phrase>,
}

/// A cue found in the sentence: its word range and lexicon entry.
pub(crate) struct CueAt<'l> {
    /// The cue words.
    pub words: Phrase,
    /// The entry.
    pub entry: &'l CueEntry,
}

/// Analyses one sentence.
pub(crate) fn analyze<'l>(lex: &Lexicon, words: &[Word<'_>], cues: &[CueAt<'l>]) -> Vec<Found<'l>> {
    let mut found: Vec<Found<'l>> = Vec::new();
    found.extend(colon(lex, words));
    for (n, cue) in cues.iter().enumerate() {
        // A cue inside a quotation is part of someone's words, not the article's report.
        if words.get(cue.words.start).is_some_and(|w| w.inside) {
            continue;
        }
        let mut next_cue = cues.get(n + 1).map_or(words.len(), |c| c.words.start);
        // "reported, citing a Kremlin source, that ...": the aside's cue does not end this
        // cue's content, which starts after it (see `after`).
        if next_cue == cue.words.end + 1 && citing_aside(lex, words, cue.words.end).is_some() {
            next_cue = cues.get(n + 2).map_or(words.len(), |c| c.words.start);
        }
        let prev = previous(words, &found, cue);
        // The "saying" of "was quoted as saying" is part of that cue.
        if prev.is_some_and(|f| {
            f.lemma == "quote" && f.cue.start <= cue.words.start && cue.words.end <= f.cue.end
        }) {
            continue;
        }
        let result = if let Some(f) = fronted(lex, words, cue, &cues[n + 1..]) {
            Some(f)
        } else if let Some(f) = owned_noun(lex, words, cue, next_cue) {
            Some(f)
        } else if let Some(f) = passive_by(lex, words, cue, next_cue) {
            Some(f)
        } else if let Some(f) = quoted_as_saying(lex, words, cue, prev, cues) {
            Some(f)
        } else if let Some(f) = asked(words, cue) {
            Some(f)
        } else if reduced_relative(lex, words, cue) {
            // "a video posted on Telegram", "the statement released Monday": the
            // participle describes the document; the document is no speaker of it.
            None
        } else if cue.entry.flags.adverb {
            adverb(lex, words, cue, next_cue)
        } else if cue.entry.flags.in_document {
            in_document(lex, words, cue, prev, next_cue)
        } else if cue.entry.flags.prep {
            according_to(lex, words, cue, prev)
        } else if cue.entry.flags.raise {
            raising(lex, words, cue, prev, next_cue, false, false)
        } else if passive_raising(lex, words, cue) {
            raising(lex, words, cue, prev, next_cue, true, false)
                .or_else(|| verb(lex, words, cue, prev, next_cue))
        } else if cue.entry.flags.sense
            && cue.words.start > 0
            && !cue.entry.participle
            && is_be(words[cue.words.start - 1].lower())
            && words.get(cue.words.end).is_none_or(|w| w.lower() != "by")
        {
            // "The patient was admitted to hospital", "was added to the list", "were
            // charged on Monday": an agentless passive of these is another sense.
            None
        } else if next_cue == words.len() && agentless_passive(lex, words, cue) {
            // Only with no later cue: "Clinton, who called Sanders after the winner was
            // declared, told her supporters ..." keeps "told" whole.
            raising(lex, words, cue, prev, next_cue, true, true)
                .map(|mut f| {
                    f.content.truncate(1);
                    // "(asked) that his demands have been answered": the subject without
                    // its clause word; a bare "who" stands for its antecedent.
                    if let Some(c) = f.content.first_mut()
                        && c.end > c.start + 1
                        && matches!(words[c.start].lower(), "that" | "which" | "who")
                    {
                        c.start += 1;
                    }
                    f
                })
                .or_else(|| verb(lex, words, cue, prev, next_cue))
        } else if cue.entry.participle
            && cue.words.start > 0
            && (after_comma(words, cue.words.start) || after_subordinator(words, cue.words.start))
        {
            participle(lex, words, cue, prev, next_cue)
        } else if let Some(f) = (cue.entry.participle
            && cue.entry.class == AttributionClass::Statement
            && after_prepositional_object(lex, words, cue))
        .then(|| participle(lex, words, cue, prev, next_cue))
        .flatten()
        .filter(|f| f.source.is_some())
        {
            // With no clause subject to take, the phrase before stays the source.
            Some(f)
        } else if let Some(f) = (cue.entry.participle
            && coordinated_participle(lex, words, cue.words))
        .then(|| participle(lex, words, cue, prev, next_cue))
        .flatten()
        .filter(|f| f.source.is_some())
        {
            // A participle joined to one with no subject to take ("shouting loudly,
            // projecting bravado and demanding more") reads as before.
            Some(f)
        } else if cue.entry.participle
            && cue.entry.class == AttributionClass::Attitude
            && !progressive(lex, words, cue.words.start)
            && !backs_a_name(lex, words, cue.words)
        {
            // "those supporting deportation", "voters seeking change": an attitude in "-ing"
            // that is neither a participle after a comma nor a progressive ("is seeking")
            // modifies a noun; news annotation does not report it.
            None
        } else if cue.entry.participle && noun_modifier(lex, words, cue.words) {
            None
        } else if let Some(m) = matrix_verb(lex, words, cue.words.start, |m| {
            // A weak cue without an infinitive frame is a plain verb here ("continued to
            // insist"); "refused to say" reports with "refused".
            cues.iter()
                .find(|c| c.words.start == m)
                .is_some_and(|c| c.entry.flags.inf || !c.entry.flags.weak)
        })
        // The cue in its base form after "to" ("to emailed questions", "overreact to
        // signals" are phrases); not inside the previous report, whose content it would cut.
        // And no later cue: "[..., the Tokyo market opened to support the dollar], dealers
        // said" reads the whole clause as the later speaker's.
        .filter(|&m| {
            next_cue == words.len()
                && words[cue.words.start].lower() == cue.entry.lemma.split(' ').next().unwrap_or("")
                && prev.is_none_or(|f| {
                    m > f.cue.end.max(f.source.map_or(0, |s| s.span.end))
                        && f.content.iter().all(|c| c.end <= m)
                })
        }) {
            let widened = CueAt {
                words: Phrase {
                    start: m,
                    end: cue.words.end,
                },
                entry: cue.entry,
            };
            // What follows the cue is its content ("has been trying to find" with a
            // fronted phrase before it reports nothing).
            verb(lex, words, &widened, prev, next_cue)
                .filter(|f| f.content.first().is_some_and(|c| c.start >= cue.words.end))
        } else {
            verb(lex, words, cue, prev, next_cue)
        };
        if let Some(mut f) = result {
            if disagrees(words, &f) {
                continue;
            }
            // The aside's own content is what is cited, up to its closing comma.
            if let Some(close) = cue
                .words
                .start
                .checked_sub(1)
                .filter(|&c| cues.iter().any(|p| p.words.end == c))
                .and_then(|c| citing_aside(lex, words, c))
            {
                end_contents(&mut f, close);
            }
            end_restrictive_relative(lex, words, &mut f, &cues[n + 1..]);
            // "the plan, which critics called reckless, was approved": a report in a
            // relative clause on a subject ends where the clause does.
            if let Some(close) = in_relative_on_subject(words, cue.words.start) {
                end_contents(&mut f, close);
            }
            content_edges(lex, words, cue.entry.flags.obj, &mut f);
            if expletive_passive(words, &f) {
                f.source = None;
            }
            if let Some(prev) = found.last_mut() {
                split_at_and(lex, words, prev, &mut f);
            }
            found.push(f);
        }
    }
    found
}

/// The report a cue reads as the one before it: the last one, unless that lies inside the
/// content of an earlier report that ends before the cue: "Cruz, who says [Trump is
/// attacking him], said ...", "Miller said [it was possible the Administration might
/// support a fee], but added ...": the cue stands beside the outer report, whose subject
/// it shares, not inside its content. The same verb again ("said Himber agreed to buy ...
/// and agreed to an option") coordinates with the nested one.
fn previous<'a, 'l>(
    words: &[Word<'_>],
    found: &'a [Found<'l>],
    cue: &CueAt<'_>,
) -> Option<&'a Found<'l>> {
    let last = found.last()?;
    let coordinated =
        cue.words.start > 0 && matches!(words[cue.words.start - 1].lower(), "and" | "but" | "or");
    if coordinated && last.lemma == cue.entry.lemma {
        return Some(last);
    }
    let outer = found.iter().rev().skip(1).find(|g| {
        g.content
            .iter()
            .any(|c| c.start <= last.cue.start && last.cue.end <= c.end)
    });
    Some(
        outer
            .filter(|g| g.content.iter().all(|c| c.end <= cue.words.start))
            .unwrap_or(last),
    )
}

/// "a group backing former Gov. Mike Huckabee", "pastors supporting Mr. Cruz": an attitude
/// in "-ing" right after a descriptor noun (`nouns.tsv`) and before a name is that
/// group's stance toward the named, which news annotation reports; before anything else
/// ("voters seeking change", "a paper welcoming the plans") the form only modifies.
fn backs_a_name(lex: &Lexicon, words: &[Word<'_>], cue: Phrase) -> bool {
    cue.start > 0
        && lex.noun(words[cue.start - 1].lower()).is_some()
        && words.get(cue.end).is_some_and(|w| {
            w.is_word() && matches!(class(lex, words, cue.end), Class::Cap | Class::Title)
        })
}

/// Whether the cue word opening the sentence is one that news writing fronts before its
/// source ("Said Comey, ...", "Added one official: ...").
pub(crate) fn fronted_form(words: &[Word<'_>], start: usize, end: usize) -> bool {
    start == 0 && end == 1 && FRONTED.contains(&words[0].text)
}

/// Cue forms fronted before their source (`data/attribution/fronted.txt`), capitalized as
/// they stand at the sentence start.
static FRONTED: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../../data/attribution/fronted.txt")));

/// A cue opening the sentence before its source: `Said Comey, "We are not ..."`, "Said one
/// official: the talks have collapsed". The source ends at a comma or a colon, and what
/// follows is a quotation, or a clause after a colon or a comma, so a name such as "Said
/// Hamid, the minister, arrived ..." reports nothing; nor does one with a later cue of its
/// own outside quotation marks ("Said Hamid, 45, told reporters").
fn fronted<'l>(
    lex: &Lexicon,
    words: &[Word<'_>],
    cue: &CueAt<'l>,
    later: &[CueAt<'_>],
) -> Option<Found<'l>> {
    if !fronted_form(words, cue.words.start, cue.words.end)
        || later.iter().any(|c| !words[c.words.start].inside)
    {
        return None;
    }
    let mut source = source_right(lex, words, cue.words.end)?;
    if source.apposition.is_none()
        && let Some(a) = apposition_to_colon(lex, words, source.core.end)
    {
        source.apposition = Some(a);
        source.span.end = a.end;
    }
    let mark = words.get(source.span.end)?;
    if !(mark.is(",") || mark.is(":")) {
        return None;
    }
    let from = source.span.end + 1;
    let quoted = words.get(from)?.quote() == Some(QuoteDir::Open);
    if !quoted && !looks_like_clause(lex, words, from) {
        return None;
    }
    let content = run_to_end(lex, words, from, words.len())?;
    if word_count(words, content) < 2 {
        return None;
    }
    Some(Found {
        cue: cue.words,
        lemma: &cue.entry.lemma,
        class: cue.entry.class,
        source: Some(source),
        content: vec![content],
    })
}

/// `Said Sen. Lindsey Graham, a Republican: "..."`: a fronted source's apposition may close
/// with the colon that opens the report, where a plain apposition needs a comma. Only plain
/// words between the comma and the colon, so a quotation or a second comma keeps the name
/// bare.
fn apposition_to_colon(lex: &Lexicon, words: &[Word<'_>], comma: usize) -> Option<Phrase> {
    let colon = (comma + 1..words.len().min(comma + 14))
        .take_while(|&k| words[k].is_word() || words[k].is(":"))
        .find(|&k| words[k].is(":"))?;
    phrase::apposition(lex, words, comma, colon).filter(|a| a.end == colon)
}

/// Whether a source is the relative pronoun of a clause without a comma before it ("A
/// woman who said ...", "officials that spoke ...").
fn restrictive_relative(words: &[Word<'_>], s: &Source) -> bool {
    let who = s.span.start;
    who > 0 && words[who - 1].is_word() && matches!(words[who].lower(), "who" | "that")
}

/// "A woman who said she watched the stop from across the street told the paper that ...":
/// a report in a relative clause without commas ends where the main clause's cue follows
/// the clause's last noun. Only when the reported clause has words of its own before that
/// cue, and none opens a clause of its own: "who said the officials told her" and "who
/// sought to defeat it as a signal that legislators oppose" keep the later cue inside.
fn end_restrictive_relative(
    lex: &Lexicon,
    words: &[Word<'_>],
    f: &mut Found<'_>,
    later: &[CueAt<'_>],
) {
    if !f
        .source
        .is_some_and(|s| s.antecedent.is_some() && restrictive_relative(words, &s))
    {
        return;
    }
    let Some(content) = f.content.last_mut() else {
        return;
    };
    let main = later.iter().map(|c| c.words.start).find(|&c| {
        c >= content.start + 4
            && c < content.end
            && !words[c].inside
            && !words[c].lower().ends_with("ing")
            && words[c - 1].is_word()
            && !words[c - 1].is_capitalized()
            && matches!(class(lex, words, c - 1), Class::Noun | Class::Other)
            && words[content.start..c]
                .iter()
                .all(|w| !w.is(",") && !matches!(w.lower(), "that" | "who" | "which"))
    });
    if let Some(c) = main {
        content.end = c;
    }
}

/// Whether `cue` is the past participle of an issuing verb right after a document noun ("a
/// video posted on Telegram", "a statement released Monday"): a reduced relative clause. A
/// document does not issue itself, while it may well report ("The letter warned").
fn reduced_relative(lex: &Lexicon, words: &[Word<'_>], cue: &CueAt<'_>) -> bool {
    let at = cue.words.start;
    cue.words.end == at + 1
        && at > 0
        && words[at].lower().ends_with("ed")
        && lex.is_issuing_verb(words[at].lower(), false)
        && words[at - 1].is_word()
        && lex.is_issued_document(words[at - 1].lower())
}

/// Whether a word owns the noun cue after it: a possessive name or noun ("Trump's",
/// "the DNC's") or a possessive pronoun ("his", "her", "their", "its").
pub(crate) fn owner_word(lex: &Lexicon, w: &Word<'_>) -> bool {
    (w.is_possessive() && lex.pronoun(w.lower()).is_none())
        || matches!(w.lower(), "his" | "her" | "their" | "its")
}

/// Where the content of an owned noun cue starts: at a "that" right after it ("claim
/// that", "fear that", "view that"). A cue with a physical sense ("attack") is left out.
/// Infinitives ("his plans to") and objects ("his support for") were tried: on PolNeAR
/// train they added about three reports annotators left out for each one they mark.
pub(crate) fn owned_complement(entry: &CueEntry, words: &[Word<'_>], end: usize) -> Option<usize> {
    if !entry.flags.noun || entry.flags.place {
        return None;
    }
    (words.get(end)?.lower() == "that").then_some(end)
}

/// A noun cue with its owner before it and "that" after it ("[Trump's] [claim] [that
/// Russia should ...]", "[the Bank's] [estimate] [that the system would ...]"): the owner
/// is the source.
fn owned_noun<'l>(
    lex: &Lexicon,
    words: &[Word<'_>],
    cue: &CueAt<'l>,
    next_cue: usize,
) -> Option<Found<'l>> {
    let at = cue.words.start.checked_sub(1)?;
    if cue.words.end != cue.words.start + 1 || !owner_word(lex, &words[at]) {
        return None;
    }
    let from = owned_complement(cue.entry, words, cue.words.end)?;
    let mut content = run_to_end(lex, words, from, next_cue)?;
    if word_count(words, content) < 2 {
        return None;
    }
    // The owner's name or noun phrase: "Donald Trump's", "Mrs. Clinton's", "the DNC's".
    let mut start = at;
    while start > 0
        && at - start < 4
        && words[at].is_possessive()
        && matches!(
            class(lex, words, start - 1),
            Class::Cap | Class::Title | Class::Det
        )
    {
        start -= 1;
        if class(lex, words, start) == Class::Det {
            break;
        }
    }
    let span = Phrase { start, end: at + 1 };
    if phrase::opens_sentence(words, start) {
        content.end = subject_clause_end(words, content);
    }
    Some(Found {
        cue: cue.words,
        lemma: &cue.entry.lemma,
        class: cue.entry.class,
        source: Some(Source {
            span,
            core: span,
            apposition: None,
            antecedent: None,
        }),
        content: vec![content],
    })
}

/// Cuts a report's content spans at word `close`.
fn end_contents(f: &mut Found<'_>, close: usize) {
    f.content.retain(|c| c.start < close);
    for c in &mut f.content {
        c.end = c.end.min(close);
    }
}

/// A finite auxiliary or modal: "is", "was", "has", "will", "could" ...
fn is_finite_aux(lower: &str) -> bool {
    matches!(
        lower,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
    )
}

/// "[Her claim] [that the vote was rigged] has been rejected", "[Sanders's claim] [that he
/// still has a way] would depend on ...": an owned noun opening its sentence is the
/// subject, so its "that" clause ends at the main verb: a finite auxiliary or modal after
/// the clause's own one, right after a lowercase word that is no pronoun (a pronoun there
/// is a new clause's subject). A word that could open a clause of its own in between
/// ("and", a comma, "who", "than") leaves the content whole.
fn subject_clause_end(words: &[Word<'_>], content: Phrase) -> usize {
    let mut seen_verb = false;
    for k in content.start + 1..content.end {
        let w = &words[k];
        if !w.is_word() || w.inside || OPENS_CLAUSE.contains(&w.lower()) {
            return content.end;
        }
        let prev = &words[k - 1];
        if seen_verb
            && is_finite_aux(w.lower())
            && !prev.is_capitalized()
            && !matches!(
                prev.lower(),
                "he" | "she" | "it" | "they" | "we" | "i" | "you" | "there"
            )
        {
            return k;
        }
        if seen_verb && past_main_verb(words, k, content.end) {
            return k;
        }
        seen_verb |= is_finite_aux(w.lower());
    }
    content.end
}

/// "[His claim] [that a further dollar fall could be counter-productive] aided the
/// currency": after the clause's own finite verb group has ended in a content word, a plain
/// past tense in "-ed" with a determiner after it is the main verb. A word of the verb group
/// before it ("had never visited the", "could be badly hurt the") keeps it in the clause.
fn past_main_verb(words: &[Word<'_>], k: usize, end: usize) -> bool {
    let w = words[k].lower();
    let prev = &words[k - 1];
    w.len() > 4
        && w.ends_with("ed")
        && !w.ends_with("eed")
        && !words[k].is_capitalized()
        && prev.is_word()
        && !prev.is_capitalized()
        && !prev.lower().ends_with("ly")
        && !VERB_GROUP.contains(&prev.lower())
        && k + 1 < end
        && DETERMINERS.contains(&words[k + 1].lower())
}

/// Words inside a verb group: after one, an "-ed" form is its participle, not a new verb.
const VERB_GROUP: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having", "will",
    "would", "could", "can", "may", "might", "should", "must", "not", "never", "also", "already",
    "just", "ever", "still", "get", "got", "gotten", "become", "became", "he", "she", "it", "they",
    "we", "i", "you", "there", "to",
];

/// Determiners that open the object of a main verb.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those",
];

/// Words that open a clause inside a "that" clause ("than markets had expected", "the
/// people who have lost").
const OPENS_CLAUSE: &[&str] = &[
    "and", "or", "but", "who", "which", "that", "than", "as", "if", "when", "because", "since",
    "while", "after", "before", "until", "unless", "where", "what", "whether", "though",
    "although",
];

/// A passive cue with its agent after "by": the agent is the source and the subject the
/// content ("The plan was criticized by [Miller]", "the law, opposed by [Democrats],",
/// "a practice criticized by [civil rights advocates]", "The campaign, first reported by
/// [The Washington Post],"); an addressee verb takes the "that" clause after the agent
/// instead ("was warned by the Russian government [that he was a threat]"). Not a cue
/// with another passive sense or a physical one ("charged by", "attacked by"), nor a weak
/// cue without an object frame ("the prices offered by suppliers"), nor an agent that is
/// a time, an amount or a manner ("by Tuesday", "by 5 percent", "by far").
fn passive_by<'l>(
    lex: &Lexicon,
    words: &[Word<'_>],
    cue: &CueAt<'l>,
    next_cue: usize,
) -> Option<Found<'l>> {
    let flags = cue.entry.flags;
    if cue.entry.participle
        || (flags.weak && !flags.np)
        || flags.sense
        || flags.place
        || flags.prep
        || flags.adverb
        || flags.raise
        || flags.in_document
        || words.get(cue.words.end)?.lower() != "by"
        || cue.words.start == 0
    {
        return None;
    }
    let last = words[cue.words.end - 1].lower();
    if !(last.ends_with("ed")
        || last.ends_with("en")
        || matches!(last, "told" | "thought" | "sought" | "held"))
    {
        return None;
    }
    let agent_at = cue.words.end + 1;
    let first = words.get(agent_at)?;
    if !first.is_word()
        || first.lower().ends_with("ing")
        || is_time_word(first.lower())
        || matches!(
            class(lex, words, agent_at),
            Class::Number | Class::Prep | Class::Break
        )
        || matches!(
            first.lower(),
            "far"
                | "then"
                | "now"
                | "themselves"
                | "itself"
                | "himself"
                | "herself"
                | "hand"
                | "mail"
                | "phone"
        )
    {
        return None;
    }
    let source = source_right(lex, words, agent_at)?;
    let head = words[source.core.end - 1].lower();
    if is_time_word(head)
        || matches!(
            head,
            "end" | "time" | "way" | "margin" | "percent" | "points" | "votes"
        )
        || words[source.core.start..source.core.end]
            .iter()
            .any(|w| w.text.starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    let content = if flags.obj {
        let at = source.span.end;
        if words.get(at)?.lower() != "that" {
            return None;
        }
        run_to_end(lex, words, at, next_cue)?
    } else {
        // The subject: before the auxiliaries ("was first reported"), or before the comma
        // of a reduced relative ("The law, opposed by").
        let mut h = cue.words.start;
        let mut aux = false;
        while h > 0
            && (matches!(
                words[h - 1].lower(),
                "was"
                    | "were"
                    | "is"
                    | "are"
                    | "been"
                    | "be"
                    | "being"
                    | "has"
                    | "have"
                    | "had"
                    | "also"
                    | "then"
                    | "first"
                    | "not"
                    | "never"
                    | "widely"
                    | "strongly"
            ) || (words[h - 1].lower().ends_with("ly") && words[h - 1].is_word()))
        {
            aux |= matches!(
                words[h - 1].lower(),
                "was" | "were" | "is" | "are" | "been" | "be"
            );
            h -= 1;
        }
        let head = if !aux && h >= 2 && words[h - 1].is(",") {
            h - 2
        } else {
            h.checked_sub(1)?
        };
        phrase::left(lex, words, head, 0)?
    };
    Some(Found {
        cue: cue.words,
        lemma: &cue.entry.lemma,
        class: cue.entry.class,
        source: Some(source),
        content: vec![content],
    })
}

/// "It was announced on Monday that the plant would close": the expletive "it" of a
/// passive report names nobody; the that-clause is the content.
fn expletive_passive(words: &[Word<'_>], f: &Found<'_>) -> bool {
    let be = |i: usize| matches!(words[i].lower(), "is" | "was" | "be" | "been" | "being");
    f.source.is_some_and(|s| {
        s.span.end == s.span.start + 1
            && words[s.span.start].lower() == "it"
            && (be(f.cue.start) || (f.cue.start > s.span.end && be(f.cue.start - 1)))
    }) && f
        .content
        .first()
        .is_some_and(|c| words[c.start].lower() == "that")
}

/// "Officials reported [four deaths], and [two more people were killed], a spokeswoman
/// said": when a source after its content would take the report before it (its source
/// before its cue) with its content, the clause after ", and" is the later
/// speaker's and the report before ends at the comma. Each side keeps two words or more.
fn split_at_and(lex: &Lexicon, words: &[Word<'_>], prev: &mut Found<'_>, f: &mut Found<'_>) {
    let ([p], [c]) = (prev.content.as_slice(), f.content.as_slice()) else {
        return;
    };
    let (p, c) = (*p, *c);
    let preposed = prev
        .source
        .is_some_and(|s| s.span.end <= prev.cue.start && p.start >= prev.cue.end);
    let postposed = f.source.is_some_and(|s| s.span.start >= c.end) && c.end <= f.cue.start;
    // "Sumita said [A], and [B], the paper said": after a plain "said" the clause often
    // goes on with the same speaker's words; the later source reports both.
    if p.start != c.start || p.end > c.end || !preposed || !postposed || prev.lemma == "say" {
        return;
    }
    let Some(comma) = (c.start + 2..c.end.saturating_sub(3)).rev().find(|&i| {
        words[i].is(",")
            && !words[i].inside
            && words[i + 1].is_word()
            && words[i + 1].lower() == "and"
    }) else {
        return;
    };
    // The clause after "and" must not be cut by another comma before the source: "and
    // Texas, a spokeswoman said" lists, it does not open a clause. And it opens with a
    // subject: a determiner, a pronoun or an amount ("and two more people were killed"),
    // not a second predicate or object ("and is reluctantly letting", "and marketing").
    let subject = matches!(
        class(lex, words, comma + 2),
        Class::Det | Class::Pronoun | Class::Possessive
    ) || starts_amount(words, comma + 2);
    if !subject || words[comma + 2..c.end].iter().any(|w| w.is(",")) {
        return;
    }
    prev.content[0].end = p.end.min(comma);
    f.content[0].start = comma + 2;
}

/// Whether a one-word cue in its base form follows a singular subject it cannot agree
/// with: "One Tweet Sums Up ..." (a Title Case headline: "Tweet" is a noun), "each claim
/// was checked". A verb after "he", "one" or "each" takes "-s" or a tense ("one says",
/// "he said"), or an auxiliary, which the cue span would hold ("he did not say").
fn disagrees(words: &[Word<'_>], f: &Found<'_>) -> bool {
    let Some(source) = f.source else {
        return false;
    };
    if f.cue.end != f.cue.start + 1 || source.span.end != f.cue.start {
        return false;
    }
    let cue = &words[f.cue.start];
    let subject = &words[source.span.start..source.span.end];
    // "it forecast a record harvest": a past tense spelled as the base form; "important
    // that he express Japan's view": a subjunctive.
    let past_as_base = matches!(
        f.lemma,
        "forecast" | "broadcast" | "put" | "set" | "read" | "bid" | "cast" | "let"
    );
    let subjunctive = source.span.start > 0 && words[source.span.start - 1].lower() == "that";
    // "a clinical bowling show helped ...": a singular noun phrase, not "a number of
    // experts say" or "a man and a woman say".
    // "a third say", "a majority say": a fraction or a collective quantity counts people.
    let quantity = subject.get(1).is_some_and(|w| {
        matches!(
            w.lower(),
            "third"
                | "quarter"
                | "fifth"
                | "half"
                | "majority"
                | "minority"
                | "plurality"
                | "number"
                | "lot"
                | "handful"
                | "dozen"
                | "couple"
                | "few"
        )
    });
    let singular_phrase = subject.len() > 1
        && matches!(subject[0].lower(), "a" | "an" | "each" | "every" | "this")
        && !quantity
        && !subject
            .iter()
            .any(|w| matches!(w.lower(), "of" | "and" | "or"))
        // "A mere 9 percent say": a share counts people ("an 11.9 mln stg loan note"
        // stays singular).
        && !subject
            .iter()
            .any(|w| matches!(w.lower(), "percent" | "%"));
    let singular_word = subject.len() == 1
        && matches!(
            subject[0].lower(),
            "he" | "she"
                | "it"
                | "one"
                | "each"
                | "another"
                | "either"
                | "neither"
                | "everyone"
                | "everybody"
                | "someone"
                | "somebody"
                | "nobody"
        );
    cue.lower() == f.lemma && !past_as_base && !subjunctive && (singular_word || singular_phrase)
}

/// Whether an amount starts at word `i` ("$2.2 billion", "200", "a dozen", "half"), so
/// that an "about" before it is an approximation ("said about $2.2 billion ..."), not a
/// topic: the figure stays in the content.
fn starts_amount(words: &[Word<'_>], i: usize) -> bool {
    let Some(w) = words.get(i) else {
        return false;
    };
    let number_word = |lower: &str| {
        two_to_ten(lower)
            || matches!(
                lower,
                "one"
                    | "eleven"
                    | "twelve"
                    | "fifteen"
                    | "twenty"
                    | "thirty"
                    | "forty"
                    | "fifty"
                    | "sixty"
                    | "seventy"
                    | "eighty"
                    | "ninety"
                    | "hundred"
                    | "hundreds"
                    | "thousand"
                    | "thousands"
                    | "million"
                    | "millions"
                    | "billion"
                    | "billions"
                    | "dozen"
                    | "dozens"
                    | "half"
                    | "third"
                    | "quarter"
            )
    };
    if w.text
        .starts_with(|c: char| c.is_ascii_digit() || "$£€¥".contains(c))
    {
        return true;
    }
    w.is_word()
        && (number_word(w.lower())
            || (matches!(w.lower(), "a" | "an")
                && words
                    .get(i + 1)
                    .is_some_and(|n| n.is_word() && number_word(n.lower()))))
}

/// Moves the content's edges to where news annotation (PolNeAR, PARC) puts them: a topic
/// after "about" starts after it ("asked about [his plans]"); a sentence-opening
/// conjunction is not reported ("But [the plan failed], he said"); a relative pronoun
/// standing for the reported subject is ("..., [which he said had harmed the economy]");
/// an addressee or adverbial before a complementizer is not ("told an Iowa audience [that
/// ...]", "said at the time [that ...]"); a report in a fronted subordinate clause ends
/// with the clause ("After Obama announced [that ...], U.S. forces bombed ...").
fn content_edges(lex: &Lexicon, words: &[Word<'_>], addressee: bool, f: &mut Found<'_>) {
    let source_start = f.source.map(|s| s.span.start);
    let cue = f.cue;
    let Some(first) = f.content.first_mut() else {
        return;
    };
    let plain = |i: usize| words.get(i).is_some_and(|w| w.is_word() && !w.inside);
    if plain(first.start)
        && words[first.start].lower() == "about"
        && first.end > first.start + 1
        && first.start >= cue.end
        && !starts_amount(words, first.start + 1)
    {
        first.start += 1;
        return;
    }
    if first.start >= cue.end
        && let Some(comma) = fronted_clause_end(words, cue)
        && first.start < comma
        && first.end > comma + 1
    {
        first.end = comma;
    }
    if first.start >= cue.end
        && plain(first.start)
        && let Some(t) = that_ahead(lex, words, addressee, *first)
    {
        first.start = t;
        return;
    }
    if first.start == 0
        && plain(0)
        && matches!(words[0].lower(), "but" | "and" | "yet" | "so")
        && first.end > 2
    {
        first.start = 1;
        while first.start + 1 < first.end && words[first.start].is(",") {
            first.start += 1;
        }
        return;
    }
    if let Some(s) = source_start
        && s > 0
        && s < cue.start
        && first.start >= cue.end
        && plain(s - 1)
        && words[s - 1].lower() == "which"
    {
        // "oil, [which] analysts estimate [account for half of its revenue]": the relative
        // word stands for the content's subject; the speaker and the cue between are not
        // what was said. After a preposition ("in which he said") it is no such subject.
        if s > 1 && class(lex, words, s - 2) == Class::Prep {
            first.start = s - 1;
        } else {
            f.content.insert(
                0,
                Phrase {
                    start: s - 1,
                    end: s,
                },
            );
        }
    }
}

/// The comma closing a fronted subordinate clause that holds the cue: "After Obama
/// announced [that the war would not end on his watch], U.S. forces bombed ...", "While he
/// insisted [that he never said it], that was the implication". The sentence opens with
/// the subordinator (after an optional "But" or "And"), and the first comma outside
/// quotation marks comes after the cue.
fn fronted_clause_end(words: &[Word<'_>], cue: Phrase) -> Option<usize> {
    let mut k = 0;
    if words
        .first()
        .is_some_and(|w| matches!(w.lower(), "but" | "and" | "yet" | "so"))
    {
        k = 1;
    }
    // "A few weeks after", "Minutes after", "Shortly before", "Even though": a measure of
    // time or an adverb before the subordinator.
    while k < 4
        && words.get(k).is_some_and(|w| {
            w.is_word()
                && matches!(
                    w.lower(),
                    "a" | "few"
                        | "several"
                        | "two"
                        | "three"
                        | "moments"
                        | "minutes"
                        | "hours"
                        | "days"
                        | "weeks"
                        | "months"
                        | "years"
                        | "shortly"
                        | "just"
                        | "only"
                        | "soon"
                        | "long"
                        | "even"
                )
        })
    {
        k += 1;
    }
    let opens = words.get(k).is_some_and(|w| {
        matches!(
            w.lower(),
            "after"
                | "while"
                | "although"
                | "though"
                | "when"
                | "because"
                | "since"
                | "before"
                | "until"
                | "once"
                | "whereas"
                | "if"
        )
    });
    if !opens || cue.start <= k + 1 {
        return None;
    }
    let comma = (k + 1..words.len().min(k + 40)).find(|&i| words[i].is(",") && !words[i].inside)?;
    // A comma before the cue belongs to the clause's own subject or an aside.
    (comma >= cue.end && words[k + 1..comma].iter().all(|w| w.quote().is_none())).then_some(comma)
}

/// A complementizer a few words into a content that does not open with it: "told an Iowa
/// audience [that the Islamic State ...]", "expressed concern [that even some ...]", "told
/// voters here Sunday [that he would ...]". The words before it are plain (no
/// punctuation, quotation, cue, auxiliary or clause break), and a clause follows it (not
/// "that is", a relative pronoun before a verb).
fn that_ahead(lex: &Lexicon, words: &[Word<'_>], addressee: bool, p: Phrase) -> Option<usize> {
    let w0 = &words[p.start];
    // An addressee ("told an Iowa audience") or an adverbial ("said at the time", "told
    // voters here Sunday", "wrote in his 1990 autobiography"); not a noun the clause
    // completes ("the idea that", "accusations that": PolNeAR keeps those in the content).
    let adverbial = (class(lex, words, p.start) == Class::Prep && w0.lower() != "of")
        || is_time_word(w0.lower())
        || (w0.lower().len() > 4 && w0.lower().ends_with("ly"))
        || how_often(words, p.start);
    if !addressee && !adverbial {
        return None;
    }
    let limit = p.end.min(p.start + THAT_AHEAD + 1);
    let t = (p.start + 1..limit).find(|&i| words[i].lower() == "that")?;
    let plain = words[p.start..t].iter().enumerate().all(|(k, w)| {
        w.is_word()
            && !w.inside
            && !w.cue
            && !matches!(class(lex, words, p.start + k), Class::Aux | Class::Break)
    });
    // "that appeared to ...", "that is": a relative pronoun before its verb.
    let clause = words.get(t + 1).is_some_and(|w| {
        w.is_word()
            && !w.lower().ends_with("ed")
            && !matches!(class(lex, words, t + 1), Class::Aux | Class::Break)
    });
    (plain && clause && t + 3 < p.end).then_some(t)
}

/// Most words between a content's start and a complementizer that [`that_ahead`] moves it to.
const THAT_AHEAD: usize = 6;

/// A reporting adverb: the clause around it is the content, in two parts around the cue,
/// and no source is named ("[The FBI is] reportedly [making arrangements to interview
/// Hillary Clinton]", "Reportedly, [he made ISIS-sympathetic comments]"). The clause starts
/// after the nearest punctuation, quotation mark or clause word before the cue.
fn adverb<'l>(
    lex: &Lexicon,
    words: &[Word<'_>],
    cue: &CueAt<'l>,
    next_cue: usize,
) -> Option<Found<'l>> {
    let mut start = cue.words.start;
    while start > 0 {
        let w = &words[start - 1];
        if !w.is_word()
            || matches!(
                w.lower(),
                "that" | "and" | "but" | "or" | "which" | "who" | "while" | "because" | "as"
            )
        {
            break;
        }
        start -= 1;
    }
    // "Trump reportedly said, ...", "reportedly has told aides": the report is the verb's,
    // with its own source and content.
    let verb_cue = |i: usize| words.get(i).is_some_and(|w| w.cue);
    if verb_cue(cue.words.end)
        || (class(lex, words, cue.words.end) == Class::Aux && verb_cue(cue.words.end + 1))
    {
        return None;
    }
    let mut from = cue.words.end;
    if words.get(from).is_some_and(|w| w.is(",")) && start == cue.words.start {
        from += 1;
    }
    let mut right = run_to_end(lex, words, from, next_cue)?;
    // "its affiliates, who reportedly hold 7.4 pct of the shares, tried to ...": a relative
    // clause ends at its comma.
    if start > 0
        && matches!(words[start - 1].lower(), "who" | "which")
        && let Some(comma) =
            (right.start..right.end).find(|&i| words[i].is(",") && !words[i].inside)
    {
        right.end = comma;
    }
    if word_count(words, right) < 2 {
        return None;
    }
    let mut content = Vec::with_capacity(2);
    if start < cue.words.start {
        content.push(Phrase {
            start,
            end: cue.words.start,
        });
    }
    content.push(right);
    Some(Found {
        cue: cue.words,
        lemma: &cue.entry.lemma,
        class: cue.entry.class,
        source: None,
        content,
    })
}

/// The start of a verb taking the cue as its infinitive ("He [continued to insist] that
/// ...", "Clinton is [trying to show] that ...", "Republicans [tend to favor] ..."): the
/// cue span runs from it, as PolNeAR annotates, and its subject is the source. Not a cue
/// that reports by itself (`reports`: "refused to say" reports with "refused"), nor a noun after a determiner ("a
/// chance to argue", "the right to say").
fn matrix_verb(
    lex: &Lexicon,
    words: &[Word<'_>],
    cue: usize,
    reports: impl Fn(usize) -> bool,
) -> Option<usize> {
    let m = cue.checked_sub(2)?;
    let w = &words[m];
    if words[m + 1].lower() != "to"
        || !w.is_word()
        || (w.cue && reports(m))
        || w.inside
        || w.is_capitalized()
        || !matches!(class(lex, words, m), Class::Other | Class::Aux)
    {
        return None;
    }
    // A verb form, or a word after an auxiliary ("is eager to attack", "tend to favor"
    // after "they"); a noun before a purpose clause is neither ("a speech to defend",
    // "told staffers to promise").
    let lower = w.lower();
    let before = m.checked_sub(1)?;
    let after_aux = matches!(class(lex, words, before), Class::Aux | Class::Pronoun);
    // An "-ing" form is a verb only after an auxiliary ("is trying to"): "an informal
    // meeting to discuss" is a noun.
    let verb_form = lower.ends_with("ed") || (lower.ends_with("ing") && after_aux);
    if !(verb_form || after_aux)
        || matches!(
            class(lex, words, before),
            Class::Det | Class::Possessive | Class::Prep | Class::Number
        )
    {
        return None;
    }
    // "It is hard to see ...", "it is important to note": nobody is the subject.
    let mut s = before + 1;
    while s > 0 && class(lex, words, s - 1) == Class::Aux {
        s -= 1;
    }
    if s > 0
        && matches!(
            words[s - 1].lower(),
            "it" | "it's" | "it\u{2019}s" | "there"
        )
    {
        return None;
    }
    Some(m)
}

/// Whether a comma precedes word `at`, also inside a closing quotation mark ("... the
/// Republican party,” claiming that ...").
/// The antecedent before ", who" at `who` (no further left than `floor`) as the source of a
/// cue whose subject gap follows a relative clause ending at `end`, right before the comma
/// at `h - 1`.
fn relative_antecedent(
    lex: &Lexicon,
    words: &[Word<'_>],
    floor: usize,
    who: usize,
    end: usize,
    h: usize,
) -> Option<Source> {
    if h == 0 || end + 1 != h || !words[h - 1].is(",") {
        return None;
    }
    let antecedent = phrase::left_of(lex, words, who - 1, floor)?;
    Some(Source {
        span: antecedent,
        core: antecedent,
        apposition: None,
        antecedent: None,
    })
}

/// The antecedent of the comma-opened relative clause ("X, who ...") that `at` lies in:
/// the nearest ", who" or ", which" before it with no comma or clause end between.
fn enclosing_relative(lex: &Lexicon, words: &[Word<'_>], at: usize) -> Option<Phrase> {
    phrase::left_of(lex, words, relative_opening(words, at)? - 1, 0)
}

/// The closing comma of the relative clause on a subject ("the plan, which critics called
/// reckless, was approved") that word `at` lies in.
fn in_relative_on_subject(words: &[Word<'_>], at: usize) -> Option<usize> {
    relative_opening(words, at).and_then(|who| relative_on_subject(words, who - 1))
}

/// The "who" or "which" after a comma that opens the relative clause word `at` lies in.
fn relative_opening(words: &[Word<'_>], at: usize) -> Option<usize> {
    (at.saturating_sub(20).max(1)..at)
        .rev()
        .take_while(|&i| !words[i].is(",") && !is_clause_end(&words[i]))
        .find(|&i| matches!(words[i].lower(), "who" | "which") && words[i - 1].is(","))
}

/// Where a display verb's subject starts: before an "of" phrase the source scan took as
/// the head ("A video of [the incident] shows").
fn display_subject_start(words: &[Word<'_>], span: Phrase) -> usize {
    if span.start > 1 && words[span.start - 1].lower() == "of" {
        span.start.saturating_sub(4)
    } else {
        span.start
    }
}

fn after_comma(words: &[Word<'_>], at: usize) -> bool {
    at >= 1
        && (words[at - 1].is(",")
            || (at >= 2 && words[at - 1].quote() == Some(QuoteDir::Close) && words[at - 2].is(",")))
}

/// Whether the one-word "-ing" statement cue follows the object of a preposition with no
/// comma between ("is making a pitch to New York voters saying ...", "was heard on a
/// microphone telling ...", "sent a memo to The Washington Post explaining ..."): the
/// phrase is where or to whom, not who speaks, so the clause's subject does. The phrase
/// keeps the report after "about", "from" or "of" ("interviewed about Pope Francis
/// calling", "a report from Bloomberg saying"), inside a "with" or "including" phrase
/// ("with three in 10 saying"), before a display verb ("videos showing") and when it is a
/// document other than the one the subject speaks in ("declined to comment on a press
/// report saying"; "said in a statement reporting" is the subject's).
fn after_prepositional_object(lex: &Lexicon, words: &[Word<'_>], cue: &CueAt<'_>) -> bool {
    let at = cue.words.start;
    if at == 0
        || cue.words.end != at + 1
        || !words[at].text.ends_with("ing")
        || cue.entry.flags.display
    {
        return false;
    }
    let phrase_word = |i: usize| {
        words[i].is_word()
            && !words[i].cue
            && matches!(
                class(lex, words, i),
                Class::Cap | Class::Other | Class::Noun | Class::Det | Class::Title | Class::Number
            )
    };
    let mut i = at;
    while i > 0 && at - i < 6 && phrase_word(i - 1) {
        i -= 1;
    }
    if i == at || i == 0 {
        return false;
    }
    let prep = words[i - 1].lower();
    let absolute = (at.saturating_sub(10)..at)
        .rev()
        .take_while(|&k| !words[k].is(","))
        .any(|k| matches!(words[k].lower(), "with" | "including"));
    // "to stop complaining", "to avoid reporting": a bare word after "to" is a verb.
    let infinitive = prep == "to" && class(lex, words, i) == Class::Other;
    let head = words[at - 1].lower();
    let document = crate::owner::is_document(head) && prep != "in";
    !absolute && !infinitive && !document && matches!(prep, "to" | "on" | "at" | "in" | "for")
}

/// Whether the "-ing" cue at `at` follows a preposition or subordinator inside the
/// clause ("picked up by saying he is ready", "..., while saying that ..."): it shares the
/// clause's subject as a participle after a comma does.
fn after_subordinator(words: &[Word<'_>], at: usize) -> bool {
    at >= 2
        && (words[at - 2].is_word() || words[at - 2].is(","))
        && matches!(
            words[at - 1].lower(),
            "by" | "after" | "upon" | "while" | "before" | "when" | "since" | "without"
        )
}

/// Whether the one-word "-ing" cue at `cue` is joined by "and" to an earlier participle of
/// the same clause ("calling them rapists and vowing to ...", "was bracing for defeat and
/// hoping to ...", "by crediting Trump and urging him to ..."): it shares that participle's
/// subject, not the noun right before it. The earlier one opens after a comma, a
/// subordinator or "be"; no other cue and no punctuation but commas stand between.
fn coordinated_participle(lex: &Lexicon, words: &[Word<'_>], cue: Phrase) -> bool {
    let at = cue.start;
    if at < 3 || cue.end != at + 1 || words[at - 1].lower() != "and" {
        return false;
    }
    for i in (at.saturating_sub(30)..at - 1).rev() {
        let w = &words[i];
        if !w.is_word() && !w.is(",") {
            return false;
        }
        let lower = w.lower();
        // The earlier participle has words of its own before "and" (not a list of bare
        // verbs: "defining, acquiring and supporting automatic testing"), and "including"
        // opens a list of nouns ("including low interest rates and promising growth").
        let joined = lower.len() > 4
            && lower.ends_with("ing")
            && i + 2 < at
            && lower != "including"
            && (after_comma(words, i)
                || after_subordinator(words, i)
                || progressive(lex, words, i));
        if joined {
            return true;
        }
        if w.cue {
            return false;
        }
    }
    false
}

/// Whether the one-word "-ing" cue at `cue` modifies the noun after it inside a noun
/// phrase ("a creative writing professor", "his speaking tour"): a determiner or
/// possessive before it, at most one modifier between, and a plain word after it.
fn noun_modifier(lex: &Lexicon, words: &[Word<'_>], cue: Phrase) -> bool {
    if cue.end != cue.start + 1 || cue.start == 0 {
        return false;
    }
    let opens = |i: usize| matches!(class(lex, words, i), Class::Det | Class::Possessive);
    let before = opens(cue.start - 1)
        || (cue.start >= 2
            && class(lex, words, cue.start - 1) == Class::Other
            && opens(cue.start - 2));
    let noun_after = words.get(cue.end).is_some_and(|w| {
        w.is_word() && !w.cue && matches!(class(lex, words, cue.end), Class::Noun | Class::Other)
    }) && !matches!(words[cue.end].lower(), "that" | "to" | "about");
    before && noun_after
}

/// A question reported without its asker: "Asked whether he would run, Smith said no",
/// "when asked about the deal". No source; the content is the question, up to the comma.
fn asked<'l>(words: &[Word<'_>], cue: &CueAt<'l>) -> Option<Found<'l>> {
    // "asked about" is its own lexicon form; its question starts at "about".
    let about = cue.entry.lemma == "ask about";
    if !(cue.entry.flags.obj && cue.entry.lemma == "ask" || about) {
        return None;
    }
    let at = cue.words.start;
    let verb_end = if about { at + 1 } else { cue.words.end };
    let opens = at == 0
        || words.get(at - 1).is_some_and(|w| {
            !w.is_word()
                || matches!(
                    w.lower(),
                    "when" | "after" | "while" | "once" | "if" | "was" | "were" | "being" | "been"
                )
        });
    let question = words.get(verb_end).is_some_and(|w| {
        matches!(
            w.lower(),
            "whether"
                | "if"
                | "what"
                | "why"
                | "how"
                | "who"
                | "which"
                | "when"
                | "where"
                | "about"
        )
    });
    if !opens {
        return None;
    }
    let (start, source) = if question {
        (verb_end, None)
    } else {
        asked_after_setting(words, verb_end)?
    };
    let mut end = start;
    while end < words.len()
        && (!words[end].is(",") || words[end].inside)
        && !is_clause_end(&words[end])
    {
        end += 1;
    }
    let content = trim(words, Phrase { start, end })?;
    Some(Found {
        cue: Phrase {
            start: at,
            end: verb_end,
        },
        lemma: &cue.entry.lemma,
        class: cue.entry.class,
        source,
        content: vec![content],
    })
}

/// The question of an "asked" with words between the verb and the question: an adverb
/// ("Asked specifically what ..."), an asker ("Asked by Starnes if ...", the source) or a
/// setting ("Asked during a January debate why ...", "when asked at the conference about
/// the merger"). Up to eight words, none of them punctuation or a cue; "who", "which",
/// "when" and "where" are left out here, since after a noun they open a relative clause
/// ("asked by reporters who ..."). Returns the question's first word and the asker.
fn asked_after_setting(words: &[Word<'_>], from: usize) -> Option<(usize, Option<Source>)> {
    let first = words.get(from)?;
    let lower = first.lower();
    let adverb = lower.ends_with("ly") || matches!(lower, "again" | "later");
    let by = lower == "by";
    let setting = matches!(lower, "during" | "at" | "in" | "on" | "after");
    if !(adverb || by || setting) {
        return None;
    }
    let q = (from + 1..words.len().min(from + 9))
        .take_while(|&k| words[k].is_word() && !words[k].cue)
        .find(|&k| {
            matches!(
                words[k].lower(),
                "whether" | "if" | "what" | "why" | "how" | "about"
            )
        })?;
    // The adverb stands alone before the question.
    if adverb && q != from + 1 {
        return None;
    }
    let source = by.then(|| {
        // "Asked by Ingraham on Thursday about ...": the asker ends before a setting.
        let end = (from + 1..q)
            .find(|&k| {
                matches!(words[k].lower(), "on" | "at" | "in" | "during")
                    || is_time_word(words[k].lower())
            })
            .unwrap_or(q);
        let asker = Phrase {
            start: from + 1,
            end,
        };
        Source {
            span: asker,
            core: asker,
            apposition: None,
            antecedent: None,
        }
    });
    Some((q, source.filter(|s| s.span.end > s.span.start)))
}

/// Whether the "-ing" cue at `at` is a progressive: a form of "be" before it, adverbs
/// aside ("is still seeking", "are planning").
fn progressive(lex: &Lexicon, words: &[Word<'_>], at: usize) -> bool {
    let mut i = at;
    while i > 0 {
        let w = &words[i - 1];
        match w.lower() {
            "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am" => return true,
            _ if class(lex, words, i - 1) == Class::Aux && w.lower().ends_with("ly") => i -= 1,
            "still" | "also" | "now" | "not" | "already" | "actively" => i -= 1,
            _ => return false,
        }
    }
    false
}

/// A speaker label: a short name or descriptor opening the sentence, a colon, then what
/// they said (`Bush: "The mission is to destroy ISIS."`, `Q: Did the service help?`).
fn colon(lex: &Lexicon, words: &[Word<'_>]) -> Option<Found<'static>> {
    let Some(colon) = words.iter().take(7).position(|w| w.is(":")) else {
        return dash_label(lex, words);
    };
    // "Said Trump: ..." is the fronted cue's report (`fronted`), not a label.
    if fronted_form(words, 0, 1) {
        return None;
    }
    if colon == 0
        || word_count(
            words,
            Phrase {
                start: colon + 1,
                end: words.len(),
            },
        ) < 2
    {
        return None;
    }
    // "Q:" and "A:" in an interview are labels, though "A" is also a determiner.
    let letter = colon == 1
        && words[0].text.len() == 1
        && words[0].text.starts_with(|c: char| c.is_ascii_uppercase());
    let core = if letter {
        Phrase { start: 0, end: 1 }
    } else {
        phrase::right(lex, words, 0, colon)?
    };
    // Capitalized, apart from listed head nouns ("Clinton camp:").
    let capitalized = words[..colon]
        .iter()
        .enumerate()
        .filter(|(_, w)| w.is_word())
        .all(|(i, w)| {
            w.is_capitalized()
                || class(lex, words, 0) == Class::Det
                || !w.text.starts_with(char::is_lowercase)
                || (i > 0 && class(lex, words, i) == Class::Noun)
        });
    // "The Latest: ...", "Question: ...": a determiner or a kicker word is no speaker.
    let kicker = (class(lex, words, core.start) == Class::Det && !letter)
        || lex.is_not_label(words[core.end - 1].lower());
    if core.end != colon || !capitalized || kicker {
        return None;
    }
    labelled(lex, words, core, colon)
}

/// A label after a dash, quoting a source (live-blog and roundup style): `But polls did
/// predict the caucus - HuffPollster: “While the Iowa caucuses ...”`. The name is
/// capitalized, short, and a quotation opens right after the colon.
fn dash_label(lex: &Lexicon, words: &[Word<'_>]) -> Option<Found<'static>> {
    let dash = words.iter().position(is_dash)?;
    let colon = dash + 1 + words[dash + 1..].iter().take(7).position(|w| w.is(":"))?;
    if colon == dash + 1
        || words.get(colon + 1).and_then(Word::quote) != Some(QuoteDir::Open)
        || !words[dash + 1].is_capitalized()
    {
        return None;
    }
    let mut core = phrase::right(lex, words, dash + 1, colon)?;
    // "Mark Blumenthal and Jon Cohen:".
    if core.end + 1 < colon
        && words[core.end].lower() == "and"
        && let Some(second) = phrase::right(lex, words, core.end + 1, colon)
    {
        core.end = second.end;
    }
    if core.end != colon
        || words[core.start..core.end].iter().any(|w| {
            w.is_word()
                && !w.is_capitalized()
                && class(lex, words, core.start) != Class::Det
                && !matches!(w.lower(), "and" | "of")
        })
        || lex.is_not_label(words[core.end - 1].lower())
    {
        return None;
    }
    labelled(lex, words, core, colon)
}

/// A statement by the label `core` ending at `colon`, running to the sentence end.
fn labelled(
    lex: &Lexicon,
    words: &[Word<'_>],
    core: Phrase,
    colon: usize,
) -> Option<Found<'static>> {
    let content = run_to_end(lex, words, colon + 1, words.len())?;
    Some(Found {
        cue: Phrase {
            start: colon,
            end: colon + 1,
        },
        lemma: ":",
        class: AttributionClass::Statement,
        source: Some(Source {
            span: core,
            core,
            apposition: None,
            antecedent: None,
        }),
        content: vec![content],
    })
}

/// A dash between words: em or en dash, a double hyphen, or a hyphen standing alone.
fn is_dash(w: &Word<'_>) -> bool {
    matches!(w.text, "\u{2014}" | "\u{2013}" | "--" | "-")
}

fn is_clause_end(w: &Word<'_>) -> bool {
    matches!(
        w.text,
        "." | "!" | "?" | ";" | "\u{2014}" | "\u{2013}" | "--"
    )
}

/// Trims trailing punctuation (but not closing quotes, nor a bracket closing one opened
/// inside: "wrote [an op-ed urging ... Partnership (TPP)]") and leading commas and colons.
fn trim(words: &[Word<'_>], mut p: Phrase) -> Option<Phrase> {
    while p.end > p.start && words[p.end - 1].kind == crate::words::WordKind::Punct {
        let last = &words[p.end - 1];
        if (last.is(")") && opened(words, p, "(")) || (last.is("]") && opened(words, p, "[")) {
            break;
        }
        // A unit sign glued to its number belongs to the amount ("Oil prices fell 2%, LSEG
        // data showed" is about 2%, not 2).
        if matches!(last.text, "%" | "\u{2030}" | "\u{b0}")
            && p.end - 1 > p.start
            && words[p.end - 2].end == last.start
        {
            break;
        }
        p.end -= 1;
    }
    while p.start < p.end && matches!(words[p.start].text, "," | ":" | ";") {
        p.start += 1;
    }
    (p.end > p.start).then_some(p)
}

/// Whether the phrase `p` (its last word a closing bracket) opens the bracket `open` inside.
fn opened(words: &[Word<'_>], p: Phrase, open: &str) -> bool {
    words[p.start..p.end - 1].iter().any(|w| w.is(open))
}

/// Content running from `start` to the clause end: the sentence end, a dash or semicolon
/// outside quotation marks, or a comma right before the next cue.
/// Words that end a short source phrase.
const PREPOSITIONS: [&str; 8] = ["of", "in", "for", "by", "as", "under", "on", "with"];

/// ", a move economists warn could raise prices", ", a number that analysts say understates
/// the toll": an apposition at `at` naming what was said and holding its own report (a
/// cue within a few words, after a source) is that source's statement, not more content.
fn apposed_report(words: &[Word<'_>], at: usize) -> bool {
    let is = |i: usize, f: &dyn Fn(&Word<'_>) -> bool| words.get(i).is_some_and(f);
    if !is(at, &|w| matches!(w.lower(), "a" | "an"))
        || !is(at + 1, &|w| w.is_word() && !w.is_capitalized() && !w.cue)
    {
        return false;
    }
    let mut k = at + 2;
    if is(k, &|w| matches!(w.lower(), "that" | "which")) {
        k += 1;
    }
    // The source: one to four words, none a cue nor a preposition ("an associate of Marcos
    // known as"), then the cue.
    let source = words[k.min(words.len())..]
        .iter()
        .take(5)
        .position(|w| !w.is_word() || w.cue || PREPOSITIONS.contains(&w.lower()));
    matches!(source, Some(n) if n >= 1 && is(k + n, &|w| w.cue))
}

fn run_to_end(lex: &Lexicon, words: &[Word<'_>], start: usize, next_cue: usize) -> Option<Phrase> {
    let quoted = |i: usize| words.get(i).is_some_and(|w| w.inside);
    // Content runs past later cues, so without a bound a "sentence" of thousands of cues
    // and no punctuation (a page's text run together) costs cues × words: 1 MB of
    // "officials said several hundred" took minutes (fuzz target blowup). No reported
    // clause is this long; real sentences end long before.
    let last = words.len().min(start.saturating_add(MAX_CONTENT_WORDS));
    let mut end = start;
    while end < last {
        let w = &words[end];
        // Every test below needs punctuation, "and" or "but": other words continue the
        // content.
        if w.is_word() && !matches!(w.lower(), "and" | "but" | "while" | "whereas") {
            end += 1;
            continue;
        }
        // "nearly 25 million people — half the population — face acute hunger": an aside
        // between two dashes inside the clause, which goes on after it.
        if end > start
            && !quoted(end)
            && let Some(close) = dash_aside(lex, words, end, next_cue)
        {
            end = close + 1;
            continue;
        }
        // "that the administration of Donald Trump, who has pledged to pull out, could
        // make it harder": a relative clause on the content's subject, whose verb follows.
        if end > start
            && !quoted(end)
            && let Some(close) = relative_on_subject(words, end)
        {
            end = close + 1;
            continue;
        }
        if end > start && is_clause_end(w) && !quoted(end) {
            // A period followed by more words outside a quotation ends the clause; one at
            // the end of the sentence is trimmed below.
            let more = words[end + 1..].iter().any(Word::is_word);
            if !w.is(".") || more {
                break;
            }
        }
        if end + 1 == next_cue && w.is(",") {
            break;
        }
        // ", a figure Reuters could not verify": the reporter's remark on the report.
        if end > start && w.is(",") && !quoted(end) && crate::phrase::remark_at(words, end + 1) {
            break;
        }
        // 'said: "... a mistake," but in fact ...': a quotation opening the content ends
        // where a contrasting clause of the narrator follows its closing mark.
        if w.quote() == Some(QuoteDir::Close)
            && words[start].quote() == Some(QuoteDir::Open)
            && narrator_contrast(words, end + 1)
        {
            end += 1;
            break;
        }
        // A later cue right after a comma (or a comma and a closing quotation mark) starts
        // its own clause even when another cue lies between ("who has refused to endorse
        // Trump, said ...", "who calls Trump a “sociopath,” said ..."): the content stops.
        if end > start && (w.is(",") || is_dash(w)) {
            let next = words.get(end + 1);
            if next.is_some_and(|n| n.cue) && !quoted(end) {
                break;
            }
            // ", last week said", ", later told": time words or adverbs before the cue.
            let mut k = end + 1;
            while k < words.len()
                && k - end <= 3
                && words[k].is_word()
                && !words[k].cue
                && (is_time_word(words[k].lower()) || class(lex, words, k) == Class::Aux)
            {
                k += 1;
            }
            if k > end + 1 && words.get(k).is_some_and(|n| n.cue) && !quoted(end) {
                break;
            }
            if next.is_some_and(|n| n.quote() == Some(QuoteDir::Close))
                && words.get(end + 2).is_some_and(|n| n.cue)
            {
                end += 2;
                break;
            }
        }
        // "called him divisive and accused him ...", "..., but told reporters ...": the next
        // cue coordinated with this one ends this content.
        // The next cue may lie inside this content already ("said they prefer ..., but six
        // in 10 said"): the first cue word ahead stands for it.
        let joint = w.is(",") || matches!(w.lower(), "and" | "but");
        let ahead = if next_cue > end || !joint {
            next_cue
        } else {
            words[end + 1..words.len().min(end + 13)]
                .iter()
                .position(|n| n.cue)
                .map_or(words.len(), |p| end + 1 + p)
        };
        // "said they had met the rebels and expected them to form a government", "says he's
        // proud of his campaign and expects to leave ...": a belief after a bare "and" goes
        // on with the reported clause when that clause opens with its own subject pronoun.
        // Not a request or promise: "said it was monitoring the situation and urged Beijing
        // to act" coordinates with "said".
        let clause_goes_on = w.lower() == "and"
            && words.get(ahead).is_some_and(|n| n.belief)
            && opens_with_pronoun(&words[start]);
        if end > start
            && end < ahead
            && (w.is(",") || matches!(w.lower(), "and" | "but"))
            && coordinates(words, end, ahead)
            && !clause_goes_on
            && !quoted(end)
        {
            break;
        }
        // "..., and people familiar with her thinking say ...", "..., which he argued ...",
        // "..., she said": a new clause with its own source and cue ends this content. Not
        // right after the complementizer: in "say that, because X testified ..., it is"
        // the fronted clause is part of what was said.
        let after_that = end == start + 1 && words[start].lower() == "that";
        if end > start
            && !after_that
            && w.is(",")
            && !quoted(end)
            && new_clause(lex, words, end, ahead)
        {
            break;
        }
        // "... while Sanders suggests ...", "... but he declined to ...": "while",
        // "whereas" or "but" with no comma, before a subject and its own cue, joins two
        // reports; the later one is not part of this content. Not after "that" ("said ...
        // and that while the SEC is considering ..., it"), and not "and", which joins
        // nouns as often ("voters in Tennessee and Virginia want ...").
        if end > start
            && !after_that
            && matches!(w.lower(), "while" | "whereas" | "but")
            && words[end - 1].is_word()
            && words[end - 1].lower() != "that"
            && !quoted(end)
            && let Some(cue_at) = words[end + 1..words.len().min(end + 12)]
                .iter()
                .position(|n| n.cue)
                .map(|p| end + 1 + p)
            && new_clause(lex, words, end - 1, cue_at)
        {
            break;
        }
        // ", compared with the 30 percent who say ...": a relative clause with its own
        // report after a comma starts a new attribution, not more of this content.
        if end > start && w.is(",") && !quoted(end) {
            let window = &words[end + 1..words.len().min(end + 10)];
            let who = window
                .iter()
                .position(|x| !x.is_word())
                .map_or(window, |p| &window[..p])
                .windows(2)
                .any(|pair| matches!(pair[0].lower(), "who" | "which") && pair[1].cue);
            if who || apposed_report(words, end + 1) {
                break;
            }
        }
        // ", speaking on condition of anonymity", ", who ...": about the source, not content.
        if end > start
            && w.is(",")
            && words
                .get(end + 1)
                .is_some_and(|n| matches!(n.lower(), "speaking" | "who"))
            && !quoted(end)
        {
            break;
        }
        end += 1;
    }
    trim(words, Phrase { start, end })
}

/// When the comma at `comma` opens a relative clause (", who ...", ", which ...") that a
/// later comma closes right before a finite auxiliary or modal (", could", ", was"), the
/// closing comma: the clause sits between a subject and its verb.
fn relative_on_subject(words: &[Word<'_>], comma: usize) -> Option<usize> {
    if !words[comma].is(",")
        || !words
            .get(comma + 1)
            .is_some_and(|w| matches!(w.lower(), "who" | "which"))
    {
        return None;
    }
    let close = (comma + 2..words.len().min(comma + 30))
        .take_while(|&i| words[i].is_word() || words[i].is(","))
        .find(|&i| words[i].is(","))?;
    words
        .get(close + 1)
        .is_some_and(|w| is_finite_aux(w.lower()))
        .then_some(close)
}

/// Whether `w` is a subject pronoun, contracted or not ("he", "she'd", "they’re").
fn opens_with_pronoun(w: &Word<'_>) -> bool {
    let lower = w.lower();
    let base = lower.split(['\'', '\u{2019}']).next().unwrap_or(lower);
    w.is_word() && matches!(base, "he" | "she" | "they" | "we" | "i" | "it" | "you")
}

/// When word `open` is a dash opening a short aside that another dash closes and the
/// clause goes on after it ("people — half the population — face hunger"), the closing
/// dash's index. Not when a source and its cue follow the closing dash ("— her campaign
/// said"), nor when a cue lies inside the aside: those report something else.
fn dash_aside(lex: &Lexicon, words: &[Word<'_>], open: usize, next_cue: usize) -> Option<usize> {
    if !matches!(words[open].text, "\u{2014}" | "\u{2013}" | "--") {
        return None;
    }
    let close = (open + 1..words.len().min(open + 16)).find(|&i| {
        !words[i].is_word() && (is_clause_end(&words[i]) || words[i].quote().is_some())
    })?;
    if words[close].text != words[open].text
        || close < open + 2
        || next_cue <= close
        || words[open + 1..close].iter().any(|w| w.cue)
    {
        return None;
    }
    let next = words.get(close + 1)?;
    if !next.is_word() || new_clause(lex, words, close, next_cue) {
        return None;
    }
    Some(close)
}

/// Whether a clause of contrast starts at `at`, after an optional comma ("but", "yet",
/// "although", "though", "whereas", "while").
fn narrator_contrast(words: &[Word<'_>], at: usize) -> bool {
    let at = if words.get(at).is_some_and(|w| w.is(",")) {
        at + 1
    } else {
        at
    };
    words.get(at).is_some_and(|w| {
        matches!(
            w.lower(),
            "but" | "yet" | "although" | "though" | "whereas" | "while"
        )
    })
}

/// Whether the comma at `comma` opens a clause whose subject is followed by the cue at
/// `next_cue`: an optional conjunction or relative pronoun, then a source phrase, then
/// auxiliaries or adverbs ("..., and people familiar with her thinking say", "..., which
/// he argued", "..., she said").
fn new_clause(lex: &Lexicon, words: &[Word<'_>], comma: usize, next_cue: usize) -> bool {
    let mut k = comma + 1;
    if words.get(k).is_some_and(|w| {
        matches!(
            w.lower(),
            "and"
                | "but"
                | "while"
                | "which"
                | "whom"
                | "as"
                | "because"
                | "though"
                | "although"
                | "so"
                | "yet"
                | "where"
                | "when"
                | "after"
        )
    }) {
        k += 1;
    }
    if next_cue <= k || next_cue - k > 10 || next_cue > words.len() {
        return false;
    }
    if words[k..next_cue].iter().any(|w| !w.is_word() || w.inside) {
        return false;
    }
    let h = skip_left_adjuncts(lex, words, next_cue, k);
    h > k && phrase::left(lex, words, h - 1, k).is_some_and(|p| p.start == k)
}

/// Whether the words from `at` up to the cue at `next_cue` only join it to what comes
/// before: commas, "and", "but", auxiliaries and adverbs (", and later said", "but also
/// told").
fn coordinates(words: &[Word<'_>], at: usize, next_cue: usize) -> bool {
    let Some(between) = words.get(at..next_cue) else {
        return false;
    };
    between.len() <= 5
        && between.iter().all(|w| {
            w.is(",")
                || matches!(
                    w.lower(),
                    "and"
                        | "but"
                        | "has"
                        | "have"
                        | "had"
                        | "also"
                        | "then"
                        | "later"
                        | "again"
                        | "would"
                        | "will"
                        | "did"
                        | "not"
                        | "never"
                        | "still"
                        | "even"
                        | "just"
                        | "is"
                        | "was"
                )
                || (w.lower().len() > 4 && w.lower().ends_with("ly"))
        })
}

fn word_count(words: &[Word<'_>], p: Phrase) -> usize {
    words[p.start..p.end].iter().filter(|w| w.is_word()).count()
}

fn has_quote(words: &[Word<'_>], p: Phrase) -> bool {
    words[p.start..p.end].iter().any(|w| w.quote().is_some())
}

/// How the content after a cue was introduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Intro {
    /// "that", a colon or a quotation.
    Explicit,
    /// A to-infinitive or a wh-clause ("declined to comment", "asked whether ...").
    Infinitive,
    /// A bare clause ("said Russia has ...", "polls show he leads").
    Clause,
    /// The object noun phrase ("endorsed Cruz").
    Object,
}

/// Finite verbs and auxiliaries: a subject followed by one of these is a clause.
pub(crate) const FINITE: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "won't",
    "can't",
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "doesn't",
    "didn't",
    "hasn't",
    "haven't",
    "wouldn't",
    "couldn't",
    "shouldn't",
    "won\u{2019}t",
    "can\u{2019}t",
    "isn\u{2019}t",
    "wasn\u{2019}t",
    "aren\u{2019}t",
    "doesn\u{2019}t",
    "didn\u{2019}t",
    "hasn\u{2019}t",
    "haven\u{2019}t",
    "wouldn\u{2019}t",
];

/// Whether the words from `k` look like a clause: a subject pronoun, or a short noun phrase
/// followed by a finite verb ("the plan will fail", "Trump has a lead").
fn looks_like_clause(lex: &Lexicon, words: &[Word<'_>], k: usize) -> bool {
    let Some(first) = words.get(k).filter(|w| w.is_word()) else {
        return false;
    };
    let lower = first.lower();
    // "she'll", "they’re", "it's": a contracted subject pronoun.
    let base = lower.split(['\'', '\u{2019}']).next().unwrap_or(lower);
    if matches!(
        base,
        "he" | "she" | "they" | "we" | "i" | "it" | "you" | "there"
    ) {
        return words.get(k + 1).is_some_and(Word::is_word);
    }
    if !matches!(
        class(lex, words, k),
        Class::Det
            | Class::Cap
            | Class::Title
            | Class::Number
            | Class::Possessive
            | Class::Noun
            | Class::Other
    ) {
        return false;
    }
    let mut joined = false;
    for (i, w) in words.iter().enumerate().skip(k + 1).take(10) {
        if !w.is_word() {
            return false;
        }
        let l = w.lower();
        // "Trump hadn't meant": every negated auxiliary is finite.
        if FINITE.contains(&l) || l.ends_with("n't") || l.ends_with("n\u{2019}t") {
            return true;
        }
        // Not after "and": "knows the president and praised him" joins two predicates.
        if l.len() > 4
            && l.ends_with("ed")
            && i > k
            && !joined
            && class(lex, words, i) == Class::Other
        {
            return true;
        }
        // "believe this provides ...": "this" takes no plural, so a word in "-s" after it
        // is its verb.
        if i == k + 1
            && lower == "this"
            && l.len() > 3
            && l.ends_with('s')
            && !l.ends_with("ss")
            && class(lex, words, i) == Class::Other
        {
            return true;
        }
        // A preposition inside the subject ("the progress on climate change is real",
        // "supporters of the law are") does not end it, nor "and" joining its nouns
        // ("moderate and Catholic Republicans might"); "and" before a verb joins predicates.
        let joins_nouns = matches!(l, "and" | "or")
            && words.get(i + 1).is_some_and(|n| {
                n.is_word() && !matches!(class(lex, words, i + 1), Class::Aux | Class::Break)
            });
        joined |= joins_nouns;
        let inside_subject = joins_nouns
            || matches!(
                l,
                "on" | "in"
                    | "at"
                    | "of"
                    | "for"
                    | "from"
                    | "about"
                    | "over"
                    | "with"
                    | "to"
                    | "by"
                    | "against"
                    | "before"
                    | "between"
                    | "among"
                    | "under"
                    | "into"
                    | "through"
                    | "without"
                    | "during"
            );
        if !inside_subject && matches!(class(lex, words, i), Class::Break | Class::Pronoun) {
            return false;
        }
    }
    false
}

/// Content after a cue (and its object and modifiers), and how it was introduced. A weak
/// cue gets content only in the shapes its flags allow.
fn after(
    lex: &Lexicon,
    words: &[Word<'_>],
    cue: &CueAt<'_>,
    next_cue: usize,
) -> Option<(Phrase, Intro)> {
    let flags = cue.entry.flags;
    if flags.amount {
        return put_at(lex, words, cue.words.end, next_cue);
    }
    let mut j = cue.words.end;
    if flags.obj {
        j = skip_object(lex, words, j);
    }
    if let Some(close) = citing_aside(lex, words, j) {
        j = close + 1;
    }
    let j0 = j;
    let mut k = j;
    // Capitalized words and numbers belong to a modifier only after a preposition ("in
    // Kyiv", "on Dec. 3") or when they name a time ("Tuesday"); otherwise they start the
    // content ("said Russia has ...", and title-case headlines).
    let mut in_phrase = false;
    let mut setting = false;
    while k < words.len() && k - j0 < 12 {
        let w = &words[k];
        let lower = w.lower();
        let modifier = if w.is(",") {
            // ", however, that ...": an interjected adverb.
            let interjection = |i: usize| {
                words
                    .get(i)
                    .is_some_and(|n| matches!(n.lower(), "however" | "though" | "too"))
            };
            interjection(k + 1) || (k > j0 && interjection(k - 1))
        } else {
            w.is_word()
                && lower != "that"
                && (lex.is_modifier(lower)
                    || matches!(lower, "however" | "though")
                    // "said of Apple in February that ...": what it was said about.
                    || (k == j0 && lower == "of" && !flags.weak && !flags.obj)
                    || is_time_word(lower)
                    || (in_phrase && (w.is_capitalized() || class(lex, words, k) == Class::Number))
                    // "suggested to me that", "said to them that".
                    || (in_phrase
                        && k > j0
                        && matches!(words[k - 1].lower(), "to" | "with")
                        && matches!(lower, "me" | "him" | "them" | "us" | "you")))
        };
        if !modifier {
            break;
        }
        if matches!(
            lower,
            "on" | "in" | "at" | "to" | "via" | "during" | "with" | "by"
        ) {
            // "in a 230-page ruling", "on state television": where it was said. Not "to"
            // (an infinitive: "decided to take ... bids that"), "with" or "by".
            setting |= !in_phrase && matches!(lower, "on" | "in" | "at" | "via" | "during");
            in_phrase = true;
        } else if k == j0 && lower == "of" && !flags.weak && !flags.obj {
            setting = true;
            in_phrase = true;
        }
        k += 1;
    }
    if setting {
        k = setting_to_that(lex, words, k, j0 + 12);
    }
    let at = |i: usize| words.get(i);
    // "believes, for example, that ...", "said, in an interview, that ...": an interjected
    // phrase between commas before the complementizer; a relative clause may be longer
    // ("said on CNN, where he is now a paid contributor, that ...").
    let reach = if at(k + 1).is_some_and(|w| matches!(w.lower(), "where" | "which" | "who")) {
        16
    } else {
        7
    };
    if at(k).is_some_and(|w| w.is(",") && !w.inside)
        && let Some(close) = (k + 1..words.len().min(k + reach)).find(|&i| !words[i].is_word())
        && words[close].is(",")
        && close > k + 1
        && !words[k + 1..close].iter().any(|w| w.cue)
        && at(close + 1).is_some_and(|w| w.is_word() && w.lower() == "that")
    {
        k = close + 1;
    }
    let explicit_start = match at(k) {
        // The complementizer belongs to the reported clause, as in PARC-style annotation:
        // "said [that the plan would fail]".
        Some(w) if w.is_word() && w.lower() == "that" => Some(k),
        Some(w) if w.is(":") => Some(k + 1),
        Some(w) if w.is(",") && at(k + 1).and_then(Word::quote) == Some(QuoteDir::Open) => {
            Some(k + 1)
        }
        // "what Zuckerberg called a 'year of efficiency'", "said the "rigged" vote ...": a
        // determiner right before the quotation opens the quoted noun phrase, so the
        // content is the phrase (a partial quote), not the quotation alone.
        Some(w) if w.quote() == Some(QuoteDir::Open) => Some(
            if k > j0 && matches!(words[k - 1].lower(), "a" | "an" | "the") {
                k - 1
            } else {
                k
            },
        ),
        _ => None,
    };
    if let Some(s) = explicit_start {
        return run_to_end(lex, words, s, next_cue)
            .filter(|p| word_count(words, *p) >= 1)
            .map(|p| (p, Intro::Explicit));
    }
    // "asked Obama what he thought", "urged lawmakers to act", "declined to comment".
    let infinitive = |i: usize| {
        at(i).is_some_and(|w| {
            w.is_word()
                && ((flags.obj
                    && matches!(
                        w.lower(),
                        "what" | "why" | "how" | "whether" | "if" | "when" | "where" | "who"
                    ))
                    || (flags.wh
                        && i == cue.words.end
                        && matches!(w.lower(), "what" | "why" | "how" | "whether" | "if"))
                    || ((flags.obj || flags.inf) && w.lower() == "to")
                    // "urged people not to spread rumors", "vowed never to return": a
                    // negated infinitive.
                    || ((flags.obj || flags.inf)
                        && matches!(w.lower(), "not" | "never")
                        && at(i + 1).is_some_and(|n| n.lower() == "to"))
                    // "asked Trump about his statements": the topic is the question.
                    || (flags.obj && i > cue.words.end && w.lower() == "about"))
        })
    };
    // The infinitive may follow the cue at once ("to" is also a modifier word: "told
    // reporters", "spoke to CNN").
    // An addressee the object scan did not read ("asked our followers who ...", "asked
    // the 2016 Democratic White House contender if ..."): a short run of plain words.
    let past_object = || {
        let mut i = cue.words.end;
        while i < words.len()
            && i - cue.words.end < 8
            && words[i].is_word()
            && !words[i].cue
            && !matches!(
                class(lex, words, i),
                Class::Break | Class::Prep | Class::Aux | Class::Pronoun
            )
            // "told Politico the vice president needed to ...": an article after a name
            // opens the reported clause's subject, not more of the addressee.
            && !(i > cue.words.end
                && matches!(words[i].lower(), "the" | "a" | "an")
                && words[i - 1].is_capitalized())
        {
            i += 1;
        }
        (flags.obj && i > j0).then_some(i)
    };
    // "agreed earlier this week to sell": "to" may end the modifier run, before a word the
    // run does not take (not "told in response to a question", "to New York").
    let verb_next = |i: usize| {
        at(i + 1).is_some_and(|n| {
            n.is_word()
                && !n.is_capitalized()
                && !lex.is_modifier(n.lower())
                && class(lex, words, i + 1) != Class::Number
        })
    };
    let inf_at = (j0..=k)
        .find(|&i| infinitive(i) && (i == j0 || verb_next(i)))
        .or_else(|| past_object().filter(|&i| infinitive(i)));
    if let Some(k) = inf_at {
        return run_to_end(lex, words, k, next_cue)
            .map(|p| before_but(words, p))
            .filter(|p| word_count(words, *p) >= 2)
            .map(|p| (p, Intro::Infinitive));
    }
    let weak = flags.weak;
    // "She said, if elected, she would ...": content after a comma right after the cue,
    // unless a participle ("..., adding") or a quotation follows.
    // Not after a passive ("after the winner was declared, told ...") nor when another cue
    // follows the comma.
    let passive = cue.words.start > 0
        && matches!(
            words[cue.words.start - 1].lower(),
            "was" | "were" | "been" | "be" | "being" | "is" | "are"
        );
    // "At least 41 migrants are feared dead": a status of the subject, not an attitude.
    // Only "feared": "were reported missing" is a sourceless report.
    if passive
        && cue.entry.lemma == "fear"
        && at(j0).is_some_and(|w| w.is_word() && STATUSES.contains(&w.lower()))
    {
        return None;
    }
    // A form that is also a noun ("estimates", "claims", "reports") before a comma is the
    // noun ending its phrase: "forecast revenue above Wall Street estimates, as demand ...".
    if k == j0
        && !passive
        && !flags.noun
        && at(k).is_some_and(|w| w.is(","))
        && at(k + 1).is_some_and(|w| w.is_word() && !w.cue && !w.lower().ends_with("ing"))
    {
        // "said, if elected, she will push for ...": the interjected conditional closes at
        // its comma, and the clause after it runs on like one right after the cue.
        let body = interjected_end(words, k + 1).unwrap_or(k + 1);
        return run_to_end(lex, words, body, next_cue)
            .map(|p| Phrase {
                start: k + 1,
                end: p.end,
            })
            .filter(|p| word_count(words, *p) >= 3 && (!weak || has_quote(words, *p)))
            .map(|p| (p, Intro::Clause));
    }
    let modifiers_only = match at(k) {
        None => true,
        Some(w) => is_clause_end(w) || w.is(","),
    };
    if modifiers_only {
        // "have endorsed her.", "criticized her, saying ...": "her" before the clause end
        // is the object pronoun, not a determiner.
        if flags.np && k == j0 + 1 && words[j0].lower() == "her" {
            return Some((Phrase { start: j0, end: k }, Intro::Object));
        }
        return None;
    }
    if !weak {
        if flags.sum
            && amount_at(words, j0)
                .is_some_and(|n| !looks_like_clause(lex, words, n) && adds_up(words, n, next_cue))
        {
            return None;
        }
        // "said in its annual report it expects": the clause after the setting.
        let start = if setting
            && k > j0 + 1
            && class(lex, words, k) == Class::Pronoun
            && !matches!(class(lex, words, k - 1), Class::Prep | Class::Break)
        {
            k
        } else {
            j0
        };
        return run_to_end(lex, words, start, next_cue)
            .filter(|p| word_count(words, *p) >= 2)
            .map(|p| (p, Intro::Clause));
    }
    // "which he believes will make it impossible", "a move that the kingdom hopes will
    // shatter ...": a relative word before the subject is the reported clause's subject,
    // gapped; its verb follows the cue at once.
    // Not a cue that also takes an object, a study or a wh-clause: "the weapons that we
    // found had been abandoned", "people that I know are angry" gap the object.
    if flags.clause
        && !(flags.np || flags.study || flags.wh || flags.as_phrase || flags.display)
        && k == j0
        && relative_gap(lex, words, cue.words.start)
        && at(j0).is_some_and(|w| w.is_word() && FINITE.contains(&w.lower()))
    {
        return run_to_end(lex, words, j0, next_cue)
            .filter(|p| word_count(words, *p) >= 2)
            .map(|p| (p, Intro::Clause));
    }
    // A determiner the modifier scan passed over opens the clause ("think [the plan is
    // real]", "believe [this provides ...]").
    let det_skipped = k > j0
        && words[j0..k]
            .iter()
            .enumerate()
            .all(|(n, _)| matches!(class(lex, words, j0 + n), Class::Det | Class::Possessive));
    // Listed modifier words with no preposition among them may be the clause's subject:
    // "thinks reporters are biased", "believes the meeting was a mistake".
    // Not time words alone: "the dairy regime agreed last night is too complicated".
    let subject_skipped = k > j0
        && !in_phrase
        && words[j0..k].iter().any(|w| !is_time_word(w.lower()))
        && looks_like_clause(lex, words, j0);
    if flags.clause
        && (subject_skipped
            || looks_like_clause(lex, words, k)
            || (det_skipped && looks_like_clause(lex, words, j0)))
    {
        let k = if det_skipped || subject_skipped || k == j0 {
            j0
        } else {
            k
        };
        return run_to_end(lex, words, k, next_cue)
            .filter(|p| word_count(words, *p) >= 2)
            .map(|p| (p, Intro::Clause));
    }
    // An object noun phrase: it starts right after the cue (an addressee aside), not with a
    // preposition or conjunction ("endorsed in 2012", "backed down").
    let opens_np = at(j0).is_some_and(|w| {
        w.is_word()
            && !matches!(
                class(lex, words, j0),
                Class::Break | Class::Prep | Class::Aux
            )
            && !matches!(w.lower(), "down" | "up" | "off" | "out" | "away" | "back")
    }) && !how_often(words, j0);
    // "accused Trump of using divisive rhetoric", "is accused of killing": the addressee the
    // object scan skipped and its "of" phrase are what is charged.
    let of_phrase = flags.obj && at(j0).is_some_and(|w| w.is_word() && w.lower() == "of");
    if flags.np && of_phrase {
        return run_to_end(lex, words, cue.words.end, next_cue)
            .map(|p| before_but(words, p))
            .filter(|p| word_count(words, *p) >= 2)
            .map(|p| (p, Intro::Object));
    }
    // "sees Cruz as a uniter", "saw the program as detrimental": a short object phrase,
    // then "as".
    let as_phrase = || {
        (j0 + 1..words.len().min(j0 + 9))
            .take_while(|&i| {
                words[i].is_word()
                    && !words[i].cue
                    && !words[i].inside
                    && (words[i].lower() == "as"
                        || !matches!(
                            class(lex, words, i),
                            Class::Break | Class::Aux | Class::Pronoun
                        ))
            })
            .any(|i| words[i].lower() == "as")
    };
    if flags.as_phrase && opens_np && as_phrase() {
        return run_to_end(lex, words, j0, next_cue)
            .map(|p| before_but(words, p))
            .filter(|p| word_count(words, *p) >= 3)
            .map(|p| (p, Intro::Object));
    }
    // "spoke about how the consulate had been taken over", "criticized what she called the
    // angry rhetoric": a wh-clause or a free relative is the object. Not after a display
    // verb: "it shows how much the party has changed" is evidence, not a report.
    let wh_object = !flags.display
        && at(j0).is_some_and(|w| {
            w.is_word() && !w.inside && matches!(w.lower(), "how" | "what" | "why" | "whether")
        });
    if flags.np && (opens_np || wh_object) && !(flags.place && names_terrain(lex, words, j0)) {
        return run_to_end(lex, words, j0, next_cue)
            .map(|p| before_but(words, p))
            .map(|p| before_adjunct(words, p))
            .filter(|p| word_count(words, *p) >= 1)
            .map(|p| (p, Intro::Object));
    }
    // A weak cue whose plain content carries a quotation.
    run_to_end(lex, words, j0, next_cue)
        .filter(|p| word_count(words, *p) >= 2 && has_quote(words, *p))
        .map(|p| (p, Intro::Clause))
}

/// Whether a relative word ("which", "that", "who", "whom") stands one to three words
/// before the cue at `at`, with only plain words between: the cue's subject follows it.
/// A "that" after a verb is a complementizer ("SAID THAT FOUR PERUVIANS SUSPECTS ARE"):
/// the word before it must be a noun.
fn relative_gap(lex: &Lexicon, words: &[Word<'_>], at: usize) -> bool {
    (at.saturating_sub(4)..at.saturating_sub(1))
        .rev()
        .take_while(|&i| words[i].is_word() && !words[i].cue)
        .find(|&i| matches!(words[i].lower(), "which" | "that" | "who" | "whom"))
        .is_some_and(|i| {
            words[i].lower() != "that"
                || (i > 0
                    && words[i - 1].is_word()
                    && !words[i - 1].cue
                    && matches!(
                        class(lex, words, i - 1),
                        Class::Noun | Class::Other | Class::Cap
                    ))
        })
}

/// Whether a frequency adverbial opens at word `i` ("posted more than 100 times about the
/// bill", "wrote dozens of times", "spoke twice"): how often is no object.
fn how_often(words: &[Word<'_>], i: usize) -> bool {
    if words
        .get(i)
        .is_some_and(|w| matches!(w.lower(), "twice" | "once"))
    {
        return true;
    }
    words[i.min(words.len())..]
        .iter()
        .take(6)
        .take_while(|w| w.is_word())
        .try_for_each(|w| match w.lower() {
            "times" => Err(true),
            // An approximate count: "more than 100", "dozens of", "a few".
            "more" | "than" | "about" | "over" | "nearly" | "almost" | "at" | "least" | "some"
            | "of" | "dozens" | "hundreds" | "thousands" | "several" | "many" | "multiple"
            | "a" | "few" | "countless" | "numerous" => Ok(()),
            l if w.text.starts_with(|c: char| c.is_ascii_digit()) || two_to_ten(l) => Ok(()),
            _ => Err(false),
        })
        .err()
        .unwrap_or(false)
}

/// After a subordinator opening an interjection ("if elected,", "when asked,", "once the
/// bill passes,"), the first word after its closing comma: up to eight words, no
/// punctuation or cue between.
fn interjected_end(words: &[Word<'_>], at: usize) -> Option<usize> {
    let first = words.get(at)?;
    if !matches!(
        first.lower(),
        "if" | "unless" | "once" | "when" | "whether" | "while" | "although" | "though"
    ) {
        return None;
    }
    let close =
        (at + 1..words.len().min(at + 10)).find(|&i| !words[i].is_word() || words[i].cue)?;
    (words[close].is(",") && !words[close].inside && close > at + 1).then_some(close + 1)
}

/// Whether word `i`, right after a "that", opens a clause ("that the ...", "that any
/// attack ...", "that sales fell", "that it ..."): not when it reads as the verb of a
/// relative clause: an auxiliary ("a report that was released"), a past form ("a video
/// that showed off"), or a lowercase word before a name or an article ("an editorial that
/// accuses Sanders").
fn opens_clause(lex: &Lexicon, words: &[Word<'_>], i: usize) -> bool {
    let Some(w) = words.get(i).filter(|w| w.is_word()) else {
        return false;
    };
    if matches!(
        class(lex, words, i),
        Class::Det | Class::Pronoun | Class::Cap | Class::Number | Class::Possessive | Class::Title
    ) {
        return true;
    }
    // "that any American involvement", "that no one": a quantifier opens the subject.
    if matches!(
        w.lower(),
        "any" | "no" | "every" | "each" | "such" | "neither" | "either"
    ) {
        return true;
    }
    let verb_before_object = !w.is_capitalized()
        && words.get(i + 1).is_some_and(|n| {
            n.is_word() && matches!(class(lex, words, i + 1), Class::Det | Class::Cap)
        });
    class(lex, words, i) != Class::Aux && !w.lower().ends_with("ed") && !verb_before_object
}

/// Prepositions the phrase-breaking class holds that may go on inside a setting phrase
/// ("in a filing with regulators on Monday", "in an interview broadcast by CNN").
const SETTING_PREPOSITIONS: &[&str] = &[
    "on", "by", "to", "about", "over", "during", "through", "into", "under", "amid", "among",
    "between", "against", "after", "before",
];

/// "wrote in a 230-page ruling that ...", "said in a video posted on Telegram that ...",
/// "warned on state television that ...": a setting phrase goes on over any nouns to a
/// "that" within `limit` that opens a clause, when nothing between makes a clause of its own
/// (a pronoun, an auxiliary, a cue, punctuation). The index of that "that", else `from`.
fn setting_to_that(lex: &Lexicon, words: &[Word<'_>], from: usize, limit: usize) -> usize {
    for i in from..limit.min(words.len()) {
        let w = &words[i];
        if w.is_word() && w.lower() == "that" {
            return if i > from && opens_clause(lex, words, i + 1) {
                i
            } else {
                from
            };
        }
        // "a video posted on Telegram": a participle after a noun modifies it ("in a
        // statement posted on social media": the noun may end the modifiers before `from`).
        let participle = w.cue
            && w.lower().ends_with("ed")
            && i > 0
            && matches!(class(lex, words, i - 1), Class::Noun | Class::Other);
        // "in its closely watched employment report": an adverb before a modifier.
        let adverb = w.is_word()
            && w.lower().len() > 4
            && w.lower().ends_with("ly")
            && class(lex, words, i) == Class::Aux
            && words.get(i + 1).is_some_and(|n| n.is_word() && !n.cue);
        let phrase_word = adverb
            || w.is("-")
            || (w.is_word()
                && (!w.cue || participle)
                && !w.inside
                && match class(lex, words, i) {
                    Class::Det
                    | Class::Prep
                    | Class::Noun
                    | Class::Cap
                    | Class::Number
                    | Class::Other
                    | Class::Title
                    | Class::Possessive => true,
                    Class::Break => SETTING_PREPOSITIONS.contains(&w.lower()),
                    _ => false,
                });
        if !phrase_word {
            // "said in its annual report it expects ...": a subject pronoun after the
            // setting opens the clause; "..., the bank said in its weekly release.": the
            // setting closes the clause, and nothing after the cue is reported.
            let opens = w.is_word() && class(lex, words, i) == Class::Pronoun;
            return if i > from && (opens || is_clause_end(w)) {
                i
            } else {
                from
            };
        }
    }
    from
}

/// Where the number of an amount opening at word `i` is, after an approximator if any
/// ("about 0.9", "some 466 mln", "more than 100", "just 12,000", "$5 billion").
fn amount_at(words: &[Word<'_>], i: usize) -> Option<usize> {
    let mut i = i;
    if words.get(i).is_some_and(|w| {
        matches!(
            w.lower(),
            "about"
                | "just"
                | "only"
                | "some"
                | "nearly"
                | "almost"
                | "around"
                | "roughly"
                | "over"
                | "another"
                | "more"
                | "up"
        )
    }) {
        i += 1;
        // "more than", "up to".
        if words
            .get(i)
            .is_some_and(|w| matches!(w.lower(), "than" | "to"))
        {
            i += 1;
        }
    }
    words
        .get(i)
        .filter(|w| w.is("$") || w.text.starts_with('$') || spelled_amount(w.lower()))
        .map(|_| i)
}

/// Whether the amount at word `n` is what was added, not the subject of a reported clause
/// ("He added 90 pct of the assets came from Asia"): "to" follows it in its phrase ("add
/// about 0.9 point to inflation", "added 50 to 13.00"), or the phrase is short up to a
/// subordinator ("added 151,000 jobs during the month", "adding 12,000 jobs as storms hit").
fn adds_up(words: &[Word<'_>], n: usize, next_cue: usize) -> bool {
    let phrase = words[n..next_cue.min(words.len())]
        .iter()
        .take_while(|w| w.is_word())
        .take(9);
    let mut len = 0;
    for w in phrase {
        match w.lower() {
            "to" => return true,
            // "adding just 12,000 jobs as hurricanes depressed payrolls": a subordinate
            // clause after the amount's noun is the reporter's.
            "as" | "while" | "because" | "after" | "amid" | "despite" | "since" | "when" => {
                break;
            }
            _ => len += 1,
        }
    }
    len <= 5
}

/// A number that opens an amount, in digits or words ("8", "eight", "dozens", "hundreds of").
fn spelled_amount(lower: &str) -> bool {
    crate::phrase::numeric(lower)
        || matches!(
            lower,
            "eleven" | "twelve" | "dozens" | "hundreds" | "thousands" | "tens" | "several"
        )
}

/// Whether the cue ending at `j0` has the "put X at amount" frame (see [`put_at`]).
pub(crate) fn puts_amount(lex: &Lexicon, words: &[Word<'_>], j0: usize) -> bool {
    put_at(lex, words, j0, words.len()).is_some()
}

/// "put [the death toll at 41]", "put [his overall support among likely voters at 5
/// percent]", "put [the figure between $20 billion and $34 billion]": an object phrase of
/// up to ten words, then "at", "between", "near", "around", "close to" or "as high/low as"
/// and an amount. The object and the amount are the content.
fn put_at(
    lex: &Lexicon,
    words: &[Word<'_>],
    j0: usize,
    next_cue: usize,
) -> Option<(Phrase, Intro)> {
    // "at 63", "at eight", "at more than 100", "at about $7 billion": an amount, spelled
    // or in digits, after at most two words of approximation.
    let amount = |i: usize| {
        let hedged = (i..i + 3).find(|&k| {
            words.get(k).is_none_or(|w| {
                !matches!(
                    w.lower(),
                    "about"
                        | "around"
                        | "some"
                        | "nearly"
                        | "roughly"
                        | "over"
                        | "more"
                        | "than"
                        | "almost"
                        | "approximately"
                        | "least"
                        | "at"
                        | "up"
                        | "to"
                        | "closer"
                        | "close"
                        | "just"
                        | "under"
                        | "below"
                        | "above"
                )
            })
        });
        hedged.is_some_and(|k| {
            words.get(k).is_some_and(|w| {
                w.text.starts_with(|c: char| c.is_ascii_digit() || c == '$')
                    || class(lex, words, k) == Class::Number
                    || spelled_amount(w.lower())
            })
        })
    };
    let first = words.get(j0)?;
    if !first.is_word()
        || matches!(
            class(lex, words, j0),
            Class::Prep | Class::Break | Class::Aux
        )
    {
        return None;
    }
    let mut i = j0 + 1;
    while i < words.len().min(j0 + 11) && words[i].is_word() && !words[i].inside {
        let at = match words[i].lower() {
            "at" | "between" | "near" | "around" => amount(i + 1),
            "close" => words.get(i + 1).is_some_and(|w| w.lower() == "to") && amount(i + 2),
            "as" => {
                words
                    .get(i + 1)
                    .is_some_and(|w| matches!(w.lower(), "high" | "low" | "many" | "much"))
                    && words.get(i + 2).is_some_and(|w| w.lower() == "as")
                    && amount(i + 3)
            }
            // "put the plant up for sale at $40 million", "put troops on alert": a
            // particle or place makes another verb.
            "up" | "down" | "out" | "off" | "back" | "aside" | "forward" | "together" | "into"
            | "onto" | "on" | "under" | "through" => return None,
            _ => false,
        };
        if at {
            return run_to_end(lex, words, j0, next_cue)
                .map(|p| before_but(words, p))
                .filter(|p| word_count(words, *p) >= 3)
                .map(|p| (p, Intro::Object));
        }
        i += 1;
    }
    None
}

/// An object or infinitive content ends before a comma and a clause of contrast (", but",
/// ", yet", ", while", ", although", ", though", ", whereas") outside quotation marks:
/// "praised [Clinton's remarks], but also used them ...", "had hoped [to do better with
/// Latinos], but his ability ...", "considers it [occupied territory under international
/// law], although Israel disputes this". What follows sets the narrator's account against
/// the report; a reported clause ("said [that X, but that Y]") keeps it, as PolNeAR
/// annotates.
fn before_but(words: &[Word<'_>], mut p: Phrase) -> Phrase {
    if let Some(k) = (p.start + 1..p.end)
        .find(|&i| words[i].is(",") && !words[i].inside && narrator_contrast(words, i))
    {
        p.end = k;
    }
    p
}

/// An object noun phrase ends before a setting of the reporting verb ("praised the ruling
/// [at a press conference]", "mentions her granddaughter [in speeches]") or a clause of
/// time after a comma ("[, when the poll was taken]"). Outside quotation marks only; other
/// prepositions inside the object stay ("U.S. assistance for Ukraine"). Times ("on
/// Sunday", "last week"), causes ("because ...") and concessions ("despite ...": often
/// inside a reported clause, "quoted X as saying ... despite intense briefings") stay too:
/// PolNeAR's annotators keep them in the content about as often as not.
fn before_adjunct(words: &[Word<'_>], p: Phrase) -> Phrase {
    let setting = |i: usize| {
        (i + 1..p.end.min(i + 5))
            .take_while(|&k| words[k].is_word())
            .any(|k| {
                matches!(
                    words[k].lower(),
                    "interview"
                        | "interviews"
                        | "speech"
                        | "speeches"
                        | "statement"
                        | "conference"
                        | "briefing"
                        | "rally"
                        | "debate"
                        | "remarks"
                        | "hearing"
                )
            })
    };
    let cut = (p.start + 1..p.end).find(|&i| {
        let w = &words[i];
        if w.inside || !w.is_word() {
            return false;
        }
        match w.lower() {
            "when" | "whereas" => words[i - 1].is(","),
            "at" | "in" => setting(i),
            _ => false,
        }
    });
    match cut {
        Some(k) => trim(
            words,
            Phrase {
                start: p.start,
                end: k,
            },
        )
        .unwrap_or(p),
        None => p,
    }
}

/// Skips the addressee of "told", "asked", "warned": a pronoun, "reporters", a name or a
/// short noun phrase.
fn skip_object(lex: &Lexicon, words: &[Word<'_>], j: usize) -> usize {
    let Some(w) = words.get(j) else {
        return j;
    };
    let lower = w.lower();
    // "told her supporters": "her" determines a noun rather than being the addressee.
    if lower == "her"
        && let Some(n) = words.get(j + 1)
        && n.is_word()
        && !n.is_capitalized()
        && !matches!(
            n.lower(),
            "that" | "to" | "about" | "what" | "how" | "why" | "whether" | "if" | "when" | "so"
        )
        && !lex.is_modifier(n.lower())
    {
        return j + 2;
    }
    if matches!(
        lower,
        "him" | "her" | "them" | "us" | "me" | "you" | "reporters" | "journalists"
    ) {
        return j + 1;
    }
    // "told rescuers the vessel had left", "warned residents they should leave": a bare
    // plural noun the descriptor list does not know, then a determiner or a subject
    // pronoun opening the reported clause.
    if !w.is_capitalized()
        && class(lex, words, j) == Class::Other
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && words.get(j + 1).is_some_and(|n| {
            n.is_word() && matches!(class(lex, words, j + 1), Class::Det | Class::Pronoun)
        })
    {
        return j + 1;
    }
    match phrase::right(lex, words, j, words.len()) {
        Some(p) if p.end - p.start <= 5 => p.end,
        _ => j,
    }
}

/// The source phrase right of a cue, with an optional apposition.
fn source_right(lex: &Lexicon, words: &[Word<'_>], from: usize) -> Option<Source> {
    let core = phrase::right(lex, words, from, words.len())?;
    let apposition = phrase::apposition(lex, words, core.end, words.len());
    let end = apposition.map_or(core.end, |a| a.end);
    Some(Source {
        span: Phrase {
            start: core.start,
            end,
        },
        core,
        apposition,
        antecedent: None,
    })
}

/// Whether nothing but modifiers and time words follows the cue to the end of its clause
/// ("..., polls showed on Monday."): a weak statement cue whose object it refused ("At the
/// same time, Lusinchi declared a state of emergency") has no post-posed content. Attitudes
/// keep the looser reading, which PolNeAR's cue and source often match.
fn ends_at_cue(lex: &Lexicon, words: &[Word<'_>], cue: &CueAt<'_>) -> bool {
    words[cue.words.end..]
        .iter()
        .find(|w| !(w.is_word() && (lex.is_modifier(w.lower()) || is_time_word(w.lower()))))
        .is_none_or(|w| is_clause_end(w) || w.is(","))
}

/// ", citing a Kremlin source," between a cue and its content ("Russian news agencies
/// reported, citing a Kremlin source, that Assad had arrived"): from the comma at `comma`,
/// the index of the comma closing the aside, when up to 12 words without quotation marks
/// lie between and a clause follows it ("that", a determiner, a pronoun or a name; not a
/// list going on: "citing its platform, opposition to fracking and ...").
fn citing_aside(lex: &Lexicon, words: &[Word<'_>], comma: usize) -> Option<usize> {
    if !words.get(comma)?.is(",") || words.get(comma + 1)?.lower() != "citing" {
        return None;
    }
    let close = (comma + 3..words.len().min(comma + 15))
        .take_while(|&i| words[i].is_word() || words[i].is(","))
        .find(|&i| words[i].is(","))?;
    let clause = words.get(close + 1).is_some_and(|w| w.lower() == "that")
        || matches!(
            class(lex, words, close + 1),
            Class::Det | Class::Pronoun | Class::Cap | Class::Title
        );
    clause.then_some(close)
}

/// A left source whose phrase starts in the sentence's dateline ("NEW YORK, March 23 -
/// <Alcan GmbH>, a subsidiary of Alcan Ltd, said"): the dateline is no name with an
/// apposition. The source is everything from the dateline to the cue, its phrase up to the
/// first comma naming the speaker; none when the speaker stands right of the cue ("NEW YORK, March 23 -
/// Coca-Cola is raising money, said lead manager Salomon Brothers Inc."), so that the
/// inverted reading applies.
fn after_dateline(
    lex: &Lexicon,
    words: &[Word<'_>],
    cue: &CueAt<'_>,
    found: Source,
    dateline: usize,
    cue_floor: usize,
) -> Option<Source> {
    let head = found.span.end.checked_sub(1)?;
    if let Some(s) =
        left_source(lex, words, head, dateline, cue_floor).filter(|s| s.span.start == dateline)
    {
        return Some(s);
    }
    let inverted = source_right(lex, words, cue.words.end)
        .is_some_and(|s| words[s.span.end..].iter().all(|w| !w.is_word()));
    if inverted || dateline >= found.span.end {
        return None;
    }
    let span = trim_comma(
        words,
        Phrase {
            start: dateline,
            end: found.span.end,
        },
    );
    let core_end = (dateline..span.end)
        .find(|&i| words[i].is(","))
        .unwrap_or(span.end);
    // A clause is no source: "There will be no changes this year, said Senator Dole (R-Kan)".
    let clause = (dateline..core_end).any(|i| words[i].cue || class(lex, words, i) == Class::Aux);
    if clause || core_end == dateline || core_end - dateline > 12 {
        return None;
    }
    Some(Source {
        span,
        core: Phrase {
            start: dateline,
            end: core_end,
        },
        apposition: (core_end + 1 < span.end).then_some(Phrase {
            start: core_end + 1,
            end: span.end,
        }),
        antecedent: None,
    })
}

/// Content before a source that follows it: from the sentence start (or the end of the
/// previous attribution) to the comma or closing quotation mark before the source.
fn before(words: &[Word<'_>], boundary: usize, prev: Option<&Found<'_>>) -> Option<Phrase> {
    // A report wholly after the boundary bounds nothing before it: `"...," Warren, who has
    // not endorsed a candidate, told reporters` (the relative clause's report lies between
    // the antecedent and this cue).
    let prev = prev
        .filter(|f| f.cue.start < boundary || f.source.is_some_and(|s| s.span.start < boundary))
        // "The accord, offered by House Speaker Hara, killed the plan, analysts said": a
        // passive with its agent inside the clause is part of this content.
        .filter(|f| {
            !(words.get(f.cue.end).is_some_and(|w| w.lower() == "by")
                && f.source.is_some_and(|s| s.span.start == f.cue.end + 1)
                && f.content.first().is_some_and(|c| c.end <= f.cue.start))
        });
    let start = prev.map_or_else(
        || dateline_end(words),
        |f| match (f.source, f.content.first()) {
            // "[The cocoa is believed to have been made up of second hand material], they
            // added": a sourceless report around its cue (raising, "reportedly") is part of
            // the later speaker's content.
            (None, Some(c)) if c.start < f.cue.start => c.start,
            // "[Meloni's government has pledged to curb arrivals], Interior Ministry data
            // show", "[... and target people the company considers low performers], said
            // the people", "[Managers were told of the plans], one of the people said": a
            // report whose content runs to the comma before this source is part of this
            // speaker's clause, from the start of that clause.
            (source, Some(first))
                if source.is_none_or(|s| s.span.end <= f.cue.start)
                    && first.start >= f.cue.end
                    && f.content.last().is_some_and(|c| {
                        c.end <= boundary
                            && (words[c.end..boundary]
                                .iter()
                                .all(|w| w.is(",") || w.quote() == Some(QuoteDir::Close))
                                || in_relative_on_subject(words, f.cue.start).is_some())
                    }) =>
            {
                // A relative source ("seafarers who want pay rises ...") stands inside its
                // antecedent's clause. A dateline opening the sentence is no content.
                let floor = dateline_end(words);
                let from = source.map_or(f.cue.start, |s| {
                    s.antecedent
                        .map_or(s.span.start, |a| a.start.min(s.span.start))
                });
                let mut i = from.max(floor);
                while i > floor && words[i - 1].is_word() {
                    i -= 1;
                }
                // "[Former Defense Minister Kim, who the opposition says recommended the
                // decree, was arrested], the ministry said": a report inside a relative
                // clause between commas stands in its antecedent's clause too.
                if i > floor + 1
                    && words[i - 1].is(",")
                    && matches!(words[i].lower(), "who" | "which" | "whom" | "whose")
                {
                    i -= 1;
                    while i > floor && words[i - 1].is_word() {
                        i -= 1;
                    }
                }
                i
            }
            (source, _) => f.cue.end.max(source.map_or(0, |s| s.span.end)),
        },
    );
    // "Experts said vaccination remains the best protection; [two doses are 97% effective],
    // according to the CDC": a semicolon outside quotation marks closes the clause before.
    // Not in a list ("A was paid $29,715; B was paid $35,845; and C was paid $125,080,
    // according to FEC records"): two semicolons, or one before "and"/"or".
    let semicolons: Vec<usize> = (start..boundary)
        .filter(|&i| words[i].is(";") && !words[i].inside)
        .collect();
    let start = match semicolons[..] {
        [i] if !words
            .get(i + 1)
            .is_some_and(|w| matches!(w.lower(), "and" | "or")) =>
        {
            i + 1
        }
        _ => start,
    };
    if start >= boundary {
        return None;
    }
    let mut end = boundary;
    // Keep a closing quote; drop the comma that separates content from source.
    while end > start && words[end - 1].is(",") {
        end -= 1;
    }
    trim(words, Phrase { start, end })
}

/// Where a wire dateline opening the sentence ends ("WASHINGTON, Oct 20 - ", "New York
/// (AFP) – "), or 0: the place and date say where the story was filed, not what was said.
/// A dateline is capitalized words, numbers and punctuation up to a dash, led by a word in
/// capitals or closed by the agency in brackets; text in capitals throughout is left alone
/// (its words are caseless, so nothing there reads as capitalized).
fn dateline_end(words: &[Word<'_>]) -> usize {
    let Some(dash) = words
        .iter()
        .take(12)
        .position(|w| matches!(w.text, "-" | "--" | "\u{2014}" | "\u{2013}"))
        .filter(|&d| d > 0)
    else {
        return 0;
    };
    let head = &words[..dash];
    let named = head.iter().all(|w| {
        !w.is_word() || w.is_capitalized() || w.text.starts_with(|c: char| c.is_ascii_digit())
    });
    let capitals = head[0].text.len() > 1
        && head[0]
            .text
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '.');
    if named && (capitals || head[dash - 1].is(")")) {
        dash + 1
    } else {
        0
    }
}

/// After the cue and its modifiers, a comma and an opening quote continue a split
/// quotation: `"Judge," Brafman said, "I have never ..."`.
fn continuation(lex: &Lexicon, words: &[Word<'_>], from: usize, next_cue: usize) -> Option<Phrase> {
    let mut k = from;
    while k < words.len() && words[k].is_word() && lex.is_modifier(words[k].lower()) {
        k += 1;
    }
    if words.get(k)?.is(",") && words.get(k + 1)?.quote() == Some(QuoteDir::Open) {
        run_to_end(lex, words, k + 1, next_cue)
    } else {
        None
    }
}

fn boundary_before(words: &[Word<'_>], i: usize) -> bool {
    i > 0 && (words[i - 1].is(",") || words[i - 1].quote() == Some(QuoteDir::Close))
}

fn verb<'l>(
    lex: &Lexicon,
    words: &[Word<'_>],
    cue: &CueAt<'l>,
    prev: Option<&Found<'_>>,
    next_cue: usize,
) -> Option<Found<'l>> {
    let weak = cue.entry.flags.weak;
    let floor = prev.map_or(0, |f| f.cue.end.max(f.source.map_or(0, |s| s.span.end)));
    // "[Reagan] said [his budget hits the goal] but [the Congressional Budget Office] said
    // ...": a report whose content ends at a conjunction before this cue leaves this
    // source after the conjunction ("more pessimistic Fed officials", not "Fed officials"
    // read from the first one's content).
    let floor = prev
        .and_then(|f| f.content.last())
        .map(|c| c.end)
        .filter(|&e| {
            e > floor
                && e < cue.words.start
                && words[e].is_word()
                && matches!(words[e].lower(), "and" | "but" | "while" | "whereas")
        })
        .map_or(floor, |e| e + 1);
    let h = skip_left_adjuncts(lex, words, cue.words.start, floor);
    // The cue span takes in the auxiliaries, negation and adverbs right before the verb and
    // a colon right after it ("has repeatedly said", "did not say", "said:"), as PolNeAR and
    // PARC annotate cues; the source ends before them.
    let make = |source: Option<Source>, content: Vec<Phrase>| {
        let mut span = cue.words;
        let low = source.map_or(floor, |s| s.span.end.max(floor));
        while span.start > low && class(lex, words, span.start - 1) == Class::Aux {
            span.start -= 1;
        }
        if words.get(span.end).is_some_and(|w| w.is(":"))
            && content.first().is_none_or(|c| c.start > span.end)
        {
            span.end += 1;
        }
        Found {
            cue: span,
            lemma: &cue.entry.lemma,
            class: cue.entry.class,
            source,
            content,
        }
    };

    // "As reported by Western Journalism, the Times broke the story": the agent is the
    // source, the main clause the content.
    if cue.words.start > floor
        && words[cue.words.start - 1].lower() == "as"
        && words.get(cue.words.end).is_some_and(|w| w.lower() == "by")
        && let Some(core) = phrase::right(lex, words, cue.words.end + 1, words.len())
        && words.get(core.end).is_some_and(|w| w.is(","))
        && let Some(content) = run_to_end(lex, words, core.end + 1, next_cue)
    {
        let source = Source {
            span: core,
            core,
            apposition: None,
            antecedent: None,
        };
        return Some(make(Some(source), vec![content]));
    }
    // A passive report with no agent ("Sanders had been told that ...", "State was ordered
    // to ..."): whoever told is not named; the subject is the addressee, not the source.
    // Not a progressive: "Trump is telling attendees ..." is his report.
    // Any report in the passive ("No deaths had been reported there", "the teams were
    // often denied permission") names no source in its subject either.
    let passive = ((cue.entry.flags.obj
        && cue.words.start > floor
        && !words[cue.words.start].lower().ends_with("ing")
        && is_be(words[cue.words.start - 1].lower()))
        || passive_participle(lex, words, cue.words, floor))
        && words.get(cue.words.end).is_none_or(|w| w.lower() != "by");
    // "was also accused of", "Roof, accused of killing nine people,": "accuse" always takes
    // its object, so an "of" right after it is passive whatever comes before.
    let passive = passive
        || (cue.entry.flags.obj
            && cue.entry.flags.np
            && words.get(cue.words.end).is_some_and(|w| w.lower() == "of"));
    if passive {
        let (content, _) = after(lex, words, cue, next_cue)?;
        return Some(make(None, vec![content]));
    }
    let after_quote = h > floor
        && words[..h]
            .iter()
            .rev()
            .take(2)
            .any(|w| w.quote() == Some(QuoteDir::Close));
    let cue_floor = prev.map_or(0, |f| f.cue.end);
    let dateline = dateline_end(words);
    let left = |i: usize| {
        let found = left_source(lex, words, i, floor, cue_floor)?;
        if found.core.start >= dateline || dateline > i {
            return Some(found);
        }
        after_dateline(lex, words, cue, found, dateline, cue_floor)
    };

    // "Podesta, who said the project was vetted, said he was unaware": the relative
    // clause's antecedent is this cue's subject too.
    let relative_prev = prev.and_then(|f| {
        let antecedent = match f.source {
            // "The president, who was re-elected ... according to results released on
            // Saturday, called ...": "according to" closes the relative clause it reports;
            // the antecedent before ", who" is this cue's subject.
            Some(s) if f.lemma == "according to" => {
                let c = *f.content.first().filter(|c| c.end <= f.cue.start)?;
                let who = (c.start + 1..c.end).find(|&i| {
                    words[i - 1].is(",") && matches!(words[i].lower(), "who" | "which")
                })?;
                return relative_antecedent(lex, words, c.start, who, s.span.end, h);
            }
            // "Two aid workers, who spoke on condition of anonymity because they feared
            // reprisals, said": a report whose subject sits inside the relative clause.
            Some(s) => s
                .antecedent
                .or_else(|| enclosing_relative(lex, words, s.span.start))?,
            // "Antony Blinken, who is expected in the region next week, told reporters":
            // a raising cue in the relative clause has the relative pronoun as its subject
            // and no source; the antecedent before ", who" is this cue's subject.
            None => {
                let who = f.content.first().filter(|c| c.end == c.start + 1)?.start;
                if !matches!(words[who].lower(), "who" | "which")
                    || who < 2
                    || !words[who - 1].is(",")
                {
                    return None;
                }
                phrase::left_of(lex, words, who - 1, 0)?
            }
        };
        let content_end = f.content.last()?.end;
        // The comma may sit inside the clause's closing quotation mark ("who calls Trump a
        // “sociopath,” said").
        let comma = h > 0
            && (words[h - 1].is(",")
                || is_dash(&words[h - 1])
                || (h > 1
                    && words[h - 1].quote() == Some(QuoteDir::Close)
                    && words[h - 2].is(",")));
        // "A woman who said she watched the stop told ...": a relative clause without
        // commas whose report ends right at this cue; the subject spans the clause.
        let restrictive =
            f.source.is_some_and(|s| restrictive_relative(words, &s)) && content_end == h;
        if restrictive {
            return Some(Source {
                span: Phrase {
                    start: antecedent.start,
                    end: h,
                },
                core: antecedent,
                apposition: None,
                antecedent: None,
            });
        }
        (comma && content_end + 1 >= h - 1 && content_end <= h).then_some(Source {
            span: antecedent,
            core: antecedent,
            apposition: None,
            antecedent: None,
        })
    });
    // Inverted: `"...," said the official.` After a closing quotation mark the inversion
    // is certain; after a bare comma only when no source stands left of the cue ("Murphy,
    // the head of X, said the group would ...") and the clause ends with the source. An
    // addressee is never an inverted source ("..., Ramos told AFP").
    // "..., some functions would go to other agencies, said DeSantis, who was elected in
    // 2012.": a capitalized source right of the cue that ends the sentence (or opens a
    // relative clause) is inverted even when an earlier comma leaves a phrase on the left.
    let named_right = || {
        words[h - 1].is(",")
            && source_right(lex, words, cue.words.end).is_some_and(|s| {
                let rest = &words[s.span.end..];
                words[s.core.start].is_capitalized()
                    && (rest.iter().all(|w| !w.is_word())
                        || (rest.first().is_some_and(|w| w.is(","))
                            && rest
                                .get(1)
                                .is_some_and(|w| matches!(w.lower(), "who" | "whose"))))
            })
    };
    let inverted_possible = h > floor
        && relative_prev.is_none()
        && boundary_before(words, h)
        // `"Is it over?" asked Mr. Manafort.`: right after a quotation an addressee verb
        // inverts too (its source is on the right).
        && (!cue.entry.flags.obj || (after_quote && words[h - 1].quote() == Some(QuoteDir::Close)))
        && (after_quote || left(h - 1).is_none() || named_right());
    let inverted = source_right(lex, words, cue.words.end).or_else(|| {
        after_quote
            .then(|| phrase::right_bare(lex, words, cue.words.end))
            .flatten()
            .map(|core| Source {
                span: core,
                core,
                apposition: None,
                antecedent: None,
            })
    });
    if inverted_possible && let Some(source) = inverted {
        let rest = source.span.end;
        let ends = after_quote
            || words.get(rest).is_none_or(|w| {
                is_clause_end(w)
                    || w.is(",")
                    || matches!(w.lower(), "who" | "whose" | "in" | "on" | "at" | "during")
            });
        if ends {
            let mut content: Vec<Phrase> = before(words, h, prev)
                .map(|p| trim_comma(words, p))
                .into_iter()
                .collect();
            if content.is_empty() {
                return None;
            }
            content.extend(continuation(lex, words, rest, next_cue));
            if weak && !content.iter().any(|p| has_quote(words, *p)) {
                return None;
            }
            return Some(make(Some(source), content));
        }
    }

    // ", then says ...": "then" after a comma coordinates as "and" does.
    let then = h > 0
        && words[h - 1].is(",")
        && words[h..cue.words.start]
            .iter()
            .any(|w| w.lower() == "then");
    let coordinated = h > 0 && (matches!(words[h - 1].lower(), "and" | "but" | "or") || then);
    // "Mr. Manafort, citing X, said ...": the cue after a participial phrase shares its
    // source.
    let after_participle = prev.filter(|f| {
        f.source.is_some_and(|s| s.span.end <= f.cue.start)
            && f.cue.start > 0
            && words[f.cue.start - 1].is(",")
            && h > 0
            && (words[h - 1].is(",") || words[h - 1].quote() == Some(QuoteDir::Close))
    });
    // "Clinton, (when) asked about the plan, said ...": a question put to the subject
    // between commas; the subject before it is this cue's source.
    let asked_between = prev
        .filter(|f| {
            f.source.is_none()
                && f.lemma.starts_with("ask")
                && h > 0
                && words[h - 1].is(",")
                && f.content.last().is_none_or(|c| c.end < h)
        })
        .and_then(|f| {
            let mut j = f.cue.start;
            if j > 0 && matches!(words[j - 1].lower(), "when" | "if" | "after" | "while") {
                j -= 1;
            }
            let comma = j.checked_sub(1).filter(|&c| words[c].is(","))?;
            // A lone name opening the sentence ("Clinton, asked ...") is no phrase the scan
            // reads on its own: a capitalized word that is no listed word.
            let core = phrase::left_of(lex, words, comma, 0).or_else(|| {
                (comma == 1 && words[0].is_capitalized() && class(lex, words, 0) == Class::Cap)
                    .then_some(Phrase { start: 0, end: 1 })
            })?;
            (core.end == comma && words[..core.start].iter().all(|w| !w.is_word() || !w.cue))
                .then_some(Source {
                    span: core,
                    core,
                    apposition: None,
                    antecedent: None,
                })
        });
    let via_relative = relative_prev.is_some();
    let source = if let Some(s) = relative_prev {
        Some(s)
    } else if let Some(s) = asked_between {
        Some(s)
    } else if coordinated {
        // "He pledged ... and said ...": the coordinated verb shares the subject, which is
        // the previous cue's source when there is one.
        prev.and_then(|f| f.source)
            .or_else(|| subject(lex, words, floor, h))
    } else if let Some(f) = after_participle {
        f.source
    } else if h > floor {
        // A relative clause before the cue belongs to the subject ("Current and former
        // officials who spoke with The Huffington Post said").
        match (left(h - 1), relative_subject(lex, words, h, floor)) {
            // The phrase before the cue lies inside the relative clause: the subject is
            // the one the clause describes.
            // Unless a comma closes the clause first ("companies who sponsor the event,
            // Gilbert said").
            (Some(l), Some(r))
                if l.span.start > r.core.end
                    && !words[r.core.end..l.span.start].iter().any(|w| w.is(",")) =>
            {
                Some(r)
            }
            (l, r) => l.or(r),
        }
    } else {
        None
    };
    let after = after(lex, words, cue, next_cue);
    // "[The rebels shot down a helicopter], the army said, without providing evidence": a
    // bare clause after a comma that opens with a subordinator, a preposition or a
    // participle is the reporter's adjunct when content stands before the source; the
    // post-posed reading below takes it.
    // "[Tunisian authorities arrested three smugglers], a judicial official told Reuters on
    // condition of anonymity because ...": a sourcing condition after the cue says why the
    // source is unnamed; the content is the clause before the source.
    let after_adjunct = after.as_ref().is_some_and(|(p, i)| {
        sourcing_clause(words, p.start)
            || (*i == Intro::Clause
                && p.start > cue.words.end
                && words[p.start - 1].is(",")
                && opens_adjunct(words, p.start))
    });
    // "Those over 60 say they ...", "42% say they're liberal", "The last man to mount a
    // third-party race says he ...": a subject the phrase scan cannot read still stands
    // before a speech verb with its clause after it.
    // "Footage from the game shows that ...": a study or display cue's subject may be a
    // study with a postmodifier the phrase scan cannot read.
    let study_like = cue.entry.flags.study || cue.entry.flags.display;
    // It opens a clause: "to tighten background checks for online and gun show sales" has
    // a verb before it.
    let source = source.or_else(|| {
        study_like
            .then(|| study_subject(lex, words, floor, h))
            .flatten()
            .filter(|s| {
                let i = s.span.start;
                i == floor
                    || !words[i - 1].is_word()
                    || (class(lex, words, i - 1) == Class::Break && words[i - 1].lower() != "to")
            })
    });
    let source = match source {
        Some(s) => s,
        // A weak verb with "that", a colon or a quotation reports as a plain one does: "A
        // large body of work suggests that ...", "The stream of new money confirms that".
        // Not a noun ("the similar views that ..."), another sense ("A blog, called the
        // Feed"), nor after a comma: "The government, aware that ..., has set" is an aside.
        None if !coordinated
            && after.as_ref().is_some_and(|(_, i)| {
                !weak
                    || (*i == Intro::Explicit
                        && !cue.entry.flags.noun
                        && !cue.entry.flags.sense
                        && h > floor
                        && !words[h - 1].is(","))
            }) =>
        {
            clause_subject(lex, words, floor, h)?
        }
        // `"Is he running against the party?" asked Mr. Manafort.`: the question closes
        // the sentence before; a cue opening this one with its source after it and nothing
        // else reports it (the extractor fills in the quotation).
        None if prev.is_none() && words[..cue.words.start].iter().all(|w| !w.is_word()) => {
            let s = source_right(lex, words, cue.words.end)?;
            return ends_bare(lex, words, s.span.end).then(|| make(Some(s), Vec::new()));
        }
        None => return None,
    };
    // "A poll from Marquette Law School released Wednesday found ...", "A 2014 study by
    // Loyola Law School professor Justin Levitt found ...": the phrase before a study cue
    // may be the study's postmodifier; the study heads the subject.
    let source = match (study_like && !names_study(words, &source))
        .then(|| study_subject(lex, words, floor, h))
        .flatten()
    {
        Some(s) if s.span.start <= source.span.start && source.span.end <= s.span.end => s,
        _ => source,
    };
    // "more than the 285 reported in all of 2024": a reduced relative after a figure; a
    // count is never a speaker.
    if bare_figure(lex, words, source.core) {
        return None;
    }
    // "A recent CNN survey found 90 percent support": after a study the object is what it
    // found.
    let after = match after {
        None if cue.entry.flags.study && names_study(words, &source) => {
            let mut entry = cue.entry.clone();
            entry.flags.np = true;
            let as_np = CueAt {
                words: cue.words,
                entry: &entry,
            };
            self::after(lex, words, &as_np, next_cue)
        }
        a => a,
    };
    // "The town released a statement Wednesday saying ...": the issuer speaks, not the
    // document; the cue runs from the issuing verb.
    let (source, issued_at) = match issuer(lex, words, &source, floor, &left) {
        Some((s, v)) => (s, Some(v)),
        None => (source, None),
    };
    let make = |s: Option<Source>, c: Vec<Phrase>| {
        let mut f = make(s, c);
        if let Some(v) = issued_at {
            f.cue.start = v;
        }
        f
    };

    let first = source.antecedent.unwrap_or(source.span).start;
    // A parenthetical report: `[The plan], officials said, [will cost $5 billion].` The
    // content is both sides of it.
    if source.antecedent.is_none()
        && first > floor + 1
        && words[first - 1].is(",")
        && words[first - 2].quote().is_none()
        && (!weak || cue.entry.flags.clause)
    {
        let mut j = cue.words.end;
        while j < words.len()
            && j - cue.words.end < 6
            && words[j].is_word()
            && (lex.is_modifier(words[j].lower()) || is_time_word(words[j].lower()))
        {
            j += 1;
        }
        // The rest continues the interrupted clause ("will cost", "is expected"), not the
        // reporter's adjunct (", the ministry said Friday, as rescuers searched").
        if words.get(j).is_some_and(|w| w.is(","))
            && words
                .get(j + 1)
                .is_some_and(|w| w.is_word() && !w.cue && !w.inside)
            && !opens_adjunct(words, j + 1)
            && !sourcing_clause(words, j + 1)
            && let Some(pre) = before(words, first, prev).map(|p| trim_comma(words, p))
            && words[pre.start..pre.end].iter().all(|w| !w.cue)
            && let Some(rest) = run_to_end(lex, words, j + 1, next_cue)
        {
            // "..., records show, and aviation experts say it is worth ...": a clause
            // joined with its own report is another speaker's.
            // A pronoun or "to" before that cue ("and she felt free to ...", "it's safe
            // to assume") may still be the speaker's own words.
            if matches!(words[j + 1].lower(), "and" | "but")
                && (rest.start + 1..rest.end).any(|i| {
                    words[i].cue
                        && !words[i].inside
                        && words[i - 1].is_word()
                        && matches!(
                            class(lex, words, i - 1),
                            Class::Noun | Class::Cap | Class::Other
                        )
                        && words[i - 1].lower() != "to"
                })
            {
                return Some(make(Some(source), vec![pre]));
            }
            return Some(make(Some(source), vec![pre, rest]));
        }
    }
    // The content is before the source when nothing but modifiers follows the cue, or when
    // a quotation ends right before the source (`"...," the official said the next day`).
    let closes = |i: Option<usize>| {
        i.and_then(|i| words.get(i))
            .is_some_and(|w| w.quote() == Some(QuoteDir::Close))
    };
    let quote_before = closes(first.checked_sub(1))
        || (first >= 2 && words[first - 1].is(",") && closes(Some(first - 2)));
    // "..., as The New York Times reported on Tuesday.": the content is before "as".
    let as_clause =
        first > floor + 1 && words[first - 1].lower() == "as" && boundary_before(words, first - 1);
    let boundary = if as_clause { first - 1 } else { first };
    // "Harris will visit three states — Pennsylvania, Michigan and Wisconsin — her
    // campaign said.": a dash closing an aside stands for the comma before a post-posed
    // source when nothing follows the cue.
    // A lone dash is no boundary ("... computers - it implies", "--the same being
    // proposed"): the content would be a whole clause of the reporter's.
    let dash_before = first > floor + 2
        && after.is_none()
        && matches!(words[first - 1].text, "\u{2014}" | "\u{2013}" | "--")
        && (floor..first - 2).any(|i| words[i].text == words[first - 1].text);
    // A relative "who"/"which" right after a quotation is no post-posed source of it:
    // `"...," Warren, who has not endorsed a candidate, told reporters` reports nothing
    // of the quote by "endorsed". Without a quotation the earlier reading stays ("...,
    // Yamato Life, which declared bankruptcy." keeps the company as the speaker of
    // 'declared', which MEANTIME counts; its content is still wrong).
    let relative = quote_before
        && source.antecedent.is_some()
        && matches!(words[source.span.start].lower(), "who" | "which" | "whom");
    // The antecedent of a relative clause with its own report ("Warren, who has not
    // endorsed ..., told") stands before that report: the floor is before the clause.
    if (boundary_before(words, first) || as_clause || dash_before)
        && (first > floor || via_relative)
        && !relative
        && (after.is_none()
            || after_adjunct
            || (quote_before
                && after.as_ref().is_some_and(|(p, i)| {
                    // A quotation after the cue continues a split one: `"It is not
                    // enough," the official said, "but it is what we have."`
                    *i != Intro::Explicit || words[p.start].quote() == Some(QuoteDir::Open)
                })))
    {
        // Post-posed: the content is before the source. A weak cue takes it when it is
        // quoted, or when the cue takes a clause and ends the sentence ("..., polls show.",
        // "..., he believes.").
        let clause_ok = (cue.entry.flags.clause || as_clause) && after.is_none();
        if let Some(pre) = before(words, boundary, prev)
            && (!weak
                || has_quote(words, pre)
                || (clause_ok
                    && word_count(words, pre) >= 4
                    && (cue.entry.class == AttributionClass::Attitude
                        || ends_at_cue(lex, words, cue))))
        {
            let mut content = vec![pre];
            content.extend(continuation(lex, words, cue.words.end, next_cue));
            return Some(make(Some(source), content));
        }
    }
    // "European markets posted gains", "Soybean futures posted strong gains": for a cue
    // flagged `agent`, an object naming a result after a subject that cannot speak (a head
    // that is neither a name, a pronoun nor a listed descriptor noun) reports nothing.
    // A display verb's object after a subject that neither speaks nor documents
    // ("Television shows the crowd cheering") is a sight, not a report; a document anywhere
    // in the source ("A video of the incident shows", "polls released Sunday showed") reports.
    if cue.entry.flags.display
        && class(lex, words, source.core.end - 1) == Class::Other
        && !words[display_subject_start(words, source.span)..source.span.end]
            .iter()
            .any(|w| STUDIES.contains(&w.lower()) || crate::owner::is_document(w.lower()))
        && after.as_ref().is_some_and(|(_, i)| *i == Intro::Object)
    {
        return None;
    }
    if cue.entry.flags.agent
        && class(lex, words, source.core.end - 1) == Class::Other
        && after.as_ref().is_some_and(|(p, i)| {
            *i == Intro::Object
                && words[p.start..p.end]
                    .iter()
                    .take(5)
                    .any(|w| w.is_word() && RESULTS.contains(&w.lower()))
        })
    {
        return None;
    }
    let Some((mut content, _)) = after else {
        // `Trump said Friday.` alone: what was said is the sentence before, when it is a
        // quotation; the extractor fills it in, so content stays empty here.
        // An addressee ("Obama asked Republican politicians.") and a trailing participle
        // ("Trump asked, looking pleased.") leave the report bare.
        let tail = if cue.entry.flags.obj {
            addressee_end(lex, words, cue.words.end)
        } else {
            cue.words.end
        };
        let opens = words[..first].iter().all(|w| !w.is_word());
        // `"Who do they think they are?" Trump said of Apple in February, when ...`: a
        // question or exclamation closes its own sentence, and the cue opening the next
        // may carry a setting; with nothing reported after it, the quotation is its
        // content (the extractor keeps the report only when one stands right before).
        let bare =
            opens && (ends_bare(lex, words, tail) || (!weak && setting_follows(words, tail)));
        // `"...?" Trump asked.`: a question is what "asked" reports.
        let asks = cue.entry.lemma == "ask";
        return (bare && (!weak || asks)).then(|| make(Some(source), Vec::new()));
    };
    if let Some(antecedent) = source.antecedent
        && source.span.end == source.span.start + 1
        && antecedent.start <= dateline_end(words)
    {
        content = before_main_verb(lex, words, content);
    }
    Some(make(Some(source), vec![content]))
}

/// The end of a bare report's addressee: a pronoun or a short listed phrase ("asked him",
/// "told the officer"), or a determiner with plain words the lists do not know, up to four
/// (`"...?" Todd asked the real estate mogul.`).
fn addressee_end(lex: &Lexicon, words: &[Word<'_>], j: usize) -> usize {
    let end = skip_object(lex, words, j);
    if end > j || class(lex, words, j) != Class::Det {
        return end;
    }
    let mut k = j + 1;
    while k < words.len()
        && k - j <= 4
        && words[k].is_word()
        && matches!(class(lex, words, k), Class::Other | Class::Noun)
        && !lex.is_modifier(words[k].lower())
        && !words[k].cue
    {
        k += 1;
    }
    if k > j + 1 { k } else { j }
}

/// Whether nothing but modifiers, capitalized words and a trailing participle clause
/// (", looking far from displeased") follows word `from`: a report with no content of its
/// own.
fn ends_bare(lex: &Lexicon, words: &[Word<'_>], from: usize) -> bool {
    for (i, w) in words.iter().enumerate().skip(from) {
        if w.is(",")
            && words
                .get(i + 1)
                .is_some_and(|n| n.is_word() && n.lower().ends_with("ing"))
        {
            return true;
        }
        if w.is_word() && !lex.is_modifier(w.lower()) && !w.is_capitalized() {
            return false;
        }
    }
    true
}

/// Whether the words from `from` open with a setting (a preposition, after names and
/// time words: "said in response", "wrote Friday in an email to staff", "said of Apple"),
/// which reports nothing of its own.
fn setting_follows(words: &[Word<'_>], from: usize) -> bool {
    words[from.min(words.len())..]
        .iter()
        .find(|w| w.is_word() && !w.is_capitalized() && !is_time_word(w.lower()))
        .is_none_or(|w| SETTING_OPENERS.contains(&w.lower()))
}

/// Prepositions that open a cue's setting rather than its content.
const SETTING_OPENERS: &[&str] = &[
    "in", "on", "at", "of", "to", "during", "after", "before", "from", "via", "with", "through",
    "while", "when", "outside", "inside",
];

/// "Gul Ahmad, 45, who said 14 members of his family were killed, stood outside": a
/// relative clause on the sentence's subject closes before the main verb, so its content
/// ends at a comma (outside quotation marks) followed by a lowercase verb-like word (not a
/// determiner, pronoun, conjunction, preposition or noun from the lists).
fn before_main_verb(lex: &Lexicon, words: &[Word<'_>], mut content: Phrase) -> Phrase {
    if let Some(k) = (content.start + 1..content.end).find(|&i| {
        words[i].is(",")
            && !words[i].inside
            && words.get(i + 1).is_some_and(|n| {
                n.is_word()
                    && !n.is_capitalized()
                    && !n.inside
                    && !n.lower().ends_with("ly")
                    && matches!(class(lex, words, i + 1), Class::Other | Class::Aux)
            })
    }) {
        content.end = k;
    }
    content
}

/// Whether the object noun phrase opening at `j0` has a place or a position as its head
/// ("are defending [the Kursk region]", "defended the city"): the physical sense of an
/// object cue, not a stance. The head is the last word of the phrase's first run of plain
/// words (at most five) ending at punctuation or a preposition, so "defended the city's
/// budget" and "defended the city council's decision" keep their objects. A place the
/// entities stage names is one too ("attacked southern Israel").
fn names_terrain(lex: &Lexicon, words: &[Word<'_>], j0: usize) -> bool {
    // A spatial preposition the function-word list does not class as one ends the head
    // too: "attacked two army positions near the river".
    let ends_phrase = |i: usize| {
        words.get(i).is_none_or(|w| {
            !w.is_word()
                || matches!(
                    w.lower(),
                    "near"
                        | "outside"
                        | "inside"
                        | "around"
                        | "along"
                        | "across"
                        | "north"
                        | "south"
                        | "east"
                        | "west"
                )
        })
    };
    let mut i = j0;
    while i < words.len().min(j0 + 5)
        && !ends_phrase(i)
        && !words[i].cue
        && !matches!(
            class(lex, words, i),
            Class::Break | Class::Prep | Class::Aux | Class::Pronoun
        )
    {
        i += 1;
    }
    i > j0
        && (i == words.len()
            || ends_phrase(i)
            || matches!(class(lex, words, i), Class::Break | Class::Prep))
        && (TERRAIN.contains(&words[i - 1].lower()) || words[i - 1].place)
}

/// Whether `lower` is a head noun of a place or a military position ("town", "region").
pub(crate) fn is_terrain(lower: &str) -> bool {
    TERRAIN.contains(&lower)
}

/// Whether the source's head is a study, a poll or a document (`studies.txt`).
/// The subject of a study cue at `h` headed by a study or document noun with a
/// postmodifier running to the cue: "A survey by the organization in March", "A poll from
/// Marquette Law School released Wednesday". The postmodifier opens with a preposition or
/// a participle and holds only words.
fn study_subject(lex: &Lexicon, words: &[Word<'_>], floor: usize, h: usize) -> Option<Source> {
    let is_study =
        |w: &Word<'_>| STUDIES.contains(&w.lower()) || crate::owner::is_document(w.lower());
    let i = (floor..h).rev().find(|&i| is_study(&words[i]))?;
    // Lowercase: "Telephone Surveys Limited" is a name.
    let next = words
        .get(i + 1)
        .filter(|w| i + 1 < h && !w.is_capitalized())?
        .lower();
    let opens = matches!(next, "from" | "by" | "in" | "of" | "among" | "for" | "on")
        || (next.len() > 4 && next.ends_with("ed"));
    // A finite verb or a relative word between the study and the cue makes the study the
    // subject of another clause ("Interior's report failed to stress the probability that
    // finding ...", "THE INVESTIGATION ... HAVE BEEN DISTRUSTFUL EVER SINCE ... SHOWED").
    let clause_between = |w: &Word<'_>| {
        FINITE.contains(&w.lower()) || matches!(w.lower(), "that" | "which" | "who" | "whom")
    };
    if !opens
        || words[i + 1..h]
            .iter()
            .any(|w| !w.is_word() || w.inside || clause_between(w))
    {
        return None;
    }
    let mut start = i;
    while start > floor
        && words[start - 1].is_word()
        && matches!(
            class(lex, words, start - 1),
            Class::Det | Class::Cap | Class::Number | Class::Possessive | Class::Other
        )
    {
        start -= 1;
    }
    let core = Phrase { start, end: i + 1 };
    Some(Source {
        span: Phrase { start, end: h },
        core,
        apposition: None,
        antecedent: None,
    })
}

fn names_study(words: &[Word<'_>], source: &Source) -> bool {
    source
        .core
        .end
        .checked_sub(1)
        .and_then(|i| words.get(i))
        .is_some_and(|w| STUDIES.contains(&w.lower()) || crate::owner::is_document(w.lower()))
}

/// Studies, polls and the like (`data/attribution/studies.txt`).
static STUDIES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../../data/attribution/studies.txt")));

/// Head nouns of a place or a military position (`data/attribution/terrain.txt`).
static TERRAIN: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../../data/attribution/terrain.txt")));

/// Statuses after a passive "feared" or "reported" (`data/attribution/statuses.txt`).
static STATUSES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../../data/attribution/statuses.txt")));

/// Nouns of a market or financial result (`data/attribution/results.txt`).
static RESULTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../../data/attribution/results.txt")));

/// Whether word `k`, after the comma that closes a post-posed source, opens the reporter's
/// frame of the whole sentence rather than more of what was said: a simultaneous event
/// ("as rescuers searched the rubble", "amid heavy shelling") or the manner of the report
/// ("without providing evidence"). Other openers stay in the content, as PolNeAR annotates
/// ("..., he said, because Russians are now living longer", "..., by creating ...",
/// "..., with each receiving 40 percent").
/// Whether the clause at `k` (after a comma) states a sourcing condition: it is one
/// ("on condition of anonymity", "requested anonymity") or opens with a participle, a
/// relative or a cause and reaches one within a few words ("speaking on condition of
/// anonymity because ...", "who asked not to be named", "because they were not authorized
/// to speak publicly"). It says why the source is unnamed, not what was said.
fn sourcing_clause(words: &[Word<'_>], k: usize) -> bool {
    let Some(w) = words.get(k) else {
        return false;
    };
    if w.condition {
        return true;
    }
    if !matches!(
        w.lower(),
        "speaking" | "spoke" | "who" | "because" | "since" | "as"
    ) {
        return false;
    }
    words[k + 1..words.len().min(k + 7)]
        .iter()
        .take_while(|w| w.is_word())
        .any(|w| w.condition)
}

fn opens_adjunct(words: &[Word<'_>], k: usize) -> bool {
    let Some(w) = words.get(k) else {
        return false;
    };
    match w.lower() {
        "amid" | "without" => true,
        // ", a hunger monitor said on Tuesday, in a report the government rejected": where
        // it was said, not more of what was said.
        // ", officials said, in what they called a threat": the reporter's gloss.
        "in" if words.get(k + 1).is_some_and(|n| n.lower() == "what") => true,
        "in" | "on" | "during" => setting_phrase(words, k + 1),
        // ", the chief said, an account the family disputed": the reporter's remark.
        "a" | "an" => crate::phrase::remark_at(words, k),
        // "..., according to an estimate by Moody's RMS, while CoreLogic put the figure
        // at ...": a contrast naming another actor is the reporter's, not the speaker's.
        "while" | "whereas" => words
            .get(k + 1)
            .is_some_and(|n| n.is_capitalized() && n.is_word()),
        // "as well as", "as much as": a comparison continues the clause.
        "as" => words.get(k + 1).is_some_and(|n| {
            n.is_word() && !matches!(n.lower(), "well" | "much" | "many" | "long" | "soon")
        }),
        _ => false,
    }
}

/// Statements a setting after a cue names (", he said, in an interview with CNN"): not
/// [`SETTING_NOUNS`], whose times ("in the past few days") may open the content and whose
/// "report" would make "declined to comment on a press report saying" a setting.
const STATEMENTS: &[&str] = &[
    "statement",
    "interview",
    "conference",
    "briefing",
    "speech",
    "address",
    "post",
    "tweet",
    "email",
    "call",
    "remarks",
    "comments",
    "video",
    "message",
    "letter",
    "report",
    "release",
];

/// Whether the words from `k` are setting words up to a statement noun ("a report", "a
/// televised address").
fn setting_phrase(words: &[Word<'_>], k: usize) -> bool {
    for w in words.iter().skip(k).take(4) {
        let lower = w.lower();
        if STATEMENTS.contains(&lower) {
            return true;
        }
        if !w.is_word() || !tally_times::SETTING_WORDS.contains(&lower) {
            return false;
        }
    }
    false
}

/// The issuer of a document read as a cue's source: "{The town} released [a statement]
/// Wednesday saying", "{His office} put out [a statement] saying". The source phrase must end
/// in a document noun right after an issuing verb (`issued.tsv`), and the issuer is the
/// phrase before that verb; returns it with the verb's index (where the cue starts).
fn issuer(
    lex: &Lexicon,
    words: &[Word<'_>],
    source: &Source,
    floor: usize,
    left: &dyn Fn(usize) -> Option<Source>,
) -> Option<(Source, usize)> {
    if source.antecedent.is_some() || source.apposition.is_some() {
        return None;
    }
    let head = words.get(source.core.end.checked_sub(1)?)?;
    if !lex.is_issued_document(head.lower()) {
        return None;
    }
    let mut v = source.span.start.checked_sub(1)?;
    // "declassified intelligence documents alleging": with no determiner the phrase keeps
    // only the head (`phrase::left` drops unanchored lowercase words); its modifiers
    // stand between it and the verb.
    for _ in 0..2 {
        let w = words[v].lower();
        if v > floor
            && class(lex, words, v) == Class::Other
            && w != "out"
            && !lex.is_issuing_verb(w, false)
        {
            v -= 1;
        }
    }
    let out = words[v].lower() == "out";
    if out {
        v = v.checked_sub(1)?;
    }
    let verb = &words[v];
    if v <= floor || !verb.is_word() || verb.inside || !lex.is_issuing_verb(verb.lower(), out) {
        return None;
    }
    let h = skip_left_adjuncts(lex, words, v, floor);
    if h <= floor {
        return None;
    }
    Some((left(h - 1)?, v))
}

/// The words from the start of the clause to `h` (the cue's left edge) as the subject, when
/// nothing there reads as a verb, clause break or quotation: at most
/// [`MAX_CLAUSE_SUBJECT`] words after a leading conjunction or introductory phrase.
fn clause_subject(lex: &Lexicon, words: &[Word<'_>], floor: usize, h: usize) -> Option<Source> {
    if h <= floor {
        return None;
    }
    let mut start = h;
    while start > floor {
        let w = &words[start - 1];
        if is_clause_end(w) || w.is(":") || w.quote().is_some() || w.cue || w.inside {
            break;
        }
        start -= 1;
    }
    // An opening clause with its own verb before the subject is not the subject.
    if start != floor && !is_clause_end(&words[start - 1]) && !words[start - 1].is(":") {
        return None;
    }
    // "But", "Yet", "Still,": a sentence adverb or conjunction before the subject.
    while start < h
        && (words[start].is(",")
            || matches!(
                words[start].lower(),
                "and" | "but" | "yet" | "still" | "so" | "now" | "instead" | "meanwhile"
            ))
    {
        start += 1;
    }
    // "On economic issues, 42% say": an introductory prepositional phrase ends at its comma.
    if start < h
        && matches!(class(lex, words, start), Class::Prep | Class::Break)
        && let Some(c) = (start..h).find(|&i| words[i].is(","))
    {
        start = c + 1;
    }
    let span = trim_comma(words, Phrase { start, end: h });
    // "Residents in the town of Paiporta, where at least 40 people died, told": a relative
    // clause between commas belongs to the subject; the words before it name the speaker.
    let core = relative_tail(words, span, h).map_or(span, |c| trim_comma(words, c));
    let n = word_count(words, core);
    if core.end <= core.start || n == 0 || n > MAX_CLAUSE_SUBJECT {
        return None;
    }
    // A subject has no auxiliary or finite verb of its own ("the bill was passed, he
    // says" is a clause); a relative pronoun means a clause the phrase scan declined.
    let clause_word = words[core.start..core.end]
        .iter()
        .enumerate()
        .any(|(k, w)| {
            class(lex, words, span.start + k) == Class::Aux && !w.lower().ends_with("ly")
                || matches!(
                    w.lower(),
                    "who" | "which" | "that" | "whom" | "whose" | "if" | "when" | "because"
                )
                || FINITE.contains(&w.lower())
        });
    if clause_word {
        return None;
    }
    // The head (last word) must be able to name someone: not a preposition or pronoun
    // object ("told him").
    // "42% say": a share heads the phrase.
    let share = words[span.end - 1].is("%");
    // "Another said", "Each said": a quantifying determiner standing alone names people.
    let quantifier = n == 1
        && matches!(
            words[span.start].lower(),
            "another" | "each" | "both" | "all" | "few" | "several" | "many" | "most" | "some"
        );
    if !share
        && !quantifier
        && matches!(
            class(lex, words, core.end - 1),
            Class::Prep | Class::Break | Class::Det | Class::Aux | Class::Punct
        )
    {
        return None;
    }
    Some(Source {
        span,
        core,
        apposition: None,
        antecedent: None,
    })
}

/// The subject before a relative clause that closes `span` between commas (", where at
/// least 40 people died," right before the cue at `h`): the words before the clause's
/// opening comma. None when the span has no such clause or the clause is no plain one
/// (a quotation, another comma, or more than [`MAX_RELATIVE_TAIL`] words).
fn relative_tail(words: &[Word<'_>], span: Phrase, h: usize) -> Option<Phrase> {
    if !words[h - 1].is(",") {
        return None;
    }
    let open = (span.start + 1..span.end)
        .rev()
        .find(|&i| words[i].is(","))?;
    let first = words.get(open + 1)?.lower();
    if !matches!(first, "where" | "when" | "who" | "whose" | "which")
        || span.end - open > MAX_RELATIVE_TAIL
        || words[open..span.end].iter().any(|w| w.quote().is_some())
    {
        return None;
    }
    Some(Phrase {
        start: span.start,
        end: open,
    })
}

/// Most tokens a relative clause read by [`relative_tail`] has.
const MAX_RELATIVE_TAIL: usize = 16;

/// Whether a source phrase ends in a bare figure after a determiner or possessive ("the
/// 285", "her 1,280"): a count, not a name. "Six in 10" and "those over 60" are shares of
/// people; "3M" and "G7" have letters.
fn bare_figure(lex: &Lexicon, words: &[Word<'_>], core: Phrase) -> bool {
    core.end > core.start + 1 && {
        let t = words[core.end - 1].text;
        t.starts_with(|c: char| c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && matches!(
                class(lex, words, core.end - 2),
                Class::Det | Class::Possessive
            )
    }
}

/// Most words a subject read by [`clause_subject`] has.
const MAX_CLAUSE_SUBJECT: usize = 10;

/// Most words (tokens, punctuation included) one content phrase runs to.
const MAX_CONTENT_WORDS: usize = 500;

/// Whether a lowercase word is a word of time that may stand between a source and its cue
/// ("Feinstein last week said", "the campaign on Thursday said"): one of
/// [`said_at::DAYS`](crate::said_at::DAYS) or of [`TIME_WORDS`].
pub(crate) fn is_time_word(lower: &str) -> bool {
    crate::said_at::DAYS.contains(&lower) || TIME_WORDS.contains(&lower)
}

/// Words of time other than the days (see [`is_time_word`]).
const TIME_WORDS: &[&str] = &[
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "last",
    "this",
    "on",
    "late",
    "early",
];

/// Nouns that end a prepositional phrase between a source and its cue ("Trump at the time
/// said", "Beck, who has in the past described", "Ryan in a statement said").
const SETTING_NOUNS: &[&str] = &[
    "time",
    "past",
    "statement",
    "interview",
    "speech",
    "tweet",
    "post",
    "letter",
    "email",
    "conference",
    "briefing",
    "hearing",
    "rally",
    "debate",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "night",
    "remarks",
    "appearance",
    "op-ed",
    "memo",
    "video",
    "release",
];

/// The index after skipping auxiliaries, adverbs and time words to the left of a cue.
fn skip_left_adjuncts(lex: &Lexicon, words: &[Word<'_>], cue: usize, floor: usize) -> usize {
    let mut h = cue;
    // A prepositional setting right before the cue: "at the time", "in a statement".
    if h > floor + 1 && SETTING_NOUNS.contains(&words[h - 1].lower()) {
        let prep = (h.saturating_sub(4).max(floor)..h - 1).rev().find(|&i| {
            matches!(
                words[i].lower(),
                "at" | "in" | "on" | "during" | "over" | "via"
            )
        });
        if let Some(p) = prep
            && p > floor
            && words[p + 1..h - 1]
                .iter()
                .all(|w| w.is_word() && !w.is_capitalized())
        {
            h = p;
        }
    }
    while h > floor {
        let w = &words[h - 1];
        // "Trump and Sanders have both argued", "He and Goodlatte both condemned": a
        // floating quantifier after the subject.
        let floating = h - 1 > floor && matches!(w.lower(), "both" | "all" | "each");
        let skip = floating
            || class(lex, words, h - 1) == Class::Aux
            || (w.is_word() && is_time_word(w.lower()))
            // "Her campaign workers here said".
            || (h == cue && matches!(w.lower(), "here" | "there") && h - 1 > floor)
            // "She has since said": "since" after an auxiliary is an adverb, not a clause.
            || (w.lower() == "since" && h - 1 > floor && class(lex, words, h - 2) == Class::Aux);
        if !skip {
            break;
        }
        h -= 1;
    }
    h
}

/// A subject with a relative clause before the cue: "Hawkins and others who want to ban
/// abortion said" → the phrase before "who" through the end of the clause.
fn relative_subject(lex: &Lexicon, words: &[Word<'_>], h: usize, floor: usize) -> Option<Source> {
    let lo = h.saturating_sub(24).max(floor);
    let who = (lo..h)
        .rev()
        .find(|&i| words[i].is_word() && matches!(words[i].lower(), "who" | "whose"))?;
    if words[who..h].iter().any(is_clause_end) {
        return None;
    }
    let before = if who > floor && words[who - 1].is(",") {
        who - 1
    } else {
        who
    };
    let core = phrase::left_of(lex, words, before, floor)?;
    Some(Source {
        span: Phrase {
            start: core.start,
            end: h,
        },
        core,
        apposition: None,
        antecedent: None,
    })
}

fn trim_comma(words: &[Word<'_>], mut p: Phrase) -> Phrase {
    while p.end > p.start + 1 && words[p.end - 1].is(",") {
        p.end -= 1;
    }
    p
}

/// The source ending at word `head`: a plain phrase; a phrase followed by a comma-enclosed
/// apposition, relative clause or adjunct ("Murphy, the head of Right to Rise USA, said",
/// "Mr. Leenders, who estimated ..., said", "Lewandowski, in a statement, said"); a phrase
/// with a parenthesis ("Rep. Hank Johnson (D-Ga.) said"); or a relative pronoun with its
/// antecedent ("Smith, who said").
fn left_source(
    lex: &Lexicon,
    words: &[Word<'_>],
    head: usize,
    floor: usize,
    cue_floor: usize,
) -> Option<Source> {
    let w = &words[head];
    let lower = w.lower();
    if matches!(lower, "who" | "which") {
        let mut a = head;
        if a > floor && (words[a - 1].is(",") || is_dash(&words[a - 1])) {
            a -= 1;
        }
        // "Gul Ahmad, 45, who said ...": an age between commas sits between the name and
        // its relative clause.
        if a >= cue_floor + 3
            && words[a - 1].text.bytes().all(|b| b.is_ascii_digit())
            && words[a - 2].is(",")
        {
            a -= 2;
        }
        // The antecedent may be the previous cue's source ("said Beck, who said ...").
        let antecedent = a
            .checked_sub(1)
            .filter(|&i| i >= cue_floor)
            .and_then(|i| phrase::left(lex, words, i, cue_floor));
        let span = Phrase {
            start: head,
            end: head + 1,
        };
        return Some(Source {
            span,
            core: span,
            apposition: None,
            antecedent,
        });
    }
    // "Jason Sims — a teacher from Mount Pleasant — says": an apposition or relative
    // clause between dashes.
    if is_dash(w) {
        let open = (floor..head)
            .rev()
            .take(30)
            .take_while(|&i| !words[i].is(".") && words[i].quote().is_none())
            .find(|&i| is_dash(&words[i]))?;
        if !words[open + 1..head].iter().any(Word::is_word) {
            return None;
        }
        let core = phrase::left_of(lex, words, open, floor)?;
        let inner = Phrase {
            start: open + 1,
            end: head,
        };
        return Some(Source {
            span: Phrase {
                start: core.start,
                end: head,
            },
            core,
            apposition: (!matches!(words[open + 1].lower(), "who" | "which")).then_some(inner),
            antecedent: None,
        });
    }
    if w.is(")") {
        let open = (floor..head).rev().take(8).find(|&i| words[i].is("("))?;
        let core = phrase::left_of(lex, words, open, floor)?;
        return Some(Source {
            span: Phrase {
                start: core.start,
                end: head + 1,
            },
            core,
            apposition: None,
            antecedent: None,
        });
    }
    if w.is(",") {
        if head > floor && words[head - 1].is(")") {
            let mut inner = left_source(lex, words, head - 1, floor, cue_floor)?;
            inner.span.end = head;
            return Some(inner);
        }
        // Find the comma that opens the inserted phrase; an apposition may itself contain
        // commas ("Anne Richards, assistant secretary for population, refugees, and
        // migration, said"), so try each earlier comma, nearest first.
        // The nearest candidate wins, unless a farther one is a name opening the clause
        // ("Giovanni Maria Vian, the editor of the newspaper, L'Osservatore Romano, said").
        let mut nearest: Option<Source> = None;
        let mut open = head;
        loop {
            if open <= floor || head - open >= 40 {
                return nearest;
            }
            open -= 1;
            if words[open].quote().is_some() || is_clause_end(&words[open]) {
                return nearest;
            }
            if !words[open].is(",") || open <= floor {
                continue;
            }
            let inner = Phrase {
                start: open + 1,
                end: head,
            };
            let core = if words[open - 1].is(")") {
                left_source(lex, words, open - 1, floor, cue_floor).map(|s| Phrase {
                    start: s.core.start,
                    end: open,
                })
            } else {
                phrase::left(lex, words, open - 1, floor)
            };
            let Some(core) = core else {
                continue;
            };
            let first = class(lex, words, inner.start);
            let first_lower = words[inner.start].lower();
            let relative = matches!(first_lower, "who" | "whose" | "which");
            let named_core = matches!(class(lex, words, core.end - 1), Class::Cap | Class::Title);
            // "Amy Pope, deputy homeland security advisor, said": a bare role ending in a
            // descriptor noun.
            let role_noun = class(lex, words, head - 1) == Class::Noun;
            let describes = relative
                || matches!(
                    first,
                    Class::Det
                        | Class::Cap
                        | Class::Title
                        | Class::Possessive
                        | Class::Number
                        | Class::Noun
                )
                || (first == Class::Other && (named_core || role_noun));
            // "Murphy, though, said", "Lewandowski, in a statement, said", "Rubio,
            // appearing on Fox News, said", "Several candidates, including Trump, said": an
            // adjunct.
            let adjunct = !relative
                && (matches!(first, Class::Prep | Class::Aux)
                    || matches!(
                        first_lower,
                        "though"
                            | "however"
                            | "meanwhile"
                            | "too"
                            | "on"
                            | "during"
                            | "after"
                            | "before"
                            | "speaking"
                            | "at"
                            | "by"
                            | "including"
                    )
                    || (first_lower.len() > 5
                        && first_lower.ends_with("ing")
                        && first == Class::Other));
            if !describes && !adjunct {
                continue;
            }
            let apposition = (describes && !relative).then_some(inner);
            let candidate = Source {
                span: Phrase {
                    start: core.start,
                    end: if describes { head } else { core.end },
                },
                core,
                apposition,
                antecedent: None,
            };
            // After a comma the phrase may itself sit in an adjunct ("Sandy Phillips, who
            // lost her daughter in Aurora, Colorado, in July 2012, said"): keep looking.
            let opens_clause = core.start == floor
                || (!words[core.start - 1].is_word() && !words[core.start - 1].is(","));
            let named = class(lex, words, core.end - 1) == Class::Cap;
            if nearest.is_none() {
                if opens_clause {
                    return Some(candidate);
                }
                nearest = Some(candidate);
            } else if named && opens_clause && describes {
                return Some(candidate);
            }
        }
    }
    let mut core = phrase::left(lex, words, head, floor)?;
    // "Former U.N. Ambassador John Bolton and Breitbart News editor Sebastian Gorka said":
    // coordinated subjects, the first opening the clause and ending in a name or noun.
    if core.start >= floor + 2
        && words[core.start - 1].lower() == "and"
        && let Some(first) = phrase::left(lex, words, core.start - 2, floor)
        && (matches!(
            class(lex, words, first.end - 1),
            Class::Cap | Class::Noun | Class::Title | Class::Pronoun
        ) || (class(lex, words, first.end - 1) == Class::Other
            && phrase::plural_like(words[first.end - 1].text)
            && class(lex, words, core.end - 1) == Class::Noun
            // "teachers and union officials", "Her directors and advisers"; not "protesting
            // unpaid wages and government plans".
            && (first.end == first.start + 1
                || (first.end == first.start + 2
                    && matches!(class(lex, words, first.start), Class::Det | Class::Possessive)))))
        && (first.start == floor || !words[first.start - 1].is_word())
    {
        core.start = first.start;
    }
    Some(Source {
        span: core,
        core,
        apposition: None,
        antecedent: None,
    })
}

/// The subject at the start of the clause, for a cue in a coordinated verb phrase
/// ("Trump has criticized ... and claimed ...") or a participle with no earlier cue. An
/// opening dateline ("WASHINGTON —") or introductory phrase ("In a statement,") is skipped.
fn subject(lex: &Lexicon, words: &[Word<'_>], floor: usize, limit: usize) -> Option<Source> {
    let mut s = floor;
    // "WASHINGTON —", "WASHINGTON, Dec. 8 (UPI) —": a dateline before a dash.
    if let Some(d) = words[s..limit.min(words.len())]
        .iter()
        .take(12)
        .position(|w| matches!(w.text, "\u{2014}" | "--" | "\u{2013}"))
    {
        s += d + 1;
    } else if words.get(s).is_some_and(|w| {
        w.text.len() > 1 && w.text.chars().all(|c| c.is_ascii_uppercase() || c == '.')
    }) && let Some(d) = words[s..limit.min(words.len())]
        .iter()
        .take(12)
        .position(|w| w.is("-"))
    {
        // "BUENA PARK, Calif. - Rallying ...": a capitals dateline before a hyphen.
        s += d + 1;
    }
    // "In a statement, ...", "Speaking in Salem, ...", "Hours later, ...", "Instead, ...":
    // introductory phrases (a function word, a participle, an adverb or a time phrase
    // first), each up to its comma.
    for _ in 0..2 {
        let Some(w) = words.get(s) else {
            break;
        };
        let lower = w.lower();
        let introductory = (matches!(
            class(lex, words, s),
            Class::Break | Class::Prep | Class::Aux
        ) && !matches!(lower, "but" | "and" | "yet"))
            || (lower.len() > 4
                && (lower.ends_with("ing") || lower.ends_with("ed") || lower.ends_with("ly")))
            || matches!(
                lower,
                "throughout"
                    | "along"
                    | "amid"
                    | "despite"
                    | "unlike"
                    | "like"
                    | "beyond"
                    | "across"
                    | "within"
                    | "without"
                    | "among"
                    | "toward"
                    | "towards"
                    | "besides"
                    | "now"
                    | "then"
                    | "today"
                    | "yesterday"
                    | "overall"
                    | "again"
                    | "once"
                    | "thus"
                    | "indeed"
                    | "first"
                    | "instead"
                    | "however"
                    | "hours"
                    | "days"
                    | "moments"
                    | "minutes"
                    | "weeks"
                    | "later"
                    | "earlier"
                    | "meanwhile"
                    | "still"
                    | "separately"
                    | "asked"
            );
        let comma = words[s..limit.min(words.len())]
            .iter()
            .take(12)
            .position(|w| w.is(","));
        match comma {
            // Not the comma before the cue itself: "And then Trump went on the attack,
            // saying ...": "then" opens the clause, and its subject follows.
            Some(c) if introductory && s + c + 1 < limit => s += c + 1,
            _ => break,
        }
    }
    while s < limit
        && s < words.len()
        && (!words[s].is_word()
            || matches!(
                words[s].lower(),
                "but" | "and" | "yet" | "still" | "meanwhile" | "so" | "then"
            ))
    {
        s += 1;
    }
    // "Kasich bemoaned America's reputation, saying ...", "Mr. Trump tries to ...,
    // showcasing ...": a name followed by a lowercase word (its verb) is the whole subject;
    // the phrase scan would read on through the verb.
    let mut e = s;
    while e < limit && matches!(class(lex, words, e), Class::Cap | Class::Title) {
        e += 1;
    }
    let core = if e > s
        && e < limit
        && words[e].is_word()
        && !words[e].is_capitalized()
        && class(lex, words, e) == Class::Other
    {
        Phrase { start: s, end: e }
    } else {
        phrase::right(lex, words, s, limit)?
    };
    Some(Source {
        span: core,
        core,
        apposition: None,
        antecedent: None,
    })
}

fn participle<'l>(
    lex: &Lexicon,
    words: &[Word<'_>],
    cue: &CueAt<'l>,
    prev: Option<&Found<'_>>,
    next_cue: usize,
) -> Option<Found<'l>> {
    // "Clinton seemed ready to riff on it, telling the crowd ...": a report before with no
    // source of its own (a raising verb) leaves the clause's subject to the participle.
    let source = match prev.map(|f| f.source) {
        Some(Some(s)) => Some(s),
        _ => subject(lex, words, 0, cue.words.start),
    };
    // After a comma a participle reports whatever follows (", citing a poll", ", calling it
    // a mistake"), so weak cues need no explicit complement here.
    let (content, _) = after(lex, words, cue, next_cue)?;
    Some(Found {
        cue: cue.words,
        lemma: &cue.entry.lemma,
        class: cue.entry.class,
        source,
        content: vec![content],
    })
}

/// Whether a passive cue raises its subject: "be" (and adverbs) before a past participle
/// and "to" after it ("is not expected to happen", "is widely believed to have ...", "is
/// said to be furious"). What is reported is the subject with the infinitive; nobody is
/// named. Not a verb taking an addressee ("was told to leave").
fn passive_raising(lex: &Lexicon, words: &[Word<'_>], cue: &CueAt<'_>) -> bool {
    // "was admitted to hospital", "was added to the list": another sense.
    if cue.entry.flags.obj || cue.entry.flags.sense || cue.words.end != cue.words.start + 1 {
        return false;
    }
    let form = words[cue.words.start].lower();
    let participle = form.ends_with("ed") || matches!(form, "said" | "thought" | "known" | "seen");
    // "Three hikers were reported missing", "he was reported dead": a status after a
    // passive report with no agent is the subject's state, reported by nobody named.
    // "feared dead" is no report at all (see `complement`).
    if participle
        && cue.entry.lemma != "fear"
        && words
            .get(cue.words.end)
            .is_some_and(|w| w.is_word() && STATUSES.contains(&w.lower()))
        && cue.words.start > 0
        && is_be(words[cue.words.start - 1].lower())
    {
        return true;
    }
    // "to" opens an infinitive, not a phrase ("be added to the 21 mln dlrs").
    let verb_after = words.get(cue.words.end + 1).is_some_and(Word::is_word)
        && matches!(
            class(lex, words, cue.words.end + 1),
            Class::Other | Class::Aux
        );
    if !participle || words.get(cue.words.end).is_none_or(|w| w.lower() != "to") || !verb_after {
        return false;
    }
    let mut i = cue.words.start;
    while i > 0 && cue.words.start - i < 3 {
        let w = &words[i - 1];
        if is_be(w.lower()) {
            return true;
        }
        if class(lex, words, i - 1) != Class::Aux {
            return false;
        }
        i -= 1;
    }
    false
}

/// "He was quoted as saying [the plan would fail]", "The minister was quoted by Interfax
/// as saying [...]": the subject is the source (the quoting outlet only relays), the cue
/// runs from "be" through "saying", and the content is what follows it.
fn quoted_as_saying<'l>(
    lex: &Lexicon,
    words: &[Word<'_>],
    cue: &CueAt<'l>,
    prev: Option<&Found<'_>>,
    cues: &[CueAt<'_>],
) -> Option<Found<'l>> {
    if cue.entry.lemma != "quote" || words[cue.words.start].lower() != "quoted" {
        return None;
    }
    let be = cue.words.start.checked_sub(1)?;
    if !matches!(
        words[be].lower(),
        "is" | "are" | "was" | "were" | "been" | "being"
    ) {
        return None;
    }
    // "as saying" right after the cue or after a short "by <outlet>" / time phrase.
    let as_at = (cue.words.end..words.len().min(cue.words.end + 10))
        .take_while(|&i| words[i].is_word() && !words[i].inside)
        .find(|&i| {
            words[i].lower() == "as"
                && words
                    .get(i + 1)
                    .is_some_and(|w| matches!(w.lower(), "saying" | "stating"))
        })?;
    let verb = as_at + 1;
    let floor = prev.map_or(0, |f| f.cue.end.max(f.source.map_or(0, |s| s.span.end)));
    let mut h = be;
    // "has been quoted", "was also quoted": auxiliaries and adverbs before "be".
    while h > floor && class(lex, words, h - 1) == Class::Aux {
        h -= 1;
    }
    if h <= floor {
        return None;
    }
    let source = left_source(lex, words, h - 1, floor, prev.map_or(0, |f| f.cue.end))?;
    let mut start = verb + 1;
    while words
        .get(start)
        .is_some_and(|w| w.is(":") || w.is(",") || w.lower() == "that")
    {
        start += 1;
    }
    // A later report ends the content (", the spokesperson said").
    let next_cue = cues
        .iter()
        .find(|c| c.words.start > verb)
        .map_or(words.len(), |c| c.words.start);
    // `"...," Wallison was quoted as saying in an interview`: only a setting follows, and
    // the quotation before the source is the content.
    // "as saying in an interview that ...": the setting before "that" is no content.
    if words
        .get(start)
        .is_some_and(|w| w.is_word() && class(lex, words, start) == Class::Prep)
        && let Some(that) = (start + 1..words.len().min(start + 12))
            .take_while(|&i| words[i].is_word())
            .find(|&i| words[i].lower() == "that")
    {
        start = that + 1;
    }
    let setting = words.get(start).is_none_or(|w| {
        is_clause_end(w) || (w.is_word() && class(lex, words, start) == Class::Prep)
    });
    let content = if setting {
        if !boundary_before(words, source.span.start) {
            return None;
        }
        before(words, source.span.start, prev).map(|p| trim_comma(words, p))?
    } else {
        run_to_end(lex, words, start, next_cue)?
    };
    Some(Found {
        cue: Phrase {
            start: h,
            end: verb + 1,
        },
        lemma: &cue.entry.lemma,
        class: cue.entry.class,
        source: Some(source),
        content: vec![content],
    })
}

/// Whether a passive report has no agent and nothing reported after it: "The theft was
/// reported to police", "The deal was announced on Monday", "Her death was confirmed.".
/// The subject is what is reported, not who reports it (PolNeAR: no source, the subject is
/// the content). Only statements (a passive attitude is mostly the subject's own state:
/// "is convinced that"), not a verb taking an addressee ("was told"), not before "by",
/// "as" or "that" ("was quoted as saying", "was confirmed by the ministry"), nor with an
/// expletive subject ("It was announced on Monday that ...").
/// A form of "be" that makes a participle after it passive ("was", "been", ...).
fn is_be(lower: &str) -> bool {
    matches!(
        lower,
        "is" | "are" | "was" | "were" | "be" | "been" | "being"
    )
}

/// Participles naming the subject's own state ("was concerned that"): the subject holds
/// the view (`data/attribution/experiencer_participles.txt`).
static EXPERIENCER_PARTICIPLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    word_list(include_str!(
        "../../../data/attribution/experiencer_participles.txt"
    ))
});

/// Whether the one-word cue is a past participle after a form of "be", with at most one
/// adverb between ("had been reported", "were often denied").
fn passive_participle(lex: &Lexicon, words: &[Word<'_>], cue: Phrase, floor: usize) -> bool {
    let be = |i: usize| is_be(words[i].lower());
    let form = words[cue.start].lower();
    cue.end == cue.start + 1
        && (form.ends_with("ed") || matches!(form, "said" | "told" | "shown" | "known" | "thought"))
        && !EXPERIENCER_PARTICIPLES.contains(&form)
        // "is said to be planning": raising, read elsewhere with its subject.
        && words.get(cue.end).is_none_or(|w| w.lower() != "to")
        && cue.start > floor
        && (be(cue.start - 1)
            || (cue.start > floor + 1
                && class(lex, words, cue.start - 1) == Class::Aux
                && be(cue.start - 2)))
}

fn agentless_passive(lex: &Lexicon, words: &[Word<'_>], cue: &CueAt<'_>) -> bool {
    if cue.entry.flags.obj
        || cue.entry.flags.sense
        || cue.entry.class != AttributionClass::Statement
        || cue.words.end != cue.words.start + 1
        || cue.words.start < 2
    {
        return false;
    }
    let form = words[cue.words.start].lower();
    if !form.ends_with("ed") {
        return false;
    }
    let be = cue.words.start - 1;
    if !is_be(words[be].lower())
        || matches!(
            words[be - 1].lower(),
            "it" | "there" | "what" | "which" | "who" | "that" | "to" | "of"
        )
        || words[be].lower() == "being"
    {
        return false;
    }
    match words.get(cue.words.end) {
        None => true,
        Some(w) if !w.is_word() => matches!(w.text, "." | "," | ";" | "!" | "?"),
        Some(w) => {
            let next = w.lower();
            (matches!(
                next,
                "to" | "on" | "in" | "at" | "late" | "earlier" | "last" | "this"
            ) || is_time_word(next))
                && !words[cue.words.end..]
                    .iter()
                    .take_while(|w| !is_clause_end(w) && !w.is(","))
                    .any(|w| matches!(w.lower(), "that" | "by") || w.quote().is_some())
                && class(lex, words, cue.words.end) != Class::Aux
        }
    }
}

/// A raising cue ("Trump is expected to win", "the team seemed paralyzed"): no source;
/// the content is the subject and the complement, as PolNeAR annotates it. `bare`: an
/// agentless passive report may have no complement ("The theft was reported.").
fn raising<'l>(
    lex: &Lexicon,
    words: &[Word<'_>],
    cue: &CueAt<'l>,
    prev: Option<&Found<'_>>,
    next_cue: usize,
    passive: bool,
    bare: bool,
) -> Option<Found<'l>> {
    let c = cue.words.end;
    // An agentless passive report with nothing after it keeps the subject alone.
    let complement = match words.get(c) {
        // "The actor was confirmed dead": a status completes a weak passive cue too.
        Some(first)
            if first.is_word()
                && (!cue.entry.flags.weak
                    || first.lower() == "to"
                    || (passive && STATUSES.contains(&first.lower()))) =>
        {
            run_to_end(lex, words, c, next_cue)?
        }
        _ if bare => Phrase { start: c, end: c },
        _ => return None,
    };
    let floor = prev.map_or(0, |f| f.cue.end.max(f.source.map_or(0, |s| s.span.end)));
    let h = skip_left_adjuncts(lex, words, cue.words.start, floor);
    // The subject: back from the cue to the clause start, a comma or a relative pronoun.
    let mut start = h;
    while start > floor && h - start < 15 {
        let w = &words[start - 1];
        // "receipts for 1986/87 are now estimated to be ...".
        if !w.is_word() && !w.is("/") {
            break;
        }
        // A subordinator or a coordinated clause (", and the factory is not expected to
        // ...", "But it was not expected to ...") opens the subject's clause.
        let opens = matches!(
            w.lower(),
            "but"
                | "when"
                | "while"
                | "after"
                | "before"
                | "because"
                | "since"
                | "if"
                | "though"
                | "although"
                | "until"
                | "unless"
                | "whether"
                | "whereas"
                | "than"
        ) || (matches!(w.lower(), "and" | "or")
            && (start == 1 || words[start - 2].is(",") || start - 1 == floor));
        // Right before the cue it joins two predicates of one subject ("is moving to Los
        // Angeles but is expected to ..."); a passive there is read as a plain verb with
        // the subject of the first predicate ("Cerberus ... and is said to be planning").
        if opens && start < h {
            break;
        }
        if passive && start == h && (opens || matches!(w.lower(), "and" | "or")) {
            return None;
        }
        start -= 1;
        if matches!(w.lower(), "which" | "who" | "that") {
            break;
        }
    }
    let mut end = h;
    // "The central bank, which has held rates near zero since 2008, is expected to act":
    // a relative clause between commas belongs to the subject.
    if start == h
        && h > floor + 2
        && words[h - 1].is(",")
        && let Some(open) = (h.saturating_sub(25).max(floor + 1)..h - 1)
            .rev()
            .find(|&i| {
                words[i].is(",")
                    && words
                        .get(i + 1)
                        .is_some_and(|w| matches!(w.lower(), "which" | "who"))
            })
        && !words[open + 1..h - 1]
            .iter()
            .any(|w| is_clause_end(w) || w.is(",") || w.cue)
    {
        start = open;
        while start > floor && h - start < 40 && words[start - 1].is_word() {
            start -= 1;
        }
        if start == open {
            return None;
        }
        end = h - 1;
    }
    if start == h {
        return None;
    }
    let subject = Phrase { start, end };
    let cue_span = if passive {
        Phrase {
            start: h,
            end: cue.words.end,
        }
    } else {
        cue.words
    };
    Some(Found {
        cue: cue_span,
        lemma: &cue.entry.lemma,
        class: cue.entry.class,
        source: None,
        content: vec![subject, complement],
    })
}

/// A finding "in" a document: "Trump has a lead in the latest poll", "In a CNN poll
/// released Monday, 31% said ...". The cue is "in", the source the noun phrase up to the
/// document noun (to the comma when it opens the sentence), the content the rest of the
/// clause.
fn in_document<'l>(
    lex: &Lexicon,
    words: &[Word<'_>],
    cue: &CueAt<'l>,
    prev: Option<&Found<'_>>,
    next_cue: usize,
) -> Option<Found<'l>> {
    let head = cue.words.end - 1;
    let lo = cue.words.start.saturating_sub(8);
    let at = (lo..cue.words.start)
        .rev()
        .take_while(|&k| words[k].is_word() || matches!(words[k].text, "/" | "-" | "&"))
        .find(|&k| words[k].lower() == "in")?;
    let opening = words[..at]
        .iter()
        .all(|w| !w.is_word() || matches!(w.lower(), "but" | "and" | "yet"));
    let (source, content) = if opening {
        let comma = (head + 1..words.len().min(head + 12)).find(|&k| words[k].is(","))?;
        let source = Phrase {
            start: at + 1,
            end: comma,
        };
        (source, run_to_end(lex, words, comma + 1, next_cue)?)
    } else {
        // "Some 20 percent of people in a recent poll said ...", "Democrats in five states
        // going to the polls Tuesday say ...": a cue right after the document noun makes
        // the phrase part of its subject.
        if next_cue > head
            && next_cue - head <= 3
            && words[head + 1..next_cue].iter().all(Word::is_word)
        {
            return None;
        }
        // "has risen in the polls", "a lead in recent surveys": standing in polls in
        // general, not a report from one (PolNeAR train: 20 of 113 such cues annotated).
        if words[head].lower().ends_with('s') {
            return None;
        }
        let source = Phrase {
            start: at + 1,
            end: head + 1,
        };
        (source, before(words, at, prev)?)
    };
    if word_count(words, content) < 2 {
        return None;
    }
    Some(Found {
        cue: Phrase {
            start: at,
            end: at + 1,
        },
        lemma: &cue.entry.lemma,
        class: cue.entry.class,
        source: Some(Source {
            span: source,
            core: source,
            apposition: None,
            antecedent: None,
        }),
        content: vec![content],
    })
}

fn according_to<'l>(
    lex: &Lexicon,
    words: &[Word<'_>],
    cue: &CueAt<'l>,
    prev: Option<&Found<'_>>,
) -> Option<Found<'l>> {
    // The object of "according to" is the source, whatever its shape ("state corporate
    // records", "reports emerging in the news media").
    let from = cue.words.end;
    let mut end = from;
    // A quoted title inside it ("according to the \"Medicare for all\" document",
    // "according to his book \"The Art of the Deal.\"") is part of it, punctuation and all.
    while end < words.len()
        && end - from < 20
        && (words[end].inside || (!words[end].is(",") && !is_clause_end(&words[end])))
    {
        end += 1;
    }
    let marks = |dir: QuoteDir| {
        words[from..end]
            .iter()
            .filter(|w| w.quote() == Some(dir))
            .count()
    };
    if end == from || marks(QuoteDir::Open) != marks(QuoteDir::Close) {
        return None;
    }
    let span = Phrase { start: from, end };
    let core = phrase::right(lex, words, from, end).unwrap_or(span);
    let source = Source {
        span,
        core,
        apposition: phrase::apposition(lex, words, core.end, end),
        antecedent: None,
    };
    let mut source = source;
    let after_source = source.span.end;
    let opening = words[..cue.words.start]
        .iter()
        .all(|w| !w.is_word() || matches!(w.lower(), "but" | "and" | "yet"));
    let mut content = Vec::new();
    if opening {
        let mut s = after_source;
        while s < words.len() && words[s].is(",") {
            s += 1;
        }
        // "According to a person familiar with the plans, who was not authorized to discuss
        // them, exemptions ...": the relative clause describes the source.
        if words
            .get(s)
            .is_some_and(|w| matches!(w.lower(), "who" | "whom" | "whose" | "which"))
            && let Some(comma) = words[s..words.len().min(s + 40)]
                .iter()
                .position(|w| w.is(",") && !w.inside)
        {
            source.span.end = s + comma;
            s += comma + 1;
        }
        content.extend(run_to_end(lex, words, s, words.len()));
    } else {
        // `"...," the judge said, according to the Post`: the same content as the cue before.
        match before(words, cue.words.start, prev) {
            Some(p) => content.push(p),
            None => content.extend(prev.map(|f| f.content.clone()).unwrap_or_default()),
        }
        if words.get(after_source).is_some_and(|w| w.is(",")) {
            let rest = run_to_end(lex, words, after_source + 1, words.len());
            // "..., according to Jason Delisle, who was an adviser", "according to the
            // Human Rights Campaign, an advocacy group": a relative clause or apposition
            // describes the source; the reported clause lies before the cue.
            // Not "according to the IOM, most of them to Tawila": a part of what was counted.
            let partitive = words
                .get(after_source + 2)
                .is_some_and(|w| w.lower() == "of")
                && words.get(after_source + 3).is_some_and(|w| {
                    matches!(w.lower(), "them" | "whom" | "which" | "these" | "those")
                });
            let describes = (matches!(
                class(lex, words, after_source + 1),
                Class::Det | Class::Possessive
            ) && !partitive
                && !crate::phrase::remark_at(words, after_source + 1))
                || words
                    .get(after_source + 1)
                    .is_some_and(|w| matches!(w.lower(), "who" | "whom" | "whose" | "which"));
            // "Hichilema, who was re-elected with 57.8% according to results released on
            // Saturday, called the outcome ...": the cue closes a relative clause; what
            // follows is the main clause's predicate, not more of this content.
            let closes_relative = content.first().is_some_and(|c| {
                words.get(c.start..cue.words.start).is_some_and(|between| {
                    between
                        .windows(2)
                        .any(|p| p[0].is(",") && matches!(p[1].lower(), "who" | "which"))
                })
            }) && words.get(after_source + 1).is_some_and(|w| {
                w.is_word()
                    && !w.is_capitalized()
                    && class(lex, words, after_source + 1) == Class::Other
            });
            match rest {
                _ if closes_relative => {}
                Some(r) if describes && !content.is_empty() => source.span.end = r.end,
                _ if opens_adjunct(words, after_source + 1) => {}
                r => content.extend(r),
            }
        }
    }
    if content.is_empty() {
        return None;
    }
    Some(Found {
        cue: cue.words,
        lemma: &cue.entry.lemma,
        class: cue.entry.class,
        source: Some(source),
        content,
    })
}
