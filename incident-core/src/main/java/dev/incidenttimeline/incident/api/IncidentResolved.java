package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The incident was resolved.
 */
@Revision("1")
public record IncidentResolved(IncidentId incidentId,
                               @PersonalData String by,
                               String summary,
                               Instant occurredAt,
                               String sourceId) implements IncidentEvent {
}
