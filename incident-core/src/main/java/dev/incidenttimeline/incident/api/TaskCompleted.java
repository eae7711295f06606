package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A task was done.
 */
@Revision("1")
public record TaskCompleted(IncidentId incidentId,
                            TaskId taskId,
                            @PersonalData String by,
                            Instant occurredAt,
                            String sourceId) implements IncidentEvent {
}
