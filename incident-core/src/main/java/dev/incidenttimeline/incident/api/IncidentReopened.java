package dev.incidenttimeline.incident.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A resolved incident was reopened.
 */
@Revision("1")
public record IncidentReopened(IncidentId incidentId,
                               String by,
                               String reason,
                               Instant occurredAt,
                               String sourceId) implements IncidentEvent {
}
