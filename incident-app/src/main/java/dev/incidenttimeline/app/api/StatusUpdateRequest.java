package dev.incidenttimeline.app.api;

import dev.incidenttimeline.incident.api.Visibility;

import java.time.Instant;
import java.util.List;

/** The body of {@code POST /api/incidents/{id}/updates}. */
public record StatusUpdateRequest(String author, String text, Visibility visibility, List<String> links,
                                  Instant occurredAt, String sourceId) {
}
