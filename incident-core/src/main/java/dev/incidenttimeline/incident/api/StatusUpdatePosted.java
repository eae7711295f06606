package dev.incidenttimeline.incident.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A status update was posted.
 */
@Revision("1")
public record StatusUpdatePosted(IncidentId incidentId,
                                 EntryId entryId,
                                 String author,
                                 String text,
                                 Visibility visibility,
                                 List<String> links,
                                 Instant occurredAt,
                                 String sourceId) implements IncidentEvent {
}
