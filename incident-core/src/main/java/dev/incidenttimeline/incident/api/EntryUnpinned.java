package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A timeline entry is no longer marked as significant.
 */
@Revision("1")
public record EntryUnpinned(IncidentId incidentId,
                            EntryId entryId,
                            @PersonalData String by,
                            Instant occurredAt,
                            String sourceId) implements IncidentEvent {
}
