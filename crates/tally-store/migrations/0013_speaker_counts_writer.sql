-- Schema version 13: the writer keeps `speaker_counts`, not triggers.
--
-- Schema 12's triggers ran once per claim carrier (about 3.8 us each, +8-13 % CPU on
-- `tally ingest`). The writer now adds each new document's claimants once its carriers
-- are written (one statement per commit, one upsert per claimant) and marks a replaced document's
-- claimants stale, before and after, for the recount from `speaker_counts_rows` it
-- already ran before each commit. The table, its index and the view stay; the rows are
-- the same (a refill from the view must still equal them). Every commit left the stale
-- list empty, so the kept rows need no refill here.
DROP TRIGGER IF EXISTS speaker_counts_carrier_added;
DROP TRIGGER IF EXISTS speaker_counts_carrier_deleted;
