package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Publishes the postmortem of a resolved incident; from then on its content is stable.
 */
public record PublishPostmortem(@TargetAggregateIdentifier IncidentId incidentId,
                                String by,
                                Instant occurredAt,
                                String sourceId) implements IncidentCommand {
}
