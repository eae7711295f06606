package dev.incidenttimeline.timeline;

import java.time.Instant;

/** One row of {@code timeline_change}: an amendment, pin, unpin or redaction of a status update or a note. */
record ChangeRow(String id,
                 String incidentId,
                 long sequence,
                 String entryId,
                 ChangeType type,
                 String actor,
                 String reason,
                 String previousText,
                 String newText,
                 Instant previousTime,
                 Instant newTime,
                 Instant occurredAt,
                 Instant recordedAt) {

    enum ChangeType {
        AMENDED, REDACTED, PINNED, UNPINNED
    }
}
