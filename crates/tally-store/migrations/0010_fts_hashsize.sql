-- Schema version 10: the full-text indexes hold up to 8 MiB of new terms in memory.
--
-- FTS5 keeps the terms of rows inserted in a transaction in a hash table and writes them
-- out as a new index segment when the transaction commits, a savepoint opens, or the
-- table passes `hashsize` (default 1 MiB). The writer indexes a batch of documents (512,
-- about 1.5 MB of text) at its end; at 1 MiB a batch's terms were cut into two or three
-- small segments mid-batch, each sorted and written, and every extra segment was merged
-- again later. At 8 MiB a batch is one segment; the index holds the same terms,
-- positions and statistics (searches, ranks and snippets are unchanged), in fewer and
-- larger segments. The setting is stored in the tables' `_config` rows, so it holds for
-- every connection; the memory it allows (8 MiB per table at most, and only while a batch
-- is being indexed) is within the ingest bound.

INSERT INTO documents_fts (documents_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO claims_fts (claims_fts, rank) VALUES ('hashsize', 8388608);
