-- As V2_7 did for the timeline: a postmortem fact is keyed by its incident and the sequence number of its event (an
-- event gives at most one fact) instead of by the random event identifier, so a batch's inserts land on the index
-- pages of its incidents, and the key replaces the index that ordered an incident's facts. The event identifier stays
-- as a column. Portable SQL: H2 and PostgreSQL run the same script.
ALTER TABLE postmortem_fact DROP CONSTRAINT postmortem_fact_pkey;
ALTER TABLE postmortem_fact ADD CONSTRAINT postmortem_fact_pkey PRIMARY KEY (incident_id, sequence_number);
DROP INDEX postmortem_fact_incident;
