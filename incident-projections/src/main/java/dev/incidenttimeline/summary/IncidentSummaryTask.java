package dev.incidenttimeline.summary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;

/** The table of an incident's tasks, open and done. */
@Entity
@Table(name = "incident_summary_task")
@IdClass(SummaryItemKey.class)
class IncidentSummaryTask {

    @Id
    @Column(name = "incident_id", length = 200)
    String incidentId;
    @Id
    @Column(name = "task_id", length = 200)
    String item;
    @Column(name = "title", length = 10_000, nullable = false)
    String title;
    @Column(name = "assignee", length = 200, nullable = false)
    String assignee;
    @Column(name = "assigned_at", nullable = false)
    Instant assignedAt;
    @Column(name = "completed_at")
    Instant completedAt;
    @Column(name = "completed_by", length = 200)
    String completedBy;

    protected IncidentSummaryTask() {
    }
}
