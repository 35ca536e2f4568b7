//! Full-text search (FTS5) over document titles and bodies and over claim content.

use rusqlite::{ErrorCode, OptionalExtension, params};
use serde::Serialize;

use crate::error::At;
use crate::{Store, StoreError};

/// Matches ranked by relevance: the most recently stored ones (see [`Store::search`]).
pub const RANK_WINDOW: usize = 2000;

/// What to search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SearchScope {
    /// Document titles and bodies.
    Documents,
    /// Claim content and claimant names.
    Claims,
    /// Both, merged by score.
    #[default]
    Both,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// `document` or `claim`.
    pub kind: &'static str,
    /// The document (for a claim: the first document that carried it).
    pub document_id: String,
    /// The document's title.
    pub title: Option<String>,
    /// The document's url.
    pub url: Option<String>,
    /// The document's publisher.
    pub publisher: Option<String>,
    /// The document's publication time.
    pub published: Option<String>,
    /// For a claim: who made it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claimant: Option<String>,
    /// For a claim: how many documents carry it; for a document: its cluster's size.
    pub carriers: u64,
    /// The matching text with matches in `[brackets]`.
    pub snippet: String,
    /// BM25 score; lower is better (SQLite's convention).
    pub score: f64,
}

impl Store {
    /// Searches with an FTS5 query (`kursk`, `"several hundred"`, `casualties AND kursk`,
    /// `pyongyang*`). A query that is not valid FTS5 syntax is searched as plain words.
    ///
    /// Results are ranked by BM25 among the [`RANK_WINDOW`] most recently stored matches
    /// (`bm25()` in the ORDER BY, not the `rank` column: FTS5 answers `ORDER BY rank` by
    /// running and sorting a second query, half again the cost): ranking every match of a
    /// common word ("said") over a large archive costs time in
    /// proportion to the archive, and a news search wants recent copies anyway.
    ///
    /// # Errors
    /// [`StoreError::InvalidArgument`] for an empty query; [`StoreError::Sqlite`].
    pub fn search(
        &self,
        query: &str,
        scope: SearchScope,
        limit: usize,
    ) -> Result<Vec<SearchHit>, StoreError> {
        if query.trim().is_empty() {
            return Err(StoreError::InvalidArgument {
                what: "search query",
                value: query.to_owned(),
                reason: "it is empty".to_owned(),
            });
        }
        match self.snapshot(|| self.search_raw(query, scope, limit)) {
            Err(StoreError::Sqlite {
                source: rusqlite::Error::SqliteFailure(e, _),
                ..
            }) if e.code == ErrorCode::Unknown => {
                self.search_raw(&plain_words(query), scope, limit)
            }
            other => other,
        }
    }

    fn search_raw(
        &self,
        query: &str,
        scope: SearchScope,
        limit: usize,
    ) -> Result<Vec<SearchHit>, StoreError> {
        // Hits are ranked first and their snippets made afterwards, for the final hits only:
        // `snippet()` in the ranking query ran for every row that entered the top `limit`
        // while the window was scanned (about a hundred of the 2,000 candidates, some 20 µs
        // each, half a search's time), and for both tables' hits before the merge dropped
        // half of them.
        //
        // The window (the `RANK_WINDOW` most recent matches) is found in one of two ways,
        // with the same results (`?3` is the window's lowest rowid, or its size):
        // - a word or phrase query first finds the window's lowest rowid (a cheap descending
        //   scan of rowids), then ranks the matches from there in ascending order;
        // - a prefix query (`bomb*`) expands to every `bomb…` term and merges their lists in
        //   each statement that matches it (1.3–1.6 ms at 100k documents), so it ranks in
        //   one statement: the inner `ORDER BY rowid DESC LIMIT` is the window, put back in
        //   ascending order before ranking (its `LIMIT` keeps SQLite from dropping that
        //   `ORDER BY`). Rows arriving in descending order with equal scores would each
        //   displace one from the top `limit`, and every row entering it computes the result
        //   columns (a claim's carrier count, the document's fields): +2 ms where thousands
        //   of claims tie. For word queries this form is 0.2–0.4 ms slower than the two
        //   statements (the descending scan with BM25 per row, the window's sort), so it is
        //   kept for prefix queries. Equal scores rank the lower rowid first in both.
        let mut hits: Vec<(Index, i64, SearchHit)> = Vec::new();
        let limit = limit as i64;
        let prefix = query.contains('*');
        for index in [Index::Documents, Index::Claims] {
            if scope != index.other_scope() {
                self.ranked(index, query, limit, prefix, &mut hits)?;
            }
        }
        // Stable: equal scores keep documents before claims, as before.
        hits.sort_by(|a, b| a.2.score.total_cmp(&b.2.score));
        hits.truncate(limit as usize);
        for index in [Index::Documents, Index::Claims] {
            self.snippets(index, query, &mut hits)?;
        }
        Ok(hits.into_iter().map(|(_, _, hit)| hit).collect())
    }
}

