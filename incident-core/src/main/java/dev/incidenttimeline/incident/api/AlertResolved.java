package dev.incidenttimeline.incident.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A linked alert stopped firing.
 */
@Revision("1")
public record AlertResolved(IncidentId incidentId,
                            String source,
                            String fingerprint,
                            Instant occurredAt,
                            String sourceId) implements IncidentEvent {
}
