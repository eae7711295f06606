-- Which organisation (tenant) each incident of the postmortem read model belongs to, so that the postmortem answers
-- an organisation's caller from its own rows: before, it asked the incident summaries (a second query per request,
-- and no answer while the summaries were being rebuilt). Portable SQL: H2 and PostgreSQL run the same script.
CREATE TABLE postmortem_incident (
    incident_id  VARCHAR(200) NOT NULL,
    organisation VARCHAR(200),
    CONSTRAINT postmortem_incident_pkey PRIMARY KEY (incident_id)
);

-- Incidents stored before this version: the summaries know their organisation (a replay gives the same rows).
INSERT INTO postmortem_incident (incident_id, organisation)
SELECT incident_id, organisation FROM incident_summary;
