package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Starts the postmortem draft of a resolved incident.
 */
public record StartPostmortem(@TargetAggregateIdentifier IncidentId incidentId,
                              String by,
                              Instant occurredAt,
                              String sourceId) implements IncidentCommand {
}
