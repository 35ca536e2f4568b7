//! The text of an XML feed as UTF-8, for the feed parser.
//!
//! The encoding comes from a byte-order mark, else the XML declaration, else UTF-8. Bytes
//! that are invalid in it become U+FFFD with an `I006` warning naming the first one, as
//! in every other format: the XML parser alone would reject the whole feed for one stray
//! Latin-1 byte and lose every item. Text in another encoding is converted to UTF-8 and
//! its declaration dropped, so the parser does not decode it a second time.

use std::borrow::Cow;
use std::ops::Range;

use encoding_rs::{Encoding, UTF_8};
use tally_core::Diagnostic;

/// How far into the file an XML declaration may end.
const DECLARATION_WINDOW: usize = 1024;

/// A feed's text as UTF-8, and the warning when bytes had to be replaced.
pub(crate) struct FeedText<'a> {
    pub text: Cow<'a, [u8]>,
    pub warning: Option<Diagnostic>,
}

/// Decodes `bytes` (a whole feed file) to UTF-8; `name` names the file in the warning.
///
/// # Errors
/// A message when the XML declaration names an encoding encoding_rs does not know and the
/// bytes are not UTF-8 either: guessing would turn the feed into garbage.
pub(crate) fn decode<'a>(bytes: &'a [u8], name: &str) -> Result<FeedText<'a>, String> {
    let (encoding, bom) = Encoding::for_bom(bytes).unwrap_or((UTF_8, 0));
    let body = &bytes[bom..];
    let encoding = if bom > 0 { encoding } else { declared(body)? };
    if encoding == UTF_8 {
        return Ok(utf8(bytes, bom, name));
    }
    let (text, malformed) = encoding.decode_without_bom_handling(body);
    let warning = malformed.then(|| {
        let at = first_malformed(encoding, body).unwrap_or(0) + bom;
        replaced(name, encoding.name(), at)
    });
    let mut text = text.into_owned();
    if let Some(range) = declaration(text.as_bytes()).map(|(range, _)| range) {
        text.replace_range(range, "");
    }
    Ok(FeedText {
        text: Cow::Owned(text.into_bytes()),
        warning,
    })
}

/// The encoding the XML declaration of an ASCII-compatible file names (UTF-8 without one).
/// A UTF-16 label read in ASCII is a mislabel: the text is read as UTF-8, as browsers do.
fn declared(body: &[u8]) -> Result<&'static Encoding, String> {
    let Some((_, Some(label))) = declaration(body) else {
        return Ok(UTF_8);
    };
    match Encoding::for_label_no_replacement(label.as_bytes()) {
        Some(encoding) => Ok(encoding.output_encoding()),
        // Valid UTF-8 under an unknown label reads as it always did.
        None if std::str::from_utf8(body).is_ok() => Ok(UTF_8),
        None => Err(format!(
            "the XML declaration names the encoding \"{label}\", which tally cannot decode, \
             and the feed is not UTF-8; convert it to UTF-8"
        )),
    }
}

/// UTF-8 as it is (borrowed), or decoded lossily with a warning. A UTF-8 declaration or
/// none leaves the parser reading UTF-8; a UTF-16 one read in ASCII is dropped.
fn utf8<'a>(bytes: &'a [u8], bom: usize, name: &str) -> FeedText<'a> {
    let body = &bytes[bom..];
    let relabelled = declaration(body).filter(|(_, label)| {
        label.is_some_and(|l| Encoding::for_label(l.as_bytes()).is_some_and(|e| e != UTF_8))
    });
    let (mut text, warning) = match std::str::from_utf8(body) {
        Ok(_) if relabelled.is_none() => {
            return FeedText {
                text: Cow::Borrowed(bytes),
                warning: None,
            };
        }
        Ok(text) => (text.to_owned(), None),
        Err(e) => (
            String::from_utf8_lossy(body).into_owned(),
            Some(replaced(name, "UTF-8", bom + e.valid_up_to())),
        ),
    };
    if let Some((range, _)) = relabelled {
        text.replace_range(range, "");
    }
    FeedText {
        text: Cow::Owned(text.into_bytes()),
        warning,
    }
}

fn replaced(name: &str, encoding: &str, at: usize) -> Diagnostic {
    Diagnostic::warning(
        "I006",
        format!("{name}: invalid {encoding} at byte {at}; decoded with replacement characters"),
    )
}

/// The offset in `body` of the first byte sequence that is invalid in `encoding`.
fn first_malformed(encoding: &'static Encoding, body: &[u8]) -> Option<usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out =
        String::with_capacity(decoder.max_utf8_buffer_length_without_replacement(body.len())?);
    let (result, read) = decoder.decode_to_string_without_replacement(body, &mut out, true);
    match result {
        encoding_rs::DecoderResult::Malformed(bad, after) => {
            Some(read.saturating_sub(usize::from(bad) + usize::from(after)))
        }
        _ => None,
    }
}

