package dev.incidenttimeline.summary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** The table of the services an incident touches (declared and recorded impact), to filter summaries by service. */
@Entity
@Table(name = "incident_summary_service", indexes = @Index(name = "incident_summary_service_name", columnList = "service"))
@IdClass(SummaryItemKey.class)
class IncidentSummaryService {

    @Id
    @Column(name = "incident_id", length = 200)
    String incidentId;
    @Id
    @Column(name = "service", length = 200)
    String item;

    protected IncidentSummaryService() {
    }
}
