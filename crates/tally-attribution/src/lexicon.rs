//! The bundled word lists (`data/attribution/`), parsed once when the extractor is built.
//!
//! Cue phrases and sourcing conditions are compiled into one Aho-Corasick automaton each,
//! so finding them is a single pass over the body. The other lists are small lookup tables
//! consulted only inside sentences that contain a cue.

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};

use aho_corasick::automaton::Automaton;
use aho_corasick::{Anchored, MatchKind, PatternID, dfa::DFA};
use tally_core::{AttributionClass, ExtractError};

const CUES: &str = include_str!("../../../data/attribution/cues.tsv");
const NOUNS: &str = include_str!("../../../data/attribution/nouns.tsv");
const TITLES: &str = include_str!("../../../data/attribution/titles.txt");
const SENIORITY: &str = include_str!("../../../data/attribution/seniority.txt");
const TITLE_TAILS: &str = include_str!("../../../data/attribution/title_tails.txt");
const INSTITUTIONAL: &str = include_str!("../../../data/attribution/institutional.txt");
const NOT_LABELS: &str = include_str!("../../../data/attribution/not_labels.txt");
const CONDITIONS: &str = include_str!("../../../data/attribution/conditions.txt");
const PRONOUNS: &str = include_str!("../../../data/attribution/pronouns.tsv");
const FUNCTION_WORDS: &str = include_str!("../../../data/attribution/function_words.tsv");
const MODIFIERS: &str = include_str!("../../../data/attribution/modifiers.txt");
const ISSUED: &str = include_str!("../../../data/attribution/issued.tsv");

/// FNV-1a: the lexicon's keys are short words looked up many times per sentence, where
/// the standard SipHash costs more than the lookup itself. No key comes from an adversary
/// that could exploit collisions beyond slowing one document.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<Fnv>>;
pub(crate) type HashSet<K> = StdHashSet<K, BuildHasherDefault<Fnv>>;

/// The info table: keys grouped by a (first bytes, last bytes, length) bucket, so that a
/// lookup computes one bucket and compares the key with the few entries in it (usually
/// none: most words of a sentence are in no list) instead of hashing the word and probing
/// a hash map.
#[derive(Debug, Clone)]
struct InfoTable {
    /// `starts[b]..starts[b + 1]` are the entries of bucket `b`.
    starts: Box<[u32]>,
    /// Entries sorted by bucket.
    entries: Vec<(String, Info)>,
}

/// Buckets in [`InfoTable`]: 4096, picked by the top 12 bits of the mixed key.
const BUCKETS: usize = 4096;

impl InfoTable {
    fn bucket(key: &str) -> usize {
        let bytes = key.as_bytes();
        let n = bytes.len();
        let at = |i: usize| u64::from(*bytes.get(i).unwrap_or(&0));
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return 0;
        };
        // The first two bytes, the last two and the length, mixed by one multiplication;
        // the top 12 bits pick one of 4096 buckets.
        let packed = u64::from(first)
            | at(1) << 8
            | at(n.saturating_sub(2)) << 16
            | u64::from(last) << 24
            | (n as u64) << 32;
        // The shift leaves 12 bits: always below `BUCKETS`.
        (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize
    }

    fn of(map: HashMap<String, Info>) -> InfoTable {
        let mut entries: Vec<(usize, String, Info)> = map
            .into_iter()
            .map(|(k, v)| (InfoTable::bucket(&k), k, v))
            .collect();
        entries.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        let mut starts = vec![0u32; BUCKETS + 1];
        for (b, _, _) in &entries {
            starts[b + 1] += 1;
        }
        for b in 0..BUCKETS {
            starts[b + 1] += starts[b];
        }
        InfoTable {
            starts: starts.into_boxed_slice(),
            entries: entries.into_iter().map(|(_, k, v)| (k, v)).collect(),
        }
    }

