-- Schema version 3: claim carriers are stored in document order.
--
-- `claim_instances` was keyed by (claim_pk, doc_pk, id). Most carriers of a syndicated
-- corpus belong to claims stored earlier (a wire quote in its tenth copy), so each
-- document's carriers were inserted all over the table, and every batch rewrote a page of
-- the table for nearly every carrier it added: on a 9,631-document slice, 27 % of the bytes
-- written (WAL frames and checkpoints) and 11 % of the CPU of inserting the rows. Keyed by
-- (doc_pk, claim_pk, id) a document's carriers are appended at the end of the table; the
-- random inserts go to a narrow index of claim_pk (with the key appended), a quarter of
-- the table's size.
--
-- The same columns and the same uniqueness (the key has the same three columns, so
-- `INSERT OR IGNORE` ignores what it ignored before), and the same two orders: the table
-- is in the order of the old `claim_instances_doc` index (doc_pk, then the old key's
-- claim_pk, id), and `claim_instances_claim` in the old key's (claim_pk, doc_pk, id).
-- Queries whose output follows scan order (a claim's carriers listed without ORDER BY, the
-- name a case-insensitive group of claimants shows) see the rows in the order they did.

CREATE TABLE claim_instances_v3 (
    claim_pk     INTEGER NOT NULL REFERENCES claims(pk),
    doc_pk       INTEGER NOT NULL REFERENCES documents(pk),
    id           TEXT NOT NULL,     -- the per-document Claim::id
    speaker_id   TEXT,
    cue_start    INTEGER,
    cue_end      INTEGER,
    said_date    TEXT,
    said_basis   TEXT,
    said_time_id TEXT,
    about_times  TEXT NOT NULL,     -- JSON list of time ids
    figures      TEXT NOT NULL,     -- JSON list of figure ids
    entities     TEXT NOT NULL,     -- JSON list of entity ids
    conditions   TEXT NOT NULL,     -- JSON list
    attributions TEXT NOT NULL,     -- JSON list of attribution ids
    rules        TEXT NOT NULL,     -- JSON list of rule names
    evidence     TEXT NOT NULL,     -- JSON list of [start, end]
    PRIMARY KEY (doc_pk, claim_pk, id)
) WITHOUT ROWID;
INSERT INTO claim_instances_v3 (claim_pk, doc_pk, id, speaker_id, cue_start, cue_end,
    said_date, said_basis, said_time_id, about_times, figures, entities, conditions,
    attributions, rules, evidence)
SELECT claim_pk, doc_pk, id, speaker_id, cue_start, cue_end, said_date, said_basis,
    said_time_id, about_times, figures, entities, conditions, attributions, rules, evidence
FROM claim_instances ORDER BY doc_pk, claim_pk, id;
DROP TABLE claim_instances;
ALTER TABLE claim_instances_v3 RENAME TO claim_instances;
-- A WITHOUT ROWID table's index entries end with the key's other columns, so this index
-- is (claim_pk, doc_pk, id): a claim's carriers in the old key's order.
CREATE INDEX claim_instances_claim ON claim_instances(claim_pk);
