/**
 * Where the events are stored: Axon's JDBC storage engine on the host's {@code DataSource}, on the tables of the
 * Flyway migrations ({@code domain_event_entry}, numbered by the database from {@code domain_event_entry_seq};
 * {@code snapshot_event_entry}), inside the same Spring transaction as everything else a command or a batch does.
 */
package dev.incidenttimeline.eventstore;
