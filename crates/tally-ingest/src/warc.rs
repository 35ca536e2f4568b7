//! WARC and WARC.gz: `response` records carrying HTML pages, as in news crawls (Common
//! Crawl's CC-NEWS).
//!
//! Finds: each `response` record whose HTTP `Content-Type` is HTML; its `WARC-Target-URI`
//! is the page url and `WARC-Date` (the crawl time, not the publication time) goes to
//! `extra.crawled`. Request, metadata, `warcinfo` and non-HTML responses are skipped.
//!
//! Example: a CC-NEWS file holds `warcinfo`, then a `request`/`response` pair per page;
//! each response with `Content-Type: text/html` becomes one document, record name
//! `record 12 <urn:uuid:...>`.
//!
//! Framing is read here rather than with the `warc` crate's readers, which buffer a record
//! (and a header line) without bound and cannot resynchronize after a bad length; headers
//! are parsed with that crate's parser. A record longer than the per-record limit is
//! skipped by reading past it; a record whose `Content-Length` does not end at a record
//! boundary is reported and the reader resynchronizes at the next `WARC/` line (searching
//! at most the per-record limit). Gzip members are streamed (see `sniff`); a truncated or
//! corrupt gzip stream ends the file with an error naming the record it was in.
//!
//! Limitations: `Transfer-Encoding: chunked` and gzip/deflate `Content-Encoding` payloads
//! are undone; brotli is not; charsets other than UTF-8 are decoded lossily with a warning.

use std::io::{self, BufRead, Read};
use std::path::PathBuf;

use tally_core::Document;

use crate::html::{self, PageSource};
use crate::{IngestError, IngestOptions, Records};

/// Largest header block (WARC or HTTP) accepted.
const MAX_HEADER: usize = 256 * 1024;

/// Reads documents from the records of a WARC stream.
pub fn records(reader: Box<dyn BufRead>, path: PathBuf, options: IngestOptions) -> Records {
    Box::new(WarcRecords {
        reader,
        name: path.display().to_string(),
        options,
        index: 0,
        offset: 0,
        current: String::new(),
        done: false,
    })
}

struct WarcRecords {
    reader: Box<dyn BufRead>,
    name: String,
    options: IngestOptions,
    index: u64,
    /// Bytes consumed from the (decompressed) stream, for error messages.
    offset: u64,
    /// The record id being read, for errors.
    current: String,
    done: bool,
}

struct Header {
    kind: String,
    id: String,
    uri: Option<String>,
    date: Option<String>,
    length: u64,
}

enum Step {
    Document(Box<Document>),
    Skip,
    Error(String),
    Fatal(String),
}

impl WarcRecords {
    fn record_name(&self, id: &str) -> String {
        if id.is_empty() {
            format!("record {} at byte {}", self.index, self.offset)
        } else {
            format!("record {} {id}", self.index)
        }
    }

    /// Reads one line (up to `limit` bytes) into `line`; returns bytes consumed.
    fn line(&mut self, line: &mut Vec<u8>, limit: usize) -> io::Result<usize> {
        line.clear();
        let n = (&mut self.reader)
            .take(limit as u64)
            .read_until(b'\n', line)?;
        self.offset += n as u64;
        Ok(n)
    }

    /// Reads the WARC header block, skipping blank lines before it and, after a framing
    /// error, anything up to the next `WARC/` line.
    fn header(&mut self) -> Result<Option<(Vec<u8>, u64)>, String> {
        let mut line = Vec::new();
        let mut skipped = 0u64;
        loop {
            let n = self
                .line(&mut line, MAX_HEADER)
                .map_err(|e| e.to_string())?;
            if n == 0 {
                return Ok(None);
            }
            if line.starts_with(b"WARC/") {
                break;
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                skipped += n as u64;
                if skipped > self.options.max_document_bytes {
                    return Err(format!(
                        "no WARC record header in {skipped} bytes at byte {}; giving up on the file",
                        self.offset
                    ));
                }
            }
        }
        let mut block = line.clone();
        loop {
            let n = self
                .line(&mut line, MAX_HEADER)
                .map_err(|e| e.to_string())?;
            if n == 0 {
                return Err("file ends inside a WARC header".to_owned());
            }
            block.extend_from_slice(&line);
            if line == b"\r\n" || line == b"\n" {
                break;
            }
            if block.len() > MAX_HEADER {
                return Err(format!("WARC header longer than {MAX_HEADER} bytes"));
            }
        }
        Ok(Some((block, skipped)))
    }

