//! Capitals: the government, or the city.
//!
//! # What it finds
//! For each mention of a capital or seat of government (rows of type `capital` in the
//! gazetteer), whether the text uses the city as a place, or its name for the government
//! or the country (a metonym, CONVENTIONS.md). A place reading links the mention to the
//! city (`place:…`, parent the country); otherwise it links to the country (or to the body
//! whose seat it is: "Brussels" → the European Union).
//!
//! Place readings, from the words around the name:
//! - a locative preposition before it: "in", "at", "near", "outside", "from", "inside",
//!   "around", "across", "throughout", "through", "into", "via", "toward(s)": "a restaurant in
//!   Moscow", "told reporters in Kyiv", "flights from Beijing", "marched through Belgrade";
//! - a compound after it: "Moscow-based", "Kyiv-born";
//! - a city noun after it, possessive or not, or before "of" in front of it: "the Moscow
//!   region", "Moscow residents", "Kyiv's mayor", "the outskirts of Kyiv";
//! - a dateline: the name opens the paragraph and a dash, a bracket, a date or an all-caps
//!   spelling follows ("MOSCOW, Dec 18 (Reuters) -", "KYIV —");
//! - coordination with a place reading: "in Moscow and Beijing";
//! - a lowercase word of direction before it: "in Chelsea, west London", "central Kyiv".
//!
//! Everything else is the government: a subject ("Moscow said"), a possessive ("Moscow's
//! invasion"), an object ("a key supporter of Kyiv", "between Pyongyang and Moscow").
//!
//! One rule decides between "in" as a place and "in" as the government: after a noun of
//! opinion or feeling, or a noun for those in power, "in X" names the people who govern
//! from X, not the city. So "fears in Kyiv and Europe" (the seed) and "the government in
//! Kyiv", "officials in Moscow" link to the country, while "a blast in Kyiv" is the city.
//!
//! # Example
//! "Moscow's invasion ... a restaurant in Moscow" gives RU for the first and the city
//! Moscow (parent RU) for the second.
//!
//! # Limitations
//! - Only the words right around the name decide; "Moscow" as the subject of a sentence
//!   about the city itself ("Moscow is cold in winter") is the government.
//! - "to Moscow" stays the government (a threat to Moscow) also where it is a trip.
//! - The word lists are English and small; see the constants below.

use crate::scan::Word;

/// Prepositions that make the next name a place.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "from",
    "inside",
    "around",
    "across",
    "throughout",
    "into",
    "via",
    "toward",
    "towards",
    "through",
];

/// Nouns after which "in X" means those who govern from X: opinions and feelings, and the
/// people in power.
const GOVERNING: &[&str] = &[
    "fear",
    "fears",
    "concern",
    "concerns",
    "worry",
    "worries",
    "alarm",
    "anger",
    "hope",
    "hopes",
    "optimism",
    "pessimism",
    "skepticism",
    "scepticism",
    "frustration",
    "relief",
    "unease",
    "suspicion",
    "suspicions",
    "outrage",
    "dismay",
    "satisfaction",
    "disappointment",
    "irritation",
    "resentment",
    "mood",
    "consensus",
    "thinking",
    "government",
    "authorities",
    "leadership",
    "leaders",
    "regime",
    "officials",
    "administration",
    "policymakers",
    "rulers",
    "junta",
    "power",
];

/// Nouns that make a name right before them (or before "of" in front of it) a city.
const CITY_NOUNS: &[&str] = &[
    "region",
    "area",
    "suburb",
    "suburbs",
    "outskirts",
    "resident",
    "residents",
    "mayor",
    "city",
    "metro",
    "subway",
    "airport",
    "street",
    "streets",
    "centre",
    "center",
    "district",
    "districts",
    "neighborhood",
    "neighbourhood",
    "hospital",
    "hospitals",
    "time",
    "restaurant",
    "hotel",
    "skyline",
    "apartment",
    "outskirt",
    "downtown",
    "heart",
    // Events the city hosts: "the Paris Olympics", "the London Marathon".
    "olympics",
    "olympic",
    "paralympics",
    "games",
    "marathon",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "sept",
    "october",
    "november",
    "december",
];

/// Words of direction that make the name right after them a part of the city ("in Chelsea,
/// west London", "central Kyiv", "a suburb of northern Tehran").
const QUARTERS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// Compounds after a hyphen that make the name before it a city ("Moscow-based").
const PLACE_COMPOUNDS: &[&str] = &["based", "born", "bound", "area", "region"];

