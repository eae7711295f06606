package dev.incidenttimeline.summary;

import dev.incidenttimeline.incident.api.IncidentId;

import java.util.Objects;

/**
 * Asks for one incident's current state, answered with an {@link IncidentDetailView}, or nothing if the incident is
 * not known (yet: read models are eventually consistent).
 *
 * @param incidentId the incident
 */
public record FindIncident(IncidentId incidentId) {

    public FindIncident {
        Objects.requireNonNull(incidentId, "incidentId");
    }
}
