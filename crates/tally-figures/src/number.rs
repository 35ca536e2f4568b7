//! Numbers: digits with separators, scale suffixes, fractions and powers ("1,200", "12,000.5",
//! "1.2bn", "3/4", "1e10"), and number words composed the usual English way ("two hundred
//! and fifty", "twenty-one trillion three hundred", "a dozen", "two thirds", "one and a
//! half million", "4 thousand 3 hundred and 21").
//!
//! Values are computed so that short decimals times powers of ten are exact ("5.6 billion"
//! is 5600000000, not 5599999999.999999): a digit string and a power of ten go through one
//! correctly rounded decimal parse. Absurd input never overflows: a value that is not finite
//! is flagged [`flags::HUGE`] and dropped by every caller.

use crate::lex::{self, Kind, Tok};
use crate::lexicon::{Info, Lexicon, NumWord, SuffixWhen};

/// What kind of number was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumKind {
    /// A whole number.
    Integer,
    /// A number with a decimal part.
    Decimal,
    /// A fraction ("3/4", "two thirds", "one and a half").
    Fraction,
    /// Scientific notation or a power ("1e10", "1.1^23").
    Power,
}

/// Flags on a [`Num`] that tell callers what else the digits may be.
pub mod flags {
    /// A digit string glued to an ordinal suffix ("18th").
    pub const ORDINAL: u16 = 1;
    /// A decade ("1990s").
    pub const DECADE: u16 = 1 << 1;
    /// One part of a dotted sequence ("192.168.1.2", "v1.2.3").
    pub const DOTTED: u16 = 1 << 2;
    /// One part of a slashed sequence ("5/17/2018", "24/7").
    pub const SLASHED: u16 = 1 << 3;
    /// Glued to letters that are not a known suffix ("180ml", "A320").
    pub const GLUED: u16 = 1 << 4;
    /// Too large to represent: never a figure.
    pub const HUGE: u16 = 1 << 5;
    /// Written with a leading zero ("007", "01").
    pub const LEADING_ZERO: u16 = 1 << 6;
    /// A fraction word with no count before it ("half").
    pub const BARE_FRACTION: u16 = 1 << 7;
    /// Digits joined to other digits by colons ("10:30").
    pub const COLON: u16 = 1 << 8;
    /// Part of a hyphen-joined digit sequence of three or more parts ("555-123-4567").
    pub const DASHED: u16 = 1 << 9;
    /// A unit of measure is glued to the digits ("60GB", "500km").
    pub const UNIT: u16 = 1 << 10;
    /// Two digits after an apostrophe: a year ("'82", "iLife'11").
    pub const APOSTROPHE_YEAR: u16 = 1 << 11;
    /// A share written as two numbers ("one in five", "nine out of 10"), joined by the
    /// figure layer.
    pub const RATIO: u16 = 1 << 12;
    /// A mixed number joined by a hyphen, "2-5/8": a price, not a code.
    pub const MIXED: u16 = 1 << 13;
}

/// A number in the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num {
    /// Byte offset of the first byte (a sign, "a" or "minus" included).
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The value.
    pub value: f64,
    /// Integer, decimal, fraction or power.
    pub kind: NumKind,
    /// Any part was written as a word.
    pub words: bool,
    /// A scale word or suffix was applied ("million", "bn").
    pub scaled: bool,
    /// The largest scale applied (1 when none): 1e6 for "5.6 million", so that "5 to 7
    /// million" can scale its first number too.
    pub top_scale: f64,
    /// For a bare run of ASCII digits with no separator, sign or suffix: its length.
    pub plain_digits: Option<usize>,
    /// Thousands separators were used ("1,200").
    pub grouped: bool,
    /// See [`flags`].
    pub flags: u16,
}

/// The numbers of an amount (none, one, or two for a range), kept inline: every amount
/// read would otherwise allocate a list for them, most of them to be dropped as years, dates
/// or codes. Reads as a slice.
#[derive(Clone, Copy)]
pub struct Nums {
    items: [Num; 2],
    len: usize,
}

impl Nums {
    /// No numbers.
    #[must_use]
    pub const fn new() -> Nums {
        const NONE: Num = Num {
            start: 0,
            end: 0,
            value: 0.0,
            kind: NumKind::Integer,
            words: false,
            scaled: false,
            top_scale: 1.0,
            plain_digits: None,
            grouped: false,
            flags: 0,
        };
        Nums {
            items: [NONE; 2],
            len: 0,
        }
    }

    /// Adds a number; a third one is ignored (an amount has at most two).
    pub fn push(&mut self, n: Num) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = n;
            self.len += 1;
        }
    }
}

impl Default for Nums {
    fn default() -> Nums {
        Nums::new()
    }
}

impl std::ops::Deref for Nums {
    type Target = [Num];
    fn deref(&self) -> &[Num] {
        self.items.get(..self.len).unwrap_or(&[])
    }
}

