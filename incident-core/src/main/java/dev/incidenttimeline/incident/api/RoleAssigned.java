package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A person took a role; {@code previousHolder} (null if none) handed it over.
 */
@Revision("1")
public record RoleAssigned(IncidentId incidentId,
                           Role role,
                           @PersonalData String person,
                           @PersonalData String previousHolder,
                           @PersonalData String by,
                           Instant occurredAt,
                           String sourceId) implements IncidentEvent {
}
