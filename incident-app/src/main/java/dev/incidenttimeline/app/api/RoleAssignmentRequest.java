package dev.incidenttimeline.app.api;

import java.time.Instant;

/**
 * The body of {@code POST /api/incidents/{id}/roles}: {@code role} is {@code LEADER}, {@code COMMUNICATOR},
 * {@code SCRIBE} or any other name; {@code by} (optional) is who handed it out.
 */
public record RoleAssignmentRequest(String role, String person, String by, Instant occurredAt, String sourceId) {
}
