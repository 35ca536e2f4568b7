//! A sentence as a list of words: the segmenter's tokens, with any punctuation still glued
//! to a word split off, and quotation marks told apart as opening or closing.
//!
//! Attribution reads only sentences that contain a cue, so building this view costs
//! nothing for the rest of the article.

use std::cell::Cell;

use tally_core::{Document, TokenKind};

use crate::phrase::Class;

/// Which way a quotation mark faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QuoteDir {
    /// Opens a quotation (`“`, or `"` after a space).
    Open,
    /// Closes a quotation (`”`, or `"` after a word).
    Close,
}

/// What a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordKind {
    /// Letters (possibly with inner periods, hyphens, apostrophes) or digits.
    Word,
    /// A quotation mark.
    Quote(QuoteDir),
    /// Any other punctuation.
    Punct,
}

/// One word of a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Word<'a> {
    /// First byte in the body.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text.
    pub text: &'a str,
    /// Its kind.
    pub kind: WordKind,
    /// The text ASCII-lowercased: a slice of the lowercased body, so no word allocates.
    pub lower: &'a str,
    /// Lies inside a quotation (quotation marks themselves do not). A sentence that starts
    /// inside a quotation opened in an earlier sentence shows it by closing a quote it
    /// never opened.
    pub inside: bool,
    /// Starts a cue of its sentence (set once the cues are known): a comma right before it
    /// ends the content of an earlier cue.
    pub cue: bool,
    /// Starts a belief cue (an attitude that takes a clause: "hoped", "expected", "thought"):
    /// after "and" it may go on with a reported clause's own subject ("said they had met
    /// the rebels and expected them to form a government").
    pub belief: bool,
    /// Starts a sourcing condition ("on condition of anonymity"): what follows a cue from
    /// here says why the source is unnamed, not what was said.
    pub condition: bool,
    /// Belongs to a sentence written all in capitals, where capitals tell nothing, and is
    /// not part of an entity mention: it never counts as capitalized.
    pub caseless: bool,
    /// Lies in a mention of a place or a country (set when entities exist): "attacked
    /// southern Israel" is an attack on a place, not a stance.
    pub place: bool,
    /// Its [`Class`] in its sentence, once [`crate::phrase::class`] has computed it: the
    /// phrase scans read the same words again from every cue of a sentence.
    pub class: Cell<Option<Class>>,
}

impl<'a> Word<'a> {
    /// Whether this is a word (not punctuation or a quote mark).
    pub(crate) fn is_word(&self) -> bool {
        self.kind == WordKind::Word
    }

    /// Whether this is exactly the punctuation `p`.
    pub(crate) fn is(&self, p: &str) -> bool {
        self.text == p
    }

    /// ASCII-lowercased text.
    pub(crate) fn lower(&self) -> &'a str {
        self.lower
    }

    /// Starts with an uppercase letter.
    pub(crate) fn is_capitalized(&self) -> bool {
        // ASCII first letters (nearly all) skip the Unicode case tables.
        !self.caseless
            && self.is_word()
            && match self.text.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => self.text.chars().next().is_some_and(char::is_uppercase),
            }
    }

    /// Ends in a possessive `'s` or `s'` ("Ukraine's", "the officials'").
    pub(crate) fn is_possessive(&self) -> bool {
        let t = self.text;
        self.is_word()
            && (t.ends_with("'s")
                || t.ends_with("\u{2019}s")
                || t.ends_with("s'")
                || t.ends_with("s\u{2019}"))
            && t.len() > 2
    }

    /// Whether this is an opening or closing quotation mark.
    pub(crate) fn quote(&self) -> Option<QuoteDir> {
        match self.kind {
            WordKind::Quote(dir) => Some(dir),
            _ => None,
        }
    }
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}'
    )
}

fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}')
}

/// Characters split off the ends of a token.
fn is_edge_punct(c: char) -> bool {
    !(c.is_alphanumeric() || c == '$' || c == '%' || c == '#' || c == '@' || c == '&')
}

