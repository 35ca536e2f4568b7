//! Named antecedents that are not speakers yet: the entity a definite descriptor refers to.
//!
//! ## What it finds
//! For a definite descriptor with no earlier speaker to refer to ("the vice president", "the
//! senator", "the company"), the nearest earlier entity mention (from the entities stage)
//! that the descriptor's head noun names: a person whose title written before the name or
//! in an apposition after it ends in that head, or an organization whose name holds it or,
//! for "the company", ends in a company form.
//!
//! ## Example
//! ```text
//! Vice President Joe Biden hit the campaign trail. ... the vice president said Clinton was the only choice.
//! ^^^^^^^^^^^^^^ title          ^^^^^^^^^ entity        ^^^^^^^^^^^^^^^^^^ → Joe Biden (named)
//! Acme Widgets Inc said sales fell. ... The company said it would cut jobs.
//!              ^^^ company form         ^^^^^^^^^^^ → Acme Widgets Inc
//! ```
//!
//! ## Limitations
//! - Only entity mentions count: a name the entities stage missed is not found, and without
//!   the entities layer nothing changes.
//! - The head must be written: "the New York businessman" is not matched to a person
//!   introduced as a candidate.
//! - The scan is bounded ([`MENTIONS`] entity mentions back, within the coreference
//!   window's paragraphs): an antecedent further away is not found.

use tally_core::{Document, Entity, EntityType, ExtractError, Span};

use crate::coref::MAX_PARAGRAPHS;
use crate::lexicon::{Gender, HashMap, HashSet, Lexicon, NounKind};

const TITLE_HEADS: &str = include_str!("../../../data/coref/title_heads.tsv");
const COMPANY_FORMS: &str = include_str!("../../../data/coref/company_forms.txt");
const COMPANY_HEADS: &str = include_str!("../../../data/coref/company_heads.txt");
const MEDIA_HEADS: &str = include_str!("../../../data/coref/media_heads.txt");
const MEDIA_NAMES: &str = include_str!("../../../data/coref/media_names.txt");
const AGENCY_HEADS: &str = include_str!("../../../data/coref/agency_heads.txt");
const AGENCY_NAMES: &str = include_str!("../../../data/coref/agency_names.txt");
const FIRST_NAMES: &str = include_str!("../../../data/coref/first_names.tsv");
const NAME_OVERRIDES: &str = include_str!("../../../data/coref/name_overrides.tsv");

/// How many entity mentions back a descriptor may look.
pub(crate) const MENTIONS: usize = 40;

/// The entries of a one-entry-per-line list.
fn word_set(text: &str) -> HashSet<String> {
    tally_core::data_lines(text).map(str::to_owned).collect()
}

/// The lists under `data/coref/`.
#[derive(Debug)]
pub(crate) struct Heads {
    /// Abbreviated title (lowercase) → head noun ("sen." → "senator").
    titles: HashMap<String, String>,
    /// Company forms, lowercase without a final period ("inc", "plc").
    company_forms: HashSet<String>,
    /// Heads that refer back to a company ("company", "firm").
    company_heads: HashSet<String>,
    /// Heads that refer back to a news outlet ("newspaper", "network").
    media_heads: HashSet<String>,
    /// Words of news outlets' names ("Journal", "Post", "CNN").
    media_names: HashSet<String>,
    /// Heads that refer back to a public body ("agency", "regulator").
    agency_heads: HashSet<String>,
    /// Words of public bodies' names ("Administration", "Survey").
    agency_names: HashSet<String>,
    /// Given names borne mostly by one sex ("Hillary" → female).
    first_names: HashMap<String, Gender>,
}

/// `f` of `word` ASCII-lowercased, on the stack: every source's name words are looked up,
/// and a `String` each measured. `None` for a word longer than any listed one.
pub(crate) fn lowercased<R>(word: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    let mut buffer = [0u8; 24];
    let slot = buffer.get_mut(..word.len())?;
    slot.copy_from_slice(word.as_bytes());
    slot.make_ascii_lowercase();
    // ASCII lowercasing keeps UTF-8 valid.
    std::str::from_utf8(slot).ok().map(f)
}

