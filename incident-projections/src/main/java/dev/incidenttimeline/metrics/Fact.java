package dev.incidenttimeline.metrics;

import java.time.Instant;

/**
 * One milestone fact of an incident, as kept by the metrics projection.
 *
 * @param kind          what happened
 * @param key           tells apart facts of the same kind (entry id, ticket id, event id), empty if there is one
 * @param sequence      the aggregate sequence number of the event that first recorded it (orders reopen cycles)
 * @param point         its time now and the event that set it (a correction or amendment, if there was one)
 * @param originEventId the event that first recorded it
 * @param occurredAt    that event's {@code occurredAt}
 * @param recordedAt    when that event was stored, or null when the fact is not itself the subject of its event
 *                      (the detection and impact start carried by a declaration)
 */
public record Fact(FactKind kind,
                   String key,
                   long sequence,
                   Point point,
                   String originEventId,
                   Instant occurredAt,
                   Instant recordedAt) {

    /** When the fact happened, as known now. */
    public Instant at() {
        return point.at();
    }
}
