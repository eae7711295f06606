package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An action item was done.
 */
@Revision("1")
public record ActionItemCompleted(IncidentId incidentId,
                                  ActionItemId actionItemId,
                                  @PersonalData String by,
                                  Instant occurredAt,
                                  String sourceId) implements IncidentEvent {
}
