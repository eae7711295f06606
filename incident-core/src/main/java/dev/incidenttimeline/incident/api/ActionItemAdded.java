package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
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
                              @PersonalData String owner,
                              LocalDate dueDate,
                              @PersonalData String by,
                              Instant occurredAt,
                              String sourceId) implements IncidentEvent {
}