/// A word with a capital and a lowercase letter after it ("Florida"): in a line written all
/// in capitals (old wire copy) every word has a capital, and none shows a name.
fn capitalized(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// What a definite descriptor looks for: its head noun, and whether it has a capitalized
/// word after its first ("the national Asahi newspaper").
#[derive(Debug, Clone, Copy)]
pub(crate) struct Wanted<'a> {
    /// The head noun, lowercase.
    pub head: &'a str,
    /// A name inside the descriptor.
    pub names_inside: bool,
    /// The portfolio in the descriptor ("the defense minister"), lowercase: a title with
    /// another portfolio ("Finance Minister Choi") is someone else.
    pub portfolio: Option<&'a str>,
}

/// "MAMOUDZOU, Mayotte (AFP) -": the agency credited in the dateline filed the story; a
/// later "the agency said" is about another agency, never the wire itself.
fn wire_credit(body: &str, start: usize, end: usize) -> bool {
    start < 200
        && body[..start].ends_with('(')
        && body.get(end..).is_some_and(|rest| {
            rest.strip_prefix(')')
                .is_some_and(|r| r.trim_start().starts_with(['-', '\u{2013}', '\u{2014}']))
        })
}

/// The nearest char boundary at or before `at`: a window of bytes around a mention must not
/// cut a character (`str::get` would give nothing).
fn char_floor(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Where a sentence's own words start after a wire dateline ("SAN FRANCISCO, Nov 20
/// (Reuters) - Nvidia ..."), when that is before byte `to`; else the sentence's start.
fn dateline_end(sentence: &Span, to: usize) -> usize {
    let end = sentence.start + tally_core::dateline_len(&sentence.text);
    if end <= to { end } else { sentence.start }
}

/// A named mention a descriptor refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Antecedent<'d> {
    /// The entity.
    pub entity: &'d Entity,
    /// The mention.
    pub mention: Span,
    /// The gender its title or given name shows.
    pub gender: Option<Gender>,
    /// The title written with it ("Vice President"), for a person.
    pub role: Option<String>,
}

impl Heads {
    /// Loads the bundled lists.
    ///
    /// # Errors
    /// [`ExtractError::Data`] when `title_heads.tsv` has a line without two columns.
    pub(crate) fn bundled() -> Result<Heads, ExtractError> {
        let mut titles = HashMap::default();
        for line in tally_core::data_lines(TITLE_HEADS) {
            let Some((title, head)) = line.split_once('\t') else {
                return Err(ExtractError::Data {
                    what: "coreference lists",
                    source_name: "data/coref/title_heads.tsv".to_owned(),
                    message: format!("expected title<TAB>head in {line:?}"),
                });
            };
            titles.insert(title.to_lowercase(), head.trim().to_owned());
        }
        let mut first_names = HashMap::default();
        for line in tally_core::data_lines(FIRST_NAMES) {
            let gender = match line.split_once('\t') {
                Some((name, "m")) => (name, Gender::Male),
                Some((name, "f")) => (name, Gender::Female),
                _ => {
                    return Err(ExtractError::Data {
                        what: "coreference lists",
                        source_name: "data/coref/first_names.tsv".to_owned(),
                        message: format!("expected name<TAB>m|f in {line:?}"),
                    });
                }
            };
            first_names.insert(gender.0.to_owned(), gender.1);
        }
        for line in tally_core::data_lines(NAME_OVERRIDES) {
            match line.split_once('\t') {
                Some((name, "m")) => first_names.insert(name.to_owned(), Gender::Male),
                Some((name, "f")) => first_names.insert(name.to_owned(), Gender::Female),
                Some((name, "-")) => first_names.remove(name),
                _ => {
                    return Err(ExtractError::Data {
                        what: "coreference lists",
                        source_name: "data/coref/name_overrides.tsv".to_owned(),
                        message: format!("expected name<TAB>m|f|- in {line:?}"),
                    });
                }
            };
        }
        Ok(Heads {
            titles,
            first_names,
            company_forms: word_set(COMPANY_FORMS),
            company_heads: word_set(COMPANY_HEADS),
            media_heads: word_set(MEDIA_HEADS),
            media_names: word_set(MEDIA_NAMES),
            agency_heads: word_set(AGENCY_HEADS),
            agency_names: word_set(AGENCY_NAMES),
        })
    }

