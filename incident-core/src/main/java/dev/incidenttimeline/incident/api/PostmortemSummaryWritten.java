package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The postmortem's summary was written; the latest one counts.
 */
@Revision("1")
public record PostmortemSummaryWritten(IncidentId incidentId,
                                       String summary,
                                       @PersonalData String by,
                                       Instant occurredAt,
                                       String sourceId) implements IncidentEvent {
}
