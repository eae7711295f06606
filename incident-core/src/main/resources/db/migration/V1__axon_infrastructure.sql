-- Axon Framework's JPA tables (event store, snapshots, tracking tokens, sagas, dead letters) and the heartbeat table
-- of the event processing nodes. One script for H2 and PostgreSQL: BIGINT, VARCHAR, BYTEA (H2 reads BYTEA as
-- BINARY VARYING) and TIMESTAMP WITH TIME ZONE mean the same on both.
--
-- Column names follow Spring Boot's snake-case naming of Axon's entity fields. Payloads, metadata, tokens and saga
-- state are BYTEA, never PostgreSQL large objects (oid): the JPA mapping in META-INF/incident-timeline/axon-orm.xml
-- drops Axon's @Lob so Hibernate binds them as plain bytes. Hibernate validates these tables against the mapping.

-- The global index of every event. Increment 1 (and allocation size 1 in the mapping): with Hibernate's default of
-- 50 each node reserves its own block of 50 numbers, so the global order of events from several nodes interleaves.
CREATE SEQUENCE domain_event_entry_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE domain_event_entry (
    global_index         BIGINT       NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT pk_domain_event_entry PRIMARY KEY (global_index),
    CONSTRAINT uk_domain_event_entry_event UNIQUE (event_identifier),
    -- Two nodes appending the same sequence number to one incident: exactly one insert wins, the other gets a
    -- duplicate key that Axon reports as a ConcurrencyException.
    CONSTRAINT uk_domain_event_entry_aggregate UNIQUE (aggregate_identifier, sequence_number)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT pk_snapshot_event_entry PRIMARY KEY (aggregate_identifier, sequence_number, type),
    CONSTRAINT uk_snapshot_event_entry_event UNIQUE (event_identifier)
);

-- One row per segment of each streaming event processor: its position in the event stream and which node holds it.
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255) NOT NULL,
    owner          VARCHAR(255),
    CONSTRAINT pk_token_entry PRIMARY KEY (processor_name, segment)
);

CREATE TABLE saga_entry (
    saga_id         VARCHAR(255) NOT NULL,
    saga_type       VARCHAR(255),
    revision        VARCHAR(255),
    serialized_saga BYTEA,
    CONSTRAINT pk_saga_entry PRIMARY KEY (saga_id)
);

-- Axon's default mapping (allocation size 50); the order of association ids means nothing.
CREATE SEQUENCE association_value_entry_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE association_value_entry (
    id                BIGINT       NOT NULL,
    saga_id           VARCHAR(255) NOT NULL,
    association_key   VARCHAR(255) NOT NULL,
    association_value VARCHAR(255),
    saga_type         VARCHAR(255),
    CONSTRAINT pk_association_value_entry PRIMARY KEY (id)
);

CREATE INDEX ix_association_value_entry_lookup
    ON association_value_entry (saga_type, association_key, association_value);
CREATE INDEX ix_association_value_entry_saga ON association_value_entry (saga_id, saga_type);

-- Events a read model could not handle, kept per processing group and sequence (incident) until an operator retries.
CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    type                 VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_touched         TIMESTAMP WITH TIME ZONE,
    processing_started   TIMESTAMP WITH TIME ZONE,
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT pk_dead_letter_entry PRIMARY KEY (dead_letter_id),
    CONSTRAINT uk_dead_letter_entry_sequence UNIQUE (processing_group, sequence_identifier, sequence_index)
);

CREATE INDEX ix_dead_letter_entry_group ON dead_letter_entry (processing_group);
CREATE INDEX ix_dead_letter_entry_sequence ON dead_letter_entry (processing_group, sequence_identifier);

-- Every node that runs event processors says here that it is alive; each takes its fair share of the segments.
CREATE TABLE processing_node (
    node_name    VARCHAR(255) NOT NULL,
    heartbeat_at BIGINT       NOT NULL,
    CONSTRAINT pk_processing_node PRIMARY KEY (node_name)
);
