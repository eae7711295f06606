package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * An incident was declared. {@code occurredAt} is the declaration; {@code detectedAt} and {@code impactStartedAt} (may be null) can be earlier.
 */
@Revision("1")
public record IncidentDeclared(IncidentId incidentId,
                               String title,
                               Severity severity,
                               List<String> services,
                               DetectionSource detectedBy,
                               Instant detectedAt,
                               Instant impactStartedAt,
                               @PersonalData String declaredBy,
                               boolean drill,
                               Instant occurredAt,
                               String sourceId) implements IncidentEvent {
}
