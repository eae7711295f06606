package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Marks a task as done.
 */
public record CompleteTask(@TargetAggregateIdentifier IncidentId incidentId,
                           TaskId taskId,
                           String by,
                           Instant occurredAt,
                           String sourceId) implements IncidentCommand {
}
