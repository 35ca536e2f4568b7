//! Reads news articles into [`tally_core::Document`]s.
//!
//! Formats: Markdown (the seed story's format), plain text, HTML pages (main text by
//! readability, metadata from JSON-LD, OpenGraph and `<meta>`), JSON Lines, WARC (HTML
//! `response` records) and RSS/Atom feeds, any of them gzipped; the format comes from the
//! extension, else the first bytes, unless the caller names it. Each input yields a stream
//! of records; a bad record is an error naming the file and record, and the stream goes on.
//! Metadata (title, byline, date line, photo credits, related links, source url) is
//! separated from the body; wire markers ("(Reuters) -", "— AFP") set the agency; the url's
//! host names the publisher (`data/ingest/outlets.tsv`, falling back to the host).
//!
//! Limits: one article per page or record (a live blog is one long document); text built
//! by JavaScript or inside `<iframe>`s is not seen; the furniture and credit wording is
//! English; the language is only guessed as English or unknown.
//!
//! Invalid UTF-8 is decoded lossily (U+FFFD for each bad sequence) with an `I006` warning
//! on the document that names the first bad byte: news archives often carry one stray
//! Latin-1 byte, and dropping the whole article for it would lose far more than it protects.
//! Feeds are decoded in the encoding their XML declaration names, the same way.
//!
//! ```
//! use tally_ingest::{Format, IngestOptions, parse_str};
//! let md = "# Title\n\nBy [AFP](#)\n\nDecember 18, 2024\n\nBody text.\n\nOriginal url:\n\n<https://www.themoscowtimes.com/a>\n";
//! let doc = parse_str(md, Format::Markdown, "story.md", &IngestOptions::default()).unwrap();
//! assert_eq!(doc.meta.publisher.as_deref(), Some("The Moscow Times"));
//! assert_eq!(doc.meta.source_chain, ["AFP", "The Moscow Times"]);
//! assert_eq!(doc.body, "Body text.");
//! ```

mod agencies;
mod article;
mod block;
mod dates;
mod error;
mod escape_cost;
mod feed;
mod front_matter;
mod furniture;
mod html;
mod jsonl;
mod language;
mod markdown;
mod nesting;
mod record;
mod sniff;
mod text;
mod warc;
mod wire;
mod wire_pattern;
mod xml_text;

pub use agencies::{agency, agency_in, host, publisher_for_url};
pub use error::IngestError;

use std::io::Read;
use std::path::{Path, PathBuf};

use tally_core::{Diagnostic, Document, Origin, Published, PublishedSource};

/// Largest single article, in bytes, read from a Markdown or text file. News articles are
/// rarely over 100 KB; a bigger file is almost always not one article.
pub const DEFAULT_MAX_DOCUMENT_BYTES: u64 = 16 * 1024 * 1024;

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown, as in the seed story.
    Markdown,
    /// Plain text.
    Text,
    /// An HTML page (main text by readability, metadata from JSON-LD, OpenGraph, meta).
    Html,
    /// JSON Lines, one article per line.
    Jsonl,
    /// WARC or WARC.gz: HTML response records of a crawl.
    Warc,
    /// An RSS or Atom feed: one article per item.
    Feed,
}

impl Format {
    /// Every format.
    pub const ALL: &'static [Format] = &[
        Format::Markdown,
        Format::Text,
        Format::Html,
        Format::Jsonl,
        Format::Warc,
        Format::Feed,
    ];

    /// The format's name as used in `Origin::format` and on the command line.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Warc => "warc",
            Format::Feed => "feed",
        }
    }

    /// The format called `name`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.iter().copied().find(|f| f.name() == name)
    }

    /// Detects the format from the file extension, then from the first bytes. Text files
    /// that carry Markdown (a `# ` title, `[text](url)` links, as scraped article dumps
    /// often do) are read as Markdown.
    #[must_use]
    pub fn detect(path: &Path, head: &[u8]) -> Format {
        if let Some(format) = sniff::detect(path, head) {
            return format;
        }
        let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        match ext.as_deref() {
            Some("md" | "markdown") => Format::Markdown,
            _ if looks_like_markdown(head) => Format::Markdown,
            _ => Format::Text,
        }
    }
}

fn looks_like_markdown(head: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    let head = head.trim_start();
    head.starts_with("# ") || head.contains("](") || head.contains("\n**")
}

/// Options that apply to every input.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Publication time given by the user; overrides what the input says.
    pub published: Option<Published>,
    /// Url given by the user; fills a missing one.
    pub url: Option<String>,
    /// Force a format instead of detecting it.
    pub format: Option<Format>,
    /// Largest single document in bytes.
    pub max_document_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            published: None,
            url: None,
            format: None,
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
        }
    }
}

