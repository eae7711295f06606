-- Crypto-shredding of person names (dev.incidenttimeline.privacy). Every person name in an event is stored encrypted
-- with the key of its data subject: a name within an organisation ('' = no organisation, so that the unique
-- constraint also holds without tenancy: NULLs would count as distinct). The name is in clear only here; erasing a
-- person deletes their rows, which makes every stored copy of their name unreadable, and leaves a tombstone without
-- the name.
-- local_name is the name for subjects created on this deployment (one per organisation and name: two nodes creating
-- the same subject at once collide on the constraint and re-read) and NULL for subjects that came with an import
-- (NULLs are distinct on H2 and PostgreSQL, so an imported subject may share the name of a local one).
CREATE TABLE personal_data_key (
    subject_id   VARCHAR(36)              NOT NULL,
    organisation VARCHAR(200)             NOT NULL,
    name         VARCHAR(500)             NOT NULL,
    local_name   VARCHAR(500),
    key_bytes    BYTEA                    NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT personal_data_key_pkey PRIMARY KEY (subject_id),
    CONSTRAINT personal_data_key_local UNIQUE (organisation, local_name)
);
CREATE INDEX personal_data_key_name ON personal_data_key (organisation, name);

CREATE TABLE personal_data_erasure (
    subject_id VARCHAR(36)              NOT NULL,
    erased_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT personal_data_erasure_pkey PRIMARY KEY (subject_id)
);
