//! Reader for TimeML 1.2.1 files as distributed for TempEval-3 (`.tml`).
//!
//! A file has a `<DCT>` with the document creation time as a `TIMEX3`
//! (`functionInDocument="CREATION_TIME"`) and a `<TEXT>` with inline `TIMEX3`, `EVENT` and
//! `SIGNAL` tags. The reader strips the tags from `<TEXT>`, splits the text into paragraphs
//! at blank lines (trimmed, joined by [`tally_core::PARAGRAPH_SEPARATOR`] exactly as
//! [`tally_core::Document::new`] joins them) and keeps every tag as a [`Tag`] with its
//! byte range in that body.
//!
//! ```
//! let xml = r#"<TimeML><DOCID>x</DOCID>
//! <DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
//! <TEXT>
//! Flu deaths <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t3" type="DATE" value="2013-03-22">Friday</TIMEX3>.
//!
//! Second paragraph.
//! </TEXT></TimeML>"#;
//! let doc = tally_eval::timeml::parse(xml, "x.tml").unwrap();
//! assert_eq!(doc.body, "Flu deaths said Friday.\n\nSecond paragraph.");
//! assert_eq!(doc.dct_date().unwrap().to_string(), "2013-03-22");
//! let t = &doc.timexes()[0];
//! assert_eq!((&doc.body[t.span.clone()], t.attr("value")), ("Friday", Some("2013-03-22")));
//! ```

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::Event;
use tally_core::{Document, DocumentMeta, Published, PublishedSource};

use crate::EvalError;

/// A tag inside `<TEXT>` (or the DCT's `TIMEX3`), with its range in [`TimemlDoc::body`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// Element name: `TIMEX3`, `EVENT`, `SIGNAL`.
    pub name: String,
    /// Every attribute (`tid`, `type`, `value`, `mod`, `eid`, `class`, ...).
    pub attrs: BTreeMap<String, String>,
    /// Byte range in the body (empty for the DCT, which is outside the body).
    pub span: Range<usize>,
    /// The tagged text as written.
    pub text: String,
}

impl Tag {
    /// An attribute's value; empty attributes count as missing.
    #[must_use]
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

/// One TimeML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimemlDoc {
    /// Where it was read from.
    pub path: String,
    /// `<DOCID>`, when present.
    pub doc_id: Option<String>,
    /// The DCT `TIMEX3`.
    pub dct: Option<Tag>,
    /// The text of `<TEXT>` without tags, paragraphs joined by a blank line.
    pub body: String,
    /// The paragraphs' ranges in the body.
    pub paragraphs: Vec<Range<usize>>,
    /// Tags inside `<TEXT>`, in document order.
    pub tags: Vec<Tag>,
}

impl TimemlDoc {
    /// The `TIMEX3` tags inside `<TEXT>` (the DCT excluded).
    #[must_use]
    pub fn timexes(&self) -> Vec<&Tag> {
        self.tags.iter().filter(|t| t.name == "TIMEX3").collect()
    }

    /// The DCT's date (`1998-02-06` from `1998-02-06T22:29:00`).
    #[must_use]
    pub fn dct_date(&self) -> Option<jiff::civil::Date> {
        self.dct.as_ref()?.attr("value")?.get(..10)?.parse().ok()
    }

    /// A [`Document`] with this body (same offsets) and the DCT as publication date.
    #[must_use]
    pub fn document(&self) -> Document {
        let meta = DocumentMeta {
            published: self
                .dct_date()
                .map(|d| Published::date(d, PublishedSource::Metadata)),
            language: Some("en".to_owned()),
            ..DocumentMeta::default()
        };
        Document::new(meta, self.paragraphs.iter().map(|r| &self.body[r.clone()]))
    }
}

/// Reads and parses one `.tml` file.
///
/// # Errors
/// [`EvalError::Data`] naming the file when it cannot be read or parsed.
pub fn read_file(path: &Path) -> Result<TimemlDoc, EvalError> {
    let name = path.display().to_string();
    let xml = std::fs::read_to_string(path).map_err(|e| EvalError::Data {
        path: name.clone(),
        message: e.to_string(),
    })?;
    parse(&xml, &name)
}

/// Where the reader is.
#[derive(PartialEq, Eq)]
enum Section {
    Other,
    DocId,
    Dct,
    Text,
}

