//! Document-level resolution: name coreference, default types, "the North", overlaps.
//!
//! Candidates typed by a cue found anywhere in the document make entities first; then a
//! repeated name joins them ("Trump" → "Donald Trump" by last name, "Northrop" →
//! "Northrop Grumman" by first word), untyped names get a default type, and weak
//! candidates (sentence-initial or all-caps words) survive only if they repeat a name.

use rustc_hash::FxHashMap as HashMap;

use tally_core::{Entity, EntityType, Span};

use crate::gazetteer::{Form, Gazetteer};
use crate::lexicon::{
    CONNECTOR, EVENT_SUFFIX, FIRST_NAME, LEXICON, ORG_HEAD, ORG_PREFIX, ORG_SUFFIX, PERSON_NOUN,
    PLACE_SUFFIX, REPORTING, STOP, TITLE, WORD_FIRST_NAME, fold_hash, fold_hash_in,
};
use crate::names::{Candidate, GazMention};

/// "the North"/"the South" seen in the text: `(start, end, north)`.
pub type Compass = (usize, usize, bool);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Target {
    Gaz(usize),
    Local(usize),
}

struct Local {
    kind: EntityType,
    parent: Option<String>,
}

/// Buffers [`resolve`] reuses from one document to the next.
#[derive(Default)]
pub struct Scratch {
    out: Vec<(usize, usize, Target)>,
    overridden: Vec<bool>,
    parents: HashMap<usize, String>,
    locals: Vec<Local>,
    by_key: HashMap<u64, Target>,
    last_names: HashMap<u64, Option<Target>>,
    first_words: HashMap<u64, Option<Target>>,
    /// Persons' given names ("Pete" of "Pete Hegseth"), looked up after surnames and
    /// organizations' first words.
    given_names: HashMap<u64, Option<Target>>,
    place_votes: HashMap<u64, i32>,
    /// An acronym's key, its name's key, and whether only its initials say so.
    acronyms: Vec<(u64, u64, bool)>,
    /// Initials of organizations' names of three to six capitalized words, packed into a
    /// `u64`, to the name's key (`None` when two names share them).
    initials: HashMap<u64, Option<u64>>,
    slots: HashMap<Target, usize>,
    counts: Vec<usize>,
    /// The key of each candidate, computed once.
    keys: Vec<u64>,
}

/// Empties a map, dropping its table when a huge document left it large: clearing costs
/// time in proportion to the table, and most documents are small.
fn reset<K, V>(map: &mut HashMap<K, V>) {
    if map.capacity() > 4096 {
        *map = HashMap::default();
    } else {
        map.clear();
    }
}

impl Scratch {
    fn reset(&mut self) {
        self.out.clear();
        self.overridden.clear();
        self.locals.clear();
        self.acronyms.clear();
        self.keys.clear();
        reset(&mut self.parents);
        reset(&mut self.by_key);
        reset(&mut self.last_names);
        reset(&mut self.first_words);
        reset(&mut self.given_names);
        reset(&mut self.place_votes);
        reset(&mut self.slots);
        reset(&mut self.initials);
    }
}

