package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records a lesson learned in the postmortem.
 */
public record RecordLessonLearned(@TargetAggregateIdentifier IncidentId incidentId,
                                  String lesson,
                                  String by,
                                  Instant occurredAt,
                                  String sourceId) implements IncidentCommand {
}
