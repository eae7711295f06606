package dev.incidenttimeline.metrics;

import java.time.Duration;

/**
 * What a metric measured for one incident: where its clock started and where it stopped. Either may be null (a
 * clock that never started or never stopped), in which case there is no value.
 *
 * @param start where the clock started, or null
 * @param stop  where the clock stopped, or null
 */
public record Span(Point start, Point stop) {

    /** A span with neither end: the metric has nothing to say about the incident. */
    public static final Span NONE = new Span(null, null);

    /** The duration from start to stop, or null when the clock never started or never stopped. */
    public Duration duration() {
        return start == null || stop == null ? null : Duration.between(start.at(), stop.at());
    }
}
