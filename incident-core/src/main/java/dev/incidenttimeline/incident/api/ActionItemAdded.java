package dev.incidenttimeline.incident.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action item was added to the postmortem.
 */
@Revision("1")
public record ActionItemAdded(IncidentId incidentId,
                              ActionItemId actionItemId,
                              String title,
                              String owner,
                              LocalDate dueDate,
                              String by,
                              Instant occurredAt,
                              String sourceId) implements IncidentEvent {
}
