package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A customer's report was linked; a callback may have been promised by {@code callbackPromisedBy}.
 */
@Revision("1")
public record CustomerReportLinked(IncidentId incidentId,
                                   String ticketId,
                                   @PersonalData String customer,
                                   @PersonalData String callbackContact,
                                   Instant callbackPromisedBy,
                                   @PersonalData String by,
                                   Instant occurredAt,
                                   String sourceId) implements IncidentEvent {
}
