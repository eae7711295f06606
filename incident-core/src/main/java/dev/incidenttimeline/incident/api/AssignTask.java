package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Gives a piece of the work to a person (divide and conquer).
 */
public record AssignTask(@TargetAggregateIdentifier IncidentId incidentId,
                         TaskId taskId,
                         String title,
                         String assignee,
                         String by,
                         Instant occurredAt,
                         String sourceId) implements IncidentCommand {
}
