package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Another responder acknowledged an incident that was already acknowledged: they joined the response.
 */
@Revision("1")
public record ResponderJoined(IncidentId incidentId,
                              @PersonalData String person,
                              Instant occurredAt,
                              String sourceId) implements IncidentEvent {
}
