//! Reading a tally store's schema generically, from SQLite's own catalog.
//!
//! Tables, columns, keys, unique constraints, indexes and foreign keys come from
//! `sqlite_master` and the `table_info` / `index_list` / `index_info` / `foreign_key_list`
//! pragmas, so a new store schema version needs no change here. What the catalog does not
//! say is listed explicitly below: references the schema does not declare, and columns a
//! store updates after inserting a row.

use rusqlite::Connection;

use crate::PgError;

/// The table every annotation hangs from: pushed in batches, each with all its rows.
pub const ROOT: &str = "documents";

/// References the store's schema does not declare with `REFERENCES`: (table, column,
/// referenced table). A syndication cluster is named by the pk of its first document, and
/// a document's text row shares its document's pk.
pub const EXTRA_REFS: &[(&str, &str, &str)] = &[
    ("documents", "cluster_id", "documents"),
    ("document_text", "pk", "documents"),
];

/// Columns a store lowers after inserting the row, merged across stores by keeping the
/// least value: a claim's said-at date is the earliest over its carriers. Each comes with
/// the columns a store derives from it, which take the pushed row's values whenever it
/// lowers the column: a claim's listing day (schema 11) is its said-at date's first day
/// (else its first document's publication date), so the day goes with the date that won,
/// not with a minimum of its own (a claim said on the 12th in one store and undated in
/// another, published on the 9th there, is listed on the 12th, as one store of both
/// documents lists it).
pub const MERGE_MIN: &[(&str, &str, &[&str])] = &[("claims", "said_date", &["day"])];

/// Tables a store derives from its other rows by triggers (schema 12's speakers counts):
/// not mirrored, since the counts of one store are not those of a mirror merging several
/// (a mirror counts with the store's grouping query over its own rows).
pub const DERIVED: &[&str] = &["speaker_counts", "speaker_counts_stale"];

/// A root row whose value here is newer (greater) in the store than in PostgreSQL was
/// re-extracted since it was pushed (`tally ingest --replace`): it is replaced, rows and all.
pub const REPLACE_NEWER: (&str, &str) = ("documents", "ingested_at");

/// The syndication cluster column: clusters are merged across pushes (see `push`).
pub const CLUSTER: (&str, &str) = ("documents", "cluster_id");

/// A column's type, from SQLite's declared type by its affinity rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    Int,
    Real,
    Text,
    Blob,
}

impl Type {
    fn from_declared(declared: &str) -> Type {
        let upper = declared.to_ascii_uppercase();
        if upper.contains("INT") {
            Type::Int
        } else if upper.contains("CHAR") || upper.contains("CLOB") || upper.contains("TEXT") {
            Type::Text
        } else if upper.contains("BLOB") {
            Type::Blob
        } else if upper.contains("REAL") || upper.contains("FLOA") || upper.contains("DOUB") {
            Type::Real
        } else {
            // NUMERIC and untyped columns: text keeps any value SQLite may hold.
            Type::Text
        }
    }

    /// The PostgreSQL type.
    pub fn pg(self) -> &'static str {
        match self {
            Type::Int => "BIGINT",
            Type::Real => "DOUBLE PRECISION",
            Type::Text => "TEXT",
            Type::Blob => "BYTEA",
        }
    }
}

/// One column.
#[derive(Debug, Clone)]
pub struct Column {
    pub name: String,
    pub ty: Type,
    pub not_null: bool,
}

/// A secondary index (not a key or unique constraint).
#[derive(Debug, Clone)]
pub struct Index {
    pub name: String,
    pub columns: Vec<usize>,
    pub unique: bool,
}

/// A column holding another table's store-local integer id.
#[derive(Debug, Clone)]
pub struct Ref {
    pub column: usize,
    pub target: usize,
}

/// How a table's rows are pushed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An `INTEGER PRIMARY KEY` (a store-local rowid) with a unique natural key: the rowid
    /// is reassigned in PostgreSQL and every reference to it remapped through the key.
    Keyed,
    /// Rows of one document (a column refers to [`ROOT`]), pushed with it.
    Child,
    /// Neither: pushed whole, newest push wins on its primary key.
    Other,
}

