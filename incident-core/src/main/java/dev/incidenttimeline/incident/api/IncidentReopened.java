package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A resolved incident was reopened.
 */
@Revision("1")
public record IncidentReopened(IncidentId incidentId,
                               @PersonalData String by,
                               String reason,
                               Instant occurredAt,
                               String sourceId) implements IncidentEvent {
}
