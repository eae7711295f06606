-- The response-metrics read model (incident-projections): per incident its facts (times of the milestones, with
-- the events they come from) and the metric values derived from them. Portable SQL for H2 2.x and PostgreSQL.
-- The ids come from sequences with Hibernate's default allocation size (50): the rows are one node's batch work,
-- never ordered by id.

CREATE TABLE metrics_incident (
    incident_id    VARCHAR(255)             NOT NULL,
    customer_first BOOLEAN                  NOT NULL,
    declared_at    TIMESTAMP WITH TIME ZONE,
    detected_by    VARCHAR(20),
    drill          BOOLEAN                  NOT NULL,
    last_sequence  BIGINT                   NOT NULL,
    severity       VARCHAR(20),
    CONSTRAINT metrics_incident_pkey PRIMARY KEY (incident_id)
);
CREATE INDEX metrics_incident_declared ON metrics_incident (declared_at);

CREATE TABLE metrics_incident_service (
    incident_id VARCHAR(255) NOT NULL,
    service     VARCHAR(255) NOT NULL,
    CONSTRAINT metrics_incident_service_pkey PRIMARY KEY (incident_id, service),
    CONSTRAINT metrics_incident_service_incident FOREIGN KEY (incident_id) REFERENCES metrics_incident (incident_id)
);
CREATE INDEX metrics_incident_service_incident ON metrics_incident_service (incident_id);

CREATE SEQUENCE metrics_fact_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE metrics_fact (
    id              BIGINT                   NOT NULL,
    happened_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    event_id        VARCHAR(100)             NOT NULL,
    fact_key        VARCHAR(255)             NOT NULL,
    kind            VARCHAR(40)              NOT NULL,
    fact_name       VARCHAR(300)             NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    origin_event_id VARCHAR(100)             NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE,
    event_sequence  BIGINT                   NOT NULL,
    incident_id     VARCHAR(255)             NOT NULL,
    CONSTRAINT metrics_fact_pkey PRIMARY KEY (id),
    CONSTRAINT metrics_fact_of_incident FOREIGN KEY (incident_id) REFERENCES metrics_incident (incident_id)
);
CREATE INDEX metrics_fact_incident ON metrics_fact (incident_id);

CREATE SEQUENCE metrics_value_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE metrics_value (
    id                 BIGINT                   NOT NULL,
    declared_at        TIMESTAMP WITH TIME ZONE,
    detected_by        VARCHAR(20),
    drill              BOOLEAN                  NOT NULL,
    inconsistent       BOOLEAN                  NOT NULL,
    metric             VARCHAR(100)             NOT NULL,
    severity           VARCHAR(20),
    start_event_id     VARCHAR(100),
    started_at         TIMESTAMP WITH TIME ZONE,
    stop_event_id      VARCHAR(100),
    stopped_at         TIMESTAMP WITH TIME ZONE,
    value_millis       BIGINT,
    definition_version INTEGER                  NOT NULL,
    incident_id        VARCHAR(255)             NOT NULL,
    CONSTRAINT metrics_value_pkey PRIMARY KEY (id),
    CONSTRAINT metrics_value_of_incident FOREIGN KEY (incident_id) REFERENCES metrics_incident (incident_id)
);
CREATE INDEX metrics_value_incident ON metrics_value (incident_id);
CREATE INDEX metrics_value_declared ON metrics_value (declared_at);