/// The XML declaration at the start of `text` (after any whitespace): its byte range and
/// the encoding it names, if any.
fn declaration(text: &[u8]) -> Option<(Range<usize>, Option<&str>)> {
    let start = text.iter().position(|b| !b.is_ascii_whitespace())?;
    let window = &text[start..text.len().min(start + DECLARATION_WINDOW)];
    let after = window.strip_prefix(b"<?xml")?;
    if !after.first()?.is_ascii_whitespace() {
        return None;
    }
    let end = memchr::memmem::find(window, b"?>")? + 2;
    let inside = std::str::from_utf8(&window[..end]).ok()?;
    Some((start..start + end, encoding_label(inside)))
}

/// The value of `encoding="..."` (or single quotes) in a declaration.
fn encoding_label(declaration: &str) -> Option<&str> {
    let rest = &declaration[declaration.find("encoding")? + "encoding".len()..];
    let rest = rest.trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> (String, Option<String>) {
        let out = decode(bytes, "wire.rss").unwrap();
        (
            String::from_utf8(out.text.into_owned()).unwrap(),
            out.warning.map(|w| w.message),
        )
    }

    #[test]
    fn valid_utf8_is_passed_through_unchanged() {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><title>Bogotá</title></rss>";
        let out = decode(xml.as_bytes(), "wire.rss").unwrap();
        assert!(matches!(out.text, Cow::Borrowed(_)));
        assert!(out.warning.is_none());
    }

    #[test]
    fn an_invalid_byte_is_replaced_and_named_by_offset() {
        let (text, warning) = text(b"<?xml version=\"1.0\"?><title>Bogot\xe1</title>");
        assert_eq!(text, "<?xml version=\"1.0\"?><title>Bogot\u{FFFD}</title>");
        assert_eq!(
            warning.as_deref(),
            Some("wire.rss: invalid UTF-8 at byte 33; decoded with replacement characters")
        );
    }

    #[test]
    fn a_declared_encoding_is_decoded_and_its_declaration_dropped() {
        let (text, warning) =
            text(b"<?xml version='1.0' encoding='ISO-8859-1' ?>\n<title>Bogot\xe1</title>");
        assert_eq!(text, "\n<title>Bogotá</title>");
        assert_eq!(warning, None);
    }

    #[test]
    fn bytes_invalid_in_the_declared_encoding_are_replaced() {
        // 0x82 0x20 is no Shift_JIS character: the lead byte wants a trail byte.
        let (text, warning) =
            text(b"<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><t>\x82\xa0\x82 x</t>");
        assert!(
            text.starts_with("<t>") && text.contains('\u{FFFD}'),
            "{text}"
        );
        assert!(
            warning
                .as_deref()
                .is_some_and(|w| w.starts_with("wire.rss: invalid Shift_JIS at byte 47;")),
            "{warning:?}"
        );
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_converted() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "<?xml version=\"1.0\" encoding=\"UTF-16\"?><t>Bogotá</t>".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(text(&bytes), ("<t>Bogotá</t>".to_owned(), None));
    }

    #[test]
    fn a_utf16_label_on_ascii_text_reads_as_utf8() {
        let (text, warning) = text(b"<?xml version=\"1.0\" encoding=\"utf-16\"?><t>Bogot\xe1</t>");
        assert_eq!(text, "<t>Bogot\u{FFFD}</t>");
        assert!(warning.is_some_and(|w| w.contains("invalid UTF-8 at byte 47")));
    }

    #[test]
    fn an_unknown_encoding_is_an_error_unless_the_text_is_utf8() {
        let err = decode(
            b"<?xml version=\"1.0\" encoding=\"x-klingon\"?><t>\xe1</t>",
            "wire.rss",
        )
        .err()
        .unwrap();
        assert!(
            err.contains("\"x-klingon\", which tally cannot decode"),
            "{err}"
        );
        let ok = decode(
            b"<?xml version=\"1.0\" encoding=\"x-klingon\"?><t>a</t>",
            "w",
        );
        assert!(ok.is_ok_and(|t| t.warning.is_none()));
    }

    #[test]
    fn declarations_are_read_leniently() {
        let (range, label) =
            declaration(b"\n <?xml version=\"1.0\" encoding = \"koi8-r\" ?><a/>").unwrap();
        assert_eq!((range, label), (2..44, Some("koi8-r")));
        assert_eq!(declaration(b"<?xml-stylesheet href=\"a\"?>"), None);
        assert_eq!(declaration(b"<rss/>"), None);
    }
}