/// Document hits ranked from the window's lowest rowid `?3` (see [`Store::search`]).
const DOCUMENTS_FROM_CUTOFF: &str = "SELECT d.id, d.title, d.url, p.name, d.published, NULL,
         (SELECT count(*) FROM documents c WHERE c.cluster_id = d.cluster_id),
         f.rowid, bm25(documents_fts) AS score
     FROM documents_fts f
     JOIN documents d ON d.pk = f.rowid
     LEFT JOIN sources p ON p.id = d.publisher_id
     WHERE documents_fts MATCH ?1 AND f.rowid >= ?3
     ORDER BY score LIMIT ?2";

/// Document hits ranked among the `?3` most recent matches in one statement.
const DOCUMENTS_IN_ONE: &str = "SELECT d.id, d.title, d.url, p.name, d.published, NULL,
         (SELECT count(*) FROM documents c WHERE c.cluster_id = d.cluster_id),
         t.rowid, t.score
     FROM (SELECT rowid, score FROM
               (SELECT f.rowid AS rowid, bm25(documents_fts) AS score
                FROM documents_fts f WHERE documents_fts MATCH ?1
                ORDER BY f.rowid DESC LIMIT ?3)
           ORDER BY rowid LIMIT ?3) t
     JOIN documents d ON d.pk = t.rowid
     LEFT JOIN sources p ON p.id = d.publisher_id
     ORDER BY t.score, t.rowid LIMIT ?2";

/// Claim hits ranked from the window's lowest rowid `?3`.
const CLAIMS_FROM_CUTOFF: &str =
    "SELECT d.id, d.title, d.url, p.name, d.published, c.claimant_name,
         (SELECT count(*) FROM claim_instances i WHERE i.claim_pk = c.pk),
         f.rowid, bm25(claims_fts) AS score
     FROM claims_fts f
     JOIN claims c ON c.pk = f.rowid
     JOIN documents d ON d.pk = c.first_doc_pk
     LEFT JOIN sources p ON p.id = d.publisher_id
     WHERE claims_fts MATCH ?1 AND f.rowid >= ?3
     ORDER BY score LIMIT ?2";

/// Claim hits ranked among the `?3` most recent matches in one statement.
const CLAIMS_IN_ONE: &str = "SELECT d.id, d.title, d.url, p.name, d.published, c.claimant_name,
         (SELECT count(*) FROM claim_instances i WHERE i.claim_pk = c.pk),
         t.rowid, t.score
     FROM (SELECT rowid, score FROM
               (SELECT f.rowid AS rowid, bm25(claims_fts) AS score
                FROM claims_fts f WHERE claims_fts MATCH ?1
                ORDER BY f.rowid DESC LIMIT ?3)
           ORDER BY rowid LIMIT ?3) t
     JOIN claims c ON c.pk = t.rowid
     JOIN documents d ON d.pk = c.first_doc_pk
     LEFT JOIN sources p ON p.id = d.publisher_id
     ORDER BY t.score, t.rowid LIMIT ?2";

/// A full-text index searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Index {
    Documents,
    Claims,
}

impl Index {
    /// The scope that leaves this index out.
    fn other_scope(self) -> SearchScope {
        match self {
            Index::Documents => SearchScope::Claims,
            Index::Claims => SearchScope::Documents,
        }
    }

    /// What its hits are called in results.
    fn kind(self) -> &'static str {
        match self {
            Index::Documents => "document",
            Index::Claims => "claim",
        }
    }

    /// Its statements: the window's lowest rowid, ranking from that rowid, ranking in one
    /// statement (see [`Store::search`]). The ranking statements give the same columns.
    fn statements(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Index::Documents => (
                "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1
                 ORDER BY rowid DESC LIMIT 1 OFFSET ?2",
                DOCUMENTS_FROM_CUTOFF,
                DOCUMENTS_IN_ONE,
            ),
            Index::Claims => (
                "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?1
                 ORDER BY rowid DESC LIMIT 1 OFFSET ?2",
                CLAIMS_FROM_CUTOFF,
                CLAIMS_IN_ONE,
            ),
        }
    }
}

