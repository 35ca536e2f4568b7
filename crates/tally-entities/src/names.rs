//! Names in no list: capitalized runs with cues, and cue-anchored names in all-caps text.
//!
//! Per sentence, this finds candidate people and organizations: a title before a name
//! ("President Joe Biden", "commander-in-chief Oleksandr Syrsky") makes a person, an
//! organization word at the end ("Defense Ministry", "Apple Inc.") or an "X of Y" head
//! ("Bank of Japan") makes an organization, a known given name or an apposition
//! (", 49," / ", a spokesman for") makes a person. Runs with no cue stay untyped and are
//! settled for the whole document in [`crate::resolve`]. In an all-caps sentence capitals
//! say nothing, so only cue-anchored names are taken, and every other word becomes a weak
//! candidate that survives only if it repeats a name found elsewhere.
//!
//! Also: "X for Y" runs are one organization ("International Organization for Migration",
//! "Everytown for Gun Safety"), a name after "the island of" / "the port of" is a place,
//! and a storm ("Hurricane Milton") is no entity; "Stability AI" keeps its acronym, a
//! party's member before a name is no part of it ("Democrat Ruben Gallego"), and a
//! portfolio joined by "and" is one title ("Health and Human Services Secretary"). Limitations: a storm named by a word in
//! no given-name list ("since Sandy") still reads as an organization when alone.

use std::cell::Cell;

use tally_core::EntityType;

use crate::gazetteer::Form;
use crate::lexicon::{
    CONNECTOR, EVENT_SUFFIX, FIRST_NAME, Flags, LEXICON, ORG_HEAD, ORG_PREFIX, ORG_SUFFIX,
    OWNERSHIP, PERSON_APPOSITION, PERSON_NOUN, PLACE_CUE, PLACE_HEAD, PLACE_HEAD_ALONE,
    PLACE_SUFFIX, REPORTING, STOP, SURNAME_PLACE, TITLE, TITLE_FIRST, TITLE_LAST, VERB_LIKE,
    WORD_FIRST_NAME,
};
use crate::scan::Word;

/// Lowercase nouns that make the name right before them a place ("Heathrow airport").
const PLACE_NOUNS: &[&str] = &[
    "airport",
    "airbase",
    "river",
    "lake",
    "island",
    "street",
    "square",
    "bridge",
    "stadium",
    "strait",
    "valley",
    "bay",
    "region",
    "province",
    "district",
    "governorate",
    "oblast",
    "village",
    "jungle",
    "forest",
    "canyon",
    "desert",
    "mountain",
    "peninsula",
    // Wildfires are named after where they started ("the Palisades fire", "the Hughes
    // fire").
    "fire",
    "wildfire",
];

/// The plurals of [`PLACE_NOUNS`] that end a list of places: "the Sava and Danube rivers",
/// "the Kherson and Zaporizhzhia regions" make both names places (not "Thirteen provinces":
/// the last name follows "and" or "or").
const PLACE_NOUNS_PLURAL: &[&str] = &[
    "rivers",
    "lakes",
    "islands",
    "valleys",
    "regions",
    "provinces",
    "districts",
    "governorates",
    "oblasts",
    "villages",
    "counties",
    "municipalities",
    "prefectures",
    "fires",
    "wildfires",
];

/// Lowercase plural nouns of kinds of places whose examples follow "such as" or
/// "including": "towns such as Mirebalais and Saut-d'Eau", "cities including Kharkiv".
const PLACE_KINDS: &[&str] = &[
    "towns",
    "cities",
    "villages",
    "provinces",
    "regions",
    "districts",
    "departments",
    "states",
    "countries",
    "communities",
    "areas",
    "municipalities",
    "neighborhoods",
    "neighbourhoods",
    "suburbs",
    "islands",
    "ports",
    "capitals",
    "counties",
];

/// Lowercase nouns that with "of" make the name after them a place ("the island of
/// Lampedusa", "the port of Sfax").
const PLACES_OF: &[&str] = &[
    "island",
    "islands",
    "port",
    "city",
    "town",
    "village",
    "province",
    "region",
    "state",
    "district",
    "county",
    "enclave",
    "territory",
    "suburb",
    "municipality",
    "governorate",
    "neighborhood",
    "neighbourhood",
    "archipelago",
];

/// Offices that take a portfolio word before them as part of the title ("Interior
/// Minister"); see [`SentenceCtx::portfolio_title`].
const PORTFOLIO_OFFICES: &[&str] = &["minister", "secretary", "undersecretary"];
/// The lengths of [`PORTFOLIO_OFFICES`].
const PORTFOLIO_OFFICE_LENGTHS: [usize; 3] = [8, 9, 14];

/// Two particles that join the words of a name ("Ursula von der Leyen", "Alexander van
/// der Bellen", "Pedro de la Cruz").
const PARTICLE_PAIRS: &[(&str, &str)] = &[
    ("von", "der"),
    ("von", "dem"),
    ("van", "der"),
    ("van", "den"),
    ("van", "de"),
    ("de", "la"),
    ("de", "los"),
    ("de", "las"),
    ("de", "le"),
];

/// Compass words that with "of" make the name after them a place ("east of Khan Younis").
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "outskirts",
];

/// Words of the given-name list that in all-caps text are mostly articles, saints' places
/// and acronyms ("DEL SOL", "LE MONDE", "SANTA TECLA", "DEA AGENTS").
const NOT_GIVEN_IN_CAPS: &[&str] = &[
    "DE",
    "DEL",
    "EL",
    "LA",
    "LE",
    "LES",
    "LOS",
    "LAS",
    "SAN",
    "SANTA",
    "SANTO",
    "UN",
    "DEA",
    "CHRISTIAN",
];

/// Endings of English nouns that no surname has: in all-caps text they end a given-name
/// run ("RAMON NEIGHBORHOOD", "DEL SOL DECLARATION").
const ENGLISH_NOUN_ENDINGS: &[&str] = &[
    "TION", "SION", "MENT", "HOOD", "SHIP", "NESS", "ITY", "ISM", "ISTS",
];

/// Organization suffixes that are common nouns in speech: only their capitals make them end
/// a name ("Clinton Global Initiative"); in all-caps text they do not ("A PEACE INITIATIVE").
const CASED_ONLY_SUFFIXES: &[&str] = &["INITIATIVE"];

fn cased_only_suffix(text: &str) -> bool {
    CASED_ONLY_SUFFIXES
        .iter()
        .any(|s| text.eq_ignore_ascii_case(s))
}

/// Whether `text` ends with the ASCII `suffix`, in any case.
fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    let (t, s) = (text.as_bytes(), suffix.as_bytes());
    t.len() >= s.len() && t[t.len() - s.len()..].eq_ignore_ascii_case(s)
}

/// Titles that are also surnames, kept as the last word of a name after a given name.
const SURNAME_TITLES: &[&str] = &["King", "Bishop", "Major", "Pope", "Prince"];

/// Countries whose name is also a common given name in English-language news: before a
/// capitalized word in no list they open a person's name ("Chad Sweet", "Jordan Peele").
const GIVEN_NAME_COUNTRIES: &[&str] = &["Chad", "Jordan"];

/// Plural nouns whose possessive opens an organization's name ("Children's Hospital of
/// Philadelphia", "People's Liberation Army", "Women's March").
/// Also inside a name: "Swiss People's Party", "Palestinian Prisoners' Society".
const POSSESSIVE_PLURALS: &[&str] = &["Children", "Women", "Men", "People", "Workers", "Prisoners"];

/// Marks a word whose flags have not been looked up yet.
pub const UNKNOWN: Flags = Flags::MAX;

/// Words longer than this are in no word list; they skip the lookup.
pub const MAX_LISTED_WORD: usize = 24;

/// The flags of the word `body[start..end]` as written, and its hash when it was looked up;
/// `known` is that hash when the gazetteer search already computed it.
fn word_flags(
    body: &str,
    start: usize,
    end: usize,
    hyphenated: bool,
    known: Option<u64>,
) -> (Flags, Option<u64>) {
    if end - start > MAX_LISTED_WORD {
        return (0, None);
    }
    let (mut flags, hash) = match known {
        Some(h) => (LEXICON.flags_of_hash(h, body, start, end), h),
        None => LEXICON.flags_and_hash_in(body, start, end),
    };
    if hyphenated && flags & FIRST_NAME == 0 && hyphenated_given_name(body, start, end) {
        flags |= FIRST_NAME;
    }
    (flags, Some(hash))
}

/// Whether `body[start..end]` is two given names joined by a hyphen: "Jean-Pierre",
/// "Marie-Claire". Out of line: few words have a hyphen.
#[cold]
#[inline(never)]
fn hyphenated_given_name(body: &str, start: usize, end: usize) -> bool {
    let Some(dash) = body[start..end].find('-') else {
        return false;
    };
    let (a, b) = (start + dash, start + dash + 1);
    let given = |s: usize, e: usize| {
        s < e && LEXICON.flags_and_hash_in(body, s, e).0 & (FIRST_NAME | WORD_FIRST_NAME) != 0
    };
    body.as_bytes().get(b).is_some_and(u8::is_ascii_uppercase) && given(start, a) && given(b, end)
}

/// A gazetteer match accepted by the case rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazMention {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Entry index in the gazetteer.
    pub entry: usize,
    /// Name or demonym.
    pub form: Form,
    /// The entry's type.
    pub kind: EntityType,
}

impl GazMention {
    /// A mention of `entry` of type `kind` in `start..end`.
    #[must_use]
    pub fn new(start: usize, end: usize, entry: usize, form: Form, kind: EntityType) -> Self {
        GazMention {
            start,
            end,
            entry,
            form,
            kind,
        }
    }
}

/// A name found by cues, typed or not yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The type when a cue decided it.
    pub kind: Option<EntityType>,
    /// Kept only if it repeats a name found elsewhere (sentence-initial words, all-caps words).
    pub weak: bool,
    /// Replaces the gazetteer mentions inside it ("Russian Defense Ministry" over "Russian").
    pub overrides: bool,
    /// Preceded by "in", "at", "near": a place when nothing else decides.
    pub place_cue: bool,
    /// A storm's name ("Hurricane Milton"): no entity, and neither is the bare name later.
    pub storm: bool,
    /// Number of words.
    pub words: usize,
    /// Byte range of the first and last word, for name coreference.
    pub first: (usize, usize),
    /// See `first`.
    pub last: (usize, usize),
    /// The name's key ([`crate::lexicon::fold_hash`] of its text) when already known: a
    /// one-word name whose word was looked up in the lexicon, which hashes it the same way.
    pub key: Option<u64>,
}

/// Everything a sentence needs to be searched.
pub struct SentenceCtx<'a> {
    /// The document body.
    pub body: &'a str,
    /// Where the sentences of this paragraph start, in order.
    pub sentence_starts: &'a [usize],
    /// The sentence's words.
    pub words: &'a [Word],
    /// For each word, its [`Flags`], looked up on first use ([`UNKNOWN`] until then):
    /// most words are never asked about, and a lookup is the costliest step per word.
    pub flags: &'a [Cell<Flags>],
    /// For each word looked up in the lexicon (see `flags`), its hash there; set before
    /// the lookup for capitalized words the gazetteer search hashed the same way.
    pub hashes: &'a [Cell<Option<u64>>],
    /// For each word, whether a gazetteer mention covers it.
    pub covered: &'a [Option<usize>],
    /// The gazetteer mentions the indices in `covered` refer to.
    pub gaz: &'a [GazMention],
}

