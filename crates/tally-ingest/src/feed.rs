//! RSS 2.0, RSS 1.0 and Atom feeds (feed-rs): each item is an article.
//!
//! Finds: per item, the text of `content:encoded` (RSS) or `<content>` (Atom), else
//! `description`/`summary`, split into paragraphs; its title, first link, publication date
//! (`pubDate`, `published`, else `updated`), authors as the byline, and the feed's title as
//! the publisher. Record names are `item N <guid>`.
//!
//! Example: a saved Reuters world-news feed with 20 items gives 20 documents, publisher
//! "Reuters", each dated by its `pubDate`.
//!
//! Limitations: the whole feed is parsed in memory, so a feed file is limited to four times
//! the per-record limit; items carrying only a title are reported, not stored; dates are
//! normalized to UTC by the feed parser, so the original offset is lost. XML entities other
//! than the five predefined ones are not expanded, so entity bombs ("billion laughs") stay
//! inert.
//!
//! Encoding: a byte-order mark, else the XML declaration, else UTF-8. Bytes invalid in it
//! become U+FFFD with an `I006` warning on the items they reach (see `xml_text`), not a
//! lost feed; a declared encoding tally cannot decode is an error when the text is not
//! UTF-8.

use std::io::BufRead;
use std::path::Path;

use tally_core::{Diagnostic, Document, DocumentMeta, Origin, Published};

use crate::{IngestError, IngestOptions, Records, html, sniff, xml_text};

/// Parses the feed in `reader` into documents, one per item.
///
/// # Errors
/// [`IngestError::TooLarge`] for a feed over the limit, [`IngestError::Record`] (record
/// `feed`) when it is not a readable feed.
pub fn records(
    mut reader: Box<dyn BufRead>,
    path: &Path,
    options: &IngestOptions,
) -> Result<Records, IngestError> {
    let name = path.display().to_string();
    let bytes = sniff::read_bounded(
        &mut reader,
        path,
        options.max_document_bytes.saturating_mul(4),
    )?;
    let feed_error = |message: String| IngestError::Record {
        path: name.clone(),
        record: "feed".to_owned(),
        message,
    };
    let text = xml_text::decode(&bytes, &name).map_err(feed_error)?;
    let feed = feed_rs::parser::parse(&text.text[..])
        .map_err(|e| feed_error(format!("not a readable RSS or Atom feed: {e}")))?;
    let warning = text.warning;
    let publisher = feed
        .title
        .as_ref()
        .map(|t| tally_core::normalize_whitespace(&t.content))
        .filter(|t| !t.is_empty());
    let language = feed.language.clone();
    let options = options.clone();
    let items = feed.entries.into_iter().enumerate().map(move |(i, entry)| {
        let record = if entry.id.is_empty() {
            format!("item {}", i + 1)
        } else {
            format!("item {} <{}>", i + 1, entry.id)
        };
        let error = |message: &str| IngestError::Record {
            path: name.clone(),
            record: record.clone(),
            message: message.to_owned(),
        };
        let html_text = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let mut paragraphs = html::fragment_paragraphs(&html_text);
        if paragraphs.is_empty() {
            return Err(error("the item has no content or description"));
        }
        let mut meta = DocumentMeta {
            title: entry
                .title
                .as_ref()
                .map(|t| tally_core::normalize_whitespace(&t.content)),
            url: entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .map(|l| l.href.clone()),
            publisher: publisher.clone(),
            language: entry.language.clone().or_else(|| language.clone()),
            published: entry
                .published
                .or(entry.updated)
                .and_then(|d| Published::parse_iso(&d.to_rfc3339()).ok()),
            origin: Some(Origin {
                path: name.clone(),
                record: Some(record.clone()),
                format: "feed".to_owned(),
            }),
            ..DocumentMeta::default()
        };
        let authors: Vec<String> = entry
            .authors
            .iter()
            .filter_map(|a| a.name.clone())
            .filter(|n| !n.is_empty())
            .collect();
        if !authors.is_empty() {
            meta.byline = Some(authors.join(" and "));
            meta.agency = crate::agencies::agency_in(&authors.join(" ")).map(str::to_owned);
        }
        let categories: Vec<String> = entry.categories.iter().map(|c| c.term.clone()).collect();
        if !categories.is_empty() {
            meta.extra
                .insert("categories".to_owned(), categories.into());
        }
        crate::apply_wire_markers(&mut meta, &mut paragraphs);
        crate::finish_meta(&mut meta, &options, &paragraphs);
        Ok(Document::new(meta, paragraphs))
    });
    let mut items: Vec<_> = items.collect();
    if let Some(warning) = warning {
        warn_where_replaced(&mut items, &warning);
    }
    Ok(Box::new(items.into_iter()))
}

