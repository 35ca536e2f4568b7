//! Reader for NewsReader MEANTIME CAT XML (the English Wikinews section).
//!
//! A CAT file holds tokens (`<token t_id sentence number>`), markables that point at tokens
//! through `<token_anchor t_id>`, and relations between markables. There are no character
//! offsets in the file, so the reader rebuilds the text: each gold sentence becomes one
//! paragraph, paragraphs are joined by [`tally_core::PARAGRAPH_SEPARATOR`] exactly as
//! [`tally_core::Document::new`] joins them, and tokens inside a sentence are spaced the way
//! English is printed (no space before `,` `.` `'s` `n't` `%` `)`, none after `(` `$` or
//! an opening quote). Every token keeps its byte range in that text.
//!
//! # API
//! - [`read_file`] / [`parse`] give a [`MeantimeDoc`]: `text`, `paragraphs()`, `tokens`,
//!   `markables`, `relations`, and [`MeantimeDoc::document`] to build the
//!   [`tally_core::Document`] to run a pipeline on (same body, same offsets).
//! - Markables are kept generically ([`Markable`]: id, [`MarkableKind`], every XML
//!   attribute, anchored tokens, covering byte span) so any layer can be scored:
//!   `TIMEX3` (`type`, `value`, `functionInDocument`, `anchorTimeID`), `VALUE` (`type`
//!   QUANTITY/MONEY/PERCENT), `ENTITY_MENTION` (`syntactic_type`, `head`), `EVENT_MENTION`
//!   (`pred`, `tense`, `aspect`, `polarity`, `certainty`, ...), `SIGNAL`, and the token-less
//!   instances `ENTITY` (`ent_type`, `TAG_DESCRIPTOR`, `external_ref`) and `EVENT`
//!   (`class`, e.g. `SPEECH_COGNITIVE`).
//! - Relations ([`Relation`]: `REFERS_TO`, `HAS_PARTICIPANT` with `sem_role`, `TLINK`,
//!   `SLINK`, `GLINK`, `CLINK`) keep their sources, target and attributes.
//! - Helpers: [`MeantimeDoc::dct`] (the `CREATION_TIME` TIMEX3),
//!   [`MeantimeDoc::dct_date`], [`MeantimeDoc::annotated_extent`] (only the first
//!   sentences of each article are annotated), [`MeantimeDoc::markable`], [`MeantimeDoc::of_kind`],
//!   [`MeantimeDoc::text_of`], [`MeantimeDoc::instance_of`] (mention → instance via
//!   `REFERS_TO`), [`MeantimeDoc::participants`] (event mention → `(sem_role, mention)` via
//!   `HAS_PARTICIPANT`).
//!
//! ```
//! let xml = r#"<Document doc_id="1" doc_name="x" lang="en" url="http://w">
//!   <token t_id="1" sentence="0" number="0">Airbus</token>
//!   <token t_id="2" sentence="0" number="1">said</token>
//!   <token t_id="3" sentence="0" number="2">Tuesday</token>
//!   <token t_id="4" sentence="0" number="3">.</token>
//!   <Markables>
//!     <TIMEX3 m_id="9" type="DATE" value="2008-03-04" functionInDocument="NONE">
//!       <token_anchor t_id="3"/></TIMEX3>
//!   </Markables><Relations/></Document>"#;
//! let doc = tally_eval::meantime::parse(xml, "x.xml").unwrap();
//! assert_eq!(doc.text, "Airbus said Tuesday.");
//! let timex = doc.of_kind(tally_eval::meantime::MarkableKind::Timex3).next().unwrap();
//! assert_eq!(doc.text_of(timex), Some("Tuesday"));
//! assert_eq!(timex.attr("value"), Some("2008-03-04"));
//! ```
//!
//! # Limitations
//! Paragraph breaks of the original article are not in the file, so every sentence is a
//! paragraph. Penn Treebank quotes (`` `` `` and `''`) are printed as `“` and `”` so quote
//! detection sees real quotation marks; [`Token::text`] keeps the file's form.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use tally_core::{Document, DocumentMeta, PARAGRAPH_SEPARATOR, Published, PublishedSource};

use crate::EvalError;

