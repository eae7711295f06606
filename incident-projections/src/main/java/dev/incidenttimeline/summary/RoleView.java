package dev.incidenttimeline.summary;

import dev.incidenttimeline.incident.api.Role;

import java.time.Instant;

/**
 * A role and who holds it.
 *
 * @param role   the role
 * @param person who holds it
 * @param since  since when (the assignment's {@code occurredAt})
 */
public record RoleView(Role role, String person, Instant since) {
}