/// Puts the decoding warning on the items that show a replacement character, so a feed
/// with one bad byte warns once, not once per item; on the first document when none does
/// (the byte was in a part that is not kept), so the file is still named.
fn warn_where_replaced(items: &mut [Result<Document, IngestError>], warning: &Diagnostic) {
    let replaced = |doc: &Document| {
        let meta = &doc.meta;
        [&meta.title, &meta.byline, &meta.publisher, &meta.url]
            .into_iter()
            .flatten()
            .chain(std::iter::once(&doc.body))
            .any(|s| s.contains('\u{FFFD}'))
    };
    let mut first = None;
    let mut warned = false;
    for doc in items.iter_mut().filter_map(|r| r.as_mut().ok()) {
        if replaced(doc) {
            doc.diagnostics.push(warning.clone());
            warned = true;
        } else if first.is_none() {
            first = Some(doc);
        }
    }
    if let Some(doc) = first.filter(|_| !warned) {
        doc.diagnostics.push(warning.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(xml: &str) -> Result<Vec<Result<Document, IngestError>>, IngestError> {
        read_bytes(xml.as_bytes())
    }

    fn read_bytes(xml: &[u8]) -> Result<Vec<Result<Document, IngestError>>, IngestError> {
        let reader: Box<dyn BufRead> = Box::new(std::io::Cursor::new(xml.to_vec()));
        records(reader, Path::new("world.rss"), &IngestOptions::default()).map(Iterator::collect)
    }

    /// An RSS feed of three items; `{place}` in the template becomes `place`.
    fn rss(channel: &[u8], place: &[u8]) -> Vec<u8> {
        let mut xml = b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><description>".to_vec();
        xml.extend(channel);
        xml.extend(b"</description>");
        for (i, town) in [&b"Lima"[..], place, b"Quito"].into_iter().enumerate() {
            xml.extend(
                format!("<item><guid>{i}</guid><title>Blast</title><description>Officials in ")
                    .as_bytes(),
            );
            xml.extend(town);
            xml.extend(format!(" said {i} people were hurt.</description></item>").as_bytes());
        }
        xml.extend(b"</channel></rss>");
        xml
    }

    fn warnings(docs: &[Result<Document, IngestError>]) -> Vec<Vec<String>> {
        docs.iter()
            .map(|d| {
                let doc = d.as_ref().unwrap();
                doc.diagnostics
                    .iter()
                    .map(|w| format!("{}: {}", w.code, w.message))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn an_invalid_byte_loses_no_item_and_warns_on_the_item_it_is_in() {
        let docs = read_bytes(&rss(b"News", b"Bogot\xe1")).unwrap();
        assert_eq!(docs.len(), 3);
        assert_eq!(
            docs[1].as_ref().unwrap().body,
            "Officials in Bogot\u{FFFD} said 1 people were hurt."
        );
        let warning =
            "I006: world.rss: invalid UTF-8 at byte 286; decoded with replacement characters";
        assert_eq!(warnings(&docs), [vec![], vec![warning.to_owned()], vec![]]);
    }

    #[test]
    fn an_invalid_byte_outside_the_items_warns_on_the_first() {
        let docs = read_bytes(&rss(b"Caf\xe9 news", b"Cusco")).unwrap();
        let warnings = warnings(&docs);
        assert_eq!(warnings.iter().map(Vec::len).collect::<Vec<_>>(), [1, 0, 0]);
        assert!(
            warnings[0][0].contains("invalid UTF-8 at byte 84"),
            "{warnings:?}"
        );
    }

    #[test]
    fn an_atom_feed_with_an_invalid_byte_is_read() {
        let xml = b"<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Wire</title><entry><title>Bogot\xe1</title><id>urn:x</id><content type=\"text\">Officials said 3 people were hurt.</content></entry></feed>";
        let docs = read_bytes(xml).unwrap();
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.meta.title.as_deref(), Some("Bogot\u{FFFD}"));
        assert_eq!(doc.diagnostics[0].code, "I006");
    }

    #[test]
    fn a_declared_latin1_feed_is_decoded_without_a_warning() {
        let mut xml = rss(b"News", b"Bogot\xe1");
        xml.splice(
            ..21,
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                .iter()
                .copied(),
        );
        let docs = read_bytes(&xml).unwrap();
        assert_eq!(
            docs[1].as_ref().unwrap().body,
            "Officials in Bogot\u{e1} said 1 people were hurt."
        );
        assert!(warnings(&docs).iter().all(Vec::is_empty));
    }

    #[test]
    fn an_undecodable_declared_encoding_is_a_clear_error() {
        let mut xml = rss(b"News", b"Bogot\xe1");
        xml.splice(
            ..21,
            b"<?xml version=\"1.0\" encoding=\"x-klingon\"?>"
                .iter()
                .copied(),
        );
        let err = read_bytes(&xml).err().unwrap().to_string();
        assert!(
            err.starts_with(
                "world.rss: feed: the XML declaration names the encoding \"x-klingon\""
            ),
            "{err}"
        );
    }

    #[test]
    fn rss_items_with_content_encoded_or_description() {
        let xml = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Moscow Times</title><link>https://www.themoscowtimes.com</link>
<item><title>Casualties in Kursk</title><link>https://www.themoscowtimes.com/2024/12/18/a87380</link>
<guid>a87380</guid><pubDate>Wed, 18 Dec 2024 10:05:00 +0300</pubDate><dc:creator>AFP</dc:creator>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>North Korean forces have suffered "several hundred" casualties.</p><p>Pyongyang has sent thousands of troops.</p>]]></content:encoded></item>
<item><title>Only a summary</title><link>https://www.themoscowtimes.com/b</link><description>&lt;p&gt;Kyiv said the offensive continued.&lt;/p&gt;</description></item>
<item><title>Empty</title></item>
</channel></rss>"#;
        let out = read(xml).unwrap();
        assert_eq!(out.len(), 3);
        let first = out[0].as_ref().unwrap();
        assert_eq!(first.paragraphs.len(), 2);
        assert_eq!(first.meta.publisher.as_deref(), Some("The Moscow Times"));
        assert_eq!(first.meta.agency.as_deref(), Some("AFP"));
        assert_eq!(first.meta.source_chain, ["AFP", "The Moscow Times"]);
        assert_eq!(
            first
                .meta
                .published
                .as_ref()
                .map(Published::value)
                .as_deref(),
            Some("2024-12-18T07:05:00Z")
        );
        assert_eq!(
            first.meta.url.as_deref(),
            Some("https://www.themoscowtimes.com/2024/12/18/a87380")
        );
        assert_eq!(
            out[1].as_ref().unwrap().body,
            "Kyiv said the offensive continued."
        );
        let err = out[2].as_ref().unwrap_err().to_string();
        assert!(
            err.contains("world.rss: item 3") && err.contains("no content"),
            "{err}"
        );
    }

    #[test]
    fn atom_entries() {
        let xml = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Wire</title><id>urn:x</id><updated>2024-12-18T00:00:00Z</updated>
<entry><title>Story</title><id>urn:1</id><link href="https://wire.example/1"/><published>2024-12-17T08:00:00Z</published><updated>2024-12-18T00:00:00Z</updated>
<author><name>Jane Doe</name></author><content type="html">&lt;p&gt;The ministry said 3,000 were killed or wounded.&lt;/p&gt;</content></entry></feed>"#;
        let out = read(xml).unwrap();
        let doc = out[0].as_ref().unwrap();
        assert_eq!(
            doc.meta
                .published
                .as_ref()
                .map(|p| p.date.to_string())
                .as_deref(),
            Some("2024-12-17")
        );
        assert_eq!(doc.meta.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(doc.body, "The ministry said 3,000 were killed or wounded.");
    }

    #[test]
    fn billion_laughs_stays_inert_and_garbage_is_an_error() {
        let mut xml =
            String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
        for i in 1..10 {
            let prev = if i == 1 {
                "lol".to_owned()
            } else {
                format!("lol{}", i - 1)
            };
            xml.push_str(&format!(
                "<!ENTITY lol{i} \"{}\">\n",
                format!("&{prev};").repeat(10)
            ));
        }
        xml.push_str("]>\n<rss version=\"2.0\"><channel><title>Bomb</title><item><title>&lol9;</title><description>Text of the item.</description></item></channel></rss>");
        let started = std::time::Instant::now();
        let result = read(&xml);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        if let Ok(items) = result {
            for item in items.into_iter().flatten() {
                assert!(item.meta.title.as_deref().unwrap_or_default().len() < 1000);
            }
        }
        let err = read("this is not xml at all").err().unwrap();
        assert!(err.to_string().contains("world.rss: feed: not a readable"));
    }
}
