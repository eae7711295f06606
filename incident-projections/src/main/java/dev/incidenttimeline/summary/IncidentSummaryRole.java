package dev.incidenttimeline.summary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;

/** The table of the roles of an incident that someone holds now. */
@Entity
@Table(name = "incident_summary_role")
@IdClass(SummaryItemKey.class)
class IncidentSummaryRole {

    @Id
    @Column(name = "incident_id", length = 200)
    String incidentId;
    @Id
    @Column(name = "role_name", length = 200)
    String item;
    @Column(name = "person", length = 200, nullable = false)
    String person;
    @Column(name = "since", nullable = false)
    Instant since;

    protected IncidentSummaryRole() {
    }
}
