package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Marks a timeline entry as significant (it goes into the postmortem's short timeline).
 */
public record PinEntry(@TargetAggregateIdentifier IncidentId incidentId,
                       EntryId entryId,
                       String by,
                       Instant occurredAt,
                       String sourceId) implements IncidentCommand {
}
