package dev.incidenttimeline.incident.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A person stepped out of a role; nobody holds it now.
 */
@Revision("1")
public record RoleLeft(IncidentId incidentId,
                       Role role,
                       String person,
                       Instant occurredAt,
                       String sourceId) implements IncidentEvent {
}