/// One table of the store.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
    /// Primary key columns, in key order.
    pub pk: Vec<usize>,
    /// The rowid column of a [`Kind::Keyed`] table.
    pub rowid: Option<usize>,
    /// Unique constraints (column lists), the natural key first.
    pub unique: Vec<Vec<usize>>,
    pub indexes: Vec<Index>,
    pub refs: Vec<Ref>,
    pub kind: Kind,
    /// For a [`Kind::Child`]: the column naming its document.
    pub doc_column: Option<usize>,
    /// Columns merged by keeping the least value.
    pub merge_min: Vec<MergeMin>,
}

/// A column merged by keeping the least value, and the columns that go with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeMin {
    pub column: usize,
    /// Columns set from the same pushed row whenever it lowers `column` (those the store
    /// has; an older store lacks `claims.day`).
    pub follow: Vec<usize>,
}

impl Table {
    /// The natural key of a [`Kind::Keyed`] table.
    pub fn natural_key(&self) -> Option<&[usize]> {
        self.unique.first().map(Vec::as_slice)
    }

    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }
}

/// A full-text index: an FTS5 table over columns of its content table.
#[derive(Debug, Clone)]
pub struct FullText {
    pub name: String,
    pub table: usize,
    pub columns: Vec<usize>,
}

/// The store's schema.
#[derive(Debug, Clone)]
pub struct Schema {
    /// `PRAGMA user_version`.
    pub version: i64,
    /// Tables in dependency order (a referenced table before the tables referring to it).
    pub tables: Vec<Table>,
    pub full_text: Vec<FullText>,
    pub root: usize,
}

impl Schema {
    pub fn table(&self, name: &str) -> Option<usize> {
        self.tables.iter().position(|t| t.name == name)
    }
}

