//! Opening inputs: gzip is undone transparently (with a guard against decompression
//! bombs), and the format is detected from the extension or, failing that, the first bytes.
//!
//! Detection: `.warc`/`.warc.gz` → WARC; `.jsonl`/`.ndjson` → JSONL; `.rss`/`.atom` →
//! feed; `.html`/`.htm` → HTML; otherwise the content decides: `WARC/1.` → WARC, a `{` →
//! JSONL, an XML `<rss`, `<feed` or `<rdf:RDF` root → feed, `<!doctype html`, `<html`,
//! `<head` or `<body` → HTML; anything else is left to the Markdown/text rules.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::bufread::MultiGzDecoder;

use tally_core::Document;

use crate::{Format, IngestError, IngestOptions, Records, feed, html, jsonl, warc};

/// Bytes looked at to detect a format.
const HEAD: usize = 8192;
/// A gzip input may expand to at most this many times its compressed size (plus
/// [`BOMB_SLACK`]) before it is treated as a decompression bomb. News HTML and JSON
/// compress 5–15×; 200× leaves room for repetitive markup.
pub const MAX_GZIP_RATIO: u64 = 200;
const BOMB_SLACK: u64 = 64 * 1024 * 1024;

/// An opened input: a buffered reader over the (decompressed) bytes.
pub struct Input {
    /// The bytes.
    pub reader: Box<dyn BufRead>,
}

/// Opens `path` (or standard input for `-`), undoing gzip.
///
/// # Errors
/// [`IngestError::NotFound`], [`IngestError::IsDirectory`] or [`IngestError::Io`].
pub fn open(path: &Path) -> Result<Input, IngestError> {
    let name = path.display().to_string();
    let (mut raw, size): (Box<dyn BufRead>, Option<u64>) = if path.as_os_str() == "-" {
        (
            Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
            None,
        )
    } else {
        let meta = std::fs::metadata(path).map_err(|e| IngestError::io(path, e))?;
        if meta.is_dir() {
            return Err(IngestError::IsDirectory { path: name });
        }
        let file = File::open(path).map_err(|e| IngestError::io(path, e))?;
        (
            Box::new(BufReader::with_capacity(1 << 16, file)),
            Some(meta.len()),
        )
    };
    let head = raw.fill_buf().map_err(|e| IngestError::io(path, e))?;
    if head.starts_with(&[0x1f, 0x8b]) {
        let limit = size.map_or(u64::MAX, |s| {
            s.saturating_mul(MAX_GZIP_RATIO).saturating_add(BOMB_SLACK)
        });
        let decoder = Guard {
            inner: MultiGzDecoder::new(raw),
            read: 0,
            limit,
        };
        return Ok(Input {
            reader: Box::new(BufReader::with_capacity(1 << 16, decoder)),
        });
    }
    Ok(Input { reader: raw })
}

/// Stops a decompressor that expands past its limit, with an error saying so.
struct Guard<R> {
    inner: R,
    read: u64,
    limit: u64,
}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.limit {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "gzip expands past {} bytes ({}× its size): refusing a likely decompression bomb",
                    self.limit, MAX_GZIP_RATIO
                ),
            ));
        }
        Ok(n)
    }
}

/// The format `path` and its first bytes say, when it is one of the record formats or HTML;
/// `None` leaves the decision to the Markdown/text rules.
#[must_use]
pub fn detect(path: &Path, head: &[u8]) -> Option<Format> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.').map(|(_, e)| e);
    match ext {
        Some("warc" | "arc") => return Some(Format::Warc),
        Some("jsonl" | "ndjson" | "jsonlines") => return Some(Format::Jsonl),
        Some("rss" | "atom") => return Some(Format::Feed),
        Some("html" | "htm" | "xhtml") => return Some(Format::Html),
        Some("md" | "markdown" | "txt") => return None,
        _ => {}
    }
    let head = &head[..head.len().min(HEAD)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let text = String::from_utf8_lossy(&head[start..]).to_lowercase();
    if text.starts_with("warc/") {
        return Some(Format::Warc);
    }
    if text.starts_with('{') {
        return Some(Format::Jsonl);
    }
    if text.starts_with('<') {
        let root = text
            .match_indices('<')
            .map(|(i, _)| &text[i + 1..])
            .find(|t| !t.starts_with('?') && !t.starts_with('!'));
        if root.is_some_and(|r| {
            r.starts_with("rss") || r.starts_with("feed") || r.starts_with("rdf:rdf")
        }) {
            return Some(Format::Feed);
        }
        if text.starts_with("<!doctype html")
            || [
                "<html", "<head", "<body", "<meta", "<article", "<div", "<p>", "<p ",
            ]
            .iter()
            .any(|t| text.contains(t))
        {
            return Some(Format::Html);
        }
    }
    None
}

