package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Reopens a resolved incident because the problem came back.
 */
public record ReopenIncident(@TargetAggregateIdentifier IncidentId incidentId,
                             String by,
                             String reason,
                             Instant occurredAt,
                             String sourceId) implements IncidentCommand {
}
