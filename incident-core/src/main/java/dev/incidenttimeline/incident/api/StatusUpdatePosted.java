package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A status update was posted.
 */
@Revision("1")
public record StatusUpdatePosted(IncidentId incidentId,
                                 EntryId entryId,
                                 @PersonalData String author,
                                 String text,
                                 Visibility visibility,
                                 List<String> links,
                                 Instant occurredAt,
                                 String sourceId) implements IncidentEvent {
}
