-- Schema version 8: each document's dateline place ("GAZA CITY" of "GAZA CITY (AP) — ").
--
-- A story filed from Gaza often writes its toll with no place ("killed at least 30
-- people"), so `tally timeline --place Gaza` missed it. The timeline's place filter falls
-- back to the document's dateline for figures without a place phrase. NULL for documents
-- without a dateline (most). The store's code (`dateline::backfill`) fills it for the
-- documents already stored from their stored bodies, in this migration's transaction.
ALTER TABLE documents ADD COLUMN dateline TEXT;
