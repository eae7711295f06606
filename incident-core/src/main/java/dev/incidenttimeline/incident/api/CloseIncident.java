package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Closes a resolved incident (after its postmortem, if it has one, is published); nothing can be added afterwards.
 */
public record CloseIncident(@TargetAggregateIdentifier IncidentId incidentId,
                            String by,
                            Instant occurredAt,
                            String sourceId) implements IncidentCommand {
}
