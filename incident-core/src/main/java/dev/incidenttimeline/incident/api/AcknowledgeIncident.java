package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A responder acknowledges the incident. The first acknowledgement is the milestone; a later one by someone else records that they joined.
 */
public record AcknowledgeIncident(@TargetAggregateIdentifier IncidentId incidentId,
                                  String by,
                                  Instant occurredAt,
                                  String sourceId) implements IncidentCommand {
}
