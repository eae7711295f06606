package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Links a customer's report (a support ticket) to the incident; {@code occurredAt} is when the customer reported it.
 */
public record LinkCustomerReport(@TargetAggregateIdentifier IncidentId incidentId,
                                 String ticketId,
                                 String customer,
                                 String callbackContact,
                                 Instant callbackPromisedBy,
                                 String by,
                                 Instant occurredAt,
                                 String sourceId) implements IncidentCommand {
}
