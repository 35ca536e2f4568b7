//! The recognizer: every amount in a text, with its modifiers, currency, percent sign and
//! range, before anything is judged a figure or not.
//!
//! One pass of the anchor automaton ([`crate::lexicon`]) finds where amounts can start
//! (digits, number words, vague words, currency signs); each anchor is then read outward a
//! few words at a time:
//!
//! ```text
//!   [modifier] [between|from] [currency] NUMBER|VAGUE [currency|percent]
//!              [to|-|and|or [currency] NUMBER [currency|percent]] [or more|or so]
//! ```
//!
//! ```
//! use tally_figures::Recognizer;
//! let r = Recognizer::new().unwrap();
//! let text = "Up to $5.6bn and several hundred troops; between 500 and 700 died.";
//! let found: Vec<&str> = r.recognize(text).iter().map(|q| q.text(text)).collect();
//! assert_eq!(found, ["Up to $5.6bn", "several hundred", "between 500 and 700"]);
//! ```

use std::ops::Range;
use std::sync::Arc;

use tally_core::ExtractError;

use crate::convention::{Base, VagueBase};
use crate::lex::{self, Kind, Tok};
use crate::lexicon::{Anchor, Info, Lexicon, ModKind, NumWord, Position, flag, link, with_lower};
use crate::number::{self, Num, Nums, flags};
use crate::scan;

/// A percent unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentUnit {
    /// "%", "percent", "per cent".
    Percent,
    /// "percentage points".
    PercentagePoint,
}

impl PercentUnit {
    /// The unit name in figures: `percent` or `percentage_point`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            PercentUnit::Percent => "percent",
            PercentUnit::PercentagePoint => "percentage_point",
        }
    }
}

/// A modifier found next to an amount.
#[derive(Clone, Debug, PartialEq)]
pub struct Modifier {
    /// What it does.
    pub kind: ModKind,
    /// Where it is.
    pub span: Range<usize>,
    /// The phrase, lowercase ("more than").
    pub phrase: String,
}

/// An amount found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// The whole expression, modifiers included ("more than 1,000").
    pub span: Range<usize>,
    /// The amount without leading or trailing modifiers ("1,000", "500 and 700").
    pub amount: Range<usize>,
    /// The value before modifiers: a number, a vague amount or a range.
    pub base: Base,
    /// A modifier before the amount.
    pub modifier: Option<Modifier>,
    /// A modifier after the amount ("or more", "or so").
    pub post_modifier: Option<Modifier>,
    /// ISO 4217 code, for money.
    pub currency: Option<String>,
    /// Percent or percentage points.
    pub percent: Option<PercentUnit>,
    /// A unit of measure ("point", "km", "GB"), from `data/figures/units.tsv`.
    pub unit: Option<String>,
    /// The numbers inside, in order (one, two for a range, none for a vague word).
    pub nums: Nums,
    /// The vague word's key, for vague amounts.
    pub vague: Option<String>,
    /// "between", "from" or the connector of a range.
    pub range: bool,
    /// Union of the numbers' [`crate::number::flags`].
    pub flags: u16,
}

impl Quantity {
    /// The expression's text.
    #[must_use]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.span.clone()).unwrap_or("")
    }

    /// The modifier that sets the bounds: the one before, else the one after.
    #[must_use]
    pub fn bound(&self) -> Option<ModKind> {
        let pre = self.modifier.as_ref().map(|m| m.kind);
        let post = self.post_modifier.as_ref().map(|m| m.kind);
        match (pre, post) {
            // "equal to 5000 or less", "about 500 or more": the bound after wins.
            (Some(ModKind::Exact | ModKind::About) | None, Some(p)) => Some(p),
            (p, _) => p,
        }
    }
}

/// One side of an amount: a number or vague word with its currency or percent. The
/// currency (ISO code, minor unit) and unit borrow from the lexicon.
struct Part<'a> {
    start: usize,
    end: usize,
    num: Option<Num>,
    vague: Option<VagueBase>,
    currency: Option<(&'a str, bool)>,
    percent: Option<PercentUnit>,
    unit: Option<&'a str>,
    /// The token at `end` and what the lexicon says of it, when already read: the range
    /// and modifier tests after the part read the same token.
    next: Option<Next>,
}

/// The token after a position (`None` at a line break or the end) and its lexicon entry.
#[derive(Clone, Copy)]
struct Next {
    tok: Option<Tok>,
    info: Info,
}

impl Part<'_> {
    fn value(&self) -> Option<f64> {
        self.num.map(|n| {
            if self.currency.as_ref().is_some_and(|c| c.1) {
                n.value / 100.0
            } else {
                n.value
            }
        })
    }
}

/// Finds amounts in text. Cheap to clone; build once and reuse.
#[derive(Clone)]
pub struct Recognizer {
    pub(crate) lexicon: Arc<Lexicon>,
    /// The searchers for the marks of web addresses, built once: building one costs about
    /// as much as running it over a short article.
    scheme: memchr::memmem::Finder<'static>,
    www: memchr::memmem::Finder<'static>,
}

impl std::fmt::Debug for Recognizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recognizer").finish_non_exhaustive()
    }
}

/// The anchor scan's current 64 bytes: their classes and the anchor candidates not yet
/// looked at (word starts, digit-run starts, currency-sign bytes).
#[derive(Default)]
struct Block {
    base: usize,
    masks: scan::Masks,
    candidates: u64,
}

impl Block {
    /// Classifies the 64 bytes from `base`; the carries say whether the byte before
    /// continues a word or a digit run.
    fn load(
        &mut self,
        bytes: &[u8],
        base: usize,
        alpha_carry: u64,
        digit_carry: u64,
        symbols: &[u8],
    ) {
        self.base = base;
        self.masks = scan::masks(bytes, base, symbols);
        let m = &self.masks;
        let word_starts = m.alpha & !((m.alpha << 1) | alpha_carry);
        let digit_starts = m.digit & !((m.digit << 1) | digit_carry);
        self.candidates = word_starts | digit_starts | m.special;
    }
}

fn digit_len(bytes: &[u8], at: usize) -> usize {
    bytes
        .get(at..)
        .map_or(0, |b| b.iter().take_while(|c| c.is_ascii_digit()).count())
}

fn is_word_boundary_before(text: &str, pos: usize) -> bool {
    lex::char_before(text, pos).is_none_or(|c| !c.is_alphanumeric())
}

impl Recognizer {
    /// Builds the recognizer from the bundled lexicon.
    ///
    /// # Errors
    /// [`ExtractError::Data`] if a bundled data file is malformed.
    pub fn new() -> Result<Recognizer, ExtractError> {
        Ok(Recognizer {
            lexicon: Arc::new(Lexicon::bundled()?),
            scheme: memchr::memmem::Finder::new(b"://"),
            www: memchr::memmem::Finder::new(b"www."),
        })
    }

