//! The gazetteer: entities with ids, names, aliases and demonyms, matched in one pass.
//!
//! The bundled data (`data/entities/gazetteer.tsv`, generated from packaged sources, and
//! `data/entities/curated.tsv` and `people.tsv`, hand-made) is embedded at compile time and parsed once per
//! process into a shared [`Gazetteer`] (about 5 ms). User files (TSV, CSV or JSON) merge on top: a row
//! with a known id extends its aliases and overrides its name, type and parent; an alias
//! claimed by a later source wins over an earlier one.

use std::collections::hash_map::Entry as Slot;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;
use tally_core::EntityType;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::GazetteerError;
use crate::matcher::{Matcher, case_fits};

const GENERATED: &str = include_str!("../../../data/entities/gazetteer.tsv");
const CURATED: &str = include_str!("../../../data/entities/curated.tsv");
const PEOPLE: &str = include_str!("../../../data/entities/people.tsv");
const NOT_NAMES: &str = include_str!("../../../data/entities/not_names.txt");

/// One gazetteer entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// `KP`, `place:ru-krs`, `org:nato`.
    pub id: String,
    /// Country, place, organization, person or group.
    pub kind: EntityType,
    /// Canonical name.
    pub name: String,
    /// Containing entity id (`RU` for Kursk).
    pub parent: Option<String>,
    /// Names and short forms, including metonyms ("Moscow" for Russia).
    pub aliases: Vec<String>,
    /// Adjectival and plural forms ("Ukrainian", "Ukrainians").
    pub demonyms: Vec<String>,
    /// A capital or seat of government (type `capital` in the data): its name stands for
    /// its government ("Moscow said" is Russia) except where it is used as a place ("a
    /// restaurant in Moscow"). The government is the entity that also lists the name as an
    /// alias ("Brussels" for the European Union), or else the parent.
    pub capital: bool,
}

/// How a pattern names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A name, short form or metonym.
    Name,
    /// A demonym ("North Korean").
    Demonym,
    /// Not an entity at all ("Dow Jones", "Nikkei"): matched only to keep name finding
    /// off these words.
    NotName,
}

/// A pattern of the matcher: which entry, which form, and the alias as written (its
/// capitals are the case rule).
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Index into [`Gazetteer::entries`].
    pub entry: usize,
    /// Name or demonym.
    pub form: Form,
    /// The alias as written in the data.
    pub alias: String,
    /// For a capital's name, the capital itself (an index into [`Gazetteer::entries`]):
    /// `entry` is then the government it stands for, and this the place, which a mention
    /// names where it is used as a place (see `capitals.rs`).
    pub literal: Option<usize>,
}

/// Entities plus one prefix table over every alias and demonym (see [`Gazetteer::find_at`]).
#[derive(Debug, Clone)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    patterns: Vec<Pattern>,
    matcher: Matcher,
    by_id: HashMap<String, usize>,
}

static BUILTIN: LazyLock<Result<Arc<Gazetteer>, GazetteerError>> = LazyLock::new(|| {
    let mut builder = GazetteerBuilder::default();
    builder.add_tsv("data/entities/gazetteer.tsv", GENERATED)?;
    builder.add_tsv("data/entities/curated.tsv", CURATED)?;
    builder.add_tsv("data/entities/people.tsv", PEOPLE)?;
    builder.add_not_names(NOT_NAMES);
    builder.build().map(Arc::new)
});

impl Gazetteer {
    /// The bundled gazetteer, parsed and compiled once per process.
    ///
    /// # Errors
    /// [`GazetteerError`] if the embedded data is malformed (a build defect).
    pub fn builtin() -> Result<Arc<Gazetteer>, GazetteerError> {
        BUILTIN.clone()
    }

    /// The bundled gazetteer with a user file merged on top (TSV, CSV or JSON by extension).
    ///
    /// # Errors
    /// [`GazetteerError`] naming the file when it cannot be read or parsed.
    pub fn with_user_file(path: &Path) -> Result<Gazetteer, GazetteerError> {
        let mut builder = GazetteerBuilder::default();
        builder.add_tsv("data/entities/gazetteer.tsv", GENERATED)?;
        builder.add_tsv("data/entities/curated.tsv", CURATED)?;
        builder.add_tsv("data/entities/people.tsv", PEOPLE)?;
        builder.add_not_names(NOT_NAMES);
        builder.add_file(path)?;
        builder.build()
    }

