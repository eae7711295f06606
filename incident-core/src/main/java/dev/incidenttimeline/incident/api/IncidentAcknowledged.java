package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The incident was acknowledged for the first time: the clock of "time to acknowledge" stops here.
 */
@Revision("1")
public record IncidentAcknowledged(IncidentId incidentId,
                                   @PersonalData String by,
                                   Instant occurredAt,
                                   String sourceId) implements IncidentEvent {
}
