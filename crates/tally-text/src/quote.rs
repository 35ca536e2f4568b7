//! Quotations: the passages of a document that stand between quotation marks.
//!
//! ## What it finds
//! Paired straight (`"`) and curly (`“ ”`) double quotes, low and angle quotes (`„`, `« »`),
//! and single quotes (`'`, `‘ ’`) used as quotation marks, as in headlines ('Several
//! Hundred') and quotes inside quotes. Quotations nest. A quotation is bounded by its
//! paragraph, except for the newspaper convention for long quotes: a paragraph that opens
//! a quote and never closes it continues in the next paragraph when that paragraph opens
//! with a quote mark of the same kind; the quotation then has one content span per
//! paragraph.
//!
//! ## Example
//! ```
//! use tally_core::{Document, DocumentMeta};
//! use tally_text::{QuoteMarks, quotations};
//! let doc = Document::new(
//!     DocumentMeta::default(),
//!     [r#""These are not battle-hardened troops," the official said."#],
//! );
//! let quotes = quotations(&doc);
//! assert_eq!(quotes.len(), 1);
//! assert_eq!(quotes[0].content[0].text, "These are not battle-hardened troops,");
//! assert_eq!(quotes[0].marks, QuoteMarks::Double);
//! assert!(quotes[0].is_closed());
//! ```
//!
//! ## How marks are read
//! Each mark's direction comes from its shape (curly marks lean open or closed) and from
//! what flanks it: a mark followed by a word and preceded by a space opens, a mark after a
//! word and before a space closes (the rule CommonMark uses for emphasis). Straight double
//! marks that could go either way close an open double quote and otherwise open one; so
//! do straight double marks wedged between closing punctuation and a word (`audiences,"Katie
//! Packer said`). Within a paragraph this pairs ambiguous marks by parity: a spaced closing
//! mark (`…,' " she said`, `end of quote. " he said`, common in wire text) closes the
//! double quote it follows, ending any single quote still open inside it. A straight
//! double mark that reads as closing but has nothing to close opens instead when it
//! follows a comma or colon (`he added," I can say …"`, `said:" …`) and an odd number of
//! straight double marks follows it in the paragraph.
//! Single marks are apostrophes when they sit inside a word ("haven't", "Ukraine’s"),
//! start an elision ('em, 'til, rock 'n' roll, from `data/text/elisions.txt`) or, unless a
//! closing mark follows, a two-digit year ('90s); a mark after a plural "s" ("the
//! soldiers' families") closes an open single quote only when no better closing mark
//! follows.
//!
//! ## Limitations
//! - Marks are read left to right once; a stray mark can still pair with the wrong
//!   partner inside its paragraph (never beyond it, except by the continuation rule).
//! - A closing mark with no opener is ignored; a quote left open is reported with
//!   `close: None` and runs to the end of its paragraph.
//! - Only the outermost open quotation continues into the next paragraph.
//! - At most eight quotations are open at once; deeper opening marks are ignored.

use std::ops::Range;

use tally_core::{Document, Span};

use crate::chars::{
    Family, Lean, char_at, char_before, is_punct, is_space, is_word_char, quote_char, quote_mark_at,
};
use crate::lexicon::lexicon;

/// The kind of marks a quotation uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteMarks {
    /// Double marks: `"…"`, `“…”`, `„…“`, `«…»`.
    Double,
    /// Single marks: `'…'`, `‘…’`, `‹…›`.
    Single,
}

