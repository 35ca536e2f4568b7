//! HTML pages: main text by readability, metadata from JSON-LD, OpenGraph and `<meta>`.
//!
//! Finds: the article's paragraphs (dom_smoothie, a port of Mozilla's Readability), and
//! - from JSON-LD (`NewsArticle`, `Article`, `ReportageNewsArticle`, ... also inside
//!   `@graph`): `headline`, `datePublished`, `author`, `publisher`, `isBasedOn`,
//!   `inLanguage`, `url`;
//! - from OpenGraph and `<meta>`: `og:title`, `og:site_name`, `og:url`,
//!   `article:published_time`, `author`, and `<link rel="canonical">`, `<html lang>`;
//! - bylines and wire credits ("By AFP", "(Reuters) -", "— AP") through the shared wire
//!   rules, and photo captions and credits (`<figcaption>`, `.credit`), which are recorded
//!   (`photo_credits`, `extra.photo_captions`) and kept out of the body.
//!
//! Example: a page whose JSON-LD says `"author": {"name": "AFP"}` and
//! `"publisher": {"name": "The Moscow Times"}` gets agency AFP, publisher The Moscow Times
//! and the source chain AFP → The Moscow Times.
//!
//! Limitations: one article per page (a live blog becomes one long document); text inside
//! `<iframe>`s and pages built by JavaScript are not seen; related-article boxes are left
//! to readability's boilerplate removal rather than recorded as related links; charsets
//! other than UTF-8 are decoded lossily with a warning.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use dom_query::{Document as Dom, Matcher, Selection};
use serde_json::Value;
use tally_core::{Diagnostic, Document, DocumentMeta, Origin, Published};

use crate::{IngestError, IngestOptions, agencies, escape_cost, nesting};

/// Where a page came from, for its origin and errors.
#[derive(Debug, Clone, Default)]
pub struct PageSource<'a> {
    /// The input file.
    pub path: &'a str,
    /// The record in it (a WARC record id, a JSONL line), if any.
    pub record: Option<String>,
    /// The address the page was fetched from, if known.
    pub url: Option<&'a str>,
    /// The input format (`html`, `warc`, `jsonl`).
    pub format: &'a str,
}

impl PageSource<'_> {
    /// A page that cannot be read as an article, with what is wrong in the message.
    fn unreadable(&self, message: String) -> IngestError {
        match &self.record {
            Some(_) => self.error(message),
            None => IngestError::Unreadable {
                path: self.path.to_owned(),
                message,
            },
        }
    }

    fn error(&self, message: impl Into<String>) -> IngestError {
        match &self.record {
            Some(record) => IngestError::Record {
                path: self.path.to_owned(),
                record: record.clone(),
                message: message.into(),
            },
            None => IngestError::Empty {
                path: self.path.to_owned(),
            },
        }
    }
}

/// Parses one HTML page into a document.
///
/// # Errors
/// [`IngestError::Empty`] (or [`IngestError::Record`] inside a multi-record input) when no
/// article text is found.
pub fn parse_page(
    html: &str,
    source: &PageSource<'_>,
    options: &IngestOptions,
) -> Result<Document, IngestError> {
    if nesting::too_deep(html) {
        let message = format!(
            "elements nested more than {} deep: not read as an article",
            nesting::MAX_DEPTH
        );
        return Err(source.unreadable(message));
    }
    if escape_cost::too_costly(html) {
        let message = "hundreds of kilobytes of text without a tag and full of '&': \
                       not read as an article (escaping it would take minutes)";
        return Err(source.unreadable(message.to_owned()));
    }
    let dom = Dom::from(html);
    let mut meta = DocumentMeta::default();
    let mut diagnostics = Vec::new();
    read_metadata(&dom, &mut meta, &mut diagnostics, source);
    let captions: Vec<String> = select(&dom, "figcaption")
        .map(|s| clean(&s.text()))
        .filter(|t| !t.is_empty())
        .collect();
    for credit in select(
        &dom,
        "figure .credit, figure [class*=credit], figcaption cite",
    ) {
        let credit = clean(&credit.text());
        if !credit.is_empty() && !meta.photo_credits.contains(&credit) {
            meta.photo_credits.push(credit);
        }
    }
    for credit in captions
        .iter()
        .filter_map(|c| crate::article::caption_credit(c))
    {
        if !meta.photo_credits.iter().any(|known| known == credit) {
            meta.photo_credits.push(credit.to_owned());
        }
    }
    if !captions.is_empty() {
        meta.extra
            .insert("photo_captions".to_owned(), Value::from(captions.clone()));
    }
    let url = meta
        .canonical_url
        .clone()
        .or_else(|| meta.url.clone())
        .or(source.url.map(str::to_owned));
    let mut paragraphs = main_text(dom, url.as_deref(), &mut meta);
    if paragraphs.is_empty() {
        // Readability found no article (very short or unusual pages): fall back to every
        // paragraph element of the page.
        paragraphs = fragment_paragraphs(html);
    }
    // Readability keeps the headline as a heading; the title is metadata, not body.
    paragraphs.retain(|p| {
        !captions.contains(p) && !meta.photo_credits.contains(p) && meta.title.as_ref() != Some(p)
    });
    if paragraphs.is_empty() {
        return Err(source.error("no article text in the page"));
    }
    if meta.url.is_none() {
        meta.url = source.url.map(str::to_owned);
    }
    meta.origin = Some(Origin {
        path: source.path.to_owned(),
        record: source.record.clone(),
        format: source.format.to_owned(),
    });
    crate::apply_wire_markers(&mut meta, &mut paragraphs);
    crate::finish_meta(&mut meta, options, &paragraphs);
    let mut doc = Document::new(meta, paragraphs);
    doc.diagnostics.extend(diagnostics);
    Ok(doc)
}

