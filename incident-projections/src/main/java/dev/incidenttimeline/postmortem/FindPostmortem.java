package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.incident.api.IncidentId;

import java.util.Objects;

/**
 * Asks for an incident's postmortem document, answered with an {@code Optional<PostmortemView>} (empty when the
 * incident is not known, yet). Any declared incident has one: a draft until the postmortem is published, then stable.
 *
 * @param incidentId the incident
 * @param detail     how much of the timeline to show; {@code null} means {@link TimelineDetail#SIGNIFICANT}
 * @param publicOnly whether the timeline shows only what customers may see (every public status update, whatever
 *                   {@code detail} says)
 */
public record FindPostmortem(IncidentId incidentId, TimelineDetail detail, boolean publicOnly) {

    public FindPostmortem {
        Objects.requireNonNull(incidentId, "incidentId");
        detail = detail == null ? TimelineDetail.SIGNIFICANT : detail;
    }

    /** The postmortem with the significant, internal timeline. */
    public static FindPostmortem of(IncidentId incidentId) {
        return new FindPostmortem(incidentId, TimelineDetail.SIGNIFICANT, false);
    }
}
