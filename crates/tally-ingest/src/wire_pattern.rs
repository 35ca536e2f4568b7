//! The two wire-marker patterns, matched by hand.
//!
//! As regexes they were
//! `^(?P<head>[\p{Lu}][^()]{0,80}?)?\s*\((?P<agency>[\p{L} .\-]{2,40})\)\s*(?:--|-|—|–|:)\s`
//! (leading) and
//! `(?:^|\s(?:--|-|—|–)\s*|^\(|\s\()(?P<agency>[\p{L} .\-]{2,40}?)\)?\s*$` (trailing).
//! Compiling them cost ~60 M instructions each (a counted repeat of a Unicode class is
//! forty copies of its UTF-8 automaton): ~30 ms of every process that met a wire marker
//! or a short last paragraph, more than the rest of a one-article `tally extract`. These
//! functions give the same captures (leftmost match, the regexes' preferences among
//! alternatives and repeats); the tests compare them with the regexes. The letter classes
//! come from regex-syntax's own Unicode tables, so they stay the regex's classes.

use std::sync::LazyLock;

/// Sorted, disjoint code point ranges of one Unicode class.
struct Ranges(Vec<(char, char)>);

impl Ranges {
    /// The ranges of a one-class pattern such as `\p{L}`.
    fn of(class: &str) -> Self {
        use regex_syntax::hir::{Class, HirKind};
        let hir = regex_syntax::parse(class)
            .unwrap_or_else(|e| unreachable!("class pattern {class} is valid: {e}"));
        match hir.kind() {
            HirKind::Class(Class::Unicode(set)) => {
                Self(set.ranges().iter().map(|r| (r.start(), r.end())).collect())
            }
            other => unreachable!("{class} is a Unicode class, not {other:?}"),
        }
    }

    fn contains(&self, c: char) -> bool {
        let i = self.0.partition_point(|&(_, end)| end < c);
        self.0.get(i).is_some_and(|&(start, _)| start <= c)
    }
}

static LETTERS: LazyLock<Ranges> = LazyLock::new(|| Ranges::of(r"\p{L}"));
static UPPERCASE: LazyLock<Ranges> = LazyLock::new(|| Ranges::of(r"\p{Lu}"));

/// `\p{L}`; ASCII without the table.
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        LETTERS.contains(c)
    }
}

/// `\p{Lu}`; ASCII without the table.
fn is_uppercase(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        UPPERCASE.contains(c)
    }
}

/// `[\p{L} .\-]`, the characters of an agency name.
fn is_agency_char(c: char) -> bool {
    matches!(c, ' ' | '.' | '-') || is_letter(c)
}

/// Most characters an agency name may have.
const AGENCY_MAX: usize = 40;
/// Most characters of a dateline head after its first capital.
const HEAD_MAX: usize = 80;

/// The leading pattern's captures: the dateline head (when there is one) and the agency.
pub(crate) fn leading(text: &str) -> Option<(Option<&str>, &str)> {
    // Neither the head nor the spaces after it hold a parenthesis: the agency's "(" is the
    // first one of either kind.
    let open = text.find(['(', ')'])?;
    if text.as_bytes()[open] != b'(' {
        return None;
    }
    let head = head_before(text, open);
    if head.is_none() && !text[..open].chars().all(char::is_whitespace) {
        return None;
    }
    let name_start = open + 1;
    let name_end = name_start + agency_run(&text[name_start..])?;
    let after = text[name_end..].strip_prefix(')')?.trim_start();
    let dash_then_space = ["--", "-", "—", "–", ":"].iter().any(|dash| {
        after
            .strip_prefix(dash)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_whitespace)
    });
    dash_then_space.then_some((head, &text[name_start..name_end]))
}

/// The head `[\p{Lu}][^()]{0,80}?` before the "(" at `open`: as short as leaves only
/// spaces between it and the "(".
fn head_before(text: &str, open: usize) -> Option<&str> {
    let first = text.chars().next().filter(|&c| is_uppercase(c))?;
    let end = text[..open].trim_end().len().max(first.len_utf8());
    let rest = text[first.len_utf8()..end].chars().count();
    (rest <= HEAD_MAX).then_some(&text[..end])
}

/// Byte length of a greedy `[\p{L} .\-]{2,40}` at the start of `text`, which the caller
/// needs a ")" after: the whole run of name characters, when it has 2 to 40 of them.
fn agency_run(text: &str) -> Option<usize> {
    let mut count = 0;
    for (i, c) in text.char_indices() {
        if !is_agency_char(c) {
            return (count >= 2).then_some(i);
        }
        count += 1;
        if count > AGENCY_MAX {
            return None;
        }
    }
    (count >= 2).then_some(text.len())
}

