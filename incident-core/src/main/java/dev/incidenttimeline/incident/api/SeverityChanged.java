package dev.incidenttimeline.incident.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The severity changed from {@code previousSeverity} to {@code severity}.
 */
@Revision("1")
public record SeverityChanged(IncidentId incidentId,
                              Severity previousSeverity,
                              Severity severity,
                              String reason,
                              String by,
                              Instant occurredAt,
                              String sourceId) implements IncidentEvent {
}
