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
use crate::lexicon::{Anchor, Lexicon, ModKind, NumWord, Position, with_lower};
use crate::number::{self, Num, flags};

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
    pub nums: Vec<Num>,
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

/// One side of an amount: a number or vague word with its currency or percent.
struct Part {
    start: usize,
    end: usize,
    num: Option<Num>,
    vague: Option<VagueBase>,
    currency: Option<(String, bool)>,
    percent: Option<PercentUnit>,
    unit: Option<String>,
}

impl Part {
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
}

impl std::fmt::Debug for Recognizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recognizer").finish_non_exhaustive()
    }
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
        })
    }

    /// Every amount in `text`, in order, not overlapping. Linear in the text: each anchor is
    /// read a bounded number of words outward, and the scan resumes after what was read.
    #[must_use]
    pub fn recognize(&self, text: &str) -> Vec<Quantity> {
        let mut out: Vec<Quantity> = Vec::new();
        let addresses = self.addresses(text);
        let mut pos = 0;
        let mut floor = 0;
        while pos < text.len() {
            let Some(m) = self.lexicon.anchors.find_at(text, pos) else {
                break;
            };
            let (s, e) = (m.start(), m.end());
            let anchor = self.anchor_kind(m.as_str());
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
                Some(Anchor::Digit) => {
                    if lex::char_before(text, s).is_some_and(char::is_alphabetic) {
                        pos = next_pos(s);
                        continue;
                    }
                    self.read(text, s, None, floor)
                }
                Some(Anchor::Word) => {
                    let ok = is_word_boundary_before(text, s)
                        && lex::char_at(text, e).is_none_or(|c| !c.is_alphabetic());
                    if !ok {
                        pos = next_pos(s);
                        continue;
                    }
                    self.read(text, s, None, floor)
                }
                Some(Anchor::Currency(i)) => {
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
                    self.read(text, s, Some((i, e)), floor)
                }
                None => None,
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

    /// What an anchor match is: digits, a currency sign, or a word.
    fn anchor_kind(&self, matched: &str) -> Option<Anchor> {
        if matched.starts_with(|c: char| c.is_ascii_digit()) {
            return Some(Anchor::Digit);
        }
        let lower = matched.to_lowercase();
        if let Some((_, i)) = self
            .lexicon
            .currency_prefixes
            .iter()
            .find(|(f, _)| *f == lower)
        {
            return Some(Anchor::Currency(*i));
        }
        Some(Anchor::Word)
    }

    /// A currency sign written before a number, starting exactly at `at` ("$", "US$", "€"):
    /// its index and end.
    fn currency_prefix_at(&self, text: &str, at: usize) -> Option<(usize, usize)> {
        let rest = text.get(at..)?;
        for (form, i) in &self.lexicon.currency_prefixes {
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
        let mut marks: Vec<(usize, usize)> = memchr::memmem::find_iter(bytes, b"://")
            .map(|i| (i, i + 3))
            .chain(memchr::memmem::find_iter(bytes, b"www.").map(|i| (i, i + 4)))
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
    ) -> Option<Quantity> {
        let first = self.part(text, s, currency)?;
        let mut amount = first.start..first.end;
        let mut parts = vec![first];
        let mut range = false;
        let mut range_prefix: Option<Tok> = None;

        // A second amount: "500 to 700", "500-700", "between 500 and 700", "two or three".
        if let Some((second, connector)) = self.range_second(text, &parts[0]) {
            let before = lex::prev(text, parts[0].start).filter(|t| t.start >= floor);
            // "from A to B" is a change ("swap lines rose from $55 billion to $110 billion")
            // unless a range word introduces it ("ranging from 200 to 300").
            let from_range = |p: Tok| {
                lex::prev(text, p.start).is_some_and(|w| {
                    let w = w.text(text).to_ascii_lowercase();
                    w.starts_with("rang")
                        || w.starts_with("vary")
                        || w.starts_with("vari")
                        || w == "anywhere"
                        || w == "estimates"
                })
            };
            let prefix =
                before.filter(|t| t.is(text, "between") || t.is(text, "from") && from_range(*t));
            let from_change = before.is_some_and(|t| t.is(text, "from")) && prefix.is_none();
            let needs_prefix = connector == "and";
            // "rose from 12 to 40", "fell 2% to $1.4 billion": a change, two figures.
            let change_at = |t: Option<Tok>| {
                t.is_some_and(|t| self.lexicon.link_of(text, t) & crate::lexicon::link::CHANGE != 0)
            };
            let change = change_at(before)
                || prefix
                    .is_some_and(|p| p.is(text, "from") && change_at(lex::prev(text, p.start)));
            let first = &parts[0];
            let same_kind = (first.percent.is_none() || second.currency.is_none())
                && (first.currency.is_none() || second.percent.is_none())
                && (first.currency.is_none()
                    || second.currency.is_none()
                    || first.currency == second.currency);
            if same_kind
                && !change
                && !from_change
                && (!needs_prefix || prefix.is_some_and(|t| t.is(text, "between")))
            {
                range_prefix = prefix;
                amount.end = second.end;
                parts.push(second);
                range = true;
            }
        }

        // Ranges distribute scale, currency and percent: "5 to 7 million dollars".
        if range {
            let (a, b) = parts.split_at_mut(1);
            let (a, b) = (&mut a[0], &mut b[0]);
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
                a.currency.clone_from(&b.currency);
            }
            if b.currency.is_none() {
                b.currency.clone_from(&a.currency);
            }
            if a.percent.is_none() {
                a.percent = b.percent;
            }
            let (va, vb) = (a.value(), b.value());
            if !matches!((va, vb), (Some(x), Some(y)) if x < y) {
                // Not a range after all ("3-1", "2022-02"): keep the first amount alone.
                parts.truncate(1);
                range = false;
                range_prefix = None;
                amount.end = parts[0].end;
            }
        }

        let mut span = amount.clone();
        if let Some(p) = range_prefix {
            span.start = p.start;
        }
        let modifier = self
            .modifier_before(text, span.start, floor)
            .filter(|_| !range || range_prefix.is_none());
        if let Some(m) = &modifier {
            span.start = m.span.start;
        }
        let post_modifier = if range {
            None
        } else {
            self.modifier_after(text, amount.end)
        };
        if let Some(m) = &post_modifier {
            span.end = m.span.end;
        }

        let first = parts.first()?;
        let currency = first.currency.as_ref().map(|c| c.0.clone());
        let percent = parts.iter().find_map(|p| p.percent);
        let base = if range {
            Base::Range(parts[0].value()?, parts[1].value()?)
        } else if let Some(v) = &first.vague {
            Base::Vague(v.clone())
        } else {
            Base::Exact(first.value()?)
        };
        let nums: Vec<Num> = parts.iter().filter_map(|p| p.num).collect();
        let flags = nums.iter().fold(0, |f, n| f | n.flags);
        Some(Quantity {
            span,
            amount,
            base,
            modifier,
            post_modifier,
            currency,
            percent,
            unit: parts.iter().find_map(|p| p.unit.clone()),
            vague: first.vague.as_ref().map(|v| v.key.clone()),
            nums,
            range,
            flags,
        })
    }

    /// One amount: [currency] number|vague [currency|percent].
    fn part(&self, text: &str, s: usize, currency: Option<(usize, usize)>) -> Option<Part> {
        let lexicon = &*self.lexicon;
        let mut start = s;
        let mut cur: Option<(String, bool)> = None;
        let mut at = s;
        if let Some((i, e)) = currency {
            let (_, c) = lexicon.currencies.get(i)?;
            cur = Some((c.iso.clone(), c.minor));
            at = lex::skip_space(text, e);
            let next = lex::next(text, at)?;
            let starts_number = next.kind == Kind::Digits
                || lexicon.number_word(text, next).is_some()
                || with_lower(next.text(text), |w| lexicon.vague.contains_key(w));
            if !starts_number || next.start > e + 2 {
                return None;
            }
        }
        let tok = lex::next(text, at)?;
        let vague_word = (tok.kind == Kind::Word)
            .then(|| with_lower(tok.text(text), |w| lexicon.vague.get(w)))
            .flatten();
        let (num, vague, mut end) = if let Some(v) = vague_word {
            let (base, vs, ve) = self.vague(text, tok, v)?;
            if currency.is_none() {
                start = vs;
            }
            (None, Some(base), ve)
        } else {
            let n = number::parse(lexicon, text, tok.start, cur.is_some())?;
            if currency.is_none() {
                start = n.start;
            }
            (Some(n), None, n.end)
        };

        let scaled = num.is_some_and(|n| n.scaled) || vague.is_some();
        let mut percent = None;
        let mut unit = None;
        let mut num = num;
        if cur.is_none() {
            if let Some((c, e)) = self.currency_after(text, end, scaled) {
                // "3 dollars 50 cents", "thirteen dollars and forty-five cents".
                if !c.1
                    && let Some(n) = num.as_mut()
                    && let Some((cents, e2)) = self.cents_after(text, e, &c.0)
                {
                    n.value += cents / 100.0;
                    end = e2;
                } else {
                    end = e;
                }
                cur = Some(c);
            } else if let Some((p, e)) = percent_after(text, end) {
                percent = Some(p);
                end = e;
            } else if let Some((u, e)) = self.unit_after(text, end, vague.is_some()) {
                unit = Some(u);
                end = e;
            }
        } else if currency.is_some()
            && let Some(((iso, false), e)) = self.currency_after(text, end, scaled)
            && cur.as_ref().is_some_and(|c| c.0 == iso)
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
        })
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
        let plural_scale = |t: Tok| -> Option<(String, f64)> {
            let w = t.text(text).to_ascii_lowercase();
            let singular = w.strip_suffix('s')?;
            match lexicon.numbers.get(singular) {
                Some(NumWord::Scale(s)) if lexicon.vague.contains_key(&w) => Some((w, *s)),
                _ => None,
            }
        };
        if word.key == "many" {
            // "many thousands" reads as "thousands".
            let n = next?;
            let (key, _) = plural_scale(n)?;
            let key = lexicon.vague.get(&key)?.key.clone();
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
                let w = n.text(text).to_ascii_lowercase();
                let s = match lexicon.numbers.get(&w).or_else(|| {
                    w.strip_suffix('s')
                        .and_then(|singular| lexicon.numbers.get(singular))
                }) {
                    Some(NumWord::Scale(s)) => *s,
                    Some(NumWord::Group(g)) => *g,
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
    ) -> Option<((String, bool), usize)> {
        let lexicon = &*self.lexicon;
        let mut toks: Vec<Tok> = Vec::new();
        let mut at = pos;
        let mut skipped_of = false;
        while toks.len() < lexicon.currency_max_words + 1 {
            let Some(t) = lex::next(text, at) else { break };
            // "billions of dollars": one "of" may stand between a vague amount and money.
            if toks.is_empty() && !skipped_of && scaled && t.is(text, "of") {
                skipped_of = true;
                at = t.end;
                continue;
            }
            // "a 12-cent dividend", "a one-yen bid".
            if toks.is_empty() && t.is(text, "-") && t.start == pos {
                at = t.end;
                continue;
            }
            if toks.is_empty() && !with_lower(t.text(text), |w| lexicon.currency_first.contains(w))
            {
                return None;
            }
            toks.push(t);
            at = t.end;
        }
        let (joined, bounds) = join_tokens(text, &toks);
        for k in (1..=toks.len()).rev() {
            let Some(last) = toks.get(k - 1) else {
                continue;
            };
            let phrase = joined.get(..bounds.get(k - 1)?.1)?;
            let Some(&i) = lexicon.currency_by_form.get(phrase) else {
                continue;
            };
            let (_, c) = lexicon.currencies.get(i)?;
            if c.position == Position::Before || c.scaled_only && !scaled {
                continue;
            }
            return Some(((c.iso.clone(), c.minor), last.end));
        }
        None
    }

    /// A unit of measure right after an amount ("340 points", "60GB"), or after "of" for a
    /// vague amount ("hundreds of points").
    fn unit_after(&self, text: &str, pos: usize, vague: bool) -> Option<(String, usize)> {
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
        let unit = with_lower(t.text(text), |w| self.lexicon.units.get(w))?;
        Some((unit.clone(), t.end))
    }

    /// "50 cents" or "and forty-five cents" after a major currency amount: the minor count
    /// (below 100) and where it ends, when its currency matches `iso`.
    fn cents_after(&self, text: &str, pos: usize, iso: &str) -> Option<(f64, usize)> {
        let lexicon = &*self.lexicon;
        let mut t = lex::next(text, pos)?;
        if t.is(text, "and") {
            t = lex::next(text, t.end)?;
        }
        if t.kind != Kind::Digits && lexicon.number_word(text, t).is_none() {
            return None;
        }
        let n = number::parse(lexicon, text, t.start, true)?;
        if n.flags != 0 || !(0.0..100.0).contains(&n.value) {
            return None;
        }
        let ((minor_iso, minor), end) = self.currency_after(text, n.end, false)?;
        (minor && minor_iso == iso).then_some((n.value, end))
    }

    /// The second amount of a range, and the connector word.
    fn range_second(&self, text: &str, first: &Part) -> Option<(Part, String)> {
        let lexicon = &*self.lexicon;
        if first.num?.flags & (flags::DASHED | flags::LEADING_ZERO | flags::SLASHED | flags::DOTTED)
            != 0
        {
            return None;
        }
        let c = lex::next(text, first.end)?;
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
        let second = self.part(text, at, currency)?;
        let n2 = second.num?;
        if n2.flags & (flags::LEADING_ZERO | flags::HUGE | flags::DASHED | flags::SLASHED) != 0 {
            return None;
        }
        if connector.eq_ignore_ascii_case("or")
            && (first.num.is_some_and(|x| x.words) != n2.words
                || first.percent != second.percent
                || first.currency.as_ref().map(|c| &c.0) != second.currency.as_ref().map(|c| &c.0)
                || first.unit != second.unit)
        {
            return None;
        }
        Some((second, connector.to_ascii_lowercase()))
    }

    /// The longest modifier ending right before `pos`, not reaching back before `floor`.
    fn modifier_before(&self, text: &str, pos: usize, floor: usize) -> Option<Modifier> {
        let lexicon = &*self.lexicon;
        let last = lex::prev(text, pos)?;
        if !with_lower(last.text(text), |w| lexicon.modifier_last.contains(w)) {
            return None;
        }
        let mut toks = lex::prev_n(text, pos, lexicon.modifier_max_tokens);
        toks.reverse();
        let (joined, bounds) = join_tokens(text, &toks);
        let n = toks.len();
        for k in (1..=n).rev() {
            let first = toks.get(n - k)?;
            if first.start < floor {
                continue;
            }
            let phrase = joined.get(bounds.get(n - k)?.0..)?;
            if let Some(&(kind, position)) = lexicon.modifiers.get(phrase)
                && position == Position::Before
            {
                if lex::char_before(text, first.start).is_some_and(|c| matches!(c, '<' | '>' | '='))
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

    /// The longest modifier starting right after `pos` ("or more", "or so", "-plus").
    fn modifier_after(&self, text: &str, pos: usize) -> Option<Modifier> {
        let lexicon = &*self.lexicon;
        let first = lex::next(text, pos)?;
        let first = if first.is(text, "-") && first.start == pos {
            lex::next(text, first.end)?
        } else {
            first
        };
        if !with_lower(first.text(text), |w| lexicon.modifier_first.contains(w)) {
            return None;
        }
        let mut toks = Vec::new();
        let mut at = pos;
        while toks.len() < 3 {
            let Some(t) = lex::next(text, at) else { break };
            if toks.is_empty() && t.is(text, "-") && t.start == pos {
                // "1,000-plus".
                at = t.end;
                continue;
            }
            toks.push(t);
            at = t.end;
        }
        let (joined, bounds) = join_tokens(text, &toks);
        for k in (1..=toks.len()).rev() {
            let last = toks.get(k - 1)?;
            let phrase = joined.get(..bounds.get(k - 1)?.1)?;
            if let Some(&(kind, position)) = lexicon.modifiers.get(phrase)
                && position == Position::After
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

/// Tokens joined the way [`crate::lexicon::normalize_phrase`] joins a phrase (lowercase,
/// one space between words, punctuation glued), with each token's byte range in the joined
/// string, so every run of tokens is a slice: one allocation however many lengths are tried.
fn join_tokens(text: &str, toks: &[Tok]) -> (String, Vec<(usize, usize)>) {
    let mut out = String::new();
    let mut bounds = Vec::with_capacity(toks.len());
    let mut last_word = false;
    for t in toks {
        let word = t.kind != Kind::Punct;
        if word && last_word {
            out.push(' ');
        }
        let start = out.len();
        out.extend(t.text(text).chars().flat_map(char::to_lowercase));
        bounds.push((start, out.len()));
        last_word = word;
    }
    (out, bounds)
}

/// A percent sign or word right after an amount.
fn percent_after(text: &str, pos: usize) -> Option<(PercentUnit, usize)> {
    let t = lex::next(text, pos)?;
    if t.is(text, "%") {
        return Some((PercentUnit::Percent, t.end));
    }
    if t.kind != Kind::Word {
        return None;
    }
    let w = t.text(text).to_ascii_lowercase();
    match w.as_str() {
        "percent" | "percents" | "pct" => Some((PercentUnit::Percent, t.end)),
        "percentage" => {
            if let Some(p) =
                lex::next(text, t.end).filter(|p| p.is(text, "points") || p.is(text, "point"))
            {
                Some((PercentUnit::PercentagePoint, p.end))
            } else {
                Some((PercentUnit::Percent, t.end))
            }
        }
        "per" => {
            let c = lex::next(text, t.end).filter(|c| c.is(text, "cent"))?;
            Some((PercentUnit::Percent, c.end))
        }
        _ => None,
    }
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