/// The trailing pattern's agency capture in `tail`.
pub(crate) fn trailing(tail: &str) -> Option<&str> {
    for (at, c) in tail.char_indices() {
        let after = at + c.len_utf8();
        if at == 0
            && let Some(name) = lazy_agency(tail, 0)
        {
            return Some(name);
        }
        if c.is_whitespace()
            && let Some(name) = after_dash(tail, after)
        {
            return Some(name);
        }
        if at == 0
            && c == '('
            && let Some(name) = lazy_agency(tail, after)
        {
            return Some(name);
        }
        if c.is_whitespace()
            && tail[after..].starts_with('(')
            && let Some(name) = lazy_agency(tail, after + 1)
        {
            return Some(name);
        }
    }
    None
}

/// `(?:--|-|—|–)\s*` then the agency, from `at`: each dash in turn, and for each the
/// spaces after it longest first, as the regex backtracks.
fn after_dash(tail: &str, at: usize) -> Option<&str> {
    for dash in ["--", "-", "—", "–"] {
        if !tail[at..].starts_with(dash) {
            continue;
        }
        let spaced = at + dash.len();
        let spaces: Vec<usize> = std::iter::once(spaced)
            .chain(
                tail[spaced..]
                    .char_indices()
                    .take_while(|&(_, c)| c.is_whitespace())
                    .map(|(i, c)| spaced + i + c.len_utf8()),
            )
            .collect();
        if let Some(name) = spaces.iter().rev().find_map(|&s| lazy_agency(tail, s)) {
            return Some(name);
        }
    }
    None
}

/// A lazy `[\p{L} .\-]{2,40}?` at `start` followed by `\)?\s*$`: the shortest name the
/// end of `tail` can follow.
fn lazy_agency(tail: &str, start: usize) -> Option<&str> {
    let mut count = 0;
    for (i, c) in tail[start..].char_indices() {
        if !is_agency_char(c) || count == AGENCY_MAX {
            return None;
        }
        count += 1;
        let end = start + i + c.len_utf8();
        if count >= 2 && closes(&tail[end..]) {
            return Some(&tail[start..end]);
        }
    }
    None
}

/// `\)?\s*$`.
fn closes(rest: &str) -> bool {
    let rest = rest.strip_prefix(')').unwrap_or(rest);
    rest.chars().all(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    static LEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?P<head>[\p{Lu}][^()]{0,80}?)?\s*\((?P<agency>[\p{L} .\-]{2,40})\)\s*(?:--|-|—|–|:)\s",
        )
        .unwrap()
    });
    static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|\s(?:--|-|—|–)\s*|^\(|\s\()(?P<agency>[\p{L} .\-]{2,40}?)\)?\s*$")
            .unwrap()
    });

    /// Pieces the patterns care about: brackets, dashes, spaces of several kinds, letters
    /// in and out of the classes (Lt "ǅ", Lm "ʰ", Nl "Ⅻ", digits, punctuation).
    const PIECES: &[&str] = &[
        "(", ")", " ", "  ", "\t", "\n", "\u{a0}", "-", "--", "—", "–", ":", ".", ",", "AFP",
        "Reuters", "AP", "a", "B", "É", "é", "ǅ", "ʰ", "Ⅻ", "1", "'", "x y", "MOSCOW",
    ];

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), 0..24)
            .prop_map(|pieces| pieces.concat())
    }

    fn regex_leading(text: &str) -> Option<(Option<String>, String)> {
        let caps = LEADING.captures(text)?;
        Some((
            caps.name("head").map(|m| m.as_str().to_owned()),
            caps.name("agency")?.as_str().to_owned(),
        ))
    }

    fn regex_trailing(text: &str) -> Option<&str> {
        let caps = TRAILING.captures(text)?;
        Some(caps.name("agency")?.as_str())
    }

    fn owned(m: Option<(Option<&str>, &str)>) -> Option<(Option<String>, String)> {
        m.map(|(head, agency)| (head.map(str::to_owned), agency.to_owned()))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]
        #[test]
        fn leading_matches_the_regex(text in text()) {
            prop_assert_eq!(owned(leading(&text)), regex_leading(&text));
        }

        #[test]
        fn trailing_matches_the_regex(text in text()) {
            prop_assert_eq!(trailing(&text), regex_trailing(&text));
        }
    }

    #[test]
    fn long_names_and_heads_follow_the_bounds() {
        for n in [1, 2, 39, 40, 41, 79, 80, 81, 82] {
            let name = "A".repeat(n);
            for text in [
                format!("({name}) - x"),
                format!("X{} ({name}) - x", "y".repeat(n)),
                format!("Ö{} (AP) — x", "ä".repeat(n)),
                format!("story -- {name}"),
                format!("(ё{name})"),
                name.clone(),
            ] {
                assert_eq!(owned(leading(&text)), regex_leading(&text), "{text}");
                assert_eq!(trailing(&text), regex_trailing(&text), "{text}");
            }
        }
    }
}