/// What a file is when its first bytes are a binary format's signature: files a user
/// passes by mistake (the store itself, as in `tally ingest news.db articles/` without
/// `--db`; an export; a PDF or an image), which read as text would become a garbage
/// article with hundreds of garbage claims.
pub(crate) fn binary_kind(head: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (
            b"SQLite format 3\0",
            "a SQLite database (a tally store is given with --db FILE)",
        ),
        (b"PAR1", "a Parquet file"),
        (b"%PDF-", "a PDF file (extract its text first)"),
        (b"PK\x03\x04", "a ZIP archive (unpack it first)"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| head.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// Reads the record formats (JSONL, WARC, feeds), HTML, anything gzip-compressed and
/// standard input. Returns `None` for an uncompressed Markdown or text file, which the
/// caller reads itself.
///
/// # Errors
/// A file-level [`IngestError`]; record-level errors come out of the iterator.
pub fn read(path: &Path, options: &IngestOptions) -> Result<Option<Records>, IngestError> {
    let by_name = options.format.or_else(|| detect(path, b""));
    let stdin = path.as_os_str() == "-";
    let compressed = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    if !stdin && !compressed && matches!(by_name, None | Some(Format::Markdown | Format::Text)) {
        // Cheap look at the first bytes without keeping the file open.
        let mut head = Vec::new();
        if let Ok(file) = File::open(path) {
            let _ = file.take(HEAD as u64).read_to_end(&mut head);
        }
        let sniffed = options.format.or_else(|| detect(path, &head));
        if !head.starts_with(&[0x1f, 0x8b])
            && matches!(sniffed, None | Some(Format::Markdown | Format::Text))
        {
            return Ok(None);
        }
    }
    let mut input = open(path)?;
    let head = input
        .reader
        .fill_buf()
        .map_err(|e| IngestError::io(path, e))?
        .to_vec();
    let format = options
        .format
        .unwrap_or_else(|| Format::detect(path, &head));
    let owned = path.to_path_buf();
    match format {
        Format::Jsonl => Ok(Some(jsonl::records(input.reader, owned, options.clone()))),
        Format::Warc => Ok(Some(warc::records(input.reader, owned, options.clone()))),
        Format::Feed => feed::records(input.reader, path, options).map(Some),
        Format::Html | Format::Markdown | Format::Text => {
            let name = path.display().to_string();
            let bytes = read_bounded(&mut input.reader, path, options.max_document_bytes)?;
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Err(IngestError::Empty { path: name });
            }
            let (text, warning) = crate::decode(&bytes, || name.clone());
            let doc: Result<Document, IngestError> = if format == Format::Html {
                let source = html::PageSource {
                    path: &name,
                    record: None,
                    url: None,
                    format: "html",
                };
                html::parse_page(&text, &source, options)
            } else {
                crate::parse_str(&text, format, &name, options)
            };
            let doc = doc.map(|mut d| {
                d.diagnostics.extend(warning);
                d
            });
            Ok(Some(Box::new(std::iter::once(doc))))
        }
    }
}

/// Reads at most `limit` bytes; more is [`IngestError::TooLarge`].
///
/// # Errors
/// [`IngestError::Io`] or [`IngestError::TooLarge`].
pub fn read_bounded(
    reader: &mut dyn BufRead,
    path: &Path,
    limit: u64,
) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(IngestError::TooLarge {
            path: path.display().to_string(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(name: &str, head: &str) -> Option<Format> {
        detect(Path::new(name), head.as_bytes())
    }

    #[test]
    fn extension_first_then_content() {
        assert_eq!(d("crawl.warc.gz", ""), Some(Format::Warc));
        assert_eq!(d("dump.jsonl", ""), Some(Format::Jsonl));
        assert_eq!(d("x.htm", ""), Some(Format::Html));
        assert_eq!(d("story.md", "<html>"), None);
        assert_eq!(d("noext", "WARC/1.0\r\n"), Some(Format::Warc));
        assert_eq!(d("noext", "\u{feff}  {\"url\": 1}"), Some(Format::Jsonl));
        assert_eq!(
            d("feed.xml", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            Some(Format::Feed)
        );
        assert_eq!(
            d(
                "feed.xml",
                "<?xml version=\"1.0\"?><!-- c --><feed xmlns=\"http://www.w3.org/2005/Atom\">"
            ),
            Some(Format::Feed)
        );
        assert_eq!(d("page", "<!DOCTYPE html><html>"), Some(Format::Html));
        assert_eq!(d("story", "# Title\n\nBody"), None);
    }

    #[test]
    fn binary_files_are_named_not_read_as_text() {
        assert_eq!(
            binary_kind(b"SQLite format 3\0\x10\x00"),
            Some("a SQLite database (a tally store is given with --db FILE)")
        );
        assert_eq!(binary_kind(b"PAR1\x15\x04"), Some("a Parquet file"));
        assert_eq!(binary_kind(b"# Title\n\nPARIS (AFP) - ..."), None);
    }

    #[test]
    fn gzip_bombs_stop_with_an_error() {
        use std::io::Write;
        let dir = std::env::temp_dir().join(format!("tally-sniff-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bomb.jsonl.gz");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![b' '; 1 << 20];
        // 96 MiB of spaces compresses to about 100 KB: past 200× + 64 MiB.
        for _ in 0..96 {
            gz.write_all(&zeros).unwrap();
        }
        std::fs::write(&path, gz.finish().unwrap()).unwrap();
        let mut input = open(&path).unwrap();
        let err = io::copy(&mut input.reader, &mut io::sink()).unwrap_err();
        assert!(err.to_string().contains("decompression bomb"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
