package dev.incidenttimeline.timeline;

import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.Visibility;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Asks for an incident's timeline, answered with a {@link TimelineView}. Also usable as a subscription query: every
 * batch of new events of the incident sends the refreshed view.
 *
 * @param incidentId the incident
 * @param knownAt    {@code null} for the timeline as we now know it happened; otherwise the timeline as it could be
 *                   seen at that time: only entries and changes recorded by then (redacted content stays hidden)
 * @param kinds      the kinds of entries wanted; empty for all
 * @param visibility {@code null} for all entries; {@link Visibility#PUBLIC} for what customers may see
 * @param pinnedOnly whether to keep only pinned entries (the postmortem's short timeline)
 */
public record FindTimeline(IncidentId incidentId,
                           Instant knownAt,
                           Set<EntryKind> kinds,
                           Visibility visibility,
                           boolean pinnedOnly) {

    public FindTimeline {
        Objects.requireNonNull(incidentId, "incidentId");
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }

    /** The whole timeline of an incident as we now know it. */
    public static FindTimeline of(IncidentId incidentId) {
        return new FindTimeline(incidentId, null, Set.of(), null, false);
    }

    /** The same query, as known at {@code time}. */
    public FindTimeline asKnownAt(Instant time) {
        return new FindTimeline(incidentId, time, kinds, visibility, pinnedOnly);
    }

    /** The same query, keeping only entries of these kinds. */
    public FindTimeline withKinds(Set<EntryKind> wanted) {
        return new FindTimeline(incidentId, knownAt, wanted, visibility, pinnedOnly);
    }

    /** The same query, keeping only entries of this visibility. */
    public FindTimeline withVisibility(Visibility wanted) {
        return new FindTimeline(incidentId, knownAt, kinds, wanted, pinnedOnly);
    }

    /** The same query, keeping only pinned entries. */
    public FindTimeline onlyPinned() {
        return new FindTimeline(incidentId, knownAt, kinds, visibility, true);
    }
}
