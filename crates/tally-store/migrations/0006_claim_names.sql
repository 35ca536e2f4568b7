-- Schema version 6: claims are searchable by the names their article writes.
--
-- A claim is stored under its claimant's canonical name ("Volodymyr Zelensky"), so a
-- search for the article's own spelling ("Zelenskyy") found the article but none of his
-- claims. `names` holds the capitalized words of the claimant's mentions and of the
-- claim's figures' subject and agent phrases that neither the claimant name nor the
-- content already has ("President Zelenskyy"); NULL when there are none, which is most
-- claims, so most rows and index entries do not grow.
--
-- FTS5 tables cannot gain a column, so the claims index is rebuilt with a third column
-- (it reads the content table once: about a second per 100,000 claims). Claims stored
-- before this version have no names (NULL): `tally ingest --replace` fills them.

ALTER TABLE claims ADD COLUMN names TEXT;
DROP TABLE claims_fts;
CREATE VIRTUAL TABLE claims_fts USING fts5(
    content, claimant_name, names, content = 'claims', content_rowid = 'pk',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
