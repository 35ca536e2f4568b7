//! What re-serializing a page's text would cost, estimated in one pass before the HTML
//! parser runs.
//!
//! Finds: pages whose text between tags holds so many `&` (or characters U+0080 to U+00BF,
//! whose UTF-8 lead byte is 0xC2: no-break spaces, `«`, `£`, `°`) that serializing them takes
//! minutes. Readability (dom_smoothie) writes the article back to HTML, and html5ever 0.40's
//! `write_escaped` searches for the next `<` or `>` to the end of the text before each such
//! character it escapes: a text of n bytes with k of them costs k × n steps. 1 MB of `&0 `
//! took 4.5 seconds (fuzz target `blowup`, docs/fuzzing.md); 16 MB, the default record
//! limit, would take about 20 minutes. No article has hundreds of kilobytes of text without
//! a tag and thousands of ampersands in it, so such a page is reported, not parsed.
//!
//! Example: `"a & b ".repeat(200_000)` (1.2 MB of text, no tag, 200,000 `&`) costs too
//! much; 5 MB of paragraphs with an `&amp;` in each costs nothing worth counting.
//!
//! Limitations: counts runs of bytes between `<` and `>` in the source, which bound the
//! parser's text nodes from above: a `&lt;` in the source becomes a `<` that would stop the
//! serializer's search early, so the estimate can be high, never low.

use memchr::memchr2_iter;

/// Most bytes the serializer may scan for a page (about a second of memchr): above it the
/// page is not read as an article.
pub const MAX_ESCAPE_SCAN: u64 = 1 << 35;

/// Whether escaping the text of `html` would scan more than [`MAX_ESCAPE_SCAN`] bytes.
/// Linear in the page.
#[must_use]
pub fn too_costly(html: &str) -> bool {
    let bytes = html.as_bytes();
    let mut cost = 0u64;
    let mut start = 0;
    let ends = memchr2_iter(b'<', b'>', bytes).chain(std::iter::once(bytes.len()));
    for end in ends {
        let run = &bytes[start..end];
        let escaped = memchr2_iter(b'&', 0xC2, run).count() as u64;
        cost = cost.saturating_add(escaped.saturating_mul(run.len() as u64));
        if cost > MAX_ESCAPE_SCAN {
            return true;
        }
        start = (end + 1).min(bytes.len());
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_long_text_full_of_ampersands_costs_too_much() {
        assert!(too_costly(&format!(
            "<html><body><p>{}</p></body></html>",
            "a & b ".repeat(200_000)
        )));
        assert!(too_costly(&"&0 ".repeat(350_000)));
    }

    #[test]
    fn lead_bytes_of_latin_punctuation_count_like_ampersands() {
        assert!(too_costly(&"«x» ".repeat(200_000)));
    }

    #[test]
    fn ordinary_pages_pass_however_large() {
        let paragraph = "<p>Smith &amp; Sons said the «deal» was worth £5m.</p>\n";
        assert!(!too_costly(&paragraph.repeat(100_000)));
        assert!(!too_costly(
            &"plain text without ampersands ".repeat(500_000)
        ));
        assert!(!too_costly(""));
        assert!(!too_costly("<><>&"));
    }

    #[test]
    fn tags_split_the_runs() {
        // The same ampersands as the costly case, but a tag every few hundred bytes.
        assert!(!too_costly(&"a & b <br>".repeat(200_000)));
    }
}
