package dev.incidenttimeline.metrics;

import java.time.Instant;

/**
 * Asks for the response metrics of the incidents declared in a period, grouped; answered with a
 * {@link MetricsReportView}.
 *
 * @param from          the start of the period (inclusive), or null for no lower bound
 * @param to            the end of the period (exclusive), or null for no upper bound
 * @param groupBy       how to group the incidents, or null for a single group {@code all}
 * @param includeDrills whether drills and tests count
 */
public record SummarizeMetrics(Instant from, Instant to, MetricsGroupBy groupBy, boolean includeDrills) {

    /**
     * @throws IllegalArgumentException if the period ends before it starts
     */
    public SummarizeMetrics {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("The period's start (" + from + ") must be before its end (" + to
                    + ").");
        }
    }
}
