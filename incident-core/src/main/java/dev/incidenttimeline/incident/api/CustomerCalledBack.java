package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The customer of a linked report was called back.
 */
@Revision("1")
public record CustomerCalledBack(IncidentId incidentId,
                                 String ticketId,
                                 @PersonalData String by,
                                 String outcome,
                                 Instant occurredAt,
                                 String sourceId) implements IncidentEvent {
}
