-- The postmortem read model, and the organisation (tenant) an incident belongs to in the read models.
-- Portable SQL: H2 and PostgreSQL run the same script.

CREATE TABLE postmortem_fact (
    id              VARCHAR(120)             NOT NULL,
    incident_id     VARCHAR(200)             NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    kind            VARCHAR(40)              NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(200),
    subject         VARCHAR(500),
    text            VARCHAR(30000),
    detail          VARCHAR(500),
    items           VARCHAR(30000),
    time_a          TIMESTAMP WITH TIME ZONE,
    time_b          TIMESTAMP WITH TIME ZONE,
    number_a        BIGINT,
    number_b        BIGINT,
    due_date        DATE,
    CONSTRAINT postmortem_fact_pkey PRIMARY KEY (id)
);
CREATE INDEX postmortem_fact_incident ON postmortem_fact (incident_id, sequence_number);

CREATE TABLE timeline_incident (
    incident_id  VARCHAR(200) NOT NULL,
    organisation VARCHAR(200),
    CONSTRAINT timeline_incident_pkey PRIMARY KEY (incident_id)
);

ALTER TABLE incident_summary ADD COLUMN organisation VARCHAR(200);
CREATE INDEX incident_summary_organisation ON incident_summary (organisation, declared_at);