    /// Whether a name ends in a company form ("Georgia Power Co", "Acme Widgets Inc.").
    pub(crate) fn company(&self, name: &str) -> bool {
        name.rsplit(' ')
            .next()
            .is_some_and(|w| self.company_form(w))
    }

    /// Whether a word is a company form ("Inc", "Inc.", "PLC"). Forms are short: a word
    /// longer than the lowercasing buffer is none.
    fn company_form(&self, word: &str) -> bool {
        lowercased(word.trim_end_matches('.'), |l| {
            self.company_forms.contains(l)
        })
        .unwrap_or(false)
    }

    /// The gender a person's given name shows: the first of two or more words ("Hillary
    /// Clinton"); a lone word may be a surname.
    pub(crate) fn name_gender(&self, name: &str) -> Option<Gender> {
        let (first, _) = name.split_once(' ')?;
        self.first_names.get(first).copied()
    }

    /// The person who is the subject of the clause a pronoun source refers from: the first
    /// entity mention of the pronoun's sentence when it is a person and the pronoun opens a
    /// clause joined to that subject's ("Sanders appeared to dismiss the issue, when he told
    /// Clinton ..."), else the person who is the subject of the sentence before, when the
    /// pronoun's sentence names no one before the pronoun ("Sanders dismissed the issue. On
    /// Friday, he remarked: ..."). A subject opens its sentence, after titles and at most an
    /// introductory phrase and comma, outside quotation marks, not possessive ("Sanders's
    /// campaign") and not one of two ("Sanders and Clinton").
    pub(crate) fn subject<'d>(
        &self,
        lex: &Lexicon,
        doc: &Document,
        mentions: &[(usize, usize, &'d Entity)],
        sentence: usize,
        pronoun: usize,
        after: Option<usize>,
    ) -> Option<Antecedent<'d>> {
        let here = doc.sentences.get(sentence)?;
        // The first person among the sentence's first few mentions ("In Scranton, Biden
        // ..."), if it opens the sentence.
        // Only a mention after the latest speaker mention can be the newer antecedent: the
        // scan starts there, so most pronouns (whose speaker was just named) read nothing.
        let skip = after.map_or(0, |a| a + 1);
        if skip > pronoun {
            return None;
        }
        let first = |from: usize, limit: usize| {
            let i = mentions.partition_point(|m| m.0 < from.max(skip));
            let mut within = mentions[i..].iter().take(3).take_while(|m| m.1 <= limit);
            let any = within.clone().next().is_some();
            (
                any,
                within.find(|m| {
                    m.2.kind == EntityType::Person && self.opens(lex, doc, from, m.0, m.1)
                }),
            )
        };
        // "In a post on X, he said": a body or place named in a short introductory phrase
        // leaves the subject of the sentence before the antecedent (not a content before
        // an inverted cue: "The buyers were based in Europe and Japan, he added").
        let intro = doc
            .body
            .get(here.start..pronoun)
            .and_then(|b| b.trim_end().strip_suffix(','))
            .is_some_and(|b| b.split_whitespace().count() <= 6);
        let (start, end, entity) = match first(here.start, pronoun) {
            (true, None) if intro => {
                let previous = doc.sentences.get(sentence.checked_sub(1)?)?;
                *first(previous.start, previous.end).1?
            }
            (true, m) => {
                let &m = m?;
                // The pronoun opens a clause joined to the subject's: "..., when he told".
                let before = doc.body.get(m.1..pronoun)?.trim_end();
                let joiner = before.rsplit([' ', ',']).next().is_some_and(|w| {
                    [
                        "when", "and", "but", "as", "after", "because", "while", "before", "since",
                        "though", "although", "where", "until", "once",
                    ]
                    .iter()
                    .any(|j| w.eq_ignore_ascii_case(j))
                });
                if !joiner {
                    return None;
                }
                m
            }
            (false, _) => {
                let previous = doc.sentences.get(sentence.checked_sub(1)?)?;
                *first(previous.start, previous.end).1?
            }
        };
        let title = doc
            .body
            .get(char_floor(&doc.body, start.saturating_sub(40))..start)
            .and_then(|b| {
                b.split_whitespace()
                    .next_back()
                    .and_then(|w| lex.title(w).flatten())
            });
        Some(Antecedent {
            entity,
            mention: doc.span(start, end).ok()?,
            gender: title.or_else(|| self.name_gender(&entity.name)),
            role: None,
        })
    }

