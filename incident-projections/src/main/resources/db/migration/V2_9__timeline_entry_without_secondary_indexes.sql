-- The timeline's entries keep only their primary key (incident, sequence number, part). The two other indexes cost
-- every insert (and H2's commit) two more B-trees, for look-ups that the primary key serves as well: the subject of a
-- later entry ("completed: <task title>") is looked up among its incident's entries, and a redaction clears an entry
-- of its incident. An incident holds tens of entries, rarely thousands.
DROP INDEX timeline_entry_ref;
DROP INDEX timeline_entry_entry;
