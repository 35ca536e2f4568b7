//! Extracting many articles at once on a rayon pool: what `tally.extract_many` runs with the
//! GIL released.

use rayon::prelude::*;
use tally_core::Document;
use tally_extract::Pipeline;
use tally_ingest::IngestOptions;

use crate::Error;
use crate::input::extract_text;

/// One article to extract.
#[derive(Debug, Clone)]
pub struct Article {
    /// The article: Markdown, plain text or HTML.
    pub text: String,
    /// A name for messages and the document's origin (`<string>` by default).
    pub name: String,
    /// Its ingest settings (publication date, url, format).
    pub options: IngestOptions,
    /// A headline to use when the text has none of its own.
    pub title: Option<String>,
}

/// Extracts every article in parallel and hands each document to `finish` (on the same
/// worker thread), results in input order. `pool` chooses the threads; `None` uses rayon's
/// global pool (one thread per core).
#[must_use]
pub fn extract_all<T: Send>(
    pipeline: &Pipeline,
    articles: &[Article],
    pool: Option<&rayon::ThreadPool>,
    finish: impl Fn(Document) -> T + Sync + Send,
) -> Vec<Result<T, Error>> {
    let run = || {
        articles
            .par_iter()
            .with_min_len(1)
            .map(|a| extract_one(pipeline, a).map(&finish))
            .collect()
    };
    match pool {
        Some(pool) => pool.install(run),
        None => run(),
    }
}

/// Extracts one article.
///
/// # Errors
/// As [`extract_text`].
pub fn extract_one(pipeline: &Pipeline, article: &Article) -> Result<Document, Error> {
    let mut doc = extract_text(pipeline, &article.text, &article.name, &article.options)?;
    if doc.meta.title.is_none() {
        doc.meta.title.clone_from(&article.title);
    }
    Ok(doc)
}
