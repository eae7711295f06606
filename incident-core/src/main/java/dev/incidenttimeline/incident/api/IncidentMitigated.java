package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The incident was mitigated.
 */
@Revision("1")
public record IncidentMitigated(IncidentId incidentId,
                                @PersonalData String by,
                                String summary,
                                Instant occurredAt,
                                String sourceId) implements IncidentEvent {
}
