package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A contributing factor was recorded in the postmortem.
 */
@Revision("1")
public record ContributingFactorRecorded(IncidentId incidentId,
                                         String factor,
                                         @PersonalData String by,
                                         Instant occurredAt,
                                         String sourceId) implements IncidentEvent {
}
