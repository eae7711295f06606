package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Changes the text or the time of a status update or a note; {@code null} keeps the old value. The old value stays in the record.
 */
public record AmendEntry(@TargetAggregateIdentifier IncidentId incidentId,
                         EntryId entryId,
                         String newText,
                         Instant newTime,
                         String by,
                         String reason,
                         Instant occurredAt,
                         String sourceId) implements IncidentCommand {
}
