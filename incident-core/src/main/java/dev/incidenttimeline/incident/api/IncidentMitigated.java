package dev.incidenttimeline.incident.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The incident was mitigated.
 */
@Revision("1")
public record IncidentMitigated(IncidentId incidentId,
                                String by,
                                String summary,
                                Instant occurredAt,
                                String sourceId) implements IncidentEvent {
}
