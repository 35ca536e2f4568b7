//! The entity extractor: gazetteer matches, cue-found names, coreference, linking.
//!
//! # What it finds
//! People, organizations, countries and places, each with every mention and an id: ISO
//! 3166-1 alpha-2 for countries, a gazetteer id (`place:ru-krs`, `org:nato`) for listed
//! entities, `local:E1`... for names in no list. Demonyms ("North Korean") and capitals
//! standing for governments ("Moscow said", "Pyongyang") link to the country; a capital
//! used as a place ("a restaurant in Moscow") is the city, its country as parent (see
//! `capitals.rs`). A city with its state or country ("Mobile, Alabama") is one mention of
//! the city, the region's own mention nested in it (`places.rs`); a country beside
//! "government" ("the US government", "the government of Canada") is one mention of the
//! country (`governments.rs`).
//!
//! # Example
//! "Ukraine's commander-in-chief Oleksandr Syrsky said Russia has used North Korean troops.
//! ... Pyongyang has sent thousands of troops." gives UA (Ukraine), a person Oleksandr
//! Syrsky (title cue "commander-in-chief"), RU (Russia), KP (North Korean, Pyongyang).
//!
//! # Limitations
//! - One alias belongs to one entity: "Washington" is the United States, never the city
//!   or the state. "Georgia" is the country, except in a story that names a US place and
//!   nothing of the country, where it is the US state (`shared_names.rs`).
//! - Capitals read as places only from the words right around them (`capitals.rs`).
//! - Names in no list with no cue get a default type: organization, or place after "in",
//!   "at", "near". A surname seen before the full name is linked after the fact, but a
//!   surname shared by two people in one document stays unlinked.
//! - In all-caps text only titled people ("PRESIDENT ALFREDO CRISTIANI"), organizations
//!   ending in an organization word ("ARMED FORCES") and gazetteer names are found, and
//!   undotted two- and three-letter acronyms ("US", "UN") are skipped there because they
//!   collide with words.
//! - Case folding for matching is ASCII only: an all-caps "TÜRKIYE" is not matched.
//! - The wire agency and publisher from the metadata are listed as organizations with no
//!   mention when the body does not name them.

use std::cell::{Cell, RefCell};
use std::path::Path;
use std::sync::Arc;

use tally_core::{Document, Entity, ExtractError, Extractor, Layer, Span};

use crate::agencies;
use crate::capitals;
use crate::gazetteer::{Form, Gazetteer, Pattern};
use crate::governments;
use crate::lexicon::{self, Flags};
use crate::names::{self, Candidate, GazMention, SentenceCtx, UNKNOWN};
use crate::places;
use crate::resolve::{self, Compass, resolve};
use crate::scan::{self, Word};
use crate::shared_names;
use crate::sports;
use crate::swar;

/// Per-thread buffers for [`EntityExtractor::extract`].
#[derive(Default)]
struct Scratch {
    mentions: Vec<GazMention>,
    candidates: Vec<Candidate>,
    compass: Vec<Compass>,
    words: Vec<Word>,
    covered: Vec<Option<usize>>,
    flags: Vec<Cell<Flags>>,
    hashes: Vec<Cell<Option<u64>>>,
    sentence_starts: Vec<usize>,
    taken: Vec<bool>,
    resolve: resolve::Scratch,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Finds and links entities; see the module docs.
#[derive(Debug, Clone)]
pub struct EntityExtractor {
    gazetteer: Arc<Gazetteer>,
}

impl EntityExtractor {
    /// The extractor with the bundled gazetteer.
    ///
    /// # Errors
    /// [`ExtractError::Data`] if the bundled gazetteer is malformed.
    pub fn new() -> Result<EntityExtractor, ExtractError> {
        lexicon::build();
        Ok(EntityExtractor {
            gazetteer: Gazetteer::builtin()?,
        })
    }

