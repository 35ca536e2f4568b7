//! Wire agencies and outlets: the data tables in `data/ingest/`, and the lookups over them.

use std::collections::HashMap;
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

/// The agency named in a credit or byline ("KCNA VIA KNS / AFP" → "AFP"; "By Jane Doe,
/// Reuters" → "Reuters"). Credits name the distributor last, so the last match wins.
/// Aliases of three letters or fewer ("AP", "PA") only match when written in capitals, so
/// ordinary words never read as agencies.
#[must_use]
pub fn agency_in(text: &str) -> Option<&'static str> {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut found = None;
    for end in 1..=words.len() {
        for len in (1..=end.min(3)).rev() {
            let phrase = words[end - len..end].join(" ");
            let short = phrase.len() <= 3;
            if short && phrase.chars().any(char::is_lowercase) {
                continue;
            }
            if let Some(name) = agency(&phrase) {
                found = Some(name);
                break;
            }
        }
    }
    found
}

/// The outlet that owns a url's host ("https://www.themoscowtimes.com/..." →
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
