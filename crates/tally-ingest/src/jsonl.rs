//! JSON Lines: one article per line.
//!
//! Finds: per line, an object with `url`, `title`, `published`, and `text` or `html`;
//! also `canonical_url`, `publisher`, `agency`, `byline` (or `author`), `language`.
//! Aliases common in scraper dumps: `body`/`content` for `text`, `date` for `published`,
//! `headline` for `title`, `link` for `url`. Every other field is kept in `extra`.
//!
//! Example: `{"url": "https://x.example/a", "title": "T", "published": "2024-12-18",
//! "text": "KYIV (Reuters) - ...", "section": "world"}` becomes a document with agency
//! Reuters and `extra.section = "world"`.
//!
//! Limitations: a line longer than the per-record limit is skipped (and reported) without
//! being held in memory; a `published` value that is not ISO 8601 is kept in `extra` with
//! a warning; invalid UTF-8 is decoded lossily with a warning; a blank line is skipped.

use std::io::{self, BufRead};
use std::path::PathBuf;

use serde_json::Value;
use tally_core::{Diagnostic, Document, Origin, Published};

use crate::html::{self, PageSource};
use crate::record::{self, Parsed, Record};
use crate::{IngestError, IngestOptions, Records, article, text};

/// Reads records from `reader`, one per line.
pub fn records(reader: Box<dyn BufRead>, path: PathBuf, options: IngestOptions) -> Records {
    Box::new(Lines {
        reader,
        name: path.display().to_string(),
        options,
        line: 0,
        buf: Vec::new(),
        done: false,
    })
}

struct Lines {
    reader: Box<dyn BufRead>,
    name: String,
    options: IngestOptions,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

enum Line {
    Eof,
    Ok,
    TooLong(u64),
}

/// Reads one line into `buf` unless it is longer than `limit`; a longer line is consumed
/// without being stored, so memory stays at `limit` whatever the input.
fn read_line(reader: &mut dyn BufRead, buf: &mut Vec<u8>, limit: u64) -> io::Result<Line> {
    buf.clear();
    let mut total = 0u64;
    let mut any = false;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(if !any {
                Line::Eof
            } else if total > limit {
                Line::TooLong(total)
            } else {
                Line::Ok
            });
        }
        any = true;
        let (used, end) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        total += used as u64;
        if total <= limit + 1 {
            buf.extend_from_slice(&chunk[..used]);
        } else {
            buf.clear();
        }
        reader.consume(used);
        if end {
            return Ok(if total > limit + 1 {
                Line::TooLong(total)
            } else {
                Line::Ok
            });
        }
    }
}

impl Iterator for Lines {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.line += 1;
            let record = format!("line {}", self.line);
            let error = |message: String| IngestError::Record {
                path: self.name.clone(),
                record: record.clone(),
                message,
            };
            match read_line(
                &mut *self.reader,
                &mut self.buf,
                self.options.max_document_bytes,
            ) {
                Ok(Line::Eof) => self.done = true,
                Ok(Line::TooLong(size)) => {
                    return Some(Err(error(format!(
                        "{size} bytes is more than the {}-byte limit for one record; skipped",
                        self.options.max_document_bytes
                    ))));
                }
                Ok(Line::Ok) => {
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let (text, warning) =
                        crate::decode(&self.buf, || format!("{}: {record}", self.name));
                    return Some(parse_record(&text, &self.name, &record, &self.options).map(
                        |mut doc| {
                            doc.diagnostics.extend(warning);
                            doc
                        },
                    ));
                }
                Err(e) => {
                    // A read error (a truncated gzip stream, a bomb) ends the file.
                    self.done = true;
                    return Some(Err(error(e.to_string())));
                }
            }
        }
        None
    }
}