    /// Every entry.
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// Index of the entry with this id.
    #[must_use]
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The entry whose alias is exactly `name` (as written, in capitals, or with capital
    /// initials).
    #[must_use]
    pub fn lookup(&self, name: &str) -> Option<&Entry> {
        let (id, _) = self.find_at(name, 0, name.len(), |p, found| {
            found.len() == name.len() && p.form != Form::NotName
        })?;
        Some(&self.entries[self.patterns[id].entry])
    }

    /// The pattern with this id (an index into the sorted patterns).
    #[must_use]
    pub fn pattern(&self, id: usize) -> &Pattern {
        &self.patterns[id]
    }

    /// The longest alias matching `text` from byte `at` to a word boundary at or before
    /// `end`, as written, in capitals or with capital initials ("The Kremlin" for "the
    /// Kremlin", "Kyiv Region" for "Kyiv region"), that `accept(pattern, found)` takes:
    /// the pattern id and the end of the match.
    ///
    /// ```
    /// let g = tally_entities::Gazetteer::builtin().unwrap();
    /// let text = "NORTH KOREA said";
    /// let (id, end) = g.find_at(text, 0, text.len(), |_, _| true).unwrap();
    /// assert_eq!((g.entries()[g.pattern(id).entry].id.as_str(), end), ("KP", 11));
    /// ```
    pub fn find_at(
        &self,
        text: &str,
        at: usize,
        end: usize,
        accept: impl FnMut(&Pattern, &str) -> bool,
    ) -> Option<(usize, usize)> {
        self.find_at_noting(text, at, end, accept, &mut None)
    }

    /// Whether an alias may open with the plain ASCII word of `len` bytes whose hash is
    /// `h` (see `Matcher::may_open`): when not, [`Gazetteer::find_at`] from that word finds
    /// nothing.
    #[inline]
    pub(crate) fn may_open(&self, h: u64, len: usize) -> bool {
        self.matcher.may_open(h, len)
    }

    /// [`Gazetteer::find_at`], also noting the hash and end of the first word searched
    /// (see `Matcher::longest_noting`).
    pub(crate) fn find_at_noting(
        &self,
        text: &str,
        at: usize,
        end: usize,
        mut accept: impl FnMut(&Pattern, &str) -> bool,
        first_word: &mut Option<(u64, usize)>,
    ) -> Option<(usize, usize)> {
        self.matcher.longest_noting(
            text,
            at,
            end,
            |id, e| {
                let p = &self.patterns[id];
                let found = &text[at..e];
                case_fits(&p.alias, found) && accept(p, found)
            },
            first_word,
        )
    }
}

/// Collects entries from several sources, later ones winning, then compiles them.
#[derive(Debug, Default)]
pub struct GazetteerBuilder {
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    /// Lowercased alias → its claim; later sources overwrite, except that a capital's
    /// name and the government's alias for it share one claim.
    aliases: HashMap<String, Claim>,
}

/// Who an alias belongs to.
#[derive(Debug, Clone)]
struct Claim {
    entry: usize,
    form: Form,
    alias: String,
    /// The capital that bears this name when it is not the claimant.
    literal: Option<usize>,
}

/// A user gazetteer row in JSON.
#[derive(Debug, Deserialize)]
struct JsonRow {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
}

impl GazetteerBuilder {
    /// Adds tab-separated rows: `id, type, name, parent, aliases, demonyms[, note]`, lists
    /// separated by `|`, `#` lines and a header row starting `id<TAB>` ignored.
    ///
    /// # Errors
    /// [`GazetteerError::Parse`] naming the source and line.
    pub fn add_tsv(&mut self, source: &str, text: &str) -> Result<(), GazetteerError> {
        let mut cols = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') || line.starts_with("id\t") {
                continue;
            }
            tab_fields(line, &mut cols);
            self.add_columns(source, n + 1, &cols)?;
        }
        Ok(())
    }

    /// Adds phrases that are no entity (one per line, `#` lines ignored), for example stock
    /// indices. An entity added later with the same alias takes it back.
    pub fn add_not_names(&mut self, text: &str) {
        for line in text.lines().map(str::trim) {
            if !line.is_empty() && !line.starts_with('#') {
                self.claim(line, 0, Form::NotName);
            }
        }
    }

    /// Adds comma-separated rows with the same columns as [`GazetteerBuilder::add_tsv`]
    /// (double quotes around fields that hold commas); a header row starting `id,` is skipped.
    ///
    /// # Errors
    /// [`GazetteerError::Parse`] naming the source and line.
    pub fn add_csv(&mut self, source: &str, text: &str) -> Result<(), GazetteerError> {
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') || line.starts_with("id,") {
                continue;
            }
            let cols = split_csv(line);
            let cols: Vec<&str> = cols.iter().map(String::as_str).collect();
            self.add_columns(source, n + 1, &cols)?;
        }
        Ok(())
    }

    /// Adds a JSON array of `{"id", "type", "name", "parent", "aliases": [], "demonyms": []}`.
    ///
    /// # Errors
    /// [`GazetteerError::Parse`] naming the source.
    pub fn add_json(&mut self, source: &str, text: &str) -> Result<(), GazetteerError> {
        let rows: Vec<JsonRow> = serde_json::from_str(text).map_err(|e| GazetteerError::Parse {
            source_name: source.to_owned(),
            line: e.line(),
            message: e.to_string(),
        })?;
        for (n, row) in rows.into_iter().enumerate() {
            let (kind, capital) = parse_kind(source, n + 1, &row.kind)?;
            self.merge(Entry {
                name: row.name.unwrap_or_else(|| row.id.clone()),
                id: row.id,
                kind,
                parent: row.parent.filter(|p| !p.is_empty()),
                aliases: row.aliases,
                demonyms: row.demonyms,
                capital,
            });
        }
        Ok(())
    }

    /// Reads a user file, choosing the format by extension (`.json`, `.csv`, else TSV).
    ///
    /// # Errors
    /// [`GazetteerError::Io`] or [`GazetteerError::Parse`] naming the file.
    pub fn add_file(&mut self, path: &Path) -> Result<(), GazetteerError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| GazetteerError::Io {
            path: name.clone(),
            source: Arc::new(source),
        })?;
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("json") => self.add_json(&name, &text),
            Some(ext) if ext.eq_ignore_ascii_case("csv") => self.add_csv(&name, &text),
            _ => self.add_tsv(&name, &text),
        }
    }

    fn add_columns(
        &mut self,
        source: &str,
        line: usize,
        cols: &[&str],
    ) -> Result<(), GazetteerError> {
        let col = |i: usize| cols.get(i).map_or("", |c| c.trim());
        if col(0).is_empty() || col(1).is_empty() {
            return Err(GazetteerError::Parse {
                source_name: source.to_owned(),
                line,
                message: format!("expected id and type, got {:?}", cols.join("\t")),
            });
        }
        let list = |s: &str| -> Vec<String> {
            s.split(['|', ';'])
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let (kind, capital) = parse_kind(source, line, col(1))?;
        let name = if col(2).is_empty() { col(0) } else { col(2) };
        self.merge(Entry {
            id: col(0).to_owned(),
            kind,
            name: name.to_owned(),
            parent: Some(col(3).to_owned()).filter(|p| !p.is_empty()),
            aliases: list(col(4)),
            demonyms: list(col(5)),
            capital,
        });
        Ok(())
    }

    fn merge(&mut self, entry: Entry) {
        if let Some(&i) = self.by_id.get(&entry.id) {
            let Entry {
                kind,
                name,
                parent,
                aliases,
                demonyms,
                capital,
                ..
            } = entry;
            let old = &mut self.entries[i];
            old.kind = kind;
            old.capital = capital;
            old.name.clone_from(&name);
            if parent.is_some() {
                old.parent = parent;
            }
            self.claim_names(i, &name, &aliases, &demonyms);
            let old = &mut self.entries[i];
            old.aliases.extend(aliases);
            old.demonyms.extend(demonyms);
        } else {
            let i = self.entries.len();
            self.by_id.insert(entry.id.clone(), i);
            self.entries.push(entry);
            // The names are lent out while they are claimed (claiming reads other entries)
            // rather than the whole entry copied for it.
            let e = &mut self.entries[i];
            let name = std::mem::take(&mut e.name);
            let aliases = std::mem::take(&mut e.aliases);
            let demonyms = std::mem::take(&mut e.demonyms);
            self.claim_names(i, &name, &aliases, &demonyms);
            let e = &mut self.entries[i];
            e.name = name;
            e.aliases = aliases;
            e.demonyms = demonyms;
        }
    }

    /// Claims a row's name and aliases, then its demonyms, for entry `index`.
    fn claim_names(&mut self, index: usize, name: &str, aliases: &[String], demonyms: &[String]) {
        for alias in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
            self.claim(alias, index, Form::Name);
            self.claim_plain(alias, index, Form::Name);
        }
        for demonym in demonyms {
            self.claim(demonym, index, Form::Demonym);
            self.claim_plain(demonym, index, Form::Demonym);
        }
    }

    /// Claims an accented alias without its accents ("Sao Paulo", "Bogota", "Medellin"):
    /// English-language copy and all-caps datelines often drop them. The plain form never
    /// takes a name another row claims as written.
    fn claim_plain(&mut self, alias: &str, entry: usize, form: Form) {
        if alias.is_ascii() {
            return;
        }
        let plain: String = alias
            .nfd()
            .filter(|c| !is_combining_mark(*c))
            .map(|c| match c {
                'ı' => 'i',
                'ł' => 'l',
                'Ł' => 'L',
                'ø' => 'o',
                'Ø' => 'O',
                'đ' => 'd',
                'Đ' => 'D',
                _ => c,
            })
            .collect();
        if plain != alias && !self.aliases.contains_key(&plain.to_lowercase()) {
            self.claim(&plain, entry, form);
        }
    }

    fn claim(&mut self, alias: &str, entry: usize, form: Form) {
        // Aliases shorter than two characters would match initials everywhere.
        if alias.chars().count() < 2 {
            return;
        }
        let capital = |i: usize| self.entries.get(i).is_some_and(|e| e.capital);
        let mut claim = Claim {
            entry,
            form,
            alias: alias.to_owned(),
            literal: None,
        };
        // One hash of the lowercased alias for the look-up and the insert.
        let mut slot = match self.aliases.entry(alias.to_lowercase()) {
            Slot::Vacant(slot) => {
                slot.insert(claim);
                return;
            }
            Slot::Occupied(slot) => slot,
        };
        let old = slot.get();
        // One row spelling a name twice ("Nvidia|NVIDIA") keeps the spelling with fewer
        // capitals: a match may raise letters to capitals but never lower them, so "NVIDIA"
        // alone would miss "Nvidia", while "Nvidia" still matches "NVIDIA".
        let capitals = |a: &str| a.chars().filter(|c| c.is_uppercase()).count();
        if old.entry == entry && old.form == form && capitals(&old.alias) <= capitals(alias) {
            return;
        }
        // A capital's name and a government's alias for it ("Brussels" for the EU, a user
        // row "Moscow" for Russia) make one claim, whichever comes first: the government
        // is the reading by default, the capital the reading where the text uses a place.
        if form == Form::Name
            && old.form == Form::Name
            && old.entry != entry
            && capital(entry) != capital(old.entry)
        {
            if capital(entry) {
                claim = Claim {
                    literal: Some(entry),
                    ..old.clone()
                };
            } else {
                claim.literal = Some(old.entry);
            }
        }
        slot.insert(claim);
    }

    /// Compiles the prefix table.
    ///
    /// # Errors
    /// None today; the `Result` leaves room for limits on user gazetteers.
    pub fn build(self) -> Result<Gazetteer, GazetteerError> {
        let entries = &self.entries;
        let by_id = &self.by_id;
        let mut patterns: Vec<Pattern> = self
            .aliases
            .into_values()
            .map(|c| {
                // A capital no government claims stands for its parent ("Moscow" → RU).
                let e = &entries[c.entry];
                let government = (e.capital && c.form == Form::Name && c.literal.is_none())
                    .then(|| e.parent.as_ref().and_then(|p| by_id.get(p)))
                    .flatten();
                match government {
                    Some(&g) => Pattern {
                        entry: g,
                        form: c.form,
                        alias: c.alias,
                        literal: Some(c.entry),
                    },
                    None => Pattern {
                        entry: c.entry,
                        form: c.form,
                        alias: c.alias,
                        literal: c.literal,
                    },
                }
            })
            .collect();
        // A stable order keeps pattern ids (and so every result) the same across runs.
        // Aliases are distinct (each is its own lowercased key's), so an unstable sort
        // gives the one order there is.
        patterns.sort_unstable_by(|a, b| a.alias.cmp(&b.alias));
        let matcher = Matcher::new(patterns.iter().map(|p| p.alias.as_str()));
        Ok(Gazetteer {
            entries: self.entries,
            patterns,
            matcher,
            by_id: self.by_id,
        })
    }
}

