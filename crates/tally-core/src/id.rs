//! Stable ids derived from content.

use xxhash_rust::xxh3::Xxh3;

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

/// Feeds the whitespace-normalized form of `text` to the hasher without building it: the
/// digest equals that of [`normalize_whitespace`]'s output, but costs no allocation (ids are
/// computed for every document, so this is on the ingest hot path).
fn update_normalized(hasher: &mut Xxh3, text: &str) {
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            hasher.update(b" ");
        }
        hasher.update(word.as_bytes());
    }
}

fn hex(hasher: &Xxh3) -> String {
    format!("{:032x}", hasher.digest128())
}

/// A 128-bit hex hash of the normalized text. xxh3 is not cryptographic; these ids name
/// content, they do not defend against someone forging a collision.
#[must_use]
pub fn content_hash(text: &str) -> String {
    let mut hasher = Xxh3::new();
    update_normalized(&mut hasher, text);
    hex(&hasher)
}

/// A document id: the hash of the normalized body and the address it was found at.
#[must_use]
pub fn document_id(body: &str, address: &str) -> String {
    let mut hasher = Xxh3::new();
    update_normalized(&mut hasher, body);
    hasher.update(b"\0");
    hasher.update(address.trim().as_bytes());
    hex(&hasher)
}

/// An id for an annotation that stays the same across runs: the owning document's id and a
/// hash of the parts that define the annotation.
#[must_use]
pub fn derived_id(document_id: &str, parts: &[&str]) -> String {
    let mut hasher = Xxh3::new();
    hasher.update(document_id.as_bytes());
    for part in parts {
        hasher.update(b"\0");
        update_normalized(&mut hasher, part);
    }
    hex(&hasher)
}

#[cfg(test)]
mod tests {
    use super::*;
    use xxhash_rust::xxh3::xxh3_128;

    #[test]
    fn streamed_hash_equals_hash_of_normalized_text() {
        let text = "  Several   hundred\n\ncasualties,\tthe official said. ";
        let expected = format!("{:032x}", xxh3_128(normalize_whitespace(text).as_bytes()));
        assert_eq!(content_hash(text), expected);
        assert_eq!(content_hash(""), format!("{:032x}", xxh3_128(b"")));
    }
}