    /// The extractor with a user gazetteer (TSV, CSV or JSON) merged over the bundled one.
    ///
    /// # Errors
    /// [`ExtractError::Data`] naming the file when it cannot be read or parsed.
    pub fn with_gazetteer_file(path: &Path) -> Result<EntityExtractor, ExtractError> {
        lexicon::build();
        Ok(EntityExtractor {
            gazetteer: Arc::new(Gazetteer::with_user_file(path)?),
        })
    }

    /// The gazetteer in use.
    #[must_use]
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The entities of `doc`.
    ///
    /// Text is scanned by paragraph, so a sentence split in the wrong place ("U.S." cut
    /// after "U.") does not cut a name; sentence starts only mark which capitals are
    /// there because a sentence starts.
    #[must_use]
    pub fn extract(&self, doc: &Document) -> Vec<Entity> {
        // Buffers are reused across documents: news articles are short, and growing a
        // dozen vectors from empty for each one costs more than scanning it.
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => self.extract_with(doc, &mut scratch),
            Err(_) => self.extract_with(doc, &mut Scratch::default()),
        })
    }

    fn extract_with(&self, doc: &Document, scratch: &mut Scratch) -> Vec<Entity> {
        let body = doc.body.as_str();
        let Scratch {
            mentions,
            candidates,
            compass,
            words,
            covered,
            flags,
            hashes,
            sentence_starts,
            taken,
            resolve: resolve_scratch,
        } = scratch;
        let mut next_sentence = 0;
        mentions.clear();
        candidates.clear();
        compass.clear();
        let whole = [Span {
            start: 0,
            end: body.len(),
            text: String::new(),
        }];
        let units = if doc.paragraphs.is_empty() {
            &whole[..]
        } else {
            &doc.paragraphs[..]
        };
        // Whether a listed club was seen in the words of a unit, and whether a capital lies
        // outside every unit (then sports::has_club scans the body itself).
        let (mut club, mut scanned_to, mut capital_outside) = (false, 0, false);
        for unit in units {
            let (start, end) = (unit.start, unit.end);
            if start >= end || body.get(start..end).is_none() {
                continue;
            }
            capital_outside |= has_capital(body, scanned_to, start);
            scanned_to = scanned_to.max(end);
            let shouting = scan::is_shouting(&body[start..end]);
            scan::words(body, start, end, words);
            // Paragraphs and sentences are both in order: one cursor collects the starts.
            sentence_starts.clear();
            while let Some(s) = doc.sentences.get(next_sentence) {
                if s.start >= end {
                    break;
                }
                if s.start >= start {
                    sentence_starts.push(s.start);
                }
                next_sentence += 1;
            }
            // A name does not run across a sentence end ("wrote on X. Musk called ...").
            for &s in sentence_starts.iter() {
                if let Ok(k) = words.binary_search_by_key(&s, |w| w.start) {
                    words[k].joined = false;
                }
            }
            club = club || sports::club_in_words(body, words);
            // In a headline in title case, as in all-caps text, capitals mark no names.
            let capitals_blind = shouting || scan::title_case(words);
            let first = mentions.len();
            covered.clear();
            covered.resize(words.len(), None);
            hashes.clear();
            hashes.resize(words.len(), Cell::new(None));
            self.match_gazetteer(
                body,
                words,
                (start, end),
                shouting,
                mentions,
                covered,
                hashes,
            );
            let gaz = &mentions[first..];
            flags.clear();
            flags.resize(words.len(), Cell::new(UNKNOWN));
            let ctx = SentenceCtx {
                body,
                sentence_starts,
                words,
                flags,
                hashes,
                covered,
                gaz,
            };
            if capitals_blind {
                names::find_shouting(&ctx, shouting, taken, candidates);
            } else {
                names::find_cased(&ctx, candidates);
            }
            find_compass(body, words, shouting, compass);
        }
        let mut entities = resolve(
            body,
            &self.gazetteer,
            mentions,
            candidates,
            compass,
            resolve_scratch,
        );
        shared_names::relink_shared_names(&mut entities, |id| {
            self.gazetteer.get(id).map(|e| e.name.clone())
        });
        places::join_city_region(body, &mut entities);
        governments::join_governments(body, &mut entities);
        agencies::join_country_bodies(body, &mut entities);
        capital_outside |= has_capital(body, scanned_to, body.len());
        let club = sports::has_club(body, club, capital_outside);
        sports::join_clubs(body, club, &mut entities);
        self.add_source_entities(doc, &mut entities);
        entities
    }

    /// The wire agency and the publisher are organizations of the document even when the
    /// body never names them (ingest keeps bylines and credits out of it): they are added
    /// from the metadata, linked to the gazetteer when listed, with no mention spans.
    fn add_source_entities(&self, doc: &Document, entities: &mut Vec<Entity>) {
        let sources = [doc.meta.agency.as_deref(), doc.meta.publisher.as_deref()];
        for name in sources.into_iter().flatten().map(str::trim) {
            if name.is_empty() {
                continue;
            }
            let entry = self.gazetteer.lookup(name);
            let id = entry.map_or_else(
                || format!("source:{}", name.to_lowercase()),
                |e| e.id.clone(),
            );
            let known = entities
                .iter()
                .any(|e| e.id == id || e.name.eq_ignore_ascii_case(name));
            if known {
                continue;
            }
            entities.push(Entity {
                id,
                kind: tally_core::EntityType::Organization,
                name: entry.map_or_else(|| name.to_owned(), |e| e.name.clone()),
                mentions: Vec::new(),
                parent: entry.and_then(|e| e.parent.clone()),
            });
        }
    }

    /// Gazetteer matches in `body[start..end]` that pass the word-boundary and case rules.
    ///
    /// Every alias is matched from a capital, so the matcher runs at capitalized word
    /// starts (and after a hyphen inside a word: "pro-Russian")
    /// instead of over every byte: lowercase text, most of any article, is never searched.
    /// A capitalized word's hash from that search goes to `hashes`, for its lexicon lookup.
    #[allow(clippy::too_many_arguments)] // the paragraph's buffers, each filled here
    fn match_gazetteer(
        &self,
        body: &str,
        words: &[Word],
        (start, end): (usize, usize),
        shouting: bool,
        out: &mut Vec<GazMention>,
        covered: &mut [Option<usize>],
        hashes: &[Cell<Option<u64>>],
    ) {
        let text = &body[..end];
        let first = out.len();
        // The last capital seen in this paragraph: its last word and whether it was a city.
        let mut previous_capital: Option<(usize, bool)> = None;
        let mut k = 0;
        while k < words.len() {
            let w = words[k];
            let mut found = None;
            let len = w.end - w.start;
            if w.upper && w.plain && len <= names::MAX_LISTED_WORD {
                // A plain word is the search's first word: hashed here as the search
                // would, most capitalized words are ruled out by one bit, with no walk.
                // The hash is the word's lexicon hash too.
                let h = swar::hash_folded_in(0, body.as_bytes(), w.start, w.end);
                hashes[k].set(Some(h));
                if self.gazetteer.may_open(h, len) {
                    let mut first_word = Some((h, w.end));
                    found = self.match_at(text, w.start, shouting, out, &mut first_word);
                }
            } else if w.upper {
                let mut first_word = None;
                found = self.match_at(text, w.start, shouting, out, &mut first_word);
                // The search hashed the word as the lexicon does when it is one plain
                // ASCII word (not "U.S.", "Gen.", "Zürich"), which a lookup then reuses.
                if let Some((h, e)) = first_word
                    && e == w.end
                    && e - w.start <= names::MAX_LISTED_WORD
                {
                    hashes[k].set(Some(h));
                }
            }
            if found.is_none() && w.hyphenated {
                let inner = &body.as_bytes()[w.start..w.end];
                found = inner.windows(2).enumerate().find_map(|(i, pair)| {
                    (pair[0] == b'-' && pair[1].is_ascii_uppercase())
                        .then(|| self.match_at(text, w.start + i + 1, shouting, out, &mut None))
                        .flatten()
                });
                if found.is_some()
                    && out
                        .last()
                        .is_some_and(|m| named_country_part(body, w.start, m))
                    && !self.listed_before_hyphen(body, w.start, out[out.len() - 1].start - 1)
                {
                    out.pop();
                    found = None;
                }
            }
            let Some((e, literal)) = found else {
                k += 1;
                continue;
            };
            // Each word the mention overlaps points at it, including "the" of "the
            // Ukrainians" before it.
            let index = out.len() - 1 - first;
            let mention_start = out[out.len() - 1].start;
            if k > 0 && words[k - 1].end > mention_start {
                covered[k - 1] = Some(index);
            }
            let first_word = k;
            while k < words.len() && words[k].start < e {
                covered[k] = Some(index);
                k += 1;
            }
            // A capital is the city where the text uses it as a place, else its government.
            if let Some(place) = literal {
                let last_word = k - 1;
                let is_place = w.start == mention_start
                    && (capitals::is_place(
                        body,
                        words,
                        first_word,
                        last_word,
                        start,
                        previous_capital,
                    ) || self.country_follows(text, words[last_word].end, place));
                previous_capital = Some((last_word, is_place));
                if let Some(state) = self.region_state(body, mention_start, e)
                    && let Some(m) = out.last_mut()
                {
                    // "western Washington": the state, not the capital or its government.
                    *m = GazMention::new(
                        m.start,
                        m.end,
                        state,
                        Form::Name,
                        tally_core::EntityType::Place,
                    );
                } else if is_place && let Some(m) = out.last_mut() {
                    *m = GazMention::new(
                        m.start,
                        m.end,
                        place,
                        Form::Name,
                        self.gazetteer.entries()[place].kind,
                    );
                }
            }
        }
    }

    /// The listed place "<name> State" when a capital's name `body[start..end]` follows a
    /// lowercase compass adjective ("western Washington", "eastern Washington"): a part of
    /// the state of that name, not the capital city.
    fn region_state(&self, body: &str, start: usize, end: usize) -> Option<usize> {
        let head = body.get(..start)?.strip_suffix(' ')?;
        let adjective = head.rsplit(|c: char| !c.is_ascii_alphabetic()).next()?;
        if !REGION_ADJECTIVES.contains(&adjective) {
            return None;
        }
        let state = format!("{} State", body.get(start..end)?);
        let (id, e) = self
            .gazetteer
            .find_at(&state, 0, state.len(), |_, _| true)?;
        let entry = self.gazetteer.pattern(id).entry;
        (e == state.len() && self.gazetteer.entries()[entry].kind == tally_core::EntityType::Place)
            .then_some(entry)
    }

    /// Whether ", " and the country of the capital `place` follow `end`: "Bangkok,
    /// Thailand" names the city, as an address does (see `places.rs`).
    fn country_follows(&self, text: &str, end: usize, place: usize) -> bool {
        let entries = self.gazetteer.entries();
        let Some(country) = entries.get(place).and_then(|e| e.parent.as_deref()) else {
            return false;
        };
        if !text.get(end..).is_some_and(|r| r.starts_with(", ")) {
            return false;
        }
        self.gazetteer
            .find_at(text, end + 2, text.len(), |_, _| true)
            .is_some_and(|(id, _)| {
                let entry = self.gazetteer.pattern(id).entry;
                entries.get(entry).is_some_and(|e| e.id == country)
            })
    }

    /// The longest accepted gazetteer match starting at `at`, pushed to `out`: its end,
    /// and the capital its name also is, if any.
    /// `first_word` gets the hash of the first word searched (see `Gazetteer::find_at_noting`).
    fn match_at(
        &self,
        text: &str,
        at: usize,
        shouting: bool,
        out: &mut Vec<GazMention>,
        first_word: &mut Option<(u64, usize)>,
    ) -> Option<(usize, Option<usize>)> {
        let accept = |p: &Pattern, found: &str| {
            // "US$40 billion" is a currency, not the country.
            let dollar = text.as_bytes().get(at + found.len()) == Some(&b'$');
            // In all-caps text, short undotted acronyms collide with words ("US", "IT").
            let acronym = || {
                p.alias.len() <= 3
                    && !p.alias.bytes().any(|b| b.is_ascii_lowercase())
                    && !p.alias.contains('.')
            };
            !(dollar
                || (shouting && acronym())
                || (self.short_place_form(p) && inside_longer_name(text, at, at + found.len())))
        };
        let (id, e) = self
            .gazetteer
            .find_at_noting(text, at, text.len(), accept, first_word)?;
        let pattern = self.gazetteer.pattern(id);
        let found = &text[at..e];
        // "the Ukrainians": a plural demonym used as a noun takes its article.
        let mut s = at;
        if pattern.form == Form::Demonym && found.ends_with('s') {
            let head = &text[..s];
            if head.ends_with("the ") || head.ends_with("The ") {
                s -= 4;
            }
        }
        out.push(GazMention {
            start: s,
            end: e,
            entry: pattern.entry,
            form: pattern.form,
            kind: self.gazetteer.entries()[pattern.entry].kind,
        });
        Some((e, pattern.literal))
    }
}

