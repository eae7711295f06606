package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Map;

/**
 * Links a firing alert to the incident; {@code occurredAt} is when it fired. The same (source, fingerprint) while it fires is one link.
 */
public record LinkAlert(@TargetAggregateIdentifier IncidentId incidentId,
                        String source,
                        String fingerprint,
                        String name,
                        String summary,
                        Map<String, String> labels,
                        Instant occurredAt,
                        String sourceId) implements IncidentCommand {
}
