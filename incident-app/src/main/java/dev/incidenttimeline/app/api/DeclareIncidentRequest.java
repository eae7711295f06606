package dev.incidenttimeline.app.api;

import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.Severity;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/incidents}. Missing times default to now; {@code sourceId} makes a retried request
 * land on the same incident.
 */
public record DeclareIncidentRequest(String title,
                                     Severity severity,
                                     List<String> services,
                                     DetectionSource detectedBy,
                                     Instant detectedAt,
                                     Instant impactStartedAt,
                                     String declaredBy,
                                     Boolean drill,
                                     Instant occurredAt,
                                     String sourceId) {

    DeclareIncident toCommand() {
        return new DeclareIncident(null, title, severity, services, detectedBy, detectedAt, impactStartedAt, declaredBy,
                Boolean.TRUE.equals(drill), occurredAt, sourceId);
    }
}
