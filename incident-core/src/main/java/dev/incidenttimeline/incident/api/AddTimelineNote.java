package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Adds a note to the timeline, possibly backdated (a timeline reconstructed in the retrospective).
 */
public record AddTimelineNote(@TargetAggregateIdentifier IncidentId incidentId,
                              EntryId entryId,
                              String author,
                              String text,
                              List<String> links,
                              Instant occurredAt,
                              String sourceId) implements IncidentCommand {
}
