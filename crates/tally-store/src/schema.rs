//! Schema versions and migrations.
//!
//! The schema version lives in SQLite's `user_version`. Each migration is a SQL file under
//! `migrations/`, applied in its own transaction together with the version bump, so a crash
//! mid-migration leaves the database at the previous version. Never edit a released
//! migration: add a new one, so existing databases move forward without a rebuild.

use rusqlite::Connection;

use crate::StoreError;

/// One schema step.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// The version the database has after this step (1, 2, ...).
    pub version: i64,
    /// A short name for messages.
    pub name: &'static str,
    /// The SQL, run as one batch.
    pub sql: &'static str,
    /// Work SQL alone cannot do, run after `sql` in the same transaction.
    pub then: Option<fn(&Connection) -> rusqlite::Result<()>>,
}

/// Every migration, in order. The last one's version is [`SCHEMA_VERSION`].
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "init",
        sql: include_str!("../migrations/0001_init.sql"),
        then: None,
    },
    Migration {
        version: 2,
        name: "lean rows",
        sql: include_str!("../migrations/0002_lean_rows.sql"),
        then: None,
    },
    Migration {
        version: 3,
        name: "carriers by document",
        sql: include_str!("../migrations/0003_carriers_by_document.sql"),
        then: None,
    },
    Migration {
        version: 4,
        name: "figure agent",
        sql: include_str!("../migrations/0004_figure_agent.sql"),
        then: None,
    },
    Migration {
        version: 5,
        name: "timeline agent",
        sql: include_str!("../migrations/0005_timeline_agent.sql"),
        then: None,
    },
    Migration {
        version: 6,
        name: "claim names",
        sql: include_str!("../migrations/0006_claim_names.sql"),
        then: None,
    },
    Migration {
        version: 7,
        name: "claim names of older claims",
        sql: include_str!("../migrations/0007_claim_names_backfill.sql"),
        then: Some(crate::written::backfill),
    },
    Migration {
        version: 8,
        name: "dateline places",
        sql: include_str!("../migrations/0008_dateline.sql"),
        then: Some(crate::dateline::backfill),
    },
    Migration {
        version: 9,
        name: "timeline noun",
        sql: include_str!("../migrations/0009_timeline_noun.sql"),
        then: None,
    },
    Migration {
        version: 10,
        name: "full-text hash size",
        sql: include_str!("../migrations/0010_fts_hashsize.sql"),
        then: None,
    },
    Migration {
        version: 11,
        name: "claim day",
        sql: include_str!("../migrations/0011_claim_day.sql"),
        then: Some(crate::claim_day::backfill),
    },
    Migration {
        version: 12,
        name: "speaker counts",
        sql: include_str!("../migrations/0012_speaker_counts.sql"),
        then: None,
    },
    Migration {
        version: 13,
        name: "speaker counts by the writer",
        sql: include_str!("../migrations/0013_speaker_counts_writer.sql"),
        then: None,
    },
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 13;

/// The database's schema version (0 for a new, empty file).
///
/// # Errors
/// [`StoreError::Sqlite`] when the pragma cannot be read.
pub fn version(conn: &Connection, path: &str) -> Result<i64, StoreError> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|source| StoreError::Sqlite {
            path: path.to_owned(),
            source,
        })
}

/// Brings the database up to the last of `migrations`, applying each missing step in its own
/// transaction. Returns the versions applied.
///
/// # Errors
/// [`StoreError::TooNew`] when the file is newer than the last migration;
/// [`StoreError::Migration`] naming the step that failed (earlier steps stay applied).
pub fn migrate(
    conn: &mut Connection,
    path: &str,
    migrations: &[Migration],
) -> Result<Vec<i64>, StoreError> {
    let current = version(conn, path)?;
    let supported = migrations.last().map_or(0, |m| m.version);
    if current > supported {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found: current,
            supported,
        });
    }
    if current == 0 && has_tables(conn, path)? {
        return Err(StoreError::NotAStore {
            path: path.to_owned(),
        });
    }
    let mut applied = Vec::new();
    for migration in migrations.iter().filter(|m| m.version > current) {
        let fail = |source| StoreError::Migration {
            path: path.to_owned(),
            version: migration.version,
            name: migration.name,
            source,
        };
        // IMMEDIATE takes the write lock before the version is read again: two commands
        // opening the same old file at once (a search beside an ingest) must not both
        // apply a step; the second finds it done and skips it.
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(fail)?;
        let now: i64 = tx
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(fail)?;
        if now >= migration.version {
            continue;
        }
        tx.execute_batch(migration.sql).map_err(fail)?;
        if let Some(then) = migration.then {
            then(&tx).map_err(fail)?;
        }
        // `user_version` takes no bound parameters; the value is our own integer.
        tx.execute_batch(&format!("PRAGMA user_version = {}", migration.version))
            .map_err(fail)?;
        tx.commit().map_err(fail)?;
        applied.push(migration.version);
    }
    Ok(applied)
}

