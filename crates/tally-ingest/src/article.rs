//! From blocks to a document: separates metadata (title, byline, date line, photo credits,
//! related-article links, the source url footer) from the story's paragraphs.
//!
//! The rules, in order, for each block:
//! - after a source-url label ("Original url:"), blocks only supply the url;
//! - the first level-1 heading (or, in plain text, a title-like first line) is the title;
//! - "By ..." near the top is the byline; a wire agency named in it is the agency;
//! - a date alone on a line before the story starts is the publication date;
//! - photo credits ("KCNA VIA KNS / AFP", "Photo: ...") and related-article lines
//!   ("Related article: ...") are recorded and dropped wherever they are;
//! - a block that is only a url is dropped (kept as the url when none is known);
//! - everything else is the body.

use tally_core::{DocumentMeta, Published, PublishedSource, RelatedLink};

use crate::agencies;
use crate::block::{Block, BlockKind};
use crate::dates;

/// Metadata and body paragraphs separated from a list of blocks.
#[derive(Debug, Default)]
pub struct Article {
    /// Everything that is not body.
    pub meta: DocumentMeta,
    /// The story's paragraphs.
    pub paragraphs: Vec<String>,
}

/// Labels that introduce a related-article link.
const RELATED_LABELS: &[&str] = &[
    "related article",
    "related articles",
    "related",
    "read more",
    "read also",
    "see also",
    "also read",
    "more on this",
];
/// Labels that introduce the source url.
const URL_LABELS: &[&str] = &[
    "original url",
    "source url",
    "original article",
    "url",
    "source",
    "link",
];
/// Labels that introduce a photo credit.
const CREDIT_LABELS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "image",
    "picture",
    "illustration",
    "credit",
    "video",
    "file photo",
    "pictured",
];
/// Labels that start a credit inside a caption ("... Photograph: Jane Doe/Getty Images").
const CAPTION_LABELS: &[&str] = &["Photo:", "Photograph:", "Image:", "Picture:", "Credit:"];
/// Credit suffixes of photo agencies that are not wire agencies.
const PHOTO_AGENCIES: &[&str] = &[
    "getty images",
    "shutterstock",
    "epa",
    "epa-efe",
    "ap photo",
    "sipa",
    "alamy",
    "pool",
];

/// Separates metadata from body. `title_from_first_line` lets plain text use a title-like
/// first block as the title.
pub fn assemble(blocks: Vec<Block>, title_from_first_line: bool) -> Article {
    let mut article = Article::default();
    let mut in_header = true;
    let mut in_footer = false;
    let first_is_title =
        title_from_first_line && blocks.len() > 1 && blocks.first().is_some_and(looks_like_title);
    for (index, block) in blocks.into_iter().enumerate() {
        if in_footer {
            if article.meta.url.is_none() {
                article.meta.url = find_url(&block);
            }
            continue;
        }
        if let Some(rest) = strip_label(&block.text, URL_LABELS) {
            in_footer = true;
            if !rest.is_empty() || block.links.iter().any(|l| is_http(&l.url)) {
                article.meta.url = find_url(&block).or(article.meta.url.take());
            }
            continue;
        }
        let meta = &mut article.meta;
        let is_title =
            matches!(block.kind, BlockKind::Heading(1)) || (index == 0 && first_is_title);
        if meta.title.is_none()
            && in_header
            && (is_title || matches!(block.kind, BlockKind::Heading(_)))
        {
            meta.title = Some(block.text);
        } else if block.kind == BlockKind::Image {
            continue;
        } else if let Some(related) = related_link(&block) {
            meta.related.push(related);
        } else if in_header && meta.byline.is_none() && byline(&block.text).is_some() {
            let byline = byline(&block.text).unwrap_or_default().to_owned();
            meta.agency = meta
                .agency
                .take()
                .or_else(|| agencies::agency_in(&byline).map(str::to_owned));
            meta.byline = Some(byline);
        } else if is_credit(&block.text) {
            meta.photo_credits.push(block.text);
        } else if in_header
            && meta.published.is_none()
            && dates::parse_date_line(&block.text).is_some()
        {
            if let Some(date) = dates::parse_date_line(&block.text) {
                let mut published = Published::date(date, PublishedSource::DateLine);
                published.raw = Some(block.text);
                meta.published = Some(published);
            }
        } else if is_only_url(&block.text) {
            if meta.url.is_none() {
                meta.url = find_url(&block);
            }
        } else {
            in_header = false;
            article.paragraphs.push(block.text);
        }
    }
    article
}

