package dev.incidenttimeline.summary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The table of incident summaries, one row per incident. The entity declares the table for the schema;
 * {@link SummaryStore} reads and writes it with JDBC, a processor batch at a time.
 */
@Entity
@Table(name = "incident_summary", indexes = {
        @Index(name = "incident_summary_declared", columnList = "declared_at"),
        @Index(name = "incident_summary_status", columnList = "status, declared_at"),
        @Index(name = "incident_summary_severity", columnList = "severity, declared_at"),
        @Index(name = "incident_summary_organisation", columnList = "organisation, declared_at")})
class IncidentSummary {

    @Id
    @Column(name = "incident_id", length = 200)
    String incidentId;
    /** The organisation the incident was declared for; {@code null} without tenancy. */
    @Column(name = "organisation", length = 200)
    String organisation;
    @Column(name = "title", length = 200, nullable = false)
    String title;
    @Column(name = "status", length = 20, nullable = false)
    String status;
    @Column(name = "severity", length = 10, nullable = false)
    String severity;
    @Column(name = "detected_by", length = 20, nullable = false)
    String detectedBy;
    @Column(name = "drill", nullable = false)
    boolean drill;
    @Column(name = "declared_by", length = 200)
    String declaredBy;
    @Column(name = "declared_at", nullable = false)
    Instant declaredAt;
    @Column(name = "detected_at")
    Instant detectedAt;
    @Column(name = "impact_started_at")
    Instant impactStartedAt;
    @Column(name = "acknowledged_at")
    Instant acknowledgedAt;
    @Column(name = "mitigated_at")
    Instant mitigatedAt;
    @Column(name = "resolved_at")
    Instant resolvedAt;
    @Column(name = "impact_ended_at")
    Instant impactEndedAt;
    @Column(name = "closed_at")
    Instant closedAt;
    @Column(name = "acknowledged", nullable = false)
    boolean acknowledged;
    @Column(name = "postmortem", length = 20, nullable = false)
    String postmortem;
    @Column(name = "customers_affected")
    Integer customersAffected;
    @Column(name = "users_affected")
    Long usersAffected;
    /** The sequence number of the last event applied: older ones (a redelivery) are skipped. */
    @Column(name = "last_sequence", nullable = false)
    long lastSequence;
    @Column(name = "last_recorded_at", nullable = false)
    Instant lastRecordedAt;

    protected IncidentSummary() {
    }
}
