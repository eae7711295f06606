package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records that the customer of a linked report was called back (told what happened).
 */
public record RecordCustomerCallback(@TargetAggregateIdentifier IncidentId incidentId,
                                     String ticketId,
                                     String by,
                                     String outcome,
                                     Instant occurredAt,
                                     String sourceId) implements IncidentCommand {
}