/// Lowercase compass adjectives that make a capital's name before a state of that name
/// the state's region ("western Washington").
const REGION_ADJECTIVES: &[&str] = &[
    "western",
    "eastern",
    "northern",
    "southern",
    "central",
    "northwestern",
    "northeastern",
    "southwestern",
    "southeastern",
];

impl EntityExtractor {
    /// Whether the part `start..hyphen` of a hyphenated word is a listed name on its own:
    /// "Soviet" of "Soviet-U.S. relations", "Arab" of "Arab-Israel" (inside the word the
    /// gazetteer refuses them as parts of a longer name).
    fn listed_before_hyphen(&self, body: &str, start: usize, hyphen: usize) -> bool {
        let part = &body[..hyphen];
        let mut scratch = Vec::new();
        self.match_at(part, start, false, &mut scratch, &mut None)
            .is_some_and(|(e, _)| e == hyphen)
    }

    /// Whether `p` is a one-word short form of a place of several words ("Atlantic" for the
    /// Atlantic Ocean, "Caribbean" for the Caribbean Sea).
    fn short_place_form(&self, p: &Pattern) -> bool {
        p.form == Form::Name
            && !p.alias.contains([' ', '.', '-'])
            && self
                .gazetteer
                .entries()
                .get(p.entry)
                .is_some_and(|e| e.kind == tally_core::EntityType::Place && e.name.contains(' '))
    }
}