    fn step(&mut self) -> Option<Step> {
        self.current.clear();
        let (block, _skipped) = match self.header() {
            Ok(Some(h)) => h,
            Ok(None) => return None,
            Err(e) => return Some(Step::Fatal(e)),
        };
        self.index += 1;
        let header = match parse_header(&block) {
            Ok(h) => h,
            Err(e) => return Some(Step::Error(e)),
        };
        self.current.clone_from(&header.id);
        let name = self.record_name(&header.id);
        let limit = self.options.max_document_bytes;
        if header.length > limit {
            let skipped = io::copy(&mut (&mut self.reader).take(header.length), &mut io::sink());
            self.offset += skipped.as_ref().map_or(0, |n| *n);
            return Some(match skipped {
                Ok(n) if n == header.length => Step::Error(format!(
                    "{} bytes is more than the {limit}-byte limit for one record; skipped",
                    header.length
                )),
                Ok(n) => Step::Fatal(format!("truncated: {n} of {} bytes", header.length)),
                Err(e) => Step::Fatal(e.to_string()),
            });
        }
        let mut content = Vec::with_capacity(header.length as usize);
        match (&mut self.reader)
            .take(header.length)
            .read_to_end(&mut content)
        {
            Ok(n) => self.offset += n as u64,
            Err(e) => return Some(Step::Fatal(e.to_string())),
        }
        if (content.len() as u64) < header.length {
            return Some(Step::Fatal(format!(
                "truncated: {} of {} bytes of content",
                content.len(),
                header.length
            )));
        }
        // A record ends with CRLF CRLF; anything else means Content-Length was wrong.
        let mut end = [0u8; 4];
        let got = match read_up_to(&mut self.reader, &mut end) {
            Ok(n) => n,
            Err(e) => return Some(Step::Fatal(e.to_string())),
        };
        self.offset += got as u64;
        if got > 0 && end[..got] != b"\r\n\r\n"[..got] {
            return Some(Step::Error(format!(
                "Content-Length {} does not end at a record boundary; skipped to the next record",
                header.length
            )));
        }
        if header.kind != "response" {
            return Some(Step::Skip);
        }
        match http_html(&content, limit) {
            Ok(Some(body)) => {
                let (text, warning) = crate::decode(&body, || format!("{}: {name}", self.name));
                let source = PageSource {
                    path: &self.name,
                    record: Some(name.clone()),
                    url: header.uri.as_deref(),
                    format: "warc",
                };
                match html::parse_page(&text, &source, &self.options) {
                    Ok(mut doc) => {
                        doc.diagnostics.extend(warning);
                        if let Some(date) = header.date {
                            doc.meta.extra.insert("crawled".to_owned(), date.into());
                        }
                        Some(Step::Document(Box::new(doc)))
                    }
                    Err(e) => Some(Step::Error(match e {
                        IngestError::Record { message, .. } => message,
                        other => other.to_string(),
                    })),
                }
            }
            Ok(None) => Some(Step::Skip),
            Err(e) => Some(Step::Error(e)),
        }
    }
}

impl Iterator for WarcRecords {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let error = |this: &Self, message: String| IngestError::Record {
                path: this.name.clone(),
                record: this.record_name(&this.current),
                message,
            };
            match self.step() {
                None => self.done = true,
                Some(Step::Skip) => {}
                Some(Step::Document(doc)) => return Some(Ok(*doc)),
                Some(Step::Error(message)) => return Some(Err(error(self, message))),
                Some(Step::Fatal(message)) => {
                    self.done = true;
                    return Some(Err(error(self, message)));
                }
            }
        }
        None
    }
}

fn read_up_to(reader: &mut dyn BufRead, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match reader.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

fn parse_header(block: &[u8]) -> Result<Header, String> {
    let (_, (_, fields, length)) =
        ::warc::parser::headers(block).map_err(|_| "unreadable WARC header".to_owned())?;
    let get = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| String::from_utf8_lossy(v).trim().to_owned())
    };
    Ok(Header {
        kind: get("WARC-Type").unwrap_or_default().to_lowercase(),
        id: get("WARC-Record-ID").unwrap_or_default(),
        uri: get("WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_owned()),
        date: get("WARC-Date"),
        length: length as u64,
    })
}