impl SentenceCtx<'_> {
    fn text(&self, i: usize) -> &str {
        &self.body[self.words[i].start..self.words[i].end]
    }

    /// Whether word `i` has any of `flags`. Inline: most calls ask about a word already
    /// looked up, and rules ask several times per word.
    #[inline]
    fn has(&self, i: usize, flags: Flags) -> bool {
        let Some(cell) = self.flags.get(i) else {
            return false;
        };
        let mut f = cell.get();
        if f == UNKNOWN {
            f = self.look_up(i, cell);
        }
        f & flags != 0
    }

    /// The flags of word `i`, looked up now and kept in `cell` (its slot in `flags`), with
    /// the word's hash in `hashes`.
    #[inline(never)]
    fn look_up(&self, i: usize, cell: &Cell<Flags>) -> Flags {
        let (flags, hash) = word_flags(
            self.body,
            self.words[i].start,
            self.words[i].end,
            self.words[i].hyphenated,
            self.hashes.get(i).and_then(Cell::get),
        );
        cell.set(flags);
        if let Some(slot) = self.hashes.get(i) {
            slot.set(hash);
        }
        flags
    }

    /// A lone capital letter right after a number is a unit or grade ("46 C", "114.8 F",
    /// "40C"), not a name.
    fn unit_letter(&self, i: usize) -> bool {
        let w = &self.words[i];
        w.end - w.start == 1
            && self
                .body
                .get(..w.start)
                .and_then(|before| before.trim_end_matches([' ', '°']).chars().next_back())
                .is_some_and(|c| c.is_ascii_digit())
    }

    /// Whether word `i` is "of", in any case: one word, compared as text rather than
    /// given a flag of its own.
    fn is_of(&self, i: usize) -> bool {
        self.words
            .get(i)
            .is_some_and(|_| self.text(i).eq_ignore_ascii_case("of"))
    }

    /// Whether word `i` is "a", "an" or "the", in any case.
    fn is_article(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|_| {
            let t = self.text(i);
            ["a", "an", "the"].iter().any(|a| t.eq_ignore_ascii_case(a))
        })
    }

    /// Length in words of a title starting at word `i` and ending before `limit`, or 0.
    fn title_at(&self, i: usize, limit: usize) -> usize {
        if i >= limit {
            return 0;
        }
        if !self.has(i, TITLE_FIRST) {
            if self.portfolio_title(i, limit) {
                return 2;
            }
            return usize::from(self.has(i, TITLE));
        }
        for len in (1..=LEXICON.max_title_words).rev() {
            let end = i + len;
            if end > limit || (1..len).any(|k| !self.words[i + k].joined) {
                continue;
            }
            // A longer title ends in a word marked as able to end one: a flag lookup (the
            // scans look most words up anyway) rules it out before the words are hashed.
            if len > 1 && !self.has(end - 1, TITLE_LAST) {
                continue;
            }
            let text = &self.body[self.words[i].start..self.words[end - 1].end];
            if LEXICON.is_title(text) {
                return len;
            }
        }
        if self.portfolio_title(i, limit) { 2 } else { 0 }
    }

    /// Whether words `i` and `i + 1` are a portfolio and its office: "Interior Minister",
    /// "Foreign Secretary", "Digital Minister". Any one plain word in no list names the
    /// portfolio, so the list of titles need not spell them all out.
    #[inline(always)]
    fn portfolio_title(&self, i: usize, limit: usize) -> bool {
        let next = i + 1;
        if next >= limit {
            return false;
        }
        // Most words fail on length alone, before any text is compared.
        let office = self.words[next];
        if !office.joined || !PORTFOLIO_OFFICE_LENGTHS.contains(&(office.end - office.start)) {
            return false;
        }
        // "Republican Secretary of State Jon Husted": an office with "of" after it is a
        // title of its own ("Secretary of State"), and the word before it no portfolio.
        if self.is_of(next + 1) {
            return false;
        }
        self.portfolio_title_words(i, next)
    }

    /// The rest of [`Self::portfolio_title`], out of line: few words get this far.
    #[inline(never)]
    fn portfolio_title_words(&self, i: usize, next: usize) -> bool {
        let w = self.words[i];
        w.upper
            && !w.possessive
            && !w.digit
            && self.covered[i].is_none()
            && PORTFOLIO_OFFICES
                .iter()
                .any(|o| self.text(next).eq_ignore_ascii_case(o))
            && !self.has(i, STOP)
    }

    /// Whether a lowercase title ends right before word `i` ("commander-in-chief Syrsky"),
    /// or before a comma in front of it ("the North's leader, Kim Jong Un").
    fn title_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        if !self.words[i].joined {
            let gap = &self.body[self.words[i - 1].end..self.words[i].start];
            // "A senior Hamas official, Basem Naim, told": a lowercase person noun before
            // the comma heads an apposition too (joined, "official" is as often an
            // adjective: "official Xinhua news agency"); but a company is an owner too
            // ("its former owner, Exxon").
            return gap.trim() == ","
                && !self.words[i - 1].upper
                && (self.has(i - 1, TITLE)
                    || self.has(i - 1, PERSON_NOUN) && self.text(i - 1) != "owner");
        }
        (1..=LEXICON.max_title_words.min(i)).any(|len| {
            let from = i - len;
            if (from + 1..i).any(|k| !self.words[k].joined) || self.words[i - 1].possessive {
                return false;
            }
            // One flag lookup rules out most words before hashing a multi-word title, and
            // the word before `i` (looked up for `len == 1`) rules out every longer one
            // unless it can end a title.
            if len == 1 {
                return self.has(from, TITLE);
            }
            let text = &self.body[self.words[from].start..self.words[i - 1].end];
            self.has(i - 1, TITLE_LAST) && self.has(from, TITLE_FIRST) && LEXICON.is_title(text)
        })
    }

    fn candidate(&self, from: usize, to: usize, kind: Option<EntityType>) -> Candidate {
        let (a, b) = (self.words[from], self.words[to]);
        // A name ends in no initial: a single capital's period closes the sentence ("posted
        // on X.", "Malcolm X."), while "U.S." and "Jr." keep theirs.
        let last = self.body.as_bytes().get(b.start..b.end);
        let end = if last.is_some_and(|w| w.len() == 2 && w[0].is_ascii_uppercase() && w[1] == b'.')
        {
            b.end - 1
        } else {
            b.end
        };
        Candidate {
            start: a.start,
            end,
            kind,
            weak: false,
            overrides: false,
            place_cue: false,
            storm: false,
            words: to - from + 1,
            first: (a.start, a.end),
            last: (b.start, end),
            key: if from == to {
                self.hashes.get(from).and_then(Cell::get)
            } else {
                None
            },
        }
    }

    /// Whether a lowercase title opens at word `at`, or after up to three lowercase words
    /// that qualify it ("foreign policy adviser to President Ilham Aliyev", "chief
    /// financial officer"), with no name right after the title.
    fn lowercase_title_after(&self, at: usize) -> bool {
        let n = self.words.len();
        for k in at..(at + 4).min(n) {
            let w = self.words[k];
            if w.upper || w.digit || (k > at && !w.joined) || self.has(k, STOP) || self.is_of(k) {
                return false;
            }
            let len = self.title_at(k, n);
            if len > 0 {
                let after = self.words.get(k + len);
                if k == at {
                    return after.is_none_or(|a| !a.joined || !a.upper);
                }
                // After qualifying words the title ends the phrase or takes a complement:
                // "faces major obstacles" is no apposition.
                return after.is_none_or(|a| {
                    !a.joined
                        || self.is_of(k + len)
                        || ["to", "at", "for", "with", "in", "from", "on"]
                            .contains(&self.text(k + len))
                });
            }
        }
        false
    }

    /// The type an apposition after word `to` gives: ", 49," or ", a spokesman" → person;
    /// ", a market research firm" → organization.
    fn apposition(&self, to: usize) -> Option<EntityType> {
        let w = self.words.get(to + 1)?;
        let gap = &self.body[self.words[to].end..w.start];
        if gap.trim() != "," || self.words[to].possessive {
            return None;
        }
        if w.digit {
            let after = self
                .words
                .get(to + 2)
                .map_or(",", |n| &self.body[w.end..n.start]);
            return after
                .trim_start()
                .starts_with([',', '.', ')'])
                .then_some(EntityType::Person);
        }
        if self.has(to + 1, PERSON_APPOSITION) {
            return Some(EntityType::Person);
        }
        // "Jusman Syafii Djamal, minister of transport for Indonesia": a lowercase title
        // with no name after it describes the name before the comma, when that name has
        // two words or more (in "Cos Cob, Mass, president of ..." it is a place's).
        let two_words = to > 0 && self.words[to].joined && self.words[to - 1].upper;
        if !w.upper && two_words && self.lowercase_title_after(to + 1) {
            return Some(EntityType::Person);
        }
        if !self.is_article(to + 1) {
            return None;
        }
        // The head is the last title or organization word before any complement ("of",
        // "for", "at"...): "the White House Press Secretary" is a person, "a market
        // research firm" an organization, "a spokesman for the Defence Ministry" a person.
        let mut head = None;
        let mut after_possessive = false;
        for k in to + 2..(to + 8).min(self.words.len()) {
            let complement = ["for", "at", "with", "in", "from", "to", "on"]
                .contains(&&self.body[self.words[k].start..self.words[k].end]);
            if !(self.words[k].joined || after_possessive) || self.is_of(k) || complement {
                break;
            }
            // "CDs, a Central Bank official said": the subject of a reporting verb, not an
            // apposition.
            if self.has(k, REPORTING) {
                return None;
            }
            // "the club's president": the owner is no head; what it owns is.
            after_possessive = self.words[k].possessive;
            if after_possessive {
                head = None;
                continue;
            }
            if self.has(k, TITLE | PERSON_NOUN) {
                head = Some(EntityType::Person);
            } else if self.has(k, ORG_SUFFIX) {
                head = Some(EntityType::Organization);
            }
        }
        head
    }
}

