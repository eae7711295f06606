package dev.incidenttimeline.postmortem;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The table of postmortem facts: one row per event that the postmortem needs, written once by
 * {@link PostmortemProjection} and never changed. The columns are generic; {@link FactKind} says what each holds for
 * a kind. The entity declares the table for the schema; reads and writes go through {@link PostmortemStore}.
 */
@Entity
@Table(name = "postmortem_fact", indexes = {
        @Index(name = "postmortem_fact_incident", columnList = "incident_id, sequence_number")})
class PostmortemFact {

    /** The event identifier. */
    @Id
    @Column(name = "id", length = 120)
    String id;
    @Column(name = "incident_id", length = 200, nullable = false)
    String incidentId;
    @Column(name = "sequence_number", nullable = false)
    long sequenceNumber;
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
}