    /// Every amount in `text`, in order, not overlapping. Linear in the text: one pass finds
    /// the anchors ([`Recognizer::next_anchor`]), each is read a bounded number of words
    /// outward, and the scan resumes after what was read.
    #[must_use]
    pub fn recognize(&self, text: &str) -> Vec<Quantity> {
        // News holds an amount about every hundred bytes (9,000 per MB of the bench
        // originals): reserve for that, so the list of large items is rarely moved.
        let mut out: Vec<Quantity> = Vec::with_capacity(text.len() / 96 + 4);
        let addresses = self.addresses(text);
        let spaces = number::spaces_group(text);
        let mut pos = 0;
        let mut floor = 0;
        let mut block = Block::default();
        while let Some((s, e, anchor)) = self.next_anchor(text, pos, &mut block) {
            let next_pos = |at: usize| {
                // Skip the rest of an alphanumeric run so a rejected anchor is not found
                // again inside the same word or digit string.
                let mut p = at;
                while let Some(c) = lex::char_at(text, p) {
                    if c.is_alphanumeric() {
                        p += c.len_utf8();
                    } else {
                        break;
                    }
                }
                p.max(at + 1)
            };
            let found = match anchor {
                Anchor::Digit => {
                    if lex::char_before(text, s).is_some_and(char::is_alphabetic) {
                        pos = next_pos(s);
                        continue;
                    }
                    self.read(text, s, None, floor, spaces)
                }
                Anchor::Word => {
                    let ok = is_word_boundary_before(text, s)
                        && lex::char_at(text, e).is_none_or(|c| !c.is_alphabetic());
                    if !ok {
                        pos = next_pos(s);
                        continue;
                    }
                    self.read(text, s, None, floor, spaces)
                }
                Anchor::Currency(i) => {
                    let form_alpha = text
                        .get(s..e)
                        .is_some_and(|f| f.chars().next().is_some_and(char::is_alphabetic));
                    let last_alpha = text
                        .get(s..e)
                        .is_some_and(|f| f.chars().last().is_some_and(char::is_alphabetic));
                    let ok = (!form_alpha || is_word_boundary_before(text, s))
                        && (!last_alpha
                            || lex::char_at(text, e).is_none_or(|c| !c.is_alphabetic()));
                    if !ok {
                        pos = next_pos(s);
                        continue;
                    }
                    self.read(text, s, Some((i, e)), floor, spaces)
                }
            };
            let found = found.filter(|q| !self.is_noise(text, q, &addresses));
            match found {
                Some(q) => {
                    pos = q.span.end.max(e);
                    floor = q.span.end;
                    out.push(q);
                }
                None => pos = if e > s { e } else { s + 1 },
            }
        }
        out
    }

    #[doc(hidden)]
    pub fn count_anchors(&self, text: &str) -> usize {
        let mut n = 0;
        let mut pos = 0;
        let mut block = Block::default();
        while let Some((_, e, _)) = self.next_anchor(text, pos, &mut block) {
            n += 1;
            pos = e;
        }
        n
    }

