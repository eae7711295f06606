package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The postmortem draft was started.
 */
@Revision("1")
public record PostmortemStarted(IncidentId incidentId,
                                @PersonalData String by,
                                Instant occurredAt,
                                String sourceId) implements IncidentEvent {
}
