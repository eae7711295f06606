package dev.incidenttimeline.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/**
 * The table of timeline entries: one row per entry, written once by {@link TimelineProjection} (in JDBC batches)
 * and never changed, except that a redaction clears its content. The entity declares the table for the schema;
 * reads and writes go through {@link TimelineStore}.
 *
 * <p>The key is the entry's place in its incident (sequence number, then part), not the event identifier: rows
 * written together then share the index pages of their incidents (see the migration {@code V2_7}), and the key orders
 * the timeline.
 */
@Entity
@IdClass(TimelineEntry.Key.class)
@Table(name = "timeline_entry")
class TimelineEntry {

    @Id
    @Column(name = "incident_id", length = 200, nullable = false)
    String incidentId;
    /** The sequence number of the event the entry comes from. */
    @Id
    @Column(name = "sequence_number", nullable = false)
    long sequenceNumber;
    /** Orders the entries one event gives (the declaration, then detection, then the start of impact). */
    @Id
    @Column(name = "part", nullable = false)
    int part;
    /** The event identifier, with a suffix for the second and third entry of one event (the API shows it). */
    @Column(name = "id", length = 120, nullable = false)
    String id;
    @Column(name = "entry_id", length = 200)
    String entryId;
    @Column(name = "kind", length = 40, nullable = false)
    String kind;
    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;
    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;
    @Column(name = "actor", length = 200)
    String actor;
    @Column(name = "text", length = 30_000)
    String text;
    @Column(name = "visibility", length = 10, nullable = false)
    String visibility;
    /** The links, one per line. */
    @Column(name = "links", length = 210_000)
    String links;
    /** What the entry is about, so a later entry can name it: a task, an alert, a customer ticket. */
    @Column(name = "ref", length = 500)
    String ref;
    /** The name of what {@link #ref} points at: the task's title, the alert's name, the customer. */
    @Column(name = "subject", length = 10_000)
    String subject;

    protected TimelineEntry() {
    }

    /** The primary key. */
    record Key(String incidentId, long sequenceNumber, int part) implements Serializable {
    }
}
