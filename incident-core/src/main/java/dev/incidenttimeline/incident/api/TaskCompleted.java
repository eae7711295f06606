package dev.incidenttimeline.incident.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A task was done.
 */
@Revision("1")
public record TaskCompleted(IncidentId incidentId,
                            TaskId taskId,
                            String by,
                            Instant occurredAt,
                            String sourceId) implements IncidentEvent {
}
