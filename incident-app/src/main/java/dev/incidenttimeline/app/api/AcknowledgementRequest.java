package dev.incidenttimeline.app.api;

import java.time.Instant;

/** The body of {@code POST /api/incidents/{id}/acknowledgements}. */
public record AcknowledgementRequest(String by, Instant occurredAt, String sourceId) {
}
