-- Schema version 4: a figure's agent.
--
-- Figures carry an `agent` (tally-core `Figure.agent`): who did the harm a loss figure
-- counts ("Russian drones and missiles struck Kharkiv, killing at least 12 people":
-- `Russian drones and missiles`, `RU`). The store kept the subject and place but not the
-- agent, so the exports, the server and the Parquet files had no actor for an event.
--
-- Two nullable columns at the end of the table: `ADD COLUMN` rewrites no row (SQLite reads
-- a missing trailing column as NULL), so a store of any size upgrades at once and its old
-- rows' agents are NULL (they were never extracted into the store; re-ingest to fill them).
-- No index: no query filters or groups by the agent yet, and each index is paid on every
-- ingested figure. The timeline's covering index is unchanged for the same reason.

ALTER TABLE figures ADD COLUMN agent_text TEXT;
ALTER TABLE figures ADD COLUMN agent_entity TEXT;