/// A quoted passage: where its marks are and what they enclose.
///
/// Offsets are bytes into [`Document::body`]. A one-paragraph quotation has one content
/// span; a quotation continued across paragraphs (newspaper style: the quote mark reopens
/// each paragraph, and only the last one closes) has one per paragraph, and `reopen` lists
/// the reopening marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offsets of the marks that reopen the quotation at the start of each
    /// continuation paragraph; empty for a one-paragraph quotation.
    pub reopen: Vec<usize>,
    /// Byte offset of the closing mark, or `None` when the quotation is never closed (it
    /// then ends at the end of its last paragraph).
    pub close: Option<usize>,
    /// One past the last byte of the quotation: after the closing mark, or the end of the
    /// last paragraph for an unclosed one.
    pub end: usize,
    /// The quoted text, marks excluded: one span per paragraph, in order.
    pub content: Vec<Span>,
    /// Double or single marks.
    pub marks: QuoteMarks,
    /// Nesting depth: 0 for an outermost quotation, 1 for a quotation inside it, and so on.
    pub depth: usize,
}

impl Quotation {
    /// Whether a closing mark was found.
    #[must_use]
    pub fn is_closed(&self) -> bool {
        self.close.is_some()
    }

    /// From the opening mark to [`Quotation::end`], marks included. For a multi-paragraph
    /// quotation this includes the paragraph separators.
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.open..self.end
    }

    /// Whether byte `offset` lies in the quoted text (not on a mark, not between
    /// paragraphs).
    #[must_use]
    pub fn contains(&self, offset: usize) -> bool {
        self.content
            .iter()
            .any(|s| s.start <= offset && offset < s.end)
    }

    /// Whether the quotation runs over more than one paragraph.
    #[must_use]
    pub fn is_multi_paragraph(&self) -> bool {
        !self.reopen.is_empty()
    }
}

/// Finds every quotation in `doc`'s paragraphs, ordered by opening mark (an outer
/// quotation before the ones nested in it).
///
/// Never panics; odd or unbalanced marks give unclosed quotations or are ignored, and no
/// quotation extends past its paragraph unless the continuation convention applies.
#[must_use]
pub fn quotations(doc: &Document) -> Vec<Quotation> {
    scan(&doc.body, &doc.paragraphs).quotations
}

/// The innermost quotation whose [`Quotation::range`] contains byte `offset`, from a list
/// sorted as [`quotations`] returns it.
///
/// ```
/// use tally_core::{Document, DocumentMeta};
/// use tally_text::{quotation_at, quotations};
/// let doc = Document::new(DocumentMeta::default(), [r#"He said: "They told me 'go home' today.""#]);
/// let quotes = quotations(&doc);
/// let home = doc.body.find("home").unwrap();
/// assert_eq!(quotation_at(&quotes, home).unwrap().depth, 1);
/// let today = doc.body.find("today").unwrap();
/// assert_eq!(quotation_at(&quotes, today).unwrap().depth, 0);
/// assert!(quotation_at(&quotes, 0).is_none());
/// ```
#[must_use]
pub fn quotation_at(quotes: &[Quotation], offset: usize) -> Option<&Quotation> {
    let opened = quotes.partition_point(|q| q.open <= offset);
    // Among quotations containing the offset, the one opened last is the innermost.
    quotes[..opened]
        .iter()
        .rev()
        .find(|q| q.range().contains(&offset))
}

/// The role a quote character plays, for the tokenizer and the sentence splitter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Opens (or reopens) a quotation.
    Open,
    /// Closes a quotation.
    Close,
    /// An apostrophe, not a quotation mark.
    Apostrophe,
    /// A closing-looking mark with nothing to close.
    StrayClose,
    /// An opening-looking mark past the nesting limit.
    StrayOpen,
}

/// A quote character and its role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    pub pos: usize,
    pub role: Role,
}

/// Everything the quote pass finds: the quotations and the role of every quote character.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub quotations: Vec<Quotation>,
    /// Sorted by position.
    pub marks: Vec<Mark>,
}

