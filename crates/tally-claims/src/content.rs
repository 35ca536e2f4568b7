//! A claim's text as a reader wants it: the evidence spans joined, without the marks that
//! only hand the statement over to its cue.
//!
//! The evidence spans stay exact (they are what traces a claim to its sentence); the
//! `content` string drops what belongs to the telling, not to the statement:
//! - the quotation marks around a piece that is one whole quotation
//!   (`"At least 300," the official said` → `At least 300`), but not marks around a
//!   partial quote inside a paraphrase;
//! - the comma that ends a quotation before its cue (`"…," he said`);
//! - the complementizer of reported speech (`said that Moscow was …` → `Moscow was …`), as
//!   in `said Moscow was …`, so that both read alike.
//!
//! Limitation: only these three marks are removed; a piece that opens mid-sentence keeps
//! its lower-case start.

use tally_core::{ClaimKind, Span};

/// The evidence texts, each cleaned, joined by " … ".
pub fn text(evidence: &[Span], kind: ClaimKind) -> String {
    match evidence {
        [one] => piece(&one.text, kind, true).to_owned(),
        _ => evidence
            .iter()
            .enumerate()
            .map(|(i, e)| piece(&e.text, kind, i == 0))
            .collect::<Vec<_>>()
            .join(" … "),
    }
}

fn piece(text: &str, kind: ClaimKind, first: bool) -> &str {
    let direct = kind == ClaimKind::Direct;
    let mut t = unquoted(text.trim(), direct);
    if first
        && !direct
        && let Some(rest) = t.strip_prefix("that ")
    {
        t = rest.trim_start();
    }
    let t = t.trim_end_matches(',').trim_end();
    // Never empty a piece: a lone mark or "that" stays what it was.
    if t.is_empty() { text.trim() } else { t }
}

const DOUBLE_OPEN: [char; 4] = ['"', '“', '„', '«'];
const DOUBLE_CLOSE: [char; 3] = ['"', '”', '»'];

/// The inside of a text that is one quotation from its first character to its last. A
/// direct quote's piece with one double mark, at its start or its end, is the first or
/// last paragraph of a quotation that runs across paragraphs: that mark goes too.
fn unquoted(text: &str, direct: bool) -> &str {
    let is_double = |c: char| DOUBLE_OPEN.contains(&c) || DOUBLE_CLOSE.contains(&c);
    if direct && text.chars().filter(|&c| is_double(c)).count() == 1 {
        if let Some(rest) = text.strip_prefix(DOUBLE_OPEN) {
            return rest.trim_start();
        }
        if let Some(rest) = text.strip_suffix(DOUBLE_CLOSE) {
            return rest.trim_end();
        }
    }
    let mut chars = text.chars();
    let (Some(open), Some(close)) = (chars.next(), chars.next_back()) else {
        return text;
    };
    let inner = chars.as_str();
    let is_single = |c: char| matches!(c, '\'' | '‘' | '’');
    let pair = match (open, close) {
        ('"' | '“' | '„', '"' | '”') | ('«', '»') => !inner.contains(is_double),
        ('\'' | '‘', '\'' | '’') => !has_single_quote_mark(inner, is_single),
        _ => false,
    };
    if pair { inner.trim() } else { text }
}

/// Whether a single quote mark inside the text opens or closes a quotation, rather than
/// being an apostrophe inside a word ("don't", "Kyiv's").
fn has_single_quote_mark(inner: &str, is_single: impl Fn(char) -> bool) -> bool {
    let chars: Vec<char> = inner.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        let letter = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_alphanumeric())
        };
        is_single(c) && !(letter(i.checked_sub(1)) && letter(Some(i + 1)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_core::{Document, DocumentMeta};

    fn spans(body: &str, pieces: &[&str]) -> Vec<Span> {
        let doc = Document::new(DocumentMeta::default(), [body]);
        pieces
            .iter()
            .map(|p| {
                let start = doc.body.find(p).unwrap();
                Span::new(&doc.body, start, start + p.len()).unwrap()
            })
            .collect()
    }

    fn content(body: &str, pieces: &[&str], kind: ClaimKind) -> String {
        text(&spans(body, pieces), kind)
    }

    #[test]
    fn a_whole_quotation_loses_its_marks_and_the_comma_before_the_cue() {
        let body = r#""At least 300," the official said."#;
        assert_eq!(
            content(body, &[r#""At least 300,""#], ClaimKind::Direct),
            "At least 300"
        );
        let body =
            "“We will not give up a single meter,” he wrote. “Ukraine needs air defense now.”";
        let got = content(
            body,
            &[
                "“We will not give up a single meter,”",
                "“Ukraine needs air defense now.”",
            ],
            ClaimKind::Direct,
        );
        assert_eq!(
            got,
            "We will not give up a single meter … Ukraine needs air defense now."
        );
    }

    #[test]
    fn a_quotation_across_paragraphs_loses_its_opening_and_closing_marks() {
        let doc = Document::new(
            DocumentMeta::default(),
            ["\"We held the line.", "\"We will hold it again,\" he said."],
        );
        let piece = |p: &str| {
            let start = doc.body.find(p).unwrap();
            Span::new(&doc.body, start, start + p.len()).unwrap()
        };
        let evidence = [
            piece("\"We held the line."),
            piece("\"We will hold it again,\""),
        ];
        assert_eq!(
            text(&evidence, ClaimKind::Direct),
            "We held the line. … We will hold it again"
        );
    }

    #[test]
    fn partial_quotes_inside_a_paraphrase_keep_their_marks() {
        let body = r#"He said that Moscow was "open to dialogue" but "not at any price.""#;
        let piece = r#"that Moscow was "open to dialogue" but "not at any price.""#;
        assert_eq!(
            content(body, &[piece], ClaimKind::Mixed),
            r#"Moscow was "open to dialogue" but "not at any price.""#
        );
        let body = r#""Open" talks and "fair" terms, he said."#;
        let piece = r#""Open" talks and "fair""#;
        assert_eq!(content(body, &[piece], ClaimKind::Direct), piece);
    }

    #[test]
    fn single_quotes_pair_only_around_the_whole_text() {
        let body = "'We don't retreat,' Kyiv's commander said.";
        assert_eq!(
            content(body, &["'We don't retreat,'"], ClaimKind::Direct),
            "We don't retreat"
        );
        let body = "'Hold' and 'wait', he said.";
        assert_eq!(
            content(body, &["'Hold' and 'wait'"], ClaimKind::Direct),
            "'Hold' and 'wait'"
        );
    }

    #[test]
    fn that_leaves_reported_speech_but_not_a_quotation() {
        let body = "The Pentagon estimates that Russia has lost 700,000 troops.";
        let piece = "that Russia has lost 700,000 troops";
        assert_eq!(
            content(body, &[piece], ClaimKind::Indirect),
            "Russia has lost 700,000 troops"
        );
        let body = "\"That is not true,\" she said.";
        assert_eq!(
            content(body, &["That is not true,"], ClaimKind::Direct),
            "That is not true"
        );
        let body = "They said that.";
        assert_eq!(content(body, &["that"], ClaimKind::Indirect), "that");
    }
}
