package dev.incidenttimeline.metrics;

import jakarta.persistence.Column;
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

import java.time.Instant;

/**
 * A row of the read model: one milestone fact of an incident (see {@link Fact}).
 */
@Entity
@Table(name = "metrics_fact", indexes = @Index(name = "metrics_fact_incident", columnList = "incident_id"))
class MetricsFact {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "incident_id", nullable = false)
    private MetricsIncident incident;

    /** The kind and key together, unique within the incident. */
    @Column(name = "fact_name", nullable = false, length = 300)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 40)
    private FactKind kind;

    @Column(name = "fact_key", nullable = false, length = 255)
    private String key;

    @Column(name = "event_sequence", nullable = false)
    private long sequence;

    @Column(name = "happened_at", nullable = false)
    private Instant at;

    @Column(name = "event_id", nullable = false, length = 100)
    private String eventId;

    @Column(name = "origin_event_id", nullable = false, length = 100)
    private String originEventId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected MetricsFact() {
        // for JPA
    }

    MetricsFact(MetricsIncident incident, FactKind kind, String key, long sequence, Instant at, String eventId,
                Instant recordedAt) {
        this.incident = incident;
        this.name = name(kind, key);
        this.kind = kind;
        this.key = key;
        this.sequence = sequence;
        this.at = at;
        this.eventId = eventId;
        this.originEventId = eventId;
        this.occurredAt = at;
        this.recordedAt = recordedAt;
    }

    static String name(FactKind kind, String key) {
        return kind + ":" + key;
    }

    /** A correction or amendment moved this fact to another time. */
    void moveTo(Instant newTime, String byEventId) {
        this.at = newTime;
        this.eventId = byEventId;
    }

    String name() {
        return name;
    }

    FactKind kind() {
        return kind;
    }

    long sequence() {
        return sequence;
    }

    Fact toFact() {
        return new Fact(kind, key, sequence, new Point(at, eventId), originEventId, occurredAt, recordedAt);
    }
}