/// Combining forms and prefixes that join a country's name without naming anything else
/// ("Indo-Pacific", "Anti-China", "Post-Soviet"), and the adjectives in no list that pair
/// with one ("Soviet-U.S. relations", "Arab-Israel ties").
const HYPHEN_PREFIXES: &[&str] = &[
    "Afro", "Anglo", "Austro", "Euro", "Franco", "Greco", "Indo", "Italo", "Judeo", "Russo",
    "Sino", "Pan", "Pro", "Anti", "Ex", "Non", "Post", "Pre", "Mid", "North", "South", "East",
    "West", "Central", "Soviet", "Arab",
];

/// Whether the country mention `m`, found after a hyphen inside the word starting at
/// `word_start`, is part of another name: "the French weather service Meteo-France",
/// "Petro-Canada", "Heinz-Japan". The part before the hyphen is a capitalized word of its
/// own (matched by no listed name, or the word's own start would have matched) and no
/// combining form; "U.S.-China talks" and "Iran-Iraq" open with a listed name, and an
/// acronym ("AUKUS-China") has no lowercase letter.
fn named_country_part(body: &str, word_start: usize, m: &GazMention) -> bool {
    if m.kind != tally_core::EntityType::Country || m.form != Form::Name {
        return false;
    }
    let before = body
        .get(word_start..m.start.saturating_sub(1))
        .unwrap_or("");
    let part = before.rsplit('-').next().unwrap_or("");
    part.chars().next().is_some_and(char::is_uppercase)
        && part.chars().all(char::is_alphabetic)
        && part.chars().any(char::is_lowercase)
        && !HYPHEN_PREFIXES.contains(&part)
}

