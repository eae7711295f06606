package dev.incidenttimeline.incident.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

/**
 * An alert that fired at {@code occurredAt} was linked to the incident.
 */
@Revision("1")
public record AlertLinked(IncidentId incidentId,
                          String source,
                          String fingerprint,
                          String name,
                          String summary,
                          Map<String, String> labels,
                          Instant occurredAt,
                          String sourceId) implements IncidentEvent {
}
