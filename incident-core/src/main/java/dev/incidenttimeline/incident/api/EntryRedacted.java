package dev.incidenttimeline.incident.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A timeline entry was redacted; read models drop its content and keep its place.
 */
@Revision("1")
public record EntryRedacted(IncidentId incidentId,
                            EntryId entryId,
                            String by,
                            String reason,
                            Instant occurredAt,
                            String sourceId) implements IncidentEvent {
}