/// The HTML body of an HTTP response, `None` when it is not HTML or not a success.
fn http_html(content: &[u8], limit: u64) -> Result<Option<Vec<u8>>, String> {
    let Some(split) = memchr::memmem::find(content, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(content, b"\n\n").map(|i| (i, i + 2)))
    else {
        return Err("no end of HTTP headers in the response".to_owned());
    };
    let head = String::from_utf8_lossy(&content[..split.0]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or_default();
    let code = status.split_whitespace().nth(1).unwrap_or_default();
    if !code.starts_with('2') {
        return Ok(None);
    }
    let mut content_type = String::new();
    let mut chunked = false;
    let mut encoding = String::new();
    for line in lines {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let v = v.trim().to_lowercase();
        match k.trim().to_lowercase().as_str() {
            "content-type" => content_type = v,
            "transfer-encoding" => chunked = v.contains("chunked"),
            "content-encoding" => encoding = v,
            _ => {}
        }
    }
    if !(content_type.contains("html") || content_type.is_empty()) {
        return Ok(None);
    }
    let mut body = content[split.1..].to_vec();
    if chunked {
        body = dechunk(&body).ok_or("malformed chunked transfer encoding")?;
    }
    match encoding.as_str() {
        "" | "identity" => {}
        "gzip" | "x-gzip" | "deflate" => {
            let mut out = Vec::new();
            let reader: Box<dyn Read> = if encoding == "deflate" {
                Box::new(flate2::read::ZlibDecoder::new(&body[..]))
            } else {
                Box::new(flate2::read::MultiGzDecoder::new(&body[..]))
            };
            reader
                .take(limit + 1)
                .read_to_end(&mut out)
                .map_err(|e| format!("bad {encoding} payload: {e}"))?;
            if out.len() as u64 > limit {
                return Err(format!("payload expands past the {limit}-byte limit"));
            }
            body = out;
        }
        other => return Err(format!("unsupported Content-Encoding {other:?}")),
    }
    if content_type.is_empty()
        && !crate::sniff::detect(std::path::Path::new(""), &body)
            .is_some_and(|f| f == crate::Format::Html)
    {
        return Ok(None);
    }
    Ok(Some(body))
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let line_end = memchr::memmem::find(data, b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size + 2..)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const PAGE: &str = "<html><head><title>Kursk</title></head><body><article><p>North Korean forces have suffered several hundred casualties fighting against Ukrainian troops in Russia's Kursk region, a senior U.S. military official said Tuesday.</p></article></body></html>";

    fn record(kind: &str, id: usize, content: &[u8], declared: Option<usize>) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: https://news.example/{id}\r\nWARC-Date: 2024-12-18T10:00:00Z\r\nContent-Length: {}\r\n\r\n",
            declared.unwrap_or(content.len())
        )
        .into_bytes();
        out.extend_from_slice(content);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn response(body: &str, content_type: &str) -> Vec<u8> {
        format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n{body}").into_bytes()
    }

    fn read(bytes: Vec<u8>) -> Vec<Result<Document, IngestError>> {
        let reader: Box<dyn BufRead> = Box::new(io::Cursor::new(bytes));
        records(
            reader,
            PathBuf::from("crawl.warc"),
            IngestOptions::default(),
        )
        .collect()
    }

    fn crawl() -> Vec<u8> {
        let mut w = record("warcinfo", 0, b"software: test\r\n", None);
        w.extend(record("request", 1, b"GET / HTTP/1.1\r\n\r\n", None));
        w.extend(record(
            "response",
            2,
            &response(PAGE, "text/html; charset=utf-8"),
            None,
        ));
        w.extend(record(
            "response",
            3,
            &response("{\"a\":1}", "application/json"),
            None,
        ));
        w.extend(record(
            "response",
            4,
            &response(&PAGE.replace("several hundred", "dozens of"), "text/html"),
            None,
        ));
        w
    }

    #[test]
    fn reads_html_responses_and_skips_the_rest() {
        let out = read(crawl());
        assert_eq!(out.len(), 2);
        let doc = out[0].as_ref().unwrap();
        assert_eq!(doc.meta.url.as_deref(), Some("https://news.example/2"));
        assert_eq!(doc.meta.extra["crawled"], "2024-12-18T10:00:00Z");
        let origin = doc.meta.origin.as_ref().unwrap();
        assert_eq!(
            (origin.format.as_str(), origin.record.as_deref()),
            ("warc", Some("record 3 <urn:uuid:2>"))
        );
        assert!(out[1].as_ref().unwrap().body.contains("dozens of"));
    }

    #[test]
    fn a_wrong_length_is_reported_and_the_next_record_is_still_read() {
        let mut w = record("response", 1, &response(PAGE, "text/html"), Some(60));
        w.extend(record("response", 2, &response(PAGE, "text/html"), None));
        let out = read(w);
        assert_eq!(out.len(), 2, "{out:?}");
        let err = out[0].as_ref().unwrap_err().to_string();
        assert!(
            err.contains("crawl.warc: record 1") && err.contains("Content-Length 60"),
            "{err}"
        );
        assert_eq!(
            out[1].as_ref().unwrap().meta.url.as_deref(),
            Some("https://news.example/2")
        );
    }

    #[test]
    fn gzip_members_stream_and_truncation_names_the_record() {
        let mut gz = Vec::new();
        for r in [record("warcinfo", 0, b"x", None), crawl()] {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            enc.write_all(&r).unwrap();
            gz.extend(enc.finish().unwrap());
        }
        let dir = tempdir();
        let path = dir.join("crawl.warc.gz");
        std::fs::write(&path, &gz).unwrap();
        let input = crate::sniff::open(&path).unwrap();
        let out: Vec<_> = records(input.reader, path.clone(), IngestOptions::default()).collect();
        assert_eq!(out.iter().filter(|r| r.is_ok()).count(), 2);

        std::fs::write(&path, &gz[..gz.len() - 300]).unwrap();
        let input = crate::sniff::open(&path).unwrap();
        let out: Vec<_> = records(input.reader, path.clone(), IngestOptions::default()).collect();
        let last = out.last().unwrap().as_ref().unwrap_err().to_string();
        assert!(last.contains("crawl.warc.gz: record"), "{last}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn oversized_records_are_skipped_and_garbage_is_bounded() {
        let options = IngestOptions {
            max_document_bytes: 1000,
            ..IngestOptions::default()
        };
        let mut w = record(
            "response",
            1,
            &response(&"x".repeat(5000), "text/html"),
            None,
        );
        w.extend(record("response", 2, &response(PAGE, "text/html"), None));
        let reader: Box<dyn BufRead> = Box::new(io::Cursor::new(w));
        let out: Vec<_> = records(reader, PathBuf::from("c.warc"), options.clone()).collect();
        assert!(
            out[0]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("limit for one record")
        );
        assert!(out[1].is_ok());
        let reader: Box<dyn BufRead> = Box::new(io::Cursor::new(vec![b'z'; 10_000]));
        let out: Vec<_> = records(reader, PathBuf::from("junk.warc"), options).collect();
        assert_eq!(out.len(), 1);
        assert!(
            out[0]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("no WARC record header")
        );
    }

    #[test]
    fn invalid_utf8_in_a_page_is_a_warning_not_a_loss() {
        let mut content = response("", "text/html; charset=iso-8859-1");
        content.extend(
            PAGE.replace("Tuesday", "Tuesday in Bogot\u{e1}")
                .replace('\u{e1}', "\u{0}")
                .as_bytes(),
        );
        let at = content.iter().position(|&b| b == 0).unwrap();
        content[at] = 0xe1;
        let out = read(record("response", 1, &content, None));
        let doc = out[0].as_ref().unwrap();
        assert!(doc.body.contains("Bogot\u{fffd}"));
        assert_eq!(doc.diagnostics[0].code, "I006");
    }

    #[test]
    fn chunked_and_gzip_payloads_are_undone() {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(PAGE.as_bytes()).unwrap();
        let gz = enc.finish().unwrap();
        let mut content = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
        content.extend(format!("{:x}\r\n", gz.len()).as_bytes());
        content.extend(&gz);
        content.extend(b"\r\n0\r\n\r\n");
        let out = read(record("response", 1, &content, None));
        assert!(out[0].as_ref().unwrap().body.contains("several hundred"));
    }

    fn tempdir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "tally-warc-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}
