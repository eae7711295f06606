package dev.incidenttimeline.incident.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A timeline entry was marked as significant.
 */
@Revision("1")
public record EntryPinned(IncidentId incidentId,
                          EntryId entryId,
                          String by,
                          Instant occurredAt,
                          String sourceId) implements IncidentEvent {
}
