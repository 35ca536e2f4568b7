//! The PostgreSQL side of the schema: the store's tables with the same columns, keys and
//! indexes, full-text indexes for the FTS5 tables, and the version record.

use crate::sqlite::{Index, Kind, Schema, Table, quote};

/// The table recording which store schema version a PostgreSQL schema holds.
pub const META: &str = "tally_meta";

/// Text longer than this is cut before it is indexed for full-text search: PostgreSQL
/// refuses a `tsvector` over 1 MB, and one huge body must not fail a whole push.
pub const FULL_TEXT_CHARS: usize = 300_000;

/// The text search configuration: `simple` lowercases and splits words without stemming,
/// like the store's `unicode61` tokenizer.
pub const TEXT_SEARCH_CONFIG: &str = "simple";

/// Leading columns an index keeps in PostgreSQL. The store's covering indexes append
/// every column a query reads so SQLite never visits the table; PostgreSQL reads the heap
/// anyway, and a long text in an index entry could exceed its 2.7 kB limit.
pub const INDEX_COLUMNS: usize = 3;

/// `schema.table`, quoted.
pub fn qualified(schema: &str, table: &str) -> String {
    format!("{}.{}", quote(schema), quote(table))
}

/// The statements creating everything, each idempotent (`IF NOT EXISTS`).
pub fn statements(pg_schema: &str, schema: &Schema) -> Vec<String> {
    let mut out = vec![
        format!("CREATE SCHEMA IF NOT EXISTS {}", quote(pg_schema)),
        format!(
            "CREATE TABLE IF NOT EXISTS {} (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            qualified(pg_schema, META)
        ),
    ];
    for table in &schema.tables {
        out.push(create_table(pg_schema, table));
        for index in &table.indexes {
            let cols: Vec<String> = index_columns(index)
                .map(|c| quote(&table.columns[c].name))
                .collect();
            out.push(format!(
                "CREATE {}INDEX IF NOT EXISTS {} ON {} ({})",
                if index.unique { "UNIQUE " } else { "" },
                quote(&index.name),
                qualified(pg_schema, &table.name),
                cols.join(", ")
            ));
        }
        // PostgreSQL does not index foreign keys by itself; a child's document column
        // leads its primary key already, others get an index for the joins.
        for r in &table.refs {
            let covered = table.pk.first() == Some(&r.column)
                || table.unique.iter().any(|u| u.first() == Some(&r.column))
                || table
                    .indexes
                    .iter()
                    .any(|i| i.columns.first() == Some(&r.column));
            if !covered {
                let column = &table.columns[r.column].name;
                out.push(format!(
                    "CREATE INDEX IF NOT EXISTS {} ON {} ({})",
                    quote(&format!("{}_{}", table.name, column)),
                    qualified(pg_schema, &table.name),
                    quote(column)
                ));
            }
        }
    }
    for fts in &schema.full_text {
        let table = &schema.tables[fts.table];
        let expr = tsvector(table, &fts.columns);
        out.push(format!(
            "CREATE INDEX IF NOT EXISTS {} ON {} USING gin ({expr})",
            quote(&full_text_index(&fts.name)),
            qualified(pg_schema, &table.name),
        ));
        // A view under the FTS table's name: `WHERE fts @@ websearch_to_tsquery(...)`
        // uses the index (the view's expression is the index's).
        let key = table
            .pk
            .first()
            .map_or_else(|| "ctid".to_owned(), |&c| quote(&table.columns[c].name));
        let cols: Vec<String> = fts
            .columns
            .iter()
            .map(|&c| quote(&table.columns[c].name))
            .collect();
        out.push(format!(
            "CREATE OR REPLACE VIEW {} AS SELECT {key} AS rowid, {}, {expr} AS fts FROM {}",
            qualified(pg_schema, &fts.name),
            cols.join(", "),
            qualified(pg_schema, &table.name),
        ));
    }
    out
}

/// The columns an index has in PostgreSQL: a unique one all of the store's, another the
/// first [`INDEX_COLUMNS`].
pub fn index_columns(index: &Index) -> impl Iterator<Item = usize> + '_ {
    let n = if index.unique {
        usize::MAX
    } else {
        INDEX_COLUMNS
    };
    index.columns.iter().copied().take(n)
}

/// The GIN index of a full-text view. Indexes and views share one namespace: the view takes
/// the FTS table's name.
pub fn full_text_index(fts: &str) -> String {
    format!("{fts}_gin")
}

/// The indexed expression: the columns joined by spaces, cut at [`FULL_TEXT_CHARS`].
fn tsvector(table: &Table, columns: &[usize]) -> String {
    let text: Vec<String> = columns
        .iter()
        .map(|&c| format!("coalesce({}, '')", quote(&table.columns[c].name)))
        .collect();
    format!(
        "(to_tsvector('{TEXT_SEARCH_CONFIG}'::regconfig, left({}, {FULL_TEXT_CHARS})))",
        text.join(" || ' ' || ")
    )
}

fn create_table(pg_schema: &str, table: &Table) -> String {
    let mut parts: Vec<String> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut def = format!("{} {}", quote(&c.name), c.ty.pg());
            if table.kind == Kind::Keyed && table.rowid == Some(i) {
                // Rows pushed get new ids from PostgreSQL; the store's are local to it.
                def.push_str(" GENERATED BY DEFAULT AS IDENTITY");
            }
            if c.not_null {
                def.push_str(" NOT NULL");
            }
            def
        })
        .collect();
    if !table.pk.is_empty() {
        parts.push(format!("PRIMARY KEY ({})", names(table, &table.pk)));
    }
    for unique in &table.unique {
        parts.push(format!("UNIQUE ({})", names(table, unique)));
    }
    format!(
        "CREATE TABLE IF NOT EXISTS {} (\n    {}\n)",
        qualified(pg_schema, &table.name),
        parts.join(",\n    ")
    )
}

/// Quoted column names, comma-separated.
pub fn names(table: &Table, columns: &[usize]) -> String {
    columns
        .iter()
        .map(|&c| quote(&table.columns[c].name))
        .collect::<Vec<_>>()
        .join(", ")
}