/// The text of each block element (`p`, headings, list items, block quotes) of an HTML
/// fragment such as a feed item's `content:encoded`, in order. Text outside any block
/// element becomes paragraphs at line breaks.
#[must_use]
pub fn fragment_paragraphs(html: &str) -> Vec<String> {
    if nesting::too_deep(html) {
        return Vec::new();
    }
    let dom = Dom::from(html);
    blocks(&dom.select("html"))
}

/// The text of each block element under `scope`, as [`fragment_paragraphs`] finds them;
/// removes the junk elements from the tree.
fn blocks(scope: &Selection<'_>) -> Vec<String> {
    for junk in select_in(
        scope,
        "script, style, noscript, figure, figcaption, nav, footer, aside",
    ) {
        junk.remove();
    }
    let nested = matcher("li p, blockquote p, li li");
    let blocks: Vec<String> = select_in(scope, "p, h2, h3, h4, h5, h6, li, blockquote, pre")
        .filter(|s| !nested.as_ref().is_some_and(|m| s.is_matcher(m)))
        .map(|s| clean(&s.text()))
        .filter(|t| !t.is_empty())
        .collect();
    if !blocks.is_empty() {
        return blocks;
    }
    scope
        .text()
        .split('\n')
        .map(clean)
        .filter(|t| !t.is_empty())
        .collect()
}

/// Elements inside a paragraph that html5ever would never leave there: parsing the
/// serialized article would close the paragraph before them, so its blocks would differ
/// from the tree's (readability can build such trees: a `p` around a `div` it kept).
const NOT_IN_A_PARAGRAPH: &str = "p address, p article, p aside, p blockquote, p center, \
    p dd, p details, p dialog, p dir, p div, p dl, p dt, p fieldset, p figcaption, p figure, \
    p footer, p form, p h1, p h2, p h3, p h4, p h5, p h6, p header, p hgroup, p hr, p li, \
    p listing, p main, p menu, p nav, p ol, p p, p pre, p search, p section, p summary, \
    p table, p ul, p xmp, a a, li > li, dd > dd, dt > dt";

/// Readability puts its article where its best candidate was; inside one of these, the
/// article's blocks would be read with ancestors the parse of its own HTML has not ("li p").
const IN_A_BLOCK: &str = "p #readability-page-1, li #readability-page-1, \
    blockquote #readability-page-1, a #readability-page-1, table #readability-page-1";

/// The blocks of readability's article, read from its tree: what parsing its serialized
/// HTML again would find (that second parse was a tenth of reading a page), unless the tree
/// holds what a parse never builds ([`NOT_IN_A_PARAGRAPH`]); then the HTML is parsed again.
fn article_blocks(readability: &dom_smoothie::Readability, content: &str) -> Vec<String> {
    let root = readability.doc.select("#readability-page-1");
    let reparse = root.length() != 1
        || matcher(IN_A_BLOCK).is_none_or(|m| root.is_matcher(&m))
        || matcher(NOT_IN_A_PARAGRAPH).is_none_or(|m| !root.select_matcher(&m).is_empty());
    if reparse {
        return fragment_paragraphs(content);
    }
    blocks(&root)
}

