package dev.incidenttimeline.incident.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A note was added to the timeline.
 */
@Revision("1")
public record TimelineNoteAdded(IncidentId incidentId,
                                EntryId entryId,
                                String author,
                                String text,
                                List<String> links,
                                Instant occurredAt,
                                String sourceId) implements IncidentEvent {
}
