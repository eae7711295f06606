package dev.incidenttimeline.timeline;

import dev.incidenttimeline.incident.api.Visibility;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One row of {@code timeline_entry}; {@code id} is the event identifier (with a suffix for an event's later parts). {@code describe} is set when the text names something an earlier entry
 * introduced (the title of the task now completed): the store looks the subject up and writes the text from it.
 */
record EntryRow(String id,
                String incidentId,
                long sequence,
                int part,
                String entryId,
                EntryKind kind,
                Instant occurredAt,
                Instant recordedAt,
                String actor,
                String text,
                Visibility visibility,
                List<String> links,
                String ref,
                String subject,
                Function<String, String> describe) {

    /** The row's primary key. */
    TimelineEntry.Key key() {
        return new TimelineEntry.Key(incidentId, sequence, part);
    }

    EntryRow withText(String newText) {
        return new EntryRow(id, incidentId, sequence, part, entryId, kind, occurredAt, recordedAt, actor, newText,
                visibility, links, ref, subject, null);
    }
}