/// Builds the entity layer from gazetteer mentions, name candidates and compass mentions.
#[must_use]
pub fn resolve(
    body: &str,
    gaz: &Gazetteer,
    mentions: &[GazMention],
    candidates: &[Candidate],
    compass: &[Compass],
    scratch: &mut Scratch,
) -> Vec<Entity> {
    scratch.reset();
    let Scratch {
        out,
        overridden,
        parents,
        locals,
        by_key,
        last_names,
        first_words,
        given_names,
        place_votes,
        acronyms,
        initials,
        slots,
        counts,
        keys,
    } = scratch;
    let lower = |r: (usize, usize)| key(&body[r.0..r.1]);
    // Most candidates are looked up by their key more than once.
    keys.extend(
        candidates
            .iter()
            .map(|c| c.key.unwrap_or_else(|| lower((c.start, c.end)))),
    );

    // Cue-made names replace the gazetteer mentions inside them; a country inside an
    // organization's name is its parent ("Russian Defense Ministry" → RU).
    overridden.resize(mentions.len(), false);
    // Mentions are in text order, so each candidate checks only the mentions it spans.
    for (ci, c) in candidates.iter().enumerate().filter(|(_, c)| c.overrides) {
        let first = mentions.partition_point(|m| m.end <= c.start);
        for (mi, m) in mentions.iter().enumerate().skip(first) {
            if m.start >= c.end {
                break;
            }
            // A listed name that holds the candidate stays: "Securities and Exchange
            // Commission" is not replaced by the "Exchange Commission" of its last run, nor
            // "International Committee of the Red Cross" by the run "International Committee".
            let holds = m.start <= c.start && m.end >= c.end && m.end - m.start > c.end - c.start;
            if m.start < c.end && c.start < m.end && !holds {
                overridden[mi] = true;
                // A phrase that is no name ("AI" of "Stability AI") has no entry.
                if m.form == Form::NotName {
                    continue;
                }
                let entry = &gaz.entries()[m.entry];
                // ... but not in "Radio America", whose country word is only part of the name.
                if entry.kind == EntityType::Country
                    && c.kind == Some(EntityType::Organization)
                    && LEXICON.flags(&body[c.first.0..c.first.1]) & ORG_PREFIX == 0
                {
                    parents.entry(ci).or_insert_with(|| entry.id.clone());
                }
            }
        }
    }
    for (m, _) in mentions
        .iter()
        .zip(overridden.iter())
        .filter(|(m, o)| !**o && m.form != Form::NotName)
    {
        out.push((m.start, m.end, Target::Gaz(m.entry)));
    }

    let add_local =
        |locals: &mut Vec<Local>, c: &Candidate, kind: EntityType, parent: Option<String>| {
            // "Russia's Gazprom", "Ukrainian Railways": a place or organization in no list
            // is in the country named right before it.
            let parent = match kind {
                EntityType::Place | EntityType::Organization => {
                    parent.or_else(|| country_before(body, gaz, mentions, c.start))
                }
                _ => parent,
            };
            locals.push(Local { kind, parent });
            Target::Local(locals.len() - 1)
        };
    // Gazetteer names found in the text can be repeated in part ("Biden" for a listed
    // "Joe Biden"), so their last words are keys too.
    for m in mentions.iter().filter(|m| m.form == Form::Name) {
        let entry = &gaz.entries()[m.entry];
        by_key.insert(key(&body[m.start..m.end]), Target::Gaz(m.entry));
        if entry.kind == EntityType::Person
            && let Some(last) = entry.name.rsplit(' ').next()
        {
            note(last_names, key(last), Target::Gaz(m.entry));
            given_name(&entry.name, Target::Gaz(m.entry), given_names);
        }
    }

    // "Rapid Support Forces (RSF)": an acronym in parentheses right after a listed name is
    // that name, like a name in no list below. Few listed names have a parenthesis after
    // them, so the search starts from the mentions.
    for m in mentions.iter().filter(|m| m.form == Form::Name) {
        let rest = &body.as_bytes()[m.end..];
        let gap = match rest {
            [b'(' | b'[', ..] => 1,
            [b' ', b'(' | b'[', ..] => 2,
            _ => continue,
        };
        let at = m.end + gap;
        let Some(ci) = candidates.iter().position(|c| c.start == at) else {
            continue;
        };
        let c = &candidates[ci];
        let text = &body.as_bytes()[c.start..c.end];
        if c.words == 1
            && (2..=6).contains(&text.len())
            && text.iter().all(u8::is_ascii_uppercase)
            && body.as_bytes().get(m.start) == Some(&text[0])
            && !by_key.contains_key(&keys[ci])
        {
            by_key.insert(keys[ci], Target::Gaz(m.entry));
        }
    }

    // Pass 1: typed candidates.
    let mut person_firsts: HashMap<u64, Option<Target>> = HashMap::default();
    for (ci, c) in candidates.iter().enumerate() {
        let Some(kind) = c.kind else { continue };
        let key = keys[ci];
        // "Hineman, a Kansas farmer" after "Kalo Hineman": a surname typed a person by
        // its apposition is the person named before.
        // "Lim was charged" after "Lim Kok Wing": a family name written first is the
        // person's first word (a given name alone links the same way, "Pete" of "Pete
        // Hegseth").
        let surname = || {
            (kind == EntityType::Person && c.words == 1)
                .then(|| {
                    last_names
                        .get(&key)
                        .copied()
                        .flatten()
                        .or_else(|| person_firsts.get(&key).copied().flatten())
                })
                .flatten()
        };
        let target = match by_key.get(&key).copied().or_else(surname) {
            Some(t) => {
                // The bare name's later mentions, cued or not, are the same person.
                by_key.entry(key).or_insert(t);
                t
            }
            None => {
                let t = add_local(locals, c, kind, parents.remove(&ci));
                by_key.insert(key, t);
                t
            }
        };
        index_words(body, c, kind, target, last_names, first_words, given_names);
        if kind == EntityType::Person && c.words >= 2 {
            note(
                &mut person_firsts,
                self::key(&body[c.first.0..c.first.1]),
                target,
            );
        }
        out.push((c.start, c.end, target));
    }
    // An untyped name is a place only if most of its mentions follow "in", "near"...:
    // "a stake in Chrysler" once does not make Chrysler a place when it also "said".
    for (c, &key) in candidates.iter().zip(keys.iter()) {
        if c.kind.is_none() && !c.weak && !c.storm {
            *place_votes.entry(key).or_default() += if c.place_cue { 1 } else { -1 };
        }
    }
    // "General Motors (GM)": an acronym in parentheses (or brackets, in wire copy) right
    // after a name is that name.
    for (i, pair) in candidates.windows(2).enumerate() {
        let (name, acr) = (&pair[0], &pair[1]);
        let text = &body[acr.start..acr.end];
        let between = &body[name.end..acr.start];
        let is_acronym = acr.words == 1
            && (2..=6).contains(&text.len())
            && text.bytes().all(|b| b.is_ascii_uppercase());
        if is_acronym
            && matches!(between, "(" | " (" | "[" | " [")
            && body[name.start..].starts_with(char::from(text.as_bytes()[0]))
        {
            acronyms.push((keys[i + 1], keys[i], false));
        }
    }
    // "RSF" in a story naming the "Rapid Support Forces": an acronym made of the initials
    // of an organization's name in the same document is that name, written in parentheses
    // after it or not. Few documents have acronyms in no list, so the names' initials are
    // gathered only when one is there.
    let acronym_at = |c: &Candidate| {
        c.words == 1
            && !c.weak
            && matches!(c.kind, None | Some(EntityType::Organization))
            && (3..=6).contains(&(c.end - c.start))
            && body.as_bytes()[c.start..c.end]
                .iter()
                .all(u8::is_ascii_uppercase)
    };
    if candidates.iter().any(acronym_at) {
        let listed = mentions.iter().filter(|m| {
            m.form == Form::Name && gaz.entries()[m.entry].kind == EntityType::Organization
        });
        let named = candidates.iter().filter(|c| {
            c.words >= 3 && !c.weak && matches!(c.kind, None | Some(EntityType::Organization))
        });
        for (start, end) in listed
            .map(|m| (m.start, m.end))
            .chain(named.map(|c| (c.start, c.end)))
        {
            if let Some(packed) = name_initials(&body[start..end]) {
                let name = key(&body[start..end]);
                initials
                    .entry(packed)
                    .and_modify(|k| {
                        if *k != Some(name) {
                            *k = None;
                        }
                    })
                    .or_insert(Some(name));
            }
        }
        for (ci, c) in candidates.iter().enumerate().filter(|(_, c)| acronym_at(c)) {
            let packed = pack(&body.as_bytes()[c.start..c.end]);
            if let Some(Some(name)) = initials.get(&packed)
                && *name != keys[ci]
            {
                acronyms.push((keys[ci], *name, true));
            }
        }
    }
    // Storm names ("Hurricane Milton"): their last word alone is the storm too.
    let storm_names: Vec<u64> = candidates
        .iter()
        .filter(|c| c.storm)
        .map(|c| key(&body[c.last.0..c.last.1]))
        .collect();
    let storms = !storm_names.is_empty();
    // Surnames a cue typed as a person when they stand alone ("Saka, 23,"): the name of two
    // or three words that ends in one is that person ("Bukayo Saka scored").
    let person_surnames: Vec<u64> = candidates
        .iter()
        .filter(|c| c.words == 1 && c.kind == Some(EntityType::Person))
        .map(|c| key(&body[c.start..c.end]))
        .collect();
    // Single words in no list standing alone ("Karalis said"): the untyped name of two or
    // three words that ends in one, and does not open with another, is a person's
    // ("Greece's Emmanouil Karalis"); companies are shortened to their first word.
    let lone_words: Vec<u64> = candidates
        .iter()
        .zip(keys.iter())
        .filter(|(c, _)| {
            c.words == 1 && c.kind.is_none() && !c.storm && speaks(body, c.start, c.end)
        })
        .map(|(_, &k)| k)
        .collect();
    let surname_alone = |c: &Candidate| {
        let first = &body[c.first.0..c.first.1];
        (2..=3).contains(&c.words)
            && !ends_name_before(body, c.start)
            && !opens_longer_name(body, c, candidates)
            && lone_words.contains(&self::key(&body[c.last.0..c.last.1]))
            && !lone_words.contains(&self::key(first))
            && LEXICON.flags(first) & (STOP | ORG_SUFFIX | ORG_HEAD | ORG_PREFIX) == 0
            && body[c.start..c.end].split_whitespace().all(|w| {
                w.starts_with(|ch: char| ch.is_uppercase()) && w.chars().any(char::is_lowercase)
            })
    };
    // Pass 2: untyped names, then weak ones.
    for weak in [false, true] {
        if weak {
            for (acronym, name, by_initials) in acronyms.iter() {
                let Some(&to) = by_key.get(name) else {
                    continue;
                };
                // Initials alone join an organization, not a place or a person ("Gross
                // Domestic Product" read as a place does not take "GDP").
                if *by_initials
                    && let Target::Local(l) = to
                    && locals
                        .get(l)
                        .is_some_and(|l| l.kind != EntityType::Organization)
                {
                    continue;
                }
                if let Some(from) = by_key.insert(*acronym, to)
                    && from != to
                {
                    for m in out.iter_mut() {
                        if m.2 == from {
                            m.2 = to;
                        }
                    }
                }
            }
        }
        for (c, &key) in candidates
            .iter()
            .zip(keys.iter())
            .filter(|(c, _)| c.kind.is_none() && c.weak == weak && !c.storm)
        {
            // An all-caps word standing alone ("SAN", "ARMED") is too weak a hint to be the
            // first word of an organization; a surname or the whole name still links.
            let text = &body[c.start..c.end];
            let by_first_word = !weak || text.bytes().any(|b| b.is_ascii_lowercase());
            let known = by_key.get(&key).copied().or_else(|| {
                (c.words == 1)
                    .then(|| {
                        last_names.get(&key).copied().flatten().or_else(|| {
                            by_first_word
                                .then(|| first_words.get(&key).copied().flatten())
                                .flatten()
                        })
                    })
                    .flatten()
                    // "Pete is tough" after "Pete Hegseth": a bare given name is its person,
                    // unless organizations open with it or place cues say it is a place
                    // ("in Trenton" after "Trenton Works").
                    .or_else(|| {
                        (c.words == 1
                            && by_first_word
                            && !text.contains([' ', ','])
                            // "Sweden AB": initials are no given name.
                            && text.bytes().skip(1).any(|b| b.is_ascii_lowercase())
                            && !first_words.contains_key(&key)
                            && place_votes.get(&key).is_none_or(|&v| v <= 0))
                        .then(|| given_names.get(&key).copied().flatten())
                        .flatten()
                    })
            });
            let target = match known {
                Some(t) => t,
                None if weak => continue,
                // "Milton" after "Hurricane Milton", and "since Katrina" in a story naming
                // a storm: storms take given names, and a person alone by a given name is
                // rare in news.
                None if storms
                    && c.words == 1
                    && (storm_names.contains(&key)
                        || LEXICON.flags(text) & (FIRST_NAME | WORD_FIRST_NAME) != 0) =>
                {
                    continue;
                }
                None => {
                    // "Betsy Ebeling" and "Tom Ebeling": a bare "Ebeling" is one of them,
                    // which one is not known, but a person all the same.
                    let kind = if c.words == 1 && last_names.contains_key(&key)
                        || (2..=3).contains(&c.words)
                            && person_surnames.contains(&self::key(&body[c.last.0..c.last.1]))
                        || surname_alone(c)
                    {
                        EntityType::Person
                    } else if place_votes.get(&key).is_some_and(|&v| v > 0) {
                        EntityType::Place
                    } else {
                        EntityType::Organization
                    };
                    let t = add_local(locals, c, kind, None);
                    by_key.insert(key, t);
                    index_words(body, c, kind, t, last_names, first_words, given_names);
                    t
                }
            };
            out.push((c.start, c.end, target));
        }
    }

    // "the North" is North Korea when a Korea is in the document.
    let korea = |id: &str| {
        gaz.index_of(id)
            .filter(|i| mentions.iter().any(|m| m.entry == *i))
    };
    // Most documents say neither "the North" nor "the South": no Korea to look for then.
    let (kp, kr) = if compass.is_empty() {
        (None, None)
    } else {
        (korea("KP"), korea("KR"))
    };
    if kp.is_some() || kr.is_some() {
        for &(start, end, north) in compass {
            let id = if north { "KP" } else { "KR" };
            if let Some(i) = gaz.index_of(id) {
                out.push((start, end, Target::Gaz(i)));
            }
        }
    }

    // Overlaps: the earlier, then the longer, mention wins.
    out.sort_unstable_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    let mut kept_end = 0;
    out.retain(|&(s, e, _)| {
        let keep = s >= kept_end;
        if keep {
            kept_end = e;
        }
        keep
    });
    // Entities in order of first mention, each with room for all its mentions: one
    // allocation per entity's list rather than a few regrowths.
    counts.clear();
    for &(_, _, target) in out.iter() {
        let next = counts.len();
        let i = *slots.entry(target).or_insert(next);
        if i == counts.len() {
            counts.push(0);
        }
        counts[i] += 1;
    }
    let mut entities: Vec<Entity> = Vec::with_capacity(counts.len());
    let mut next_local = 0;
    for &(start, end, target) in out.iter() {
        let i = slots.get(&target).copied().unwrap_or(entities.len());
        let span = Span {
            start,
            end,
            text: body[start..end].to_owned(),
        };
        if let Some(e) = entities.get_mut(i) {
            e.mentions.push(span);
            continue;
        }
        let mut mentions = Vec::with_capacity(counts.get(i).copied().unwrap_or(1));
        mentions.push(span);
        entities.push(match target {
            Target::Gaz(i) => {
                let e = &gaz.entries()[i];
                Entity {
                    id: e.id.clone(),
                    kind: e.kind,
                    name: e.name.clone(),
                    mentions,
                    parent: e.parent.clone(),
                }
            }
            Target::Local(i) => {
                next_local += 1;
                let l = &locals[i];
                Entity {
                    id: local_id(next_local),
                    kind: l.kind,
                    name: String::new(),
                    mentions,
                    parent: l.parent.clone(),
                }
            }
        });
    }
    for e in &mut entities {
        if e.name.is_empty() {
            // The fullest mention names the entity ("Donald Trump", not "Trump").
            let name = match e.mentions.as_slice() {
                // Most names in no list are mentioned once.
                [only] => only.text.as_str(),
                mentions => mentions
                    .iter()
                    .map(|s| s.text.as_str())
                    .max_by_key(|t| (word_count(t), t.len()))
                    .unwrap_or_default(),
            };
            e.name = if single_spaced(name) {
                name.to_owned()
            } else {
                tally_core::normalize_whitespace(name)
            };
        }
    }
    entities
}

