package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Changes the severity, with a reason.
 */
public record ChangeSeverity(@TargetAggregateIdentifier IncidentId incidentId,
                             Severity severity,
                             String reason,
                             String by,
                             Instant occurredAt,
                             String sourceId) implements IncidentCommand {
}