    fn get(&self, key: &str) -> Option<&Info> {
        let b = InfoTable::bucket(key);
        let (Some(&from), Some(&to)) = (self.starts.get(b), self.starts.get(b + 1)) else {
            return None;
        };
        self.entries
            .get(from as usize..to as usize)?
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    #[cfg(test)]
    fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// Whether bucket of `key` is empty: the word is rejected without a comparison.
    #[cfg(test)]
    fn bucket_empty(&self, key: &str) -> bool {
        let b = InfoTable::bucket(key);
        self.starts[b] == self.starts[b + 1]
    }
}

/// How a cue behaves, from the flags column of `cues.tsv`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CueFlags {
    /// Takes the addressee as an object before the content ("told reporters that").
    pub obj: bool,
    /// A cue only with an explicit complement ("that", a colon, a quotation).
    pub weak: bool,
    /// A prepositional cue whose source follows ("according to X").
    pub prep: bool,
    /// A weak cue that also takes a bare clause ("polls show he leads").
    pub clause: bool,
    /// A weak cue whose object noun phrase is the content ("endorsed Cruz").
    pub np: bool,
    /// A to-infinitive after the cue is the content ("declined to comment").
    pub inf: bool,
    /// An object noun phrase followed by an "as" phrase is the content ("sees Cruz as a
    /// uniter"); a bare object is not ("saw the president").
    pub as_phrase: bool,
    /// A raising cue: no source; the subject and complement are the content ("seemed to").
    pub raise: bool,
    /// The form is also a noun ("report", "plans"): not a cue inside a noun phrase.
    pub noun: bool,
    /// A document noun whose preceding "in" is the cue ("in the latest poll").
    pub in_document: bool,
    /// A sentence adverb reporting its clause without naming a source ("The FBI is
    /// reportedly making arrangements ...").
    pub adverb: bool,
    /// An object naming a result is content only after a subject that can speak: a name, a
    /// pronoun or a listed descriptor noun ("Ford posted a profit", not "European markets
    /// posted gains").
    pub agent: bool,
    /// The verb has a physical sense: an object naming a place or a position
    /// (`terrain.txt`) is no stance ("are defending the Kursk region", "attacked four
    /// positions").
    pub place: bool,
    /// A passive with no agent is another sense, not a report ("was admitted to
    /// hospital", "was added to the list", "was charged on Monday").
    pub sense: bool,
    /// An object noun phrase followed by an amount after "at", "between", "near",
    /// "around" or "as high as" is the content, and nothing else is ("put the death toll
    /// at 41", "put his support at 5 percent"; not "put pressure on").
    pub amount: bool,
    /// The verb also means adding up: an amount opening an object with no verb of its own
    /// is no report ("would add about 0.9 percentage point", "added 151,000 jobs").
    pub sum: bool,
    /// A wh-clause after the cue is the content, with no addressee before it ("questioned
    /// why Ghazala Khan had not spoken", "wondered whether he would soften his tone").
    pub wh: bool,
    /// A weak cue whose object noun phrase is the content after a subject that is a study,
    /// poll or document ("A recent CNN survey found 90 percent support"; not "police
    /// found a body").
    pub study: bool,
    /// The verb also means display: its object noun phrase is content only after a
    /// subject that can speak (a name, a pronoun or a listed descriptor noun) or a study
    /// or document ("polls show a tight race", "Trump showed no remorse"; not "television
    /// shows the crowd", "payments showed a surplus").
    pub display: bool,
    /// A noun that reports only with its owner and a that-clause ("her assertion that
    /// ..."; not "heard arguments", "allegations of fraud").
    pub owned: bool,
}

/// One cue form.
#[derive(Debug, Clone)]
pub(crate) struct CueEntry {
    /// The lemma reported as `cue_lemma`.
    pub lemma: String,
    /// Statement or attitude.
    pub class: AttributionClass,
    /// Flags.
    pub flags: CueFlags,
    /// The form ends in "-ing": after a comma it shares the main clause's source.
    pub participle: bool,
}

/// What a descriptor head noun denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NounKind {
    /// A person or people ("official", "residents").
    Person,
    /// An organization or document ("ministry", "newspaper", "poll").
    Org,
    /// A reporting source of unknown kind ("sources").
    Source,
}

