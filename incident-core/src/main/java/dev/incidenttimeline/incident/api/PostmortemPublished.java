package dev.incidenttimeline.incident.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The postmortem was published.
 */
@Revision("1")
public record PostmortemPublished(IncidentId incidentId,
                                  String by,
                                  Instant occurredAt,
                                  String sourceId) implements IncidentEvent {
}
