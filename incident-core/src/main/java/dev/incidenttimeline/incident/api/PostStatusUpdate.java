package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Posts a status update, for responders only or also for customers.
 */
public record PostStatusUpdate(@TargetAggregateIdentifier IncidentId incidentId,
                               EntryId entryId,
                               String author,
                               String text,
                               Visibility visibility,
                               List<String> links,
                               Instant occurredAt,
                               String sourceId) implements IncidentCommand {
}
