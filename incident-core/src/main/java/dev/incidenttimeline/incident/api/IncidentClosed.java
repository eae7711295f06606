package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The incident was closed.
 */
@Revision("1")
public record IncidentClosed(IncidentId incidentId,
                             @PersonalData String by,
                             Instant occurredAt,
                             String sourceId) implements IncidentEvent {
}
