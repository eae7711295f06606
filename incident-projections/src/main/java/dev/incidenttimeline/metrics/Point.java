package dev.incidenttimeline.metrics;

import java.time.Instant;

/**
 * A moment a metric's clock starts or stops at, with the event that set it (for provenance).
 *
 * @param at      when it happened in the world
 * @param eventId the identifier of the stored event that set this time (a correction's, if it was corrected)
 */
public record Point(Instant at, String eventId) {
}
