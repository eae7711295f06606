package dev.incidenttimeline.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The table of the incidents the timeline knows, with the organisation each was declared for: a timeline is only
 * shown to its own organisation. The entity declares the table for the schema; {@link TimelineStore} uses it with
 * JDBC.
 */
@Entity
@Table(name = "timeline_incident")
class TimelineIncident {

    @Id
    @Column(name = "incident_id", length = 200)
    String incidentId;
    /** {@code null} without tenancy. */
    @Column(name = "organisation", length = 200)
    String organisation;

    protected TimelineIncident() {
    }
}