impl Scan {
    /// The stretches of text between a quotation's (re)opening mark and its closing mark in
    /// the same paragraph, merged and sorted: the segmenter never breaks a sentence inside
    /// them, so a quote keeps its sentences together with their attribution.
    pub(crate) fn closed_regions(&self) -> Vec<Range<usize>> {
        let mut regions: Vec<Range<usize>> = self
            .quotations
            .iter()
            .filter(|q| q.is_closed())
            .map(|q| q.reopen.last().copied().unwrap_or(q.open)..q.end)
            .collect();
        regions.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(regions.len());
        for r in regions {
            match merged.last_mut() {
                Some(last) if r.start < last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    }
}

/// The most quotations open at once. Real nesting is two or three deep; the bound keeps a
/// soup of opening marks linear (each open quotation copies its text to the paragraph end).
const MAX_NESTING: usize = 8;

/// A mark's reading before pairing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    /// Straight mark between two words or two spaces.
    Ambiguous,
    /// Looks like an elided year ('90s): opens only if a closing mark follows.
    WeakOpen,
    /// Looks like a plural possessive (soldiers'): closes only if no better mark follows.
    WeakClose,
    Apostrophe,
}

#[derive(Clone, Copy, Debug)]
struct Candidate {
    pos: usize,
    len: usize,
    family: Family,
    dir: Dir,
}

/// A quotation still open during the pass.
#[derive(Clone, Copy, Debug)]
struct Opened {
    /// Index into the quotations.
    q: usize,
    family: Family,
    /// Where the current paragraph's content starts.
    content_start: usize,
}

/// Runs the quote pass over the paragraphs of `body`.
pub(crate) fn scan(body: &str, paragraphs: &[Span]) -> Scan {
    scan_with(body, paragraphs, true)
}

/// [`scan`], copying each quotation's content text only when `copy_text` is set: the
/// segmenter needs the marks and the quotations' extents, not their text, and a string
/// per quoted passage is most of the pass's cost where quotes are many.
pub(crate) fn scan_with(body: &str, paragraphs: &[Span], copy_text: bool) -> Scan {
    let mut pass = Pass {
        body,
        scan: Scan::default(),
        stack: Vec::new(),
        copy_text,
        next_single_closes: Vec::new(),
        odd_straight_after: Vec::new(),
    };
    let mut candidates = Vec::new();
    let mut positions = Vec::new();
    let mut carry: Option<Opened> = None;
    let mut last_end = 0;
    for p in paragraphs {
        // Paragraphs out of order or off character boundaries are skipped rather than
        // trusted: the pass must stay in order and never slice badly.
        let Some(text) = body.get(p.start..p.end).filter(|_| p.start >= last_end) else {
            continue;
        };
        last_end = p.end;
        candidates.clear();
        classify(body, p.start, p.end, &mut positions, &mut candidates);
        let mut first = 0;
        // The continuation convention: a quote left open by the previous paragraph goes on
        // when this paragraph opens with a mark of the same kind.
        let first_char = p.start + (text.len() - text.trim_start().len());
        let reopening = candidates.first().filter(|c| {
            c.pos == first_char && matches!(c.dir, Dir::Open | Dir::Ambiguous | Dir::WeakOpen)
        });
        if let (Some(open), Some(c)) = (carry.take(), reopening)
            && c.family == open.family
        {
            pass.scan.quotations[open.q].reopen.push(c.pos);
            pass.stack.push(Opened {
                content_start: c.pos + c.len,
                ..open
            });
            pass.mark(c.pos, Role::Open);
            first = 1;
        }
        pass.pair(&candidates, first);
        // Close the paragraph: inner quotations end here; the outermost may continue.
        while pass.stack.len() > 1 {
            pass.end_unclosed(p.end);
        }
        if let Some(open) = pass.stack.first().copied() {
            pass.end_unclosed(p.end);
            carry = Some(open);
        }
    }
    pass.scan
}

struct Pass<'a> {
    body: &'a str,
    scan: Scan,
    stack: Vec<Opened>,
    /// Whether quotation contents get their text (else empty strings).
    copy_text: bool,
    /// Per candidate of the paragraph being paired, reused from one paragraph to the
    /// next: see [`Pass::pair`].
    next_single_closes: Vec<bool>,
    /// See `next_single_closes`.
    odd_straight_after: Vec<bool>,
}

