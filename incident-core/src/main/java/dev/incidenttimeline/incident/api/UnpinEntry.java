package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Takes the "significant" mark off a timeline entry.
 */
public record UnpinEntry(@TargetAggregateIdentifier IncidentId incidentId,
                         EntryId entryId,
                         String by,
                         Instant occurredAt,
                         String sourceId) implements IncidentCommand {
}