/// Reads the schema of the store open on `conn` (`path` for messages).
///
/// # Errors
/// [`PgError::Sqlite`] when the catalog cannot be read; [`PgError::NotAStore`] without a
/// `documents` table.
pub fn read(conn: &Connection, path: &str) -> Result<Schema, PgError> {
    let err = |source| PgError::Sqlite {
        path: path.to_owned(),
        source,
    };
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(err)?;
    let mut st = conn
        .prepare(
            "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'table' ORDER BY rowid",
        )
        .map_err(err)?;
    let entries: Vec<(String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(err)?
        .collect::<Result<_, _>>()
        .map_err(err)?;
    let virtual_names: Vec<&str> = entries
        .iter()
        .filter(|(_, sql)| is_virtual(sql))
        .map(|(name, _)| name.as_str())
        .collect();
    let mut tables = Vec::new();
    for (name, sql) in &entries {
        // FTS5 keeps its index in shadow tables named after it (`documents_fts_data`).
        let shadow = virtual_names.iter().any(|v| {
            name.strip_prefix(v)
                .is_some_and(|rest| rest.starts_with('_'))
        });
        if name.starts_with("sqlite_")
            || is_virtual(sql)
            || shadow
            || DERIVED.contains(&name.as_str())
        {
            continue;
        }
        tables.push(read_table(conn, name).map_err(err)?);
    }
    let Some(root) = tables.iter().position(|t| t.name == ROOT) else {
        return Err(PgError::NotAStore {
            path: path.to_owned(),
            table: ROOT,
        });
    };
    let names: Vec<String> = tables.iter().map(|t| t.name.clone()).collect();
    // References: declared ones, then the explicit list.
    for table in &mut tables {
        let mut refs = Vec::new();
        let mut st = conn
            .prepare(&format!("PRAGMA foreign_key_list({})", quote(&table.name)))
            .map_err(err)?;
        let declared: Vec<(String, String)> = st
            .query_map([], |r| Ok((r.get::<_, String>(2)?, r.get::<_, String>(3)?)))
            .map_err(err)?
            .collect::<Result<_, _>>()
            .map_err(err)?;
        for (target, column) in declared {
            if let (Some(column), Some(target)) = (
                table.column(&column),
                names.iter().position(|n| *n == target),
            ) {
                refs.push(Ref { column, target });
            }
        }
        for &(t, column, target) in EXTRA_REFS {
            if t == table.name
                && let (Some(column), Some(target)) =
                    (table.column(column), names.iter().position(|n| n == target))
                && !refs.iter().any(|r| r.column == column)
            {
                refs.push(Ref { column, target });
            }
        }
        table.refs = refs;
        table.merge_min = MERGE_MIN
            .iter()
            .filter(|(t, _, _)| *t == table.name)
            .filter_map(|(_, c, follow)| {
                Some(MergeMin {
                    column: table.column(c)?,
                    follow: follow.iter().filter_map(|f| table.column(f)).collect(),
                })
            })
            .collect();
    }
    for table in &mut tables {
        table.kind = if table.rowid.is_some() && !table.unique.is_empty() {
            Kind::Keyed
        } else if let Some(r) = table.refs.iter().find(|r| r.target == root) {
            table.doc_column = Some(r.column);
            Kind::Child
        } else {
            Kind::Other
        };
    }
    let full_text = entries
        .iter()
        .filter(|(_, sql)| is_virtual(sql) && sql.to_ascii_lowercase().contains("fts5"))
        .filter_map(|(name, sql)| full_text(name, sql, &tables))
        .collect();
    let mut schema = Schema {
        version,
        tables,
        full_text,
        root,
    };
    order(&mut schema);
    Ok(schema)
}

fn is_virtual(sql: &str) -> bool {
    sql.trim_start()
        .get(..21)
        .is_some_and(|p| p.eq_ignore_ascii_case("CREATE VIRTUAL TABLE "))
}

/// Parses `CREATE VIRTUAL TABLE x USING fts5(a, b, content = 't', content_rowid = 'pk', ...)`.
fn full_text(name: &str, sql: &str, tables: &[Table]) -> Option<FullText> {
    let args = sql.get(sql.find('(')? + 1..sql.rfind(')')?)?;
    let mut columns = Vec::new();
    let mut content = None;
    for arg in args.split(',') {
        let arg = arg.trim();
        if let Some((key, value)) = arg.split_once('=') {
            if key.trim().eq_ignore_ascii_case("content") {
                content = Some(value.trim().trim_matches(['\'', '"']).to_owned());
            }
        } else if !arg.is_empty() {
            columns.push(arg.trim_matches(['\'', '"', '`']).to_owned());
        }
    }
    // An FTS table with its own copy of the text has no content table to index in
    // PostgreSQL; tally's are all external-content.
    let table = tables
        .iter()
        .position(|t| Some(&t.name) == content.as_ref())?;
    let columns = columns
        .iter()
        .map(|c| tables[table].column(c))
        .collect::<Option<Vec<_>>>()?;
    Some(FullText {
        name: name.to_owned(),
        table,
        columns,
    })
}

fn read_table(conn: &Connection, name: &str) -> rusqlite::Result<Table> {
    let mut st = conn.prepare(&format!("PRAGMA table_info({})", quote(name)))?;
    let info: Vec<(String, String, bool, i64)> = st
        .query_map([], |r| Ok((r.get(1)?, r.get(2)?, r.get(3)?, r.get(5)?)))?
        .collect::<Result<_, _>>()?;
    let columns: Vec<Column> = info
        .iter()
        .map(|(name, declared, not_null, pk)| Column {
            name: name.clone(),
            ty: Type::from_declared(declared),
            // A primary key column is never null in PostgreSQL anyway.
            not_null: *not_null || *pk > 0,
        })
        .collect();
    let mut pk: Vec<(i64, usize)> = info
        .iter()
        .enumerate()
        .filter(|(_, c)| c.3 > 0)
        .map(|(i, c)| (c.3, i))
        .collect();
    pk.sort_unstable();
    let pk: Vec<usize> = pk.into_iter().map(|(_, i)| i).collect();
    let without_rowid: bool = conn
        .query_row(
            "SELECT sql LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE name = ?1",
            [name],
            |r| r.get(0),
        )
        .unwrap_or(false);
    // A single INTEGER PRIMARY KEY column of a rowid table is the rowid itself.
    let rowid = match pk.as_slice() {
        [only] if !without_rowid && info[*only].1.eq_ignore_ascii_case("INTEGER") => Some(*only),
        _ => None,
    };
    let mut unique = Vec::new();
    let mut indexes = Vec::new();
    let mut st = conn.prepare(&format!("PRAGMA index_list({})", quote(name)))?;
    let list: Vec<(String, bool, String, bool)> = st
        .query_map([], |r| Ok((r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<Result<_, _>>()?;
    for (index, is_unique, origin, partial) in list {
        if origin == "pk" || partial {
            continue;
        }
        let mut st = conn.prepare(&format!("PRAGMA index_info({})", quote(&index)))?;
        let cids: Vec<i64> = st.query_map([], |r| r.get(1))?.collect::<Result<_, _>>()?;
        // An expression column has cid -2; such an index is left out.
        let Some(cols) = cids
            .iter()
            .map(|&c| usize::try_from(c).ok().filter(|&c| c < columns.len()))
            .collect::<Option<Vec<usize>>>()
        else {
            continue;
        };
        if origin == "u" {
            unique.push(cols);
        } else {
            indexes.push(Index {
                name: index,
                columns: cols,
                unique: is_unique,
            });
        }
    }
    // index_list lists the newest first; the first declared constraint is the natural key.
    unique.reverse();
    Ok(Table {
        name: name.to_owned(),
        columns,
        pk,
        rowid,
        unique,
        indexes,
        refs: Vec::new(),
        kind: Kind::Other,
        doc_column: None,
        merge_min: Vec::new(),
    })
}

/// Orders tables so a referenced table comes before those referring to it (self-references
/// aside), keeping the store's order otherwise.
fn order(schema: &mut Schema) {
    let n = schema.tables.len();
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        let before = order.len();
        for i in 0..n {
            if !placed[i]
                && schema.tables[i]
                    .refs
                    .iter()
                    .all(|r| r.target == i || placed[r.target])
            {
                placed[i] = true;
                order.push(i);
            }
        }
        if order.len() == before {
            // A reference cycle: keep the rest in store order.
            order.extend((0..n).filter(|&i| !placed[i]));
            break;
        }
    }
    let mut new_index = vec![0; n];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut tables: Vec<Table> = order.iter().map(|&i| schema.tables[i].clone()).collect();
    for t in &mut tables {
        for r in &mut t.refs {
            r.target = new_index[r.target];
        }
    }
    for f in &mut schema.full_text {
        f.table = new_index[f.table];
    }
    schema.tables = tables;
    schema.root = new_index[schema.root];
}

/// An SQL identifier in double quotes (both SQLite and PostgreSQL).
pub fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn store_schema() -> Schema {
        let store = tally_store::Store::open_in_memory().unwrap();
        read(store.connection(), "mem").unwrap()
    }

    #[test]
    fn reads_the_store_schema_with_its_special_cases() {
        let schema = store_schema();
        assert_eq!(schema.version, tally_store::schema::SCHEMA_VERSION);
        let table = |name: &str| &schema.tables[schema.table(name).unwrap()];
        assert_eq!(schema.tables[schema.root].name, "documents");
        for (name, key) in [("documents", "id"), ("claims", "key"), ("sources", "name")] {
            let t = table(name);
            assert_eq!(t.kind, Kind::Keyed, "{name}");
            let natural: Vec<&str> = t
                .natural_key()
                .unwrap()
                .iter()
                .map(|&c| t.columns[c].name.as_str())
                .collect();
            assert_eq!(natural, [key], "{name}");
        }
        for name in [
            "document_text",
            "entities",
            "claim_instances",
            "figures",
            "lsh_bands",
        ] {
            assert_eq!(table(name).kind, Kind::Child, "{name}");
        }
        assert_eq!(table("inputs").kind, Kind::Other);
        // Referenced tables come first.
        let at = |name: &str| schema.table(name).unwrap();
        assert!(at("sources") < at("documents") && at("documents") < at("claims"));
        assert!(at("claims") < at("claim_instances"));
        // No FTS5 shadow tables; both FTS5 tables found over their content tables.
        assert!(schema.tables.iter().all(|t| !t.name.contains("_fts")));
        let mut fts: Vec<(&str, &str)> = schema
            .full_text
            .iter()
            .map(|f| (f.name.as_str(), schema.tables[f.table].name.as_str()))
            .collect();
        fts.sort_unstable();
        assert_eq!(
            fts,
            [("claims_fts", "claims"), ("documents_fts", "document_text")]
        );
        let docs = table("documents");
        let cluster = docs.column("cluster_id").unwrap();
        assert!(
            docs.refs
                .iter()
                .any(|r| r.column == cluster && r.target == schema.root)
        );
        let claims = table("claims");
        assert_eq!(
            claims.merge_min,
            [MergeMin {
                column: claims.column("said_date").unwrap(),
                follow: vec![claims.column("day").unwrap()],
            }]
        );
    }

    proptest! {
        #[test]
        fn any_virtual_table_sql_parses_without_panic(sql in ".{0,80}") {
            let schema = store_schema();
            let _ = full_text("x", &sql, &schema.tables);
            let _ = is_virtual(&sql);
            let _ = Type::from_declared(&sql);
        }
    }
}