fn main_text(dom: Dom, url: Option<&str>, meta: &mut DocumentMeta) -> Vec<String> {
    let config = dom_smoothie::Config {
        // News briefs are short; readability's default 500-character floor drops them.
        char_threshold: 200,
        ..dom_smoothie::Config::default()
    };
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let Ok(mut readability) = dom_smoothie::Readability::with_document(dom, url, Some(config))
    else {
        return Vec::new();
    };
    let Ok(article) = readability.parse() else {
        return Vec::new();
    };
    if meta.title.is_none() && !article.title.trim().is_empty() {
        meta.title = Some(clean(&article.title));
    }
    if meta.byline.is_none() {
        meta.byline = article
            .byline
            .as_deref()
            .map(strip_by)
            .filter(|b| !b.is_empty());
    }
    if meta.publisher.is_none() {
        meta.publisher = article
            .site_name
            .as_deref()
            .map(clean)
            .filter(|s| !s.is_empty());
    }
    if meta.language.is_none() {
        meta.language = article.lang.as_deref().map(language_tag);
    }
    if meta.published.is_none() {
        meta.published = article
            .published_time
            .as_deref()
            .and_then(|t| Published::parse_iso(t).ok());
    }
    article_blocks(&readability, &article.content)
}

fn read_metadata(
    dom: &Dom,
    meta: &mut DocumentMeta,
    diagnostics: &mut Vec<Diagnostic>,
    source: &PageSource<'_>,
) {
    let mut published_raw: Option<String> = None;
    for script in select(dom, "script[type=\"application/ld+json\"]") {
        let Ok(value) = serde_json::from_str::<Value>(&script.text()) else {
            continue;
        };
        if let Some(article) = find_article(&value) {
            apply_json_ld(article, meta, &mut published_raw);
            break;
        }
    }
    let tag = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|key| {
            let sel =
                format!("meta[property=\"{key}\"], meta[name=\"{key}\"], meta[itemprop=\"{key}\"]");
            select(dom, &sel)
                .filter_map(|m| m.attr("content"))
                .map(|c| clean(&c))
                .find(|c| !c.is_empty())
        })
    };
    if meta.title.is_none() {
        meta.title = tag(&["og:title", "twitter:title"]).or_else(|| {
            select(dom, "title, h1")
                .next()
                .map(|t| clean(&t.text()))
                .filter(|t| !t.is_empty())
        });
    }
    if meta.publisher.is_none() {
        meta.publisher = tag(&["og:site_name", "application-name"]);
    }
    if meta.url.is_none() {
        meta.url = tag(&["og:url"]);
    }
    if meta.canonical_url.is_none() {
        meta.canonical_url = select(dom, "link[rel=\"canonical\"]")
            .filter_map(|l| l.attr("href"))
            .map(|h| h.trim().to_owned())
            .find(|h| h.starts_with("http"));
    }
    if meta.byline.is_none() {
        meta.byline = tag(&["author", "article:author", "byl", "dc.creator"])
            .filter(|a| !a.starts_with("http"))
            .map(|a| strip_by(&a));
    }
    if published_raw.is_none() {
        published_raw = tag(&[
            "article:published_time",
            "datePublished",
            "pubdate",
            "publishdate",
            "parsely-pub-date",
            "dc.date",
            "date",
        ]);
    }
    if meta.language.is_none() {
        meta.language = select(dom, "html")
            .next()
            .and_then(|h| h.attr("lang"))
            .map(|l| language_tag(&l))
            .filter(|l| !l.is_empty());
    }
    if let Some(raw) = published_raw {
        match Published::parse_iso(&raw) {
            Ok(p) => meta.published = Some(p),
            Err(_) => {
                diagnostics.push(Diagnostic::warning(
                    "I009",
                    format!(
                        "{}: unreadable publication time {raw:?} in page metadata",
                        source.path
                    ),
                ));
                meta.extra
                    .insert("published_raw".to_owned(), Value::from(raw));
            }
        }
    }
    if meta.agency.is_none() {
        meta.agency = meta
            .byline
            .as_deref()
            .and_then(agencies::agency_in)
            .map(str::to_owned);
    }
}

/// The first object whose `@type` is an article type, searching arrays and `@graph`.
fn find_article(value: &Value) -> Option<&Value> {
    match value {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(object) => {
            let is_article = match object.get("@type") {
                Some(Value::String(t)) => is_article_type(t),
                Some(Value::Array(types)) => {
                    types.iter().filter_map(Value::as_str).any(is_article_type)
                }
                _ => false,
            };
            if is_article {
                Some(value)
            } else {
                object.get("@graph").and_then(find_article)
            }
        }
        _ => None,
    }
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("NewsArticle")
        || matches!(t, "Article" | "Report" | "BlogPosting" | "LiveBlogPosting")
}

