//! Sources and syndication clusters: which outlets carried which story.

use rusqlite::params;
use serde::Serialize;

use crate::error::At;
use crate::{Store, StoreError};

/// A document in a cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClusterMember {
    /// Document id.
    pub document_id: String,
    /// Where it was found.
    pub url: Option<String>,
    /// Its headline.
    pub title: Option<String>,
    /// The outlet.
    pub publisher: Option<String>,
    /// The wire agency, when known.
    pub agency: Option<String>,
    /// Publication time.
    pub published: Option<String>,
}

/// A syndication cluster: copies and near-copies of one story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cluster {
    /// The cluster id (the pk of its first stored document).
    pub id: i64,
    /// Number of documents.
    pub size: u64,
    /// Distinct agencies named by its members.
    pub agencies: Vec<String>,
    /// Distinct publishers.
    pub publishers: Vec<String>,
    /// Earliest publication date.
    pub first_published: Option<String>,
    /// Latest publication date.
    pub last_published: Option<String>,
    /// Members, earliest first (at most the `members` limit given).
    pub members: Vec<ClusterMember>,
}

/// How many documents a source published and originated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceCount {
    /// The source's name.
    pub name: String,
    /// Documents it published.
    pub published: u64,
    /// Documents it is the wire agency of.
    pub originated: u64,
}

impl Store {
    /// Clusters with at least `min_size` documents, largest first, each with up to
    /// `members` members.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`].
    pub fn sources(
        &self,
        min_size: u64,
        limit: usize,
        members: usize,
    ) -> Result<Vec<Cluster>, StoreError> {
        let ids: Vec<(i64, i64)> = {
            let mut st = self
                .conn
                .prepare_cached(
                    "SELECT cluster_id, count(*) AS n FROM documents GROUP BY cluster_id
                     HAVING n >= ?1 ORDER BY n DESC, cluster_id LIMIT ?2",
                )
                .at(&self.path)?;
            st.query_map(params![min_size as i64, limit as i64], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .at(&self.path)?
            .collect::<rusqlite::Result<_>>()
            .at(&self.path)?
        };
        let mut out = Vec::with_capacity(ids.len());
        for (id, size) in ids {
            let summary = self
                .conn
                .prepare_cached(
                    "SELECT json_group_array(DISTINCT a.name), json_group_array(DISTINCT p.name),
                         min(d.published_date), max(d.published_date)
                     FROM documents d
                     LEFT JOIN sources a ON a.id = d.agency_id
                     LEFT JOIN sources p ON p.id = d.publisher_id
                     WHERE d.cluster_id = ?1",
                )
                .and_then(|mut st| {
                    st.query_row([id], |r| {
                        Ok((
                            r.get::<_, Option<String>>(0)?,
                            r.get::<_, Option<String>>(1)?,
                            r.get(2)?,
                            r.get(3)?,
                        ))
                    })
                })
                .at(&self.path)?;
            let mut st = self
                .conn
                .prepare_cached(
                    "SELECT d.id, d.url, d.title, p.name, a.name, d.published
                     FROM documents d
                     LEFT JOIN sources a ON a.id = d.agency_id
                     LEFT JOIN sources p ON p.id = d.publisher_id
                     WHERE d.cluster_id = ?1
                     ORDER BY d.published_date IS NULL, d.published_date, d.pk LIMIT ?2",
                )
                .at(&self.path)?;
            let members = st
                .query_map(params![id, members as i64], |r| {
                    Ok(ClusterMember {
                        document_id: r.get(0)?,
                        url: r.get(1)?,
                        title: r.get(2)?,
                        publisher: r.get(3)?,
                        agency: r.get(4)?,
                        published: r.get(5)?,
                    })
                })
                .at(&self.path)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .at(&self.path)?;
            out.push(Cluster {
                id,
                size: size as u64,
                agencies: split(summary.0),
                publishers: split(summary.1),
                first_published: summary.2,
                last_published: summary.3,
                members,
            });
        }
        Ok(out)
    }

    /// Every source with how many documents it published and originated, most first.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`].
    pub fn source_counts(&self) -> Result<Vec<SourceCount>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT s.name,
                     (SELECT count(*) FROM documents d WHERE d.publisher_id = s.id) AS published,
                     (SELECT count(*) FROM documents d WHERE d.agency_id = s.id) AS originated
                 FROM sources s ORDER BY published + originated DESC, s.name",
            )
            .at(&self.path)?;
        st.query_map([], |r| {
            Ok(SourceCount {
                name: r.get(0)?,
                published: r.get::<_, i64>(1)? as u64,
                originated: r.get::<_, i64>(2)? as u64,
            })
        })
        .at(&self.path)?
        .collect::<rusqlite::Result<Vec<_>>>()
        .at(&self.path)
    }
}

/// Names from a `json_group_array`, without the nulls of documents that had none.
fn split(list: Option<String>) -> Vec<String> {
    let values: Vec<Option<String>> = list
        .and_then(|l| serde_json::from_str(&l).ok())
        .unwrap_or_default();
    let mut names: Vec<String> = values.into_iter().flatten().collect();
    names.sort();
    names
}
