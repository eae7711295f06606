package dev.incidenttimeline.app.api;

import java.time.Instant;

/** The body of {@code POST /api/incidents/{id}/mitigation} and {@code .../resolution}. */
public record MilestoneRequest(String by, String summary, Instant occurredAt, String sourceId) {
}
