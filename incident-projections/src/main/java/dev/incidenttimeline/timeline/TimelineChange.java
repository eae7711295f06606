package dev.incidenttimeline.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The table of changes to status updates and notes: amendments (with the previous text and time), pins, unpins and
 * redactions, one row per event, each with its own {@code recorded_at} so that a timeline "as known at" a time
 * applies only the changes recorded by then. The entity declares the table; {@link TimelineStore} reads and writes it.
 */
@Entity
@Table(name = "timeline_change", indexes = {
        @Index(name = "timeline_change_incident", columnList = "incident_id, sequence_number")})
class TimelineChange {

    /** The event identifier. */
    @Id
    @Column(name = "id", length = 120)
    String id;
    @Column(name = "incident_id", length = 200, nullable = false)
    String incidentId;
    @Column(name = "sequence_number", nullable = false)
    long sequenceNumber;
    @Column(name = "entry_id", length = 200, nullable = false)
    String entryId;
    /** AMENDED, REDACTED, PINNED or UNPINNED. */
    @Column(name = "change_type", length = 20, nullable = false)
    String changeType;
    @Column(name = "actor", length = 200)
    String actor;
    @Column(name = "reason", length = 10_000)
    String reason;
    @Column(name = "previous_text", length = 10_000)
    String previousText;
    @Column(name = "new_text", length = 10_000)
    String newText;
    @Column(name = "previous_time")
    Instant previousTime;
    @Column(name = "new_time")
    Instant newTime;
    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;
    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;

    protected TimelineChange() {
    }
}