    /// The next place at or after `pos` where an amount can start: a digit run, a number or
    /// vague word standing alone (ASCII word boundaries), or a currency written before a
    /// number ("$", "€", "US$", "Rs."). One forward pass over the bytes: letters are read a
    /// word at a time and looked up once in the merged word table, everything else is a
    /// byte test.
    fn next_anchor(
        &self,
        text: &str,
        pos: usize,
        block: &mut Block,
    ) -> Option<(usize, usize, Anchor)> {
        let bytes = text.as_bytes();
        let lexicon = &*self.lexicon;
        if pos < block.base || pos >= block.base + block.masks.len {
            // A word already under way at `pos` is not a word start; a digit run is (the
            // scan resumes after what it read, never inside a digit run it wants).
            let alpha_carry =
                u64::from(pos > 0 && bytes.get(pos - 1).is_some_and(u8::is_ascii_alphabetic));
            block.load(bytes, pos, alpha_carry, 0, &lexicon.symbol_ascii);
        }
        // Candidates before `pos` were read past already.
        let mut candidates = block.candidates & (u64::MAX << (pos - block.base));
        loop {
            while candidates != 0 {
                let i = candidates.trailing_zeros();
                candidates &= candidates - 1;
                block.candidates = candidates;
                let at = block.base + i as usize;
                let bit = 1u64 << i;
                if block.masks.digit & bit != 0 {
                    return Some((at, at + digit_len(bytes, at), Anchor::Digit));
                }
                if block.masks.alpha & bit != 0 {
                    let mut end = at + (!(block.masks.alpha >> i)).trailing_zeros() as usize;
                    // Inside the block the mask says where the word ends; only a word
                    // running to the block's end may go on past it.
                    if end >= block.base + block.masks.len {
                        while bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
                            end += 1;
                        }
                    }
                    // Most words are neither an anchor nor a currency sign's letters: their
                    // shape fits no anchor word and no sign follows them, which two cheap
                    // tests tell before the boundary tests and any lookup.
                    let word = bytes.get(at..end).unwrap_or(&[]);
                    let anchor_shape = lexicon.may_anchor(word);
                    // Letters of a currency sign ("US$", "U.S.$", "Rs.", "USD 5"): only
                    // before "$", ".", or a space and a digit or "$".
                    let after = bytes.get(end).copied().unwrap_or(0);
                    let sign_follows = matches!(after, b'$' | b'.')
                        || after == b' '
                            && bytes
                                .get(end + 1)
                                .is_some_and(|b| b.is_ascii_digit() || *b == b'$');
                    if !anchor_shape && !sign_follows {
                        continue;
                    }
                    // The bytes around a run of letters are no letters (the masks say where
                    // runs start and end): only a digit or "_" glues on a word.
                    let glue = |c: &u8| c.is_ascii_digit() || *c == b'_';
                    let boundary_before = at == 0 || !bytes.get(at - 1).is_some_and(glue);
                    if !boundary_before {
                        continue;
                    }
                    let boundary_after = !bytes.get(end).is_some_and(glue);
                    if boundary_after
                        && anchor_shape
                        && let Some(key) = crate::lexicon::key_in(bytes, at, end)
                        && let Some(info) = lexicon.table.get(&key)
                        && info.flags & flag::ANCHOR != 0
                    {
                        return Some((at, end, Anchor::Word));
                    }
                    if sign_follows
                        && lexicon.may_be_currency_head(word)
                        && let Some(key) = crate::lexicon::key_in(bytes, at, end)
                        && lexicon
                            .table
                            .get(&key)
                            .is_some_and(|i| i.flags & flag::CURRENCY_HEAD != 0)
                        && let Some((k, e)) = self.currency_prefix_at(text, at)
                    {
                        return Some((at, e, Anchor::Currency(k)));
                    }
                    continue;
                }
                if lexicon
                    .symbol_first
                    .get(usize::from(bytes.get(at).copied().unwrap_or(0)))
                    == Some(&true)
                    && let Some((k, e)) = self.currency_prefix_at(text, at)
                {
                    return Some((at, e, Anchor::Currency(k)));
                }
            }
            let next = block.base + block.masks.len;
            if next >= bytes.len() || block.masks.len == 0 {
                block.candidates = 0;
                return None;
            }
            let last = block.masks.len - 1;
            let (alpha_carry, digit_carry) =
                (block.masks.alpha >> last & 1, block.masks.digit >> last & 1);
            block.load(bytes, next, alpha_carry, digit_carry, &lexicon.symbol_ascii);
            candidates = block.candidates;
        }
    }

    /// A currency sign written before a number, starting exactly at `at` ("$", "US$", "€"):
    /// its index and end.
    fn currency_prefix_at(&self, text: &str, at: usize) -> Option<(usize, usize)> {
        let rest = text.get(at..)?;
        let first = rest.as_bytes().first()?.to_ascii_lowercase();
        for &k in self.lexicon.prefixes_by_byte.get(usize::from(first))? {
            let Some((form, i)) = self.lexicon.currency_prefixes.get(k) else {
                continue;
            };
            let Some(head) = rest.get(..form.len()) else {
                continue;
            };
            if !head.eq_ignore_ascii_case(form) {
                continue;
            }
            let end = at + form.len();
            let alpha_end = form.ends_with(|c: char| c.is_ascii_alphabetic());
            if alpha_end && lex::char_at(text, end).is_some_and(char::is_alphabetic) {
                continue;
            }
            return Some((*i, end));
        }
        None
    }

    /// Amounts no reader would call numbers: digits inside a web address or email, and
    /// "one" after a determiner ("the one", "which one").
    fn is_noise(&self, text: &str, q: &Quantity, addresses: &[Range<usize>]) -> bool {
        let i = addresses.partition_point(|a| a.end <= q.span.start);
        if addresses.get(i).is_some_and(|a| a.start < q.span.end) {
            return true;
        }
        let bare_one = q.nums.len() == 1
            && q.modifier.is_none()
            && q.currency.is_none()
            && q.percent.is_none()
            && text
                .get(q.span.clone())
                .is_some_and(|s| s.eq_ignore_ascii_case("one"));
        bare_one
            && lex::prev(text, q.span.start).is_some_and(|t| {
                self.lexicon.context_of(text, t) & crate::lexicon::ctx::DETERMINER != 0
            })
    }

    /// The web addresses and emails in `text`: each run of non-space characters holding
    /// "://", "www." or an "@" with a "." after it. One pass; each byte is visited at most
    /// twice however the marks cluster.
    fn addresses(&self, text: &str) -> Vec<Range<usize>> {
        let bytes = text.as_bytes();
        let mut out: Vec<Range<usize>> = Vec::new();
        let mut marks: Vec<(usize, usize)> = self
            .scheme
            .find_iter(bytes)
            .map(|i| (i, i + 3))
            .chain(self.www.find_iter(bytes).map(|i| (i, i + 4)))
            .chain(memchr::memchr_iter(b'@', bytes).map(|i| (i, i + 1)))
            .collect();
        marks.sort_unstable();
        for (m_start, m_end) in marks {
            if out.last().is_some_and(|r| m_start < r.end) {
                continue;
            }
            let floor = out.last().map_or(0, |r| r.end);
            let mut s = m_start;
            while s > floor && !bytes.get(s - 1).is_some_and(u8::is_ascii_whitespace) {
                s -= 1;
            }
            let mut e = m_end;
            while e < bytes.len() && !bytes.get(e).is_some_and(u8::is_ascii_whitespace) {
                e += 1;
            }
            let is_email = bytes.get(m_start) == Some(&b'@');
            if is_email && !bytes.get(m_end..e).is_some_and(|r| r.contains(&b'.')) {
                continue;
            }
            out.push(s..e);
        }
        out
    }

    /// Reads the amount whose anchor is at `s`.
    fn read(
        &self,
        text: &str,
        s: usize,
        currency: Option<(usize, usize)>,
        floor: usize,
        spaces: bool,
    ) -> Option<Quantity> {
        let mut first = self.part(text, s, currency, spaces)?;
        let mut amount = first.start..first.end;
        let mut second: Option<Part<'_>> = None;
        let mut range_prefix: Option<Tok> = None;

        // A second amount: "500 to 700", "500-700", "between 500 and 700", "two or three".
        if let Some((next, connector_is_and)) = self.range_second(text, &first, spaces) {
            let before = lex::prev(text, first.start).filter(|t| t.start >= floor);
            // "from A to B" is a change ("swap lines rose from $55 billion to $110 billion")
            // unless a range word introduces it ("ranging from 200 to 300").
            let from_range = |p: Tok| {
                lex::prev(text, p.start).is_some_and(|w| {
                    with_lower(w.text(text), |w| {
                        w.starts_with("rang")
                            || w.starts_with("vary")
                            || w.starts_with("vari")
                            || w == "anywhere"
                            || w == "estimates"
                    })
                })
            };
            let prefix =
                before.filter(|t| t.is(text, "between") || t.is(text, "from") && from_range(*t));
            let from_change = before.is_some_and(|t| t.is(text, "from")) && prefix.is_none();
            // "rose from 12 to 40", "fell 2% to $1.4 billion": a change, two figures.
            let change_at = |t: Option<Tok>| {
                t.is_some_and(|t| self.lexicon.link_of(text, t) & crate::lexicon::link::CHANGE != 0)
            };
            let change = change_at(before)
                || prefix
                    .is_some_and(|p| p.is(text, "from") && change_at(lex::prev(text, p.start)));
            // "grew by 90,000 or 0.66% to 14.18 million": a percent before a plain amount
            // is the change, the amount its result.
            let same_kind = (first.percent.is_none() || next.percent.is_some())
                && (first.percent.is_none() || next.currency.is_none())
                && (first.currency.is_none() || next.percent.is_none())
                && (first.currency.is_none()
                    || next.currency.is_none()
                    || first.currency == next.currency);
            if same_kind
                && !change
                && !from_change
                && (!connector_is_and || prefix.is_some_and(|t| t.is(text, "between")))
            {
                range_prefix = prefix;
                amount.end = next.end;
                second = Some(next);
            }
        }

        // Ranges distribute scale, currency and percent: "5 to 7 million dollars".
        // "fell by 224,000 to 73.73 million": a change's size, then a level many times larger,
        // read before the scale is shared ("rise by 5 to 10 percent" stays a range).
        if second.as_ref().is_some_and(|b| {
            matches!((first.value(), b.value()), (Some(x), Some(y)) if y > 10.0 * x)
                && self.change_by(text, first.start, floor)
        }) {
            second = None;
            range_prefix = None;
            amount.end = first.end;
        }
        if let Some(b) = second.as_mut() {
            let a = &mut first;
            if let (Some(na), Some(nb)) = (a.num.as_mut(), b.num)
                && !na.scaled
                && nb.scaled
                && na.value * nb.top_scale <= nb.value
                && nb.top_scale > 1.0
            {
                na.value *= nb.top_scale;
                na.scaled = true;
                na.plain_digits = None;
            }
            if a.currency.is_none() {
                a.currency = b.currency;
            }
            if b.currency.is_none() {
                b.currency = a.currency;
            }
            if a.percent.is_none() {
                a.percent = b.percent;
            }
            let (va, vb) = (a.value(), b.value());
            if !matches!((va, vb), (Some(x), Some(y)) if x < y) {
                // Not a range after all ("3-1", "2022-02"): keep the first amount alone.
                second = None;
                range_prefix = None;
                amount.end = first.end;
            }
        }
        let range = second.is_some();

        let mut span = amount.clone();
        if let Some(p) = range_prefix {
            span.start = p.start;
        }
        let modifier = self
            .modifier_before(text, span.start, floor, amount.end)
            .filter(|_| !range || range_prefix.is_none());
        if let Some(m) = &modifier {
            span.start = m.span.start;
        }
        let post_modifier = if range {
            None
        } else {
            self.modifier_after(text, amount.end, first.next)
        };
        if let Some(m) = &post_modifier {
            span.end = m.span.end;
        }

        let currency = first.currency.map(|c| c.0.to_owned());
        let percent = first
            .percent
            .or_else(|| second.as_ref().and_then(|p| p.percent));
        let base = match &second {
            Some(b) => Base::Range(first.value()?, b.value()?),
            None => match &first.vague {
                Some(v) => Base::Vague(v.clone()),
                None => Base::Exact(first.value()?),
            },
        };
        let mut nums = Nums::new();
        if let Some(n) = first.num {
            nums.push(n);
        }
        if let Some(n) = second.as_ref().and_then(|p| p.num) {
            nums.push(n);
        }
        let flags = nums.iter().fold(0, |f, n| f | n.flags);
        let unit = first
            .unit
            .or_else(|| second.as_ref().and_then(|p| p.unit))
            .map(str::to_owned);
        Some(Quantity {
            span,
            amount,
            base,
            modifier,
            post_modifier,
            currency,
            percent,
            unit,
            vague: first.vague.as_ref().map(|v| v.key.clone()),
            nums,
            range,
            flags,
        })
    }

    /// One amount: [currency] number|vague [currency|percent].
    fn part(
        &self,
        text: &str,
        s: usize,
        currency: Option<(usize, usize)>,
        spaces: bool,
    ) -> Option<Part<'_>> {
        let lexicon = &*self.lexicon;
        let mut start = s;
        let mut cur: Option<(&str, bool)> = None;
        let mut at = s;
        if let Some((i, e)) = currency {
            let (_, c) = lexicon.currencies.get(i)?;
            cur = Some((c.iso.as_str(), c.minor));
            at = lex::skip_space(text, e);
            let next = lex::next(text, at)?;
            let starts_number =
                next.kind == Kind::Digits || lexicon.info(text, next).flags & flag::ANCHOR != 0;
            if !starts_number || next.start > e + 2 {
                return None;
            }
        }
        let tok = lex::next(text, at)?;
        // One lookup of the first word for both readings, vague word or number.
        let info = lexicon.info(text, tok);
        let vague_word = info
            .vague
            .and_then(|i| lexicon.vague_words.get(usize::from(i)));
        let mut known_after = None;
        let (num, vague, mut end) = if let Some(v) = vague_word {
            let (base, vs, ve) = self.vague(text, tok, v)?;
            if currency.is_none() {
                start = vs;
            }
            (None, Some(base), ve)
        } else {
            let (n, after) =
                number::parse_from(lexicon, text, tok, info.num, cur.is_some(), spaces)?;
            if currency.is_none() {
                start = n.start;
            }
            known_after = after;
            (Some(n), None, n.end)
        };

        let scaled = num.is_some_and(|n| n.scaled) || vague.is_some();
        let mut percent = None;
        let mut unit = None;
        let mut num = num;
        let mut next = None;
        if cur.is_none() {
            // The token right after the amount is read and looked up once for all three
            // tests below (a currency, a percent, a unit): each would read it again, and
            // most amounts have none of them.
            // The number parser may have read it already (it stops there).
            let (after, known_info) = match known_after {
                Some(a) => (a.tok, a.info),
                None => (lex::next(text, end), None),
            };
            let after_info = after.map(|t| known_info.unwrap_or_else(|| lexicon.info_of(text, t)));
            // "of" and a glued "-" may stand before the word that counts.
            let skips = after.is_some_and(|t| t.is(text, "of") || t.is(text, "-"));
            let may_be_currency =
                skips || after_info.is_some_and(|i| i.flags & flag::CURRENCY_FIRST != 0);
            if let Some((c, e)) = may_be_currency
                .then(|| self.currency_after(text, end, scaled))
                .flatten()
            {
                // "3 dollars 50 cents", "thirteen dollars and forty-five cents".
                if !c.1
                    && let Some(n) = num.as_mut()
                    && let Some((cents, e2)) = self.cents_after(text, e, c.0, spaces)
                {
                    n.value += cents / 100.0;
                    end = e2;
                } else {
                    end = e;
                }
                cur = Some(c);
            } else if let Some((p, e)) = after.and_then(|t| percent_at(text, t)) {
                percent = Some(p);
                end = e;
            } else if let Some((u, e)) = self.temperature(text, end) {
                unit = Some(u);
                end = e;
            } else if let Some((u, e)) = if skips {
                self.unit_after(text, end, vague.is_some())
            } else {
                after
                    .filter(|t| t.kind == Kind::Word)
                    .zip(after_info)
                    .and_then(|(t, info)| {
                        let unit = self.unit_name(info)?;
                        Some(per_hour(text, unit, t.end).unwrap_or((unit, t.end)))
                    })
                    .or_else(|| after.and_then(|t| self.qualified_unit(text, t)))
            } {
                unit = Some(u);
                end = e;
            } else {
                next = Some(Next {
                    tok: after,
                    info: after_info.unwrap_or_default(),
                });
            }
        } else if currency.is_some()
            && let Some(((iso, false), e)) = self.currency_after(text, end, scaled)
            && cur.is_some_and(|c| c.0 == iso)
        {
            // "$249 USD", "US$ 23 billion dollars": the currency named twice.
            end = e;
        }
        Some(Part {
            start,
            end,
            num,
            vague,
            currency: cur,
            percent,
            unit,
            next,
        })
    }

    /// Whether "by" after a verb of change comes before the amount at `start`, with at most
    /// two lowercase words between: "fell by 224,000", "dropped by a record 898,000".
    fn change_by(&self, text: &str, start: usize, floor: usize) -> bool {
        let mut t = lex::prev(text, start).filter(|t| t.start >= floor);
        for _ in 0..3 {
            let Some(w) = t.filter(|w| w.kind == Kind::Word) else {
                return false;
            };
            if w.is(text, "by") {
                return lex::prev(text, w.start).is_some_and(|v| {
                    v.kind == Kind::Word
                        && self.lexicon.link_of(text, v) & crate::lexicon::link::CHANGE != 0
                });
            }
            if lex::is_capitalized(w.text(text)) {
                return false;
            }
            t = lex::prev(text, w.start).filter(|t| t.start >= floor);
        }
        false
    }

    /// A vague word and what composes with it; `None` when its conditions are not met.
    fn vague(
        &self,
        text: &str,
        tok: Tok,
        word: &crate::lexicon::VagueWord,
    ) -> Option<(VagueBase, usize, usize)> {
        let lexicon = &*self.lexicon;
        let mut start = tok.start;
        if let Some(before) = &word.before {
            let p = lex::prev(text, tok.start)?;
            if !p.text(text).eq_ignore_ascii_case(before) {
                return None;
            }
            start = p.start;
        }
        let next = lex::next(text, tok.end);
        if let Some(after) = &word.after
            && !next.is_some_and(|n| n.text(text).eq_ignore_ascii_case(after))
        {
            return None;
        }
        // A plural scale that is itself a vague word ("thousands"): the vague word and the
        // scale.
        let plural_scale = |t: Tok| -> Option<(&crate::lexicon::VagueWord, f64)> {
            let vague = lexicon.vague_of(text, t)?;
            let word = t.text(text);
            let singular = word.get(..word.len().checked_sub(1)?)?;
            match lexicon.info_str(singular).num {
                Some(NumWord::Scale(s)) if word.ends_with(['s', 'S']) => Some((vague, s)),
                _ => None,
            }
        };
        if word.key == "many" {
            // "many thousands" reads as "thousands".
            let n = next?;
            let (vague, _) = plural_scale(n)?;
            let key = vague.key.clone();
            return Some((
                VagueBase {
                    key,
                    scale: 1.0,
                    of_plural: false,
                },
                start,
                n.end,
            ));
        }
        let mut scale = 1.0;
        let mut end = tok.end;
        let plural = word.key.ends_with('s');
        if plural {
            // "tens of thousands", "hundreds of millions".
            if let Some(of) = next.filter(|n| n.is(text, "of"))
                && let Some(n) = lex::next(text, of.end)
                && let Some((_, s)) = plural_scale(n)
            {
                return Some((
                    VagueBase {
                        key: word.key.clone(),
                        scale: s,
                        of_plural: true,
                    },
                    start,
                    n.end,
                ));
            }
        } else {
            // "several hundred", "a few thousand", "several hundred thousand", "a few dozen".
            let mut at = tok.end;
            while let Some(n) = lex::next(text, at) {
                let w = n.text(text);
                let singular = w
                    .strip_suffix(['s', 'S'])
                    .map(|singular| lexicon.info_str(singular).num);
                let s = match lexicon.info_str(w).num.or(singular.flatten()) {
                    Some(NumWord::Scale(s)) => s,
                    Some(NumWord::Group(g)) => g,
                    _ => break,
                };
                if s <= scale && scale > 1.0 && s < 1000.0 {
                    break;
                }
                scale *= s;
                end = n.end;
                at = n.end;
            }
        }
        Some((
            VagueBase {
                key: word.key.clone(),
                scale,
                of_plural: false,
            },
            start,
            end,
        ))
    }

    /// A currency written after an amount ("5 dollars", "420 million finnish markka",
    /// "billions of dollars"): the ISO code, whether it is a minor unit, and the end.
    fn currency_after(
        &self,
        text: &str,
        pos: usize,
        scaled: bool,
    ) -> Option<((&str, bool), usize)> {
        let lexicon = &*self.lexicon;
        let mut toks = Toks::new();
        let mut at = pos;
        let mut skipped_of = false;
        while toks.len < lexicon.currency_max_words + 1 {
            let Some(t) = lex::next(text, at) else { break };
            // "billions of dollars": one "of" may stand between a vague amount and money.
            if toks.len == 0 && !skipped_of && scaled && t.is(text, "of") {
                skipped_of = true;
                at = t.end;
                continue;
            }
            // "a 12-cent dividend", "a one-yen bid".
            if toks.len == 0 && t.is(text, "-") && t.start == pos {
                at = t.end;
                continue;
            }
            if toks.len == 0 && lexicon.info_of(text, t).flags & flag::CURRENCY_FIRST == 0 {
                return None;
            }
            if !toks.push(t) {
                break;
            }
            at = t.end;
        }
        let toks = toks.as_slice();
        let joined = Joined::new(text, toks);
        for k in (1..=toks.len()).rev() {
            let Some(last) = toks.get(k - 1) else {
                continue;
            };
            let Some(phrase) = joined.phrase(0, k) else {
                continue;
            };
            let Some(&i) = lexicon.currency_by_form.get(phrase) else {
                continue;
            };
            let (_, c) = lexicon.currencies.get(i)?;
            if c.position == Position::Before || c.scaled_only && !scaled {
                continue;
            }
            return Some(((c.iso.as_str(), c.minor), last.end));
        }
        None
    }

    /// A unit of measure right after an amount ("340 points", "60GB"), or after "of" for a
    /// vague amount ("hundreds of points").
    fn unit_after(&self, text: &str, pos: usize, vague: bool) -> Option<(&str, usize)> {
        let mut t = lex::next(text, pos)?;
        if vague && t.is(text, "of") {
            t = lex::next(text, t.end)?;
        }
        // "a 3.5-inch screen".
        if t.is(text, "-") && t.start == pos {
            t = lex::next(text, t.end)?;
        }
        if t.kind != Kind::Word {
            return None;
        }
        if let Some(found) = self.qualified_unit(text, t) {
            return Some(found);
        }
        let unit = self.lexicon.unit_of_str(t.text(text))?;
        Some(per_hour(text, unit, t.end).unwrap_or((unit, t.end)))
    }

    /// A temperature scale after an amount: "46 C", "114.8 F", "40C", "46°C", "23.6 degrees
    /// Celsius", "21 degrees F". A lone capital C or F must end its word, so "the 2 F-14A",
    /// "1C's launch" and "3C Orion" (a model's name, not spaced) are no temperatures.
    fn temperature(&self, text: &str, pos: usize) -> Option<(&str, usize)> {
        let mut t = lex::next(text, pos)?;
        let degrees = t.is(text, "degrees") || t.is(text, "degree") || t.text(text) == "°";
        if degrees {
            t = lex::next(text, t.end)?;
        }
        if t.kind != Kind::Word {
            return None;
        }
        let scale = match t.text(text) {
            "C" => "°C",
            "F" => "°F",
            word => {
                let unit = self.lexicon.unit_of_str(word)?;
                return (degrees && (unit == "°C" || unit == "°F")).then_some((unit, t.end));
            }
        };
        // Ending its word: not "F-14A", "C's" or an initial ("C.J.").
        let mut rest = text.get(t.end..).unwrap_or("").chars();
        let alone = match rest.next() {
            Some('.') => !rest.next().is_some_and(char::is_alphabetic),
            Some(c) => !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')),
            None => true,
        };
        let glued_to_a_word = text
            .get(..pos)
            .and_then(|before| {
                before
                    .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',')
                    .chars()
                    .next_back()
            })
            .is_some_and(|c| c.is_alphabetic() || c == '-');
        (alone && !glued_to_a_word).then_some((scale, t.end))
    }

    /// A unit written with a qualifier before it: "46 basis points" (a basis point, `bp`),
    /// "4,300 metric tons" (tonnes).
    fn qualified_unit(&self, text: &str, t: Tok) -> Option<(&str, usize)> {
        let basis = t.is(text, "basis");
        let cubic = t.is(text, "cubic");
        if !basis && !cubic && !t.is(text, "square") && !t.is(text, "metric") {
            return None;
        }
        let n = lex::next(text, t.end).filter(|n| n.kind == Kind::Word)?;
        if !basis && !t.is(text, "metric") {
            let base = self.lexicon.unit_of_str(n.text(text))?;
            let unit = power_unit(base, cubic)?;
            return Some(per_hour(text, unit, n.end).unwrap_or((unit, n.end)));
        }
        if basis {
            let points = n.is(text, "point") || n.is(text, "points");
            return points.then(|| self.lexicon.unit_of_str("bp").map(|u| (u, n.end)))?;
        }
        let unit = self
            .lexicon
            .unit_of_str(n.text(text))
            .filter(|u| *u == "t")?;
        Some((unit, n.end))
    }

    /// The unit of measure a looked-up word names.
    fn unit_name(&self, info: crate::lexicon::Info) -> Option<&str> {
        info.unit
            .and_then(|i| self.lexicon.unit_names.get(usize::from(i)))
            .map(String::as_str)
    }

    /// "50 cents" or "and forty-five cents" after a major currency amount: the minor count
    /// (below 100) and where it ends, when its currency matches `iso`.
    fn cents_after(&self, text: &str, pos: usize, iso: &str, spaces: bool) -> Option<(f64, usize)> {
        let lexicon = &*self.lexicon;
        let mut t = lex::next(text, pos)?;
        if t.is(text, "and") {
            t = lex::next(text, t.end)?;
        }
        if t.kind != Kind::Digits && lexicon.number_word(text, t).is_none() {
            return None;
        }
        let n = number::parse(lexicon, text, t.start, true, spaces)?;
        if n.flags != 0 || !(0.0..100.0).contains(&n.value) {
            return None;
        }
        let ((minor_iso, minor), end) = self.currency_after(text, n.end, false)?;
        (minor && minor_iso == iso).then_some((n.value, end))
    }

    /// The second amount of a range, and whether the connector is "and".
    fn range_second(&self, text: &str, first: &Part<'_>, spaces: bool) -> Option<(Part<'_>, bool)> {
        let lexicon = &*self.lexicon;
        if first.num?.flags & (flags::DASHED | flags::LEADING_ZERO | flags::SLASHED | flags::DOTTED)
            != 0
        {
            return None;
        }
        let c = match first.next {
            Some(n) => n.tok?,
            None => lex::next(text, first.end)?,
        };
        let connector = c.text(text);
        let ok = [
            "to", "through", "thru", "and", "or", "-", "\u{2013}", "\u{2014}", "~",
        ]
        .iter()
        .any(|w| connector.eq_ignore_ascii_case(w));
        if !ok {
            return None;
        }
        let mut at = lex::skip_space(text, c.end);
        // "or more", "and above": a post-modifier, not a range.
        let n = lex::next(text, at)?;
        let mut currency = None;
        if let Some(found) = self.currency_prefix_at(text, at) {
            currency = Some(found);
        } else if n.kind != Kind::Digits && lexicon.number_word(text, n).is_none() {
            return None;
        }
        if currency.is_none() && n.kind == Kind::Digits {
            at = n.start;
        }
        if matches!(connector, "-" | "\u{2013}" | "~") {
            // A dash joins digits ("500-700"), not words ("fifty - two" is one number).
            if first.num.is_some_and(|x| x.words) {
                return None;
            }
        }
        let second = self.part(text, at, currency, spaces)?;
        let n2 = second.num?;
        if n2.flags & (flags::LEADING_ZERO | flags::HUGE | flags::DASHED | flags::SLASHED) != 0 {
            return None;
        }
        if connector.eq_ignore_ascii_case("or")
            && (first.num.is_some_and(|x| x.words) != n2.words
                || first.percent != second.percent
                || first.currency.map(|c| c.0) != second.currency.map(|c| c.0)
                || first.unit != second.unit)
        {
            return None;
        }
        Some((second, connector.eq_ignore_ascii_case("and")))
    }

    /// The longest modifier ending right before `pos`, not reaching back before `floor`;
    /// `end` is where the number ends.
    fn modifier_before(
        &self,
        text: &str,
        pos: usize,
        floor: usize,
        end: usize,
    ) -> Option<Modifier> {
        let lexicon = &*self.lexicon;
        let last = lex::prev(text, pos)?;
        if lexicon.info_of(text, last).flags & flag::MODIFIER_LAST == 0 {
            return None;
        }
        // Up to the longest modifier's length of tokens before `pos`, in text order.
        let mut back = Toks::new();
        let mut at = pos;
        while back.len < lexicon.modifier_max_tokens.min(8) {
            let Some(t) = lex::prev(text, at) else { break };
            at = t.start;
            back.push(t);
        }
        let n = back.len;
        let mut toks = Toks::new();
        for t in back.as_slice().iter().rev() {
            toks.push(*t);
        }
        let toks = toks.as_slice();
        let joined = Joined::new(text, toks);
        for k in (1..=n).rev() {
            let first = toks.get(n - k)?;
            if first.start < floor {
                continue;
            }
            let Some(phrase) = joined.phrase(n - k, n) else {
                continue;
            };
            if let Some(&(kind, position)) = lexicon.modifiers.get(phrase)
                && (position == Position::Before
                    || position == Position::BeforeAlone && !word_follows(text, end))
                && let Ok(phrase) = std::str::from_utf8(phrase)
            {
                if lex::char_before(text, first.start).is_some_and(|c| matches!(c, '<' | '>' | '='))
                    || self.particle_over(text, phrase, first.start)
                {
                    return None;
                }
                return Some(Modifier {
                    kind,
                    span: first.start..toks.last()?.end,
                    phrase: phrase.to_owned(),
                });
            }
        }
        None
    }

    /// Whether `phrase`, starting at `start`, is "over" as the particle of the verb before
    /// it ("handed over three Patriot batteries").
    fn particle_over(&self, text: &str, phrase: &str, start: usize) -> bool {
        phrase == "over"
            && lex::prev(text, start)
                .is_some_and(|v| self.lexicon.link_of(text, v) & link::PARTICLE != 0)
    }

    /// The longest modifier starting right after `pos` ("or more", "or so", "-plus").
    /// `next` is the token at `pos` and its entry, when already read.
    fn modifier_after(&self, text: &str, pos: usize, next: Option<Next>) -> Option<Modifier> {
        let lexicon = &*self.lexicon;
        if let Some(n) = next {
            let t = n.tok?;
            // Most amounts stop here: the word after them opens no modifier.
            if n.info.flags & flag::MODIFIER_FIRST == 0 && !t.is(text, "-") {
                return None;
            }
        }
        let first = lex::next(text, pos)?;
        let first = if first.is(text, "-") && first.start == pos {
            lex::next(text, first.end)?
        } else {
            first
        };
        if lexicon.info_of(text, first).flags & flag::MODIFIER_FIRST == 0 {
            return None;
        }
        let mut toks = Toks::new();
        let mut at = pos;
        while toks.len < 3 {
            let Some(t) = lex::next(text, at) else { break };
            if toks.len == 0 && t.is(text, "-") && t.start == pos {
                // "1,000-plus".
                at = t.end;
                continue;
            }
            toks.push(t);
            at = t.end;
        }
        let toks = toks.as_slice();
        let joined = Joined::new(text, toks);
        for k in (1..=toks.len()).rev() {
            let last = toks.get(k - 1)?;
            let Some(phrase) = joined.phrase(0, k) else {
                continue;
            };
            if let Some(&(kind, position)) = lexicon.modifiers.get(phrase)
                && position == Position::After
                && let Ok(phrase) = std::str::from_utf8(phrase)
            {
                // "5 plus 3" is arithmetic, not "5-plus"; "200 or greater than 190" compares.
                let following = lex::next(text, last.end);
                if following.is_some_and(|t| t.kind == Kind::Digits || t.is(text, "than")) {
                    return None;
                }
                return Some(Modifier {
                    kind,
                    span: toks.first()?.start..last.end,
                    phrase: phrase.to_owned(),
                });
            }
        }
        None
    }
}

