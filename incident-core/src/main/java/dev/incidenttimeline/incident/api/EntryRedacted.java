package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A timeline entry was redacted; read models drop its content and keep its place.
 */
@Revision("1")
public record EntryRedacted(IncidentId incidentId,
                            EntryId entryId,
                            @PersonalData String by,
                            String reason,
                            Instant occurredAt,
                            String sourceId) implements IncidentEvent {
}
