package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A person stepped out of a role; nobody holds it now.
 */
@Revision("1")
public record RoleLeft(IncidentId incidentId,
                       Role role,
                       @PersonalData String person,
                       Instant occurredAt,
                       String sourceId) implements IncidentEvent {
}