/// A token of the file, with its place in the rebuilt text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The file's `t_id`.
    pub id: String,
    /// The file's `sentence` number.
    pub sentence: u32,
    /// The token as written in the file (entities decoded).
    pub text: String,
    /// Byte range in [`MeantimeDoc::text`].
    pub span: Range<usize>,
}

/// The kind of a markable, from its element name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MarkableKind {
    /// `TIMEX3`: a time expression (or the DCT, `functionInDocument="CREATION_TIME"`).
    Timex3,
    /// `VALUE`: a quantity, money amount or percentage span.
    Value,
    /// `ENTITY_MENTION`: a mention of an entity in the text.
    EntityMention,
    /// `EVENT_MENTION`: a mention of an event in the text.
    EventMention,
    /// `SIGNAL`: a temporal signal word ("before", "on").
    Signal,
    /// `ENTITY`: an entity instance (no tokens).
    Entity,
    /// `EVENT`: an event instance (no tokens).
    Event,
    /// Any other element inside `<Markables>`.
    Other(String),
}

impl MarkableKind {
    fn from_tag(tag: &str) -> MarkableKind {
        match tag {
            "TIMEX3" => MarkableKind::Timex3,
            "VALUE" => MarkableKind::Value,
            "ENTITY_MENTION" => MarkableKind::EntityMention,
            "EVENT_MENTION" => MarkableKind::EventMention,
            "SIGNAL" => MarkableKind::Signal,
            "ENTITY" => MarkableKind::Entity,
            "EVENT" => MarkableKind::Event,
            other => MarkableKind::Other(other.to_owned()),
        }
    }
}

/// A markable: an annotated mention (anchored to tokens) or an instance (no tokens).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markable {
    /// The file's `m_id`.
    pub id: String,
    /// What it is.
    pub kind: MarkableKind,
    /// Every attribute of the element, decoded (`type`, `value`, `syntactic_type`, ...).
    pub attrs: BTreeMap<String, String>,
    /// Indices into [`MeantimeDoc::tokens`] of the anchored tokens, in file order.
    pub tokens: Vec<usize>,
    /// The byte range from the first anchored token's start to the last one's end; `None`
    /// for instances and non-consuming (token-less) timexes.
    pub span: Option<Range<usize>>,
}

impl Markable {
    /// An attribute's value; empty attributes count as missing.
    #[must_use]
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

/// The kind of a relation, from its element name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RelationKind {
    /// `REFERS_TO`: mention(s) → instance.
    RefersTo,
    /// `HAS_PARTICIPANT`: event mention → entity mention, with `sem_role`.
    HasParticipant,
    /// `TLINK`: temporal relation.
    Tlink,
    /// `SLINK`: subordination.
    Slink,
    /// `GLINK`: grammatical link.
    Glink,
    /// `CLINK`: causal link.
    Clink,
    /// Any other element inside `<Relations>`.
    Other(String),
}

impl RelationKind {
    fn from_tag(tag: &str) -> RelationKind {
        match tag {
            "REFERS_TO" => RelationKind::RefersTo,
            "HAS_PARTICIPANT" => RelationKind::HasParticipant,
            "TLINK" => RelationKind::Tlink,
            "SLINK" => RelationKind::Slink,
            "GLINK" => RelationKind::Glink,
            "CLINK" => RelationKind::Clink,
            other => RelationKind::Other(other.to_owned()),
        }
    }
}

/// A relation between markables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// The file's `r_id`.
    pub id: String,
    /// What it is.
    pub kind: RelationKind,
    /// Every attribute (`sem_role`, `reltype`, ...).
    pub attrs: BTreeMap<String, String>,
    /// Source markable ids (`REFERS_TO` may have several).
    pub sources: Vec<String>,
    /// Target markable ids (normally one).
    pub targets: Vec<String>,
}

impl Relation {
    /// An attribute's value; empty attributes count as missing.
    #[must_use]
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

/// One MEANTIME document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeantimeDoc {
    /// Where it was read from.
    pub path: String,
    /// `doc_id`.
    pub doc_id: String,
    /// `doc_name`.
    pub doc_name: String,
    /// `url`, when present.
    pub url: Option<String>,
    /// `lang`, when present.
    pub lang: Option<String>,
    /// The rebuilt text: one paragraph per sentence.
    pub text: String,
    /// Byte range of each sentence (paragraph) in [`MeantimeDoc::text`].
    pub sentences: Vec<Range<usize>>,
    /// Tokens in file order.
    pub tokens: Vec<Token>,
    /// Markables in file order.
    pub markables: Vec<Markable>,
    /// Relations in file order.
    pub relations: Vec<Relation>,
    by_id: HashMap<String, usize>,
}

