package dev.incidenttimeline.metrics;

import dev.incidenttimeline.incident.api.IncidentId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

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
        return join(() -> queryGateway.query(new FindIncidentMetrics(incidentId),
                ResponseTypes.optionalInstanceOf(IncidentMetricsView.class)).join());
    }

    /** The metrics of the incidents declared in a period, grouped. */
    public MetricsReportView summarize(SummarizeMetrics query) {
        return join(() -> queryGateway.query(query, ResponseTypes.instanceOf(MetricsReportView.class)).join());
    }

    /**
     * The metrics of the incidents declared from {@code from} (inclusive) to {@code to} (exclusive), grouped.
     *
     * @throws IllegalArgumentException if the period ends before it starts
     */
    public MetricsReportView summarize(Instant from, Instant to, MetricsGroupBy groupBy, boolean includeDrills) {
        return summarize(new SummarizeMetrics(from, to, groupBy, includeDrills));
    }

    private static <T> T join(Supplier<T> call) {
        try {
            return call.get();
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failure;
        }
    }
}
