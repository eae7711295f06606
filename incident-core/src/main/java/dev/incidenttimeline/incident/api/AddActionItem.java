package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Adds an action item to the postmortem, with an owner and a due date.
 */
public record AddActionItem(@TargetAggregateIdentifier IncidentId incidentId,
                            ActionItemId actionItemId,
                            String title,
                            String owner,
                            LocalDate dueDate,
                            String by,
                            Instant occurredAt,
                            String sourceId) implements IncidentCommand {
}