impl MeantimeDoc {
    /// The paragraphs (one per sentence), to feed [`Document::new`].
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.sentences.iter().map(|r| &self.text[r.clone()])
    }

    /// A [`Document`] with this text as its body (same offsets), the url, and the DCT as
    /// publication date when there is one.
    #[must_use]
    pub fn document(&self) -> Document {
        let meta = DocumentMeta {
            url: self.url.clone(),
            published: self
                .dct_date()
                .map(|d| Published::date(d, PublishedSource::Metadata)),
            language: self.lang.clone(),
            ..DocumentMeta::default()
        };
        Document::new(meta, self.paragraphs())
    }

    /// A markable by `m_id`.
    #[must_use]
    pub fn markable(&self, id: &str) -> Option<&Markable> {
        self.by_id.get(id).and_then(|&i| self.markables.get(i))
    }

    /// Markables of one kind, in file order.
    pub fn of_kind(&self, kind: MarkableKind) -> impl Iterator<Item = &Markable> {
        self.markables.iter().filter(move |m| m.kind == kind)
    }

    /// Relations of one kind, in file order.
    pub fn relations_of(&self, kind: RelationKind) -> impl Iterator<Item = &Relation> {
        self.relations.iter().filter(move |r| r.kind == kind)
    }

    /// The text a markable covers (first to last anchored token), if it has tokens.
    #[must_use]
    pub fn text_of(&self, markable: &Markable) -> Option<&str> {
        markable.span.clone().and_then(|r| self.text.get(r))
    }

    /// The annotated part of the text: MEANTIME annotates only the first sentences of each
    /// article (title, date line and about four more), so scorers should ignore predictions
    /// past this point. Runs from 0 to the end of the last sentence holding a token of any
    /// markable.
    #[must_use]
    pub fn annotated_extent(&self) -> Range<usize> {
        let last_sentence = self
            .markables
            .iter()
            .flat_map(|m| m.tokens.iter())
            .filter_map(|&i| self.tokens.get(i))
            .map(|t| t.sentence)
            .max();
        let end = last_sentence
            .and_then(|s| {
                self.tokens
                    .iter()
                    .filter(|t| t.sentence == s)
                    .map(|t| t.span.end)
                    .max()
            })
            .unwrap_or(0);
        0..end
    }

    /// The document creation time: the TIMEX3 with `functionInDocument="CREATION_TIME"`.
    #[must_use]
    pub fn dct(&self) -> Option<&Markable> {
        self.of_kind(MarkableKind::Timex3)
            .find(|m| m.attr("functionInDocument") == Some("CREATION_TIME"))
    }

    /// The DCT's value as a date, when it is one (`2008-03-01`; one file writes
    /// `03-02-2009`, day first, which is read as 3 February 2009). A file without a
    /// `CREATION_TIME` TIMEX3 (two in the corpus) has its dateline annotated as an ordinary
    /// one: the full date that makes up the sentence after the title.
    #[must_use]
    pub fn dct_date(&self) -> Option<jiff::civil::Date> {
        let value = match self.dct() {
            Some(dct) => dct.attr("value")?,
            None => self.dateline()?.attr("value")?,
        };
        parse_day(value)
    }

    /// A TIMEX3 that is the whole second sentence (the line after the title), with a
    /// full date as value.
    fn dateline(&self) -> Option<&Markable> {
        let second: Vec<usize> = (0..self.tokens.len())
            .filter(|&t| self.tokens[t].sentence == 1)
            .collect();
        self.of_kind(MarkableKind::Timex3).find(|m| {
            !m.tokens.is_empty()
                && m.tokens == second
                && m.attr("value").and_then(parse_day).is_some()
        })
    }

    /// The instance (`ENTITY` or `EVENT`) a mention refers to, through `REFERS_TO`.
    #[must_use]
    pub fn instance_of(&self, mention_id: &str) -> Option<&Markable> {
        self.relations_of(RelationKind::RefersTo)
            .find(|r| r.sources.iter().any(|s| s == mention_id))
            .and_then(|r| r.targets.first())
            .and_then(|t| self.markable(t))
    }

    /// The participants of an event mention through `HAS_PARTICIPANT`, as
    /// `(sem_role, participant mention)`; `sem_role` is `""` when the file leaves it empty.
    pub fn participants<'a>(
        &'a self,
        event_mention_id: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a Markable)> + 'a {
        self.relations_of(RelationKind::HasParticipant)
            .filter(move |r| r.sources.iter().any(|s| s == event_mention_id))
            .filter_map(move |r| {
                let target = self.markable(r.targets.first()?)?;
                Some((r.attr("sem_role").unwrap_or(""), target))
            })
    }
}