/// Quotation marks that open or close a quotation, by byte offset, from
/// [`tally_text::quotations`]: marks not listed (apostrophes, strays) are punctuation.
#[cfg(test)]
pub(crate) fn quote_marks(doc: &Document) -> Vec<(usize, QuoteDir)> {
    marks_of(&tally_text::quotations(doc))
}

/// The opening, reopening and closing marks of `quotes`, sorted by offset.
pub(crate) fn marks_of(quotes: &[tally_text::Quotation]) -> Vec<(usize, QuoteDir)> {
    let mut marks = Vec::new();
    for q in quotes {
        marks.push((q.open, QuoteDir::Open));
        marks.extend(q.reopen.iter().map(|&r| (r, QuoteDir::Open)));
        if let Some(c) = q.close {
            marks.push((c, QuoteDir::Close));
        }
    }
    marks.sort_unstable_by_key(|m| m.0);
    marks
}

/// The words of `span` (a sentence), from the document's tokens; `marks` from
/// [`quote_marks`].
#[cfg(test)]
pub(crate) fn words<'a>(
    doc: &'a Document,
    lower_body: &'a str,
    span: &tally_core::Span,
    marks: &[(usize, QuoteDir)],
) -> Vec<Word<'a>> {
    let mut out = Vec::new();
    let first = doc.tokens.partition_point(|t| t.end <= span.start);
    words_into(
        &mut out,
        doc,
        lower_body,
        span.start..span.end,
        marks,
        first,
    );
    out
}

/// [`words`] into a buffer that is cleared first, so that a document's sentences reuse one
/// allocation; `span` is a sentence or the start of one (the words before a given one do
/// not depend on what follows it). The sentence's tokens are searched from token `from` on (a cursor that moves
/// forward through the document, so that finding them costs no search); returns the index
/// of the first token after the sentence.
pub(crate) fn words_into<'a>(
    out: &mut Vec<Word<'a>>,
    doc: &'a Document,
    lower_body: &'a str,
    span: std::ops::Range<usize>,
    marks: &[(usize, QuoteDir)],
    from: usize,
) -> usize {
    out.clear();
    let body = doc.body.as_str();
    let mut first = from.min(doc.tokens.len());
    if doc.tokens.get(first).is_some_and(|t| t.start > span.start) {
        // The cursor overshot (a caller going back): search from the start.
        first = doc.tokens.partition_point(|t| t.end <= span.start);
    }
    while doc.tokens.get(first).is_some_and(|t| t.end <= span.start) {
        first += 1;
    }
    let mut last = first;
    // An unpaired apostrophe split off a token (only `split` makes punctuation words).
    let mut apostrophe = false;
    // A hyphen token or letters right after a number, which join it to a word
    // ("29-year-old", "1ere").
    let mut number_join = false;
    for token in doc.tokens[first..]
        .iter()
        .take_while(|t| t.start < span.end)
    {
        last += 1;
        let (Some(text), start) = (body.get(token.range()), token.start) else {
            continue;
        };
        // A period glued between a word and a comma ends an abbreviation ("R-Fla.,"), not
        // a sentence: it joins the word.
        if text == "."
            && body
                .as_bytes()
                .get(token.end)
                .is_some_and(|b| matches!(b, b',' | b')' | b';'))
            && let Some(prev) = out.last_mut()
            && prev.is_word()
            && prev.end == start
            && let Some(joined) = body.get(prev.start..token.end)
        {
            prev.end = token.end;
            prev.text = joined;
            prev.lower = lower_body.get(prev.start..token.end).unwrap_or("");
            continue;
        }
        if token.kind == TokenKind::Quote {
            push(out, body, start, text, true);
            // The quotation finder paired the mark across the paragraph: its direction wins
            // over the local guess (`,' " she said` closes although a space precedes it).
            if let (Ok(i), Some(w)) = (marks.binary_search_by_key(&start, |m| m.0), out.last_mut())
            {
                w.kind = WordKind::Quote(marks[i].1);
            }
            continue;
        }
        // A clean word or number (what the segmenter gives) needs no splitting.
        let clean = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        // ASCII ends (nearly all tokens) are tested on the bytes, without decoding.
        let clean_end = |b: Option<&u8>, c: fn(&str) -> Option<char>| match b {
            Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
            _ => clean(c(text)),
        };
        // "Mayotte la 1ere", "the 2nd": letters glued to a number the segmenter split off.
        number_join |= token.kind == TokenKind::Word
            && out.last().is_some_and(|w| {
                w.end == start && w.text.starts_with(|c: char| c.is_ascii_digit())
            });
        if matches!(token.kind, TokenKind::Word | TokenKind::Number)
            && clean_end(text.as_bytes().first(), |t| t.chars().next())
            && clean_end(text.as_bytes().last(), |t| t.chars().next_back())
        {
            out.push(Word {
                start,
                end: token.end,
                text,
                kind: WordKind::Word,
                lower: lower_body.get(start..token.end).unwrap_or(""),
                inside: false,
                cue: false,
                belief: false,
                condition: false,
                caseless: false,
                place: false,
                class: Cell::new(None),
            });
            continue;
        }
        number_join |= text == "-";
        let from = out.len();
        split(out, body, start, text);
        // Lowercase forms come from the lowercased body (same byte offsets); only marks the
        // quotation finder paired are quotes.
        for w in &mut out[from..] {
            w.lower = lower_body.get(w.start..w.end).unwrap_or("");
            if let WordKind::Quote(_) = w.kind {
                w.kind = match marks.binary_search_by_key(&w.start, |m| m.0) {
                    Ok(i) => WordKind::Quote(marks[i].1),
                    Err(_) => WordKind::Punct,
                };
            }
            apostrophe |= w.kind == WordKind::Punct && matches!(w.text, "'" | "\u{2019}");
        }
    }
    // An unpaired apostrophe glued to a plural is a possessive: "the soldiers' families".
    if apostrophe {
        merge_possessives(out, body);
    }
    if number_join {
        merge_number_compounds(out, body, lower_body);
    }
    mark_inside(out);
    if !mark_caseless(out) {
        mark_acronyms(out);
    }
    last
}

