//! Football clubs named like a place or a given name ("Chelsea, who finished fourth",
//! "Arsenal beat Chelsea 2-1"): in a sports story a listed club's mention is the club, an
//! organization, whatever the names pass made of it. Outside sports stories nothing changes:
//! the name alone says nothing.

use std::sync::LazyLock;

use tally_core::{Entity, EntityType, Span};

use crate::scan::Word;
use crate::swar;

const CLUBS: &str = include_str!("../../../data/entities/sports_clubs.txt");
const CUES: &str = include_str!("../../../data/entities/sports_cues.txt");

/// Lines of a data file that are no comments, longest first (a club's longer name wins).
fn entries(data: &'static str) -> Vec<&'static str> {
    let mut out: Vec<&str> = data
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    out.sort_by_key(|l| std::cmp::Reverse(l.len()));
    out
}

static CLUB_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| entries(CLUBS));
static CUE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| entries(CUES));

/// Whether `text[start..end]` stands as whole words (no letter or digit on either side).
fn whole(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Starts of the whole-word occurrences of `needle` in `text`.
fn find_whole<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(needle)
        .map(|(i, _)| i)
        .filter(move |&i| whole(text, i, i + needle.len()))
}

/// Whether `body` has a score like "2-1" or "3–0": one or two digits each side of a dash.
fn has_score(body: &str) -> bool {
    let b = body.as_bytes();
    let digits_before = |i: usize| {
        b[..i]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    body.match_indices(['-', '–']).any(|(i, dash)| {
        let after = &b[i + dash.len()..];
        let n_after = after.iter().take_while(|c| c.is_ascii_digit()).count();
        let n_before = digits_before(i);
        (1..=2).contains(&n_before)
            && (1..=2).contains(&n_after)
            && whole(body, i - n_before, i + dash.len() + n_after)
    })
}

/// Whether `body` reads as a sports story: a strong cue, or a weak cue and a score.
fn is_sports(body: &str) -> bool {
    let lower = body.to_lowercase();
    let found = |strength: &str| {
        CUE_WORDS.iter().any(|line| {
            line.split_once('\t').is_some_and(|(cue, kind)| {
                kind == strength && find_whole(&lower, cue).next().is_some()
            })
        })
    };
    found("strong") || (found("weak") && has_score(body))
}

/// Whether `body` names a listed club anywhere: the capitals that open a word, each
/// compared with the clubs of its first letter (scanning once per club cost the stage half
/// its speed). Word-opening capitals are found eight bytes at a time: a byte-by-byte walk
/// of every body was most of this pass's cost, and only a sports story has a club.
fn any_club(body: &str) -> bool {
    let clubs = &*CLUBS_BY_LETTER;
    let b = body.as_bytes();
    let mut i = 0;
    // Whether the byte before `b[i]` is an ASCII letter or digit.
    let mut after_alnum = false;
    while let Some(chunk) = b.get(i..).and_then(|s| s.first_chunk::<8>()) {
        let x = u64::from_le_bytes(*chunk);
        let mut opening = swar::in_range(x, b'A', b'Z');
        if opening != 0 {
            // Byte k's alphanumeric bit moved onto byte k + 1: a capital after it opens no word.
            let follows = swar::alnum_mask(x) << 8 | if after_alnum { 0x80 } else { 0 };
            opening &= !follows;
            while opening != 0 {
                if clubs.at(body, i + opening.trailing_zeros() as usize / 8) {
                    return true;
                }
                opening &= opening - 1;
            }
        }
        after_alnum = ((x >> 56) as u8).is_ascii_alphanumeric();
        i += 8;
    }
    (i..b.len()).any(|j| {
        b[j].is_ascii_uppercase()
            && (j == 0 || !b[j - 1].is_ascii_alphanumeric())
            && clubs.at(body, j)
    })
}

/// Whether a listed club starts in a stretch of `body` that [`crate::scan::words`] read into
/// `words`: at a word's first byte, or inside a word that is not plain, at a capital after
/// its inner punctuation ("pro-Arsenal"). A club is whole words, so it starts at a capital
/// with no letter or digit before it; the scanner starts a word at every such capital but
/// those it joins into a word across `.`, `-`, `'`, `’` or `&`, which are looked at here.
/// So over stretches that hold every capital of the body, this is [`any_club`], with no
/// pass of its own over the body: the entities stage scans its words anyway.
pub(crate) fn club_in_words(body: &str, words: &[Word]) -> bool {
    let clubs = &*CLUBS_BY_LETTER;
    let b = body.as_bytes();
    let opens = |k: usize| b[k].is_ascii_uppercase() && clubs.at(body, k);
    words.iter().any(|w| {
        opens(w.start)
            || (!w.plain
                && (w.start + 1..w.end).any(|k| !b[k - 1].is_ascii_alphanumeric() && opens(k)))
    })
}

/// The clubs by their first letter, A to Z, and the bytes that follow each letter in some
/// club's name: most capitals ("The", "He", "In") are ruled out by that one bit.
struct ClubIndex {
    by_letter: [Vec<&'static str>; 26],
    /// For each first letter, a 256-bit set of second bytes.
    second: [[u64; 4]; 26],
}

impl ClubIndex {
    /// Whether a listed club's name starts at the capital `body[i]` as whole words.
    fn at(&self, body: &str, i: usize) -> bool {
        let b = body.as_bytes();
        let letter = usize::from(b[i] - b'A');
        if let Some(&next) = b.get(i + 1)
            && self.second[letter][usize::from(next >> 6)] >> (next & 63) & 1 == 0
        {
            return false;
        }
        self.by_letter[letter]
            .iter()
            .any(|club| b[i..].starts_with(club.as_bytes()) && whole(body, i, i + club.len()))
    }
}

static CLUBS_BY_LETTER: LazyLock<ClubIndex> = LazyLock::new(|| {
    let mut index = ClubIndex {
        by_letter: Default::default(),
        second: [[0; 4]; 26],
    };
    for club in CLUB_NAMES.iter() {
        let Some(c @ b'A'..=b'Z') = club.bytes().next() else {
            continue;
        };
        let letter = usize::from(c - b'A');
        index.by_letter[letter].push(club);
        match club.as_bytes().get(1) {
            Some(&next) => index.second[letter][usize::from(next >> 6)] |= 1 << (next & 63),
            // A one-letter name may be followed by anything.
            None => index.second[letter] = [u64::MAX; 4],
        }
    }
    index
});

/// Whether `body` names a listed club anywhere, from what the unit scan found:
/// `seen_in_words` when [`club_in_words`] found one, `capital_outside` when some capital
/// lies outside the scanned stretches (then the body is scanned whole).
pub(crate) fn has_club(body: &str, seen_in_words: bool, capital_outside: bool) -> bool {
    seen_in_words || (capital_outside && any_club(body))
}

/// Makes every mention of a listed club in a sports story a mention of the club;
/// `has_club` from [`has_club`].
pub fn join_clubs(body: &str, has_club: bool, entities: &mut Vec<Entity>) {
    if !has_club || !is_sports(body) {
        return;
    }
    let mut next_id = entities
        .iter()
        .filter_map(|e| e.id.strip_prefix("local:E")?.parse::<usize>().ok())
        .max()
        .unwrap_or(0)
        + 1;
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for club in CLUB_NAMES.iter() {
        let mut spans = Vec::new();
        for start in find_whole(body, club) {
            let end = start + club.len();
            // "lives in Liverpool": a place cue says the place.
            let placed = body[..start].trim_end().ends_with(" in");
            if placed || taken.iter().any(|&(s, e)| s < end && start < e) {
                continue;
            }
            taken.push((start, end));
            if claim(entities, start, end) {
                spans.push(Span {
                    start,
                    end,
                    text: (*club).to_owned(),
                });
            }
        }
        if spans.is_empty() {
            continue;
        }
        entities.push(Entity {
            id: format!("local:E{next_id}"),
            kind: EntityType::Organization,
            name: (*club).to_owned(),
            mentions: spans,
            parent: None,
        });
        next_id += 1;
    }
    // Names whose every mention was a club's are gone (source entities come later).
    entities.retain(|e| !e.mentions.is_empty());
}

/// Takes the mention `start..end` from the entity that has it, if any; false when a longer
/// name holds it ("Chelsea Flower Show") and it is no club's mention.
fn claim(entities: &mut [Entity], start: usize, end: usize) -> bool {
    for e in entities.iter_mut() {
        if let Some(i) = e
            .mentions
            .iter()
            .position(|m| m.start < end && start < m.end)
        {
            let m = &e.mentions[i];
            if m.start != start || m.end != end {
                return false;
            }
            e.mentions.remove(i);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_short_numbers_around_a_dash() {
        assert!(has_score("won 2-1 at home"));
        assert!(has_score("a 10–0 rout"));
        assert!(!has_score("the 2023-24 season"));
        assert!(!has_score("a 105-98 vote"));
    }

    /// The byte-by-byte test the eight-byte scan replaces.
    fn any_club_bytewise(body: &str) -> bool {
        let b = body.as_bytes();
        (0..b.len()).any(|i| {
            b[i].is_ascii_uppercase()
                && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
                && CLUB_NAMES.iter().any(|club| {
                    b[i..].starts_with(club.as_bytes()) && whole(body, i, i + club.len())
                })
        })
    }

    #[test]
    fn a_club_is_found_at_every_offset_and_only_as_whole_words() {
        let befores = ["", " ", "x", "7", "é", "-", "(", "X"];
        let afters = ["", " ", "s", "9", "é", ",", " Milan"];
        for pad in 0..17 {
            for before in befores {
                for after in afters {
                    for club in ["Arsenal", "Inter", "Roma", "AC Milan"] {
                        let text = format!("{}{before}{club}{after} won", "a".repeat(pad));
                        assert_eq!(any_club(&text), any_club_bytewise(&text), "{text:?}");
                    }
                }
            }
        }
        assert!(any_club("Arsenal beat them"));
        assert!(any_club("the  striker of Chelsea"));
        assert!(!any_club("the xArsenal and Chelseas"));
        assert!(!any_club("ARSENAL"));
    }

    /// [`club_in_words`] over one scan of the whole text.
    fn club_by_words(text: &str) -> bool {
        let mut words = Vec::new();
        crate::scan::words(text, 0, text.len(), &mut words);
        club_in_words(text, &words)
    }

    #[test]
    fn clubs_in_words_are_the_clubs_of_the_body() {
        let pieces = [
            "Arsenal",
            "Roma",
            "AC Milan",
            "Inter Milan",
            "Inter",
            "pro-",
            "U.S.",
            "-",
            ".",
            "'",
            "’",
            "&",
            "'s ",
            "’S ",
            "x",
            "7",
            "é",
            "É",
            " ",
            "\n\n",
            "(",
            "Wal-Mart",
            "al-",
            "ARSENAL",
            "Chelseas",
            "Mr.",
            "—",
            "\u{a0}",
            "s",
        ];
        // Every sequence of up to three pieces, before and after a club or not.
        let mut texts = Vec::new();
        for a in pieces {
            for b in pieces {
                for c in ["Arsenal", "Roma", "x", "AC Milan", "'Chelsea"] {
                    texts.push(format!("{a}{b}{c}"));
                    texts.push(format!("{c}{a}{b}"));
                    texts.push(format!("{a}{c}{b}"));
                }
            }
        }
        for text in &texts {
            assert_eq!(club_by_words(text), any_club(text), "{text:?}");
        }
        assert!(club_by_words("fans of pro-Arsenal groups"));
        assert!(club_by_words("the U.S.-Chelsea tour"));
        assert!(!club_by_words("the xArsenal and Chelseas"));
    }

    #[test]
    fn a_weak_cue_needs_a_score() {
        assert!(is_sports("The striker was injured."));
        assert!(is_sports("Arsenal beat Chelsea 2-1."));
        assert!(!is_sports("The manager beat expectations."));
    }
}
