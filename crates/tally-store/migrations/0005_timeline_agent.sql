-- Schema version 5: the timeline's covering index carries a figure's agent.
--
-- Version 4 stored the agent (`agent_text`, `agent_entity`) but left `figures_timeline`
-- as it was, so a timeline, which reads only that index, could not show who did the harm
-- ("12 killed (by Russian drones and missiles)"). The two columns go at the end of the
-- index: the key's leading columns (measure, subject_entity, date) still drive every
-- timeline's range scan, and the scan still never visits the figures table.
--
-- Rebuilding the index reads the figures table once (a few seconds per million figures);
-- old rows' agents are NULL, as in version 4.

DROP INDEX figures_timeline;
CREATE INDEX figures_timeline ON figures(
    measure, subject_entity, date, place_entity, place_text, subject_text, claim_pk,
    low, best, high, open_high, unit, raw, hedges, agent_text, agent_entity);
