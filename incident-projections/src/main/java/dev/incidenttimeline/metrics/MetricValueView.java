package dev.incidenttimeline.metrics;

import java.time.Duration;
import java.time.Instant;

/**
 * One metric's value for one incident, with its provenance.
 *
 * @param name         the metric's name, e.g. {@code timeToAcknowledge}
 * @param version      the version of the definition it was computed with
 * @param value        the duration; null when the clock never started or never stopped
 * @param inconsistent true when the value is negative: the data contradict each other (for example an alert that
 *                     fired before the recorded start of impact); such a value is kept out of every aggregate
 * @param startedAt    when the clock started, or null
 * @param startEventId the event that started it (the stored event's identifier), or null
 * @param stoppedAt    when the clock stopped, or null
 * @param stopEventId  the event that stopped it, or null
 */
public record MetricValueView(String name,
                              int version,
                              Duration value,
                              boolean inconsistent,
                              Instant startedAt,
                              String startEventId,
                              Instant stoppedAt,
                              String stopEventId) {
}