/// Finds candidates in one sentence of mixed-case text.
pub fn find_cased(ctx: &SentenceCtx<'_>, out: &mut Vec<Candidate>) {
    let words = ctx.words;
    let n = words.len();
    let mut i = 0;
    while i < n {
        if !words[i].upper || ctx.unit_letter(i) {
            i += 1;
            continue;
        }
        // Grow the run of capitalized words joined by spaces (and connectors).
        let mut j = i;
        // Whether the run took a "for" ("Organisation for Economic Cooperation and
        // Development"): an "and" before a capitalized word in no list goes on with it.
        let mut took_for = false;
        // Whether the run took an "of" after an organization head ("Association of
        // Machinists"): a two-word name after "and" may then go on with it.
        let mut took_head_of = false;
        while j + 1 < n
            && if words[j].possessive {
                // After a possessive no word is joined; a plural noun's goes on before a
                // capitalized word one space on, and so does a name's before an organization
                // word ("McDonald's Corp", "Lloyd's Bank Plc", "Fireman's Fund": the "'s" is
                // the company's), but not a title's ("the President's Council of ...").
                words[j + 1].upper
                    && (POSSESSIVE_PLURALS.contains(&ctx.text(j))
                        || (j == i
                            && ctx.covered[j].is_none()
                            && !ctx.has(j, TITLE | TITLE_FIRST)
                            && ctx.has(j + 1, ORG_SUFFIX)
                            && !ctx.has(j + 1, STOP)))
                    && matches!(
                        ctx.body.get(words[j].end..words[j + 1].start),
                        Some("'s " | "’s " | "' " | "’ ")
                    )
            } else {
                words[j + 1].joined
            }
        {
            let next = j + 1;
            // A number goes on with a name ("Apollo 11", "the 95th"), not a day after its
            // month ("the March 30 Senate primary", "Aug. 30" made the name "30 Senate").
            let day = ctx.text(next).len() <= 2 && ctx.has(j, STOP);
            let number = words[next].digit && !ctx.text(next).contains(',') && !day;
            if words[next].upper || number {
                if ctx.has(next, STOP) && !compass_surname(ctx, j, next) {
                    break;
                }
                j = next;
            } else if next + 1 < n
                && words[next + 1].joined
                && words[next + 1].upper
                && ctx.has(next, CONNECTOR)
            {
                took_head_of |= ctx.is_of(next) && ctx.has(j, ORG_HEAD);
                j = next + 1;
            } else if took_head_of && ctx.text(next) == "and" && and_goes_on(ctx, j, next) {
                // "International Association of Machinists and Aerospace Workers",
                // "London School of Hygiene and Tropical Medicine".
                took_head_of = false;
                j = next + 1;
            } else if next + 2 < n
                && j == i
                && ctx.text(next) == "and"
                && ctx.covered[i].is_none()
                && ctx.covered[next + 1].is_none()
                && !ctx.has(i, FIRST_NAME | TITLE)
                && !is_acronym(ctx.text(next + 1))
                && !(i > 0 && ctx.has(i - 1, REPORTING))
                && words[next + 1].joined
                && words[next + 1].upper
                && words[next + 2].joined
                && ctx.portfolio_title(next + 2, n)
            {
                // "Health and Human Services Secretary", "Housing and Urban Development
                // Secretary": a portfolio of two words joined by "and" (see [`name_run`]).
                j = next + 1;
            } else if next + 1 < n
                && ctx.text(next) == "at"
                && words[next + 1].joined
                && words[next + 1].upper
                && (i..j).any(|k| ctx.text(k) == "University" && ctx.is_of(k + 1))
            {
                // "University of Texas at Austin", "University of North Carolina at Chapel
                // Hill": a campus is part of the university's name.
                j = next + 1;
            } else if ctx.text(next) == "on"
                && next + 1 < n
                && words[next + 1].joined
                && words[next + 1].upper
                && !ctx.has(next + 1, STOP)
                && ctx.covered[next + 1].is_none()
                && matches!(
                    ctx.text(j),
                    "Commission" | "Committee" | "Subcommittee" | "Council" | "Conference"
                )
            {
                // "Kenya National Commission on Human Rights", "Council on Foreign
                // Relations": a body named after what it deliberates on (not "the Commission
                // on Monday": a day is a stop word).
                j = next + 1;
            } else if ctx.text(next) == "for" && !took_for && joins_for(ctx, i, j, false) {
                // "International Organization for Migration", "Everytown for Gun Safety".
                j = next + 1;
                took_for = true;
            } else if ctx.text(next) == "for"
                && !took_for
                && next + 1 < n
                && words[next + 1].joined
                && matches!(ctx.text(next + 1), "the" | "a")
                && joins_for(ctx, i, j, true)
            {
                j = next + 2;
                took_for = true;
            } else if took_for
                && ctx.text(next) == "and"
                && next + 1 < n
                && words[next + 1].joined
                && words[next + 1].upper
                && ctx.covered[next + 1].is_none()
                && !ctx.has(next + 1, STOP)
            {
                j = next + 1;
            } else if ctx.text(next) == "and"
                && next + 1 < n
                && words[next + 1].joined
                && matches!(ctx.text(next + 1), "Co" | "Co." | "Company")
                && (i..=j).all(|k| ctx.covered[k].is_none())
            {
                // "Towle and Co", "Pratt and Co Financial Services": the partners' company.
                j = next + 1;
            } else if next + 2 < n
                && words[next + 1].joined
                && words[next + 2].joined
                && words[next + 2].upper
                && words[next].end - words[next].start <= 3
                && PARTICLE_PAIRS.contains(&(ctx.text(next), ctx.text(next + 1)))
            {
                // Two particles: "Ursula von der Leyen", "Alexander van der Bellen".
                j = next + 2;
            } else {
                break;
            }
        }
        run(ctx, i, j, out);
        i = j + 1;
    }
}

/// Where a person starts in a run `from..=to` that follows a capitalized title and its "for"
/// or "of (the)" (the portfolio, "Secretary for Foreign Affairs Rene ...", "Chancellor of
/// the Exchequer Nigel Lawson"): at its first listed given name in no listed name, with a
/// word after it; `None` for other runs.
fn person_after_portfolio(ctx: &SentenceCtx<'_>, from: usize, to: usize) -> Option<usize> {
    if from < 2 || from + 1 >= to {
        return None;
    }
    // The preposition and the title before it.
    let at = if ctx.text(from - 1) == "the" && from >= 3 && ctx.text(from - 2) == "of" {
        from - 2
    } else if matches!(ctx.text(from - 1), "for" | "of") {
        from - 1
    } else if ctx.text(from - 1) == "and" {
        portfolio_before_and(ctx, from - 1)?
    } else {
        return None;
    };
    let words = ctx.words;
    // A capitalized title: "a spokesman for House Speaker Paul Ryan" keeps its "House".
    if at == 0
        || !(at..=from).all(|k| words[k].joined)
        || !words[at - 1].upper
        || !ctx.has(at - 1, TITLE)
    {
        return None;
    }
    (from + 1..to).find(|&k| ctx.has(k, FIRST_NAME) && ctx.covered[k].is_none())
}

/// Where a person starts after a title's "of" and its portfolio, `from..=to` the run after
/// the portfolio's first word ("Secretary of Agriculture Richard Lyng", "Vice President of
/// Finance Joel Graff"): at a listed given name in no listed name, followed by one or two
/// words that end no organization ("Chairman of Morgan Stanley Group Inc" has none).
fn portfolio_person(ctx: &SentenceCtx<'_>, from: usize, to: usize) -> Option<usize> {
    let k = (from..to).find(|&k| ctx.has(k, FIRST_NAME) && ctx.covered[k].is_none())?;
    (to - k <= 2
        && (k + 1..=to).all(|w| {
            ctx.covered[w].is_none() && !ctx.has(w, ORG_SUFFIX | ORG_HEAD | CONNECTOR | TITLE)
        }))
    .then_some(k)
}

/// The title's "of"/"for" before a portfolio that the "and" at `and` goes on ("Director of
/// the Office of Management and Budget James Miller"): walking back over capitalized words,
/// "of" and "the", the first preposition right after a capitalized title.
fn portfolio_before_and(ctx: &SentenceCtx<'_>, and: usize) -> Option<usize> {
    let words = ctx.words;
    if and < 3 || !words[and - 1].upper {
        return None;
    }
    let mut k = and - 1;
    while k > 0 && k + 8 > and && words[k].joined {
        let text = ctx.text(k);
        let of = matches!(text, "of" | "for");
        if !(words[k].upper || of || text == "the") {
            return None;
        }
        if of && words[k - 1].upper && ctx.has(k - 1, TITLE) {
            return Some(k);
        }
        k -= 1;
    }
    None
}

/// Whether the "and" at `and` goes on with a name that took an "of" after its head: the
/// word before it and the two after it are capitalized words in no list, not acronyms,
/// and the two end in a plural agent noun, as an association's members are named
/// ("Aerospace Workers", "Electronics Engineers", "Oil Producers"; not "Bank of
/// Japan and Toyota", "Department of Justice and FBI", "Department of Labor and Air
/// Force").
fn and_goes_on(ctx: &SentenceCtx<'_>, before: usize, and: usize) -> bool {
    let words = ctx.words;
    let plain = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| w.joined && w.upper && !w.digit && !w.possessive)
            && ctx.covered[k].is_none()
            && !is_acronym(ctx.text(k))
            && !ctx.has(
                k,
                STOP | TITLE | TITLE_FIRST | FIRST_NAME | ORG_SUFFIX | ORG_HEAD | ORG_PREFIX,
            )
    };
    ctx.covered[before].is_none()
        && !words[before].possessive
        && plain(and + 1)
        && plain(and + 2)
        && ctx.text(and + 2).ends_with("ers")
}

/// Whether the capitalized words `from..=to` and those after the "for" at `to + 1` make one
/// organization's name: "International Organization for Migration", "U.N. Economic
/// Commission for Africa" (an organization word before "for"), "Everytown for Gun Safety",
/// "Physicians for Human Rights" (a name in no list, not opening the sentence, before two
/// capitalized words in no list: a cause). Not "Minister for Economic Affairs" (a title),
/// "Lawyers for Pennzoil", "Prices for California" (one word after it, or a listed one).
///
/// With `article`, "for the" joins the words after it, only after an organization word:
/// "Kiel Institute for the World Economy", "Committee for the Protection of Journalists".
fn joins_for(ctx: &SentenceCtx<'_>, from: usize, to: usize, article: bool) -> bool {
    let words = ctx.words;
    let after = to + 2 + usize::from(article);
    // What follows "for" is a cause or a place ("for Africa"), not a company, a product or
    // an agency's acronym ("an order from Thai Air for CF6-50 engines", "Lotus Express for
    // MCI Mail", "a contract with the U.S. Army for M1 Abrams tanks").
    if ctx.words[to].possessive
        || !(after < words.len() && words[after].joined && words[after].upper)
        || ctx.has(after, STOP)
        || words[after].digit
        || ctx.text(after).bytes().any(|b| b.is_ascii_digit())
        || is_acronym(ctx.text(after))
        || ctx.covered[after].is_some_and(|g| ctx.gaz[g].kind != EntityType::Place)
    {
        return false;
    }
    // The name's first word may be a sentence word ("The Brennan Center for Justice").
    let mut first = from;
    while first < to && ctx.has(first, STOP) {
        first += 1;
    }
    // A title's first word is a title only with the rest of it: "State Secretary for Foreign
    // Affairs" is one, "State Administration for Market Regulation" none.
    if (first..=to).any(|k| ctx.title_at(k, to + 1) > 0 || ctx.words[k].digit) {
        return false;
    }
    // "Center for Strategic and International Studies", "Centers for Disease Control": a
    // center is a facility's word too ("shopping center"), but not before "for".
    // Before "for the" only a head that takes a complement ("Institute", "Court"): not
    // "Congress for the Contras", "Defense Intelligence Agency for the Congressional ...".
    let heads = if article {
        ORG_HEAD
    } else {
        ORG_SUFFIX | ORG_HEAD
    };
    if ctx.has(to, heads) || matches!(ctx.text(to), "Center" | "Centre" | "Centers" | "Centres") {
        return true;
    }
    if article {
        return false;
    }
    let cause = after + 1 < words.len()
        && words[after + 1].joined
        && words[after + 1].upper
        && (after..=after + 1).all(|k| ctx.covered[k].is_none() && !ctx.has(k, STOP));
    cause
        && (first..=to).all(|k| ctx.covered[k].is_none() && !ctx.has(k, STOP))
        && !is_sentence_initial(ctx, first)
}

