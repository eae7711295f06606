-- The organisation (tenant) of each incident in the metrics read model, so that an incident's metrics and the
-- reports across incidents are answered per organisation. On the values as well: a report reads the values alone.
-- Rows written before this migration have none (visible only to callers without an organisation) until a replay.
-- Portable SQL: H2 and PostgreSQL run the same script.

ALTER TABLE metrics_incident ADD COLUMN organisation VARCHAR(200);
ALTER TABLE metrics_value ADD COLUMN organisation VARCHAR(200);
CREATE INDEX metrics_incident_organisation ON metrics_incident (organisation, declared_at);
CREATE INDEX metrics_value_organisation ON metrics_value (organisation, declared_at);
