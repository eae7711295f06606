package dev.incidenttimeline.metrics;

import dev.incidenttimeline.incident.api.IncidentId;

import java.util.Objects;

/**
 * Asks for the response metrics of one incident; answered with an {@code Optional<IncidentMetricsView>}, empty when
 * the metrics read model does not know the incident (yet).
 *
 * @param incidentId the incident
 */
public record FindIncidentMetrics(IncidentId incidentId) {

    public FindIncidentMetrics {
        Objects.requireNonNull(incidentId, "incidentId");
    }
}
