package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The incident is over: the service works as it should.
 */
public record ResolveIncident(@TargetAggregateIdentifier IncidentId incidentId,
                              String by,
                              String summary,
                              Instant occurredAt,
                              String sourceId) implements IncidentCommand {
}