fn apply_json_ld(article: &Value, meta: &mut DocumentMeta, published: &mut Option<String>) {
    let text = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(clean(s)),
            Value::Object(o) => o.get("name").and_then(Value::as_str).map(clean),
            Value::Array(items) => items.first().and_then(|i| match i {
                Value::String(s) => Some(clean(s)),
                Value::Object(o) => o.get("name").and_then(Value::as_str).map(clean),
                _ => None,
            }),
            _ => None,
        }
        .filter(|s| !s.is_empty())
    };
    meta.title = article.get("headline").and_then(text);
    *published = article.get("datePublished").and_then(text);
    meta.publisher = article.get("publisher").and_then(text);
    if let Some(url) = article.get("url").and_then(Value::as_str) {
        meta.url = Some(url.trim().to_owned());
    }
    meta.language = article
        .get("inLanguage")
        .and_then(text)
        .map(|l| language_tag(&l));
    let authors: Vec<String> = match article.get("author") {
        Some(Value::Array(items)) => items.iter().filter_map(text).collect(),
        Some(one) => text(one).into_iter().collect(),
        None => Vec::new(),
    };
    if !authors.is_empty() {
        meta.byline = Some(authors.join(" and "));
    }
    // isBasedOn / sourceOrganization name the originator of a syndicated story.
    let based_on = ["isBasedOn", "sourceOrganization", "provider"]
        .iter()
        .filter_map(|k| article.get(*k))
        .find_map(|v| match v {
            Value::Object(o) => o
                .get("publisher")
                .or_else(|| o.get("author"))
                .and_then(text)
                .or_else(|| text(v)),
            other => text(other),
        });
    meta.agency = based_on
        .as_deref()
        .and_then(agencies::agency_in)
        .or_else(|| authors.iter().find_map(|a| agencies::agency_in(a)))
        .map(str::to_owned);
    let keep = ["articleSection", "keywords", "dateModified", "isBasedOn"];
    for key in keep {
        if let Some(v) = article.get(key) {
            meta.extra.insert(key.to_owned(), v.clone());
        }
    }
}

/// The elements of `dom` that match `selector`, in document order; none when the selector
/// does not parse (as `Document::try_select`).
/// The elements under `scope` (not `scope` itself) matching `selector`, in document order.
fn select_in<'a>(scope: &Selection<'a>, selector: &str) -> impl Iterator<Item = Selection<'a>> {
    matcher(selector)
        .map(|m| scope.select_matcher(&m))
        .filter(|s| !s.is_empty())
        .into_iter()
        .flat_map(|s| s.iter().collect::<Vec<_>>())
}

fn select<'a>(dom: &'a Dom, selector: &str) -> impl Iterator<Item = Selection<'a>> {
    matcher(selector)
        .map(|m| dom.select_matcher(&m))
        .filter(|s| !s.is_empty())
        .into_iter()
        .flat_map(|s| s.iter().collect::<Vec<_>>())
}

thread_local! {
    /// Parsed selectors by their text. Parsing one (cssparser, then the selectors crate) for
    /// every lookup of every page cost a tenth of reading a page; the texts are the fixed
    /// ones of this module (and `meta` selectors for a fixed list of keys), so the cache
    /// stays a few dozen entries.
    static MATCHERS: RefCell<HashMap<String, Option<Rc<Matcher>>>> = RefCell::new(HashMap::new());
}

/// `selector` parsed, or `None` when it does not parse; each text is parsed once per thread.
fn matcher(selector: &str) -> Option<Rc<Matcher>> {
    MATCHERS.with(|cache| {
        if let Some(parsed) = cache.borrow().get(selector) {
            return parsed.clone();
        }
        let parsed = Matcher::new(selector).ok().map(Rc::new);
        cache
            .borrow_mut()
            .insert(selector.to_owned(), parsed.clone());
        parsed
    })
}

/// Collapses whitespace and decodes nothing further: dom_query has already decoded entities.
fn clean(text: &str) -> String {
    tally_core::normalize_whitespace(text)
}

fn strip_by(byline: &str) -> String {
    let b = clean(byline);
    for prefix in ["By ", "by ", "BY "] {
        if let Some(rest) = b.strip_prefix(prefix) {
            return rest.trim().to_owned();
        }
    }
    b
}

