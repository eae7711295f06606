package dev.incidenttimeline.incident.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A customer's report was linked; a callback may have been promised by {@code callbackPromisedBy}.
 */
@Revision("1")
public record CustomerReportLinked(IncidentId incidentId,
                                   String ticketId,
                                   String customer,
                                   String callbackContact,
                                   Instant callbackPromisedBy,
                                   String by,
                                   Instant occurredAt,
                                   String sourceId) implements IncidentEvent {
}
