package dev.incidenttimeline.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Response metrics aggregated over the incidents declared in a period.
 *
 * @param from          the start of the period (inclusive), or null for no lower bound
 * @param to            the end of the period (exclusive), or null for no upper bound
 * @param groupBy       how incidents are grouped, or null for one group {@code all}
 * @param includeDrills whether drills and tests are counted
 * @param groups        the groups, sorted by key
 */
public record MetricsReportView(Instant from,
                                Instant to,
                                MetricsGroupBy groupBy,
                                boolean includeDrills,
                                List<MetricsGroupView> groups) {

    /** The group with this key, if any incident fell into it. */
    public Optional<MetricsGroupView> group(String key) {
        return groups.stream().filter(group -> group.key().equals(key)).findFirst();
    }
}