/// `en-US` and `en_US` to `en-US`; empty stays empty.
fn language_tag(lang: &str) -> String {
    lang.trim().replace('_', "-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str, head: &str) -> String {
        format!("<!doctype html><html lang=\"en\"><head>{head}</head><body>{body}</body></html>")
    }

    const STORY: &str = "<article><h1>Casualties in Kursk</h1>\
        <figure><img src=x.jpg><figcaption>Troops in Kursk. <span class=\"credit\">KCNA VIA KNS / AFP</span></figcaption></figure>\
        <p>North Korean forces have suffered \"several hundred\" casualties fighting against Ukrainian troops in Russia's Kursk region, a senior U.S. military official said Tuesday.</p>\
        <p>Pyongyang has sent thousands of troops to reinforce Russia's war effort, including to the Kursk border region, where Ukrainian forces seized territory earlier this year.</p>\
        <p>\"Several hundred casualties is our latest estimate that the DPRK has suffered,\" the official said on condition of anonymity.</p></article>";

    fn source() -> PageSource<'static> {
        PageSource {
            path: "page.html",
            record: None,
            url: None,
            format: "html",
        }
    }

    #[test]
    fn json_ld_gives_headline_date_publisher_and_agency() {
        let head = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"'Several Hundred' North Korean Casualties","datePublished":"2024-12-18T10:05:00+03:00","author":[{"@type":"Organization","name":"AFP"}],"publisher":{"@type":"Organization","name":"The Moscow Times"},"url":"https://www.themoscowtimes.com/2024/12/18/a87380"}]}</script>"#;
        let doc = parse_page(&page(STORY, head), &source(), &IngestOptions::default()).unwrap();
        let m = &doc.meta;
        assert_eq!(
            m.title.as_deref(),
            Some("'Several Hundred' North Korean Casualties")
        );
        assert_eq!(
            m.published.as_ref().map(Published::value).as_deref(),
            Some("2024-12-18T10:05:00+03:00")
        );
        assert_eq!(m.publisher.as_deref(), Some("The Moscow Times"));
        assert_eq!(m.agency.as_deref(), Some("AFP"));
        assert_eq!(m.source_chain, ["AFP", "The Moscow Times"]);
        assert_eq!(
            m.url.as_deref(),
            Some("https://www.themoscowtimes.com/2024/12/18/a87380")
        );
        assert_eq!(m.language.as_deref(), Some("en"));
    }

    #[test]
    fn opengraph_and_meta_fill_in_without_json_ld() {
        let head = r#"<title>Site | Story</title><meta property="og:title" content="Casualties in Kursk"><meta property="og:site_name" content="Barron's"><meta property="article:published_time" content="2024-12-18"><meta name="author" content="By AFP"><link rel="canonical" href="https://www.barrons.com/news/x">"#;
        let doc = parse_page(&page(STORY, head), &source(), &IngestOptions::default()).unwrap();
        let m = &doc.meta;
        assert_eq!(m.title.as_deref(), Some("Casualties in Kursk"));
        assert_eq!(m.publisher.as_deref(), Some("Barron's"));
        assert_eq!(m.byline.as_deref(), Some("AFP"));
        assert_eq!(m.agency.as_deref(), Some("AFP"));
        assert_eq!(
            m.canonical_url.as_deref(),
            Some("https://www.barrons.com/news/x")
        );
        assert_eq!(
            m.published.as_ref().map(|p| p.date.to_string()).as_deref(),
            Some("2024-12-18")
        );
    }

    #[test]
    fn captions_and_credits_are_recorded_and_kept_out_of_the_body() {
        let doc = parse_page(&page(STORY, ""), &source(), &IngestOptions::default()).unwrap();
        assert_eq!(doc.meta.photo_credits, ["KCNA VIA KNS / AFP"]);
        assert!(doc.meta.extra.contains_key("photo_captions"));
        assert!(!doc.body.contains("KCNA"));
        assert!(!doc.body.contains("Troops in Kursk."));
        assert!(
            doc.body.starts_with("North Korean forces have suffered"),
            "{:?}",
            doc.body
        );
        assert_eq!(doc.paragraphs.len(), 3);
    }

    #[test]
    fn byline_furniture_and_caption_credits_leave_the_body() {
        let head = r#"<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Ana Souza"}}</script>"#;
        let body = "<article><div class=byline>By Ana Souza and Reuters</div>\
            <figure><img src=a.jpg><figcaption>Residents wade through a flooded street. (Photo: Diego Vara/Reuters)</figcaption></figure>\
            <p>PORTO ALEGRE, Brazil (Reuters) - Torrential rains in the southern state have killed at least 40 people and left another 68 missing, the civil defense agency said on Friday.</p>\
            <p>Advertisement</p>\
            <p>More than 24,000 people have been forced from their homes, according to the agency, and several hundred towns have reported damage to roads and bridges.</p>\
            <p>Copyright 2024 Daily Ledger. All rights reserved.</p></article>";
        let doc = parse_page(&page(body, head), &source(), &IngestOptions::default()).unwrap();
        assert_eq!(doc.meta.agency.as_deref(), Some("Reuters"));
        assert_eq!(doc.meta.photo_credits, ["Diego Vara/Reuters"]);
        assert!(doc.body.starts_with("PORTO ALEGRE"), "{:?}", doc.body);
        assert!(!doc.body.contains("Advertisement") && !doc.body.contains("Copyright"));
        assert_eq!(doc.paragraphs.len(), 2);
    }

    #[test]
    fn wire_dateline_in_the_text_sets_the_agency() {
        let body = "<article><p>KYIV (Reuters) - Ukraine said on Tuesday that its forces had repelled a large assault near the border overnight, with dozens of attackers killed in the fighting that lasted for hours.</p><p>The ministry gave no further details about the clashes or the units that were involved in the operation in the region.</p></article>";
        let doc = parse_page(&page(body, ""), &source(), &IngestOptions::default()).unwrap();
        assert_eq!(doc.meta.agency.as_deref(), Some("Reuters"));
    }

    #[test]
    fn malformed_html_still_yields_text_and_empty_pages_are_errors() {
        let broken = "<html><body><div><p>Unclosed paragraph about the offensive in Kursk <b>bold <i>nested</p></div><p>Second</body>";
        let doc = parse_page(broken, &source(), &IngestOptions::default()).unwrap();
        assert!(
            doc.body
                .contains("Unclosed paragraph about the offensive in Kursk")
        );
        let err = parse_page(
            "<html><body><script>x()</script></body></html>",
            &source(),
            &IngestOptions::default(),
        )
        .unwrap_err();
        assert_eq!(err.code(), "I003");
        let in_warc = PageSource {
            record: Some("record 3".into()),
            ..source()
        };
        let err = parse_page("<p></p>", &in_warc, &IngestOptions::default()).unwrap_err();
        assert!(err.to_string().contains("record 3"));
    }

    /// Found by fuzz target `blowup`: 1 MB of `<div>` kept the HTML parser busy ~50 s
    /// (quadratic in the nesting depth); now it is an error, found in one pass.
    #[test]
    fn pages_nested_too_deep_are_errors_not_hangs() {
        let page = format!(
            "<p>Officials said 5 people died.</p>{}",
            "<div>".repeat(200_000)
        );
        let in_warc = PageSource {
            record: Some("record 7".into()),
            ..source()
        };
        let err = parse_page(&page, &in_warc, &IngestOptions::default()).unwrap_err();
        assert!(
            err.to_string().contains("nested more than 512 deep"),
            "{err}"
        );
        assert!(fragment_paragraphs(&page).is_empty());
        let alone = parse_page(&page, &source(), &IngestOptions::default()).unwrap_err();
        assert_eq!(alone.code(), "I010");
        assert!(
            alone.to_string().contains("nested more than 512 deep"),
            "{alone}"
        );
    }

    /// Found by fuzz target `blowup`: 1 MB of `&0 ` took 4.5 s in html5ever's serializer
    /// (quadratic in one text node); 16 MB would take minutes. Now an error, found in one pass.
    #[test]
    fn text_too_costly_to_escape_is_an_error_not_a_hang() {
        let page = format!(
            "<p>Officials said 5 people died.</p><p>{}</p>",
            "&0 ".repeat(350_000)
        );
        let err = parse_page(&page, &source(), &IngestOptions::default()).unwrap_err();
        assert_eq!(err.code(), "I010");
        assert!(err.to_string().contains("full of '&'"), "{err}");
    }

    #[test]
    fn fragments_split_into_blocks() {
        let paragraphs = fragment_paragraphs(
            "<p>One.</p><ul><li>Two</li></ul><blockquote><p>Three.</p></blockquote>Loose",
        );
        assert_eq!(paragraphs, ["One.", "Two", "Three."]);
        assert_eq!(
            fragment_paragraphs("line one<br>\nline two"),
            ["line one", "line two"]
        );
    }
}