fn is_any(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether the mention of a capital covering words `first..=last` of a paragraph (starting
/// at `paragraph_start`) reads as the city, given whether the previous capital mention in
/// the paragraph (`previous`, its last word index and reading) was a city.
pub fn is_place(
    body: &str,
    words: &[Word],
    first: usize,
    last: usize,
    paragraph_start: usize,
    previous: Option<(usize, bool)>,
) -> bool {
    let text = |k: usize| &body[words[k].start..words[k].end];
    let (start, end) = (words[first].start, words[last].end);
    let rest = &body[end..];
    // "Moscow-based", "Kyiv-born".
    if let Some(after) = rest.strip_prefix('-') {
        let next: String = after
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect();
        if is_any(&next, PLACE_COMPOUNDS) {
            return true;
        }
    }
    // "Moscow residents", "Kyiv's mayor".
    if let Some(next) = words.get(last + 1)
        && (next.joined || words[last].possessive)
        && is_any(text(last + 1), CITY_NOUNS)
    {
        return true;
    }
    // "Khartoum's twin city", "Moscow's main airport": a possessive over a lowercase word
    // or two before the city noun.
    if words[last].possessive
        && (last + 2..=last + 3).any(|k| {
            k < words.len()
                && (last + 1..=k).all(|w| words[w].joined || w == last + 1)
                && (last + 1..k).all(|w| !words[w].upper && !words[w].digit)
                && is_any(text(k), CITY_NOUNS)
        })
    {
        return true;
    }
    // A dateline opens the paragraph: "MOSCOW, Dec 18 (Reuters) -", "KYIV —".
    if body[paragraph_start..start].trim().is_empty() && dateline_follows(rest, text(first)) {
        return true;
    }
    let Some(prev) = first.checked_sub(1) else {
        return false;
    };
    if !words[first].joined {
        // "in Moscow, Beijing and ...": a comma after another city.
        let gap = body[words[prev].end..start].trim();
        return gap == "," && previous.is_some_and(|(k, place)| place && k == prev);
    }
    let before = text(prev);
    // "west London", "central Kyiv": a quarter of the city. Lowercase only: "West Berlin",
    // "East Jerusalem" are names of their own.
    if is_any(before, QUARTERS) && before.starts_with(|c: char| c.is_ascii_lowercase()) {
        return true;
    }
    // "in Moscow and Beijing": the reading of the first conjunct carries over, also across
    // other names listed between ("in Dublin, Hyderabad and Tokyo").
    if is_any(before, &["and", "or"])
        && let Some(k) = prev.checked_sub(1)
        && previous.is_some_and(|(last, place)| {
            place
                && last <= k
                && (last + 1..=k).all(|w| {
                    let gap = body[words[w - 1].end..words[w].start].trim();
                    words[w].upper && (gap == "," || gap.is_empty())
                })
        })
    {
        return true;
    }
    // "the outskirts of Kyiv", "the mayor of Moscow".
    if before.eq_ignore_ascii_case("of") {
        return prev
            .checked_sub(1)
            .is_some_and(|k| words[prev].joined && is_any(text(k), CITY_NOUNS));
    }
    if !is_any(before, LOCATIVE) {
        return false;
    }
    // "fears in Kyiv", "the government in Moscow": those who govern from the city.
    let governing = prev
        .checked_sub(1)
        .is_some_and(|k| words[prev].joined && is_any(text(k), GOVERNING) && !words[k].possessive);
    !governing
}

/// Whether a dateline follows a paragraph-initial name: a dash or bracket, a comma before a
/// date or an agency, or the name in capitals before a comma.
fn dateline_follows(rest: &str, name: &str) -> bool {
    let rest = rest.trim_start_matches(' ');
    if rest.starts_with(['-', '—', '–', '(']) {
        return true;
    }
    let Some(after_comma) = rest.strip_prefix(',') else {
        return false;
    };
    let capitals = name.bytes().any(|b| b.is_ascii_uppercase())
        && !name.bytes().any(|b| b.is_ascii_lowercase());
    let next = after_comma.trim_start();
    let word = &next[..next
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(next.len())];
    let month = MONTHS.iter().any(|m| {
        word.eq_ignore_ascii_case(m)
            || (word.len() >= 3 && m.starts_with(&word.to_ascii_lowercase()))
    });
    capitals || month || next.starts_with(|c: char| c.is_ascii_digit())
}
