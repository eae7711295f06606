-- The read models whose tokens were reset and whose tables may still hold the rows of before (ReadModelResets).
-- A row is written by the model's reset handler in the token reset's own transaction and removed by whoever empties
-- the model: the replayer right after that commit (TRUNCATE, which on H2 commits on its own), or, after a crash or on
-- another node, the first batch of the replay, which finds the row still here. Portable SQL: H2 and PostgreSQL run
-- the same script.
CREATE TABLE read_model_reset (
    processing_group VARCHAR(255) NOT NULL,
    CONSTRAINT read_model_reset_pkey PRIMARY KEY (processing_group)
);
