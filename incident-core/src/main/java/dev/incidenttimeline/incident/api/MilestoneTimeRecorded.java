package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A milestone's time was recorded or corrected; {@code previousTime} is null if it was not known before.
 */
@Revision("1")
public record MilestoneTimeRecorded(IncidentId incidentId,
                                    Milestone milestone,
                                    Instant previousTime,
                                    Instant time,
                                    @PersonalData String by,
                                    String reason,
                                    Instant occurredAt,
                                    String sourceId) implements IncidentEvent {
}
