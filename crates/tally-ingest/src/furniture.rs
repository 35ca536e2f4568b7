//! Page furniture: paragraphs of a news page that are not the story.
//!
//! Readability keeps the article's container, and with it the byline ("By Ana Souza and
//! Reuters"), advertising markers ("Advertisement"), newsletter prompts ("Sign up for our
//! daily briefing") and the closing credits ("Associated Press writer Abby Sewell
//! contributed from Beirut.", "Copyright 2024 The Associated Press."). Left in the body
//! they become reporter claims and hide the wire dateline from [`crate::wire`]. The
//! wording is data (`data/ingest/furniture.tsv`).
//!
//! Limitations: English wording only; a story paragraph that is word for word one of the
//! listed lines (a one-word "Share.") is dropped too.

use std::sync::LazyLock;

use tally_core::DocumentMeta;

static FURNITURE_TSV: &str = include_str!("../../../data/ingest/furniture.tsv");

/// Paragraphs this long or longer are never advertising lines or promotions.
const PROMO_MAX: usize = 160;
/// Paragraphs this long or longer are never closing credits.
const TRAILER_MAX: usize = 300;
/// How many paragraphs at the top may be a byline.
const BYLINE_REACH: usize = 3;

#[derive(Default)]
struct Furniture {
    lines: Vec<&'static str>,
    promos: Vec<&'static str>,
    trailers: Vec<&'static str>,
    credits: Vec<&'static str>,
}

static FURNITURE: LazyLock<Furniture> = LazyLock::new(|| {
    let mut f = Furniture::default();
    for line in FURNITURE_TSV.lines().filter(|l| !l.starts_with('#')) {
        let Some((kind, text)) = line.split_once('\t') else {
            continue;
        };
        let list = match kind {
            "line" => &mut f.lines,
            "promo" => &mut f.promos,
            "trailer" => &mut f.trailers,
            "credit" => &mut f.credits,
            _ => continue,
        };
        list.push(text.trim());
    }
    f
});

/// Drops the byline, advertising lines, promotions and closing credits from `paragraphs`:
/// the byline fills `meta.byline` (and the agency it names, `meta.agency`) when they are
/// empty, the closing credits go to `meta.extra["trailer"]`. The story's own paragraphs are
/// never all dropped.
pub(crate) fn trim(meta: &mut DocumentMeta, paragraphs: &mut Vec<String>) {
    take_byline(meta, paragraphs);
    let furniture = &*FURNITURE;
    if paragraphs.iter().any(|p| !is_filler(furniture, p)) {
        paragraphs.retain(|p| !is_filler(furniture, p));
    }
    let mut trailer = Vec::new();
    while paragraphs.len() > 1
        && paragraphs
            .last()
            .is_some_and(|p| p.len() < TRAILER_MAX && is_trailer(furniture, &normal(p)))
    {
        trailer.extend(paragraphs.pop());
    }
    if !trailer.is_empty() {
        trailer.reverse();
        meta.extra
            .insert("trailer".to_owned(), serde_json::Value::from(trailer));
    }
}

/// A "By ..." paragraph among the first few: removed, and read when nothing gave a byline.
fn take_byline(meta: &mut DocumentMeta, paragraphs: &mut Vec<String>) {
    let reach = BYLINE_REACH.min(paragraphs.len().saturating_sub(1));
    let Some(at) = paragraphs[..reach].iter().position(|p| byline(p).is_some()) else {
        return;
    };
    let paragraph = paragraphs.remove(at);
    let names = byline(&paragraph).unwrap_or_default();
    if meta.agency.is_none() {
        meta.agency = crate::agencies::agency_in(names).map(str::to_owned);
    }
    if meta.byline.is_none() {
        meta.byline = Some(names.to_owned());
    }
}

/// The names of a byline paragraph: "By Ana Souza and Reuters" → "Ana Souza and Reuters".
fn byline(paragraph: &str) -> Option<&str> {
    let rest = paragraph
        .strip_prefix("By ")
        .or_else(|| paragraph.strip_prefix("BY "))?
        .trim();
    // A sentence that starts with "By" ("By noon, the rain had stopped.") is no byline.
    let sentence =
        rest.ends_with('.') || rest.contains(", ") && rest.split_whitespace().count() > 8;
    (paragraph.len() <= 120 && !rest.is_empty() && !sentence).then_some(rest)
}

/// Lowercase, trimmed, without surrounding parentheses: "(Reporting by X)" → "reporting by x".
fn normal(paragraph: &str) -> String {
    let trimmed = paragraph.trim();
    let inner = trimmed
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(trimmed);
    inner.trim().to_lowercase()
}

/// An advertising line or a promotion. Both are short, so a story paragraph is ruled out
/// by its length before it is lowercased (this runs on every paragraph ingested).
fn is_filler(f: &Furniture, paragraph: &str) -> bool {
    if paragraph.len() >= PROMO_MAX {
        return false;
    }
    let lower = normal(paragraph);
    f.lines.contains(&lower.as_str()) || f.promos.iter().any(|p| lower.starts_with(p))
}

fn is_trailer(f: &Furniture, lower: &str) -> bool {
    f.trailers.iter().any(|t| lower.starts_with(t)) || f.credits.iter().any(|c| lower.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(paragraphs: &[&str]) -> (DocumentMeta, Vec<String>) {
        let mut meta = DocumentMeta::default();
        let mut paragraphs = paragraphs.iter().map(|p| (*p).to_owned()).collect();
        trim(&mut meta, &mut paragraphs);
        (meta, paragraphs)
    }

    #[test]
    fn byline_ads_promos_and_closing_credits_leave_the_body() {
        let (meta, body) = run(&[
            "By Ana Souza and Reuters",
            "PORTO ALEGRE, Brazil (Reuters) — Rains have killed at least 40 people.",
            "Advertisement",
            "More than 24,000 people have been forced from their homes.",
            "Sign up for our daily briefing. Get the news in your inbox.",
            "Meteorologists expect the rains to continue.",
            "___",
            "Associated Press writer Abby Sewell contributed from Beirut.",
            "Copyright 2024 The Associated Press. All Rights Reserved.",
        ]);
        assert_eq!(
            body,
            [
                "PORTO ALEGRE, Brazil (Reuters) — Rains have killed at least 40 people.",
                "More than 24,000 people have been forced from their homes.",
                "Meteorologists expect the rains to continue.",
            ]
        );
        assert_eq!(meta.byline.as_deref(), Some("Ana Souza and Reuters"));
        assert_eq!(meta.agency.as_deref(), Some("Reuters"));
        let trailer = meta.extra["trailer"].as_array().map(Vec::len);
        assert_eq!(trailer, Some(2));
    }

    #[test]
    fn story_paragraphs_that_merely_mention_the_words_stay() {
        let story = [
            "By noon, the rain had stopped and residents began to return home.",
            "The company said its copyright claims would be heard in court next year.",
            "Officials said the advertisement ran for three weeks before it was pulled.",
            "Reporting by the newspaper showed the contracts were never signed.",
            "The last paragraph of the story.",
        ];
        let (meta, body) = run(&story);
        assert_eq!(body, story);
        assert!(meta.byline.is_none() && meta.extra.is_empty());
    }

    #[test]
    fn a_body_of_furniture_only_is_kept_rather_than_emptied() {
        let (_, body) = run(&["Advertisement"]);
        assert_eq!(body, ["Advertisement"]);
        let (_, body) = run(&["Copyright 2024"]);
        assert_eq!(body, ["Copyright 2024"]);
    }
}