impl Pass<'_> {
    fn mark(&mut self, pos: usize, role: Role) {
        self.scan.marks.push(Mark { pos, role });
    }

    /// Pairs one paragraph's candidates, from index `first` on.
    fn pair(&mut self, candidates: &[Candidate], first: usize) {
        // For weak marks: whether the next single mark that is not an apostrophe closes.
        let mut next_single_closes = std::mem::take(&mut self.next_single_closes);
        next_single_closes.clear();
        next_single_closes.resize(candidates.len(), false);
        // For stray straight double marks: whether an odd number of straight double marks
        // follows in the paragraph, so that one of them can be this mark's partner.
        let mut odd_straight_after = std::mem::take(&mut self.odd_straight_after);
        odd_straight_after.clear();
        odd_straight_after.resize(candidates.len(), false);
        let mut closes = false;
        let mut odd = false;
        for (i, c) in candidates.iter().enumerate().rev() {
            next_single_closes[i] = closes;
            odd_straight_after[i] = odd;
            if c.family == Family::Single && c.dir != Dir::Apostrophe {
                closes = matches!(c.dir, Dir::Close | Dir::WeakClose | Dir::Ambiguous);
            }
            if self.is_straight_double(c) {
                odd = !odd;
            }
        }
        for (i, c) in candidates.iter().enumerate().skip(first) {
            let in_stack = self.stack.iter().rposition(|o| o.family == c.family);
            let role = match c.dir {
                Dir::Apostrophe => Role::Apostrophe,
                Dir::Open => self.open(c),
                Dir::WeakOpen if next_single_closes[i] => self.open(c),
                Dir::WeakOpen => Role::Apostrophe,
                Dir::Close => match in_stack {
                    Some(at) => self.close(at, c),
                    // `he added," I can say ... start"` and `said:" Delors ...`: a straight
                    // mark after a comma or colon with nothing to close opens, by parity,
                    // when a partner follows in the paragraph. Other strays stay stray
                    // (inch marks: `a 6" pipe`).
                    None if odd_straight_after[i]
                        && self.is_straight_double(c)
                        && matches!(char_before(self.body, c.pos), Some(',' | ':')) =>
                    {
                        self.open(c)
                    }
                    None => Role::StrayClose,
                },
                Dir::WeakClose => match self.stack.last() {
                    Some(top) if top.family == Family::Single && !next_single_closes[i] => {
                        self.close(self.stack.len() - 1, c)
                    }
                    _ => Role::Apostrophe,
                },
                Dir::Ambiguous => match (in_stack, c.family) {
                    (Some(at), _) => self.close(at, c),
                    (None, Family::Double) => self.open(c),
                    (None, Family::Single) => Role::Apostrophe,
                },
            };
            self.mark(c.pos, role);
        }
        self.next_single_closes = next_single_closes;
        self.odd_straight_after = odd_straight_after;
    }

    /// Whether `c` is a straight double mark (`"`), the mark whose direction is only
    /// ever read from context.
    fn is_straight_double(&self, c: &Candidate) -> bool {
        c.family == Family::Double && self.body.as_bytes().get(c.pos) == Some(&b'"')
    }

    fn open(&mut self, c: &Candidate) -> Role {
        if self.stack.len() >= MAX_NESTING {
            return Role::StrayOpen;
        }
        let q = self.scan.quotations.len();
        self.scan.quotations.push(Quotation {
            open: c.pos,
            reopen: Vec::new(),
            close: None,
            end: c.pos + c.len,
            content: Vec::new(),
            marks: match c.family {
                Family::Double => QuoteMarks::Double,
                Family::Single => QuoteMarks::Single,
            },
            depth: self.stack.len(),
        });
        self.stack.push(Opened {
            q,
            family: c.family,
            content_start: c.pos + c.len,
        });
        Role::Open
    }

    /// Closes the quotation at stack index `at` with mark `c`; quotations opened inside it
    /// and still open end, unclosed, at the mark.
    fn close(&mut self, at: usize, c: &Candidate) -> Role {
        while self.stack.len() > at + 1 {
            self.end_unclosed(c.pos);
        }
        if let Some(open) = self.stack.pop() {
            let q = &mut self.scan.quotations[open.q];
            push_content(
                self.body,
                self.copy_text,
                &mut q.content,
                open.content_start,
                c.pos,
            );
            q.close = Some(c.pos);
            q.end = c.pos + c.len;
        }
        Role::Close
    }

    /// Ends the innermost open quotation's current paragraph at `end` without a closing
    /// mark, and pops it.
    fn end_unclosed(&mut self, end: usize) {
        if let Some(open) = self.stack.pop() {
            let q = &mut self.scan.quotations[open.q];
            push_content(
                self.body,
                self.copy_text,
                &mut q.content,
                open.content_start,
                end,
            );
            q.end = end;
        }
    }
}