/// Grammatical number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Number {
    /// One.
    Singular,
    /// Several.
    Plural,
}

/// Gender as far as the text shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    /// "he", "Mr."
    Male,
    /// "she", "Mrs."
    Female,
    /// "it": a thing or organization.
    Neuter,
}

/// A descriptor head noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Noun {
    /// What it denotes.
    pub kind: NounKind,
    /// Its number.
    pub number: Number,
}

/// A pronoun that can stand for a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pronoun {
    /// Number.
    pub number: Number,
    /// Gender, when the pronoun has one.
    pub gender: Option<Gender>,
    /// A subject form ("he"), usable as a source.
    pub subject: bool,
    /// A possessive form ("her"): the owner of a noun cue ("her claim that ...") is its
    /// source, resolved like a subject.
    pub owner: bool,
}

/// The role of a function word in source and content phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FnClass {
    /// Opens a noun phrase.
    Det,
    /// Skipped between a source and its cue.
    Aux,
    /// Joins a descriptor head to its complement.
    Prep,
    /// Ends a source phrase.
    Break,
}

/// What the lists say about one lowercase word, gathered so that classifying a word costs
/// one lookup.
#[derive(Debug, Clone, Default)]
pub(crate) struct Info {
    /// A speaker pronoun.
    pub pronoun: Option<Pronoun>,
    /// A title as written (case matters: "President", not "president") and its gender.
    pub title: Option<(String, Option<Gender>)>,
    /// A function word.
    pub function: Option<FnClass>,
    /// A descriptor head noun.
    pub noun: Option<Noun>,
}

/// Every bundled list.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Pronouns, titles (by lowercase form), function words and descriptor nouns: one
    /// table, one lookup per word.
    info: InfoTable,
    /// Cue forms and condition phrases in one automaton, so the body is scanned once:
    /// pattern ids below `cues.len()` are cues, the rest conditions. The bare DFA, walked
    /// by [`Lexicon::find`]'s own loop (see there).
    automaton: DFA,
    cues: Vec<CueEntry>,
    titles: HashMap<String, Option<Gender>>,
    seniority: HashSet<String>,
    title_tails: HashSet<String>,
    institutional: HashSet<String>,
    not_labels: HashSet<String>,
    modifiers: HashSet<String>,
    /// Verbs that issue a document ("released", "put out") and the documents' head nouns
    /// ("statement", "letter"): `issued.tsv`.
    issuing_verbs: HashSet<String>,
    issuing_with_out: HashSet<String>,
    issued_documents: HashSet<String>,
}

/// A cue or condition found in the body: a byte range and its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index of the entry (cue) or phrase (condition).
    pub entry: usize,
}