/// Splits and types one capitalized run `from..=to`.
fn run(ctx: &SentenceCtx<'_>, from: usize, to: usize, out: &mut Vec<Candidate>) {
    let start = from;
    let mut from = from;
    // Leading sentence words ("The", "But", "Monday") are not part of names.
    // ... but a listed name's first word is ("New" of "New Jersey Department of ...").
    while from <= to
        && ctx.has(from, STOP)
        && (ctx.is_article(from)
            || !ctx.covered[from].is_some_and(|g| {
                ctx.gaz[g].start == ctx.words[from].start && ctx.gaz[g].end > ctx.words[from].end
            }))
    {
        from += 1;
    }
    if from == to && from > start && compass_town(ctx, from) {
        let mut cand = ctx.candidate(from - 1, to, Some(EntityType::Place));
        cand.overrides = true;
        out.push(cand);
        return;
    }
    // "State Secretary for Foreign Affairs Rene van der Linden": after a title's "for" the
    // run opens with the portfolio, no name; a given name inside it starts the person.
    if let Some(k) = person_after_portfolio(ctx, from, to) {
        run(ctx, k, to, out);
        return;
    }
    // "Residents of Chelsea said", "Supporters of Trump": a plural noun for people opening
    // the sentence before "of" is a common noun, no part of the name after it.
    if from + 1 < to
        && ctx.is_of(from + 1)
        && is_sentence_initial(ctx, from)
        && ctx.covered[from].is_none()
        && plural_person_noun(ctx.text(from))
    {
        from += 2;
    }
    // "Democrat Ruben Gallego", "Republican Kari Lake": a party's member before a given
    // name or a listed person is no part of the name (not "Republican Jewish Coalition").
    if from < to
        && matches!(ctx.text(from), "Democrat" | "Republican")
        && (ctx.covered[from + 1].is_none() && ctx.has(from + 1, FIRST_NAME)
            || ctx.covered[from + 1].is_some_and(|g| {
                ctx.gaz[g].kind == EntityType::Person
                    && ctx.gaz[g].start == ctx.words[from + 1].start
            }))
    {
        from += 1;
    }
    // "Survivor Espérance Bahati, 34, said", "Receiver Tee Higgins agreed": a person noun
    // opening the sentence, capitalized only for that, is the role of the two or three
    // words in no list after it, a person's name.
    if role_before_name(ctx, from, to) {
        let mut cand = ctx.candidate(from + 1, to, Some(EntityType::Person));
        cand.overrides = true;
        out.push(cand);
        return;
    }
    // "the April-June quarter", "Monday-Friday": words of a time joined by a hyphen.
    if from == to && hyphenated_stops(ctx.text(from)) {
        return;
    }
    if from <= to {
        name_run(ctx, from, to, out);
    }
}

/// Whether the compass word at `k` is the surname of the given name at `j` before it,
/// with no capitalized word after it: "spokeswoman Kristen South said", "Kanye West".
fn compass_surname(ctx: &SentenceCtx<'_>, j: usize, k: usize) -> bool {
    matches!(ctx.text(k), "North" | "South" | "East" | "West")
        && ctx.has(j, FIRST_NAME)
        && !ctx.has(j, STOP)
        && ctx.covered[j].is_none()
        && ctx.words.get(k + 1).is_none_or(|w| !w.upper || !w.joined)
}

/// Whether the country's name at word `k` follows a compass word or "New", the pair in no
/// list: "East Palestine, Ohio", "New Britain" name towns of their own.
fn compass_town(ctx: &SentenceCtx<'_>, k: usize) -> bool {
    ctx.covered[k - 1].is_none()
        && ctx.words[k].joined
        && matches!(ctx.text(k - 1), "East" | "West" | "North" | "South" | "New")
        && ctx.covered[k].is_some_and(|g| {
            ctx.gaz[g].kind == EntityType::Country
                && ctx.gaz[g].form == Form::Name
                && ctx.gaz[g].start == ctx.words[k].start
                && ctx.gaz[g].end == ctx.words[k].end
        })
}

/// Whether the run `from..=to` opens a sentence with a person noun (person_nouns.txt, not
/// a title, which the name finder splits off anyway) before two or three plain capitalized
/// words in no list and with no organization's or place's word.
fn role_before_name(ctx: &SentenceCtx<'_>, from: usize, to: usize) -> bool {
    to >= from + 2
        && to <= from + 3
        && is_sentence_initial(ctx, from)
        && ctx.covered[from].is_none()
        && !ctx.words[from].possessive
        && ctx.has(from, PERSON_NOUN)
        && !ctx.has(from, TITLE | TITLE_FIRST)
        && (from + 1..=to).all(|k| {
            let w = ctx.words[k];
            ctx.covered[k].is_none()
                && w.joined
                && w.upper
                && !w.digit
                && (k == to || !w.possessive)
                && !ctx.has(
                    k,
                    ORG_SUFFIX | ORG_HEAD | ORG_PREFIX | PLACE_SUFFIX | STOP | TITLE | CONNECTOR,
                )
        })
}

/// Whether a word is the plural of a noun for people (person_nouns.txt, person_titles.txt):
/// "Residents", "Officials".
fn plural_person_noun(word: &str) -> bool {
    word.len() > 3
        && word
            .strip_suffix('s')
            .is_some_and(|one| LEXICON.flags(one) & (PERSON_NOUN | TITLE) != 0)
}

/// Whether a word is common words joined by hyphens ("April-June", "Monday-Friday"): each
/// part in stop_caps.txt.
fn hyphenated_stops(word: &str) -> bool {
    word.contains('-')
        && word
            .split('-')
            .all(|p| !p.is_empty() && LEXICON.flags(p) & STOP != 0)
}

