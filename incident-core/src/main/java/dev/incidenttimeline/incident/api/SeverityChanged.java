package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The severity changed from {@code previousSeverity} to {@code severity}.
 */
@Revision("1")
public record SeverityChanged(IncidentId incidentId,
                              Severity previousSeverity,
                              Severity severity,
                              String reason,
                              @PersonalData String by,
                              Instant occurredAt,
                              String sourceId) implements IncidentEvent {
}
