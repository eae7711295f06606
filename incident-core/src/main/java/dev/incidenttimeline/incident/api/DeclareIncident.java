package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Declares an incident: from an alert, a customer report, monitoring or by hand. {@code detectedAt} defaults to {@code occurredAt} (the declaration); {@code impactStartedAt} is optional; a drill is kept out of the metrics.
 */
public record DeclareIncident(@TargetAggregateIdentifier IncidentId incidentId,
                              String title,
                              Severity severity,
                              List<String> services,
                              DetectionSource detectedBy,
                              Instant detectedAt,
                              Instant impactStartedAt,
                              String declaredBy,
                              boolean drill,
                              Instant occurredAt,
                              String sourceId) implements IncidentCommand {
}
