package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records a contributing factor in the postmortem (blameless: what, not who).
 */
public record RecordContributingFactor(@TargetAggregateIdentifier IncidentId incidentId,
                                       String factor,
                                       String by,
                                       Instant occurredAt,
                                       String sourceId) implements IncidentCommand {
}
