package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The postmortem was published.
 */
@Revision("1")
public record PostmortemPublished(IncidentId incidentId,
                                  @PersonalData String by,
                                  Instant occurredAt,
                                  String sourceId) implements IncidentEvent {
}
