package dev.incidenttimeline.incident.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The postmortem draft was started.
 */
@Revision("1")
public record PostmortemStarted(IncidentId incidentId,
                                String by,
                                Instant occurredAt,
                                String sourceId) implements IncidentEvent {
}