/// The words of a bundled one-per-line list (`data/attribution/*.txt`), trimmed, with blank
/// and `#` comment lines left out.
pub(crate) fn word_list(text: &'static str) -> Vec<&'static str> {
    tally_core::data_lines(text).collect()
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn bad(source_name: &str, message: String) -> ExtractError {
    ExtractError::Data {
        what: "attribution lexicon",
        source_name: format!("data/attribution/{source_name}"),
        message,
    }
}

fn automaton(patterns: &[String], source_name: &str) -> Result<DFA, ExtractError> {
    // Patterns are lowercase and the body is searched lowercased: a case-sensitive DFA
    // scans about half again as fast as a case-insensitive one. No prefilter: with a
    // thousand patterns the crate builds none, and without one no start state is special,
    // which `leftmost_longest` relies on.
    let lower: Vec<String> = patterns.iter().map(|p| p.to_ascii_lowercase()).collect();
    aho_corasick::dfa::Builder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .prefilter(false)
        .build(lower)
        .map_err(|e| bad(source_name, e.to_string()))
}

/// The next leftmost-longest match of `dfa` in `hay` at or after `at`, as (pattern, end):
/// what `AhoCorasick::find_iter` yields (its search loop with no prefilter and no anchor,
/// `aho_corasick::automaton::try_find_fwd`), walked here over the bytes directly. Through
/// the crate's generic search every byte also paid for a bounds check on the haystack and
/// the `Input` span; the corpus body is scanned once per document, so that was a tenth of
/// the attribution stage.
// Not inlined: inside `find` the loop ran short of registers and reloaded the haystack
// and the DFA from the stack on every byte.
#[inline(never)]
fn leftmost_longest(dfa: &DFA, hay: &[u8], at: usize) -> Option<(PatternID, usize)> {
    let mut sid = dfa.start_state(Anchored::No).ok()?;
    let mut found = None;
    let mut i = at;
    while i < hay.len() {
        sid = dfa.next_state(Anchored::No, sid, hay[i]);
        i += 1;
        // Without a prefilter, only the dead state and match states are special.
        if dfa.is_special(sid) {
            if dfa.is_dead(sid) {
                break;
            }
            found = Some((dfa.match_pattern(sid, 0), i));
        }
    }
    found
}

fn number(field: &str, file: &str) -> Result<Number, ExtractError> {
    match field {
        "sg" => Ok(Number::Singular),
        "pl" => Ok(Number::Plural),
        other => Err(bad(file, format!("unknown number {other:?}"))),
    }
}

fn gender(field: &str, file: &str) -> Result<Option<Gender>, ExtractError> {
    match field {
        "m" => Ok(Some(Gender::Male)),
        "f" => Ok(Some(Gender::Female)),
        "n" => Ok(Some(Gender::Neuter)),
        "-" | "" => Ok(None),
        other => Err(bad(file, format!("unknown gender {other:?}"))),
    }
}

impl Lexicon {
    /// Parses the bundled lists.
    ///
    /// # Errors
    /// [`ExtractError::Data`] naming the file and the bad line.
    pub(crate) fn bundled() -> Result<Lexicon, ExtractError> {
        let mut patterns = Vec::new();
        let mut cues = Vec::new();
        for line in lines(CUES) {
            let mut cols = line.split('\t');
            let (Some(lemma), Some(forms), Some(class)) = (cols.next(), cols.next(), cols.next())
            else {
                return Err(bad(
                    "cues.tsv",
                    format!("expected lemma<TAB>forms<TAB>class in {line:?}"),
                ));
            };
            let class = match class {
                "statement" => AttributionClass::Statement,
                "attitude" => AttributionClass::Attitude,
                other => return Err(bad("cues.tsv", format!("unknown class {other:?}"))),
            };
            let mut flags = CueFlags::default();
            for flag in cols
                .next()
                .unwrap_or("")
                .split(',')
                .filter(|f| !f.is_empty())
            {
                match flag {
                    "obj" => flags.obj = true,
                    "weak" => flags.weak = true,
                    "prep" => flags.prep = true,
                    "clause" => flags.clause = true,
                    "np" => flags.np = true,
                    "inf" => flags.inf = true,
                    "as" => flags.as_phrase = true,
                    "raise" => flags.raise = true,
                    "noun" => flags.noun = true,
                    "in" => flags.in_document = true,
                    "adv" => flags.adverb = true,
                    "agent" => flags.agent = true,
                    "study" => flags.study = true,
                    "display" => flags.display = true,
                    "owned" => flags.owned = true,
                    "place" => flags.place = true,
                    "sense" => flags.sense = true,
                    "at" => flags.amount = true,
                    "wh" => flags.wh = true,
                    "sum" => flags.sum = true,
                    other => return Err(bad("cues.tsv", format!("unknown flag {other:?}"))),
                }
            }
            // Multi-word lemmas list their forms as whole phrases ("point out points out").
            let words: Vec<&str> = forms.split(' ').filter(|w| !w.is_empty()).collect();
            let arity = lemma.split(' ').count();
            for form in words.chunks(arity) {
                let form = form.join(" ");
                cues.push(CueEntry {
                    lemma: lemma.to_owned(),
                    class,
                    flags,
                    participle: form.split(' ').next().is_some_and(|w| w.ends_with("ing"))
                        && !flags.prep,
                });
                patterns.push(form);
            }
        }
        // A cue inside a condition phrase ("asked not to be named") is not a cue: the
        // longest match takes the whole phrase.
        patterns.extend(lines(CONDITIONS).map(str::to_owned));
        let automaton = automaton(&patterns, "cues.tsv and conditions.txt")?;

        let mut nouns = HashMap::default();
        for line in lines(NOUNS) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [word, kind, num] = cols[..] else {
                return Err(bad("nouns.tsv", format!("expected 3 columns in {line:?}")));
            };
            let kind = match kind {
                "person" => NounKind::Person,
                "org" => NounKind::Org,
                "source" => NounKind::Source,
                other => return Err(bad("nouns.tsv", format!("unknown kind {other:?}"))),
            };
            nouns.insert(
                word.to_owned(),
                Noun {
                    kind,
                    number: number(num, "nouns.tsv")?,
                },
            );
        }

        let mut titles = HashMap::default();
        for line in lines(TITLES) {
            let mut cols = line.split('\t');
            let title = cols.next().unwrap_or("").trim();
            titles.insert(
                title.to_owned(),
                gender(cols.next().unwrap_or(""), "titles.txt")?,
            );
        }

        let seniority = lines(SENIORITY).map(|l| l.trim().to_owned()).collect();
        let title_tails = lines(TITLE_TAILS).map(|l| l.trim().to_owned()).collect();
        let institutional = lines(INSTITUTIONAL).map(|l| l.trim().to_owned()).collect();
        let not_labels = lines(NOT_LABELS).map(|l| l.trim().to_owned()).collect();

        let mut pronouns = HashMap::default();
        for line in lines(PRONOUNS) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [form, num, gend, role] = cols[..] else {
                return Err(bad(
                    "pronouns.tsv",
                    format!("expected 4 columns in {line:?}"),
                ));
            };
            pronouns.insert(
                form.to_owned(),
                Pronoun {
                    number: number(num, "pronouns.tsv")?,
                    gender: gender(gend, "pronouns.tsv")?,
                    subject: role == "subj",
                    owner: role == "poss",
                },
            );
        }

        let mut function_words = HashMap::default();
        for line in lines(FUNCTION_WORDS) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [word, class] = cols[..] else {
                return Err(bad(
                    "function_words.tsv",
                    format!("expected 2 columns in {line:?}"),
                ));
            };
            let class = match class {
                "det" => FnClass::Det,
                "aux" => FnClass::Aux,
                "prep" => FnClass::Prep,
                "break" => FnClass::Break,
                other => {
                    return Err(bad(
                        "function_words.tsv",
                        format!("unknown class {other:?}"),
                    ));
                }
            };
            function_words.insert(word.to_owned(), class);
        }

        let modifiers = lines(MODIFIERS).map(|l| l.trim().to_owned()).collect();

        let mut issuing_verbs = HashSet::default();
        let mut issued_documents = HashSet::default();
        let mut issuing_with_out = HashSet::default();
        for line in lines(ISSUED) {
            let cols: Vec<&str> = line.split('\t').collect();
            let set = match cols[..] {
                [_, "verb"] => &mut issuing_verbs,
                [_, "verb_out"] => &mut issuing_with_out,
                [_, "document"] => &mut issued_documents,
                _ => {
                    return Err(bad(
                        "issued.tsv",
                        format!("expected word<TAB>verb|document in {line:?}"),
                    ));
                }
            };
            set.insert(cols[0].to_owned());
        }

        let mut info: HashMap<String, Info> = HashMap::default();
        for (word, p) in &pronouns {
            info.entry(word.clone()).or_default().pronoun = Some(*p);
        }
        for (title, g) in &titles {
            info.entry(title.to_ascii_lowercase()).or_default().title = Some((title.clone(), *g));
        }
        for (word, f) in &function_words {
            info.entry(word.clone()).or_default().function = Some(*f);
        }
        for (word, n) in &nouns {
            info.entry(word.clone()).or_default().noun = Some(*n);
        }

        Ok(Lexicon {
            info: InfoTable::of(info),
            automaton,
            cues,
            titles,
            seniority,
            title_tails,
            institutional,
            not_labels,
            modifiers,
            issuing_verbs,
            issuing_with_out,
            issued_documents,
        })
    }

    /// Cue phrases and sourcing-condition phrases in `lower` (a text ASCII-lowercased) on
    /// word boundaries, in order, in one pass: `(cues, conditions)`.
    pub(crate) fn find(&self, lower: &str) -> (Vec<Hit>, Vec<Hit>) {
        let bytes = lower.as_bytes();
        let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b >= 0x80;
        // A no-break space (C2 A0) separates words too: "He\u{a0}said".
        let nbsp_before = |i: usize| i >= 2 && bytes[i - 2] == 0xC2 && bytes[i - 1] == 0xA0;
        let nbsp_after = |i: usize| bytes.get(i) == Some(&0xC2) && bytes.get(i + 1) == Some(&0xA0);
        let mut cues = Vec::with_capacity(lower.len() / 128);
        let mut conditions = Vec::new();
        let mut at = 0;
        while let Some((pattern, end)) = leftmost_longest(&self.automaton, bytes, at) {
            // Patterns are never empty, so the search moves on.
            at = end;
            let start = end - self.automaton.pattern_len(pattern);
            let before = start.checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(end).copied();
            if (before.is_some_and(is_word) && !nbsp_before(start))
                || (after.is_some_and(is_word) && !nbsp_after(end))
            {
                continue;
            }
            let entry = pattern.as_usize();
            if entry < self.cues.len() {
                cues.push(Hit { start, end, entry });
            } else {
                conditions.push(Hit {
                    start,
                    end,
                    entry: entry - self.cues.len(),
                });
            }
        }
        (cues, conditions)
    }

    /// Everything the lists say about a lowercase word, in one lookup.
    pub(crate) fn info(&self, lower: &str) -> Option<&Info> {
        self.info.get(lower)
    }

    /// The cue entry behind a hit.
    pub(crate) fn cue(&self, hit: &Hit) -> Option<&CueEntry> {
        self.cues.get(hit.entry)
    }

    /// A descriptor head noun (lowercase form).
    pub(crate) fn noun(&self, lower: &str) -> Option<Noun> {
        // `info` holds every noun under the same key, behind the filter.
        self.info(lower).and_then(|i| i.noun)
    }

    /// Whether `word` (as written) is a title, and the gender it implies.
    pub(crate) fn title(&self, word: &str) -> Option<Option<Gender>> {
        self.titles.get(word).copied()
    }

    /// Whether `word`, as written, goes on with a title before it ("Chief Financial
    /// Officer").
    pub(crate) fn is_title_tail(&self, word: &str) -> bool {
        self.title_tails.contains(word)
    }

    /// Whether `lower` is a seniority word.
    pub(crate) fn is_seniority(&self, lower: &str) -> bool {
        self.seniority.contains(lower)
    }

    /// Whether `lower` is the head noun of an institutional speaker ("official").
    pub(crate) fn is_institutional(&self, lower: &str) -> bool {
        self.institutional.contains(lower)
    }

    /// Whether a phrase ending in `lower` before a colon is a kicker or section name, not a
    /// speaker label ("The Latest:", "Question:").
    pub(crate) fn is_not_label(&self, lower: &str) -> bool {
        self.not_labels.contains(lower)
    }

    /// A speaker pronoun (lowercase form).
    pub(crate) fn pronoun(&self, lower: &str) -> Option<Pronoun> {
        self.info(lower).and_then(|i| i.pronoun)
    }

    /// The function-word class of a word written `text` (lowercased: `lower`); unlisted
    /// lowercase words ending in "ly" are adverbs ("reportedly"), capitalized ones are not
    /// ("Kelly").
    pub(crate) fn function(&self, text: &str, lower: &str) -> Option<FnClass> {
        let info = self.info(lower);
        info.and_then(|i| i.function).or_else(|| {
            let lowercase = text.starts_with(|c: char| c.is_lowercase());
            (lowercase
                && lower.len() > 4
                && lower.ends_with("ly")
                && info.and_then(|i| i.noun).is_none())
            .then_some(FnClass::Aux)
        })
    }

    /// Whether `lower` issues a document ("released" a statement); `out` says whether the
    /// particle "out" follows it ("put out a statement").
    pub(crate) fn is_issuing_verb(&self, lower: &str, out: bool) -> bool {
        self.issuing_verbs.contains(lower) || (out && self.issuing_with_out.contains(lower))
    }

    /// Whether `lower` heads an issued document ("statement", "letter").
    pub(crate) fn is_issued_document(&self, lower: &str) -> bool {
        self.issued_documents.contains(lower)
    }

    /// Whether `lower` may open or continue a modifier after a cue.
    pub(crate) fn is_modifier(&self, lower: &str) -> bool {
        self.modifiers.contains(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lists_parse() {
        let lex = Lexicon::bundled().unwrap();
        assert!(lex.noun("official").is_some());
        assert_eq!(lex.title("Mr."), Some(Some(Gender::Male)));
        assert!(lex.is_seniority("senior"));
        assert_eq!(lex.function("reportedly", "reportedly"), Some(FnClass::Aux));
        assert_eq!(lex.function("Kelly", "kelly"), None);
    }

    #[test]
    fn key_filter_never_rejects_a_listed_word() {
        let lex = Lexicon::bundled().unwrap();
        for key in lex.info.keys() {
            assert!(lex.info(key).is_some(), "{key:?} rejected");
        }
        // And it does reject: most unlisted words never reach the table.
        let unlisted = [
            "zebra",
            "quantum",
            "lettuce",
            "xylophone",
            "brisket",
            "tundra",
        ];
        assert!(unlisted.iter().any(|w| lex.info.bucket_empty(w)));
    }

    #[test]
    fn cues_match_whole_words_only() {
        let lex = Lexicon::bundled().unwrap();
        let text = "the official said, according to reuters; unsaid things.";
        let (hits, _) = lex.find(text);
        let found: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(found, ["said", "according to"]);
        assert_eq!(lex.cue(&hits[0]).unwrap().lemma, "say");
    }

    #[test]
    fn longest_condition_wins() {
        let lex = Lexicon::bundled().unwrap();
        let text = "who was not authorized to speak publicly about it";
        let (_, hits) = lex.find(text);
        assert_eq!(hits.len(), 1);
        assert_eq!(
            &text[hits[0].start..hits[0].end],
            "was not authorized to speak publicly"
        );
    }

    /// The DFA walk finds what `AhoCorasick::find_iter` finds (same patterns, same
    /// leftmost-longest kind), on texts dense in overlapping and nested patterns.
    mod leftmost_longest_walk {
        use super::super::*;
        use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind};
        use proptest::prelude::*;

        fn walk(dfa: &DFA, hay: &[u8]) -> Vec<(usize, usize, usize)> {
            let mut out = Vec::new();
            let mut at = 0;
            while let Some((p, end)) = leftmost_longest(dfa, hay, at) {
                out.push((p.as_usize(), end - dfa.pattern_len(p), end));
                at = end;
            }
            out
        }

        fn reference(patterns: &[String], hay: &str) -> Vec<(usize, usize, usize)> {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .build(patterns)
                .unwrap()
                .find_iter(hay)
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect()
        }

        #[test]
        fn agrees_on_nested_phrases() {
            let patterns: Vec<String> = ["said", "say", "according to", "according", "to", "told"]
                .map(str::to_owned)
                .to_vec();
            let dfa = automaton(&patterns, "test").unwrap();
            let hay = "unsaid, according told\u{a0}said saysaid according to to";
            assert_eq!(walk(&dfa, hay.as_bytes()), reference(&patterns, hay));
            assert_eq!(walk(&dfa, b""), []);
        }

        proptest! {
            #[test]
            fn agrees_with_find_iter(
                patterns in prop::collection::vec("[ab -]{1,5}", 1..12),
                hay in "[ab x\u{e9}-]{0,80}",
            ) {
                let dfa = automaton(&patterns, "test").unwrap();
                prop_assert_eq!(walk(&dfa, hay.as_bytes()), reference(&patterns, &hay));
            }
        }
    }
}