fn looks_like_title(block: &Block) -> bool {
    let text = block.text.trim();
    text.len() <= 200
        && !text.ends_with(['.', ',', ';', ':'])
        && byline(text).is_none()
        && dates::parse_date_line(text).is_none()
}

/// The byline's names without "By": "By [AFP](#)" → "AFP".
fn byline(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("BY "))?;
    (text.len() <= 150 && !rest.trim().is_empty()).then(|| rest.trim())
}

/// `text` without a leading `label:` (case-insensitive), if it has one of `labels`.
fn strip_label<'a>(text: &'a str, labels: &[&str]) -> Option<&'a str> {
    let (head, rest) = text.split_once(':')?;
    let head = head.trim();
    // Lower-casing shortens a char to no less than a third of its bytes (the Kelvin sign's
    // three become "k"), so a head longer than three times every label is none of them:
    // spares lower-casing the start of every paragraph that has a colon.
    let longest = labels.iter().map(|l| l.len()).max().unwrap_or(0);
    if head.len() > 3 * longest {
        return None;
    }
    let head = head.to_lowercase();
    labels.contains(&head.as_str()).then(|| rest.trim())
}

fn related_link(block: &Block) -> Option<RelatedLink> {
    let rest = strip_label(&block.text, RELATED_LABELS)?;
    let link = block.links.iter().find(|l| !l.text.is_empty());
    let title = link.map_or(rest, |l| l.text.as_str()).trim().to_owned();
    let url = link.map(|l| l.url.clone()).filter(|u| is_http(u));
    (!title.is_empty()).then_some(RelatedLink { title, url })
}

/// The credit at the end of a photo caption, without its label: "Residents wade through
/// a street. (Photo: Diego Vara/Reuters)" → "Diego Vara/Reuters"; "... Photograph: Jane
/// Doe/Getty Images" → "Jane Doe/Getty Images"; "... Oct. 29, 2025. (AP Photo/Matias
/// Delacroix)" → "AP Photo/Matias Delacroix" (see [`agency_first_credit`]).
pub(crate) fn caption_credit(caption: &str) -> Option<&str> {
    let caption = caption.trim_end();
    let tail = match caption.strip_suffix(')') {
        Some(rest) => &rest[rest.rfind('(')? + 1..],
        None => {
            let at = CAPTION_LABELS
                .iter()
                .filter_map(|label| caption.rfind(label))
                .max()?;
            &caption[at..]
        }
    };
    let tail = tail.trim();
    if agency_first_credit(tail) {
        return Some(tail);
    }
    is_credit(tail).then(|| strip_label(tail, CREDIT_LABELS).unwrap_or(tail))
}

/// Most words in the photographer's name of an agency-first credit ("Matias Delacroix,
/// File" has three).
const CREDIT_NAME_WORDS: usize = 6;

/// An agency-first credit, the wire services' own form inside a caption's closing
/// parentheses: the agency (an alias in `data/ingest/agencies.tsv`, optionally followed by
/// "Photo"), a slash, then the photographer's capitalized name ("AP Photo/Matias Delacroix",
/// "AP Photo/Evan Vucci, File", "Reuters/Mohammed Salem"). Only a caption's tail is
/// tested, never a body paragraph: "AP/Ipsos" in a sentence is a poll, not a credit.
fn agency_first_credit(tail: &str) -> bool {
    let Some((agency, name)) = tail.split_once('/') else {
        return false;
    };
    let agency = agency.trim();
    let agency = ["Photos", "Photo", "photo"]
        .iter()
        .find_map(|p| agency.strip_suffix(p))
        .map_or(agency, str::trim_end);
    let name = name.trim();
    agencies::agency(agency).is_some()
        && name.chars().next().is_some_and(char::is_uppercase)
        && !name.contains(['/', '(', ')'])
        && name.split_whitespace().count() <= CREDIT_NAME_WORDS
}

