-- Schema version 12: the speakers list reads counts the writer keeps.
--
-- The speakers list (`tally speakers`, `/api/speakers`) grouped every claim carrier by
-- claimant for each page (50-67 ms at 100,000 documents). `speaker_counts` holds one row
-- per claimant (case-folded name, kind, anonymity): distinct claims, documents, the role
-- and affiliation (the greatest found, as the list showed), and the name shown (the
-- greatest spelling in the newest document carrying them). `speaker_counts_rank` gives the
-- list's order as an index walk. A name filter still groups the carriers (it matches the
-- claims' written names too).
--
-- Kept by triggers, so no writer can miss them: a carrier added counts its claim when it
-- is the claim's first carrier and its document when it is the claimant's first carrier
-- there. A carrier deleted (a document replaced) marks its claimant in
-- `speaker_counts_stale`; the writer recomputes those rows from `speaker_counts_rows`
-- before each commit (a greatest value cannot be lowered by a count), in the same
-- transaction. `speaker_counts_rows` is the definition: this migration fills the table
-- from it, and a refill from it must equal the kept rows.
-- All derived: a store whose version was set back by hand (as tests do to replay older
-- steps) gets them made again from its rows.
DROP TRIGGER IF EXISTS speaker_counts_carrier_added;
DROP TRIGGER IF EXISTS speaker_counts_carrier_deleted;
DROP VIEW IF EXISTS speaker_counts_rows;
DROP TABLE IF EXISTS speaker_counts;
DROP TABLE IF EXISTS speaker_counts_stale;

CREATE TABLE speaker_counts (
    name_key  TEXT NOT NULL,
    kind      TEXT NOT NULL,
    anonymous INTEGER NOT NULL,
    name      TEXT NOT NULL,
    name_doc  INTEGER NOT NULL,
    claims    INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    role        TEXT,
    affiliation TEXT,
    PRIMARY KEY (name_key, kind, anonymous)
) WITHOUT ROWID;

CREATE TABLE speaker_counts_stale (
    name_key  TEXT NOT NULL,
    kind      TEXT NOT NULL,
    anonymous INTEGER NOT NULL,
    PRIMARY KEY (name_key, kind, anonymous)
) WITHOUT ROWID;

CREATE VIEW speaker_counts_rows AS
WITH per_doc AS (
    SELECT lower(c.claimant_name) AS name_key, c.claimant_kind AS kind,
        c.claimant_anonymous AS anonymous, i.doc_pk, max(c.claimant_name) AS name,
        max(s.role) AS role, max(s.affiliation) AS affiliation
    FROM claims c
    JOIN claim_instances i ON i.claim_pk = c.pk
    LEFT JOIN speakers s ON s.doc_pk = i.doc_pk AND s.id = i.speaker_id
    GROUP BY 1, 2, 3, 4
), claim_count AS (
    SELECT lower(c.claimant_name) AS name_key, c.claimant_kind AS kind,
        c.claimant_anonymous AS anonymous, count(*) AS claims
    FROM claims c
    WHERE EXISTS (SELECT 1 FROM claim_instances i WHERE i.claim_pk = c.pk)
    GROUP BY 1, 2, 3
), newest AS (
    -- The bare `name` comes from the row of max(doc_pk).
    SELECT name_key, kind, anonymous, name, max(doc_pk) AS name_doc, count(*) AS documents
    FROM per_doc
    GROUP BY 1, 2, 3
), found AS (
    SELECT name_key, kind, anonymous, max(role) AS role, max(affiliation) AS affiliation
    FROM per_doc
    GROUP BY 1, 2, 3
)
SELECT n.name_key, n.kind, n.anonymous, n.name, n.name_doc, k.claims, n.documents, f.role,
    f.affiliation
FROM newest n JOIN claim_count k USING (name_key, kind, anonymous)
JOIN found f USING (name_key, kind, anonymous);

INSERT INTO speaker_counts SELECT * FROM speaker_counts_rows;

CREATE INDEX speaker_counts_rank ON speaker_counts(claims DESC, documents DESC, name);

CREATE TRIGGER speaker_counts_carrier_added AFTER INSERT ON claim_instances BEGIN
    INSERT INTO speaker_counts (name_key, kind, anonymous, name, name_doc, claims, documents,
        role, affiliation)
    SELECT lower(c.claimant_name), c.claimant_kind, c.claimant_anonymous, c.claimant_name,
        NEW.doc_pk,
        NOT EXISTS (SELECT 1 FROM claim_instances o WHERE o.claim_pk = NEW.claim_pk
            AND (o.doc_pk, o.id) IS NOT (NEW.doc_pk, NEW.id)),
        NOT EXISTS (SELECT 1 FROM claim_instances o JOIN claims oc ON oc.pk = o.claim_pk
            WHERE o.doc_pk = NEW.doc_pk AND (o.claim_pk, o.id) IS NOT (NEW.claim_pk, NEW.id)
            AND lower(oc.claimant_name) = lower(c.claimant_name)
            AND oc.claimant_kind = c.claimant_kind
            AND oc.claimant_anonymous = c.claimant_anonymous),
        s.role, s.affiliation
    FROM claims c LEFT JOIN speakers s ON s.doc_pk = NEW.doc_pk AND s.id = NEW.speaker_id
    WHERE c.pk = NEW.claim_pk
    ON CONFLICT (name_key, kind, anonymous) DO UPDATE SET
        claims = claims + excluded.claims,
        documents = documents + excluded.documents,
        name = CASE WHEN excluded.name_doc > name_doc THEN excluded.name
            WHEN excluded.name_doc = name_doc THEN max(name, excluded.name) ELSE name END,
        name_doc = max(name_doc, excluded.name_doc),
        role = max(coalesce(role, excluded.role), coalesce(excluded.role, role)),
        affiliation = max(coalesce(affiliation, excluded.affiliation),
            coalesce(excluded.affiliation, affiliation));
END;

CREATE TRIGGER speaker_counts_carrier_deleted AFTER DELETE ON claim_instances BEGIN
    INSERT OR IGNORE INTO speaker_counts_stale (name_key, kind, anonymous)
    SELECT lower(c.claimant_name), c.claimant_kind, c.claimant_anonymous
    FROM claims c WHERE c.pk = OLD.claim_pk;
END;
