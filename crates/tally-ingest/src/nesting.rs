//! How deep a page's elements nest, estimated in one pass before the HTML parser runs.
//!
//! Finds: whether a page opens more than [`MAX_DEPTH`] elements inside each other. The HTML
//! parser (html5ever) walks the stack of open elements for every start tag (the standard's
//! "has an element in scope" steps), so N unclosed `<div>`s cost N² steps: 1 MB of `<div>`
//! took about 50 seconds (fuzz target `blowup`, docs/fuzzing.md). No article nests that
//! deep (browsers flatten trees past 512 levels), so such a page is reported, not parsed.
//!
//! Example: `"<div>".repeat(600)` is too deep; `<p>a<p>b<ul><li>c<li>d</ul>` nests 2 deep,
//! because a `<p>` or `<li>` closes the open one before it.
//!
//! Limitations: an estimate, not the standard's tree construction. An end tag closes the
//! nearest open element of its name (and is ignored when none is open); void elements,
//! comments, doctypes and the text of `script`, `style`, `textarea`, `title` and the like
//! add nothing; `<x/>` opens nothing only inside `svg` or `math`, as in the parser; a `>`
//! inside a quoted attribute value ends the tag early.

use memchr::{memchr, memmem};

/// Deepest nesting read as a page; past it, parsing would take time quadratic in the depth.
pub const MAX_DEPTH: usize = 512;

/// Elements that never have content.
const VOID: [&[u8]; 16] = [
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
    b"source", b"track", b"wbr", b"param", b"keygen", b"frame",
];

/// Elements whose content is text up to their end tag, never tags.
const RAW_TEXT: [&[u8]; 9] = [
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"noscript",
];

/// Elements a start tag of the same kind closes (`<li>` after `<li>`), as the parser does.
const SELF_CLOSING_SIBLINGS: [&[u8]; 9] = [
    b"p", b"li", b"dt", b"dd", b"option", b"tr", b"td", b"th", b"a",
];

/// Whether `html` opens more than [`MAX_DEPTH`] elements inside each other. One pass; the
/// stack it keeps never grows past [`MAX_DEPTH`], so any input costs linear time.
#[must_use]
pub fn too_deep(html: &str) -> bool {
    let bytes = html.as_bytes();
    let mut open: Vec<Vec<u8>> = Vec::new();
    // Open `svg` and `math` elements: inside them `<x/>` is an empty element.
    let mut foreign = 0usize;
    let mut at = 0;
    while let Some(found) = memchr(b'<', &bytes[at..]) {
        let start = at + found;
        let rest = &bytes[start + 1..];
        if rest.starts_with(b"!--") {
            at = memmem::find(rest, b"-->").map_or(bytes.len(), |end| start + 1 + end + 3);
            continue;
        }
        let is_end = rest.first() == Some(&b'/');
        let name_from = usize::from(is_end);
        let name_len = rest[name_from..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        let tag_end = memchr(b'>', rest).map_or(bytes.len(), |end| start + 1 + end + 1);
        if name_len == 0 || !rest[name_from].is_ascii_alphabetic() {
            // `<!DOCTYPE>`, `<?xml>`, or a `<` in text.
            at = if rest.first().is_some_and(|b| *b == b'!' || *b == b'?') {
                tag_end
            } else {
                start + 1
            };
            continue;
        }
        let name = rest[name_from..name_from + name_len].to_ascii_lowercase();
        at = tag_end;
        if is_end {
            if let Some(k) = open.iter().rposition(|n| *n == name) {
                foreign -= open[k..].iter().filter(|n| is_foreign_root(n)).count();
                open.truncate(k);
            }
            continue;
        }
        if VOID.contains(&name.as_slice()) {
            continue;
        }
        if RAW_TEXT.contains(&name.as_slice()) {
            at = raw_text_end(bytes, at, &name);
            continue;
        }
        if name == b"plaintext" {
            // Everything after it is text.
            break;
        }
        let empty = foreign > 0 && bytes[..tag_end].ends_with(b"/>");
        if empty {
            continue;
        }
        if SELF_CLOSING_SIBLINGS.contains(&name.as_slice())
            && let Some(k) = open.iter().rposition(|n| *n == name)
        {
            foreign -= open[k..].iter().filter(|n| is_foreign_root(n)).count();
            open.truncate(k);
        }
        foreign += usize::from(is_foreign_root(&name));
        open.push(name);
        if open.len() > MAX_DEPTH {
            return true;
        }
    }
    false
}

fn is_foreign_root(name: &[u8]) -> bool {
    name == b"svg" || name == b"math"
}

/// Where the text of a raw-text element opened before `from` ends: after its end tag, or at
/// the end of the input.
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(found) = memmem::find(&bytes[at..], b"</") {
        let tag = at + found + 2;
        let candidate = bytes.get(tag..tag + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name)) {
            return memchr(b'>', &bytes[tag..]).map_or(bytes.len(), |end| tag + end + 1);
        }
        at = tag;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unclosed_divs_past_the_limit_are_too_deep() {
        assert!(too_deep(&"<div>".repeat(MAX_DEPTH + 1)));
        assert!(!too_deep(&"<div>".repeat(MAX_DEPTH)));
        // Found by fuzz target `blowup`: 1 MB of "<div>" kept the parser busy ~50 s.
        assert!(too_deep(&"<div>".repeat(200_000)));
    }

    #[test]
    fn closed_and_implicitly_closed_elements_add_no_depth() {
        let page = "<!DOCTYPE html><html><body><p>a<p>b<ul><li>c<li>d</ul>\
                    <div><span>e</span><br><img src=x></div></body></html>";
        assert!(!too_deep(&page.repeat(10_000)));
        assert!(!too_deep(&"<p>one<p>two<br>".repeat(10_000)));
        assert!(!too_deep(&"<DIV>x</DIV>".repeat(10_000)));
    }

    #[test]
    fn script_text_and_comments_are_not_tags() {
        let script = "<script>for (i = 0; i<n; i++) { if (a<b) x() }</script>";
        assert!(!too_deep(&script.repeat(1_000)));
        assert!(!too_deep(
            &"<!-- <div> --><style>a<b{}</style>".repeat(1_000)
        ));
        assert!(!too_deep(&"a < b and c<d ".repeat(1_000)));
    }

    #[test]
    fn end_tags_without_an_open_element_do_not_hide_depth() {
        assert!(too_deep(&"<div></span>".repeat(MAX_DEPTH + 1)));
        assert!(!too_deep(&format!(
            "<svg>{}</svg>",
            "<path d=x/>".repeat(1_000)
        )));
        // Outside svg and math, `<div/>` opens a div, as in the parser.
        assert!(too_deep(&"<div/>".repeat(MAX_DEPTH + 1)));
    }
}
