//! Syndication clusters across pushes and stores.

use std::collections::HashMap;

use super::Pusher;
use crate::PgError;
use crate::ddl::qualified;
use crate::sqlite::{CLUSTER, quote};
use crate::value::Value;

impl Pusher<'_> {
    /// Syndication clusters, across pushes and stores. A store merges two clusters when a
    /// document joins both; a document pushed before keeps the cluster it had, so after
    /// the batches every document whose store cluster names another document is made to
    /// share that document's PostgreSQL cluster, merging into the older (lower) id. Two
    /// stores holding the same document thereby join their clusters of it.
    pub(super) fn merge_clusters(&mut self, client: &mut postgres::Client) -> Result<u64, PgError> {
        let schema = self.schema;
        let root = &schema.tables[schema.root];
        let (Some(rowid), Some(key), Some(cluster)) = (
            root.rowid,
            root.natural_key()
                .and_then(|k| (k.len() == 1).then(|| k[0])),
            (root.name == CLUSTER.0)
                .then(|| root.column(CLUSTER.1))
                .flatten(),
        ) else {
            return Ok(0);
        };
        let (pk, id, cl) = (
            quote(&root.columns[rowid].name),
            quote(&root.columns[key].name),
            quote(&root.columns[cluster].name),
        );
        let table = qualified(&self.pg, &root.name);
        let mut st = self
            .conn
            .prepare(&format!(
                "SELECT d.{id}, c.{id} FROM {t} d JOIN {t} c ON c.{pk} = d.{cl} WHERE d.{cl} <> d.{pk}",
                t = quote(&root.name)
            ))
            .map_err(|e| self.sqlite_err(e))?;
        let pairs: Vec<(String, String)> = st
            .query_map([], |r| {
                Ok((Value::read(r, 0)?.key(), Value::read(r, 1)?.key()))
            })
            .map_err(|e| self.sqlite_err(e))?
            .collect::<Result<_, _>>()
            .map_err(|e| self.sqlite_err(e))?;
        self.transact(client, |_, tx, _| {
                let mut links: Vec<(i64, i64)> = Vec::new();
                for chunk in pairs.chunks(50_000) {
                    let (docs, firsts): (Vec<&str>, Vec<&str>) =
                        chunk.iter().map(|(a, b)| (a.as_str(), b.as_str())).unzip();
                    let rows = tx.query(
                        &format!(
                            "SELECT DISTINCT d.{cl}, c.{cl} FROM unnest($1::TEXT[], $2::TEXT[]) AS k(doc, first)
                             JOIN {table} d ON d.{id} = k.doc JOIN {table} c ON c.{id} = k.first
                             WHERE d.{cl} <> c.{cl}"
                        ),
                        &[&docs, &firsts],
                    )?;
                    links.extend(rows.iter().map(|r| (r.get::<_, i64>(0), r.get::<_, i64>(1))));
                }
                let merges = union_find(&links);
                if !merges.is_empty() {
                    let (old, new): (Vec<i64>, Vec<i64>) = merges.iter().copied().unzip();
                    tx.execute(
                        &format!(
                            "UPDATE {table} SET {cl} = m.new FROM unnest($1::BIGINT[], $2::BIGINT[]) AS m(old, new)
                             WHERE {table}.{cl} = m.old"
                        ),
                        &[&old, &new],
                    )?;
                }
                Ok(merges.len() as u64)
            })
    }
}

/// Clusters linked by `links` merged into their lowest id: (old, new) for every id that
/// changes.
fn union_find(links: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let mut parent: HashMap<i64, i64> = HashMap::new();
    fn find(parent: &mut HashMap<i64, i64>, x: i64) -> i64 {
        let mut root = x;
        while let Some(&p) = parent.get(&root) {
            if p == root {
                break;
            }
            root = p;
        }
        parent.insert(x, root);
        root
    }
    for &(a, b) in links {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent.insert(hi, lo);
        parent.entry(lo).or_insert(lo);
    }
    let keys: Vec<i64> = parent.keys().copied().collect();
    let mut out: Vec<(i64, i64)> = keys
        .into_iter()
        .filter_map(|k| {
            let root = find(&mut parent, k);
            (root != k).then_some((k, root))
        })
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::union_find;

    #[test]
    fn clusters_merge_into_the_lowest_id() {
        assert_eq!(
            union_find(&[(5, 3), (7, 5), (9, 8)]),
            vec![(5, 3), (7, 3), (9, 8)]
        );
        assert!(union_find(&[]).is_empty());
    }
}
