//! Currencies by place: a bare currency word that several countries use ("rupees",
//! "pesos", "dinars") is the local currency where the figure's sentence or the story's
//! dateline names one of those countries (`data/figures/local_currencies.tsv`).

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;
use tally_core::{Document, ExtractError, Figure};

use crate::lexicon::rows;

const LOCAL: &str = include_str!("../../../data/figures/local_currencies.tsv");

/// For each bare form (lowercase), its places (lowercase words) and their currencies.
#[derive(Clone, Debug, Default)]
pub(crate) struct LocalCurrencies {
    forms: HashMap<String, HashMap<String, String>>,
}

impl LocalCurrencies {
    /// The bundled table.
    ///
    /// # Errors
    /// [`ExtractError::Data`] naming the line of a malformed row.
    pub(crate) fn bundled() -> Result<LocalCurrencies, ExtractError> {
        let mut forms: HashMap<String, HashMap<String, String>> = HashMap::default();
        for (line, cols) in rows(LOCAL) {
            let [form, place, iso] = cols[..] else {
                return Err(ExtractError::Data {
                    what: "figures lexicon",
                    source_name: format!("data/figures/local_currencies.tsv, line {line}"),
                    message: "expected a form, a place word and a currency".to_owned(),
                });
            };
            forms
                .entry(form.to_ascii_lowercase())
                .or_default()
                .insert(place.to_ascii_lowercase(), iso.to_owned());
        }
        Ok(LocalCurrencies { forms })
    }

    /// Gives each money figure written with a bare shared form the currency of the place
    /// its sentence names (the nearest before it, else the first after), else of the
    /// dateline's place.
    pub(crate) fn apply(&self, doc: &Document, figures: &mut [Figure]) {
        let text = doc.body.as_str();
        for f in figures
            .iter_mut()
            .filter(|f| f.measure == tally_core::Measure::Money)
        {
            let Some(places) = self.bare_form(&f.span.text) else {
                continue;
            };
            let sentence = doc
                .sentences
                .iter()
                .find(|s| s.start <= f.span.start && f.span.start < s.end)
                .map_or(f.span.start..f.span.end, |s| s.start..s.end);
            let iso = place_in(text, sentence, f.span.start, places)
                .or_else(|| dateline_place(doc, places));
            if let Some(iso) = iso {
                f.unit = Some(iso.to_owned());
            }
        }
    }

    /// Gives each exchange rate (figure index, the currency word that names what it
    /// prices) the currency of the place its sentence or dateline names, as for money
    /// written with that word: "The peso, pegged at 20.50 to the dollar" in a Manila story
    /// is in Philippine pesos.
    pub(crate) fn apply_rates(
        &self,
        doc: &Document,
        figures: &mut [Figure],
        named: &[(usize, Range<usize>)],
    ) {
        let text = doc.body.as_str();
        for (i, word) in named {
            let Some(places) = text.get(word.clone()).and_then(|w| self.bare_form(w)) else {
                continue;
            };
            let Some(f) = figures.get_mut(*i) else {
                continue;
            };
            let sentence = doc
                .sentences
                .iter()
                .find(|s| s.start <= word.start && word.start < s.end)
                .map_or(word.clone(), |s| s.start..s.end);
            if let Some(iso) =
                place_in(text, sentence, word.start, places).or_else(|| dateline_place(doc, places))
            {
                f.unit = Some(iso.to_owned());
            }
        }
    }

    /// The places of the bare shared form in a figure's text: a word of the table not
    /// qualified by a capitalized word before it ("Indian rupees" is no bare form).
    fn bare_form(&self, span: &str) -> Option<&HashMap<String, String>> {
        let mut prev_cap = false;
        for w in words(span) {
            if let Some(places) = self.forms.get(&w.to_ascii_lowercase())
                && !prev_cap
            {
                return Some(places);
            }
            prev_cap = w.chars().next().is_some_and(char::is_uppercase) && w != "Rs";
        }
        None
    }
}

/// The words of `text`: runs of letters (an apostrophe ends one: "Pakistan's").
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
}

/// The currency of the place word nearest before `at` in `range`, else the first after.
fn place_in<'a>(
    text: &str,
    range: Range<usize>,
    at: usize,
    places: &'a HashMap<String, String>,
) -> Option<&'a str> {
    let lookup = |s: &str| {
        words(s)
            .filter_map(|w| places.get(&w.to_ascii_lowercase()))
            .map(String::as_str)
            .collect::<Vec<_>>()
    };
    let before = text.get(range.start..at.max(range.start))?;
    let after = text.get(at.min(range.end)..range.end)?;
    lookup(before)
        .last()
        .copied()
        .or_else(|| lookup(after).first().copied())
}

/// The currency of the place in the story's dateline: the words in capitals that open the
/// body before a comma, bracket or dash ("ISLAMABAD (Reuters) - ", "COLOMBO, March 18 -").
fn dateline_place<'a>(doc: &Document, places: &'a HashMap<String, String>) -> Option<&'a str> {
    let body = doc.body.as_str();
    let end = body.find([',', '(', '\u{2014}', '\u{2013}', '\n'])?;
    let head = body.get(..end)?;
    if end > 40 || head.chars().any(char::is_lowercase) {
        return None;
    }
    words(head)
        .filter_map(|w| places.get(&w.to_ascii_lowercase()))
        .map(String::as_str)
        .next()
}
