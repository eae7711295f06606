package dev.incidenttimeline.incident.api;

import java.time.Instant;

/**
 * A command on one incident. {@link #occurredAt()} is when it happened in the world; {@code null} means "now",
 * as told by the injected clock.
 */
public interface IncidentCommand {

    IncidentId incidentId();

    Instant occurredAt();

    /**
     * The id of the external fact this command records (a webhook delivery id, a Slack {@code channel:ts}, an import
     * row), or {@code null}. An incident that has recorded this id before ignores the command.
     */
    String sourceId();
}