/// Splits and types the capitalized words `from..=to` that open with a name's first word.
fn name_run(ctx: &SentenceCtx<'_>, from: usize, to: usize, out: &mut Vec<Candidate>) {
    let mut from = from;
    // A run that is exactly one gazetteer name stays the gazetteer's.
    if let Some(g) = ctx.covered[from]
        && ctx.gaz[g].start == ctx.words[from].start
        && ctx.gaz[g].end == ctx.words[to].end
    {
        return;
    }
    // "Hurricane Milton", "Tropical Storm Alberto": a storm is no person, organization or
    // place (docs/schema.md has no type for it), so its name is no entity.
    if let Some(len) = storm_word(ctx, from, to)
        && from + len == to
    {
        let mut cand = ctx.candidate(from, to, None);
        cand.storm = true;
        cand.overrides = true;
        out.push(cand);
        return;
    }
    // "Chad Sweet, the campaign's chairman": a country that is also a given name, before
    // one or two capitalized words in no list, is a person's given name ("Jordan Valley",
    // "Jordan Times" end in a place's or organization's word, and stay).
    if to > from
        && to - from <= 2
        && let Some(g) = ctx.covered[from]
        && ctx.gaz[g].kind == EntityType::Country
        && ctx.gaz[g].end == ctx.words[from].end
        && GIVEN_NAME_COUNTRIES.contains(&ctx.text(from))
        && (from + 1..=to).all(|k| {
            ctx.covered[k].is_none()
                && ctx.words[k].upper
                && !ctx.words[k].digit
                && !ctx.has(
                    k,
                    ORG_SUFFIX
                        | ORG_HEAD
                        | PLACE_SUFFIX
                        | EVENT_SUFFIX
                        | TITLE
                        | TITLE_FIRST
                        | STOP,
                )
        })
    {
        let mut cand = ctx.candidate(from, to, Some(EntityType::Person));
        cand.overrides = true;
        out.push(cand);
        return;
    }
    // "Stability AI", "Scale AI", "Mistral AI": an acronym of a common noun (listed in
    // not_names.txt so that "the AI race" names nothing) after one or two capitalized
    // words in no list ends a company's name. Not at a sentence's start ("Generative AI
    // tools"), where capitals say nothing.
    if to > from
        && to - from <= 2
        && let Some(g) = ctx.covered[to]
        && ctx.gaz[g].form == Form::NotName
        && ctx.gaz[g].start == ctx.words[to].start
        && ctx.gaz[g].end == ctx.words[to].end
        && is_acronym(ctx.text(to))
        && (from..to).all(|k| {
            let w = ctx.words[k];
            ctx.covered[k].is_none()
                && w.upper
                && !w.digit
                && !w.possessive
                && !ctx.has(k, STOP | TITLE | TITLE_FIRST | PLACE_SUFFIX | CONNECTOR)
        })
        && !is_sentence_initial(ctx, from)
    {
        let mut cand = ctx.candidate(from, to, Some(EntityType::Organization));
        cand.overrides = true;
        out.push(cand);
        return;
    }
    // "Radio Free Europe", "Radio America": a name opening with an organization word is the
    // organization's, over any place or country in it.
    if to > from && ctx.has(from, ORG_PREFIX) {
        let mut cand = ctx.candidate(from, to, Some(EntityType::Organization));
        cand.overrides = true;
        out.push(cand);
        return;
    }
    // A title closing the run names no one: "Ryanair CEO" is Ryanair, "President" nothing.
    // After a given name, a title that is also a surname is the surname ("Martin Luther
    // King", "Stephen King", "John Major").
    let mut to = to;
    let given = ctx.has(from, FIRST_NAME | WORD_FIRST_NAME) && ctx.covered[from].is_none();
    // A title ending the run starts at most `max_title_words` words before its end.
    while let Some(k) =
        (from.max((to + 1).saturating_sub(LEXICON.max_title_words))..=to).find(|&k| {
            let len = ctx.title_at(k, to + 1);
            len > 0
                && k + len == to + 1
                && !(given && k > from && len == 1 && SURNAME_TITLES.contains(&ctx.text(k)))
                // "Brennan Center for Justice": after "for" a title's word is the cause.
                && !(k > from && ctx.text(k - 1) == "for")
        })
    {
        // "Argentina's Industry and Foreign Trade Secretary": a portfolio joined by "and"
        // (see [`find_cased`]) before its office names no one either.
        if k == from || (k == from + 3 && matches!(ctx.text(from + 1), "and" | "&")) {
            return;
        }
        to = k - 1;
    }
    // A run cut short after its "for" or "and" ends before them.
    while to > from && matches!(ctx.text(to), "for" | "and") {
        to -= 1;
    }
    // Events ("Worldwide Developers Conference", "the Eaton Fire") are no entities; a name
    // that goes on after "and" is a company's ("Chiyoda Fire and Marine Insurance Co").
    let continues = || {
        ctx.words.get(to + 1).is_some_and(|w| w.joined)
            && matches!(ctx.text(to + 1), "and" | "&")
            && ctx.words.get(to + 2).is_some_and(|w| w.joined && w.upper)
    };
    if ctx.has(to, EVENT_SUFFIX) && !continues() {
        return;
    }
    // "Children's Hospital of Philadelphia", "People's Liberation Army": a plural noun's
    // possessive opening the run (see [`find_cased`]) opens an organization's name.
    if ctx.words[from].possessive && POSSESSIVE_PLURALS.contains(&ctx.text(from)) {
        // "Children's advocates": the noun alone names no one.
        if to == from {
            return;
        }
        let mut cand = ctx.candidate(from, to, Some(EntityType::Organization));
        cand.overrides = true;
        out.push(cand);
        return;
    }
    // "Kari Lake", "Maria Arena": a given name before a place word that is also a surname
    // (surname_places.txt) is a person, unless a place cue says where ("in Grace Lake").
    let surname_place = to == from + 1
        && ctx.covered[from].is_none()
        && ctx.covered[to].is_none()
        && ctx.has(to, SURNAME_PLACE)
        && ctx.has(from, FIRST_NAME | WORD_FIRST_NAME)
        && !(from > 0 && !ctx.words[from - 1].upper && ctx.has(from - 1, PLACE_CUE));
    if let Some(cand) = headed_place(ctx, from, to) {
        out.push(cand);
        return;
    }
    // Facilities and geographic names ("Changi International Airport", "Wall Street").
    // "Senator Jack Reed of Rhode Island": a titled person of a place is split below.
    // "Massachusetts State Court for Suffolk County": a name joined by "for" is the body's,
    // not a place's (see [`joins_for`]).
    if to > from
        && ctx.has(to, PLACE_SUFFIX)
        && !surname_place
        && !titled_person_of(ctx, from, to)
        && !(from + 1..to).any(|k| ctx.text(k) == "for")
    {
        // "the National Hurricane Center said": a facility that reports is the body that
        // runs it, unless a place cue says where ("experts in the MidEast Gulf said").
        let cue = |k: usize| !ctx.words[k].upper && ctx.has(k, PLACE_CUE);
        let placed =
            from > 0 && (cue(from - 1) || (from > 1 && ctx.is_article(from - 1) && cue(from - 2)));
        let reports = !placed
            && ctx.words.get(to + 1).is_some_and(|w| w.joined)
            && ctx.has(to + 1, REPORTING);
        let kind = if reports {
            EntityType::Organization
        } else {
            EntityType::Place
        };
        let mut cand = ctx.candidate(from, to, Some(kind));
        cand.overrides = true;
        out.push(cand);
        return;
    }
    // "Executive Vice President of Home Federal Savings": the titles and their "of" are
    // no part of the organization named after them.
    let mut after_titles = from;
    while after_titles < to {
        let len = ctx.title_at(after_titles, to + 1);
        if len == 0 {
            break;
        }
        after_titles += len;
    }
    if after_titles > from
        && after_titles < to
        && ctx.is_of(after_titles)
        && ctx.has(to, ORG_SUFFIX)
    {
        from = after_titles + 1;
    }
    // "Tom Campbell of First National Bank": a given name and a surname before "of" are a
    // person from the place or organization after it.
    if ctx.has(from, FIRST_NAME | WORD_FIRST_NAME)
        && ctx.covered[from].is_none()
        && let Some(of) = (from + 2..to).find(|&k| ctx.is_of(k))
        && (from + 1..of).all(|k| {
            ctx.covered[k].is_none()
                && !ctx.words[k].digit
                && !ctx.has(k, ORG_SUFFIX | ORG_HEAD | TITLE | TITLE_FIRST)
        })
    {
        let mut cand = ctx.candidate(from, of - 1, Some(EntityType::Person));
        cand.overrides = true;
        out.push(cand);
        // Only an article opens the rest: "of The Intercept", but "of First National Bank".
        let rest = of + 1 + usize::from(ctx.is_article(of + 1));
        if rest <= to {
            name_run(ctx, rest, to, out);
        }
        return;
    }
    // "Chrysler LLC Jim Press", "General Motors Roger Smith": a given name right after an
    // organization word starts a person of that organization.
    if let Some(k) = (from + 1..to.saturating_sub(1)).find(|&k| {
        ctx.has(k, ORG_SUFFIX)
            && ctx.covered[k + 1].is_none()
            && ctx.has(k + 1, FIRST_NAME)
            && !ctx.has(k + 1, CONNECTOR)
            // "White House Chief of Staff Howard Baker": the word ends a title.
            && !(from..=k).any(|s| {
                let len = ctx.title_at(s, k + 1);
                len > 0 && s + len == k + 1
            })
    }) {
        for (a, b, kind) in [
            (from, k, EntityType::Organization),
            (k + 1, to, EntityType::Person),
        ] {
            let mut cand = ctx.candidate(a, b, Some(kind));
            cand.overrides = true;
            out.push(cand);
        }
        return;
    }
    // "Jim Press, the vice chairman": a given name and a surname that is an organization
    // word, described as a person.
    if to == from + 1
        && ctx.has(from, FIRST_NAME)
        && ctx.covered[from].is_none()
        && ctx.apposition(to) == Some(EntityType::Person)
    {
        let mut cand = ctx.candidate(from, to, Some(EntityType::Person));
        cand.overrides = true;
        out.push(cand);
        return;
    }
    // An organization word at the end wins over a title at the start ("General Motors").
    // "Bank of Japan", and with a country before it, "U.S. Department of Labor"; a run
    // joined by "for" is an organization's name (see [`joins_for`]).
    let head_of = |k: usize| k < to && ctx.has(k, ORG_HEAD) && ctx.is_of(k + 1);
    let org = ctx.has(to, ORG_SUFFIX)
        || (from + 1..to).any(|k| ctx.text(k) == "for")
        || head_of(from)
        || (from..to)
            .take_while(|&k| ctx.covered[k].is_some())
            .last()
            .is_some_and(|k| head_of(k + 1))
        || modified_head_of(ctx, from, to);
    // "Police said ...", "Ministry officials": an organization word alone opening the
    // sentence is a common noun, no named organization; not a dateline's town ("UNION,
    // N.J.") nor one that owns something ("Union's commercial paper").
    if org
        && to == from
        && ctx.covered[from].is_none()
        && !ctx.words[from].possessive
        && is_sentence_initial(ctx, from)
        && !dateline_city(ctx, from)
    {
        return;
    }
    if org && (to > from || ctx.covered[from].is_none()) && !titled_name_after(ctx, from, to) {
        let mut cand = ctx.candidate(from, to, Some(EntityType::Organization));
        cand.overrides = true;
        out.push(cand);
        return;
    }
    // A title inside the run splits it: affiliation before, person after.
    for k in from..to {
        let len = ctx.title_at(k, to + 1);
        if len == 0 {
            continue;
        }
        let mut name_from = k + len;
        while name_from <= to {
            let more = ctx.title_at(name_from, to + 1);
            if more == 0 {
                break;
            }
            name_from += more;
        }
        if name_from > to {
            break;
        }
        // "Health and Human Services Secretary Robert F. Kennedy Jr.", "Housing and Urban
        // Development Secretary": a portfolio of two words joined by "and" before its office
        // is all title ("Health" and "Human" were organizations).
        let joined_portfolio = len == 2
            && k >= from + 2
            && matches!(ctx.text(k - 2), "and" | "&")
            && (from..k)
                .all(|w| ctx.covered[w].is_none() && !ctx.has(w, ORG_SUFFIX | ORG_HEAD | TITLE));
        if k > from && !joined_portfolio {
            // "Bank of England Governor Andrew Bailey": the affiliation is a name of its
            // own; a lone word before the title ("Committee Chairman") stays untyped, and
            // so do a word before a country ("Democratic U.S. Rep.") and names ending in a
            // listed organization ("New York Federal Reserve President").
            let listed_last = ctx.covered[k - 1].is_some_and(|g| {
                let kind = ctx.gaz[g].kind;
                kind == EntityType::Organization
                    || (k - 1 == from + 1 && kind == EntityType::Country)
            });
            // Leading sentence words ("Former") are no part of it; a listed name is ("New").
            let mut lead = from;
            while lead < k - 1 && ctx.has(lead, STOP) && ctx.covered[lead].is_none() {
                lead += 1;
            }
            if k - 1 > lead && !listed_last {
                name_run(ctx, lead, k - 1, out);
            } else if k - 1 == lead && ctx.covered[lead].is_none() && is_acronym(ctx.text(lead)) {
                // "FEMA Administrator Deanne Criswell": an acronym's organization.
                let mut cand = ctx.candidate(lead, lead, Some(EntityType::Organization));
                cand.overrides = true;
                out.push(cand);
            } else {
                typed_pieces(ctx, from, k - 1, None, out);
            }
        }
        // "President of GM": what follows the title is its organization, not a name.
        if ctx.has(name_from, CONNECTOR) {
            if name_from < to {
                let person = portfolio_person(ctx, name_from + 2, to);
                typed_pieces(ctx, name_from + 1, person.map_or(to, |k| k - 1), None, out);
                if let Some(k) = person {
                    let mut cand = ctx.candidate(k, to, Some(EntityType::Person));
                    cand.overrides = true;
                    out.push(cand);
                }
            }
            return;
        }
        // "Sen. Bernie Sanders of Vermont": the person ends before "of", and what follows
        // is the place or organization they are of.
        let of = (name_from + 1..to).find(|&i| ctx.is_of(i));
        let mut cand = ctx.candidate(
            name_from,
            of.map_or(to, |of| of - 1),
            Some(EntityType::Person),
        );
        cand.overrides = true;
        out.push(cand);
        if let Some(of) = of {
            typed_pieces(ctx, of + 1, to, None, out);
        }
        return;
    }
    // "Apple Computer", "Apple Corps": capitalized words after a listed organization's
    // name make a longer name, another company or a unit of it.
    if to > from
        && let Some(g) = ctx.covered[from]
        && ctx.gaz[g].kind == EntityType::Organization
        && ctx.gaz[g].form == Form::Name
        && ctx.gaz[g].start == ctx.words[from].start
        && ctx.gaz[g].end < ctx.words[to].end
        && ((from + 1)..=to)
            .filter(|&k| ctx.words[k].start >= ctx.gaz[g].end)
            .all(|k| ctx.covered[k].is_none() && ctx.words[k].upper && !ctx.has(k, STOP))
    {
        let mut cand = ctx.candidate(from, to, Some(EntityType::Organization));
        cand.overrides = true;
        out.push(cand);
        return;
    }
    // "Ivanka Trump", "Michelle Obama": given names before a listed person's surname name
    // someone else of that family, not the listed person.
    if let Some(g) = ctx.covered[to]
        && ctx.gaz[g].kind == EntityType::Person
        && ctx.gaz[g].end == ctx.words[to].end
        && ctx.gaz[g].start > ctx.words[from].start
        && (from..to)
            .take_while(|&k| ctx.words[k].end <= ctx.gaz[g].start)
            .all(|k| ctx.covered[k].is_none() && ctx.words[k].upper && !ctx.has(k, STOP))
    {
        let mut cand = ctx.candidate(from, to, Some(EntityType::Person));
        cand.overrides = true;
        out.push(cand);
        return;
    }
    // "Ukrainian Railways", "Russian Helicopters": a demonym opening a run of capitalized
    // words in no list names a national company or body (titles were split off above).
    // "Swiss Reinsurance Co of Zurich": the company ends at its organization word before
    // "of", and the place it is of follows.
    if to > from
        && let Some(g) = ctx.covered[from]
        && ctx.gaz[g].form == Form::Demonym
        && demonym_org(ctx, from, to, g, out)
    {
        return;
    }
    // "Garuda Indonesia", "Ford Australia": a name in no list followed by a country's
    // name in the same run is a company or its national branch.
    if to > from
        && ctx.covered[from].is_none()
        && (from..=to).all(|k| ctx.words[k].upper)
        && let Some(g) = ctx.covered[to]
        && ctx.gaz[g].kind == EntityType::Country
        && ctx.gaz[g].form == Form::Name
        && ctx.gaz[g].end == ctx.words[to].end
        && ctx.gaz[g].start > ctx.words[from].start
    {
        let mut cand = ctx.candidate(from, to, Some(EntityType::Organization));
        cand.overrides = true;
        out.push(cand);
        return;
    }
    let person = ctx.title_before(from)
        || titled_complement_before(ctx, from, to)
        || person_noun_before(ctx, from, to);
    typed_pieces(ctx, from, to, person.then_some(EntityType::Person), out);
}

/// Whether the run `from..=to` is a short name set off by a comma after a lowercase title
/// or person noun and its complement: "The United Nations' special envoy for Syria, Geir
/// Pedersen, called". The complement is a preposition and one to three capitalized words
/// (an article may open them); the name has two or three words and none of an
/// organization's or a place's, so "the head of Reuters, Thomson Reuters Corp" stays a
/// company.
fn titled_complement_before(ctx: &SentenceCtx<'_>, from: usize, to: usize) -> bool {
    if from < 3
        || ctx.words[from].joined
        || ctx.body[ctx.words[from - 1].end..ctx.words[from].start].trim() != ","
        || !short_plain_name(ctx, from, to)
    {
        return false;
    }
    let mut k = from - 1;
    let mut capitals = 0;
    while k > 0 && ctx.words[k].upper && !ctx.words[k].possessive && capitals < 3 {
        if capitals > 0 && !ctx.words[k + 1].joined {
            return false;
        }
        capitals += 1;
        k -= 1;
    }
    if capitals == 0 || !ctx.words[k + 1].joined {
        return false;
    }
    if ctx.is_article(k) && k > 0 {
        k -= 1;
    }
    let preposition = ["for", "of", "to", "at", "in"].contains(&ctx.text(k));
    preposition
        && k > 0
        && ctx.words[k].joined
        && !ctx.words[k - 1].upper
        && (ctx.has(k - 1, TITLE) || ctx.has(k - 1, PERSON_NOUN) && ctx.text(k - 1) != "owner")
}

