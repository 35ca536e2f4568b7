//! Wire agencies and outlets: the data tables in `data/ingest/`, and the lookups over them.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

static AGENCIES_TSV: &str = include_str!("../../../data/ingest/agencies.tsv");
static OUTLETS_TSV: &str = include_str!("../../../data/ingest/outlets.tsv");

/// Lower-cased alias → canonical agency name.
static AGENCIES: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for fields in rows(AGENCIES_TSV) {
        let canonical = fields[0];
        for alias in &fields {
            map.insert(alias.to_lowercase(), canonical);
        }
    }
    map
});

/// Host → outlet name.
static OUTLETS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    rows(OUTLETS_TSV)
        .filter(|f| f.len() >= 2)
        .map(|f| (f[0], f[1]))
        .collect()
});

fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            line.split('\t')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|fields| !fields.is_empty())
}

/// The canonical agency name for an alias ("Agence France-Presse" → "AFP",
/// "REUTER" → "Reuters"), case-insensitively.
#[must_use]
pub fn agency(alias: &str) -> Option<&'static str> {
    AGENCIES.get(&alias.trim().to_lowercase()).copied()
}

/// Every alias, for [`agency_in`]'s one-pass search: (alias, canonical name).
static ALIASES: LazyLock<(AhoCorasick, Vec<(&'static str, &'static str)>)> = LazyLock::new(|| {
    let aliases: Vec<(&'static str, &'static str)> = rows(AGENCIES_TSV)
        .flat_map(|f| f.iter().map(|a| (*a, f[0])).collect::<Vec<_>>())
        .collect();
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(aliases.iter().map(|(a, _)| a))
        .unwrap_or_else(|e| unreachable!("agency aliases build an automaton: {e}"));
    (automaton, aliases)
});

/// The agency named in a credit or byline ("KCNA VIA KNS / AFP" → "AFP"; "By Jane Doe,
/// Reuters" → "Reuters"). Credits name the distributor last, so the last match wins.
/// Matches are whole words; aliases of three letters or fewer ("AP", "PA") only match when
/// written in capitals, so ordinary words never read as agencies.
#[must_use]
pub fn agency_in(text: &str) -> Option<&'static str> {
    let (automaton, aliases) = &*ALIASES;
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b >= 0x80;
    automaton
        .find_iter(text)
        .filter(|m| {
            let whole = (m.start() == 0 || !is_word(bytes[m.start() - 1]))
                && (m.end() == bytes.len() || !is_word(bytes[m.end()]));
            let found = &text[m.range()];
            whole && (found.len() > 3 || !found.chars().any(char::is_lowercase))
        })
        .last()
        .map(|m| aliases[m.pattern().as_usize()].1)
}

/// The outlet that owns a url's host (`https://www.themoscowtimes.com/...` →
/// "The Moscow Times"), falling back to the host without "www.".
#[must_use]
pub fn publisher_for_url(url: &str) -> Option<String> {
    let host = host(url)?;
    let mut candidate = host.as_str();
    loop {
        if let Some(name) = OUTLETS.get(candidate) {
            return Some((*name).to_owned());
        }
        match candidate.split_once('.') {
            Some((_, parent)) if parent.contains('.') => candidate = parent,
            _ => return Some(host.clone()),
        }
    }
}

/// The lower-cased host of an http(s) url, without "www." and port.
#[must_use]
pub fn host(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    (host.contains('.') && !host.contains(char::is_whitespace)).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agencies_by_alias() {
        assert_eq!(agency("Agence France-Presse"), Some("AFP"));
        assert_eq!(agency("reuter"), Some("Reuters"));
        assert_eq!(agency("Associated Press"), Some("AP"));
        assert_eq!(agency("Moscow"), None);
    }

    #[test]
    fn agency_in_credit_takes_the_distributor() {
        assert_eq!(agency_in("KCNA VIA KNS / AFP"), Some("AFP"));
        assert_eq!(agency_in("Jane Doe / Associated Press"), Some("AP"));
        assert_eq!(agency_in("Maxim Shemetov"), None);
    }

    #[test]
    fn publishers_by_host() {
        let url = "https://www.themoscowtimes.com/2024/12/18/x-a87380";
        assert_eq!(publisher_for_url(url).as_deref(), Some("The Moscow Times"));
        assert_eq!(
            publisher_for_url("https://edition.cnn.com/x").as_deref(),
            Some("CNN")
        );
        assert_eq!(
            publisher_for_url("http://news.example.org:8080/a").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(publisher_for_url("#"), None);
    }
}
