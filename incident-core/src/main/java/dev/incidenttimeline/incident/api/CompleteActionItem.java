package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Marks an action item as done. This is allowed after the postmortem is published, until the incident is closed.
 */
public record CompleteActionItem(@TargetAggregateIdentifier IncidentId incidentId,
                                 ActionItemId actionItemId,
                                 String by,
                                 Instant occurredAt,
                                 String sourceId) implements IncidentCommand {
}