/// The entity type a row's type column names, and whether it is a capital (a place whose
/// name stands for its government).
fn parse_kind(source: &str, line: usize, kind: &str) -> Result<(EntityType, bool), GazetteerError> {
    match kind.to_ascii_lowercase().as_str() {
        "country" => Ok((EntityType::Country, false)),
        "place" | "loc" | "location" | "gpe" => Ok((EntityType::Place, false)),
        "capital" | "seat" => Ok((EntityType::Place, true)),
        "organization" | "organisation" | "org" => Ok((EntityType::Organization, false)),
        "person" | "per" => Ok((EntityType::Person, false)),
        "group" => Ok((EntityType::Group, false)),
        other => Err(GazetteerError::Parse {
            source_name: source.to_owned(),
            line,
            message: format!(
                "unknown entity type {other:?}; expected country, place, capital, organization, person or group"
            ),
        }),
    }
}

/// The tab-separated fields of `line` into `out` (cleared first), as `line.split('\t')`
/// gives them. A byte loop: the bundled gazetteer is read at every start-up, and the
/// general split's searcher set-up per field cost more than the short fields it found.
fn tab_fields<'a>(line: &'a str, out: &mut Vec<&'a str>) {
    out.clear();
    let mut start = 0;
    for (i, &b) in line.as_bytes().iter().enumerate() {
        // A tab is ASCII, so both sides of it are character boundaries.
        if b == b'\t' {
            out.push(&line[start..i]);
            start = i + 1;
        }
    }
    out.push(&line[start..]);
}