/// At most eight tokens, kept on the stack.
#[derive(Clone, Copy)]
struct Toks {
    items: [Tok; 8],
    len: usize,
}

impl Toks {
    fn new() -> Toks {
        Toks {
            items: [Tok {
                start: 0,
                end: 0,
                kind: Kind::Punct,
            }; 8],
            len: 0,
        }
    }

    /// Adds a token; false when full.
    fn push(&mut self, t: Tok) -> bool {
        match self.items.get_mut(self.len) {
            Some(slot) => {
                *slot = t;
                self.len += 1;
                true
            }
            None => false,
        }
    }

    fn as_slice(&self) -> &[Tok] {
        self.items.get(..self.len).unwrap_or(&[])
    }
}

/// Tokens joined the way [`crate::lexicon::normalize_phrase`] joins a phrase (lowercase,
/// one space between words, punctuation glued), with each token's byte range in the joined
/// string, so every run of tokens is a slice, in a stack buffer: no allocation however many
/// lengths are tried. Tokens that do not fit are left out (no phrase in the lists is that
/// long). Lowercasing is ASCII: the lists' non-ASCII forms are symbols without case.
struct Joined {
    buf: [u8; 96],
    len: usize,
    bounds: [(usize, usize); 8],
    count: usize,
}

impl Joined {
    fn new(text: &str, toks: &[Tok]) -> Joined {
        let mut j = Joined {
            buf: [0; 96],
            len: 0,
            bounds: [(0, 0); 8],
            count: 0,
        };
        let mut last_word = false;
        for t in toks.iter().take(8) {
            let word = t.kind != Kind::Punct;
            let bytes = t.text(text).as_bytes();
            let space = usize::from(word && last_word);
            let Some(dest) = j.buf.get_mut(j.len + space..j.len + space + bytes.len()) else {
                break;
            };
            dest.copy_from_slice(bytes);
            dest.make_ascii_lowercase();
            if space == 1
                && let Some(b) = j.buf.get_mut(j.len)
            {
                *b = b' ';
            }
            let start = j.len + space;
            j.len = start + bytes.len();
            if let Some(slot) = j.bounds.get_mut(j.count) {
                *slot = (start, j.len);
            }
            j.count += 1;
            last_word = word;
        }
        j
    }

