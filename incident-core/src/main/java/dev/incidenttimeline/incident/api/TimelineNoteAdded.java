package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A note was added to the timeline.
 */
@Revision("1")
public record TimelineNoteAdded(IncidentId incidentId,
                                EntryId entryId,
                                @PersonalData String author,
                                String text,
                                List<String> links,
                                Instant occurredAt,
                                String sourceId) implements IncidentEvent {
}