/// Splits one CSV line, honoring double-quoted fields with `""` escapes.
fn split_csv(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    out.push(field);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_fields_split_as_str_split_does() {
        let mut out = Vec::new();
        for line in [
            "",
            "\t",
            "a",
            "a\tb",
            "\ta\t\tb\t",
            "Zürich\tplace\t\tCH\tZurich|Zuerich",
        ] {
            tab_fields(line, &mut out);
            assert_eq!(out, line.split('\t').collect::<Vec<_>>(), "{line:?}");
        }
    }

    #[test]
    fn builtin_has_seed_countries_and_metonyms() {
        let g = Gazetteer::builtin().unwrap();
        assert_eq!(g.get("KP").unwrap().name, "North Korea");
        let kp = g.get("KP").unwrap();
        assert!(kp.demonyms.iter().any(|a| a == "North Korean"));
        // The capital stands for the country, and is the city where used as a place.
        let pyongyang = g.lookup("Pyongyang").unwrap();
        assert_eq!(pyongyang.id, "KP");
        let (id, _) = g.find_at("Pyongyang", 0, 9, |_, _| true).unwrap();
        let city = &g.entries()[g.pattern(id).literal.unwrap()];
        assert_eq!(
            (city.name.as_str(), city.parent.as_deref()),
            ("Pyongyang", Some("KP"))
        );
        // Brussels: the EU claims the name, Belgium holds the city.
        let (id, _) = g.find_at("Brussels", 0, 8, |_, _| true).unwrap();
        assert_eq!(g.entries()[g.pattern(id).entry].id, "org:eu");
        let city = &g.entries()[g.pattern(id).literal.unwrap()];
        assert_eq!(city.parent.as_deref(), Some("BE"));
        assert_eq!(g.get("place:ru-krs").unwrap().parent.as_deref(), Some("RU"));
    }

    #[test]
    fn user_rows_override_and_extend() {
        let mut b = GazetteerBuilder::default();
        b.add_tsv("a", "KP\tcountry\tNorth Korea\t\tDPRK\t\n")
            .unwrap();
        b.add_csv("b", "id,type,name,parent,aliases\nKP,country,\"Korea, North\",,Hermit Kingdom\norg:acme,org,Acme,US,\n")
            .unwrap();
        b.add_json("c", r#"[{"id": "person:kju", "type": "person", "name": "Kim Jong Un", "aliases": ["Kim Jong-un"]}]"#)
            .unwrap();
        let g = b.build().unwrap();
        let kp = g.get("KP").unwrap();
        assert_eq!(kp.name, "Korea, North");
        assert_eq!(kp.aliases, ["DPRK", "Hermit Kingdom"]);
        assert_eq!(g.get("org:acme").unwrap().parent.as_deref(), Some("US"));
        assert_eq!(g.get("person:kju").unwrap().kind, EntityType::Person);
    }

    #[test]
    fn bad_type_names_source_and_line() {
        let mut b = GazetteerBuilder::default();
        let err = b.add_tsv("mine.tsv", "# c\nX\tplanet\tMars\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "mine.tsv:2: unknown entity type \"planet\"; expected country, place, capital, organization, person or group"
        );
    }
}