    /// The joined text of tokens `from..to` (indices into the tokens given).
    /// Bytes, not a `str`: the phrase lists are keyed by bytes, and checking that the
    /// joined bytes are UTF-8 (they are: whole tokens are copied) would cost more than the
    /// lookup; only a phrase found is read as text.
    fn phrase(&self, from: usize, to: usize) -> Option<&[u8]> {
        let start = self.bounds.get(from)?.0;
        let end = self.bounds.get(to.checked_sub(1)?)?.1;
        self.buf.get(start..end)
    }
}

/// A percent sign or word right after an amount: `t` is the token after it.
/// Whether a word comes right after `end` in the same clause ("passed three background
/// checks"), or a hyphen glues one on ("the past seven-and-a-half years"), not punctuation
/// or the text's end ("the toll had passed 43,000.").
fn word_follows(text: &str, end: usize) -> bool {
    lex::next(text, end).is_some_and(|t| {
        let glued_hyphen = t.start == end && t.is(text, "-");
        glued_hyphen
            || text[end..t.start].chars().all(char::is_whitespace)
                && t.text(text).starts_with(|c: char| c.is_alphabetic())
    })
}

fn percent_at(text: &str, t: Tok) -> Option<(PercentUnit, usize)> {
    if t.is(text, "%") {
        return Some((PercentUnit::Percent, t.end));
    }
    if t.kind != Kind::Word {
        return None;
    }
    let word = t.text(text);
    // Every percent word is short: longer words need no lowercasing.
    if word.len() > 10 {
        return None;
    }
    let mut buf = [0u8; 10];
    let lower = buf.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    match &*lower {
        b"percent" | b"percents" | b"pct" => Some((PercentUnit::Percent, t.end)),
        b"percentage" => {
            if let Some(p) =
                lex::next(text, t.end).filter(|p| p.is(text, "points") || p.is(text, "point"))
            {
                Some((PercentUnit::PercentagePoint, p.end))
            } else {
                Some((PercentUnit::Percent, t.end))
            }
        }
        b"per" => {
            let c = lex::next(text, t.end).filter(|c| c.is(text, "cent"))?;
            Some((PercentUnit::Percent, c.end))
        }
        _ => None,
    }
}

