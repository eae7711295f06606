package dev.incidenttimeline.postmortem;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The table of postmortem facts: one row per event that the postmortem needs, written once by
 * {@link PostmortemProjection} and never changed. The columns are generic; {@link FactKind} says what each holds for
 * a kind. The entity declares the table for the schema; reads and writes go through {@link PostmortemStore}.
 *
 * <p>The key is the fact's place in its incident (an event gives at most one fact), not the event identifier: rows
 * written together then share the index pages of their incidents (see the migration {@code V2_8}).
 */
@Entity
@IdClass(PostmortemFact.Key.class)
@Table(name = "postmortem_fact")
class PostmortemFact {

    @Id
    @Column(name = "incident_id", length = 200, nullable = false)
    String incidentId;
    /** The sequence number of the event the fact comes from. */
    @Id
    @Column(name = "sequence_number", nullable = false)
    long sequenceNumber;
    /** The event identifier. */
    @Column(name = "id", length = 120, nullable = false)
    String id;
    @Column(name = "kind", length = 40, nullable = false)
    String kind;
    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;
    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;
    @Column(name = "actor", length = 200)
    String actor;
    @Column(name = "subject", length = 500)
    String subject;
    @Column(name = "text", length = 30_000)
    String text;
    @Column(name = "detail", length = 500)
    String detail;
    @Column(name = "items", length = 30_000)
    String items;
    @Column(name = "time_a")
    Instant timeA;
    @Column(name = "time_b")
    Instant timeB;
    @Column(name = "number_a")
    Long numberA;
    @Column(name = "number_b")
    Long numberB;
    @Column(name = "due_date")
    LocalDate dueDate;

    protected PostmortemFact() {
    }

    /** The primary key. */
    record Key(String incidentId, long sequenceNumber) implements Serializable {
    }
}