/// Pronouns and function words that are acronyms when written in capitals.
static ACRONYM_WORDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    crate::lexicon::word_list(include_str!("../../../data/attribution/acronym_words.txt"))
});

/// In a sentence in lower case, an all-capital "WHO" is an acronym: its lowercase
/// form keeps the capitals, so that no pronoun or function-word test ("who" ends a source
/// phrase) takes it for the word its letters spell.
fn mark_acronyms(words: &mut [Word<'_>]) {
    for w in words.iter_mut() {
        if w.text.len() >= 2
            && w.text.bytes().all(|b| b.is_ascii_uppercase())
            && ACRONYM_WORDS.contains(&w.lower)
        {
            w.lower = w.text;
        }
    }
}

/// Marks every word of a sentence written all in capitals (wire copy of the 1980s, MUC-3
/// reports, shouted headlines) as [`Word::caseless`]: there a capital is no sign of a name,
/// and reading "IT WAS ALSO REPORTED" as a name before a cue makes nonsense sources.
/// Returns whether it did.
fn mark_caseless(words: &mut [Word<'_>]) -> bool {
    let mut capitalized = 0usize;
    for w in words.iter().filter(|w| w.is_word()) {
        let lowercase = if w.text.is_ascii() {
            w.text.bytes().any(|b| b.is_ascii_lowercase())
        } else {
            w.text.chars().any(char::is_lowercase)
        };
        if lowercase {
            return false;
        }
        capitalized += usize::from(w.text != w.lower);
    }
    if capitalized >= 4 {
        for w in words.iter_mut() {
            w.caseless = true;
        }
    }
    capitalized >= 4
}

/// Sets [`Word::inside`] from the quotation marks of the sentence.
fn mark_inside(words: &mut [Word<'_>]) {
    let mut depth = 0usize;
    for i in 0..words.len() {
        match words[i].quote() {
            Some(QuoteDir::Open) => depth += 1,
            Some(QuoteDir::Close) => {
                if depth == 0 {
                    for w in &mut words[..i] {
                        w.inside = w.quote().is_none();
                    }
                } else {
                    depth -= 1;
                }
            }
            None => words[i].inside = depth > 0,
        }
    }
}

/// Joins an apostrophe to the plural before it. Compacts in place: the sentence's buffer
/// is reused, so no word list is allocated.
fn merge_possessives<'a>(out: &mut Vec<Word<'a>>, body: &'a str) {
    let mut kept = 0usize;
    for i in 0..out.len() {
        let w = out[i].clone();
        if let Some(prev) = kept.checked_sub(1).and_then(|p| out.get_mut(p)) {
            let apostrophe = w.kind == WordKind::Punct && matches!(w.text, "'" | "\u{2019}");
            if apostrophe
                && prev.is_word()
                && prev.end == w.start
                && prev.text.ends_with('s')
                && let Some(text) = body.get(prev.start..w.end)
            {
                prev.end = w.end;
                prev.text = text;
                continue;
            }
        }
        out[kept] = w;
        kept += 1;
    }
    out.truncate(kept);
}

/// A number glued by a hyphen to a word is one modifier: "a 29-year-old teacher", "the
/// 300-member assembly" (the segmenter splits numbers off). Split, the hyphen ended every
/// apposition and descriptor holding it. Letters glued to a number are one word too
/// ("Mayotte la 1ere").
fn merge_number_compounds<'a>(out: &mut Vec<Word<'a>>, body: &'a str, lower_body: &'a str) {
    let mut kept = 0usize;
    let mut i = 0;
    while i < out.len() {
        let number = out[i].is_word() && out[i].text.starts_with(|c: char| c.is_ascii_digit());
        let letters = |k: usize| {
            out.get(k)
                .is_some_and(|w| w.is_word() && w.text.starts_with(|c: char| c.is_alphabetic()))
        };
        let glued = |k: usize| out[k].end == out[k + 1].start;
        // "29-year-old": number, hyphen, word; "1ere": number and letters.
        let parts = if number && i + 2 < out.len() && out[i + 1].is("-") && letters(i + 2) {
            (glued(i) && glued(i + 1)).then_some(3)
        } else if number && letters(i + 1) && glued(i) {
            Some(2)
        } else {
            None
        };
        let mut w = out[i].clone();
        if let Some(n) = parts
            && let Some(text) = body.get(w.start..out[i + n - 1].end)
        {
            w.end = out[i + n - 1].end;
            w.text = text;
            w.lower = lower_body.get(w.start..w.end).unwrap_or("");
            i += n;
        } else {
            i += 1;
        }
        out[kept] = w;
        kept += 1;
    }
    out.truncate(kept);
}

/// Splits a token into leading punctuation, the core, and trailing punctuation.
fn split<'a>(out: &mut Vec<Word<'a>>, body: &'a str, start: usize, text: &'a str) {
    let mut lead = 0;
    for (i, c) in text.char_indices() {
        if is_edge_punct(c) {
            lead = i + c.len_utf8();
        } else {
            break;
        }
    }
    let mut trail = text.len();
    // "U.S." and "Mr." keep their period; "said." loses it.
    let abbreviation = |end: usize| {
        let core = text[lead..end].trim_end_matches('.');
        core.contains('.')
            || (core.len() <= 4 && core.chars().next().is_some_and(char::is_uppercase))
    };
    for (i, c) in text.char_indices().rev() {
        if i < lead {
            break;
        }
        // A period right before a comma or parenthesis ends an abbreviation ("R-Fla.,"),
        // not a sentence.
        let before_comma = c == '.'
            && matches!(
                text.get(i + 1..).and_then(|t| t.chars().next()),
                Some(',' | ')' | ';')
            );
        let keep = (c == '.' && (abbreviation(i + 1) || before_comma))
            || (is_single_quote(c) && text[lead..i].ends_with('s'));
        if is_edge_punct(c) && !keep {
            trail = i;
        } else {
            break;
        }
    }
    let mut at = 0;
    for (i, c) in text[..lead].char_indices() {
        push(out, body, start + i, &text[i..i + c.len_utf8()], false);
        at = i + c.len_utf8();
    }
    if lead < trail {
        push(out, body, start + lead, &text[lead..trail], false);
        at = trail;
    }
    // Keep an ellipsis together; split other trailing punctuation one char at a time.
    let rest = &text[at.max(lead)..];
    let base = start + at.max(lead);
    let mut i = 0;
    while i < rest.len() {
        if rest[i..].starts_with("...") {
            push(out, body, base + i, &rest[i..i + 3], false);
            i += 3;
            continue;
        }
        let Some(c) = rest[i..].chars().next() else {
            break;
        };
        push(out, body, base + i, &rest[i..i + c.len_utf8()], false);
        i += c.len_utf8();
    }
}