/// "185 miles per hour", "298 km an hour", "10.2 km per second", "260,000 barrels a day": a
/// quantity per unit of time is a rate, in the unit names units.tsv gives the abbreviations
/// ("mph", "kph" → "km/h", "bpd" → "barrel/d"). Returns the rate unit and where the period
/// ends.
fn per_hour<'u>(text: &str, unit: &str, pos: usize) -> Option<(&'u str, usize)> {
    let per = lex::next(text, pos)?;
    // "135 km/h", "250 µg/m³": the period glued on with a slash.
    let slash = per.start == pos && per.is(text, "/");
    if !(slash || per.is(text, "per") || per.is(text, "an") || per.is(text, "a")) {
        return None;
    }
    let mut period = lex::next(text, per.end).filter(|p| !slash || p.start == per.end)?;
    if !slash && period.is(text, "cubic") {
        // "180 micrograms per cubic metre".
        period =
            lex::next(text, period.end).filter(|m| m.is(text, "metre") || m.is(text, "meter"))?;
        return (unit == "µg").then_some(("µg/m³", period.end));
    }
    let is = |w: &str| period.is(text, w);
    let hour = is("hour") || slash && (is("h") || is("hr"));
    let day = is("day") || slash && is("d");
    let rate = match unit {
        "mi" if hour => "mph",
        "km" if hour => "km/h",
        "mi" if is("second") => "mi/s",
        "km" if is("second") => "km/s",
        "barrel" if day => "barrel/d",
        "m³" if hour => "m³/h",
        "m³" if day => "m³/d",
        "ft³" if day => "ft³/d",
        "µg" if slash && is("m") => return per_volume(text, period),
        _ => return None,
    };
    Some((rate, period.end))
}

