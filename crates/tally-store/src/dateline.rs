//! The place of a story's wire dateline, kept per document for the timeline's place filter.
//!
//! Finds: the place words of a dateline at the start of the body, as
//! [`tally_core::dateline_len`] delimits it ("GAZA CITY (AP) — " gives `GAZA CITY`, "KYIV,
//! Ukraine (AP) — " gives `KYIV, Ukraine`), without the agency in brackets and without a
//! date after the place ("MOSCOW, Dec 18 (Reuters) - " gives `MOSCOW`).
//!
//! Why: a story filed from Gaza often says "killed at least 30 people" with no place in the
//! sentence, so its figure has no place phrase and `tally timeline --place Gaza` missed it.
//! The timeline falls back to this for figures without a place.
//!
//! Limitations: only a dateline that opens the body counts (not one after a headline kept
//! in the body); the place is the dateline's words as written, not a linked entity, so an
//! entity-id place filter (`--place place:...`) does not use it; a dateline names where
//! the story was filed, which is not always where the count happened.

use rusqlite::Connection;

/// How much of the body is read: a dateline's dash is within 80 bytes of its start.
const HEAD: usize = 200;

/// The place of the dateline that opens `body`, or `None`.
pub(crate) fn place(body: &str) -> Option<String> {
    // Only the head is read (the backfill reads no more of a stored body), so a document
    // gets the same answer at ingest and at an upgrade.
    let mut end = body.len().min(HEAD);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let head = &body[..end];
    let len = tally_core::dateline_len(head);
    if len == 0 {
        return None;
    }
    // Up to the agency's bracket, else up to the dash.
    let words = head[..len]
        .split('(')
        .next()
        .unwrap_or_default()
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}')
        });
    // "MOSCOW, Dec 18" and "BOGOTA, 24 OCT 88": the parts after the place with a digit are
    // the filing date.
    let mut parts: Vec<&str> = words.split(',').collect();
    while parts.len() > 1
        && parts
            .last()
            .is_some_and(|p| p.bytes().any(|b| b.is_ascii_digit()))
    {
        parts.pop();
    }
    let place = parts.join(",");
    let place = place.trim().trim_end_matches(',').trim();
    // A dateline that is only an agency ("(Reuters) - ") or only a date names no place.
    (place.chars().any(char::is_alphabetic) && !place.bytes().any(|b| b.is_ascii_digit()))
        .then(|| place.to_owned())
}

/// Fills `documents.dateline` for every stored document from its stored body (schema
/// version 8, in the migration's transaction).
pub(crate) fn backfill(tx: &Connection) -> rusqlite::Result<()> {
    // Character counts: 200 characters are at least the 200 bytes `place` reads.
    let mut heads = tx.prepare(&format!(
        "SELECT pk, substr(body, 1, {HEAD}) FROM document_text ORDER BY pk"
    ))?;
    let mut update = tx.prepare("UPDATE documents SET dateline = ?2 WHERE pk = ?1")?;
    let mut rows = heads.query([])?;
    while let Some(row) = rows.next()? {
        let pk: i64 = row.get(0)?;
        let head: Option<String> = row.get(1)?;
        if let Some(place) = head.as_deref().and_then(place) {
            update.execute(rusqlite::params![pk, place])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::place;

    #[test]
    fn datelines_give_their_place() {
        let cases = [
            (
                "GAZA CITY (AP) \u{2014} Israeli strikes killed at least 30 people.",
                Some("GAZA CITY"),
            ),
            (
                "KYIV, Ukraine (AP) \u{2014} Russian drones struck Kharkiv overnight.",
                Some("KYIV, Ukraine"),
            ),
            (
                "MOSCOW, Dec 18 (Reuters) - The ministry said 12 were killed.",
                Some("MOSCOW"),
            ),
            (
                "WASHINGTON \u{2014} The Pentagon said on Tuesday that troops left.",
                Some("WASHINGTON"),
            ),
            ("(Reuters) - Two people were killed in a blast.", None),
            (
                "Israeli strikes killed at least 30 people in Gaza - officials said.",
                None,
            ),
            ("Fighters shelled a camp.", None),
            ("", None),
        ];
        for (body, want) in cases {
            assert_eq!(place(body).as_deref(), want, "{body}");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(body in "\\PC{0,300}") {
            let _ = place(&body);
        }
    }
}
