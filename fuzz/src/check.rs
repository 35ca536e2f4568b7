//! Invariants every document must hold, whatever the input: spans round-trip
//! (`body[start..end] == text`, on character boundaries), paragraphs, sentences and tokens
//! are in order, and the JSON output reads back to the same document.

use serde_json::Value;
use tally_core::{Document, Span};

/// Panics, naming the broken invariant, when `doc` breaks one.
///
/// # Panics
/// On any broken invariant: that is how a fuzz target reports it.
pub fn document(doc: &Document) {
    let body = doc.body.as_str();
    ordered("paragraph", doc.paragraphs.iter().map(|s| (s.start, s.end)));
    ordered("sentence", doc.sentences.iter().map(|s| (s.start, s.end)));
    ordered("token", doc.tokens.iter().map(|t| (t.start, t.end)));
    for token in &doc.tokens {
        assert!(
            body.get(token.range()).is_some(),
            "token {}..{} is not a slice of a body of {} bytes",
            token.start,
            token.end,
            body.len()
        );
    }
    let json = serde_json::to_value(doc).expect("a document serializes");
    spans(&json, body, "$");
    let text = serde_json::to_string(doc).expect("a document serializes");
    let mut back: Document = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("the JSON output does not read back: {e}"));
    back.tokens.clone_from(&doc.tokens);
    if back != *doc {
        let again = serde_json::to_value(&back).expect("a document serializes");
        panic!(
            "the JSON output reads back to a different document: {}",
            difference(&json, &again, "$").unwrap_or_else(|| {
                let (x, y) = (format!("{doc:#?}"), format!("{back:#?}"));
                let lines: Vec<&str> = x.lines().collect();
                let at = x.lines().zip(y.lines()).position(|(p, q)| p != q).unwrap_or(0);
                let context = lines[at.saturating_sub(12)..=at.min(lines.len() - 1)].join("\n");
                let found = y.lines().nth(at).unwrap_or_default();
                format!("same JSON, different values; the document has\n{context}\nwhere it reads back as\n{found}")
            })
        );
    }
}

/// The first place where two JSON trees differ, with both values.
fn difference(a: &Value, b: &Value, at: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (key, value) in x {
                let found = y.get(key).unwrap_or(&Value::Null);
                if let Some(d) = difference(value, found, &format!("{at}.{key}")) {
                    return Some(d);
                }
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| format!("{at}.{k} appears after reading back"))
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| difference(p, q, &format!("{at}[{i}]"))),
        _ if a == b => None,
        _ => Some(format!("{at}: {a} became {b}")),
    }
}

/// Each `(start, end)` is a non-empty-or-empty forward range starting at or after the
/// previous one's end.
fn ordered(what: &str, ranges: impl Iterator<Item = (usize, usize)>) {
    let mut last_end = 0;
    for (start, end) in ranges {
        assert!(start <= end, "{what} {start}..{end} is reversed");
        assert!(
            start >= last_end,
            "{what} {start}..{end} starts before the previous one ends ({last_end})"
        );
        last_end = end;
    }
}

/// Every object in the JSON tree with integer `start` and `end` and a string `text` is a
/// span and must describe `body`.
fn spans(value: &Value, body: &str, at: &str) {
    match value {
        Value::Object(map) => {
            if let (Some(start), Some(end), Some(Value::String(text))) = (
                map.get("start").and_then(Value::as_u64),
                map.get("end").and_then(Value::as_u64),
                map.get("text"),
            ) {
                let span = Span {
                    start: usize::try_from(start).unwrap_or(usize::MAX),
                    end: usize::try_from(end).unwrap_or(usize::MAX),
                    text: text.clone(),
                };
                if let Err(e) = span.check(body) {
                    panic!("bad span at {at}: {e}");
                }
            }
            for (key, child) in map {
                spans(child, body, &format!("{at}.{key}"));
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                spans(child, body, &format!("{at}[{i}]"));
            }
        }
        _ => {}
    }
}
