package dev.incidenttimeline.metrics;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One milestone fact of an incident (see {@link Fact}), a row of {@code metrics_fact}; {@link MetricsStore} reads
 * and writes it.
 */
final class MetricsFact {

    /** The row's id; null until the fact is stored. */
    private Long id;

    private final FactKind kind;
    private final String key;
    private final long sequence;
    private Instant at;
    private String eventId;
    private final String originEventId;
    private final Instant occurredAt;
    private final Instant recordedAt;

    /** Whether a correction or amendment moved it since it was read: its row must be updated. */
    private boolean moved;

    /**
     * A fact recorded by the event with this id and sequence number, at the time the event says. Times are kept to
     * the microsecond, as the database stores them (H2 and PostgreSQL round anything finer), so that metrics computed
     * from this fact now and from its row later (a {@link MetricsRecomputation}) are the same.
     */
    MetricsFact(FactKind kind, String key, long sequence, Instant at, String eventId, Instant recordedAt) {
        this(null, kind, key, sequence, asStored(at), eventId, eventId, asStored(at), asStored(recordedAt));
    }

    /** The instant to the microsecond; null stays null. */
    static Instant asStored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** A fact as stored. */
    MetricsFact(Long id, FactKind kind, String key, long sequence, Instant at, String eventId, String originEventId,
                Instant occurredAt, Instant recordedAt) {
        this.id = id;
        this.kind = kind;
        this.key = key;
        this.sequence = sequence;
        this.at = at;
        this.eventId = eventId;
        this.originEventId = originEventId;
        this.occurredAt = occurredAt;
        this.recordedAt = recordedAt;
    }

    static String name(FactKind kind, String key) {
        return kind + ":" + key;
    }

    /** A correction or amendment moved this fact to another time. */
    void moveTo(Instant newTime, String byEventId) {
        this.at = asStored(newTime);
        this.eventId = byEventId;
        this.moved = true;
    }

    /** The kind and key together, unique within the incident. */
    String name() {
        return name(kind, key);
    }

    FactKind kind() {
        return kind;
    }

    String key() {
        return key;
    }

    long sequence() {
        return sequence;
    }

    Instant at() {
        return at;
    }

    String eventId() {
        return eventId;
    }

    String originEventId() {
        return originEventId;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    Instant recordedAt() {
        return recordedAt;
    }

    Long id() {
        return id;
    }

    boolean isNew() {
        return id == null;
    }

    boolean moved() {
        return moved;
    }

    /** The fact is stored with this id. */
    void storedAs(long id) {
        this.id = id;
    }

    Fact toFact() {
        return new Fact(kind, key, sequence, new Point(at, eventId), originEventId, occurredAt, recordedAt);
    }
}
