package dev.incidenttimeline.metrics;

import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.incidenttimeline.metrics.StandardMetrics.IMPACT_DURATION;
import static dev.incidenttimeline.metrics.StandardMetrics.LONGEST_UPDATE_GAP;
import static dev.incidenttimeline.metrics.StandardMetrics.RECORDING_LAG;
import static dev.incidenttimeline.metrics.StandardMetrics.TIME_TO_ACKNOWLEDGE;
import static dev.incidenttimeline.metrics.StandardMetrics.TIME_TO_DETECT;
import static dev.incidenttimeline.metrics.StandardMetrics.TIME_TO_FIRST_UPDATE;
import static dev.incidenttimeline.metrics.StandardMetrics.TIME_TO_LEADER;
import static dev.incidenttimeline.metrics.StandardMetrics.TIME_TO_MITIGATE;
import static dev.incidenttimeline.metrics.StandardMetrics.TIME_TO_MITIGATE_FROM_IMPACT;
import static dev.incidenttimeline.metrics.StandardMetrics.TIME_TO_RESOLVE;
import static dev.incidenttimeline.metrics.StandardMetrics.TIME_TO_RESOLVE_FROM_IMPACT;

/**
 * The response metrics of one incident. The duration fields are the standard metrics' values (null when the clock
 * never started or never stopped; a negative one is listed in {@link #inconsistencies()}); {@code metrics} has every
 * defined metric, the host's own included, with the events that started and stopped its clock.
 *
 * @param incidentId    the incident
 * @param declaredAt    when it was declared (reports put it in the period of this moment)
 * @param severity      its current severity
 * @param services      the services affected (declared and recorded with the impact), sorted
 * @param detectedBy    how it was declared to have been found
 * @param drill         whether it was a drill or a test
 * @param customerFirst whether a customer told us before our monitoring or people noticed
 * @param metrics       every metric computed for it, in the catalogue's order
 */
public record IncidentMetricsView(IncidentId incidentId,
                                  Instant declaredAt,
                                  Severity severity,
                                  List<String> services,
                                  DetectionSource detectedBy,
                                  boolean drill,
                                  boolean customerFirst,
                                  Duration timeToDetect,
                                  Duration timeToAcknowledge,
                                  Duration timeToLeader,
                                  Duration timeToFirstUpdate,
                                  Duration timeToMitigate,
                                  Duration timeToResolve,
                                  Duration timeToMitigateFromImpact,
                                  Duration timeToResolveFromImpact,
                                  Duration impactDuration,
                                  Duration longestUpdateGap,
                                  Duration recordingLag,
                                  List<String> inconsistencies,
                                  List<MetricValueView> metrics) {

    static IncidentMetricsView of(String incidentId, Instant declaredAt, Severity severity, List<String> services,
                                  DetectionSource detectedBy, boolean drill, boolean customerFirst,
                                  List<MetricValueView> metrics) {
        return new IncidentMetricsView(IncidentId.of(incidentId), declaredAt, severity, services, detectedBy, drill,
                customerFirst,
                value(metrics, TIME_TO_DETECT), value(metrics, TIME_TO_ACKNOWLEDGE), value(metrics, TIME_TO_LEADER),
                value(metrics, TIME_TO_FIRST_UPDATE), value(metrics, TIME_TO_MITIGATE),
                value(metrics, TIME_TO_RESOLVE), value(metrics, TIME_TO_MITIGATE_FROM_IMPACT),
                value(metrics, TIME_TO_RESOLVE_FROM_IMPACT), value(metrics, IMPACT_DURATION),
                value(metrics, LONGEST_UPDATE_GAP), value(metrics, RECORDING_LAG),
                metrics.stream().filter(MetricValueView::inconsistent).map(MetricValueView::name).toList(),
                List.copyOf(metrics));
    }

    /** The metric with this name, with its provenance, if it is computed for this incident. */
    public Optional<MetricValueView> metric(String name) {
        return metrics.stream().filter(metric -> metric.name().equals(name)).findFirst();
    }

    private static Duration value(List<MetricValueView> metrics, String name) {
        return metrics.stream().filter(metric -> metric.name().equals(name)).findFirst()
                .map(MetricValueView::value).orElse(null);
    }
}
