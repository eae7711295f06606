package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records or corrects when a milestone happened, for example the real impact start found in the retrospective, or the end of impact.
 */
public record RecordMilestoneTime(@TargetAggregateIdentifier IncidentId incidentId,
                                  Milestone milestone,
                                  Instant time,
                                  String by,
                                  String reason,
                                  Instant occurredAt,
                                  String sourceId) implements IncidentCommand {
}