/// Whether `from..=to` has two or three words, none listed, a number, or an
/// organization's, a place's or a stop word.
fn short_plain_name(ctx: &SentenceCtx<'_>, from: usize, to: usize) -> bool {
    to > from
        && to <= from + 2
        && (from..=to).all(|k| {
            ctx.covered[k].is_none()
                && !ctx.words[k].digit
                && !ctx.has(k, ORG_SUFFIX | ORG_HEAD | ORG_PREFIX | PLACE_SUFFIX | STOP)
        })
}

/// Whether a lowercase person noun right before the run makes it a person: "with receiver
/// A.J. Brown", "Bengals owner Mike Brown". Only before a short plain name
/// ([`short_plain_name`]): "official" stays out, as often an adjective ("official Xinhua
/// news agency"), and so does "owner", as a company owns too.
fn person_noun_before(ctx: &SentenceCtx<'_>, from: usize, to: usize) -> bool {
    from > 0
        && ctx.words[from].joined
        && !ctx.words[from - 1].upper
        && !ctx.words[from - 1].possessive
        && ctx.has(from - 1, PERSON_NOUN)
        && !matches!(ctx.text(from - 1), "official" | "owner")
        && short_plain_name(ctx, from, to)
}

/// The length in words of a storm word opening the run `from..=to` ("Hurricane",
/// "Tropical Storm"), or `None`.
fn storm_word(ctx: &SentenceCtx<'_>, from: usize, to: usize) -> Option<usize> {
    match ctx.text(from) {
        "Hurricane" | "Typhoon" | "Cyclone" | "Storm" | "Superstorm" => Some(1),
        "Tropical" | "Super" | "Post-Tropical"
            if from < to && matches!(ctx.text(from + 1), "Storm" | "Depression" | "Typhoon") =>
        {
            Some(2)
        }
        _ => None,
    }
}