/// Reads and parses one CAT XML file.
///
/// # Errors
/// [`EvalError::Data`] naming the file when it cannot be read or is not CAT XML.
pub fn read_file(path: &Path) -> Result<MeantimeDoc, EvalError> {
    let name = path.display().to_string();
    let xml = std::fs::read_to_string(path).map_err(|e| EvalError::Data {
        path: name.clone(),
        message: e.to_string(),
    })?;
    parse(&xml, &name)
}

/// Where the parser is in the file.
enum Section {
    Top,
    Markables,
    Relations,
}

/// Parses CAT XML; `path` only names the source in errors.
///
/// # Errors
/// [`EvalError::Data`] naming `path` for malformed XML, a missing `Document` element,
/// a token anchor to an unknown token, or a markable without `m_id`.
pub fn parse(xml: &str, path: &str) -> Result<MeantimeDoc, EvalError> {
    let err = |message: String| EvalError::Data {
        path: path.to_owned(),
        message,
    };
    let mut reader = Reader::from_str(xml);
    let mut raw_tokens: Vec<(String, u32, String)> = Vec::new();
    let mut doc_attrs = None;
    let mut markables: Vec<(Markable, Vec<String>)> = Vec::new();
    let mut relations: Vec<Relation> = Vec::new();
    let mut section = Section::Top;
    // The token being read: id, sentence, text so far.
    let mut in_token: Option<(String, u32, String)> = None;
    // Whether the last markable/relation element is still open (its children follow).
    let mut open_markable = false;
    let mut open_relation = false;

    loop {
        let event = reader
            .read_event()
            .map_err(|e| err(format!("bad XML at byte {}: {e}", reader.error_position())))?;
        match event {
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let tag = e.name().as_ref().to_owned();
                let attrs = attributes(e).map_err(&err)?;
                match (&section, tag.as_str()) {
                    (_, "Document") => doc_attrs = Some(attrs),
                    (Section::Top, "token") => {
                        let id = attrs.get("t_id").cloned().unwrap_or_default();
                        let sentence = attrs
                            .get("sentence")
                            .and_then(|s| s.parse().ok())
                            .unwrap_or(0);
                        if empty {
                            raw_tokens.push((id, sentence, String::new()));
                        } else {
                            in_token = Some((id, sentence, String::new()));
                        }
                    }
                    (_, "Markables") => section = Section::Markables,
                    (_, "Relations") => section = Section::Relations,
                    (Section::Markables, "token_anchor") if open_markable => {
                        if let (Some(last), Some(t)) = (markables.last_mut(), attrs.get("t_id")) {
                            last.1.push(t.clone());
                        }
                    }
                    (Section::Markables, _) => {
                        let id = attrs
                            .get("m_id")
                            .cloned()
                            .ok_or_else(|| err(format!("{tag} without m_id")))?;
                        markables.push((
                            Markable {
                                id,
                                kind: MarkableKind::from_tag(&tag),
                                attrs,
                                tokens: Vec::new(),
                                span: None,
                            },
                            Vec::new(),
                        ));
                        open_markable = !empty;
                    }
                    (Section::Relations, "source" | "target") if open_relation => {
                        if let (Some(last), Some(m)) = (relations.last_mut(), attrs.get("m_id")) {
                            if tag == "source" {
                                last.sources.push(m.clone());
                            } else {
                                last.targets.push(m.clone());
                            }
                        }
                    }
                    (Section::Relations, _) => {
                        relations.push(Relation {
                            id: attrs.get("r_id").cloned().unwrap_or_default(),
                            kind: RelationKind::from_tag(&tag),
                            attrs,
                            sources: Vec::new(),
                            targets: Vec::new(),
                        });
                        open_relation = !empty;
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                if let Some(tok) = in_token.as_mut() {
                    tok.2.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some(tok) = in_token.as_mut() {
                    tok.2.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(tok) = in_token.as_mut() {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        _ => predefined_entity(&r.xml10_content()),
                    };
                    match resolved {
                        Some(c) => tok.2.push(c),
                        None => {
                            return Err(err(format!("unknown entity &{};", r.xml10_content())));
                        }
                    }
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "token" => {
                    if let Some(tok) = in_token.take() {
                        raw_tokens.push(tok);
                    }
                }
                "Markables" | "Relations" => section = Section::Top,
                name => match section {
                    Section::Markables if name != "token_anchor" => open_markable = false,
                    Section::Relations if name != "source" && name != "target" => {
                        open_relation = false;
                    }
                    _ => {}
                },
            },
            _ => {}
        }
    }

    let doc_attrs = doc_attrs.ok_or_else(|| err("no <Document> element".to_owned()))?;
    let (text, sentences, tokens) = rebuild_text(raw_tokens);
    let token_index: HashMap<&str, usize> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut resolved = Vec::with_capacity(markables.len());
    for (mut markable, anchors) in markables {
        for t in &anchors {
            let i = *token_index.get(t.as_str()).ok_or_else(|| {
                err(format!(
                    "markable {} anchors unknown token {t}",
                    markable.id
                ))
            })?;
            markable.tokens.push(i);
        }
        let first = markable.tokens.iter().min().map(|&i| tokens[i].span.start);
        let last = markable.tokens.iter().max().map(|&i| tokens[i].span.end);
        markable.span = first.zip(last).map(|(a, b)| a..b);
        resolved.push(markable);
    }
    let by_id = resolved
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.clone(), i))
        .collect();
    let get = |k: &str| doc_attrs.get(k).filter(|v| !v.is_empty()).cloned();
    Ok(MeantimeDoc {
        path: path.to_owned(),
        doc_id: get("doc_id").unwrap_or_default(),
        doc_name: get("doc_name").unwrap_or_default(),
        url: get("url"),
        lang: get("lang"),
        text,
        sentences,
        tokens,
        markables: resolved,
        relations,
        by_id,
    })
}

fn attributes(e: &BytesStart<'_>) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    for attr in e.attributes() {
        let attr = attr.map_err(|x| format!("bad attribute: {x}"))?;
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|x| format!("bad attribute value: {x}"))?;
        out.insert(attr.key.as_ref().to_owned(), value.into_owned());
    }
    Ok(out)
}

