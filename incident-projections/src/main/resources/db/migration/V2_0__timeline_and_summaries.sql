-- The timeline and incident-summary read models (incident-projections), with the indexes their queries use.
-- Written in the SQL that both H2 2.x and PostgreSQL accept; Hibernate validates it against the entities.

-- One row per line of an incident's timeline (an event may give several parts).
CREATE TABLE timeline_entry (
    id              VARCHAR(120)             NOT NULL,
    actor           VARCHAR(200),
    entry_id        VARCHAR(200),
    incident_id     VARCHAR(200)             NOT NULL,
    kind            VARCHAR(40)              NOT NULL,
    links           VARCHAR(210000),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    part            INTEGER                  NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ref             VARCHAR(500),
    sequence_number BIGINT                   NOT NULL,
    subject         VARCHAR(10000),
    text            VARCHAR(30000),
    visibility      VARCHAR(10)              NOT NULL,
    CONSTRAINT timeline_entry_pkey PRIMARY KEY (id)
);
CREATE INDEX timeline_entry_order ON timeline_entry (incident_id, occurred_at, sequence_number, part);
CREATE INDEX timeline_entry_entry ON timeline_entry (incident_id, entry_id);
CREATE INDEX timeline_entry_ref ON timeline_entry (ref);

-- Every amendment and redaction of an entry, with the value it replaced.
CREATE TABLE timeline_change (
    id              VARCHAR(120)             NOT NULL,
    actor           VARCHAR(200),
    change_type     VARCHAR(20)              NOT NULL,
    entry_id        VARCHAR(200)             NOT NULL,
    incident_id     VARCHAR(200)             NOT NULL,
    new_text        VARCHAR(10000),
    new_time        TIMESTAMP WITH TIME ZONE,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    previous_text   VARCHAR(10000),
    previous_time   TIMESTAMP WITH TIME ZONE,
    reason          VARCHAR(10000),
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    CONSTRAINT timeline_change_pkey PRIMARY KEY (id)
);
CREATE INDEX timeline_change_incident ON timeline_change (incident_id, sequence_number);

-- One row per incident: its state, milestones and counts, for lists and the detail view.
CREATE TABLE incident_summary (
    incident_id        VARCHAR(200)             NOT NULL,
    acknowledged       BOOLEAN                  NOT NULL,
    acknowledged_at    TIMESTAMP WITH TIME ZONE,
    closed_at          TIMESTAMP WITH TIME ZONE,
    customers_affected INTEGER,
    declared_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    declared_by        VARCHAR(200),
    detected_at        TIMESTAMP WITH TIME ZONE,
    detected_by        VARCHAR(20)              NOT NULL,
    drill              BOOLEAN                  NOT NULL,
    impact_ended_at    TIMESTAMP WITH TIME ZONE,
    impact_started_at  TIMESTAMP WITH TIME ZONE,
    last_recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sequence      BIGINT                   NOT NULL,
    mitigated_at       TIMESTAMP WITH TIME ZONE,
    postmortem         VARCHAR(20)              NOT NULL,
    resolved_at        TIMESTAMP WITH TIME ZONE,
    severity           VARCHAR(10)              NOT NULL,
    status             VARCHAR(20)              NOT NULL,
    title              VARCHAR(200)             NOT NULL,
    users_affected     BIGINT,
    CONSTRAINT incident_summary_pkey PRIMARY KEY (incident_id)
);
CREATE INDEX incident_summary_declared ON incident_summary (declared_at);
CREATE INDEX incident_summary_status ON incident_summary (status, declared_at);
CREATE INDEX incident_summary_severity ON incident_summary (severity, declared_at);

CREATE TABLE incident_summary_service (
    incident_id VARCHAR(200) NOT NULL,
    service     VARCHAR(200) NOT NULL,
    CONSTRAINT incident_summary_service_pkey PRIMARY KEY (incident_id, service)
);
CREATE INDEX incident_summary_service_name ON incident_summary_service (service);

CREATE TABLE incident_summary_role (
    incident_id VARCHAR(200)             NOT NULL,
    role_name   VARCHAR(200)             NOT NULL,
    person      VARCHAR(200)             NOT NULL,
    since       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT incident_summary_role_pkey PRIMARY KEY (incident_id, role_name)
);

CREATE TABLE incident_summary_task (
    incident_id  VARCHAR(200)             NOT NULL,
    task_id      VARCHAR(200)             NOT NULL,
    assigned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    assignee     VARCHAR(200)             NOT NULL,
    completed_at TIMESTAMP WITH TIME ZONE,
    completed_by VARCHAR(200),
    title        VARCHAR(10000)           NOT NULL,
    CONSTRAINT incident_summary_task_pkey PRIMARY KEY (incident_id, task_id)
);
