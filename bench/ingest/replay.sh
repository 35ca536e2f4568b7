#!/usr/bin/env bash
# Replays a stored database's rows into an empty copy of its schema, in transactions of 512
# documents as the ingest writer commits them, and prints the CPU seconds and bytes written:
# SQLite's B-tree, index and commit cost per schema variant, without the pipeline or the
# writer's own code. Full-text tables are left out. Not part of the tests.
#
#   bench/ingest/replay.sh SOURCE_DB ["SQL run after the schema, e.g. DROP INDEX x;"]
#
# SCHEMA=file replaces the source's schema (for a variant that changes a table's key).
# PAGE_SIZE (bytes), CACHE_KIB and AUTOCHECKPOINT (pages) replace the writer's settings;
# BATCH is the number of documents per transaction (512).
# Needs the sqlite3 shell. The replayed database is deleted afterwards.
set -euo pipefail
SRC=$1
VARIANT=${2:-}
OUT=$(mktemp -d)
if [ -z "${SCHEMA:-}" ]; then
    SCHEMA="$OUT/schema.sql"
    sqlite3 "$SRC" "SELECT sql || ';' FROM sqlite_schema WHERE sql IS NOT NULL
        AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%' ORDER BY rowid" > "$SCHEMA"
fi
DOCS=$(sqlite3 "$SRC" "SELECT max(pk) FROM documents")
{
    echo "PRAGMA page_size=${PAGE_SIZE:-16384}; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    echo "PRAGMA cache_size=-${CACHE_KIB:-32768}; PRAGMA wal_autocheckpoint=${AUTOCHECKPOINT:-16384};"
    cat "$SCHEMA"
    echo "$VARIANT"
    echo "ATTACH '$SRC' AS o;"
    STEP=${BATCH:-512}
    for ((a = 1; a <= DOCS; a += STEP)); do
        b=$((a + STEP - 1))
        echo "BEGIN;"
        echo "INSERT INTO documents SELECT * FROM o.documents WHERE pk BETWEEN $a AND $b;"
        echo "INSERT INTO document_text SELECT * FROM o.document_text WHERE pk BETWEEN $a AND $b;"
        for t in minhash lsh_bands source_chain entities speakers attributions times; do
            echo "INSERT INTO $t SELECT * FROM o.$t WHERE doc_pk BETWEEN $a AND $b ORDER BY doc_pk;"
        done
        echo "INSERT INTO claims SELECT * FROM o.claims WHERE first_doc_pk BETWEEN $a AND $b ORDER BY pk;"
        # By column name: the carriers' column order differs between schema versions.
        echo "INSERT INTO claim_instances (claim_pk, doc_pk, id, speaker_id, cue_start, cue_end,
            said_date, said_basis, said_time_id, about_times, figures, entities, conditions,
            attributions, rules, evidence)
            SELECT claim_pk, doc_pk, id, speaker_id, cue_start, cue_end, said_date, said_basis,
            said_time_id, about_times, figures, entities, conditions, attributions, rules, evidence
            FROM o.claim_instances WHERE doc_pk BETWEEN $a AND $b ORDER BY doc_pk;"
        echo "INSERT INTO figures SELECT * FROM o.figures WHERE doc_pk BETWEEN $a AND $b;"
        echo "COMMIT;"
    done
} > "$OUT/run.sql"
/usr/bin/time -f "CPU %U s user, %S s system; written %O blocks of 512 bytes" \
    sqlite3 -bail "$OUT/r.db" < "$OUT/run.sql" 2>&1 >/dev/null | tail -1
rm -rf "$OUT"