/// Whether the word at `start..end` of `text` is inside a longer capitalized name: a
/// capitalized word or a hyphen joins it on either side ("Union Pacific", "Atlantic City",
/// "Pacific Rim", "Trans-Pacific"), other than a capitalized function word before it, or a
/// capitalized "The" inside a sentence ("told The Atlantic", a magazine). A short form of a
/// sea or ocean is that place only alone ("moved off into the Atlantic").
fn inside_longer_name(text: &str, start: usize, end: usize) -> bool {
    let after = text.get(end..).unwrap_or("");
    let mut next = after.chars();
    let joined_after = match next.next() {
        Some(' ' | '-') => next.next().is_some_and(char::is_uppercase),
        _ => false,
    };
    if joined_after {
        return true;
    }
    let before = text.get(..start).unwrap_or("");
    if before.ends_with('-') {
        return true;
    }
    let Some(head) = before.strip_suffix(' ') else {
        return false;
    };
    let word = head
        .rsplit(|c: char| !c.is_alphanumeric() && c != '&')
        .next()
        .unwrap_or("");
    // "In the April issue of The Atlantic": a capitalized article inside a sentence opens a
    // title.
    if word == "The" {
        let rest = head[..head.len() - 3].trim_end();
        return rest.ends_with(|c: char| c.is_alphanumeric() || c == ',');
    }
    word.chars().next().is_some_and(char::is_uppercase)
        && !matches!(
            word,
            "The" | "A" | "An" | "In" | "On" | "Of" | "And" | "To" | "Into" | "From" | "Across"
        )
}