/// The country whose name ends right before `start` with a possessive ("Russia's X") or
/// whose demonym stands right before it ("Ukrainian X").
fn country_before(
    body: &str,
    gaz: &Gazetteer,
    mentions: &[GazMention],
    start: usize,
) -> Option<String> {
    let i = mentions
        .partition_point(|m| m.end <= start)
        .checked_sub(1)?;
    let m = &mentions[i];
    let entry = &gaz.entries()[m.entry];
    if entry.kind != EntityType::Country {
        return None;
    }
    let between = body.get(m.end..start)?;
    let linked = match m.form {
        Form::Name => matches!(between, "'s " | "’s "),
        Form::Demonym => between == " ",
        Form::NotName => false,
    };
    linked.then(|| entry.id.clone())
}

/// Whether the only white space in `text` is single spaces: such a name needs no
/// normalizing. Over bytes when the text is ASCII.
/// Whether the word at `start..end` is in proper case, in no list, and speaks: a reporting
/// verb right after it or "said" right before it ("Karalis said", "said Kejelcha").
fn speaks(body: &str, start: usize, end: usize) -> bool {
    let word = &body[start..end];
    let proper = word.len() >= 3
        && word.starts_with(|c: char| c.is_uppercase())
        && word.chars().skip(1).all(char::is_lowercase);
    if !proper || LEXICON.flags(word) != 0 || plural_of_listed(word) {
        return false;
    }
    let after = body[end..].split_whitespace().next().unwrap_or("");
    let after = after.trim_end_matches(|c: char| !c.is_alphabetic());
    let before = body[..start].split_whitespace().next_back().unwrap_or("");
    LEXICON.flags(after) & REPORTING != 0 || matches!(before, "said" | "says")
}

