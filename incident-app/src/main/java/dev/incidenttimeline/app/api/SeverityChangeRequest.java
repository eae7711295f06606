package dev.incidenttimeline.app.api;

import dev.incidenttimeline.incident.api.Severity;

import java.time.Instant;

/** The body of {@code POST /api/incidents/{id}/severity}. */
public record SeverityChangeRequest(Severity severity, String reason, String by, Instant occurredAt,
                                    String sourceId) {
}
