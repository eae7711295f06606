package dev.incidenttimeline.timeline;

import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.Visibility;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a timeline.
 *
 * @param id         stable id of the entry in the read model (the event identifier, with a suffix for the second and
 *                   third entry a declaration gives)
 * @param entryId    the id to amend, redact or pin a status update or a note by; {@code null} for other entries
 * @param kind       what it records
 * @param occurredAt when it happened (after amendments known at the view's time)
 * @param recordedAt when it was recorded
 * @param sequence   its place in the incident's event stream (breaks ties in {@code occurredAt})
 * @param actor      who did it, if anyone in particular
 * @param text       what happened, in plain words; {@code null} if redacted
 * @param visibility {@link Visibility#PUBLIC} for status updates customers may see; everything else is internal
 * @param links      links given with it; empty if redacted
 * @param pinned     whether it is marked as significant
 * @param amended    whether its text or time was changed; the earlier versions are in {@code revisions}
 * @param redacted   whether its content was removed (in every view, whatever time it is seen as of)
 * @param revisions  the earlier versions, oldest first
 */
public record TimelineEntryView(String id,
                                EntryId entryId,
                                EntryKind kind,
                                Instant occurredAt,
                                Instant recordedAt,
                                long sequence,
                                String actor,
                                String text,
                                Visibility visibility,
                                List<String> links,
                                boolean pinned,
                                boolean amended,
                                boolean redacted,
                                List<EntryRevisionView> revisions) {

    public TimelineEntryView {
        links = List.copyOf(links);
        revisions = List.copyOf(revisions);
    }
}
