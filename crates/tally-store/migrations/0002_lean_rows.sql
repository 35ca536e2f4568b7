-- Schema version 2: fewer, denser rows, for a faster write path and faster queries.
--
-- 1. The large per-document values (body, full metadata, layer list, diagnostics) move out
--    of `documents` into `document_text`, so a documents row is a few hundred bytes and a
--    query that joins documents for a url or a publisher reads dense pages, not one page
--    per article. The document full-text index now reads its text from `document_text`.
-- 2. Lists only ever read whole become JSON columns instead of one row per item: the
--    paragraph and sentence spans (in document_text), an entity's mentions (in entities),
--    a claim carrier's evidence spans (in claim_instances). That removes about half of the
--    rows an article writes.
-- 3. A covering index answers timelines without visiting the figures table.
-- 4. The claimant-name index goes: every query matches claimant names by substring or
--    groups them case-folded, which no index serves, and each claim paid to maintain it.

CREATE TABLE document_text (
    pk          INTEGER PRIMARY KEY,  -- documents.pk
    title       TEXT,                 -- a copy of documents.title, for the full-text index
    body        TEXT NOT NULL,
    paragraphs  TEXT NOT NULL,        -- JSON list of [start, end]
    sentences   TEXT NOT NULL,        -- JSON list of [start, end]
    meta_json   TEXT NOT NULL,        -- the full DocumentMeta
    layers      TEXT NOT NULL,        -- JSON list of the layers present when stored
    diagnostics TEXT NOT NULL         -- JSON list of Diagnostic
);
INSERT INTO document_text (pk, title, body, paragraphs, sentences, meta_json, layers, diagnostics)
SELECT d.pk, d.title, d.body,
    coalesce((SELECT json_group_array(json_array(p.start, p.end) ORDER BY p.idx)
              FROM paragraphs p WHERE p.doc_pk = d.pk), '[]'),
    coalesce((SELECT json_group_array(json_array(s.start, s.end) ORDER BY s.idx)
              FROM sentences s WHERE s.doc_pk = d.pk), '[]'),
    d.meta_json, d.layers, d.diagnostics
FROM documents d;

DROP TABLE documents_fts;
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body, content = 'document_text', content_rowid = 'pk',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');

ALTER TABLE documents DROP COLUMN body;
ALTER TABLE documents DROP COLUMN meta_json;
ALTER TABLE documents DROP COLUMN layers;
ALTER TABLE documents DROP COLUMN diagnostics;
DROP TABLE paragraphs;
DROP TABLE sentences;

ALTER TABLE entities ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]'; -- JSON list of [start, end]
UPDATE entities SET mentions = coalesce(
    (SELECT json_group_array(json_array(m.start, m.end) ORDER BY m.start)
     FROM mentions m WHERE m.doc_pk = entities.doc_pk AND m.entity_id = entities.id), '[]');
DROP TABLE mentions;

ALTER TABLE claim_instances ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]'; -- JSON list of [start, end]
UPDATE claim_instances SET evidence = coalesce(
    (SELECT json_group_array(json_array(e.start, e.end) ORDER BY e.idx)
     FROM evidence e WHERE e.doc_pk = claim_instances.doc_pk AND e.claim_id = claim_instances.id), '[]');
DROP TABLE evidence;

-- Timelines select by measure and subject (or place) and read the range, the wording and
-- the claim; with every column in the index, a timeline is one range scan.
DROP INDEX figures_timeline;
CREATE INDEX figures_timeline ON figures(
    measure, subject_entity, date, place_entity, place_text, subject_text, claim_pk,
    low, best, high, open_high, unit, raw, hedges);

DROP INDEX claims_claimant;
