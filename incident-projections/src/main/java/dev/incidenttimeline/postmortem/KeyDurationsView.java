package dev.incidenttimeline.postmortem;

import java.time.Duration;

/**
 * The response metrics a postmortem shows, each {@code null} when its clock never started or stopped. Definitions
 * are those of the metrics read model ({@code dev.incidenttimeline.metrics.StandardMetrics}).
 */
public record KeyDurationsView(Duration timeToDetect,
                               Duration timeToAcknowledge,
                               Duration timeToLeader,
                               Duration timeToFirstUpdate,
                               Duration timeToMitigate,
                               Duration timeToResolve,
                               Duration impactDuration,
                               Duration longestUpdateGap) {

    /** No metrics known (yet). */
    public static final KeyDurationsView NONE = new KeyDurationsView(null, null, null, null, null, null, null, null);
}