/// Parses one JSON object into a document.
///
/// # Errors
/// [`IngestError::Record`] naming the record for invalid JSON, a non-object, or no text.
pub fn parse_record(
    line: &str,
    path: &str,
    record: &str,
    options: &IngestOptions,
) -> Result<Document, IngestError> {
    let error = |message: String| IngestError::Record {
        path: path.to_owned(),
        record: record.to_owned(),
        message,
    };
    let parsed = record::parse(line).map_err(|e| error(format!("invalid JSON: {e}")))?;
    let Parsed::Object(mut fields) = parsed else {
        return Err(error("expected a JSON object".to_owned()));
    };
    let url = fields.take(&["url", "link"]);
    let mut diagnostics = Vec::new();
    let mut doc = if let Some(html) = fields.take(&["html"]) {
        let source = PageSource {
            path,
            record: Some(record.to_owned()),
            url: url.as_deref(),
            format: "jsonl",
        };
        let mut doc = html::parse_page(&html, &source, options)?;
        // The record's own fields win over what the page says.
        set_fields(&mut doc.meta, fields, url, &mut diagnostics, path, record);
        doc.refresh_id();
        doc
    } else if let Some(text) = fields.take(&["text", "body", "content"]) {
        let mut article = article::assemble(text::blocks(&text), false);
        if article.paragraphs.is_empty() {
            return Err(error("no text".to_owned()));
        }
        article.meta.origin = Some(Origin {
            path: path.to_owned(),
            record: Some(record.to_owned()),
            format: "jsonl".to_owned(),
        });
        let mut meta = article.meta;
        set_fields(&mut meta, fields, url, &mut diagnostics, path, record);
        crate::apply_wire_markers(&mut meta, &mut article.paragraphs);
        crate::finish_meta(&mut meta, options, &article.paragraphs);
        Document::new(meta, article.paragraphs)
    } else {
        return Err(error("no \"text\" or \"html\" field".to_owned()));
    };
    doc.diagnostics.extend(diagnostics);
    Ok(doc)
}

