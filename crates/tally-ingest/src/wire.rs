//! Wire markers: the signs that a story comes from a news agency.
//!
//! Leading datelines ("WASHINGTON (AP) — ", "(Reuters) - ", "MOSCOW, Dec 18 (Reuters) - ",
//! "BOGOTA, 24 OCT 88 (REUTER) -- ") and trailing signatures ("... — AFP", a last
//! paragraph that is only "(AFP)"). Only agencies in `data/ingest/agencies.tsv` count, so
//! "(Ukraine) -" or "(file photo)" never reads as a wire credit.

use crate::{agencies, dates, wire_pattern};
use jiff::civil::Date;

/// What a wire marker says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireMarker {
    /// Canonical agency name.
    pub agency: &'static str,
    /// The dateline's date, when it has a full one.
    pub date: Option<Date>,
    /// The dateline's place ("WASHINGTON", "KYIV, Ukraine").
    pub place: Option<String>,
}

/// A wire dateline at the start of a paragraph.
#[must_use]
pub fn leading(paragraph: &str) -> Option<WireMarker> {
    let (head, agency) = wire_pattern::leading(paragraph)?;
    let agency = agencies::agency(agency)?;
    let head = head.map(|h| h.trim().trim_end_matches(','));
    let (place, date) = match head {
        Some(head) => split_place_and_date(head),
        None => (None, None),
    };
    Some(WireMarker {
        agency,
        date,
        place,
    })
}

/// A wire signature at the end of the last paragraph, or a paragraph that is only one.
/// Only the paragraph's last [`SIGNATURE_TAIL`] bytes are searched: a signature is short,
/// and the pattern is unanchored at its start.
#[must_use]
pub fn trailing(paragraph: &str) -> Option<WireMarker> {
    let cut = paragraph.len().saturating_sub(SIGNATURE_TAIL);
    let start = (cut..=paragraph.len()).find(|&i| paragraph.is_char_boundary(i))?;
    let tail = &paragraph[start..];
    // Almost no paragraph ends in a signature: rule most out before running the pattern.
    let has_mark = ["-", "—", "–", "("].iter().any(|m| tail.contains(m));
    if !has_mark && paragraph.len() > 40 {
        return None;
    }
    let agency = agencies::agency(wire_pattern::trailing(tail)?.trim())?;
    Some(WireMarker {
        agency,
        date: None,
        place: None,
    })
}

/// A sign-off closing a paragraph's last sentence ("... traders said. REUTER", "... rose 5
/// pct. AFP"): an agency alias in capitals after a sentence's end. Gives where the
/// sign-off's leading space starts (the paragraph's text ends there) and its marker. The
/// capitals and the sentence end keep "... a report by Reuters" and "... to AP" content.
#[must_use]
pub fn sign_off(paragraph: &str) -> Option<(usize, WireMarker)> {
    let text = paragraph.trim_end();
    let space = text.rfind(char::is_whitespace)?;
    let word = &text[space..].trim_start();
    if word.chars().any(char::is_lowercase) {
        return None;
    }
    let before = text[..space].trim_end();
    if !before.ends_with(['.', '!', '?', '"', '\u{201D}', '\'', ')']) {
        return None;
    }
    let agency = agencies::agency(word)?;
    Some((
        before.len(),
        WireMarker {
            agency,
            date: None,
            place: None,
        },
    ))
}

/// How far from the end of a paragraph a wire signature may start.
const SIGNATURE_TAIL: usize = 64;

/// Splits "BOGOTA, 24 OCT 88" into place and date; "KYIV, Ukraine" is all place. The date
/// is the longest tail after a comma that reads as a whole date.
fn split_place_and_date(head: &str) -> (Option<String>, Option<Date>) {
    for (comma, _) in head.match_indices(',') {
        let tail = head[comma + 1..].trim();
        if let Some((date, len)) = dates::parse_date_prefix(tail)
            && len == tail.len()
        {
            return (Some(head[..comma].trim().to_owned()), Some(date));
        }
    }
    (Some(head.to_owned()).filter(|h| !h.is_empty()), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_datelines() {
        let m = leading("WASHINGTON (AP) — The Pentagon said ...").unwrap();
        assert_eq!(
            (m.agency, m.place.as_deref(), m.date),
            ("AP", Some("WASHINGTON"), None)
        );
        assert_eq!(
            leading("(Reuters) - Russia said ...").unwrap().agency,
            "Reuters"
        );
        let m = leading("BOGOTA, 24 OCT 88 (REUTER) -- [TEXT] THE POLICE SAID").unwrap();
        assert_eq!(m.agency, "Reuters");
        assert_eq!(m.place.as_deref(), Some("BOGOTA"));
        assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("1988-10-24"));
        let m = leading("KYIV, Ukraine, Dec. 18, 2024 (AFP) - Text").unwrap();
        assert_eq!(m.place.as_deref(), Some("KYIV, Ukraine"));
        assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2024-12-18"));
    }

    #[test]
    fn non_agency_parentheses_are_not_wire_markers() {
        assert_eq!(leading("KYIV (Ukraine) - text"), None);
        assert_eq!(
            leading("The official (who declined to be named) - said"),
            None
        );
        assert_eq!(trailing("He said it would continue (for now)"), None);
    }

    #[test]
    fn trailing_signatures() {
        assert_eq!(trailing("The war goes on. — AFP").unwrap().agency, "AFP");
        assert_eq!(trailing("(Reuters)").unwrap().agency, "Reuters");
        assert_eq!(trailing("AFP").unwrap().agency, "AFP");
    }

    #[test]
    fn sign_offs_after_the_last_sentence() {
        let (end, m) = sign_off("Prices were firm, traders said. REUTER").unwrap();
        assert_eq!(
            (end, m.agency),
            ("Prices were firm, traders said.".len(), "Reuters")
        );
        let (end, m) = sign_off("\"We will go,\" he said.  AFP \n").unwrap();
        assert_eq!((end, m.agency), ("\"We will go,\" he said.".len(), "AFP"));
        assert_eq!(sign_off("The figures came from a survey by Reuters"), None);
        assert_eq!(sign_off("He said. Reuters"), None);
        assert_eq!(sign_off("Shares were sold to AP"), None);
        assert_eq!(sign_off("He met officials of the U.S. NATO"), None);
        assert_eq!(sign_off("REUTER"), None);
    }
}
