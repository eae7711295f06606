package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A lesson learned was recorded in the postmortem.
 */
@Revision("1")
public record LessonLearnedRecorded(IncidentId incidentId,
                                    String lesson,
                                    @PersonalData String by,
                                    Instant occurredAt,
                                    String sourceId) implements IncidentEvent {
}
