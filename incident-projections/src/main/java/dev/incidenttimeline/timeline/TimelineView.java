package dev.incidenttimeline.timeline;

import dev.incidenttimeline.incident.api.IncidentId;

import java.time.Instant;
import java.util.List;

/**
 * An incident's timeline, ordered by when things happened ({@code occurredAt}), ties in the order they were stored.
 *
 * @param incidentId the incident
 * @param knownAt    the time it is seen as of, {@code null} for "as we now know it"
 * @param entries    the entries that passed the query's filters; empty if the incident is unknown (yet)
 */
public record TimelineView(IncidentId incidentId, Instant knownAt, List<TimelineEntryView> entries) {

    public TimelineView {
        entries = List.copyOf(entries);
    }
}