/// Parses TimeML; `path` only names the source in errors.
///
/// # Errors
/// [`EvalError::Data`] naming `path` for malformed XML or a file without `<TEXT>`.
pub fn parse(xml: &str, path: &str) -> Result<TimemlDoc, EvalError> {
    let err = |message: String| EvalError::Data {
        path: path.to_owned(),
        message,
    };
    let mut reader = Reader::from_str(xml);
    let mut section = Section::Other;
    let mut raw = String::new();
    let mut doc_id = String::new();
    let mut seen_text = false;
    // Open tags inside TEXT: (name, attrs, raw start).
    let mut open: Vec<(String, BTreeMap<String, String>, usize)> = Vec::new();
    let mut raw_tags: Vec<(String, BTreeMap<String, String>, Range<usize>)> = Vec::new();
    let mut dct: Option<Tag> = None;
    let mut dct_open: Option<(BTreeMap<String, String>, String)> = None;

    loop {
        let event = reader
            .read_event()
            .map_err(|e| err(format!("bad XML at byte {}: {e}", reader.error_position())))?;
        let mut text_piece: Option<String> = None;
        match &event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let name = e.name().as_ref().to_owned();
                let empty = matches!(event, Event::Empty(_));
                match (name.as_str(), &section) {
                    ("DOCID", _) => section = Section::DocId,
                    ("DCT", _) => section = Section::Dct,
                    ("TEXT", _) => {
                        section = Section::Text;
                        seen_text = true;
                    }
                    ("TIMEX3", Section::Dct) => {
                        dct_open = Some((attributes(e).map_err(&err)?, String::new()));
                        if empty && let Some((attrs, text)) = dct_open.take() {
                            dct = Some(Tag {
                                name,
                                attrs,
                                span: 0..0,
                                text,
                            });
                        }
                    }
                    (_, Section::Text) => {
                        let attrs = attributes(e).map_err(&err)?;
                        if empty {
                            raw_tags.push((name, attrs, raw.len()..raw.len()));
                        } else {
                            open.push((name, attrs, raw.len()));
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                let name = e.name().as_ref().to_owned();
                match (name.as_str(), &section) {
                    ("DOCID" | "DCT" | "TEXT", _) => section = Section::Other,
                    ("TIMEX3", Section::Dct) => {
                        if let Some((attrs, text)) = dct_open.take() {
                            dct = Some(Tag {
                                name,
                                attrs,
                                span: 0..0,
                                text,
                            });
                        }
                    }
                    (_, Section::Text) => {
                        if let Some(pos) = open.iter().rposition(|(n, _, _)| *n == name) {
                            let (n, attrs, start) = open.remove(pos);
                            raw_tags.push((n, attrs, start..raw.len()));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => text_piece = Some(t.xml10_content().into_owned()),
            Event::CData(t) => text_piece = Some(t.xml10_content().into_owned()),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => predefined_entity(&r.xml10_content()),
                };
                let c = c.ok_or_else(|| err(format!("unknown entity &{};", r.xml10_content())))?;
                text_piece = Some(c.to_string());
            }
            _ => {}
        }
        if let Some(piece) = text_piece {
            match section {
                Section::Text => raw.push_str(&piece),
                Section::DocId => doc_id.push_str(&piece),
                Section::Dct => {
                    if let Some((_, text)) = dct_open.as_mut() {
                        text.push_str(&piece);
                    }
                }
                Section::Other => {}
            }
        }
    }
    if !seen_text {
        return Err(err("no <TEXT> element".to_owned()));
    }
    let (body, paragraphs, map) = paragraphs_of(&raw);
    raw_tags.sort_by_key(|(_, _, r)| (r.start, std::cmp::Reverse(r.end)));
    let tags = raw_tags
        .into_iter()
        .map(|(name, attrs, r)| {
            // Some gold tags take in a space (`<EVENT> Turning</EVENT>`): spans cover the
            // words only.
            let inner = &raw[r.clone()];
            let lead = inner.len() - inner.trim_start().len();
            let r = r.start + lead..r.start + lead + inner.trim().len();
            let text = raw[r.clone()].to_owned();
            let span = map(r.start, true)..map(r.end, false);
            let span = span.start..span.end.max(span.start);
            Tag {
                name,
                attrs,
                span,
                text,
            }
        })
        .collect();
    let doc_id = doc_id.trim();
    Ok(TimemlDoc {
        path: path.to_owned(),
        doc_id: (!doc_id.is_empty()).then(|| doc_id.to_owned()),
        dct,
        body,
        paragraphs,
        tags,
    })
}

/// Splits raw text into trimmed paragraphs at blank lines and returns the joined body,
/// the paragraph ranges and a map from raw offsets to body offsets (`start` picks the
/// side of a boundary an offset belongs to).
#[allow(clippy::type_complexity)]
fn paragraphs_of(
    raw: &str,
) -> (
    String,
    Vec<Range<usize>>,
    Box<dyn Fn(usize, bool) -> usize + '_>,
) {
    let mut body = String::new();
    let mut ranges = Vec::new();
    // (raw start, raw end, body start) per paragraph.
    let mut pieces: Vec<(usize, usize, usize)> = Vec::new();
    for (start, end) in split_blank_lines(raw) {
        let text = &raw[start..end];
        let lead = text.len() - text.trim_start().len();
        let trimmed = text.trim();
        if !trimmed.is_empty() {
            if !body.is_empty() {
                body.push_str(tally_core::PARAGRAPH_SEPARATOR);
            }
            let b = body.len();
            body.push_str(trimmed);
            ranges.push(b..body.len());
            pieces.push((start + lead, start + lead + trimmed.len(), b));
        }
    }
    let map = move |x: usize, is_start: bool| -> usize {
        // The paragraph holding x (a start belongs to the one it opens).
        let i = pieces.partition_point(|p| if is_start { p.1 <= x } else { p.1 < x });
        match pieces.get(i) {
            Some(&(rs, re, b)) => b + x.clamp(rs, re) - rs,
            None => pieces.last().map_or(0, |&(rs, re, b)| b + re - rs),
        }
    };
    (body, ranges, Box::new(map))
}

/// Byte ranges of the stretches between blank lines.
fn split_blank_lines(raw: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            // Look for another newline with only spaces/tabs/CR between.
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                out.push((start, i));
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out.push((start, raw.len()));
    out
}

fn attributes(e: &quick_xml::events::BytesStart<'_>) -> Result<BTreeMap<String, String>, String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>ABC1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
  In <TIMEX3 tid="t85" type="DURATION" value="P1D">the last twenty four hours</TIMEX3>, stocks &amp; bonds
fell.

<TIMEX3 tid="t196" type="DATE" value="PRESENT_REF">Now</TIMEX3> they <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t2" type="DATE" value="1998-01-07" mod="END">late yesterday</TIMEX3>.
</TEXT>
</TimeML>"#;

    #[test]
    fn strips_tags_and_keeps_offsets() {
        let doc = parse(SAMPLE, "s.tml").unwrap();
        assert_eq!(
            doc.body,
            "In the last twenty four hours, stocks & bonds\nfell.\n\nNow they said late yesterday."
        );
        assert_eq!(doc.doc_id.as_deref(), Some("ABC1"));
        assert_eq!(
            doc.dct_date().map(|d| d.to_string()).as_deref(),
            Some("1998-01-08")
        );
        let texts: Vec<_> = doc
            .timexes()
            .iter()
            .map(|t| &doc.body[t.span.clone()])
            .collect();
        assert_eq!(
            texts,
            ["the last twenty four hours", "Now", "late yesterday"]
        );
        for t in &doc.tags {
            assert_eq!(doc.body[t.span.clone()], t.text);
        }
        assert_eq!(doc.timexes()[2].attr("mod"), Some("END"));
        assert_eq!(doc.document().body, doc.body);
    }

    #[test]
    fn errors_name_the_file() {
        let e = parse("<TimeML><DOCID>x</DOCID></TimeML>", "none.tml").unwrap_err();
        assert!(e.to_string().starts_with("none.tml: "), "{e}");
        assert!(parse("<TimeML><TEXT>a &bogus; b</TEXT></TimeML>", "e.tml").is_err());
    }

    #[test]
    fn reads_the_real_corpus_when_present() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/eval/tempeval3/Training/TBAQ-cleaned");
        let (mut docs, mut timexes) = (0, 0);
        for sub in ["TimeBank", "AQUAINT"] {
            let Ok(entries) = std::fs::read_dir(root.join(sub)) else {
                eprintln!("skipping: {} is absent", root.display());
                return;
            };
            for entry in entries.flatten() {
                let doc = read_file(&entry.path()).unwrap();
                assert!(doc.dct_date().is_some(), "{}", doc.path);
                for t in &doc.tags {
                    assert_eq!(doc.body[t.span.clone()], t.text, "{}", doc.path);
                }
                timexes += doc.timexes().len();
                docs += 1;
            }
        }
        assert_eq!((docs, timexes), (256, 1822));
    }
}
