package dev.incidenttimeline.app.api;

import dev.incidenttimeline.metrics.MetricSummaryView;
import dev.incidenttimeline.metrics.MetricsGroupView;
import dev.incidenttimeline.metrics.MetricsReportView;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.incidenttimeline.app.api.IncidentMetricsApiView.iso;

/**
 * Response metrics over the incidents declared in a period, {@code GET /api/metrics}.
 *
 * @param from          the start of the period (inclusive), {@code null} for none
 * @param to            the end of the period (exclusive), {@code null} for none
 * @param groupBy       {@code service}, {@code severity}, {@code detectedBy}, {@code week} or {@code month};
 *                      {@code null} for one group {@code all}
 * @param includeDrills whether drills count
 * @param groups        the groups, sorted by key
 */
public record MetricsReportApiView(Instant from, Instant to, String groupBy, boolean includeDrills,
                                   List<Group> groups) {

    /**
     * One group of incidents.
     *
     * @param key                a service, a severity, a detection source, an ISO week ({@code 2026-W09}), a month
     *                           ({@code 2026-03}) or {@code all}
     * @param incidents          how many incidents are in it
     * @param customerFirst      how many a customer reported before we noticed
     * @param customerFirstShare {@code customerFirst / incidents} (0 for none)
     * @param inconsistencies    how many values were negative and left out
     * @param metrics            each metric's figures by name
     */
    public record Group(String key, long incidents, long customerFirst, double customerFirstShare,
                        long inconsistencies, Map<String, Figures> metrics) {

        static Group from(MetricsGroupView view) {
            Map<String, Figures> metrics = new LinkedHashMap<>();
            view.metrics().forEach((name, summary) -> metrics.put(name, Figures.from(summary)));
            return new Group(view.key(), view.incidents(), view.customerFirst(), view.customerFirstShare(),
                    view.inconsistencies(), metrics);
        }
    }

    /**
     * One metric over a group: ISO-8601 durations, all {@code null} when {@code count} is 0.
     *
     * @param count           how many incidents have a consistent value
     * @param mean            the mean
     * @param p50             the median
     * @param p90             the 90th percentile
     * @param p95             the 95th percentile
     * @param max             the largest value
     * @param inconsistencies how many negative values were left out
     */
    public record Figures(long count, String mean, String p50, String p90, String p95, String max,
                          long inconsistencies) {

        static Figures from(MetricSummaryView view) {
            return new Figures(view.count(), iso(view.mean()), iso(view.p50()), iso(view.p90()), iso(view.p95()),
                    iso(view.max()), view.inconsistencies());
        }
    }

    static MetricsReportApiView from(MetricsReportView view) {
        return new MetricsReportApiView(view.from(), view.to(),
                view.groupBy() == null ? null : view.groupBy().parameter(), view.includeDrills(),
                view.groups().stream().map(Group::from).toList());
    }
}
