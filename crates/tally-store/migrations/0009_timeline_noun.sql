-- Schema version 9: the timeline's covering index carries a figure's counted noun.
--
-- Within one story, "killing at least 47 people, including nine children" and "31 people
-- were killed" flagged "nine" against "31": a count of another counted noun (children,
-- women, soldiers) in the same story is a part of its toll, not a rival estimate. The
-- timeline reads only `figures_timeline`, which lacked `noun` (stored since version 1),
-- so the column goes at the end of the index, as version 5 did for the agent: the key's
-- leading columns (measure, subject_entity, date) still drive every timeline's range
-- scan, and the scan still never visits the figures table.
--
-- Rebuilding the index reads the figures table once (a few seconds per million figures).

DROP INDEX figures_timeline;
CREATE INDEX figures_timeline ON figures(
    measure, subject_entity, date, place_entity, place_text, subject_text, claim_pk,
    low, best, high, open_high, unit, raw, hedges, agent_text, agent_entity, noun);