/// "µg/m3", "µg/m³": the cubic sign or digit right after the metre.
fn per_volume<'u>(text: &str, m: Tok) -> Option<(&'u str, usize)> {
    let rest = text.get(m.end..)?;
    let cube = ["³", "3"].into_iter().find(|c| rest.starts_with(c))?;
    Some(("µg/m³", m.end + cube.len()))
}

/// A square or cubic measure of a length unit: "400 cubic metres", "50,000 square feet".
fn power_unit(base: &str, cubic: bool) -> Option<&'static str> {
    Some(match (base, cubic) {
        ("m", true) => "m³",
        ("m", false) => "m²",
        ("ft", true) => "ft³",
        ("ft", false) => "ft²",
        ("km", true) => "km³",
        ("km", false) => "km²",
        ("mi", false) => "mi²",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Base)> {
        let r = Recognizer::new().unwrap();
        r.recognize(text)
            .into_iter()
            .map(|q| (q.text(text).to_owned(), q.base))
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        found(text).into_iter().map(|x| x.0).collect()
    }

    #[test]
    fn a_change_by_then_its_level_is_no_range() {
        assert_eq!(
            texts("Nationals dropped by a record 898,000 to 120.3 million."),
            ["898,000", "120.3 million"]
        );
        assert_eq!(
            texts("Tokyo grew by 90,000 or 0.66% to 14.18 million."),
            ["90,000", "0.66%", "14.18 million"]
        );
        assert_eq!(
            texts("Sales will rise by 5 to 10 percent."),
            ["5 to 10 percent"]
        );
        assert_eq!(texts("It had 5 to 100 staff."), ["5 to 100"]);
    }

    #[test]
    fn rates_per_unit_of_time() {
        let r = Recognizer::new().unwrap();
        let units = |text: &str| -> Vec<(String, String)> {
            r.recognize(text)
                .into_iter()
                .map(|q| (q.text(text).to_owned(), q.unit.unwrap_or_default()))
                .collect()
        };
        let owned = |want: &[(&str, &str)]| -> Vec<(String, String)> {
            want.iter()
                .map(|(t, u)| ((*t).to_owned(), (*u).to_owned()))
                .collect()
        };
        let text = "It pumps 260,000 barrels per day, 5,000 barrels a day more, at 10.2 km per \
                    second and 185 miles an hour; 40 barrels per share.";
        let want = [
            ("260,000 barrels per day", "barrel/d"),
            ("5,000 barrels a day", "barrel/d"),
            ("10.2 km per second", "km/s"),
            ("185 miles an hour", "mph"),
            ("40 barrels", "barrel"),
        ];
        assert_eq!(units(text), owned(&want));
        // Slashed rates, and square and cubic measures.
        let text = "Gusts of 135 km/h; soot at 250 µg/m³ or 180 micrograms per cubic metre; \
                    pumps of 400 cubic metres per hour, 20 million cubic metres a day; a \
                    50,000 square feet store on 12 square miles.";
        let want = [
            ("135 km/h", "km/h"),
            ("250 µg/m³", "µg/m³"),
            ("180 micrograms per cubic metre", "µg/m³"),
            ("400 cubic metres per hour", "m³/h"),
            ("20 million cubic metres a day", "m³/d"),
            ("50,000 square feet", "ft²"),
            ("12 square miles", "mi²"),
        ];
        assert_eq!(units(text), owned(&want));
    }

    #[test]
    fn temperatures_in_celsius_and_fahrenheit() {
        let r = Recognizer::new().unwrap();
        let text = "El Granado hit 46 C (114.8 F), above the 45.2C of 1965; minus 6 degrees \
                    Celsius, 21 degrees F and 38°C.";
        let got: Vec<_> = r
            .recognize(text)
            .into_iter()
            .map(|q| (q.text(text).to_owned(), q.unit))
            .collect();
        let want = [
            ("46 C", "°C"),
            ("114.8 F", "°F"),
            ("45.2C", "°C"),
            ("1965", ""),
            ("minus 6 degrees Celsius", "°C"),
            ("21 degrees F", "°F"),
            ("38°C", "°C"),
        ];
        let want: Vec<_> = want
            .iter()
            .map(|(t, u)| ((*t).to_owned(), (!u.is_empty()).then(|| (*u).to_owned())))
            .collect();
        assert_eq!(got, want);
        // A model's name or a letter that goes on is no temperature.
        for text in ["the 2 F-14A jets", "1C's launch", "a P-3C Orion"] {
            assert!(r.recognize(text).iter().all(|q| q.unit.is_none()), "{text}");
        }
    }

    #[test]
    fn cents_of_a_named_dollar() {
        let r = Recognizer::new().unwrap();
        let text = "at 1.385 per U.S. dollar, or 72.20 U.S. cents";
        let q = r.recognize(text);
        assert_eq!(q[1].text(text), "72.20 U.S. cents");
        assert_eq!(q[1].currency.as_deref(), Some("USD"));
    }

    #[test]
    fn plain_space_groups_only_where_commas_do_not() {
        assert_eq!(texts("a crowd of 40 000 people"), ["40 000"]);
        // A text that groups with commas separates two numbers with a space.
        assert_eq!(
            texts("It delivered 1,520 jets, fewer than 50 737 jets this year"),
            ["1,520", "fewer than 50", "737"]
        );
        // A no-break space groups in any text.
        assert_eq!(
            texts("1,520 jets and 40\u{a0}000 people"),
            ["1,520", "40\u{a0}000"]
        );
    }

    #[test]
    fn money_and_scales() {
        let r = Recognizer::new().unwrap();
        let text =
            "the remaining $5.6 billion and billions of dollars and 420 million finnish markka";
        let q = r.recognize(text);
        assert_eq!(q.len(), 3);
        assert_eq!(q[0].text(text), "$5.6 billion");
        assert_eq!(q[0].base, Base::Exact(5.6e9));
        assert_eq!(q[0].currency.as_deref(), Some("USD"));
        assert_eq!(q[1].text(text), "billions of dollars");
        assert_eq!(q[1].currency.as_deref(), Some("USD"));
        assert_eq!(q[2].currency.as_deref(), Some("FIM"));
        // Signs written after the number, outside ASCII (they pack into no word key).
        let text = "Banknotes: 5 €, 100元 and ≥ 30 troops";
        let q = r.recognize(text);
        assert_eq!(q[0].currency.as_deref(), Some("EUR"));
        assert_eq!(q[1].currency.as_deref(), Some("CNY"));
        assert_eq!(q[2].text(text), "≥ 30");
        let text = "50 cents, 500 pounds of explosives, 361 million pounds";
        let q = r.recognize(text);
        assert_eq!(q[0].base, Base::Exact(0.5));
        assert_eq!(q[1].currency, None);
        assert_eq!(q[2].currency.as_deref(), Some("GBP"));
    }

    #[test]
    fn vague_amounts() {
        assert_eq!(
            texts("several hundred casualties, thousands of troops, tens of thousands fled"),
            ["several hundred", "thousands", "tens of thousands"]
        );
        assert_eq!(texts("a few people and few others"), ["a few"]);
        assert_eq!(texts("many thousands and many people"), ["many thousands"]);
        assert_eq!(texts("scores of homes, the scores"), ["scores"]);
    }

    #[test]
    fn modifiers_and_ranges() {
        assert_eq!(
            texts("more than 1,000 killed, at least 20, nearly 200, fewer than 10, about 300"),
            [
                "more than 1,000",
                "at least 20",
                "nearly 200",
                "fewer than 10",
                "about 300"
            ]
        );
        assert_eq!(
            found("between 500 and 700 wounded")[0],
            ("between 500 and 700".into(), Base::Range(500.0, 700.0))
        );
        assert_eq!(found("500-700")[0].1, Base::Range(500.0, 700.0));
        assert_eq!(found("5 to 7 million")[0].1, Base::Range(5e6, 7e6));
        assert_eq!(texts("won 3-1"), ["3", "1"]);
        assert_eq!(texts("500 or more"), ["500 or more"]);
        assert_eq!(texts("x >= 30"), [">= 30"]);
        assert_eq!(texts("500 and 700"), ["500", "700"]);
        // "over" after "handed" is the verb's particle, not a bound.
        assert_eq!(texts("it has handed over three batteries"), ["three"]);
        assert_eq!(texts("it won over 50 seats"), ["over 50"]);
        assert_eq!(texts("sales topped 5,000."), ["topped 5,000"]);
        // "passed" bounds a number that ends its phrase, not one that counts a noun.
        assert_eq!(texts("the toll had passed 43,000."), ["passed 43,000"]);
        assert_eq!(texts("she passed three background checks"), ["three"]);
        // "past" likewise: "pushing the number of birds lost past 166 million, officials
        // said"; "the past 30 days" is no bound.
        assert_eq!(
            texts("pushing the birds lost past 166 million, officials said"),
            ["past 166 million"]
        );
        assert_eq!(texts("in the past 30 flights"), ["30"]);
        assert_eq!(texts("over the past seven-and-a-half rounds")[0], "seven");
    }

    #[test]
    fn percents() {
        let r = Recognizer::new().unwrap();
        let text = "40%, 40 percent, 2 per cent, 20 to 25 percent, 3 percentage points";
        let q = r.recognize(text);
        let units: Vec<_> = q.iter().map(|q| q.percent).collect();
        assert_eq!(
            units,
            [
                Some(PercentUnit::Percent),
                Some(PercentUnit::Percent),
                Some(PercentUnit::Percent),
                Some(PercentUnit::Percent),
                Some(PercentUnit::PercentagePoint)
            ]
        );
        assert_eq!(q[3].base, Base::Range(20.0, 25.0));
    }
}