fn push_content(body: &str, copy_text: bool, content: &mut Vec<Span>, start: usize, end: usize) {
    // Offsets come from character positions, so `get` always succeeds; a failure would
    // only drop the span, never panic.
    if let Some(text) = body.get(start..end) {
        content.push(Span {
            start,
            end,
            text: if copy_text {
                text.to_owned()
            } else {
                String::new()
            },
        });
    }
}

/// Finds the quote characters of the paragraph `body[start..end]` and reads each one's
/// direction from its shape and what flanks it.
fn classify(
    body: &str,
    start: usize,
    end: usize,
    positions: &mut Vec<usize>,
    out: &mut Vec<Candidate>,
) {
    let Some(text) = body.get(start..end) else {
        return;
    };
    let bytes = text.as_bytes();
    // Quote characters are `"`, `'`, or start with byte 0xE2 (curly quotes), 0xC2
    // (guillemets) or a backtick; memchr finds the few candidates without looking at
    // every character.
    positions.clear();
    positions.extend(memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes));
    if memchr::memchr2(0xC2, b'`', bytes).is_some() {
        positions.extend(memchr::memchr2_iter(0xC2, b'`', bytes));
        positions.sort_unstable();
    }
    let mut skip_until = 0;
    // The end of the last mark read, to skip the second half of a two-character mark.
    let mut consumed = 0;
    for &pos in positions.iter() {
        if pos < consumed {
            continue;
        }
        let Some((family, lean, len)) = quote_mark_at(text, pos) else {
            continue;
        };
        consumed = pos + len;
        let prev = char_before(text, pos);
        let next = char_at(text, pos + len).map(|(n, _)| n);
        let dir = if pos < skip_until {
            Dir::Apostrophe
        } else {
            let (dir, skip) = direction(text, pos, len, family, lean, prev, next);
            skip_until = skip;
            dir
        };
        out.push(Candidate {
            pos: start + pos,
            len,
            family,
            dir,
        });
    }
}