/// The result of reading one input: documents, or errors naming the record.
pub type Records = Box<dyn Iterator<Item = Result<Document, IngestError>>>;

/// Expands paths: files stay, directories are walked recursively (sorted; hidden entries
/// and files without an article extension skipped), `-` means standard input. An
/// unlistable directory is an error in the list.
#[must_use]
pub fn expand(paths: &[PathBuf]) -> Vec<Result<PathBuf, IngestError>> {
    let mut out = Vec::new();
    for path in paths {
        walk(path, &mut out);
    }
    out
}

fn walk(path: &Path, out: &mut Vec<Result<PathBuf, IngestError>>) {
    if path.as_os_str() == "-" || !path.is_dir() {
        out.push(Ok(path.to_path_buf()));
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(source) => {
            out.push(Err(IngestError::io(path, source)));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            !name.starts_with('.') && (p.is_dir() || is_article_file(&name))
        })
        .collect();
    children.sort();
    for child in children {
        walk(&child, out);
    }
}

/// Extensions read when walking a directory (each also gzip-compressed): article formats
/// only, so code, images and spreadsheets beside the articles are left alone. Files named
/// explicitly are always read.
const ARTICLE_EXTENSIONS: &[&str] = &[
    "md",
    "markdown",
    "txt",
    "text",
    "html",
    "htm",
    "xhtml",
    "jsonl",
    "ndjson",
    "jsonlines",
    "warc",
    "arc",
    "rss",
    "atom",
    "xml",
];

fn is_article_file(name: &str) -> bool {
    let name = name.strip_suffix(".gz").unwrap_or(name);
    match name.rsplit_once('.') {
        Some((_, ext)) => ARTICLE_EXTENSIONS.contains(&ext),
        None => true,
    }
}

/// Reads one input file (or `-` for standard input) into documents.
///
/// # Errors
/// A file-level [`IngestError`]: missing, a directory, unreadable, too large, empty.
/// Record-level errors come out of the returned iterator.
pub fn read(path: &Path, options: &IngestOptions) -> Result<Records, IngestError> {
    if let Some(records) = sniff::read(path, options)? {
        return Ok(records);
    }
    let name = path.display().to_string();
    let bytes = load(path, options.max_document_bytes)?;
    if let Some(kind) = sniff::binary_kind(&bytes) {
        return Err(IngestError::Unreadable {
            path: name,
            message: format!("not an article: {kind}"),
        });
    }
    let format = options
        .format
        .unwrap_or_else(|| Format::detect(path, &bytes));
    let (text, warning) = decode(&bytes, || name.clone());
    let mut doc = parse_str(&text, format, &name, options)?;
    doc.diagnostics.extend(warning);
    Ok(Box::new(std::iter::once(Ok(doc))))
}

/// Parses one article held in memory.
///
/// # Errors
/// [`IngestError::Empty`] when no body text remains after removing metadata.
pub fn parse_str(
    text: &str,
    format: Format,
    name: &str,
    options: &IngestOptions,
) -> Result<Document, IngestError> {
    let front = front_matter::split(text);
    let text = front.as_ref().map_or(text, |f| f.rest);
    let blocks = match format {
        Format::Markdown => markdown::blocks(text),
        Format::Text | Format::Jsonl | Format::Warc | Format::Feed => text::blocks(text),
        Format::Html => {
            let source = html::PageSource {
                path: name,
                record: None,
                url: None,
                format: "html",
            };
            return html::parse_page(text, &source, options);
        }
    };
    let mut article = article::assemble(blocks, format == Format::Text);
    if article.paragraphs.is_empty() {
        return Err(IngestError::Empty {
            path: name.to_owned(),
        });
    }
    let meta = &mut article.meta;
    let warnings = front
        .map(|f| front_matter::apply(f.fields, meta))
        .unwrap_or_default();
    meta.origin = Some(Origin {
        path: name.to_owned(),
        record: None,
        format: format.name().to_owned(),
    });
    apply_wire_markers(meta, &mut article.paragraphs);
    finish_meta(meta, options, &article.paragraphs);
    let mut doc = Document::new(article.meta, article.paragraphs);
    for warning in warnings {
        doc.diagnostics.push(Diagnostic::warning(
            "I008",
            format!("{name}: front matter: {warning}"),
        ));
    }
    Ok(doc)
}

