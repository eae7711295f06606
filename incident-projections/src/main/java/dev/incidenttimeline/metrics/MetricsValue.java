package dev.incidenttimeline.metrics;

import jakarta.persistence.Column;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.Severity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * A row of the read model: one metric's value for one incident, with the definition version it was computed with
 * and the events that started and stopped its clock. A negative value is kept, flagged as inconsistent.
 *
 * <p>It repeats what reports filter and group by (declaration time, drill, severity, detection source), so that a
 * report reads this one table: at 100,000 incidents, joining the incidents made the report's select six times
 * slower on H2.
 */
@Entity
@Table(name = "metrics_value", indexes = {
        @Index(name = "metrics_value_incident", columnList = "incident_id"),
        @Index(name = "metrics_value_declared", columnList = "declared_at")})
class MetricsValue {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "incident_id", nullable = false)
    private MetricsIncident incident;

    @Column(name = "metric", nullable = false, length = 100)
    private String metric;

    @Column(name = "definition_version", nullable = false)
    private int version;

    /** Milliseconds; null when the clock never started or never stopped. */
    @Column(name = "value_millis")
    private Long valueMillis;

    @Column(name = "inconsistent", nullable = false)
    private boolean inconsistent;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "start_event_id", length = 100)
    private String startEventId;

    @Column(name = "stopped_at")
    private Instant stoppedAt;

    @Column(name = "stop_event_id", length = 100)
    private String stopEventId;

    @Column(name = "declared_at")
    private Instant declaredAt;

    @Column(name = "drill", nullable = false)
    private boolean drill;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", length = 20)
    private Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(name = "detected_by", length = 20)
    private DetectionSource detectedBy;

    @Column(name = "organisation", length = 200)
    private String organisation;

    protected MetricsValue() {
        // for JPA
    }

    MetricsValue(MetricsIncident incident, String metric) {
        this.incident = incident;
        this.metric = metric;
    }

    /** Copies what reports filter and group by from the incident. */
    void describe(Instant declaredAt, boolean drill, Severity severity, DetectionSource detectedBy,
                  String organisation) {
        this.declaredAt = declaredAt;
        this.organisation = organisation;
        this.drill = drill;
        this.severity = severity;
        this.detectedBy = detectedBy;
    }

    void set(int definitionVersion, Span span) {
        Duration duration = span.duration();
        this.version = definitionVersion;
        this.valueMillis = duration == null ? null : duration.toMillis();
        this.inconsistent = duration != null && duration.isNegative();
        this.startedAt = span.start() == null ? null : span.start().at();
        this.startEventId = span.start() == null ? null : span.start().eventId();
        this.stoppedAt = span.stop() == null ? null : span.stop().at();
        this.stopEventId = span.stop() == null ? null : span.stop().eventId();
    }

    String metric() {
        return metric;
    }

    MetricValueView toView() {
        return new MetricValueView(metric, version, valueMillis == null ? null : Duration.ofMillis(valueMillis),
                inconsistent, startedAt, startEventId, stoppedAt, stopEventId);
    }
}