/// The direction of one mark; also returns an offset before which further marks are
/// apostrophes (the second mark of "'n'").
fn direction(
    text: &str,
    pos: usize,
    len: usize,
    family: Family,
    lean: Lean,
    prev: Option<char>,
    next: Option<char>,
) -> (Dir, usize) {
    let space_or_punct = |c: Option<char>| c.is_none_or(|c| is_space(c) || is_punct(c));
    let left =
        next.is_some_and(|n| !is_space(n)) && (!space_or_punct(next) || space_or_punct(prev));
    let right =
        prev.is_some_and(|p| !is_space(p)) && (!space_or_punct(prev) || space_or_punct(next));
    if family == Family::Single
        && prev.is_some_and(is_word_char)
        && next.is_some_and(char::is_alphabetic)
    {
        return (Dir::Apostrophe, 0);
    }
    // A possessive after an abbreviation or a closing bracket: "the U.S.'s", "Inc.’s".
    if family == Family::Single
        && prev.is_some_and(|p| !is_space(p))
        && matches!(next, Some('s' | 'S'))
        && !char_at(text, pos + len + 1).is_some_and(|(c, _)| is_word_char(c))
    {
        return (Dir::Apostrophe, 0);
    }
    // A straight double mark glued between a sentence's closing punctuation and a word
    // ("audiences,"Katie Packer said", "authorities."We were") is a space short on one
    // side: it closes an open quote (a comma or period ends quoted text) and otherwise
    // opens one, like a mark between two spaces.
    if family == Family::Double
        && lean == Lean::Neutral
        && matches!(prev, Some(',' | '.' | '!' | '?' | ';'))
        && next.is_some_and(is_word_char)
    {
        return (Dir::Ambiguous, 0);
    }
    let dir = match lean {
        Lean::Open if right && !left => Dir::Close,
        Lean::Open => Dir::Open,
        Lean::Close if left && !right => Dir::Open,
        Lean::Close => Dir::Close,
        Lean::Neutral => match (left, right) {
            (true, false) => Dir::Open,
            (false, true) => Dir::Close,
            _ => Dir::Ambiguous,
        },
    };
    if family == Family::Double {
        return (dir, 0);
    }
    match dir {
        Dir::Open => {
            let rest = &text[pos + len..];
            if let Some(n) = lexicon().elision(rest) {
                // In "'n'" the second mark is an apostrophe too.
                let after = pos + len + n;
                let skip = char_at(text, after)
                    .filter(|&(c, _)| quote_char(c).is_some_and(|(f, _)| f == Family::Single))
                    .map_or(0, |(_, l)| after + l);
                return (Dir::Apostrophe, skip);
            }
            let b = rest.as_bytes();
            let year = b.len() >= 2
                && b[0].is_ascii_digit()
                && b[1].is_ascii_digit()
                && !b.get(2).is_some_and(u8::is_ascii_digit);
            (if year { Dir::WeakOpen } else { Dir::Open }, 0)
        }
        Dir::Close if matches!(prev, Some('s' | 'S')) => (Dir::WeakClose, 0),
        dir => (dir, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_core::DocumentMeta;

    fn doc(paragraphs: &[&str]) -> Document {
        Document::new(DocumentMeta::default(), paragraphs)
    }

    /// The content of each quotation, paragraphs joined with " / ", with `?` for unclosed.
    fn contents(paragraphs: &[&str]) -> Vec<String> {
        quotations(&doc(paragraphs))
            .iter()
            .map(|q| {
                let text: Vec<&str> = q.content.iter().map(|s| s.text.as_str()).collect();
                let mut s = text.join(" / ");
                if !q.is_closed() {
                    s.push('?');
                }
                s
            })
            .collect()
    }

    #[test]
    fn straight_and_curly_doubles_pair() {
        assert_eq!(
            contents(&[r#"He said "no." She said “yes,” they said."#]),
            ["no.", "yes,"]
        );
    }

    #[test]
    fn headline_single_quotes_are_quotes() {
        assert_eq!(
            contents(&["'Several Hundred' North Korean Casualties in Russia's Kursk"]),
            ["Several Hundred"]
        );
        assert_eq!(contents(&["‘Intense’ Counteroffensive"]), ["Intense"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(contents(&["They haven't seen Ukraine's or Ukraine’s troops."]).is_empty());
        assert!(contents(&["Back in the '90s, rock 'n' roll and rock ’n’ roll."]).is_empty());
        assert!(contents(&["The soldiers' families got 'em all."]).is_empty());
        assert!(contents(&["He is 5'10 and the O'Briens' dog barks."]).is_empty());
        assert!(contents(&["The U.S.'s aid and Acme Inc.’s shares."]).is_empty());
    }

    #[test]
    fn plural_possessive_inside_a_single_quote_does_not_close_it() {
        assert_eq!(
            contents(&["'The soldiers' families are safe,' he said."]),
            ["The soldiers' families are safe,"]
        );
        assert_eq!(
            contents(&["Fans of 'The Beatles' cheered."]),
            ["The Beatles"]
        );
    }

    #[test]
    fn a_year_mark_opens_when_a_closing_mark_follows() {
        assert_eq!(contents(&["Headline: '20 killed' in blast"]), ["20 killed"]);
        assert!(contents(&["In the '90s it rained."]).is_empty());
    }

    #[test]
    fn nested_quotes_record_depth() {
        let d = doc(&[r#""He told me 'go away,' and left," she said."#]);
        let q = quotations(&d);
        assert_eq!(q.len(), 2);
        assert_eq!((q[0].depth, q[0].marks), (0, QuoteMarks::Double));
        assert_eq!((q[1].depth, q[1].marks), (1, QuoteMarks::Single));
        assert_eq!(q[1].content[0].text, "go away,");
        assert!(q.iter().all(Quotation::is_closed));
    }

    #[test]
    fn a_quote_spanning_sentences_is_one_quotation() {
        assert_eq!(
            contents(&[
                r#""These are not battle-hardened troops. They haven't been in combat before," the official said."#
            ]),
            ["These are not battle-hardened troops. They haven't been in combat before,"]
        );
    }

    #[test]
    fn ellipsis_inside_quotes() {
        assert_eq!(
            contents(&[
                r#"This "would include everything from... light wounds up to being KIA [killed in action]," the official said."#
            ]),
            ["would include everything from... light wounds up to being KIA [killed in action],"]
        );
        assert_eq!(
            contents(&[r#"He said "...and then" it ended."#]),
            ["...and then"]
        );
    }

    #[test]
    fn multi_paragraph_quote_continues_when_the_next_paragraph_reopens() {
        let d = doc(&[
            r#""We will fight on the beaches."#,
            r#""We will fight in the fields," he said."#,
            "Then he left.",
        ]);
        let q = quotations(&d);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].content.len(), 2);
        assert_eq!(q[0].content[0].text, "We will fight on the beaches.");
        assert_eq!(q[0].content[1].text, "We will fight in the fields,");
        assert_eq!(q[0].reopen, [d.paragraphs[1].start]);
        assert!(q[0].is_closed() && q[0].is_multi_paragraph());
    }

    #[test]
    fn curly_multi_paragraph_quote() {
        assert_eq!(
            contents(&["“First part.", "“Second part.", "“Third,” he said."]),
            ["First part. / Second part. / Third,"]
        );
    }

    #[test]
    fn an_unclosed_quote_stops_at_its_paragraph() {
        assert_eq!(
            contents(&[
                r#"He said "no and left."#,
                "Nothing here is quoted.",
                r#"Later "yes" came."#
            ]),
            ["no and left.?", "yes"]
        );
    }

    #[test]
    fn stray_closing_marks_are_ignored() {
        assert_eq!(contents(&[r#"He is 6'2" tall. "Hi," she said."#]), ["Hi,"]);
        assert!(contents(&["end.” And more"]).is_empty());
    }

    #[test]
    fn quote_soup_does_not_panic_or_escape_paragraphs() {
        let d = doc(&[r#"""'"“”‘’"'«»„""#, "plain text", r#"'"'"#]);
        for q in quotations(&d) {
            let para = d.paragraph_at(q.open).unwrap();
            let last = d.paragraph_at(q.end.saturating_sub(1)).unwrap();
            assert!(last == para || q.is_multi_paragraph());
            for s in &q.content {
                assert!(s.check(&d.body).is_ok());
            }
        }
    }

    #[test]
    fn doubled_single_quotes_are_one_double_quote() {
        let d = doc(&["He said: ''It doesn't cut it.'' Then ``no,'' she said."]);
        let q = quotations(&d);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].marks, QuoteMarks::Double);
        assert_eq!(q[0].content[0].text, "It doesn't cut it.");
        assert_eq!(q[1].content[0].text, "no,");
    }

    #[test]
    fn a_soup_of_opening_marks_stays_linear() {
        // 50,000 single openers, then 50,000 double closers: unbounded nesting would copy
        // the rest of the paragraph into every unclosed quotation.
        let text = format!("{}{}", "‘a ".repeat(50_000), "b” ".repeat(50_000));
        let d = doc(&[&text]);
        let q = quotations(&d);
        assert_eq!(q.len(), MAX_NESTING);
        assert!(q.iter().all(|q| !q.is_closed()));
    }

    #[test]
    fn a_spaced_straight_mark_closes_the_open_double_quote() {
        // Wire style: a space between a nested single quote's mark and the double mark.
        assert_eq!(
            contents(&[
                r#""She went so far as to say she'll be 'above the president,' " said Khin Zaw Win. "That is not responsible.""#
            ]),
            [
                "She went so far as to say she'll be 'above the president,' ",
                "above the president,",
                "That is not responsible."
            ]
        );
        assert_eq!(
            contents(&[r#"He talked about the "collective power of 'we' " and how it went."#]),
            ["collective power of 'we' ", "we"]
        );
        // A space before the closing mark after a sentence's end, and a spaced opener.
        assert_eq!(
            contents(&[r#""Well, what does that mean? " Clinton asked. " And then? " he said."#]),
            ["Well, what does that mean? ", " And then? "]
        );
        // A nested single quote left open ends where the double quote closes.
        let d = doc(&[r#""It is 'a flight to quality, " he said."#]);
        let q = quotations(&d);
        assert_eq!(q.len(), 2);
        assert!(q[0].is_closed() && !q[1].is_closed());
        assert_eq!(q[0].end, d.body.find(" he").unwrap());
    }

    #[test]
    fn a_mark_glued_between_punctuation_and_a_word_goes_by_parity() {
        assert_eq!(
            contents(&[
                r#""Trump says different things to different audiences,"Katie Packer said. "More and more.""#
            ]),
            [
                "Trump says different things to different audiences,",
                "More and more."
            ]
        );
        assert_eq!(
            contents(&[r#"He feared the authorities."We got deceived," he said."#]),
            ["We got deceived,"]
        );
        assert_eq!(contents(&[r#"He said,"Hello," and left."#]), ["Hello,"]);
    }

    #[test]
    fn a_stray_straight_mark_after_a_comma_or_colon_opens_when_a_partner_follows() {
        assert_eq!(
            contents(&[
                r#""At the end of two months," he added," I can say we are off to a good start" for 1987."#
            ]),
            [
                "At the end of two months,",
                " I can say we are off to a good start"
            ]
        );
        assert_eq!(
            contents(&[r#"Haughey said:" Delors assured me we could." Then he left."#]),
            [" Delors assured me we could."]
        );
        // No partner, or not after a comma or colon: still stray.
        assert!(contents(&[r#"He said," and left."#]).is_empty());
        assert!(contents(&[r#"A 6" pipe and a 4" pipe."#]).is_empty());
    }

    #[test]
    fn guillemets_and_low_quotes() {
        assert_eq!(contents(&["Il a dit «non» hier."]), ["non"]);
        assert_eq!(contents(&["Er sagte „nein“ gestern."]), ["nein"]);
    }

    #[test]
    fn closed_regions_cover_only_closed_quotes() {
        let d = doc(&[r#""A. B," he said. "C"#]);
        let s = scan(&d.body, &d.paragraphs);
        assert_eq!(s.closed_regions(), vec![Range { start: 0, end: 7 }]);
    }
}