/// Whether the file already holds tables: a version-0 file with tables was made by another
/// program (every tally store has set its version since the first migration).
fn has_tables(conn: &Connection, path: &str) -> Result<bool, StoreError> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%')",
        [],
        |row| row.get(0),
    )
    .map_err(|source| StoreError::Sqlite {
        path: path.to_owned(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEXT: Migration = Migration {
        version: SCHEMA_VERSION + 1,
        name: "add note",
        sql: "ALTER TABLE documents ADD COLUMN note TEXT;",
        then: None,
    };

    fn insert_document(conn: &Connection) {
        conn.execute_batch(
            "INSERT INTO documents (pk, id, content_hash, cluster_id, ingested_at)
                 VALUES (1, 'd1', 'h', 1, 'now');
             INSERT INTO document_text (pk, title, body, paragraphs, sentences, meta_json, layers, diagnostics)
                 VALUES (1, NULL, 'text', '[[0,4]]', '[[0,4]]', '{}', '[]', '[]');",
        )
        .unwrap();
    }

    #[test]
    fn last_migration_is_schema_version() {
        assert_eq!(MIGRATIONS.last().map(|m| m.version), Some(SCHEMA_VERSION));
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1, "versions are consecutive");
        }
    }

    #[test]
    fn migrates_forward_keeping_rows_and_is_idempotent() {
        let mut conn = Connection::open_in_memory().unwrap();
        let all: Vec<i64> = MIGRATIONS.iter().map(|m| m.version).collect();
        assert_eq!(migrate(&mut conn, "mem", MIGRATIONS).unwrap(), all);
        insert_document(&conn);
        assert!(migrate(&mut conn, "mem", MIGRATIONS).unwrap().is_empty());
        let with_next: Vec<Migration> = MIGRATIONS.iter().copied().chain([NEXT]).collect();
        assert_eq!(
            migrate(&mut conn, "mem", &with_next).unwrap(),
            vec![SCHEMA_VERSION + 1]
        );
        let (id, note): (String, Option<String>) = conn
            .query_row("SELECT id, note FROM documents", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((id.as_str(), note), ("d1", None));
        assert_eq!(version(&conn, "mem").unwrap(), SCHEMA_VERSION + 1);
    }

    #[test]
    fn full_text_tables_keep_a_batch_of_terms_in_memory() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, "mem", MIGRATIONS).unwrap();
        for table in ["documents_fts", "claims_fts"] {
            let size: i64 = conn
                .query_row(
                    &format!("SELECT v FROM {table}_config WHERE k = 'hashsize'"),
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(size, 8 << 20, "{table}");
        }
        // The setting changes how terms are written, not what a search finds.
        insert_document(&conn);
        conn.execute_batch(
            "INSERT INTO documents_fts (rowid, title, body) VALUES (1, NULL, 'text')",
        )
        .unwrap();
        let found: i64 = conn
            .query_row(
                "SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'text'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(found, 1);
    }

    #[test]
    fn refuses_another_programs_database_and_leaves_it_unchanged() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE notes (body TEXT);")
            .unwrap();
        let err = migrate(&mut conn, "notes.db", MIGRATIONS).unwrap_err();
        assert_eq!(err.code(), "S007");
        assert!(err.to_string().contains("not a tally store"), "{err}");
        assert_eq!(version(&conn, "notes.db").unwrap(), 0);
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 1);
    }

    #[test]
    fn refuses_a_newer_database() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("PRAGMA user_version = 99").unwrap();
        let err = migrate(&mut conn, "x.db", MIGRATIONS).unwrap_err();
        assert_eq!(err.code(), "S002");
        assert!(err.to_string().contains("99"));
    }

    #[test]
    fn failed_migration_leaves_previous_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        let bad = Migration {
            version: 2,
            name: "broken",
            sql: "CREATE TABLE ok (x); THIS IS NOT SQL;",
            then: None,
        };
        let err = migrate(&mut conn, "mem", &[MIGRATIONS[0], bad]).unwrap_err();
        assert_eq!(err.code(), "S003");
        assert_eq!(version(&conn, "mem").unwrap(), 1);
        let ok_exists: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'ok'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(ok_exists, 0, "the failed step rolled back entirely");
    }
}