/// Fills what the options, url and wire markers imply: user overrides, publisher, source
/// chain, language. Shared by every format.
pub fn finish_meta(
    meta: &mut tally_core::DocumentMeta,
    options: &IngestOptions,
    paragraphs: &[String],
) {
    if let Some(published) = &options.published {
        meta.published = Some(published.clone());
    }
    if meta.url.is_none() {
        meta.url.clone_from(&options.url);
    }
    if meta.publisher.is_none() {
        let address = meta.canonical_url.as_deref().or(meta.url.as_deref());
        meta.publisher = address.and_then(publisher_for_url);
    }
    // A publisher that is an agency under another of its names ("publisher: Associated
    // Press" beside the dateline's "(AP)") takes the agency's name, so `tally sources` has
    // one row for it, not two.
    if let Some(name) = meta.publisher.as_deref().and_then(agency) {
        meta.publisher = Some(name.to_owned());
    }
    if meta.source_chain.is_empty() {
        meta.source_chain = meta.agency.iter().chain(&meta.publisher).cloned().collect();
        meta.source_chain.dedup();
    }
    if meta.language.is_none() {
        meta.language = language::guess(paragraphs).map(str::to_owned);
    }
}

/// Drops page furniture ([`furniture`]: byline, advertising lines, closing credits), then
/// sets the agency (and, when nothing else gave one, the publication date) from wire
/// markers in the first and last paragraphs; drops a last paragraph that is only a
/// signature ("— AFP").
fn apply_wire_markers(meta: &mut tally_core::DocumentMeta, paragraphs: &mut Vec<String>) {
    furniture::trim(meta, paragraphs);
    let leading = paragraphs.first().and_then(|p| wire::leading(p));
    let mut trailing = paragraphs.last().and_then(|p| wire::trailing(p));
    let signature_only = paragraphs.last().is_some_and(|p| p.len() <= 40) && trailing.is_some();
    // A sign-off after the last sentence ("... traders said. REUTER") is the wire credit,
    // not text: the paragraph ends before it, so no sentence or claim carries it.
    if trailing.is_none()
        && let Some(last) = paragraphs.last_mut()
        && let Some((end, marker)) = wire::sign_off(last)
    {
        last.truncate(end);
        trailing = Some(marker);
    }
    if let Some(marker) = leading.as_ref().or(trailing.as_ref()) {
        meta.agency.get_or_insert_with(|| marker.agency.to_owned());
    }
    if let Some(date) = leading.as_ref().and_then(|m| m.date)
        && meta.published.is_none()
    {
        let mut published = Published::date(date, PublishedSource::Dateline);
        published.raw = paragraphs
            .first()
            .and_then(|p| p.split(" (").next())
            .map(str::to_owned);
        meta.published = Some(published);
    }
    if signature_only && paragraphs.len() > 1 {
        paragraphs.pop();
    }
}

/// Reads a file or standard input, refusing directories and files over `limit` bytes.
fn load(path: &Path, limit: u64) -> Result<Vec<u8>, IngestError> {
    let name = path.display().to_string();
    let too_large = |size| IngestError::TooLarge {
        path: name.clone(),
        size,
        limit,
    };
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        let mut stdin = std::io::stdin().lock().take(limit + 1);
        stdin
            .read_to_end(&mut bytes)
            .map_err(|e| IngestError::io(path, e))?;
    } else {
        let meta = std::fs::metadata(path).map_err(|e| IngestError::io(path, e))?;
        if meta.is_dir() {
            return Err(IngestError::IsDirectory { path: name });
        }
        if meta.len() > limit {
            return Err(too_large(meta.len()));
        }
        let file = std::fs::File::open(path).map_err(|e| IngestError::io(path, e))?;
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| IngestError::io(path, e))?;
    }
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty { path: name });
    }
    Ok(bytes)
}

/// Decodes UTF-8, lossily, with a warning naming the first invalid byte. A UTF-8 byte-order
/// mark is dropped. Valid input is borrowed, not copied, and the name for the warning is
/// only built when there is one.
fn decode(
    bytes: &[u8],
    name: impl FnOnce() -> String,
) -> (std::borrow::Cow<'_, str>, Option<Diagnostic>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (std::borrow::Cow::Borrowed(text), None),
        Err(err) => {
            let message = format!(
                "{}: invalid UTF-8 at byte {}; decoded with replacement characters",
                name(),
                err.valid_up_to()
            );
            (
                String::from_utf8_lossy(bytes),
                Some(Diagnostic::warning("I006", message)),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_publisher_named_as_an_agency_takes_the_agency_name() {
        let mut meta = tally_core::DocumentMeta {
            publisher: Some("Associated Press".to_owned()),
            agency: Some("AP".to_owned()),
            ..Default::default()
        };
        finish_meta(&mut meta, &IngestOptions::default(), &[]);
        assert_eq!(meta.publisher.as_deref(), Some("AP"));
        assert_eq!(meta.source_chain, ["AP"]);
        let mut meta = tally_core::DocumentMeta {
            publisher: Some("The Moscow Times".to_owned()),
            ..Default::default()
        };
        finish_meta(&mut meta, &IngestOptions::default(), &[]);
        assert_eq!(meta.publisher.as_deref(), Some("The Moscow Times"));
    }
}
