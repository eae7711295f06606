package dev.incidenttimeline.metrics;

import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.Severity;

import java.time.Duration;
import java.time.Instant;

/**
 * One metric's value for one incident, a row of {@code metrics_value}: the definition version it was computed with
 * and the events that started and stopped its clock. A negative value is kept, flagged as inconsistent.
 *
 * <p>It repeats what reports filter and group by (declaration time, drill, severity, detection source), so that a
 * report reads this one table: at 100,000 incidents, joining the incidents made the report's select six times
 * slower on H2.
 */
final class MetricsValue {

    /**
     * The columns besides the keys.
     *
     * @param valueMillis milliseconds; null when the clock never started or never stopped
     */
    record Columns(int version, Long valueMillis, boolean inconsistent, Instant startedAt, String startEventId,
                   Instant stoppedAt, String stopEventId, Instant declaredAt, boolean drill, Severity severity,
                   DetectionSource detectedBy, String organisation) {
    }

    /** The row's id; null until the value is stored. */
    private Long id;

    private final String metric;

    private Columns columns;

    /** The columns as read; a recomputation that gives the same ones writes nothing. */
    private final Columns stored;

    /** A value not stored yet. */
    MetricsValue(String metric) {
        this(null, metric, null);
    }

    /** A value as stored. */
    MetricsValue(Long id, String metric, Columns stored) {
        this.id = id;
        this.metric = metric;
        this.columns = stored;
        this.stored = stored;
    }

    /**
     * Sets the value computed with this version of the metric's definition, and copies what reports filter and
     * group by from the incident.
     */
    void set(int definitionVersion, Span span, Instant declaredAt, boolean drill, Severity severity,
             DetectionSource detectedBy, String organisation) {
        Duration duration = span.duration();
        this.columns = new Columns(definitionVersion, duration == null ? null : duration.toMillis(),
                duration != null && duration.isNegative(),
                span.start() == null ? null : span.start().at(), span.start() == null ? null : span.start().eventId(),
                span.stop() == null ? null : span.stop().at(), span.stop() == null ? null : span.stop().eventId(),
                declaredAt, drill, severity, detectedBy, organisation);
    }

    String metric() {
        return metric;
    }

    Columns columns() {
        return columns;
    }

    Long id() {
        return id;
    }

    boolean isNew() {
        return id == null;
    }

    /** Whether the stored row differs from the value now. */
    boolean changed() {
        return !columns.equals(stored);
    }

    /** The value is stored with this id. */
    void storedAs(long id) {
        this.id = id;
    }

    MetricValueView toView() {
        return new MetricValueView(metric, columns.version(),
                columns.valueMillis() == null ? null : Duration.ofMillis(columns.valueMillis()),
                columns.inconsistent(), columns.startedAt(), columns.startEventId(), columns.stoppedAt(),
                columns.stopEventId());
    }
}