fn set_fields(
    meta: &mut tally_core::DocumentMeta,
    mut fields: Box<Record<'_>>,
    url: Option<String>,
    diagnostics: &mut Vec<Diagnostic>,
    path: &str,
    record: &str,
) {
    if url.is_some() {
        meta.url = url;
    }
    if let Some(v) = fields.take(&["canonical_url"]) {
        meta.canonical_url = Some(v);
    }
    if let Some(v) = fields.take(&["title", "headline"]) {
        meta.title = Some(v);
    }
    if let Some(v) = fields.take(&["publisher"]) {
        meta.publisher = Some(v);
    }
    if let Some(v) = fields.take(&["byline", "author"]) {
        meta.byline = Some(v);
    }
    if let Some(v) = fields.take(&["agency"]) {
        meta.agency = Some(v);
    }
    if let Some(v) = fields.take(&["language"]) {
        meta.language = Some(v);
    }
    if let Some(raw) = fields.take(&["published", "date"]) {
        match Published::parse_iso(&raw) {
            Ok(p) => meta.published = Some(p),
            Err(_) => {
                diagnostics.push(Diagnostic::warning(
                    "I009",
                    format!("{path}: {record}: unreadable publication time {raw:?}; kept in extra"),
                ));
                meta.extra
                    .insert("published_raw".to_owned(), Value::from(raw));
            }
        }
    }
    for (key, value) in fields.extra {
        meta.extra.insert(key, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &str, limit: u64) -> Vec<Result<Document, IngestError>> {
        let options = IngestOptions {
            max_document_bytes: limit,
            ..IngestOptions::default()
        };
        let reader: Box<dyn BufRead> = Box::new(io::Cursor::new(input.as_bytes().to_vec()));
        records(reader, PathBuf::from("dump.jsonl"), options).collect()
    }

    #[test]
    fn fields_aliases_and_extra() {
        let out = read_all(
            "{\"url\":\"https://www.reuters.com/a\",\"headline\":\"Cocoa\",\"date\":\"1987-02-26\",\"body\":\"SALVADOR, Feb 26 (Reuters) - Showers continued throughout the week.\",\"newid\":1}\n",
            1 << 20,
        );
        let doc = out[0].as_ref().unwrap();
        assert_eq!(doc.meta.title.as_deref(), Some("Cocoa"));
        assert_eq!(
            doc.meta
                .published
                .as_ref()
                .map(|p| p.date.to_string())
                .as_deref(),
            Some("1987-02-26")
        );
        assert_eq!(doc.meta.extra["newid"], 1);
        assert_eq!(doc.meta.agency.as_deref(), Some("Reuters"));
        assert_eq!(
            doc.meta.origin.as_ref().and_then(|o| o.record.as_deref()),
            Some("line 1")
        );
    }

    #[test]
    fn bad_lines_are_reported_with_their_number_and_the_rest_goes_on() {
        let input = "{\"text\":\"First story text.\"}\n\nnot json\n[1,2]\n{\"title\":\"no text\"}\n{\"text\":\"Last story text.\",\"published\":\"26-FEB-1987\"}\n";
        let out = read_all(input, 1 << 20);
        assert_eq!(out.len(), 5, "the blank line is skipped");
        assert!(out[0].is_ok());
        let messages: Vec<String> = out[1..4]
            .iter()
            .map(|r| r.as_ref().unwrap_err().to_string())
            .collect();
        assert!(
            messages[0].starts_with("dump.jsonl: line 3: invalid JSON"),
            "{}",
            messages[0]
        );
        assert!(messages[1].contains("line 4: expected a JSON object"));
        assert!(messages[2].contains("line 5: no \"text\" or \"html\" field"));
        let last = out[4].as_ref().unwrap();
        assert_eq!(last.meta.extra["published_raw"], "26-FEB-1987");
        assert_eq!(last.diagnostics[0].code, "I009");
    }

    #[test]
    fn an_overlong_line_is_skipped_without_holding_it() {
        let big = format!("{{\"text\":\"{}\"}}", "a".repeat(5000));
        let input = format!("{{\"text\":\"before\"}}\n{big}\n{{\"text\":\"after\"}}");
        let out = read_all(&input, 1000);
        assert_eq!(out.len(), 3);
        let err = out[1].as_ref().unwrap_err().to_string();
        assert!(
            err.contains("line 2") && err.contains("more than the 1000-byte limit"),
            "{err}"
        );
        assert_eq!(
            out[2].as_ref().unwrap().body,
            "after",
            "a last line without newline is read"
        );
    }

    #[test]
    fn a_100_mb_line_is_skipped_in_bounded_memory() {
        use std::io::Read;
        // Streamed, never allocated: the reader holds at most the limit of it.
        let huge = io::Cursor::new(b"{\"text\":\"".to_vec())
            .chain(io::repeat(b'a').take(100 << 20))
            .chain(io::Cursor::new(b"\"}\n{\"text\":\"after\"}\n".to_vec()));
        let reader: Box<dyn BufRead> = Box::new(io::BufReader::new(huge));
        let out: Vec<_> =
            records(reader, PathBuf::from("big.jsonl"), IngestOptions::default()).collect();
        assert_eq!(out.len(), 2);
        let err = out[0].as_ref().unwrap_err().to_string();
        assert!(
            err.starts_with("big.jsonl: line 1: 104857612 bytes is more than"),
            "{err}"
        );
        assert_eq!(out[1].as_ref().unwrap().body, "after");
    }

    #[test]
    fn invalid_utf8_is_decoded_with_a_warning() {
        let reader: Box<dyn BufRead> = Box::new(io::Cursor::new(
            b"{\"text\":\"caf\xe9 in Kyiv\"}\n".to_vec(),
        ));
        let out: Vec<_> =
            records(reader, PathBuf::from("x.jsonl"), IngestOptions::default()).collect();
        let doc = out[0].as_ref().unwrap();
        assert!(doc.body.contains('\u{fffd}'));
        assert_eq!(doc.diagnostics[0].code, "I006");
    }

    #[test]
    fn html_records_use_the_page_reader() {
        let line = serde_json::json!({
            "url": "https://www.france24.com/x",
            "title": "From the record",
            "html": "<html><head><meta property=\"og:title\" content=\"From the page\"></head><body><article><p>North Korean forces have suffered several hundred casualties in Kursk, a senior U.S. military official said on Tuesday in Washington.</p></article></body></html>"
        });
        let out = read_all(&format!("{line}\n"), 1 << 20);
        let doc = out[0].as_ref().unwrap();
        assert_eq!(doc.meta.title.as_deref(), Some("From the record"));
        assert_eq!(doc.meta.url.as_deref(), Some("https://www.france24.com/x"));
        assert!(doc.body.starts_with("North Korean forces"));
    }
}