/// A photo credit: a short line that is labelled as one, or a capitalized line that names a
/// distributor ("KCNA VIA KNS / AFP", "Maxim Shemetov / Reuters").
fn is_credit(text: &str) -> bool {
    if text.len() > 150 || text.contains(". ") {
        return false;
    }
    if strip_label(text, CREDIT_LABELS).is_some() {
        return true;
    }
    let lower = text.to_lowercase();
    if lower.starts_with("photo by ") || PHOTO_AGENCIES.iter().any(|a| lower.ends_with(a)) {
        return true;
    }
    // The rest, cheapest test first: most short body paragraphs end in a full stop and
    // have no slash, which rules them out before counting capitals or looking for agencies.
    let slash_credit = text.contains(" / ") || text.contains(" VIA ");
    let full_stop = text.ends_with('.');
    if !slash_credit && full_stop {
        return false;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic());
    let (upper, total) = letters.fold((0, 0), |(u, t), c| {
        (u + usize::from(c.is_uppercase()), t + 1)
    });
    let mostly_caps = total >= 3 && upper * 10 >= total * 7;
    if slash_credit && mostly_caps {
        return true;
    }
    if !slash_credit && !mostly_caps {
        return false;
    }
    let words = text.split_whitespace().count();
    let ends_with_agency = agencies::agency_in(text).is_some() && words <= 8;
    (slash_credit && ends_with_agency)
        || (mostly_caps && ends_with_agency && words >= 2 && !full_stop)
}

