package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A timeline entry's text or time was amended; the previous values are kept. A value that did not change is the same in both fields.
 */
@Revision("1")
public record EntryAmended(IncidentId incidentId,
                           EntryId entryId,
                           String previousText,
                           String newText,
                           Instant previousTime,
                           Instant newTime,
                           @PersonalData String by,
                           String reason,
                           Instant occurredAt,
                           String sourceId) implements IncidentEvent {
}
