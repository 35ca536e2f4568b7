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

thread_local! {
    /// Reused buffer for normalized text: ids are computed for every document and claim, so
    /// this is on the ingest hot path, and one memcpy plus one hash beats a hasher update
    /// per word.
    static NORMALIZED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Hashes `parts`, each whitespace-normalized, separated by NUL bytes.
fn hash_normalized(parts: &[&str]) -> String {
    NORMALIZED.with(|buffer| {
        let mut buffer = buffer.borrow_mut();
        buffer.clear();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                buffer.push('\0');
            }
            for (j, word) in part.split_whitespace().enumerate() {
                if j > 0 {
                    buffer.push(' ');
                }
                buffer.push_str(word);
            }
        }
        format!("{:032x}", xxh3_128(buffer.as_bytes()))
    })
}

/// A 128-bit hex hash of the normalized text. xxh3 is not cryptographic; these ids name
/// content, they do not defend against someone forging a collision.
#[must_use]
pub fn content_hash(text: &str) -> String {
    hash_normalized(&[text])
}

/// A document id: the hash of the normalized body and the address it was found at.
#[must_use]
pub fn document_id(body: &str, address: &str) -> String {
    hash_normalized(&[body, address])
}

/// An id for an annotation that stays the same across runs: the owning document's id and a
/// hash of the parts that define the annotation.
#[must_use]
pub fn derived_id(document_id: &str, parts: &[&str]) -> String {
    let mut all = Vec::with_capacity(parts.len() + 1);
    all.push(document_id);
    all.extend_from_slice(parts);
    hash_normalized(&all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_hash_equals_hash_of_normalized_text() {
        let text = "  Several   hundred\n\ncasualties,\tthe official said. ";
        let expected = format!("{:032x}", xxh3_128(normalize_whitespace(text).as_bytes()));
        assert_eq!(content_hash(text), expected);
        assert_eq!(content_hash(""), format!("{:032x}", xxh3_128(b"")));
    }
}
