package dev.incidenttimeline.incident.api;

import java.time.Instant;

/**
 * A command on one incident. {@link #occurredAt()} is when it happened in the world; {@code null} means "now",
 * as told by the injected clock.
 */
public interface IncidentCommand {

    IncidentId incidentId();

    Instant occurredAt();
}