fn predefined_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// Tokens that attach to the previous token (no space before them).
fn attaches_left(tok: &str) -> bool {
    matches!(
        tok,
        "," | "." | ";" | ":" | "%" | ")" | "]" | "}" | "?" | "!" | "''" | "”" | "’" | "..."
    ) || (tok.starts_with('\'') && tok.len() <= 3)
        || tok.eq_ignore_ascii_case("n't")
}

/// Tokens that attach to the next token (no space after them).
fn attaches_right(tok: &str) -> bool {
    matches!(
        tok,
        "(" | "[" | "{" | "$" | "£" | "€" | "#" | "``" | "“" | "‘"
    ) || (tok.ends_with('$') && tok.len() <= 3)
}

/// Joins tokens into text: sentences become paragraphs, tokens are spaced as printed.
fn rebuild_text(raw: Vec<(String, u32, String)>) -> (String, Vec<Range<usize>>, Vec<Token>) {
    let mut text = String::new();
    let mut sentences: Vec<Range<usize>> = Vec::new();
    let mut tokens = Vec::with_capacity(raw.len());
    let mut current: Option<u32> = None;
    let mut sentence_start = 0;
    let mut glue_next = false;
    // Straight double quotes alternate between opening and closing within a sentence.
    let mut open_straight = false;
    for (id, sentence, tok) in raw {
        let tok_text = tok.trim().to_owned();
        if current != Some(sentence) {
            if current.is_some() && text.len() > sentence_start {
                sentences.push(sentence_start..text.len());
            }
            if !text.is_empty() && text.len() > sentence_start {
                text.push_str(PARAGRAPH_SEPARATOR);
            }
            sentence_start = text.len();
            current = Some(sentence);
            glue_next = true;
            open_straight = false;
        }
        let shown = match tok_text.as_str() {
            "``" => "“",
            "''" => "”",
            other => other,
        };
        let is_straight = shown == "\"";
        let left = if is_straight {
            open_straight
        } else {
            attaches_left(&tok_text)
        };
        if !glue_next && !left && !shown.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(shown);
        let end = text.len();
        glue_next = if is_straight {
            !open_straight
        } else {
            attaches_right(&tok_text) || (shown.is_empty() && glue_next)
        };
        if is_straight {
            open_straight = !open_straight;
        }
        tokens.push(Token {
            id,
            sentence,
            text: tok_text,
            span: start..end,
        });
    }
    if current.is_some() && text.len() > sentence_start {
        sentences.push(sentence_start..text.len());
    }
    (text, sentences, tokens)
}

