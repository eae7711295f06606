package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Redacts a timeline entry: its content is no longer shown, its place in the timeline stays.
 */
public record RedactEntry(@TargetAggregateIdentifier IncidentId incidentId,
                          EntryId entryId,
                          String by,
                          String reason,
                          Instant occurredAt,
                          String sourceId) implements IncidentCommand {
}
