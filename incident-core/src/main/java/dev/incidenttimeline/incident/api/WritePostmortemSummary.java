package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Writes (or rewrites) the postmortem's summary: what happened and why, in plain words.
 */
public record WritePostmortemSummary(@TargetAggregateIdentifier IncidentId incidentId,
                                     String summary,
                                     String by,
                                     Instant occurredAt,
                                     String sourceId) implements IncidentCommand {
}