fn is_http(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

fn is_only_url(text: &str) -> bool {
    let t = text.trim().trim_start_matches('<').trim_end_matches('>');
    is_http(t) && !t.contains(char::is_whitespace)
}

fn find_url(block: &Block) -> Option<String> {
    block
        .links
        .iter()
        .map(|l| l.url.as_str())
        .chain(block.text.split_whitespace())
        .map(|u| u.trim_matches(['<', '>', '(', ')']))
        .find(|u| is_http(u))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_casing_keeps_at_least_a_third_of_the_bytes_of_every_char() {
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            let lower: usize = c.to_lowercase().map(char::len_utf8).sum();
            assert!(c.len_utf8() <= 3 * lower, "{c:?}");
        }
    }

    #[test]
    fn labels_match_after_lower_casing_even_when_it_shortens() {
        assert_eq!(strip_label("Original URL: x", URL_LABELS), Some("x"));
        // U+212A KELVIN SIGN lower-cases to an ASCII "k".
        assert_eq!(strip_label("LIN\u{212A}: y", URL_LABELS), Some("y"));
        let long = format!("{}: z", "\u{212A}".repeat(17));
        assert_eq!(strip_label(&long, URL_LABELS), None);
        assert_eq!(
            strip_label("A much longer sentence with a colon: z", URL_LABELS),
            None
        );
    }

    /// The credit test as first written, every condition computed: the reference.
    fn credit_reference(text: &str) -> bool {
        if text.len() > 150 || text.contains(". ") {
            return false;
        }
        if strip_label(text, CREDIT_LABELS).is_some()
            || text.to_lowercase().starts_with("photo by ")
        {
            return true;
        }
        let lower = text.to_lowercase();
        let photo_agency = PHOTO_AGENCIES.iter().any(|a| lower.ends_with(a));
        let slash_credit = text.contains(" / ") || text.contains(" VIA ");
        let letters = text.chars().filter(|c| c.is_alphabetic());
        let (upper, total) = letters.fold((0, 0), |(u, t), c| {
            (u + usize::from(c.is_uppercase()), t + 1)
        });
        let mostly_caps = total >= 3 && upper * 10 >= total * 7;
        let ends_with_agency =
            agencies::agency_in(text).is_some() && text.split_whitespace().count() <= 8;
        photo_agency
            || (slash_credit && (mostly_caps || ends_with_agency))
            || (mostly_caps
                && ends_with_agency
                && text.split_whitespace().count() >= 2
                && !text.ends_with('.'))
    }

    proptest::proptest! {
        #[test]
        fn credit_test_answers_as_the_reference(
            text in "(KCNA|VIA|via|KNS| / |AFP|Reuters|Getty Images|Photo: |photo by |Maxim|Shemetov|troops|said|\\.|\\. | |EPA|[A-Za-z]{1,6})*"
        ) {
            proptest::prop_assert_eq!(is_credit(&text), credit_reference(&text));
        }
    }

    #[test]
    fn credits() {
        assert!(is_credit("KCNA VIA KNS / AFP"));
        assert!(is_credit("Photo: Maxim Shemetov / Reuters"));
        assert!(!is_credit("Soldiers in Kursk. Getty Images"));
        assert!(is_credit("Mikhail Metzel / Getty Images"));
        assert!(!is_credit(
            "North Korea and Russia have strengthened their military ties."
        ));
        assert!(!is_credit("NORTH KOREA SENDS TROOPS"));
        assert!(!is_credit("AFP"));
    }

    #[test]
    fn credits_at_the_end_of_captions() {
        let c = caption_credit;
        assert_eq!(
            c("Residents wade through a street. (Photo: Diego Vara/Reuters)"),
            Some("Diego Vara/Reuters")
        );
        assert_eq!(
            c("Troops in Kursk. (Maxim Shemetov / Reuters)"),
            Some("Maxim Shemetov / Reuters")
        );
        assert_eq!(
            c("A rally in Ohio. Photograph: Jane Doe/Getty Images"),
            Some("Jane Doe/Getty Images")
        );
        assert_eq!(
            c(
                "A man walks past a damaged home in Black River, Jamaica, Wednesday, Oct. 29, \
               2025. (AP Photo/Matias Delacroix)"
            ),
            Some("AP Photo/Matias Delacroix")
        );
        assert_eq!(
            c("President Trump speaks in Washington. (AP Photo/Evan Vucci, File)"),
            Some("AP Photo/Evan Vucci, File")
        );
        assert_eq!(
            c("Smoke rises over Gaza City. (Reuters/Mohammed Salem)"),
            Some("Reuters/Mohammed Salem")
        );
        assert_eq!(
            c("Rescuers search the rubble. (Photo: Matias Delacroix/AP)"),
            Some("Matias Delacroix/AP")
        );
        // Not a credit: a poll, a lower-case tail, an unknown "agency", an empty name.
        assert_eq!(c("Approval fell, a poll found. (AP/Ipsos poll/2025)"), None);
        assert_eq!(c("Prices rose. (Reuters/survey of economists)"), None);
        assert_eq!(c("A street in Kursk. (Kursk/Russia)"), None);
        assert_eq!(c("A street in Kursk. (AP Photo/)"), None);
        assert_eq!(c("The president (left) with aides."), None);
        assert_eq!(c("Soldiers in Kursk (Ukraine)"), None);
    }

    #[test]
    fn related_and_url_footer() {
        let blocks = vec![
            Block::paragraph("Story starts."),
            Block {
                kind: BlockKind::Paragraph,
                text: "Related article: Kyiv Says".into(),
                links: vec![crate::block::Link {
                    text: "Kyiv Says".into(),
                    url: "#".into(),
                }],
            },
            Block::paragraph("Story ends."),
            Block::paragraph("Original url:"),
            Block::paragraph("https://www.themoscowtimes.com/a"),
        ];
        let a = assemble(blocks, false);
        assert_eq!(a.paragraphs, ["Story starts.", "Story ends."]);
        assert_eq!(
            a.meta.related,
            vec![RelatedLink {
                title: "Kyiv Says".into(),
                url: None
            }]
        );
        assert_eq!(
            a.meta.url.as_deref(),
            Some("https://www.themoscowtimes.com/a")
        );
    }

    #[test]
    fn plain_text_title_only_when_it_looks_like_one() {
        let a = assemble(
            vec![
                Block::paragraph("Troops sent to Kursk"),
                Block::paragraph("Body."),
            ],
            true,
        );
        assert_eq!(a.meta.title.as_deref(), Some("Troops sent to Kursk"));
        let b = assemble(
            vec![
                Block::paragraph("The first line is a sentence."),
                Block::paragraph("Body."),
            ],
            true,
        );
        assert_eq!(b.meta.title, None);
        assert_eq!(b.paragraphs.len(), 2);
    }
}
