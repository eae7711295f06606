package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Gives a role (leader, communicator, scribe or any other) to a person; if someone else held it, it is handed over.
 */
public record AssignRole(@TargetAggregateIdentifier IncidentId incidentId,
                         Role role,
                         String person,
                         String by,
                         Instant occurredAt,
                         String sourceId) implements IncidentCommand {
}