/// Whether `word` is written like an acronym: two to six capital letters ("FEMA").
fn is_acronym(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether a title inside the run `from..=to` is followed by a name with no organization
/// word: "Bank of England Governor Andrew Bailey", "Georgia Bureau of Investigation
/// Director Chris Hosey" are an organization and a person, split by the title.
/// Whether the run opens with titles, then a name in no list of organizations, then "of":
/// "Senator Jack Reed of Rhode Island", "Gov. Dan McKee of Rhode Island".
fn titled_person_of(ctx: &SentenceCtx<'_>, from: usize, to: usize) -> bool {
    let mut name = from;
    while name < to {
        let len = ctx.title_at(name, to + 1);
        if len == 0 {
            break;
        }
        name += len;
    }
    name > from
        && !ctx.has(name, CONNECTOR)
        && (name + 1..to).find(|&k| ctx.is_of(k)).is_some_and(|of| {
            (name..of).all(|w| {
                ctx.words[w].upper
                    && !ctx.words[w].digit
                    && !ctx.has(
                        w,
                        ORG_SUFFIX | ORG_HEAD | PLACE_SUFFIX | TITLE | TITLE_FIRST,
                    )
            })
        })
}

fn titled_name_after(ctx: &SentenceCtx<'_>, from: usize, to: usize) -> bool {
    (from + 1..to).any(|k| {
        let len = ctx.title_at(k, to + 1);
        let name = k + len;
        len > 0
            && name <= to
            && !ctx.has(name, CONNECTOR)
            && (name..=to).all(|w| {
                ctx.words[w].upper && !ctx.has(w, ORG_SUFFIX | ORG_HEAD | TITLE | TITLE_FIRST)
            })
    })
}

/// "Ukrainian Railways": the organization a demonym (mention `g`) opens in the run
/// `from..=to`, pushed to `out`; whether there was one. See [`name_run`].
fn demonym_org(
    ctx: &SentenceCtx<'_>,
    from: usize,
    to: usize,
    g: usize,
    out: &mut Vec<Candidate>,
) -> bool {
    if ctx.gaz[g].kind != EntityType::Country || ctx.gaz[g].start != ctx.words[from].start {
        return false;
    }
    let org_of = (from + 2..to).find(|&k| ctx.is_of(k) && ctx.has(k - 1, ORG_SUFFIX));
    let mut org_end = org_of.map_or(to, |of| of - 1);
    // "Iranian News Agency IRNA": a listed organization closing the run is a name of its
    // own ("Americans of Cuban descent" is no organization).
    if let Some(last) = ctx.covered[org_end]
        && last != g
        && ctx.gaz[last].end == ctx.words[org_end].end
        && ctx.gaz[last].kind == EntityType::Organization
        && let Some(k) = (from + 1..=org_end).find(|&k| ctx.covered[k] == Some(last))
        && ctx.gaz[last].start == ctx.words[k].start
        && ctx.words[k - 1].upper
        && !ctx.has(k - 1, CONNECTOR)
    {
        org_end = k - 1;
    }
    // "American Sam Kendricks": a given name after the demonym opens a person's name. The
    // surname has two letters or more: a lone letter is no surname ("Venezuelan Bolivar N/A"
    // is a currency in a table).
    let person = org_end <= from + 3
        && ctx.has(from + 1, FIRST_NAME)
        && ctx
            .text(org_end)
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            >= 2
        && !ctx.has(from + 1, WORD_FIRST_NAME)
        && ((from + 1)..=org_end).all(|k| !ctx.has(k, ORG_SUFFIX | ORG_HEAD | ORG_PREFIX));
    if org_end <= from
        || person
        || !((from + 1)..=org_end).all(|k| ctx.covered[k].is_none_or(|h| h == g))
        || !((from + 1)..=org_end).any(|k| ctx.covered[k].is_none())
    {
        return false;
    }
    let mut cand = ctx.candidate(from, org_end, Some(EntityType::Organization));
    cand.overrides = true;
    out.push(cand);
    if let Some(of) = org_of {
        typed_pieces(ctx, of + 1, to, None, out);
    }
    true
}

/// Candidates for the parts of `from..=to` that no gazetteer mention covers.
fn typed_pieces(
    ctx: &SentenceCtx<'_>,
    from: usize,
    to: usize,
    kind: Option<EntityType>,
    out: &mut Vec<Candidate>,
) {
    let mut k = from;
    while k <= to {
        if ctx.covered[k].is_some() {
            k += 1;
            continue;
        }
        let mut end = k;
        while end < to && ctx.covered[end + 1].is_none() {
            end += 1;
        }
        // Trailing connectors are not part of the name.
        let mut last = end;
        while last > k && ctx.has(last, CONNECTOR) {
            last -= 1;
        }
        let single_stop = k == last && ctx.has(k, STOP);
        if !single_stop && ctx.words[k].upper {
            let mut cand = ctx.candidate(k, last, kind);
            // "the island of Lampedusa, the agency said": a place noun and "of" before
            // the name say more than what follows the comma.
            if cand.kind.is_none() && place_noun_of(ctx, k) {
                cand.kind = Some(EntityType::Place);
            }
            if cand.kind.is_none() {
                cand.kind = ctx.apposition(last);
            }
            // Whether the run can be a person's name from its given name: not "Christian
            // Democrats" (a party's plural), not "Jun 20", "Camden N.J. 62", "Bill C-40"
            // (digits), and not "Edwin L. Cox School of Business" (an organization word
            // before "of" makes the whole run an organization's name). Checked only for
            // untyped runs opening with a given name.
            let group_plural = || {
                ["ats", "ists", "ives", "ites", "als"]
                    .iter()
                    .any(|p| ctx.text(last).ends_with(p))
            };
            let digits = || (k..=last).any(|i| ctx.text(i).bytes().any(|b| b.is_ascii_digit()));
            // "Tom Campbell of First National Bank": the person ends before "of".
            let of = || (k + 2..last).find(|&i| ctx.is_of(i));
            let org_before_of = |of: Option<usize>| {
                of.is_some_and(|of| (k + 1..of).any(|i| ctx.has(i, ORG_SUFFIX | ORG_HEAD)))
            };
            // "Mark IV" is a model's version ("Charles III" is a king).
            let mark_model =
                || cand.words == 2 && ctx.text(k) == "Mark" && is_roman_numeral(ctx.text(last));
            let given =
                cand.kind.is_none() && cand.words >= 2 && ctx.has(k, FIRST_NAME | WORD_FIRST_NAME);
            // "Morgan Guaranty Trust Co of New York": an organization word closing the
            // run names a company, as it does in a run without a place after it.
            if given && ctx.has(last, ORG_SUFFIX) && of().is_none() {
                cand.kind = Some(EntityType::Organization);
            }
            let given = given && cand.kind.is_none();
            let of = if given { of() } else { None };
            if given && !group_plural() && !digits() && !org_before_of(of) && !mark_model() {
                if let Some(of) = of {
                    out.push(ctx.candidate(k, of - 1, Some(EntityType::Person)));
                    typed_pieces(ctx, of + 1, end, None, out);
                    k = end + 1;
                    continue;
                }
                cand.kind = Some(EntityType::Person);
            }
            if cand.kind.is_none() && !plausible_untyped(ctx, k, last) {
                k = end + 1;
                continue;
            }
            // The first word of a sentence is capitalized anyway; it still reads as a name
            // when it owns something or reports ("Airbus's", "Airbus said").
            cand.weak = cand.kind.is_none()
                && cand.words == 1
                && is_sentence_initial(ctx, k)
                && !acts_like_name(ctx, k);
            // "CHARLOTTE, N.C. (AP)", "SAN ANTONIO, Texas": a dateline's city.
            if cand.kind.is_none() && is_sentence_initial(ctx, k) && dateline_city(ctx, last) {
                cand.kind = Some(EntityType::Place);
                cand.weak = false;
            }
            // "in Kursk" is a place; "a stake in Chrysler" is not.
            // "Heathrow airport", "Thames river": a geographic noun after the name.
            if cand.kind.is_none()
                && let Some(next) = ctx.words.get(last + 1)
                && next.joined
                && !next.upper
                && !ctx.words[last].possessive
                // "Janney fire him": a fire is a noun only after an article.
                && (!matches!(ctx.text(last + 1), "fire" | "wildfire")
                    || k > 0 && ctx.is_article(k - 1))
                && (PLACE_NOUNS.contains(&ctx.text(last + 1))
                    || (PLACE_NOUNS_PLURAL.contains(&ctx.text(last + 1))
                        && k > 0
                        && ctx.words[k].joined
                        && matches!(ctx.text(k - 1), "and" | "or")))
            {
                cand.kind = Some(EntityType::Place);
            }
            if cand.kind.is_none() && (first_of_places(ctx, last) || example_of_places(ctx, k)) {
                cand.kind = Some(EntityType::Place);
            }
            // "identified as Colt Gray", "named as Jane Doe": a person's full name.
            if cand.kind.is_none() && cand.words >= 2 && identified_as(ctx, k) {
                cand.kind = Some(EntityType::Person);
            }
            cand.place_cue = (k > 0
                && !ctx.words[k - 1].upper
                && ctx.has(k - 1, PLACE_CUE)
                && !(k > 1 && ctx.has(k - 2, OWNERSHIP)))
                || after_direction(ctx, k)
                || off_a_vessel(ctx, k)
                || after_place(ctx, k, last, out)
                || camp_after(ctx, last);
            // "the Zamzam displacement camp", "Tepe refugee camp": a camp for displaced
            // people is a place.
            if cand.kind.is_none() && displacement_camp_after(ctx, last) {
                cand.kind = Some(EntityType::Place);
            }
            out.push(cand);
        }
        k = end + 1;
    }
}

/// Whether a lowercase "camp" or "camps" follows the name ending at word `last`: "the
/// Zamzam camp", "the Abu Shouk camp". Only a hint of a place, weighed like "in X" for the
/// whole document: "the Clinton camp" is a campaign, and a name that is a person anywhere
/// in the document stays that person (see [`crate::resolve`]).
fn camp_after(ctx: &SentenceCtx<'_>, last: usize) -> bool {
    let next = last + 1;
    ctx.words.get(next).is_some_and(|w| w.joined && !w.upper)
        && !ctx.words[last].possessive
        && matches!(ctx.text(next), "camp" | "camps")
}

/// Whether a camp for displaced people follows the name ending at word `last`: "the
/// Zamzam displacement camp", "Tepe refugee camp", "the Jabalia refugee camp".
fn displacement_camp_after(ctx: &SentenceCtx<'_>, last: usize) -> bool {
    let (noun, camp) = (last + 1, last + 2);
    camp < ctx.words.len()
        && ctx.words[noun].joined
        && ctx.words[camp].joined
        && !ctx.words[last].possessive
        && matches!(
            ctx.text(noun),
            "displacement" | "displaced" | "refugee" | "refugees" | "migrant" | "IDP" | "tent"
        )
        && matches!(ctx.text(camp), "camp" | "camps")
}

/// Whether the name ending at word `last` opens a pair of places that a plural place noun
/// ends: "the Sava and Morava rivers", "the Donetsk or Luhansk regions" (one word after
/// "and"/"or", then the noun).
fn first_of_places(ctx: &SentenceCtx<'_>, last: usize) -> bool {
    let (and, second, noun) = (last + 1, last + 2, last + 3);
    noun < ctx.words.len()
        && !ctx.words[last].possessive
        && ctx.words[and].joined
        && ctx.words[second].joined
        && ctx.words[noun].joined
        && matches!(ctx.text(and), "and" | "or")
        && ctx.words[second].upper
        && !ctx.words[second].possessive
        && !ctx.words[noun].upper
        && PLACE_NOUNS_PLURAL.contains(&ctx.text(noun))
}

/// Whether word `k` follows a plural kind of place and "such as" or "including": "towns
/// such as Mirebalais", "cities including Kharkiv".
fn example_of_places(ctx: &SentenceCtx<'_>, k: usize) -> bool {
    let kind_at = |i: usize| {
        (i + 1..=k).all(|w| ctx.words[w].joined)
            && !ctx.words[i].upper
            && PLACE_KINDS.contains(&ctx.text(i))
    };
    match k.checked_sub(1).map(|i| ctx.text(i)) {
        Some("as") => k >= 3 && ctx.text(k - 2) == "such" && kind_at(k - 3),
        Some("including") => k >= 2 && kind_at(k - 2),
        _ => false,
    }
}

/// Whether word `k` follows a lowercase place noun and "of": "the island of Lampedusa",
/// "the port of Sfax", "the town of Deir al-Balah".
fn place_noun_of(ctx: &SentenceCtx<'_>, k: usize) -> bool {
    k > 1
        && ctx.words[k].joined
        && ctx.words[k - 1].joined
        && ctx.is_of(k - 1)
        && PLACES_OF.contains(&ctx.text(k - 2))
}

/// Whether word `k` follows "off" after a vessel or a distance: "six boats off
/// Lampedusa", "a ship sank 20 miles off Crete". Not after a verb ("spun off Kenvue",
/// "sold off Twitter"), which takes a company.
fn off_a_vessel(ctx: &SentenceCtx<'_>, k: usize) -> bool {
    k > 1
        && ctx.words[k].joined
        && ctx.words[k - 1].joined
        && ctx.text(k - 1) == "off"
        && OFF_NOUNS.contains(&ctx.text(k - 2))
}

/// Vessels and distances before "off" and a place ("boats off Lampedusa").
const OFF_NOUNS: &[&str] = &[
    "boat",
    "boats",
    "ship",
    "ships",
    "vessel",
    "vessels",
    "dinghy",
    "dinghies",
    "miles",
    "kilometers",
    "kilometres",
    "km",
    "coast",
    "waters",
    "island",
    "islands",
];

/// Whether word `k` follows "identified as" or "named as", which name a person: "the
/// suspect, identified as Colt Gray".
fn identified_as(ctx: &SentenceCtx<'_>, k: usize) -> bool {
    k > 1
        && ctx.words[k].joined
        && ctx.words[k - 1].joined
        && ctx.text(k - 1) == "as"
        && matches!(ctx.text(k - 2), "identified" | "named")
}

/// Whether word `k` follows a compass word and "of": "north of Pokrovsk".
#[inline(always)]
fn after_direction(ctx: &SentenceCtx<'_>, k: usize) -> bool {
    k > 1
        && ctx.words[k].joined
        && ctx.words[k - 1].joined
        && ctx.is_of(k - 1)
        && DIRECTIONS.contains(&ctx.text(k - 2))
}

/// Whether word `k` is the next item of a list whose previous item is a place: "in Jenin
/// and Nablus", "toward Kostiantynivka, Druzhkivka". The previous item is a listed place
/// or a name already read as one; a list's "and" or "or", or a comma, joins them.
fn after_place(ctx: &SentenceCtx<'_>, k: usize, last: usize, out: &[Candidate]) -> bool {
    let Some(before) = k.checked_sub(1) else {
        return false;
    };
    let (b, w) = (ctx.words[before], ctx.words[k]);
    // Most names follow neither "and"/"or" nor a comma: byte tests rule them out first.
    let conjunction = w.joined && matches!(b.end - b.start, 2 | 3);
    if !conjunction && ctx.body.as_bytes().get(b.end) != Some(&b',') {
        return false;
    }
    let gap = &ctx.body[b.end..w.start];
    let prev = if conjunction && matches!(ctx.text(before), "and" | "or") {
        match before.checked_sub(1) {
            Some(p) if ctx.words[before].joined => p,
            _ => return false,
        }
    } else if gap == ", " && ctx.words[before].upper && !ctx.words[before].possessive && {
        // A comma joins list items only where the list goes on ("in Jenin, Nablus and
        // Tulkarm"), not before a clause ("in Kharkiv, Ivanov said").
        let next = ctx.words.get(last + 1);
        let rest = next.map_or("", |n| &ctx.body[ctx.words[last].end..n.start]);
        rest == ", " || next.is_some_and(|n| n.joined && matches!(ctx.text(last + 1), "and" | "or"))
    } {
        before
    } else {
        return false;
    };
    let end = ctx.words[prev].end;
    if let Some(g) = ctx.covered[prev] {
        let m = ctx.gaz[g];
        // "the American Civil Liberties Union of Ohio and Demos": a place after "of" is
        // part of a name, and what follows the "and" need not be a place.
        let first = (0..=prev)
            .rev()
            .take_while(|&w| ctx.covered[w] == Some(g))
            .last();
        let after_of = first.is_some_and(|f| f > 0 && ctx.is_of(f - 1));
        return m.end == end && m.kind == EntityType::Place && m.form == Form::Name && !after_of;
    }
    // After a comma the previous item must be a place for sure: "in Goldman, Sachs and
    // Co." lists a company's names after a place cue.
    let comma = prev == before;
    out.last().is_some_and(|c| {
        c.end == end && (c.kind == Some(EntityType::Place) || (c.place_cue && !comma))
    })
}

/// A geographic name opened by its head (place_heads.txt): "Bay of Bengal", "Strait of
/// Hormuz" with "of"; "Lake Kivu" without it only after a place cue ("on Lake Kivu"),
/// since a head alone also opens companies' names ("Gulf Oil said"), except a head that
/// does not (place_heads_alone.txt: "Mount Lewotobi Laki-laki erupted").
fn headed_place(ctx: &SentenceCtx<'_>, from: usize, to: usize) -> Option<Candidate> {
    if to == from || !ctx.has(from, PLACE_HEAD) || ctx.covered[from].is_some() {
        return None;
    }
    // Where a lake or mountain is: "on Lake Kivu", "off Cape Cod", "from Mount Sinjar".
    let cue = |k: usize| {
        !ctx.words[k].upper
            && (ctx.has(k, PLACE_CUE) || matches!(ctx.text(k), "on" | "off" | "at" | "from" | "to"))
    };
    let placed =
        from > 0 && (cue(from - 1) || (from > 1 && ctx.is_article(from - 1) && cue(from - 2)));
    let of_form = ctx.is_of(from + 1) && to >= from + 2 && to <= from + 3;
    let alone = ctx.has(from, PLACE_HEAD_ALONE) && to <= from + 2;
    let direct =
        (placed && to == from + 1 || alone) && (from + 1..=to).all(|k| ctx.covered[k].is_none());
    if !(of_form || direct) || ctx.has(to, ORG_SUFFIX) {
        return None;
    }
    let mut cand = ctx.candidate(from, to, Some(EntityType::Place));
    cand.overrides = true;
    Some(cand)
}

/// Whether the run opens with plain capitalized words before an organization head and its
/// "of": "Reserve Bank of India", "Central Bank of Nigeria", "Development Bank of Japan"
/// (the place after "of" had split them). Not after a title, a given name ("John Court
/// of Berkeley") or an acronym.
fn modified_head_of(ctx: &SentenceCtx<'_>, from: usize, to: usize) -> bool {
    let lead = (from..to).find(|&w| !ctx.has(w, STOP)).unwrap_or(from);
    let Some(head) = (lead + 1..to).find(|&k| ctx.has(k, ORG_HEAD) && ctx.is_of(k + 1)) else {
        return false;
    };
    (lead..head).all(|w| {
        ctx.words[w].upper
            && !ctx.words[w].possessive
            && ctx.covered[w].is_none()
            && !ctx.has(w, TITLE | TITLE_FIRST | FIRST_NAME | STOP | CONNECTOR)
            // "EC Council of Ministers": an acronym names its own body.
            && !is_acronym(ctx.text(w))
    })
}

/// Whether `word` is a Roman numeral from I to XXXIX ("IV", "XII"), as in "Mark IV".
fn is_roman_numeral(word: &str) -> bool {
    let rest = word.trim_start_matches('X');
    let rest = rest
        .strip_prefix("IX")
        .or_else(|| rest.strip_prefix("IV"))
        .unwrap_or_else(|| rest.trim_start_matches('V'));
    !word.is_empty() && word.len() <= 6 && rest.bytes().all(|b| b == b'I') && rest.len() <= 3
}

/// Whether an untyped run can be a name: no digits ("A380", "WWDC 2005", "Chapter 11"
/// are products, events and sections) and not right after a camel-case brand ("iPod
/// Shuffle").
fn plausible_untyped(ctx: &SentenceCtx<'_>, from: usize, to: usize) -> bool {
    if (from..=to).any(|k| ctx.text(k).bytes().any(|b| b.is_ascii_digit())) {
        return false;
    }
    // "US$40 billion", "HK$": a currency sign glued to the word.
    let rest = &ctx.body[ctx.words[to].end..];
    if rest.starts_with('$') {
        return false;
    }
    // "KIA [killed in action]": an abbreviation spelled out in lowercase is no name.
    let bracket = rest.trim_start_matches(' ');
    let spelled_out = (bracket.starts_with('[') || bracket.starts_with('('))
        && bracket[1..].starts_with(|c: char| c.is_lowercase());
    if from == to && spelled_out && ctx.text(to).bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    if from > 0 && ctx.words[from].joined {
        let prev = ctx.text(from - 1);
        let camel = prev.chars().next().is_some_and(char::is_lowercase)
            && prev.chars().skip(1).any(char::is_uppercase);
        if camel {
            return false;
        }
    }
    true
}

/// Whether a sentence-initial word acts like a name: possessive, or the subject of a
/// reporting verb while not a plural ("Airbus said", not "Analysts said").
fn acts_like_name(ctx: &SentenceCtx<'_>, k: usize) -> bool {
    let w = ctx.words[k];
    if w.possessive {
        return true;
    }
    let plural = ctx.text(k).ends_with('s') && !ctx.text(k).ends_with("ss");
    !plural && ctx.words.get(k + 1).is_some_and(|n| n.joined) && ctx.has(k + 1, REPORTING)
}

/// Whether word `last` ends a dateline's city: ", " and a listed state or country right
/// after it ("CHARLOTTE, N.C.", "MADISON, Wis.").
fn dateline_city(ctx: &SentenceCtx<'_>, last: usize) -> bool {
    let w = ctx.words[last];
    ctx.words.get(last + 1).is_some_and(|next| {
        ctx.body.get(w.end..next.start) == Some(", ")
            && ctx.covered[last + 1].is_some_and(|g| {
                let m = &ctx.gaz[g];
                matches!(m.kind, EntityType::Place | EntityType::Country)
                    && m.start == next.start
                    // "Leahy, Vermont's senior senator": an apposition, not a dateline.
                    && !ctx.body[m.end..].starts_with(['\'', '\u{2019}'])
            })
    })
}

fn is_sentence_initial(ctx: &SentenceCtx<'_>, k: usize) -> bool {
    if k == 0
        || ctx
            .sentence_starts
            .binary_search(&ctx.words[k].start)
            .is_ok()
    {
        return true;
    }
    // After a colon or an opening quote a new sentence-like clause starts, and so does
    // a story after its dateline's spaced hyphen ("FRANKFURT, Oct 1 (Reuters) - Inflation");
    // an acronym there is still a name ("CHICAGO, April 7 - CBT soybean futures",
    // "Istituto Mobiliare Italiano - IMI").
    let gap = &ctx.body[ctx.words[k - 1].end..ctx.words[k].start];
    gap.contains([':', '"', '“', '(', '—', '–'])
        || ((gap.ends_with(" - ") || gap.ends_with("-- "))
            && !is_acronym(ctx.text(k))
            && !company_continues(ctx, k))
}

/// Whether the word `k` opening a story after its dateline goes on like a company's name,
/// with "and" or a comma before a capitalized word or an apposition: "Bausch and Lomb Inc
/// said", "Equicor, Equitable HCA Corp, said" (a common noun opening a story goes on in lowercase:
/// "Inflation in", "Loans and advances", "Producers, news writers", "Hundreds of").
fn company_continues(ctx: &SentenceCtx<'_>, k: usize) -> bool {
    let Some(next) = ctx.words.get(k + 1) else {
        return false;
    };
    // "Fentrix, a Houston software maker, said": an apposition describes a name.
    if ctx.body[ctx.words[k].end..next.start].trim() == "," {
        return next.upper || ctx.is_article(k + 1);
    }
    next.joined
        && matches!(ctx.text(k + 1), "and" | "&")
        && ctx.words.get(k + 2).is_some_and(|w| w.joined && w.upper)
}

/// Finds cue-anchored candidates in an all-caps sentence (`shouting`) or a title-case
/// headline, where a lowercase word still ends a name.
pub fn find_shouting(
    ctx: &SentenceCtx<'_>,
    shouting: bool,
    taken: &mut Vec<bool>,
    out: &mut Vec<Candidate>,
) {
    let words = ctx.words;
    let n = words.len();
    let first = out.len();
    // Without capitals, verbs end names: "... OF DEFENSE REPORTED", "... FORCES KILLED".
    let stop = |k: usize| {
        words[k].digit || (!shouting && !words[k].upper) || ctx.has(k, STOP | TITLE | VERB_LIKE)
    };
    taken.clear();
    taken.resize(n, false);
    let mut k = 0;
    while k < n {
        // Title + up to three name words: "PRESIDENT ALFREDO CRISTIANI".
        let len = ctx.title_at(k, n);
        if len > 0 {
            let mut end = k + len;
            while end < n
                && end < k + len + 3
                && words[end].joined
                && ctx.covered[end].is_none()
                && !stop(end)
            {
                end += 1;
                if words[end - 1].possessive {
                    break;
                }
            }
            if end > k + len {
                let mut cand = ctx.candidate(k + len, end - 1, Some(EntityType::Person));
                cand.overrides = true;
                out.push(cand);
                taken[k + len..end].iter_mut().for_each(|t| *t = true);
                k = end;
                continue;
            }
        }
        // "RADIO AMERICA", "RADIO CADENA NACIONAL": up to three words after an organization
        // word, over a country's name, but not a description ("RADIO STATIONS").
        if ctx.has(k, ORG_PREFIX) {
            let mut end = k + 1;
            while end < n && end < k + 4 && words[end].joined && !stop(end) {
                end += 1;
            }
            let described = k + 1 < n
                && (ctx.has(k + 1, PLACE_SUFFIX | ORG_SUFFIX | TITLE)
                    || ctx.text(k + 1).ends_with(['S', 's']));
            if end > k + 1 && !described {
                let mut cand = ctx.candidate(k, end - 1, Some(EntityType::Organization));
                cand.overrides = true;
                out.push(cand);
                taken[k..end].iter_mut().for_each(|t| *t = true);
                k = end;
                continue;
            }
        }
        // "X OF Y" organizations: "MINISTRY OF DEFENSE".
        if k + 2 < n && ctx.has(k, ORG_HEAD) && words[k + 1].joined && ctx.is_of(k + 1) {
            let mut end = k + 2;
            while end < n && end < k + 5 && words[end].joined && !stop(end) {
                end += 1;
            }
            if end > k + 2 {
                let mut cand = ctx.candidate(k, end - 1, Some(EntityType::Organization));
                cand.overrides = true;
                out.push(cand);
                taken[k..end].iter_mut().for_each(|t| *t = true);
                k = end;
                continue;
            }
        }
        k += 1;
    }
    // Organization suffixes, walking back: "THE SALVADORAN ARMED FORCES". From the right,
    // so "ARMED FORCES PRESS COMMITTEE" is one name, not "ARMED FORCES" and "PRESS COMMITTEE".
    for k in (0..n).rev() {
        if taken[k] || !ctx.has(k, ORG_SUFFIX) || shouting && cased_only_suffix(ctx.text(k)) {
            continue;
        }
        let mut from = k;
        while from > 0 && from + 5 > k && words[from].joined && !taken[from - 1] && !stop(from - 1)
        {
            from -= 1;
        }
        if from < k {
            let mut cand = ctx.candidate(from, k, Some(EntityType::Organization));
            cand.overrides = true;
            out.push(cand);
            taken[from..=k].iter_mut().for_each(|t| *t = true);
        }
    }
    // "ENRIQUE BERMUDEZ", "GONZALO RODRIGUEZ GACHA": in all-caps text (and in a title-case
    // line: "Stephen Harper, Prime Minister of Canada") a given name (one that is no
    // ordinary word), more given names and one or two surnames make a person, when a clear
    // end follows: punctuation, a function word, a verb ("BERNARDO JARAMILLO TOLD").
    // Without one ("DANIEL ORTEGA OPENLY MADE") where the name ends is unknown, and with an
    // organization or place word in it ("MIGUEL CITY", "SANTAMARIA AIRPORT") it is no one's.
    {
        let mut k = 0;
        while k < n {
            let free = |i: usize| !taken[i] && ctx.covered[i].is_none() && !stop(i);
            let given_name = |i: usize| {
                ctx.has(i, FIRST_NAME)
                    && !NOT_GIVEN_IN_CAPS
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(ctx.text(i)))
            };
            if !(free(k) && given_name(k)) {
                k += 1;
                continue;
            }
            let mut given = k + 1;
            while given < n && given < k + 3 && words[given].joined && free(given) {
                if !given_name(given) {
                    break;
                }
                given += 1;
            }
            // In a title-case line every word is capitalized, so only punctuation or a
            // lowercase word ends a name there, and the name stands alone: "Stephen
            // Harper, Prime Minister", not "Clinton Wades Into" or "Ted Cruz Just".
            let ends_at = |e: usize| {
                e >= n
                    || !words[e].joined
                    || words[e - 1].possessive
                    || if shouting {
                        ctx.has(e, STOP | TITLE | VERB_LIKE | REPORTING)
                    } else {
                        !words[e].upper
                    }
            };
            let alone = shouting || k == 0 || !words[k].joined || !words[k - 1].upper;
            let not_a_name = PLACE_SUFFIX | ORG_SUFFIX | EVENT_SUFFIX | ORG_HEAD | ORG_PREFIX;
            let fits = |e: usize| {
                (k + 1..e).all(|i| {
                    words[i].joined
                        && !words[i - 1].possessive
                        && free(i)
                        && words[i].end - words[i].start > 1
                        && !ENGLISH_NOUN_ENDINGS
                            .iter()
                            .any(|x| ends_with_ignore_case(ctx.text(i), x))
                }) && !(k..e).any(|i| ctx.has(i, not_a_name))
            };
            // One or two surnames after the given names; with only given names ("JUAN
            // CARLOS"), the last of them may be the surname.
            let first_end = if given > k + 1 { given } else { k + 2 };
            // A second surname ending in S is more often a verb ("AYLWIN WINS").
            let last_end = if shouting { given + 2 } else { first_end };
            let end = (first_end..=last_end)
                .filter(|_| alone)
                .find(|&e| {
                    e <= n
                        && fits(e)
                        && ends_at(e)
                        && !(e == given + 2 && ctx.text(e - 1).ends_with(['S', 's']))
                })
                .filter(|_| fits(first_end));
            match end {
                Some(e) => {
                    let mut cand = ctx.candidate(k, e - 1, Some(EntityType::Person));
                    cand.overrides = true;
                    out.push(cand);
                    taken[k..e].iter_mut().for_each(|t| *t = true);
                    k = e;
                }
                None => k += 1,
            }
        }
    }
    // Everything else may repeat a name found by a cue: kept only if it does.
    for k in 0..n {
        if taken[k] || ctx.covered[k].is_some() || stop(k) || words[k].end - words[k].start < 3 {
            continue;
        }
        let mut cand = ctx.candidate(k, k, None);
        cand.weak = true;
        out.push(cand);
    }
    // Only this paragraph's candidates need sorting when the document's earlier ones are
    // in order and start before them (paragraphs come in order): re-sorting the whole
    // document's list for every all-caps paragraph grew with the square of its length.
    // The result is the same as a stable sort of the whole list.
    out[first..].sort_by_key(|c| c.start);
    let (done, new) = out.split_at(first);
    let in_order = done.is_sorted_by_key(|c| c.start)
        && done
            .last()
            .zip(new.first())
            .is_none_or(|(a, b)| a.start <= b.start);
    if !in_order {
        out.sort_by_key(|c| c.start);
    }
}
