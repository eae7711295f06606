package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The impact is stopped or worked around (a rollback, a failover), though the cause may not be fixed yet.
 */
public record MitigateIncident(@TargetAggregateIdentifier IncidentId incidentId,
                               String by,
                               String summary,
                               Instant occurredAt,
                               String sourceId) implements IncidentCommand {
}