/// Whether another name that is no person's opens with `c`'s words: "Deutsche Babcock" after
/// "Deutsche Babcock AG" is the company shortened.
fn opens_longer_name(body: &str, c: &Candidate, candidates: &[Candidate]) -> bool {
    let text = &body[c.start..c.end];
    candidates.iter().any(|o| {
        o.kind != Some(EntityType::Person)
            && o.end - o.start > text.len()
            && body[o.start..o.end].starts_with(text)
            && body[o.start + text.len()..].starts_with(' ')
    })
}

/// Whether the name at `start` goes on a longer one after a connector: "Cie des Machines
/// Bull" (a capitalized word, then "des", "de", "du" ...).
fn ends_name_before(body: &str, start: usize) -> bool {
    let mut before = body[..start].split_whitespace().rev();
    let (Some(link), Some(name)) = (before.next(), before.next()) else {
        return false;
    };
    // Not "of": a title's portfolio comes before a person ("Secretary of Agriculture ...").
    (LEXICON.flags(link) & CONNECTOR != 0 && !matches!(link, "of" | "&") || link == "des")
        && name.starts_with(|c: char| c.is_uppercase())
}

/// Whether `word` is the plural of a listed title, noun or name word ("Congressmen",
/// "Officials"): a common noun, no surname.
fn plural_of_listed(word: &str) -> bool {
    let listed = |w: &str| {
        LEXICON.flags(w) & (TITLE | PERSON_NOUN | ORG_SUFFIX | ORG_HEAD | PLACE_SUFFIX | STOP) != 0
    };
    if let Some(stem) = word.strip_suffix("men") {
        return listed(&format!("{stem}man"));
    }
    word.strip_suffix('s').is_some_and(listed)
}

