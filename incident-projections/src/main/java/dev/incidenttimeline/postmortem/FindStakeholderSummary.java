package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.incident.api.IncidentId;

import java.util.Objects;

/**
 * Asks for the summary of an incident for the rest of the company (the shape of the e-mail the incident leader sends
 * out), answered with an {@code Optional<StakeholderSummaryView>}, empty when the incident is not known (yet).
 *
 * @param incidentId the incident
 */
public record FindStakeholderSummary(IncidentId incidentId) {

    public FindStakeholderSummary {
        Objects.requireNonNull(incidentId, "incidentId");
    }
}
