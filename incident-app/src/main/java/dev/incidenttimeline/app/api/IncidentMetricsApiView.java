package dev.incidenttimeline.app.api;

import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.metrics.IncidentMetricsView;
import dev.incidenttimeline.metrics.MetricValueView;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One incident's response metrics, {@code GET /api/incidents/{id}/metrics}. Every duration is an ISO-8601 duration
 * ({@code PT3M}), {@code null} when its clock never started or never stopped.
 *
 * @param incidentId               the incident
 * @param declaredAt               when it was declared
 * @param severity                 its current severity
 * @param services                 the services affected, sorted
 * @param detectedBy               how it was found
 * @param drill                    whether it was a drill
 * @param customerFirst            whether a customer told us before our monitoring or people noticed
 * @param timeToDetect             impact start to first detection
 * @param timeToAcknowledge        declaration to first acknowledgement
 * @param timeToLeader             declaration to the first leader
 * @param timeToFirstUpdate        declaration to the first status update
 * @param timeToMitigate           declaration to the mitigation that counts
 * @param timeToResolve            declaration to the resolution that counts
 * @param timeToMitigateFromImpact impact start to the mitigation
 * @param timeToResolveFromImpact  impact start to the resolution
 * @param impactDuration           impact start to its end (else the mitigation, else the resolution)
 * @param longestUpdateGap         the largest gap between consecutive status updates while open
 * @param recordingLag             the longest time between a milestone happening and it being recorded
 * @param inconsistencies          the metrics whose value came out negative (the data contradict each other)
 * @param metrics                  every metric computed, the host's own included, with where its clock started
 *                                 and stopped
 */
public record IncidentMetricsApiView(String incidentId,
                                     Instant declaredAt,
                                     Severity severity,
                                     List<String> services,
                                     DetectionSource detectedBy,
                                     boolean drill,
                                     boolean customerFirst,
                                     String timeToDetect,
                                     String timeToAcknowledge,
                                     String timeToLeader,
                                     String timeToFirstUpdate,
                                     String timeToMitigate,
                                     String timeToResolve,
                                     String timeToMitigateFromImpact,
                                     String timeToResolveFromImpact,
                                     String impactDuration,
                                     String longestUpdateGap,
                                     String recordingLag,
                                     List<String> inconsistencies,
                                     List<Metric> metrics) {

    /**
     * One metric of the incident, with its provenance.
     *
     * @param name         the metric's name
     * @param version      the version of its definition
     * @param value        the duration, {@code null} when the clock never started or stopped
     * @param inconsistent whether the value is negative
     * @param startedAt    when the clock started, or {@code null}
     * @param startEventId the stored event that started it, or {@code null}
     * @param stoppedAt    when it stopped, or {@code null}
     * @param stopEventId  the stored event that stopped it, or {@code null}
     */
    public record Metric(String name, int version, String value, boolean inconsistent, Instant startedAt,
                         String startEventId, Instant stoppedAt, String stopEventId) {

        static Metric from(MetricValueView view) {
            return new Metric(view.name(), view.version(), iso(view.value()), view.inconsistent(), view.startedAt(),
                    view.startEventId(), view.stoppedAt(), view.stopEventId());
        }
    }

    static IncidentMetricsApiView from(IncidentMetricsView view) {
        return new IncidentMetricsApiView(view.incidentId().value(), view.declaredAt(), view.severity(),
                view.services(), view.detectedBy(), view.drill(), view.customerFirst(), iso(view.timeToDetect()),
                iso(view.timeToAcknowledge()), iso(view.timeToLeader()), iso(view.timeToFirstUpdate()),
                iso(view.timeToMitigate()), iso(view.timeToResolve()), iso(view.timeToMitigateFromImpact()),
                iso(view.timeToResolveFromImpact()), iso(view.impactDuration()), iso(view.longestUpdateGap()),
                iso(view.recordingLag()), view.inconsistencies(),
                view.metrics().stream().map(Metric::from).toList());
    }

    /** A duration as ISO-8601 ({@code PT1H2M}), {@code null} for none. */
    static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }
}
