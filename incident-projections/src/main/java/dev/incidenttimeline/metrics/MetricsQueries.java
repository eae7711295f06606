package dev.incidenttimeline.metrics;

import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.projections.QueryResults;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The typed way to ask for response metrics, for hosts that do not want to know Axon's query bus.
 */
public class MetricsQueries {

    private final QueryGateway queryGateway;

    public MetricsQueries(QueryGateway queryGateway) {
        this.queryGateway = Objects.requireNonNull(queryGateway, "queryGateway");
    }

    /** The metrics of one incident, empty if the read model does not know it (yet). */
    public Optional<IncidentMetricsView> incident(IncidentId incidentId) {
        return QueryResults.await(queryGateway.query(new FindIncidentMetrics(incidentId),
                ResponseTypes.optionalInstanceOf(IncidentMetricsView.class)));
    }

    /** The metrics of the incidents declared in a period, grouped. */
    public MetricsReportView summarize(SummarizeMetrics query) {
        return QueryResults.await(queryGateway.query(query, ResponseTypes.instanceOf(MetricsReportView.class)));
    }

    /**
     * The metrics of the incidents declared from {@code from} (inclusive) to {@code to} (exclusive), grouped.
     *
     * @throws IllegalArgumentException if the period ends before it starts
     */
    public MetricsReportView summarize(Instant from, Instant to, MetricsGroupBy groupBy, boolean includeDrills) {
        return summarize(new SummarizeMetrics(from, to, groupBy, includeDrills));
    }

}
