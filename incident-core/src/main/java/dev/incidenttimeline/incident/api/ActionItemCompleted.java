package dev.incidenttimeline.incident.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An action item was done.
 */
@Revision("1")
public record ActionItemCompleted(IncidentId incidentId,
                                  ActionItemId actionItemId,
                                  String by,
                                  Instant occurredAt,
                                  String sourceId) implements IncidentEvent {
}