fn single_spaced(text: &str) -> bool {
    if !text.is_ascii() {
        return !text.contains(|c: char| c.is_whitespace() && c != ' ') && !text.contains("  ");
    }
    let mut previous_space = false;
    for &b in text.as_bytes() {
        // The ASCII characters `char::is_whitespace` takes besides the space.
        if (b'\t'..=b'\r').contains(&b) || (b == b' ' && previous_space) {
            return false;
        }
        previous_space = b == b' ';
    }
    true
}

/// How many words white space separates in `text`: `text.split_whitespace().count()`,
/// counted over bytes when the text is ASCII (a mention almost always is).
fn word_count(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    // The ASCII characters `char::is_whitespace` takes: tab to carriage return, and space.
    let space = |b: u8| b == b' ' || (b'\t'..=b'\r').contains(&b);
    let mut count = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        let word = !space(b);
        count += usize::from(word && !in_word);
        in_word = word;
    }
    count
}

/// `local:E{n}`, without the formatting machinery (one id per entity in no list).
fn local_id(n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        // `rest % 10` is a single digit.
        digits[at] = b'0' + u8::try_from(rest % 10).unwrap_or(0);
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(7 + digits.len() - at);
    id.push_str("local:E");
    id.extend(digits[at..].iter().map(|&d| char::from(d)));
    id
}

