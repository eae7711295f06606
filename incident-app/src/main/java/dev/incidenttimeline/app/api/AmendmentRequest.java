package dev.incidenttimeline.app.api;

import java.time.Instant;

/**
 * The body of {@code POST /api/incidents/{id}/entries/{entryId}/amendments}: a new text and/or a corrected time;
 * what is left out stays as it was.
 */
public record AmendmentRequest(String newText, Instant newTime, String by, String reason, Instant occurredAt,
                               String sourceId) {
}
