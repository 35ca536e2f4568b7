//! Front matter: a `---` block of `key: value` lines at the top of a Markdown or text file,
//! as static-site and scraper exports write it.
//!
//! Only flat `key: value` pairs are read (values may be quoted); nested YAML is kept as
//! text under its key. Known keys fill metadata: `title`, `url`, `canonical_url`,
//! `publisher` (or `site`, `source`), `byline` (or `author`), `agency`, `published` (or
//! `date`), `language` (or `lang`). Other keys go to `extra`.

use tally_core::{DocumentMeta, Published, PublishedSource};

/// Front matter split from the rest of the text.
pub struct FrontMatter<'a> {
    /// `key: value` pairs in order.
    pub fields: Vec<(String, String)>,
    /// The text after the block.
    pub rest: &'a str,
}

/// Splits a leading front-matter block off `text`, if there is one.
pub fn split(text: &str) -> Option<FrontMatter<'_>> {
    let body = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let end = body
        .find("\n---\n")
        .or_else(|| body.find("\n---\r\n"))
        .or_else(|| body.strip_suffix("\n---").map(str::len))?;
    let rest = body[end + 1..]
        .trim_start_matches('-')
        .trim_start_matches(['\r', '\n']);
    let fields = body[..end]
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_lowercase(), unquote(v.trim()).to_owned()))
        .filter(|(k, v)| !k.is_empty() && !v.is_empty() && !k.contains(' '))
        .collect();
    Some(FrontMatter { fields, rest })
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

/// Fills `meta` from front-matter fields; returns warnings for values that do not parse.
pub fn apply(fields: Vec<(String, String)>, meta: &mut DocumentMeta) -> Vec<String> {
    let mut warnings = Vec::new();
    for (key, value) in fields {
        match key.as_str() {
            "title" | "headline" => meta.title = Some(value),
            "url" | "link" => meta.url = Some(value),
            "canonical_url" | "canonical" => meta.canonical_url = Some(value),
            "publisher" | "site" | "source" | "outlet" => meta.publisher = Some(value),
            "byline" | "author" | "authors" => meta.byline = Some(value),
            "agency" => meta.agency = crate::agency(&value).map(str::to_owned).or(Some(value)),
            "language" | "lang" => meta.language = Some(value),
            "published" | "date" | "datepublished" | "published_at" => {
                match Published::parse_iso(&value) {
                    Ok(mut p) => {
                        p.source = PublishedSource::Metadata;
                        meta.published = Some(p);
                    }
                    Err(e) => warnings.push(e.to_string()),
                }
            }
            _ => {
                meta.extra.insert(key, serde_json::Value::String(value));
            }
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_applies() {
        let text = "---\ntitle: \"Losses top 1,000\"\npublished: 2024-12-24\nnote: synthetic\n---\n\nKYIV (Reuters) - Text.";
        let fm = split(text).unwrap();
        assert_eq!(fm.rest, "KYIV (Reuters) - Text.");
        let mut meta = DocumentMeta::default();
        assert!(apply(fm.fields, &mut meta).is_empty());
        assert_eq!(meta.title.as_deref(), Some("Losses top 1,000"));
        assert_eq!(meta.published.unwrap().value(), "2024-12-24");
        assert_eq!(meta.extra["note"], "synthetic");
    }

    #[test]
    fn no_front_matter() {
        assert!(split("# Title\n\n---\n").is_none());
        assert!(split("---\nunterminated: yes\n").is_none());
    }

    #[test]
    fn bad_date_warns() {
        let mut meta = DocumentMeta::default();
        let warnings = apply(vec![("date".into(), "last week".into())], &mut meta);
        assert_eq!(warnings.len(), 1);
        assert!(meta.published.is_none());
    }
}