impl<'a> IntoIterator for &'a Nums {
    type Item = &'a Num;
    type IntoIter = std::slice::Iter<'a, Num>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for Nums {
    fn eq(&self, other: &Nums) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for Nums {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// A digit string kept inline, without allocating: the significant digits (leading zeros
/// dropped) up to a bound, and how many later digits were dropped. Past 32 significant
/// digits the value is rounded there, far beyond what an f64 holds anyway.
///
/// The value of the first digits is kept as an integer too, so that the usual number (at
/// most 15 significant digits, a small power of ten) is one multiplication or division
/// rather than a trip through a decimal string: every digit amount read is valued.
#[derive(Clone, Copy)]
pub(crate) struct Digits {
    buf: [u8; 32],
    len: usize,
    dropped: usize,
    /// The digits in `buf` as an integer, while they are at most [`EXACT_DIGITS`].
    int: u64,
}

/// The most significant digits whose integer is exact in an `f64` (below 2^53).
const EXACT_DIGITS: usize = 15;

/// The powers of ten that are exact in an `f64`: `POW10[n]` is 10^n, the same value
/// `10f64.powi(n)` computes for these `n` (every partial product is exact).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `int` times ten to the `exp` when both are exact in an `f64` (at most
/// [`EXACT_DIGITS`] digits, `|exp| <= 22`): one correctly rounded operation.
fn exact_value(int: u64, digits: usize, exp: i64) -> Option<f64> {
    if digits > EXACT_DIGITS {
        return None;
    }
    let power = *POW10.get(usize::try_from(exp.unsigned_abs()).ok()?)?;
    // At most 15 digits: below 2^53, so the conversion is exact.
    #[allow(clippy::cast_precision_loss)]
    let mantissa = int as f64;
    Some(if exp >= 0 {
        mantissa * power
    } else {
        mantissa / power
    })
}

impl Digits {
    fn new() -> Digits {
        Digits {
            buf: [0; 32],
            len: 0,
            dropped: 0,
            int: 0,
        }
    }

    /// Appends the ASCII digits of `s`, skipping anything else.
    fn push_digits(&mut self, s: &[u8]) {
        for &b in s {
            if !b.is_ascii_digit() || self.len == 0 && b == b'0' {
                continue;
            }
            match self.buf.get_mut(self.len) {
                Some(slot) => {
                    *slot = b;
                    self.len += 1;
                    if self.len <= EXACT_DIGITS {
                        self.int = self.int * 10 + u64::from(b - b'0');
                    }
                }
                None => self.dropped += 1,
            }
        }
    }

    /// The digits times ten to the `exp`, correctly rounded.
    fn value(&self, exp: i64) -> f64 {
        if self.len == 0 {
            return 0.0;
        }
        if let Some(v) = exact_value(self.int, self.len, exp) {
            return v;
        }
        let digits = std::str::from_utf8(self.buf.get(..self.len).unwrap_or(&[])).unwrap_or("");
        decimal_value(
            digits,
            exp.saturating_add(i64::try_from(self.dropped).unwrap_or(i64::MAX)),
        )
    }
}

/// A run of digits with separators, decimals, exponent and suffix, read from raw bytes.
struct DigitAtom {
    end: usize,
    value: f64,
    kind: NumKind,
    flags: u16,
    grouped: bool,
    plain_len: Option<usize>,
    scaled: bool,
    suffix_scale: f64,
    /// The digits and power of ten, for exact scaling by more powers of ten.
    decimal: Option<(Digits, i64)>,
    /// The token at `end`, when the spaced-suffix test read it and left it: the caller
    /// reads the same token next.
    next: Option<Option<Tok>>,
}

fn digit_run(bytes: &[u8], at: usize) -> usize {
    bytes
        .get(at..)
        .map_or(0, |b| b.iter().take_while(|c| c.is_ascii_digit()).count())
}

fn byte(bytes: &[u8], at: usize) -> u8 {
    bytes.get(at).copied().unwrap_or(0)
}

/// Parses `digits` times ten to the `exp`, correctly rounded.
fn decimal_value(digits: &str, exp: i64) -> f64 {
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() {
        return 0.0;
    }
    // Fast path: up to 15 digits times an exactly representable power of ten is one
    // correctly rounded operation.
    if trimmed.len() <= EXACT_DIGITS
        && let Ok(int) = trimmed.parse::<u64>()
        && let Some(v) = exact_value(int, trimmed.len(), exp)
    {
        return v;
    }
    // Beyond these bounds f64 is infinite or zero anyway; checking first keeps the
    // formatted exponent small.
    let magnitude = i64::try_from(trimmed.len())
        .unwrap_or(i64::MAX)
        .saturating_add(exp);
    if magnitude > 330 {
        return f64::INFINITY;
    }
    if magnitude < -330 {
        return 0.0;
    }
    format!("{trimmed}e{exp}")
        .parse::<f64>()
        .unwrap_or(f64::NAN)
}

/// Whether a plain space may group thousands in `text` ("40 000"): not when the text groups
/// them with commas anywhere ("1,520"), since a writer keeps to one style, and a space
/// between numbers there separates two ("fewer than 50 737 jets", "July 6 100 mln").
/// No-break and narrow no-break spaces group in any text.
pub(crate) fn spaces_group(text: &str) -> bool {
    let bytes = text.as_bytes();
    !memchr::memchr_iter(b',', bytes).any(|i| {
        i > 0 && bytes.get(i - 1).is_some_and(u8::is_ascii_digit) && digit_run(bytes, i + 1) == 3
    })
}

/// The number of separator-grouped bytes after a first run of `first` digits at `at`.
fn grouped_len(bytes: &[u8], at: usize, first: usize, spaces: bool) -> usize {
    // Western grouping: 1-3 digits, then groups of exactly three after a comma or a space
    // ("1,234,567", "1 234 567", "40 000").
    if (1..=3).contains(&first) {
        for sep in [b',', b' '] {
            let mut pos = at + first;
            let plain_space_ok = sep == b' ' && spaces;
            let mut groups = 0;
            loop {
                let is_sep = if sep == b' ' {
                    plain_space_ok && byte(bytes, pos) == b' '
                } else {
                    byte(bytes, pos) == b','
                };
                let (sep_len, ok) = if is_sep {
                    (1, true)
                } else if sep == b' ' && bytes.get(pos..pos + 2) == Some(&[0xc2, 0xa0]) {
                    (2, true)
                } else if sep == b' ' && bytes.get(pos..pos + 3) == Some(&[0xe2, 0x80, 0xaf]) {
                    (3, true)
                } else {
                    (0, false)
                };
                if !ok || digit_run(bytes, pos + sep_len) != 3 {
                    break;
                }
                // "1, 234" is a list, not a number; "1,2345" is not grouped.
                pos += sep_len + 3;
                groups += 1;
            }
            if groups > 0 {
                // Spaces group only plain digit runs: "in 2022 100 people" must not merge,
                // and here the first run has at most three digits, so it cannot be a year.
                return pos - at;
            }
        }
    }
    // Indian grouping: "12,34,567".
    if (1..=2).contains(&first) {
        let mut pos = at + first;
        let mut pairs = 0;
        while byte(bytes, pos) == b',' && digit_run(bytes, pos + 1) == 2 {
            pos += 3;
            pairs += 1;
        }
        if pairs > 0 && byte(bytes, pos) == b',' && digit_run(bytes, pos + 1) == 3 {
            return pos + 4 - at;
        }
    }
    first
}

fn is_alnum_at(text: &str, pos: usize) -> bool {
    lex::char_at(text, pos).is_some_and(char::is_alphanumeric)
}

fn digit_atom(lexicon: &Lexicon, text: &str, start: usize, money: bool, spaces: bool) -> DigitAtom {
    let bytes = text.as_bytes();
    let first = digit_run(bytes, start);
    let int_len = grouped_len(bytes, start, first, spaces);
    let grouped = int_len != first;
    let mut pos = start + int_len;
    let mut digits = Digits::new();
    digits.push_digits(bytes.get(start..pos).unwrap_or(&[]));
    let mut exp: i64 = 0;
    let mut kind = NumKind::Integer;
    let mut flags = 0u16;
    let mut value: Option<f64> = None;
    let mut scaled = false;
    let mut suffix_scale = 1.0;
    let mut plain = !grouped;
    let mut next = None;

    if first > 1 && byte(bytes, start) == b'0' && !grouped {
        flags |= flags::LEADING_ZERO;
    }

    // Decimal part, unless this is a dotted sequence ("192.168.1.2", "1.2.3").
    let after_dot =
        start > 1 && byte(bytes, start - 1) == b'.' && byte(bytes, start - 2).is_ascii_digit();
    // After "digit/" or "digit-" this is part of a date or code: no fraction of its own.
    let after_slash = start > 1
        && matches!(byte(bytes, start - 1), b'/' | b'-')
        && byte(bytes, start - 2).is_ascii_digit();
    if byte(bytes, pos) == b'.' && !after_dot {
        let frac = digit_run(bytes, pos + 1);
        if frac > 0 {
            let after = pos + 1 + frac;
            if byte(bytes, after) == b'.' && digit_run(bytes, after + 1) > 0 {
                flags |= flags::DOTTED;
            } else {
                // Leading zeros are dropped, which changes nothing: the exponent counts
                // every fraction digit ("0.05" is 5e-2, "1.05" is 105e-2).
                digits.push_digits(bytes.get(pos + 1..after).unwrap_or(&[]));
                exp -= i64::try_from(frac).unwrap_or(i64::MAX);
                kind = NumKind::Decimal;
                pos = after;
                plain = false;
            }
        }
    }
    if start > 0
        && byte(bytes, start - 1) == b'.'
        && start > 1
        && byte(bytes, start - 2).is_ascii_digit()
    {
        flags |= flags::DOTTED;
    }
    if byte(bytes, pos) == b':' && digit_run(bytes, pos + 1) > 0
        || start > 0
            && byte(bytes, start - 1) == b':'
            && start > 1
            && byte(bytes, start - 2).is_ascii_digit()
    {
        flags |= flags::COLON;
    }

    // Scientific notation: "1e10", "-12e-1", "12.32e+14".
    if matches!(byte(bytes, pos), b'e' | b'E') {
        let mut p = pos + 1;
        let negative = byte(bytes, p) == b'-';
        if matches!(byte(bytes, p), b'+' | b'-') {
            p += 1;
        }
        let n = digit_run(bytes, p);
        if n > 0 && !is_alnum_at(text, p + n) {
            let e: i64 = text
                .get(p..p + n.min(6))
                .and_then(|s| s.parse().ok())
                .unwrap_or(999_999);
            exp = exp.saturating_add(if negative { -e } else { e });
            kind = NumKind::Power;
            pos = p + n;
            plain = false;
        }
    }

    // Powers: "1.1^23", "2.5^-1". The exponent may be absurd ("10^400"): the value is then
    // infinite and flagged.
    if byte(bytes, pos) == b'^' {
        let mut p = pos + 1;
        let mut negative = false;
        while matches!(byte(bytes, p), b'+' | b'-') {
            negative ^= byte(bytes, p) == b'-';
            p += 1;
        }
        let n = digit_run(bytes, p);
        if n > 0 {
            let e: f64 = text
                .get(p..p + n.min(9))
                .and_then(|s| s.parse().ok())
                .unwrap_or(1e9);
            let base = digits.value(exp);
            value = Some(base.powf(if negative { -e } else { e }));
            kind = NumKind::Power;
            pos = p + n;
            plain = false;
        }
    }

    // A mixed fraction in stock prices, "2-5/8" (2 5/8), not the range 2-5.
    if kind == NumKind::Integer
        && !after_slash
        && let Some((frac, after)) = dashed_fraction(text, pos)
    {
        value = Some(digits.value(exp) + frac);
        kind = NumKind::Fraction;
        flags |= flags::MIXED;
        pos = after;
        plain = false;
    }

    // Slashes: a fraction "3/4", or a date or code "5/17/2018", "24/7".
    if byte(bytes, pos) == b'/' && kind == NumKind::Integer && !after_slash {
        let n = digit_run(bytes, pos + 1);
        if n > 0 {
            let after = pos + 1 + n;
            let third = byte(bytes, after) == b'/' && digit_run(bytes, after + 1) > 0;
            let denominator = decimal_value(text.get(pos + 1..after).unwrap_or("0"), 0);
            if third || denominator == 0.0 || is_alnum_at(text, after) {
                flags |= flags::SLASHED;
            } else {
                value = Some(digits.value(exp) / denominator);
                kind = NumKind::Fraction;
                pos = after;
                plain = false;
            }
        }
    }
    if start > 0
        && byte(bytes, start - 1) == b'/'
        && start > 1
        && byte(bytes, start - 2).is_ascii_digit()
    {
        flags |= flags::SLASHED;
    }

    // Letters glued to the digits: an ordinal, a decade, a scale suffix, or something else.
    let letters_end = {
        let mut p = pos;
        while let Some(c) = lex::char_at(text, p) {
            if c.is_ascii_alphabetic() {
                p += 1;
            } else {
                break;
            }
        }
        p
    };
    if letters_end > pos && !is_alnum_at(text, letters_end) {
        let letters = text.get(pos..letters_end).unwrap_or("");
        // Compared without a lowercase copy: these letters follow every "18th" and "1990s".
        let is = |w: &str| letters.eq_ignore_ascii_case(w);
        if is("st") || is("nd") || is("rd") || is("th") {
            flags |= flags::ORDINAL;
            pos = letters_end;
        } else if is("s") && kind == NumKind::Integer {
            flags |= flags::DECADE;
            pos = letters_end;
        } else if let Some(s) = lexicon.suffixes.iter().find(|s| {
            let same = if s.text.len() == 1 {
                s.text == letters
            } else {
                s.text.eq_ignore_ascii_case(letters)
            };
            same && (s.when != SuffixWhen::Money || money)
        }) {
            let v = s.value;
            scale_decimal(&digits, &mut exp, &mut value, v);
            scaled = true;
            suffix_scale = v;
            plain = false;
            pos = letters_end;
        } else if lexicon.unit_of_str(letters).is_some()
            || temperature_scale(text, letters_end, letters)
        {
            // "60GB", "500km", "40C": a unit of measure, read by the caller.
            flags |= flags::UNIT;
        } else {
            flags |= flags::GLUED;
        }
    } else if letters_end > pos {
        flags |= flags::GLUED;
    } else if byte(bytes, pos) == b'\''
        && byte(bytes, pos + 1) == b's'
        && !is_alnum_at(text, pos + 2)
    {
        flags |= flags::DECADE;
        pos += 2;
    } else {
        // A spaced suffix: "2 mln", "10 bln", "2.33 k".
        let after = lex::next(text, pos);
        next = Some(after);
        if let Some(t) = after.filter(|t| t.kind == Kind::Word && t.start > pos) {
            let word = t.text(text);
            // Suffixes are short: a longer word needs no comparison.
            let short = word.len() <= lexicon.suffix_max_len;
            if let Some(s) = lexicon.suffixes.iter().filter(|_| short).find(|s| {
                s.when == SuffixWhen::Any && s.text.eq_ignore_ascii_case(word)
                    || (word == "k" || word == "K") && s.text == word
            }) {
                let v = s.value;
                scale_decimal(&digits, &mut exp, &mut value, v);
                scaled = true;
                suffix_scale = v;
                plain = false;
                pos = t.end;
                next = None;
            }
        }
    }
    if start > 0 && lex::char_before(text, start).is_some_and(char::is_alphabetic) {
        flags |= flags::GLUED;
    }
    if int_len == 2
        && kind == NumKind::Integer
        && lex::char_before(text, start).is_some_and(|c| c == '\'' || c == '\u{2019}')
    {
        flags |= flags::APOSTROPHE_YEAR;
    }

    let decimal = value.is_none().then_some((digits, exp));
    let value = value.unwrap_or_else(|| digits.value(exp));
    if !value.is_finite() {
        flags |= flags::HUGE;
    }
    DigitAtom {
        end: pos,
        value,
        kind,
        flags,
        grouped,
        plain_len: plain.then_some(int_len),
        scaled,
        suffix_scale,
        decimal,
        next,
    }
}

/// Multiplies a digit string and power of ten by a scale, exactly when the scale is a power
/// of ten.
fn scale_decimal(digits: &Digits, exp: &mut i64, value: &mut Option<f64>, scale: f64) {
    if let Some(v) = value {
        *v *= scale;
        return;
    }
    let log = scale.log10().round();
    if (10f64.powf(log) - scale).abs() < 0.5 {
        // Truncation is exact here: `log` is a small whole number.
        #[allow(clippy::cast_possible_truncation)]
        {
            *exp += log as i64;
        }
    } else {
        *value = Some(digits.value(*exp) * scale);
    }
}

/// Where the composition of number parts stands.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Last {
    None,
    Unit,
    Teen,
    Tens,
    Digits,
    Hundred,
    Scale(f64),
}

/// Whether the token is "a" or "an".
fn is_article(text: &str, tok: Tok) -> bool {
    tok.is(text, "a") || tok.is(text, "an")
}

/// The token right after a number (`None` at a line break or the end of the text) and, when
/// it is a word the parser looked up, its lexicon entry: the recognizer tests that token
/// next (a currency, a percent, a unit, a range), so it need not read it again.
#[derive(Clone, Copy, Debug)]
pub(crate) struct After {
    pub tok: Option<Tok>,
    pub info: Option<Info>,
}

/// "40C", "45.2F": a capital C or F glued to the digits and ending the word ("1C's" and
/// "C-2" do not), a temperature the caller reads.
fn temperature_scale(text: &str, end: usize, letters: &str) -> bool {
    if letters != "C" && letters != "F" {
        return false;
    }
    let mut rest = text.get(end..).unwrap_or("").chars();
    match rest.next() {
        Some('.') => !rest.next().is_some_and(char::is_alphabetic),
        Some(c) => !matches!(c, '-' | '\'' | '’'),
        None => true,
    }
}

/// Reads a number whose first part starts at `anchor` (a digit or a number word). `money`
/// says a currency came first, which allows money-only suffixes ("$10m"); `spaces`, that a
/// plain space may group thousands ([`spaces_group`]).
pub(crate) fn parse(
    lexicon: &Lexicon,
    text: &str,
    anchor: usize,
    money: bool,
    spaces: bool,
) -> Option<Num> {
    let first = lex::next(text, anchor)?;
    parse_from(
        lexicon,
        text,
        first,
        lexicon.number_word(text, first),
        money,
        spaces,
    )
    .map(|(n, _)| n)
}

/// [`parse`] from its first token, already read, and that token's number-word entry; also
/// the token after the number, when the parser read it.
pub(crate) fn parse_from(
    lexicon: &Lexicon,
    text: &str,
    first: Tok,
    first_word: Option<NumWord>,
    money: bool,
    spaces: bool,
) -> Option<(Num, Option<After>)> {
    let mut start = first.start;
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut last = Last::None;
    let mut end = first.start;
    let mut words = false;
    let mut scaled = false;
    let mut kind = NumKind::Integer;
    let mut flags = 0u16;
    let mut plain_digits = None;
    let mut grouped = false;
    let mut parts = 0usize;
    // For "5.6 billion": the one digit atom's exact digits, scaled by powers of ten only.
    let mut exact: Option<(Digits, i64)> = None;
    let mut scale_product = 1.0f64;
    // The largest scale applied to `total` so far ("million" in "one million two thousand").
    let mut big_scale = 0.0f64;
    let mut top_scale = 1.0f64;

    // "a hundred", "a dozen", "a third", "a half": the article stands for one.
    if let Some(word) = first_word {
        let article = lex::prev(text, first.start).filter(|t| is_article(text, *t));
        match word {
            NumWord::Scale(_) | NumWord::Group(_) | NumWord::Fraction(_) => {
                let fraction_of_scale = matches!(word, NumWord::Fraction(_))
                    && lex::next(text, first.end)
                        .and_then(|t| lexicon.number_word(text, t))
                        .is_some_and(|w| matches!(w, NumWord::Scale(_)));
                match article {
                    Some(a) => start = a.start,
                    // "quarter million": a fraction of a scale needs no article.
                    None if fraction_of_scale => {}
                    None => return None,
                }
                current = 1.0;
                last = Last::Unit;
            }
            NumWord::Half => {
                if let Some(a) = article {
                    start = a.start;
                    current = 1.0;
                    last = Last::Unit;
                }
            }
            _ => {}
        }
    }

    let mut pos = first.start;
    // The token at a position when already read: the first one, or the one a digit atom
    // read after itself.
    let mut pending: Option<(usize, Option<Tok>)> = Some((pos, Some(first)));
    // The last token read, where, and its entry when looked up.
    let mut seen: Option<(usize, After)>;
    loop {
        let tok = match pending.take() {
            Some((at, t)) if at == pos => t,
            _ => lex::next(text, pos),
        };
        seen = Some((pos, After { tok, info: None }));
        let Some(tok) = tok else { break };
        match tok.kind {
            Kind::Digits => {
                let allowed = match last {
                    Last::None => true,
                    Last::Scale(s) => current == 0.0 && parts > 0 && s >= 1000.0,
                    Last::Hundred => false,
                    _ => false,
                };
                if !allowed {
                    break;
                }
                let atom = digit_atom(lexicon, text, tok.start, money, spaces);
                if parts > 0 && (atom.flags != 0 || atom.value >= scale_of(last)) {
                    break;
                }
                // A mixed number: "2 1/4", "2  1/2".
                if parts == 0
                    && atom.kind == NumKind::Integer
                    && atom.flags == 0
                    && atom.plain_len.is_some()
                    && let Some(f) = atom.next.unwrap_or_else(|| lex::next(text, atom.end))
                    && f.kind == Kind::Digits
                    && f.start > atom.end
                {
                    let frac = digit_atom(lexicon, text, f.start, money, spaces);
                    if frac.kind == NumKind::Fraction && frac.flags == 0 && frac.value < 1.0 {
                        current = atom.value + frac.value;
                        end = frac.end;
                        kind = NumKind::Fraction;
                        parts = 2;
                        break;
                    }
                }
                if parts == 0 {
                    flags |= atom.flags;
                    grouped = atom.grouped;
                    plain_digits = atom.plain_len;
                    exact.clone_from(&atom.decimal);
                    kind = atom.kind;
                    scaled |= atom.scaled;
                    top_scale = top_scale.max(atom.suffix_scale);
                } else {
                    exact = None;
                    plain_digits = None;
                }
                current = atom.value;
                end = atom.end;
                pos = atom.end;
                last = Last::Digits;
                parts += 1;
                if let Some(t) = atom.next {
                    pending = Some((atom.end, t));
                    seen = Some((atom.end, After { tok: t, info: None }));
                }
                if atom.flags & (flags::DOTTED | flags::SLASHED | flags::GLUED | flags::HUGE) != 0
                    || atom.kind == NumKind::Fraction
                    || atom.kind == NumKind::Power
                {
                    break;
                }
                continue;
            }
            Kind::Punct => {
                // Hyphens inside number words: "sixty-five", "fifty - two", "one-eighth".
                if tok.is(text, "-")
                    && matches!(last, Last::Tens | Last::Unit)
                    && parts > 0
                    && let Some(nt) = lex::next(text, tok.end)
                {
                    let next_word = lexicon.number_word(text, nt);
                    let ok = matches!(
                        (last, next_word),
                        (Last::Tens, Some(NumWord::Unit(v))) if v > 0.0
                    ) || matches!(
                        (last, next_word),
                        (Last::Unit | Last::Tens, Some(NumWord::Fraction(_)))
                    );
                    if ok && words {
                        pos = tok.end;
                        continue;
                    }
                }
                break;
            }
            Kind::Word => {}
        }
        // Words.
        if tok.is(text, "and") && parts > 0 {
            // "one hundred and six", "one and a half", "3 million and a half".
            if let Some(frac) = and_fraction(lexicon, text, tok.end) {
                // "3 million and a half" is 3.5 million.
                match last {
                    Last::Scale(s) if current == 0.0 => total += frac.0 * s,
                    _ => current += frac.0,
                }
                end = frac.1;
                pos = frac.1;
                kind = NumKind::Fraction;
                exact = None;
                words = true;
                // "one and a half million": a scale may follow.
                if let Some(t) = lex::next(text, pos)
                    && let Some(NumWord::Scale(s)) = lexicon.number_word(text, t)
                    && total == 0.0
                    && s >= 100.0
                {
                    current *= s;
                    end = t.end;
                    scaled = true;
                    top_scale = top_scale.max(s);
                }
                break;
            }
            let Some(nt) = lex::next(text, tok.end) else {
                break;
            };
            let next_word = lexicon.number_word(text, nt);
            let continues = matches!(last, Last::Hundred | Last::Scale(_))
                && (matches!(
                    next_word,
                    Some(NumWord::Unit(_) | NumWord::Teen(_) | NumWord::Tens(_))
                ) || nt.kind == Kind::Digits && matches!(last, Last::Hundred | Last::Scale(_)));
            if !continues {
                break;
            }
            pos = tok.end;
            if nt.kind == Kind::Digits {
                // "3 hundred and 21": digits after "and" finish the number.
                let atom = digit_atom(lexicon, text, nt.start, money, spaces);
                if atom.flags != 0 || atom.value >= 100.0 && last == Last::Hundred {
                    break;
                }
                // "3 hundred and 2 hundred" is two numbers.
                if lex::next(text, atom.end)
                    .and_then(|t| lexicon.number_word(text, t))
                    .is_some_and(|w| matches!(w, NumWord::Scale(_) | NumWord::Group(_)))
                {
                    break;
                }
                current += atom.value;
                end = atom.end;
                exact = None;
                parts += 1;
                break;
            }
            continue;
        }
        if tok.is(text, "point")
            && parts > 0
            && matches!(last, Last::Unit | Last::Teen | Last::Tens | Last::Hundred)
            && total == 0.0
        {
            // "two hundred point zero three", "nine point nought four".
            if let Some((frac, after)) = point_digits(lexicon, text, tok.end) {
                current += frac;
                end = after;
                kind = NumKind::Decimal;
                words = true;
                exact = None;
                break;
            }
            break;
        }
        let info = lexicon.info(text, tok);
        seen = Some((
            pos,
            After {
                tok: Some(tok),
                info: Some(info),
            },
        ));
        let Some(word) = info.num else {
            // "3 dozens", "three dozens": a count of dozens.
            if tok.is(text, "dozens") && current > 0.0 && parts > 0 {
                current *= 12.0;
                end = tok.end;
                words = true;
                exact = None;
                break;
            }
            break;
        };
        // A number word glued to a following letter run is not this word ("tend", "ones").
        match word {
            NumWord::Unit(v) => {
                match last {
                    Last::None | Last::Hundred => current += v,
                    Last::Scale(_) => current = v,
                    Last::Tens if v > 0.0 => current += v,
                    _ => break,
                }
                last = Last::Unit;
            }
            NumWord::Teen(v) => {
                match last {
                    Last::None | Last::Hundred => current += v,
                    Last::Scale(_) => current = v,
                    _ => break,
                }
                last = Last::Teen;
            }
            NumWord::Tens(v) => {
                match last {
                    Last::None | Last::Hundred => current += v,
                    Last::Scale(_) => current = v,
                    _ => break,
                }
                last = Last::Tens;
            }
            NumWord::Scale(s) if s < 1000.0 => {
                // "hundred": multiplies a count below one hundred ("twelve hundred") or any
                // digits ("322 hundred").
                if last == Last::Hundred
                    || current == 0.0
                    || current >= 100.0 && last != Last::Digits
                    || matches!(last, Last::Scale(_))
                {
                    break;
                }
                current *= s;
                if last == Last::Digits && parts == 1 {
                    scale_product *= s;
                } else {
                    exact = None;
                }
                last = Last::Hundred;
                scaled = true;
                top_scale = top_scale.max(s);
            }
            NumWord::Scale(s) => {
                if current == 0.0 {
                    // "three lakh crore", "a hundred thousand million": a larger scale
                    // multiplies everything so far.
                    if matches!(last, Last::Scale(_)) && s > big_scale && total > 0.0 {
                        total *= s;
                        big_scale = s;
                        top_scale = s;
                        exact = None;
                        words = true;
                        end = tok.end;
                        pos = tok.end;
                        parts += 1;
                        last = Last::Scale(s);
                        continue;
                    }
                    break;
                }
                if total > 0.0 && s > big_scale {
                    total = (total + current) * s;
                } else {
                    total += current * s;
                }
                big_scale = big_scale.max(s);
                top_scale = top_scale.max(s);
                if matches!(last, Last::Digits | Last::Hundred) && total == current * s {
                    scale_product *= s;
                } else {
                    exact = None;
                }
                current = 0.0;
                last = Last::Scale(s);
                scaled = true;
            }
            NumWord::Group(g) => {
                if current == 0.0 || matches!(last, Last::Scale(_)) {
                    break;
                }
                // "a score of 50 out of 100" is a rating, not twenty.
                if of_a_number(text, tok.end) {
                    break;
                }
                current *= g;
                exact = None;
                last = Last::Hundred;
            }
            NumWord::Fraction(d) => {
                // "two thirds", "a third", "one-eighth"; never "the third", and not
                // "third-place".
                if current == 0.0 || matches!(last, Last::Scale(_) | Last::Hundred) {
                    break;
                }
                if lex::next(text, tok.end).is_some_and(|t| t.is(text, "-")) {
                    break;
                }
                current /= d;
                kind = NumKind::Fraction;
                exact = None;
                end = tok.end;
                words = true;
                parts += 1;
                // "a quarter million", "three quarters billion".
                if let Some(t) = lex::next(text, tok.end)
                    && let Some(NumWord::Scale(s)) = lexicon.number_word(text, t)
                {
                    current *= s;
                    end = t.end;
                    scaled = true;
                    top_scale = top_scale.max(s);
                    kind = NumKind::Integer;
                }
                break;
            }
            NumWord::Half => {
                if parts == 0 && current == 0.0 {
                    // "half", "half a dozen", "half a million".
                    if let Some(a) = lex::next(text, tok.end).filter(|t| is_article(text, *t))
                        && let Some(t) = lex::next(text, a.end)
                    {
                        let m = match lexicon.number_word(text, t) {
                            Some(NumWord::Group(g)) => Some(g),
                            Some(NumWord::Scale(s)) => Some(s),
                            _ => None,
                        };
                        // "half a percent".
                        if t.is(text, "percent") || t.is(text, "per") || t.is(text, "percentage") {
                            current = 0.5;
                            end = a.end;
                            words = true;
                            parts += 1;
                            kind = NumKind::Fraction;
                            exact = None;
                            break;
                        }
                        if let Some(m) = m {
                            current = 0.5 * m;
                            end = t.end;
                            words = true;
                            scaled = m >= 100.0;
                            top_scale = top_scale.max(m);
                            parts += 1;
                            kind = NumKind::Integer;
                            exact = None;
                            break;
                        }
                    }
                    // "half million", "half a million" handled above.
                    if let Some(t) = lex::next(text, tok.end)
                        && let Some(NumWord::Scale(s)) = lexicon.number_word(text, t)
                    {
                        current = 0.5 * s;
                        end = t.end;
                        words = true;
                        scaled = true;
                        top_scale = top_scale.max(s);
                        parts += 1;
                        exact = None;
                        break;
                    }
                    current = 0.5;
                    flags |= flags::BARE_FRACTION;
                } else if last == Last::Unit && current == 1.0 && start < first.start {
                    // "a half".
                    current = 0.5;
                } else {
                    break;
                }
                kind = NumKind::Fraction;
                end = tok.end;
                words = true;
                exact = None;
                parts += 1;
                break;
            }
        }
        words = true;
        end = tok.end;
        pos = tok.end;
        parts += 1;
    }
    if parts == 0 || end <= start {
        return None;
    }
    let mut value = total + current;
    // A digit atom scaled by nothing already has its exact value.
    if let Some((digits, exp)) =
        exact.filter(|_| parts <= 3 && total + current > 0.0 && scale_product != 1.0)
    {
        // One digit atom times powers of ten: recompute exactly.
        let log = scale_product.log10().round();
        if (10f64.powf(log) - scale_product).abs() < 0.5 {
            #[allow(clippy::cast_possible_truncation)]
            let v = digits.value(exp + log as i64);
            if (v - value).abs() <= value.abs() * 1e-9 {
                value = v;
            }
        }
    }
    if kind == NumKind::Integer && value.fract() != 0.0 {
        kind = NumKind::Decimal;
    }
    if words || scaled || parts > 1 {
        plain_digits = None;
    }

    // A sign: "minus five", "negative one", "-9.23" (but not the hyphen of "500-700", nor
    // the tolerance "plus or minus 3 points").
    if may_follow_sign(text.as_bytes(), start)
        && let Some(p) = lex::prev(text, start)
    {
        if p.is(text, "minus") && !is_tolerance(text, p) || p.is(text, "negative") {
            start = p.start;
            value = -value;
            plain_digits = None;
        } else if p.is(text, "-") && p.end == start && !words {
            let before = lex::char_before(text, p.start);
            if before.is_none_or(|c| matches!(c, ' ' | '(' | '\n' | '<' | '>' | '=' | '~')) {
                start = p.start;
                value = -value;
                plain_digits = None;
            }
        } else if p.is(text, ".") && p.end == start && !words {
            // ".08": a decimal with no leading zero.
            if lex::char_before(text, p.start).is_none_or(|c| !c.is_ascii_digit())
                && kind == NumKind::Integer
                && flags & flags::DOTTED == 0
            {
                let digits = text.get(start..end).unwrap_or("");
                if digits.bytes().all(|b| b.is_ascii_digit()) {
                    let len = i64::try_from(digits.len()).unwrap_or(0);
                    value = decimal_value(digits, -len);
                    start = p.start;
                    kind = NumKind::Decimal;
                    plain_digits = None;
                    flags &= !flags::LEADING_ZERO;
                }
            }
        }
    }
    // Hyphen-joined digit runs of three or more parts are phone numbers or codes.
    if !words && dashed_sequence(text, start, end) {
        flags |= flags::DASHED;
    }
    if !value.is_finite() {
        flags |= flags::HUGE;
    }
    let num = Num {
        start,
        end,
        value,
        kind,
        words,
        scaled,
        top_scale,
        plain_digits,
        grouped,
        flags,
    };
    Some((num, seen.filter(|(at, _)| *at == end).map(|(_, a)| a)))
}

/// Whether the token before `start` may be a sign ("minus", "negative", "-", "."): its
/// last byte, after spaces, is one of theirs or not ASCII (the lexer's full rules then
/// decide). Most numbers follow a word that ends otherwise, and need not lex it.
fn may_follow_sign(bytes: &[u8], start: usize) -> bool {
    let mut p = start;
    while p > 0 && matches!(byte(bytes, p - 1), b' ' | b'\t') {
        p -= 1;
    }
    p > 0 && {
        let b = byte(bytes, p - 1);
        !b.is_ascii() || matches!(b, b'-' | b'.' | b's' | b'S' | b'e' | b'E')
    }
}

fn scale_of(last: Last) -> f64 {
    match last {
        Last::Scale(s) => s,
        Last::Hundred => 100.0,
        _ => f64::INFINITY,
    }
}

/// "and a half", "and a quarter", "and three quarters", "and one fourth" after a number:
/// the fraction's value and where it ends.
fn and_fraction(lexicon: &Lexicon, text: &str, pos: usize) -> Option<(f64, usize)> {
    let t = lex::next(text, pos)?;
    let count = if is_article(text, t) {
        1.0
    } else {
        match lexicon.number_word(text, t)? {
            NumWord::Unit(v) | NumWord::Teen(v) if v > 0.0 => v,
            _ => return None,
        }
    };
    let d = lex::next(text, t.end)?;
    match lexicon.number_word(text, d)? {
        NumWord::Half if count == 1.0 => Some((0.5, d.end)),
        NumWord::Fraction(den) => Some((count / den, d.end)),
        _ => None,
    }
}

/// Digit words after "point": "zero three" → 0.03.
fn point_digits(lexicon: &Lexicon, text: &str, mut pos: usize) -> Option<(f64, usize)> {
    let mut digits = String::new();
    let mut end = pos;
    while let Some(t) = lex::next(text, pos) {
        match lexicon.number_word(text, t) {
            Some(NumWord::Unit(v)) => {
                digits.push_str(&format!("{v}"));
                end = t.end;
                pos = t.end;
            }
            Some(NumWord::Tens(v)) if digits.is_empty() => {
                // "point seventy-one": two digits.
                let mut n = v;
                end = t.end;
                if let Some(h) = lex::next(text, t.end).filter(|h| h.is(text, "-"))
                    && let Some(u) = lex::next(text, h.end)
                    && let Some(NumWord::Unit(x)) = lexicon.number_word(text, u)
                {
                    n += x;
                    end = u.end;
                }
                digits.push_str(&format!("{n}"));
                break;
            }
            Some(NumWord::Teen(v)) if digits.is_empty() => {
                digits.push_str(&format!("{v}"));
                end = t.end;
                break;
            }
            _ => break,
        }
    }
    if digits.is_empty() {
        return None;
    }
    let len = i64::try_from(digits.len()).unwrap_or(0);
    Some((decimal_value(&digits, -len), end))
}

/// The fraction of a mixed number joined by a hyphen ("-5/8" of "2-5/8"): a proper fraction
/// over a power of two, as share prices were quoted, and its value and end. A date or code
/// ("1-5/17", "2-3/4/5") or an improper fraction ("1-9/8") is no mixed number.
fn dashed_fraction(text: &str, pos: usize) -> Option<(f64, usize)> {
    let bytes = text.as_bytes();
    if byte(bytes, pos) != b'-' {
        return None;
    }
    let num_len = digit_run(bytes, pos + 1);
    let slash = pos + 1 + num_len;
    if !(1..=2).contains(&num_len) || byte(bytes, slash) != b'/' {
        return None;
    }
    let den_len = digit_run(bytes, slash + 1);
    let end = slash + 1 + den_len;
    if !(1..=2).contains(&den_len)
        || is_alnum_at(text, end)
        || matches!(byte(bytes, end), b'/' | b'-') && digit_run(bytes, end + 1) > 0
    {
        return None;
    }
    let num: u32 = text.get(pos + 1..slash)?.parse().ok()?;
    let den: u32 = text.get(slash + 1..end)?.parse().ok()?;
    (num > 0 && num < den && den.is_power_of_two() && den >= 2)
        .then(|| (f64::from(num) / f64::from(den), end))
}

/// Whether `start..end` is one part of a run like "555-123-4567" or "+1-222-2222".
/// Whether "minus" is the end of "plus or minus": a tolerance, not a sign.
fn is_tolerance(text: &str, minus: lex::Tok) -> bool {
    lex::prev(text, minus.start)
        .filter(|or| or.is(text, "or"))
        .and_then(|or| lex::prev(text, or.start))
        .is_some_and(|plus| plus.is(text, "plus"))
}

fn dashed_sequence(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    // Walk left and right over "digits-" / "-digits" pairs and count the parts.
    let mut parts = 1;
    let mut p = end;
    while byte(bytes, p) == b'-' && digit_run(bytes, p + 1) > 0 {
        p += 1 + digit_run(bytes, p + 1);
        parts += 1;
    }
    let mut q = start;
    while q >= 2 && byte(bytes, q - 1) == b'-' && byte(bytes, q - 2).is_ascii_digit() {
        let mut s = q - 1;
        while s > 0 && byte(bytes, s - 1).is_ascii_digit() {
            s -= 1;
        }
        q = s;
        parts += 1;
    }
    parts >= 3 || q > 0 && byte(bytes, q - 1) == b'+'
}

/// Whether "of" and a written number follow `at` ("a score of 50").
fn of_a_number(text: &str, at: usize) -> bool {
    lex::next(text, at)
        .filter(|t| t.is(text, "of"))
        .and_then(|t| lex::next(text, t.end))
        .is_some_and(|t| t.text(text).starts_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::bundled().unwrap()
    }

    fn read(text: &str) -> (String, f64) {
        let lex = lexicon();
        let n = parse(&lex, text, 0, false, true).unwrap();
        (text[n.start..n.end].to_owned(), n.value)
    }

    #[test]
    fn digits_and_separators() {
        assert_eq!(read("1,200 people"), ("1,200".into(), 1200.0));
        assert_eq!(read("12,000.5 m"), ("12,000.5".into(), 12000.5));
        assert_eq!(read("1 234 567"), ("1 234 567".into(), 1_234_567.0));
        assert_eq!(read("12,34,567.89"), ("12,34,567.89".into(), 1_234_567.89));
        assert_eq!(read("1, 234"), ("1".into(), 1.0));
        assert_eq!(read("192."), ("192".into(), 192.0));
    }

    #[test]
    fn dashed_mixed_fractions() {
        assert_eq!(read("2-5/8 points"), ("2-5/8".into(), 2.625));
        assert_eq!(read("31-1/4 at"), ("31-1/4".into(), 31.25));
        // Not a proper fraction over a power of two, or a date: no mixed number.
        assert_eq!(read("2-5/3 points").0, "2");
        assert_eq!(read("2-9/8 points").0, "2");
        assert_eq!(read("1-5/17/2018").0, "1");
    }

    #[test]
    fn scales_are_exact() {
        assert_eq!(read("5.6 billion"), ("5.6 billion".into(), 5_600_000_000.0));
        assert_eq!(read("1.2bn"), ("1.2bn".into(), 1_200_000_000.0));
        assert_eq!(
            read("1,674.5 million"),
            ("1,674.5 million".into(), 1_674_500_000.0)
        );
        assert_eq!(read("10k"), ("10k".into(), 10_000.0));
        assert_eq!(read("322 hundred"), ("322 hundred".into(), 32_200.0));
        assert_eq!(read("13 lakh"), ("13 lakh".into(), 1_300_000.0));
    }

    #[test]
    fn number_words() {
        assert_eq!(
            read("two hundred and fifty"),
            ("two hundred and fifty".into(), 250.0)
        );
        assert_eq!(read("sixty-five"), ("sixty-five".into(), 65.0));
        assert_eq!(
            read("twenty-one trillion three hundred"),
            (
                "twenty-one trillion three hundred".into(),
                21_000_000_000_300.0
            )
        );
        assert_eq!(read("two hundred and two thousand").1, 202_000.0);
        assert_eq!(read("twelve hundred").1, 1200.0);
        assert_eq!(read("4 thousand 3 hundred and 21").1, 4321.0);
        assert_eq!(read("one two").0, "one");
        assert_eq!(read("three lakh crore").1, 3e12);
    }

    #[test]
    fn articles_fractions_dozens() {
        let text = "a dozen eggs";
        let lex = lexicon();
        let n = parse(&lex, text, 2, false, true).unwrap();
        assert_eq!((&text[n.start..n.end], n.value), ("a dozen", 12.0));
        assert_eq!(read("two thirds").1, 2.0 / 3.0);
        assert_eq!(read("one and a half million").1, 1_500_000.0);
        assert_eq!(read("half a dozen").1, 6.0);
        assert_eq!(read("3/4").1, 0.75);
        assert_eq!(read("three dozens").1, 36.0);
        assert_eq!(read("two hundred point zero three").1, 200.03);
        // A group word before "of" and digits is a noun: "a score of 50 out of 100".
        let rating = parse(&lexicon(), "a score of 50 out of 100", 0, false, true);
        assert!(rating.is_none_or(|n| n.value != 20.0));
    }

    #[test]
    fn flags_mark_non_amounts() {
        let lex = lexicon();
        let f = |t: &str| parse(&lex, t, 0, false, true).unwrap().flags;
        assert_ne!(f("18th") & flags::ORDINAL, 0);
        assert_ne!(f("1990s") & flags::DECADE, 0);
        assert_ne!(f("192.168.1.2") & flags::DOTTED, 0);
        assert_ne!(f("5/17/2018") & flags::SLASHED, 0);
        assert_ne!(f("180ml") & flags::GLUED, 0);
        assert_ne!(f("10^400") & flags::HUGE, 0);
        assert_ne!(f("555-123-4567") & flags::DASHED, 0);
    }

    #[test]
    fn absurd_numbers_stay_finite_or_flagged() {
        let lex = lexicon();
        let long = "9".repeat(10_000);
        let n = parse(&lex, &long, 0, false, true).unwrap();
        assert!(n.flags & flags::HUGE != 0 || n.value.is_finite());
        let n = parse(&lex, "999,999,999,999,999,999,999", 0, false, true).unwrap();
        assert_eq!(n.value, 999_999_999_999_999_999_999.0);
    }

    /// One line per token start of every phrase in `cases`, read with and without a
    /// currency before it: where the number starts and ends and everything read.
    fn readings(cases: &str) -> String {
        let lex = lexicon();
        let mut out = String::new();
        for case in cases.lines().filter(|l| !l.is_empty()) {
            let mut pos = 0;
            while let Some(t) = lex::next(case, pos) {
                for money in [false, true] {
                    let reading = parse(&lex, case, t.start, money, true).map_or("-".to_owned(), |n| {
                        format!(
                            "{}..{} {:?} {:?} words={} scaled={} top={:?} plain={:?} grouped={} flags={}",
                            n.start,
                            n.end,
                            n.value,
                            n.kind,
                            n.words,
                            n.scaled,
                            n.top_scale,
                            n.plain_digits,
                            n.grouped,
                            n.flags
                        )
                    });
                    out.push_str(&format!("{case}\t{}\t{money}\t{reading}\n", t.start));
                }
                pos = t.end;
            }
        }
        out
    }

    /// Writes the readings of the phrases in the file `TALLY_NUMBER_CASES` to the file
    /// `TALLY_NUMBER_READINGS`: run on two versions of the reader to compare them on any
    /// list (tests/numbers/readings.tsv was recorded so).
    #[test]
    #[ignore = "a tool: run with the two variables set"]
    fn record_readings() {
        let (Ok(cases), Ok(out)) = (
            std::env::var("TALLY_NUMBER_CASES"),
            std::env::var("TALLY_NUMBER_READINGS"),
        ) else {
            return;
        };
        let cases = std::fs::read_to_string(cases).unwrap();
        std::fs::write(out, readings(&cases)).unwrap();
    }

    #[test]
    fn listed_numbers_read_as_recorded() {
        // Recorded with `record_readings` before the reader's fast paths (exact integer
        // values, tokens read once): any change in a reading shows here.
        let cases = include_str!("../tests/numbers/cases.txt");
        let recorded = include_str!("../tests/numbers/readings.tsv");
        let now = readings(cases);
        for (a, b) in now.lines().zip(recorded.lines()) {
            assert_eq!(a, b);
        }
        assert_eq!(now.lines().count(), recorded.lines().count());
    }

    #[test]
    fn pow10_table_is_powi() {
        for (n, p) in (0i32..).zip(POW10) {
            assert_eq!(p.to_bits(), 10f64.powi(n).to_bits(), "10^{n}");
        }
    }

    /// The sign words and marks `may_follow_sign` lets through.
    fn is_sign(text: &str, t: Tok) -> bool {
        ["minus", "negative", "-", "."]
            .iter()
            .any(|w| t.is(text, w))
    }

    proptest::proptest! {
        /// The digits' value is the correctly rounded value of the decimal string (the
        /// first 32 significant digits), whichever path computes it.
        #[test]
        fn digits_value_is_correctly_rounded(digits in "[0-9]{0,40}", exp in -40i64..40) {
            let mut d = Digits::new();
            d.push_digits(digits.as_bytes());
            let significant = digits.trim_start_matches('0');
            let kept = significant.get(..32).unwrap_or(significant);
            let dropped = i64::try_from(significant.len() - kept.len()).unwrap();
            let expected = if kept.is_empty() {
                0.0
            } else {
                format!("{kept}e{}", exp + dropped).parse::<f64>().unwrap()
            };
            proptest::prop_assert_eq!(d.value(exp).to_bits(), expected.to_bits());
        }

        /// Where the byte test says no sign can stand before a position, the lexer finds
        /// none there either.
        #[test]
        fn sign_test_never_hides_a_sign(
            text in "(minus|Negative|MINUS|-|\\.|s|e|E|U\\.S\\.|é|\u{a0}| |\t|\n|[0-9]{1,3}|[a-z]{1,4}|,){0,8}",
        ) {
            for pos in (0..=text.len()).filter(|p| text.is_char_boundary(*p)) {
                if !may_follow_sign(text.as_bytes(), pos) {
                    proptest::prop_assert!(lex::prev(&text, pos).is_none_or(|t| !is_sign(&text, t)));
                }
            }
        }

        /// The token the parser hands on is the token after the number, with its entry.
        #[test]
        fn after_is_the_token_after_the_number(
            text in "(one|two|a|and|half|third|dozen|hundred|million|mln|k|point|zero|minus|-|\\.|,|/|\\$|%|percent|people|1|12|1,200|0\\.5|3/4|1990s|18th| |  |\u{a0}|é|\n){0,10}",
        ) {
            let lex = lexicon();
            let mut pos = 0;
            while let Some(t) = lex::next(&text, pos) {
                for money in [false, true] {
                    let Some((n, after)) = parse_from(&lex, &text, t, lex.number_word(&text, t), money, true) else {
                        continue;
                    };
                    proptest::prop_assert_eq!(Some(n), parse(&lex, &text, t.start, money, true));
                    if let Some(a) = after {
                        proptest::prop_assert_eq!(a.tok, lex::next(&text, n.end));
                        if let (Some(info), Some(tok)) = (a.info, a.tok) {
                            proptest::prop_assert_eq!(info, lex.info_of(&text, tok));
                        }
                    }
                }
                pos = t.end;
            }
        }
    }
}