/// The initials of a name's capitalized words packed into a `u64` ("Rapid Support Forces",
/// "International Organization for Migration"), when there are three to six of them and
/// every word is capitalized or a lowercase joining word ("for", "of", "and", "the").
fn name_initials(name: &str) -> Option<u64> {
    let mut letters = [0u8; 6];
    let mut n = 0;
    for word in name.split(' ').filter(|w| !w.is_empty()) {
        let first = word.as_bytes()[0];
        if first.is_ascii_uppercase() {
            *letters.get_mut(n)? = first;
            n += 1;
        } else if !matches!(word, "for" | "of" | "and" | "the" | "on" | "in") {
            return None;
        }
    }
    (n >= 3).then(|| pack(&letters[..n]))
}

/// Up to eight bytes packed into a `u64`, with the length, so "AB" and "AB\0" differ.
fn pack(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .take(7)
        .fold(bytes.len() as u64, |acc, &b| (acc << 8) | u64::from(b))
}

/// A case-insensitive hash of a name, so names are compared without allocating: "GM",
/// "Gm" and "gm" get the same key. 64 bits make a collision within one document
/// practically impossible.
fn key(text: &str) -> u64 {
    fold_hash(text)
}

/// Records `key → target`, or `None` when two entities claim it.
fn note(map: &mut HashMap<u64, Option<Target>>, key: u64, target: Target) {
    map.entry(key)
        .and_modify(|t| {
            if *t != Some(target) {
                *t = None;
            }
        })
        .or_insert(Some(target));
}

