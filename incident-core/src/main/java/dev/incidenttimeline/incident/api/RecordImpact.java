package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Records the impact as now known: services, how many customers and users, which customers. Each record replaces the previous picture; {@code null} counts are unknown.
 */
public record RecordImpact(@TargetAggregateIdentifier IncidentId incidentId,
                           List<String> services,
                           Integer customersAffected,
                           Long usersAffected,
                           List<String> affectedCustomers,
                           String by,
                           Instant occurredAt,
                           String sourceId) implements IncidentCommand {
}
