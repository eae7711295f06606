package dev.incidenttimeline.app.api;

import java.time.Instant;
import java.util.List;

/** The body of {@code POST /api/incidents/{id}/notes}; {@code occurredAt} may lie before the declaration. */
public record NoteRequest(String author, String text, List<String> links, Instant occurredAt, String sourceId) {
}
