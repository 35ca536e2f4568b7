//! Stable ids derived from content.

use xxhash_rust::xxh3::xxh3_128;

/// Whitespace-normalized text: runs of whitespace become one space, ends trimmed. Two copies
/// of an article that differ only in line wrapping or spacing normalize to the same string.
#[must_use]
pub fn normalize_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A 128-bit hex hash of the normalized text. xxh3 is not cryptographic; these ids name
/// content, they do not defend against someone forging a collision.
#[must_use]
pub fn content_hash(text: &str) -> String {
    format!("{:032x}", xxh3_128(normalize_whitespace(text).as_bytes()))
}

/// A document id: the hash of the normalized body and the address it was found at.
#[must_use]
pub fn document_id(body: &str, address: &str) -> String {
    let mut key = normalize_whitespace(body);
    key.push('\u{0}');
    key.push_str(address.trim());
    format!("{:032x}", xxh3_128(key.as_bytes()))
}

/// An id for an annotation that stays the same across runs: the owning document's id and a
/// hash of the parts that define the annotation.
#[must_use]
pub fn derived_id(document_id: &str, parts: &[&str]) -> String {
    let mut key = String::from(document_id);
    for part in parts {
        key.push('\u{0}');
        key.push_str(&normalize_whitespace(part));
    }
    format!("{:032x}", xxh3_128(key.as_bytes()))
}
