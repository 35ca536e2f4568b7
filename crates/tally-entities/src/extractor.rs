//! The entity extractor: gazetteer matches, cue-found names, coreference, linking.
//!
//! # What it finds
//! People, organizations, countries and places, each with every mention and an id: ISO
//! 3166-1 alpha-2 for countries, a gazetteer id (`place:ru-krs`, `org:nato`) for listed
//! entities, `local:E1`... for names in no list. Demonyms ("North Korean") and capitals
//! standing for governments ("Moscow", "Pyongyang") link to the country.
//!
//! # Example
//! "Ukraine's commander-in-chief Oleksandr Syrsky said Russia has used North Korean troops.
//! ... Pyongyang has sent thousands of troops." gives UA (Ukraine), a person Oleksandr
//! Syrsky (title cue "commander-in-chief"), RU (Russia), KP (North Korean, Pyongyang).
//!
//! # Limitations
//! - One alias belongs to one entity: "Georgia" is the country, never the US state;
//!   "Washington" is the United States, never the city or the state.
//! - Capitals always link to their country, also in "a restaurant in Moscow".
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

use std::cell::Cell;
use std::path::Path;
use std::sync::Arc;

use tally_core::{Document, Entity, ExtractError, Extractor, Layer};

use crate::gazetteer::{Form, Gazetteer};
use crate::lexicon::{Flags, Folder};
use crate::names::{self, Candidate, GazMention, SentenceCtx, UNKNOWN};
use crate::resolve::{Compass, resolve};
use crate::scan::{self, Word};

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
        Ok(EntityExtractor {
            gazetteer: Gazetteer::builtin()?,
        })
    }

    /// The extractor with a user gazetteer (TSV, CSV or JSON) merged over the bundled one.
    ///
    /// # Errors
    /// [`ExtractError::Data`] naming the file when it cannot be read or parsed.
    pub fn with_gazetteer_file(path: &Path) -> Result<EntityExtractor, ExtractError> {
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
        let body = doc.body.as_str();
        let units: Vec<(usize, usize)> = if doc.paragraphs.is_empty() {
            vec![(0, body.len())]
        } else {
            doc.paragraphs.iter().map(|p| (p.start, p.end)).collect()
        };
        let sentence_starts: Vec<usize> = doc.sentences.iter().map(|s| s.start).collect();
        let mut mentions: Vec<GazMention> = Vec::new();
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut compass: Vec<Compass> = Vec::new();
        let mut words: Vec<Word> = Vec::new();
        let mut covered: Vec<Option<usize>> = Vec::new();
        let mut flags: Vec<Cell<Flags>> = Vec::new();
        let mut folder = Folder::new();
        for (start, end) in units {
            if start >= end || body.get(start..end).is_none() {
                continue;
            }
            let shouting = scan::is_shouting(&body[start..end]);
            // In a headline in title case, as in all-caps text, capitals mark no names.
            scan::words(body, start, end, &mut words);
            let capitals_blind = shouting || scan::is_title_case(&words);
            let first = mentions.len();
            self.match_gazetteer(body, &words, end, shouting, &mut mentions);
            let gaz = &mentions[first..];
            flags.clear();
            flags.resize(words.len(), Cell::new(UNKNOWN));
            covered.clear();
            let mut g = 0;
            for w in &words {
                while g < gaz.len() && gaz[g].end <= w.start {
                    g += 1;
                }
                covered.push((g < gaz.len() && gaz[g].start < w.end).then_some(g));
            }
            let ctx = SentenceCtx {
                body,
                sentence_starts: &sentence_starts,
                words: &words,
                flags: &flags,
                covered: &covered,
                gaz,
            };
            if capitals_blind {
                names::find_shouting(&ctx, &mut folder, shouting, &mut candidates);
            } else {
                names::find_cased(&ctx, &mut folder, &mut candidates);
            }
            find_compass(body, &words, shouting, &mut compass);
        }
        let mut entities = resolve(body, &self.gazetteer, &mentions, &candidates, &compass);
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
    /// Every alias form in the automaton starts with a capital, so the automaton runs
    /// anchored at capitalized word starts (and after a hyphen inside a word: "pro-Russian")
    /// instead of over every byte: lowercase text, most of any article, is never searched.
    fn match_gazetteer(
        &self,
        body: &str,
        words: &[Word],
        end: usize,
        shouting: bool,
        out: &mut Vec<GazMention>,
    ) {
        let text = &body[..end];
        let mut covered_to = 0;
        for w in words {
            if w.start < covered_to {
                continue;
            }
            if w.upper
                && let Some(e) = self.match_at(text, w.start, shouting, out)
            {
                covered_to = e;
                continue;
            }
            if !w.hyphenated {
                continue;
            }
            let inner = &body.as_bytes()[w.start..w.end];
            for (k, pair) in inner.windows(2).enumerate() {
                if pair[0] == b'-'
                    && pair[1].is_ascii_uppercase()
                    && let Some(e) = self.match_at(text, w.start + k + 1, shouting, out)
                {
                    covered_to = e;
                    break;
                }
            }
        }
    }

    /// The longest accepted gazetteer match starting at `at`, pushed to `out`; its end.
    fn match_at(
        &self,
        text: &str,
        at: usize,
        shouting: bool,
        out: &mut Vec<GazMention>,
    ) -> Option<usize> {
        let input = aho_corasick::Input::new(text)
            .range(at..)
            .anchored(aho_corasick::Anchored::Yes);
        let m = self.gazetteer.automaton().find(input)?;
        let (s, e) = (m.start(), m.end());
        let after = text.get(e..).and_then(|rest| rest.chars().next());
        let pattern = self.gazetteer.pattern(m.pattern().as_usize());
        // "US$40 billion" is a currency, not the country.
        let accepted = text.is_char_boundary(e)
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '$')
            && case_ok(&pattern.alias, &text[s..e], shouting);
        if !accepted {
            return None;
        }
        let found = &text[s..e];
        // "the Ukrainians": a plural demonym used as a noun takes its article.
        let mut s = s;
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
        Some(e)
    }
}

/// The case rule: every capital in the alias must be a capital in the text ("US" does not
/// match "us", "Russia" does not match "russia"); in all-caps text, short undotted
/// acronyms are skipped because they collide with words ("US", "IT").
fn case_ok(alias: &str, found: &str, shouting: bool) -> bool {
    if alias.len() != found.len() {
        return false;
    }
    let capitals_kept = alias
        .bytes()
        .zip(found.bytes())
        .all(|(a, f)| !a.is_ascii_uppercase() || f.is_ascii_uppercase());
    if !capitals_kept {
        return false;
    }
    let acronym = !alias.bytes().any(|b| b.is_ascii_lowercase());
    !(shouting && acronym && alias.len() <= 3 && !alias.contains('.'))
}

/// "the North", "the nuclear-armed North": up to two lowercase words between.
fn find_compass(body: &str, words: &[Word], shouting: bool, out: &mut Vec<Compass>) {
    for (k, w) in words.iter().enumerate() {
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
