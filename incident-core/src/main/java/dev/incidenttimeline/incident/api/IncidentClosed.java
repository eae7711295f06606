package dev.incidenttimeline.incident.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The incident was closed.
 */
@Revision("1")
public record IncidentClosed(IncidentId incidentId,
                             String by,
                             Instant occurredAt,
                             String sourceId) implements IncidentEvent {
}
