package dev.incidenttimeline.app.api;

import dev.incidenttimeline.incident.api.Visibility;
import dev.incidenttimeline.timeline.EntryKind;
import dev.incidenttimeline.timeline.EntryRevisionView;
import dev.incidenttimeline.timeline.TimelineEntryView;
import dev.incidenttimeline.timeline.TimelineView;

import java.time.Instant;
import java.util.List;

/**
 * An incident's timeline, {@code GET /api/incidents/{id}/timeline}: entries ordered by when they happened.
 *
 * @param incidentId the incident
 * @param knownAt    the time the timeline is seen as of, {@code null} for "as we now know it"
 * @param entries    the entries
 */
public record TimelineEntriesView(String incidentId, Instant knownAt, List<Entry> entries) {

    /**
     * One timeline entry.
     *
     * @param id         stable id of the entry
     * @param entryId    the id to amend, redact or pin a status update or note by; {@code null} for other entries
     * @param kind       what it records ({@code DECLARED}, {@code STATUS_UPDATE}, {@code NOTE}, {@code MITIGATED}, ...)
     * @param occurredAt when it happened
     * @param recordedAt when it was recorded
     * @param actor      who did it, {@code null} if nobody in particular
     * @param text       what happened; {@code null} if redacted
     * @param visibility {@code PUBLIC} for status updates customers may see, {@code INTERNAL} otherwise
     * @param links      links given with it
     * @param pinned     whether it is marked as significant
     * @param amended    whether its text or time was changed (earlier versions in {@code revisions})
     * @param redacted   whether its content was removed
     * @param revisions  the earlier versions, oldest first
     */
    public record Entry(String id,
                        String entryId,
                        EntryKind kind,
                        Instant occurredAt,
                        Instant recordedAt,
                        String actor,
                        String text,
                        Visibility visibility,
                        List<String> links,
                        boolean pinned,
                        boolean amended,
                        boolean redacted,
                        List<Revision> revisions) {

        static Entry from(TimelineEntryView view) {
            return new Entry(view.id(), view.entryId() == null ? null : view.entryId().value(), view.kind(),
                    view.occurredAt(), view.recordedAt(), view.actor(), view.text(), view.visibility(), view.links(),
                    view.pinned(), view.amended(), view.redacted(),
                    view.revisions().stream().map(Revision::from).toList());
        }
    }

    /**
     * An earlier version of an amended entry.
     *
     * @param text       the text it had; {@code null} if the entry was redacted since
     * @param occurredAt the time it had
     * @param replacedAt when the amendment replacing it was recorded
     * @param amendedBy  who amended it
     * @param reason     why, {@code null} if not given
     */
    public record Revision(String text, Instant occurredAt, Instant replacedAt, String amendedBy, String reason) {

        static Revision from(EntryRevisionView view) {
            return new Revision(view.text(), view.occurredAt(), view.replacedAt(), view.amendedBy(), view.reason());
        }
    }

    static TimelineEntriesView from(TimelineView view) {
        return new TimelineEntriesView(view.incidentId().value(), view.knownAt(),
                view.entries().stream().map(Entry::from).toList());
    }
}
