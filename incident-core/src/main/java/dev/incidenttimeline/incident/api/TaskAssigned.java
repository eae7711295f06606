package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A task was given to a person.
 */
@Revision("1")
public record TaskAssigned(IncidentId incidentId,
                           TaskId taskId,
                           String title,
                           @PersonalData String assignee,
                           @PersonalData String by,
                           Instant occurredAt,
                           String sourceId) implements IncidentEvent {
}
