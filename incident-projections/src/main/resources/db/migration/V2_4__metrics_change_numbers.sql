-- Change numbers of the metrics read model, so that an in-memory index of the metric values on any node can follow
-- the tables exactly. Every processor batch that changes incidents takes the next number from metrics_change (the
-- row stays locked until the batch commits, so numbers become visible in the order they were taken) and writes it
-- on every incident it changed; a reader loads the incidents whose number is above the last one it saw. A reset
-- of the read model counts up the generation: a reader then loads everything again.
-- Portable SQL: H2 and PostgreSQL run the same script.

ALTER TABLE metrics_incident ADD COLUMN change_no BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX metrics_incident_change ON metrics_incident (change_no);

CREATE TABLE metrics_change (
    id         INTEGER NOT NULL,
    generation BIGINT  NOT NULL,
    change_no  BIGINT  NOT NULL,
    CONSTRAINT metrics_change_pkey PRIMARY KEY (id)
);
INSERT INTO metrics_change (id, generation, change_no) VALUES (1, 0, 0);