fn push<'a>(out: &mut Vec<Word<'a>>, body: &'a str, start: usize, text: &'a str, quote: bool) {
    let end = start + text.len();
    let first = text.chars().next().unwrap_or(' ');
    let kind = if quote
        || (text.chars().count() == 1 && (is_quote_char(first) || is_single_quote(first)))
    {
        WordKind::Quote(direction(body, start, end, first))
    } else if first.is_alphanumeric() || first == '$' || text.chars().any(char::is_alphanumeric) {
        WordKind::Word
    } else {
        WordKind::Punct
    };
    out.push(Word {
        start,
        end,
        text,
        kind,
        lower: "",
        inside: false,
        cue: false,
        belief: false,
        condition: false,
        caseless: false,
        place: false,
        class: Cell::new(None),
    });
}

/// Curly marks say their direction; a straight mark opens after a space, a line start or
/// an opening bracket, and closes otherwise.
fn direction(body: &str, start: usize, end: usize, mark: char) -> QuoteDir {
    match mark {
        '\u{201C}' | '\u{2018}' | '\u{201E}' | '\u{00AB}' => QuoteDir::Open,
        '\u{201D}' | '\u{2019}' | '\u{00BB}' => QuoteDir::Close,
        _ => {
            let before = body[..start].chars().next_back();
            let after = body[end..].chars().next();
            match before {
                None => QuoteDir::Open,
                Some(b) if b.is_whitespace() || matches!(b, '(' | '[' | '{' | '\u{2014}') => {
                    QuoteDir::Open
                }
                Some(_) if after.is_none_or(|a| a.is_whitespace()) => QuoteDir::Close,
                Some(b) if b.is_alphanumeric() || matches!(b, '.' | ',' | '!' | '?') => {
                    QuoteDir::Close
                }
                Some(_) => QuoteDir::Open,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_core::{DocumentMeta, Token};

    fn doc_with_space_tokens(text: &str) -> Document {
        let mut doc = Document::new(DocumentMeta::default(), [text]);
        let mut at = 0;
        for piece in doc.body.clone().split(' ') {
            if !piece.is_empty() {
                doc.tokens.push(Token {
                    start: at,
                    end: at + piece.len(),
                    kind: TokenKind::Word,
                });
            }
            at += piece.len() + 1;
        }
        doc
    }

    #[test]
    fn splits_glued_punctuation_and_keeps_abbreviations() {
        let doc = doc_with_space_tokens("\u{201C}Yes,\u{201D} the U.S. official's aide said.");
        let span = doc.paragraphs[0].clone();
        let marks = quote_marks(&doc);
        let lower = doc.body.to_ascii_lowercase();
        let texts: Vec<&str> = words(&doc, &lower, &span, &marks)
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(
            texts,
            [
                "\u{201C}",
                "Yes",
                ",",
                "\u{201D}",
                "the",
                "U.S.",
                "official's",
                "aide",
                "said",
                "."
            ]
        );
    }

    #[test]
    fn straight_quotes_get_a_direction() {
        let doc = doc_with_space_tokens("He said \"no\" today.");
        let span = doc.paragraphs[0].clone();
        let lower = doc.body.to_ascii_lowercase();
        let w = words(&doc, &lower, &span, &quote_marks(&doc));
        assert_eq!(w[2].quote(), Some(QuoteDir::Open));
        assert_eq!(w[4].quote(), Some(QuoteDir::Close));
    }
}
