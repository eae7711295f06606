package dev.incidenttimeline.incident.api;

import java.time.Instant;

/**
 * A fact about one incident. {@link #occurredAt()} is when it happened in the world; when it was recorded is
 * the stored event message's timestamp.
 */
public interface IncidentEvent {

    IncidentId incidentId();

    Instant occurredAt();
}