/// "the North", "the nuclear-armed North": up to two lowercase words between.
fn find_compass(body: &str, words: &[Word], shouting: bool, out: &mut Vec<Compass>) {
    for (k, w) in words.iter().enumerate() {
        if !w.upper || !matches!(body.as_bytes()[w.start], b'N' | b'S') {
            continue;
        }
        let text = &body[w.start..w.end];
        let north = match text {
            "North" | "NORTH" if shouting || text == "North" => true,
            "South" | "SOUTH" if shouting || text == "South" => false,
            _ => continue,
        };
        let followed = words
            .get(k + 1)
            .is_some_and(|n| n.joined && n.upper && !w.possessive);
        if followed {
            continue;
        }
        for back in 1..=3.min(k) {
            let b = words[k - back];
            let word = &body[b.start..b.end];
            if word.eq_ignore_ascii_case("the") {
                if (k - back + 1..=k).all(|i| words[i].joined) {
                    out.push((b.start, w.end, north));
                }
                break;
            }
            if b.upper && !shouting {
                break;
            }
        }
    }
}

impl Extractor for EntityExtractor {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }
    fn run(&self, doc: &mut Document) -> Result<(), ExtractError> {
        doc.entities = self.extract(doc);
        doc.mark_layer(Layer::Entities);
        Ok(())
    }
}

/// Whether `body[from..to]` holds an ASCII capital (none when `to <= from`): the gaps
/// between paragraphs are blank lines, so this is a few bytes a paragraph.
fn has_capital(body: &str, from: usize, to: usize) -> bool {
    body.as_bytes()
        .get(from..to)
        .is_some_and(|gap| gap.iter().any(u8::is_ascii_uppercase))
}
