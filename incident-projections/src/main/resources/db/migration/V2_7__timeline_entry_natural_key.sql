-- The timeline's entries are keyed by what identifies them within their incident (the event's sequence number and
-- the part of the event), instead of by the event identifier. The event identifier is a random UUID: every row went
-- to a random place of the primary key's index, so a batch of a thousand events changed about a thousand of its
-- pages, and a replay spent most of its time writing and committing them. Keyed by incident, the rows of a batch
-- land on the pages of the few dozen incidents it covers, and the key also orders an incident's timeline, which the
-- separate ordering index did. The event identifier stays, as a column, for the API.
-- Portable SQL: H2 and PostgreSQL run the same script. The new key is unique in stored data: the event store allows
-- one event per incident and sequence number, and an event's parts are numbered.
ALTER TABLE timeline_entry DROP CONSTRAINT timeline_entry_pkey;
ALTER TABLE timeline_entry ADD CONSTRAINT timeline_entry_pkey PRIMARY KEY (incident_id, sequence_number, part);
DROP INDEX timeline_entry_order;
