package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records that a linked alert stopped firing at {@code occurredAt}.
 */
public record ResolveAlert(@TargetAggregateIdentifier IncidentId incidentId,
                           String source,
                           String fingerprint,
                           Instant occurredAt,
                           String sourceId) implements IncidentCommand {
}