    /// Whether the mention at `start..end` opens the sentence starting at `from` as its
    /// subject (see [`Heads::subject`]).
    fn opens(&self, lex: &Lexicon, doc: &Document, from: usize, start: usize, end: usize) -> bool {
        let (Some(prefix), Some(after)) = (doc.body.get(from..start), doc.body.get(end..)) else {
            return false;
        };
        // "The Sanders campaign": a name after a determiner modifies the subject.
        let determiner = prefix.split_whitespace().next_back().is_some_and(|w| {
            ["the", "a", "an", "this", "that"]
                .iter()
                .any(|d| w.eq_ignore_ascii_case(d))
        });
        let quote = |c: char| matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{2018}' | '\'');
        if determiner
            || prefix.contains(quote)
            || after.starts_with("'s")
            || after.starts_with("\u{2019}s")
            || after.starts_with(" and ")
            || after.starts_with(" or ")
        {
            return false;
        }
        // "On Friday, Sanders ...": a short introductory phrase before a comma.
        let (intro, titles) = prefix.rsplit_once(',').unwrap_or(("", prefix));
        intro.split_whitespace().count() <= 6
            && titles
                .split_whitespace()
                .all(|w| lex.title(w).is_some() || capitalized(w) || w == "of")
    }

    /// The head noun of a title as written ("Sen." → "senator", "President" → "president").
    fn title_head(&self, title: &str) -> String {
        let lower = title.to_lowercase();
        self.titles.get(&lower).cloned().unwrap_or(lower)
    }

    /// Whether a title as written has the head noun `head` ("Sen." and "senator"), without
    /// allocating for the common case of a short title.
    fn title_is(&self, title: &str, head: &str) -> bool {
        lowercased(title, |l| {
            self.titles.get(l).map_or(l == head, |h| h == head)
        })
        .unwrap_or_else(|| self.title_head(title) == head)
    }

    /// The nearest entity mention before byte `before` (in `mentions`, sorted by start) that
    /// a definite descriptor with head noun `head` names; only mentions within the window's
    /// paragraphs of `paragraph` are read, at most [`MENTIONS`] of them.
    pub(crate) fn antecedent<'d>(
        &self,
        lex: &Lexicon,
        doc: &Document,
        mentions: &[(usize, usize, &'d Entity)],
        before: usize,
        paragraph: usize,
        wanted: Wanted<'_>,
    ) -> Option<Antecedent<'d>> {
        let Wanted {
            head,
            names_inside,
            portfolio,
        } = wanted;
        // A person's head names a person, an organization's an organization ("the
        // People's Daily article" is neither: its listed noun "people" is no newspaper).
        // A descriptor with a name of its own ("the national Asahi newspaper") introduces
        // an outlet; it refers back to none.
        if self.media_heads.contains(head) && names_inside {
            return None;
        }
        let kind = if self.company_heads.contains(head)
            || self.media_heads.contains(head)
            || self.agency_heads.contains(head)
        {
            NounKind::Org
        } else {
            lex.noun(head)?.kind
        };
        // Most definite descriptors that miss ("the report", "the poll") name neither a
        // person nor an organization: no scan.
        let wanted = match kind {
            NounKind::Person => EntityType::Person,
            NounKind::Org => EntityType::Organization,
            NounKind::Source => return None,
        };
        // The window's first byte: the start of the paragraph MAX_PARAGRAPHS back.
        let floor = doc
            .paragraphs
            .get(paragraph.saturating_sub(MAX_PARAGRAPHS))
            .map_or(0, |p| p.start);
        let end = mentions.partition_point(|m| m.0 < before);
        let window = || {
            mentions[..end]
                .iter()
                .rev()
                .take(MENTIONS)
                .take_while(|m| m.0 >= floor)
                .filter(|m| {
                    m.1 <= before && m.2.kind == wanted && !wire_credit(&doc.body, m.0, m.1)
                })
        };
        let named = window().find_map(|&(start, end, entity)| {
            let role = match (entity.kind, kind) {
                // The title may come with an earlier mention only ("Sen. Marco Rubio" ...
                // "Rubio offered ..." ... "the senator said"): this mention, else the
                // entity's first.
                (EntityType::Person, NounKind::Person) => self
                    .person_named(lex, &doc.body, start, end, head)
                    .or_else(|| {
                        let first = entity.mentions.first()?;
                        (first.start != start).then_some(())?;
                        self.person_named(lex, &doc.body, first.start, first.end, head)
                    })?,
                (EntityType::Organization, NounKind::Org) => self
                    .organization_named(&doc.body, start, end, head)
                    .then_some(None)?,
                _ => return None,
            };
            let other_portfolio = |r: &str| {
                let mut held = crate::descriptor::portfolios(r).peekable();
                held.peek().is_some() && !held.any(|w| Some(w.as_str()) == portfolio)
            };
            if portfolio.is_some() && role.as_deref().is_some_and(other_portfolio) {
                return None;
            }
            Some(Antecedent {
                entity,
                mention: doc.span(start, end).ok()?,
                gender: (entity.kind == EntityType::Person)
                    .then(|| self.name_gender(&entity.name))
                    .flatten(),
                role,
            })
        });
        if named.is_some() || !self.company_heads.contains(head) {
            return named;
        }
        // "Nvidia on Wednesday forecast revenue ... . Revenue rose 94%, the company said":
        // a company named without a form is the one organization that is the subject of a
        // sentence in the window; with two or more such subjects it stays unresolved.
        // The subject is followed by its verb or a time phrase ("Nvidia on Wednesday
        // forecast", "Acme reported"), not by a comma ("PHOENIX, Ariz., March 2") or a
        // bracket ("(Reuters)"); a news outlet is no company spoken of.
        let mut subjects = window().filter(|m| {
            let verb_next = doc.body.get(m.1..).is_some_and(|a| {
                a.strip_prefix(' ')
                    .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_lowercase()))
            });
            if !verb_next
                || m.2
                    .name
                    .split_whitespace()
                    .any(|w| self.media_names.contains(w))
            {
                return false;
            }
            let i = doc.sentences.partition_point(|s| s.start <= m.0);
            i.checked_sub(1)
                .and_then(|i| doc.sentences.get(i))
                .is_some_and(|s| {
                    let from = dateline_end(s, m.0);
                    self.opens(lex, doc, from, m.0, m.1)
                })
        });
        let &(start, end, entity) = subjects.next()?;
        if subjects.any(|m| m.2.id != entity.id) {
            return None;
        }
        Some(Antecedent {
            entity,
            mention: doc.span(start, end).ok()?,
            gender: None,
            role: None,
        })
    }

    /// Whether the person mentioned at `start..end` is titled `head`: by the titles written
    /// right before the name ("Vice President Joe Biden", "Florida Sen. Marco Rubio") or by
    /// an apposition right after it ("Joe Biden, the vice president,"). `Some(role)` when it
    /// is, with the titles as written when they precede the name.
    fn person_named(
        &self,
        lex: &Lexicon,
        body: &str,
        start: usize,
        end: usize,
        head: &str,
    ) -> Option<Option<String>> {
        // Titles before: the words right before the name that the lexicon lists as titles,
        // the last of which must have the head.
        let before = body.get(char_floor(body, start.saturating_sub(80))..start)?;
        let mut titles: Vec<&str> = before
            .split_whitespace()
            .rev()
            .take_while(|w| lex.title(w).is_some())
            .collect();
        if let Some(last) = titles.first()
            && self.title_is(last, head)
        {
            titles.reverse();
            return Some(Some(titles.join(" ")));
        }
        titles.clear();
        // A role noun right before the name ("presidential candidate Marco Rubio" ... "the
        // candidate").
        if before
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()) && w == head)
        {
            return Some(None);
        }
        // An apposition after: ", the vice president," / ", a former governor of Iowa,".
        let after = body.get(end..char_floor(body, body.len().min(end + 120)))?;
        let rest = after
            .strip_prefix(", the ")
            .or_else(|| after.strip_prefix(", a "))
            .or_else(|| after.strip_prefix(", an "))?;
        let phrase = rest.split([',', '.', ';', '(', '"', '\u{201C}']).next()?;
        let last = phrase
            .split_whitespace()
            .take(8)
            .take_while(|w| !matches!(*w, "of" | "on" | "for" | "at" | "in" | "from" | "with"))
            .last()?;
        (last.to_lowercase() == head).then_some(None)
    }

    /// Whether the organization mentioned at `start..end` is named `head`: a word of its
    /// name ("Bank of England" → "the bank", "Supreme Court" → "the court") or, for "the
    /// company", a company form ending it ("Acme Widgets Inc"), or, for "the newspaper", a
    /// news outlet's word ("Wall Street Journal"), or, for "the agency", a public body's or
    /// a news agency's word ("U.S. Geological Survey", "Xinhua").
    fn organization_named(&self, body: &str, start: usize, end: usize, head: &str) -> bool {
        let Some(name) = body.get(start..end) else {
            return false;
        };
        let mut words = name.split_whitespace().map(|w| {
            w.trim_end_matches(['.', ','])
                .trim_end_matches("'s")
                .trim_end_matches("\u{2019}s")
        });
        if words.clone().any(|w| w.eq_ignore_ascii_case(head)) {
            return true;
        }
        // "the newspaper" after "The Wall Street Journal" (a descriptor naming its own outlet,
        // "the national Asahi newspaper", was turned away before the scan).
        if self.media_heads.contains(head) {
            return words.any(|w| self.media_names.contains(w));
        }
        // "the agency" after "the Centers for Disease Control and Prevention" or Xinhua.
        if self.agency_heads.contains(head) {
            return words.any(|w| self.agency_names.contains(w) || self.media_names.contains(w));
        }
        // The form may follow the entity's mention ("Acme Widgets Inc." with the entities
        // stage stopping before "Inc.").
        let next = body
            .get(end..char_floor(body, body.len().min(end + 16)))
            .and_then(|a| a.split_whitespace().next())
            .map(|w| w.trim_end_matches(['.', ',']));
        self.company_heads.contains(head)
            && (words.next_back().is_some_and(|w| self.company_form(w))
                || next.is_some_and(|w| self.company_form(w)))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // A test fixture: failing loudly is the point.

    use super::*;

    #[test]
    fn lists_parse_and_abbreviations_expand() {
        let heads = Heads::bundled().unwrap();
        assert_eq!(heads.title_head("Sen."), "senator");
        assert_eq!(heads.title_head("President"), "president");
        assert!(heads.company_forms.contains("plc"));
        assert!(heads.company_heads.contains("company"));
    }

    #[test]
    fn titles_before_and_appositions_after_name_the_person() {
        let heads = Heads::bundled().unwrap();
        let lex = Lexicon::bundled().unwrap();
        let body = "Vice President Joe Biden spoke. Florida Sen. Jane Roe and Ann Lee, the governor of Ohio, came.";
        let at = |s: &str| body.find(s).map(|i| (i, i + s.len())).unwrap();
        let (a, b) = at("Joe Biden");
        assert_eq!(
            heads.person_named(&lex, body, a, b, "president"),
            Some(Some("Vice President".to_owned()))
        );
        assert_eq!(heads.person_named(&lex, body, a, b, "senator"), None);
        let (a, b) = at("Jane Roe");
        assert_eq!(
            heads.person_named(&lex, body, a, b, "senator"),
            Some(Some("Sen.".to_owned()))
        );
        let (a, b) = at("Ann Lee");
        assert_eq!(heads.person_named(&lex, body, a, b, "governor"), Some(None));
    }

    #[test]
    fn organizations_by_a_word_of_their_name_or_a_company_form() {
        let heads = Heads::bundled().unwrap();
        let body = "Bank of England and Acme Widgets Inc. and Widget Works met.";
        let at = |s: &str| body.find(s).map(|i| (i, i + s.len())).unwrap();
        let (a, b) = at("Bank of England");
        assert!(heads.organization_named(body, a, b, "bank"));
        assert!(!heads.organization_named(body, a, b, "company"));
        let (a, b) = at("Acme Widgets");
        assert!(heads.organization_named(body, a, b, "company"));
        let (a, b) = at("Widget Works");
        assert!(!heads.organization_named(body, a, b, "company"));
    }
}