impl Store {
    /// The `limit` best hits of `index` in the window, without snippets, added to `hits`.
    fn ranked(
        &self,
        index: Index,
        query: &str,
        limit: i64,
        prefix: bool,
        hits: &mut Vec<(Index, i64, SearchHit)>,
    ) -> Result<(), StoreError> {
        let (cutoff_sql, from_cutoff, in_one) = index.statements();
        let (sql, bound) = if prefix {
            (in_one, RANK_WINDOW as i64)
        } else {
            let cutoff = self.cutoff(cutoff_sql, query, RANK_WINDOW as i64 - 1)?;
            (from_cutoff, cutoff)
        };
        let mut st = self.conn.prepare_cached(sql).at(&self.path)?;
        let rows = st
            .query_map(params![query, limit, bound], |r| {
                Ok((
                    index,
                    r.get(7)?,
                    SearchHit {
                        kind: index.kind(),
                        document_id: r.get(0)?,
                        title: r.get(1)?,
                        url: r.get(2)?,
                        publisher: r.get(3)?,
                        published: r.get(4)?,
                        claimant: r.get(5)?,
                        carriers: r.get::<_, i64>(6)? as u64,
                        snippet: String::new(),
                        score: r.get(8)?,
                    },
                ))
            })
            .at(&self.path)?;
        for row in rows {
            hits.push(row.at(&self.path)?);
        }
        Ok(())
    }

    /// Fills in the snippets of `hits` from `index`. One statement scans the matches between
    /// the hits' lowest and highest rowid and makes a snippet only for the hits' rows: a
    /// `rowid = ?` lookup per hit would expand a prefix query (`bomb*`) once per hit, and
    /// `rowid IN (...)` is planned the same way.
    fn snippets(
        &self,
        index: Index,
        query: &str,
        hits: &mut [(Index, i64, SearchHit)],
    ) -> Result<(), StoreError> {
        let mut rowids: Vec<i64> = hits.iter().filter(|h| h.0 == index).map(|h| h.1).collect();
        let (Some(&low), Some(&high)) = (rowids.iter().min(), rowids.iter().max()) else {
            return Ok(());
        };
        rowids.sort_unstable();
        // `+f.rowid` keeps the list out of the full-text index's constraints (see above).
        let sql = match index {
            Index::Documents => {
                "SELECT f.rowid, snippet(documents_fts, 1, '[', ']', '…', 16)
                 FROM documents_fts f
                 WHERE documents_fts MATCH ?1 AND f.rowid BETWEEN ?2 AND ?3
                     AND +f.rowid IN (SELECT value FROM json_each(?4))"
            }
            Index::Claims => {
                "SELECT f.rowid, snippet(claims_fts, 0, '[', ']', '…', 24)
                 FROM claims_fts f
                 WHERE claims_fts MATCH ?1 AND f.rowid BETWEEN ?2 AND ?3
                     AND +f.rowid IN (SELECT value FROM json_each(?4))"
            }
        };
        let list = format!(
            "[{}]",
            rowids
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(",")
        );
        let mut st = self.conn.prepare_cached(sql).at(&self.path)?;
        let rows = st
            .query_map(params![query, low, high, list], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
            .at(&self.path)?;
        for row in rows {
            let (rowid, snippet) = row.at(&self.path)?;
            for hit in hits.iter_mut().filter(|h| h.0 == index && h.1 == rowid) {
                hit.2.snippet.clone_from(&snippet);
            }
        }
        Ok(())
    }
}

impl Store {
    /// The rowid of the `window + 1`-th most recent match, or 0 when there are fewer.
    fn cutoff(&self, sql: &str, query: &str, window: i64) -> Result<i64, StoreError> {
        self.conn
            .prepare_cached(sql)
            .and_then(|mut st| {
                st.query_row(params![query, window], |r| r.get(0))
                    .optional()
            })
            .map(|row| row.unwrap_or(0))
            .at(&self.path)
    }
}

/// The words of `query` (letters and digits), each as a quoted FTS5 string, so operators
/// and stray punctuation are searched as plain words.
fn plain_words(query: &str) -> String {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_quotes_operators_and_quotes() {
        assert_eq!(plain_words("a \"b AND ("), "\"a\" \"b\" \"AND\"");
    }
}
