package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A person steps out of a role without handing it to anyone.
 */
public record LeaveRole(@TargetAggregateIdentifier IncidentId incidentId,
                        Role role,
                        String person,
                        Instant occurredAt,
                        String sourceId) implements IncidentCommand {
}