/// Notes a person's given name as a key of its own: "Pete is tough" after "Pete Hegseth" is
/// the person (a bare given name was an organization). Shared with organizations' first
/// words, so that a word two names open joins neither.
fn given_name(name: &str, target: Target, given_names: &mut HashMap<u64, Option<Target>>) {
    let Some((first, rest)) = name.split_once(' ') else {
        return;
    };
    // "Morgan Guaranty Trust Co", "Cleveland Public Library": a name typed a person though
    // it ends in an organization's or a place's word lends no given name.
    let named_thing = rest.split(' ').any(|w| {
        w.bytes().any(|b| b.is_ascii_digit())
            || LEXICON.flags(w) & (ORG_SUFFIX | ORG_HEAD | PLACE_SUFFIX | EVENT_SUFFIX | STOP) != 0
    });
    if !named_thing && LEXICON.flags(first) & FIRST_NAME != 0 {
        note(given_names, key(first), target);
    }
}

fn index_words(
    body: &str,
    c: &Candidate,
    kind: EntityType,
    target: Target,
    last_names: &mut HashMap<u64, Option<Target>>,
    first_words: &mut HashMap<u64, Option<Target>>,
    given_names: &mut HashMap<u64, Option<Target>>,
) {
    if c.words < 2 {
        return;
    }
    match kind {
        EntityType::Person => {
            note(last_names, key(&body[c.last.0..c.last.1]), target);
            given_name(&body[c.first.0..c.last.1], target, given_names);
        }
        EntityType::Organization => {
            // The word's key is its lexicon hash too: hashed once for both.
            let (start, end) = c.first;
            // "Women's Media Center" is not "Women" alone.
            if body[end..].starts_with(['\'', '’']) {
                return;
            }
            let first = fold_hash_in(body, start, end);
            if LEXICON.flags_of_hash(first, body, start, end) & (ORG_HEAD | STOP) == 0 {
                note(first_words, first, target);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_spacing_matches_the_char_tests() {
        for text in [
            "",
            " ",
            "  ",
            "Donald Trump",
            "Donald  Trump",
            "Donald\nTrump",
            "a\u{b}b",
            " lead",
            "trail ",
            "Jos\u{e9} Mar\u{ed}a",
            "Jos\u{e9}\u{a0}Mar\u{ed}a",
            "Jos\u{e9}  Mar\u{ed}a",
        ] {
            let want =
                !text.contains(|c: char| c.is_whitespace() && c != ' ') && !text.contains("  ");
            assert_eq!(single_spaced(text), want, "{text:?}");
        }
    }

    #[test]
    fn word_counts_match_split_whitespace() {
        for text in [
            "",
            " ",
            "Donald Trump",
            "  Donald\n\tJ.\u{b}Trump ",
            "a\u{c}b\rc",
            "Jos\u{e9} Mar\u{ed}a\u{a0}Aznar",
            "x\u{1}y",
        ] {
            assert_eq!(
                word_count(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn initials_of_names_match_their_acronyms() {
        let of = |name: &str| name_initials(name);
        assert_eq!(of("Rapid Support Forces"), Some(pack(b"RSF")));
        assert_eq!(
            of("International Organization for Migration"),
            Some(pack(b"IOM"))
        );
        assert_eq!(of("Bank of the United States"), Some(pack(b"BUS")));
        // Two words are too few, seven too many, and a name with other lowercase words
        // or digits has no initials.
        assert_eq!(of("General Motors"), None);
        assert_eq!(of("A B C D E F G"), None);
        assert_eq!(of("Bank said Friday"), None);
        assert_eq!(of("3M Company Holdings"), None);
        assert_ne!(pack(b"AB"), pack(b"\0AB"));
    }

    #[test]
    fn local_ids_count_in_decimal() {
        for n in [0, 1, 9, 10, 42, 100, 123_456, usize::MAX] {
            assert_eq!(local_id(n), format!("local:E{n}"));
        }
    }
}