/// A day written `YYYY-MM-DD` (anything after it ignored: `2008-03-01T10:00`) or, as one
/// MEANTIME file does, `DD-MM-YYYY` (month first only when the first part cannot be a
/// month).
fn parse_day(value: &str) -> Option<jiff::civil::Date> {
    if let Ok(d) = value.get(..10)?.parse() {
        return Some(d);
    }
    let mut parts = value.get(..10)?.split('-');
    let (a, b, y): (i8, i8, i16) = (
        parts.next()?.parse().ok()?,
        parts.next()?.parse().ok()?,
        parts.next()?.parse().ok()?,
    );
    let (month, day) = if b > 12 { (a, b) } else { (b, a) };
    jiff::civil::Date::new(y, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" ?><Document doc_id="7" doc_name="seven" lang="en" url="http://en.wikinews.org/x">
<token number="0" sentence="0" t_id="1">Boeing</token>
<token number="1" sentence="0" t_id="2">wins</token>
<token number="2" sentence="1" t_id="3">March</token>
<token number="3" sentence="1" t_id="4">01</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2008</token>
<token number="6" sentence="2" t_id="7">``</token>
<token number="7" sentence="2" t_id="8">We</token>
<token number="8" sentence="2" t_id="9">won</token>
<token number="9" sentence="2" t_id="10">$</token>
<token number="10" sentence="2" t_id="11">40</token>
<token number="11" sentence="2" t_id="12">billion</token>
<token number="12" sentence="2" t_id="13">,</token>
<token number="13" sentence="2" t_id="14">''</token>
<token number="14" sentence="2" t_id="15">S&amp;P</token>
<token number="15" sentence="2" t_id="16">said</token>
<token number="16" sentence="2" t_id="17">Friday</token>
<token number="17" sentence="2" t_id="18">.</token>
<Markables>
<ENTITY_MENTION comment="" head="" m_id="1" syntactic_type="NAM"><token_anchor t_id="15"/></ENTITY_MENTION>
<EVENT_MENTION m_id="2" pred="say" tense="PAST"><token_anchor t_id="16"/></EVENT_MENTION>
<VALUE m_id="3" type="MONEY"><token_anchor t_id="10"/><token_anchor t_id="11"/><token_anchor t_id="12"/></VALUE>
<TIMEX3 anchorTimeID="" functionInDocument="CREATION_TIME" m_id="4" type="DATE" value="2008-03-01"><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>
<TIMEX3 anchorTimeID="4" functionInDocument="NONE" m_id="5" type="DATE" value="2008-02-29"><token_anchor t_id="17"/></TIMEX3>
<TIMEX3 TAG_DESCRIPTOR="2058" functionInDocument="NONE" m_id="6" type="DATE" value="2058"/>
<ENTITY TAG_DESCRIPTOR="S&amp;P" ent_type="ORG" m_id="10"/>
<EVENT TAG_DESCRIPTOR="say" class="SPEECH_COGNITIVE" m_id="11"/>
</Markables>
<Relations>
<REFERS_TO r_id="100"><source m_id="1"/><target m_id="10"/></REFERS_TO>
<REFERS_TO r_id="101"><source m_id="2"/><target m_id="11"/></REFERS_TO>
<HAS_PARTICIPANT r_id="102" sem_role="Arg0"><source m_id="2"/><target m_id="1"/></HAS_PARTICIPANT>
<TLINK r_id="103" reltype="INCLUDES"><source m_id="5"/><target m_id="2"/></TLINK>
</Relations>
</Document>"#;

    #[test]
    fn rebuilds_text_as_printed_with_sentences_as_paragraphs() {
        let doc = parse(SAMPLE, "sample.xml").unwrap();
        assert_eq!(
            doc.text,
            "Boeing wins\n\nMarch 01, 2008\n\n“We won $40 billion,” S&P said Friday."
        );
        assert_eq!(doc.paragraphs().count(), 3);
        for t in &doc.tokens {
            let shown = &doc.text[t.span.clone()];
            assert!(
                shown == t.text || t.text == "``" || t.text == "''",
                "{shown}"
            );
        }
        assert_eq!(doc.document().body, doc.text, "same body, same offsets");
    }

    #[test]
    fn reads_markables_with_spans_and_attributes() {
        assert_eq!(
            parse_day("03-02-2009").map(|d| d.to_string()).as_deref(),
            Some("2009-02-03")
        );
        assert_eq!(
            parse_day("2008-03-01T10:00")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2008-03-01")
        );
        let doc = parse(SAMPLE, "sample.xml").unwrap();
        let value = doc.markable("3").unwrap();
        assert_eq!(value.kind, MarkableKind::Value);
        assert_eq!(doc.text_of(value), Some("$40 billion"));
        assert_eq!(doc.dct().map(|m| m.id.as_str()), Some("4"));
        assert_eq!(
            doc.dct_date().map(|d| d.to_string()).as_deref(),
            Some("2008-03-01")
        );
        let implicit = doc.markable("6").unwrap();
        assert_eq!(implicit.span, None, "non-consuming timex has no span");
        assert_eq!(
            doc.markable("10").unwrap().attr("TAG_DESCRIPTOR"),
            Some("S&P")
        );
        assert_eq!(doc.of_kind(MarkableKind::Timex3).count(), 3);
        assert_eq!(doc.annotated_extent(), 0..doc.text.len());
    }

    #[test]
    fn follows_relations() {
        let doc = parse(SAMPLE, "sample.xml").unwrap();
        let event = doc.instance_of("2").unwrap();
        assert_eq!(event.attr("class"), Some("SPEECH_COGNITIVE"));
        let speakers: Vec<_> = doc
            .participants("2")
            .map(|(role, m)| (role, doc.text_of(m).unwrap_or("")))
            .collect();
        assert_eq!(speakers, vec![("Arg0", "S&P")]);
        let tlink = doc.relations_of(RelationKind::Tlink).next().unwrap();
        assert_eq!(tlink.attr("reltype"), Some("INCLUDES"));
        assert_eq!(
            (tlink.sources.as_slice(), tlink.targets.as_slice()),
            (&["5".to_owned()][..], &["2".to_owned()][..])
        );
    }

    #[test]
    fn errors_name_the_file() {
        let e = parse(
            "<Document><Markables><TIMEX3 type=\"DATE\"/></Markables></Document>",
            "bad.xml",
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("bad.xml: "), "{e}");
        assert!(parse("<nothing/>", "none.xml").is_err());
        let e = parse(
            "<Document><token t_id=\"1\" sentence=\"0\">a</token><Markables><VALUE m_id=\"1\"><token_anchor t_id=\"9\"/></VALUE></Markables></Document>",
            "anchor.xml",
        )
        .unwrap_err();
        assert!(e.to_string().contains("unknown token 9"), "{e}");
    }

    #[test]
    fn reads_the_real_corpus_when_present() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/eval/meantime/intra-doc_annotation");
        let Ok(corpora) = std::fs::read_dir(&root) else {
            eprintln!("skipping: {} is absent", root.display());
            return;
        };
        let (mut docs, mut timexes) = (0, 0);
        for corpus in corpora.flatten() {
            for entry in std::fs::read_dir(corpus.path()).unwrap().flatten() {
                let doc = read_file(&entry.path()).unwrap();
                for m in &doc.markables {
                    if let Some(r) = &m.span {
                        assert!(doc.text.get(r.clone()).is_some());
                    }
                }
                timexes += doc.of_kind(MarkableKind::Timex3).count();
                assert_eq!(doc.document().body, doc.text);
                docs += 1;
            }
        }
        assert_eq!((docs, timexes), (120, 525));
    }
}
