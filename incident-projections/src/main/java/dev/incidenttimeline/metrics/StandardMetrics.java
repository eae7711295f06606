package dev.incidenttimeline.metrics;

import java.time.Duration;
import java.util.List;

/**
 * The metric definitions of the product brief, as shipped. Their names are the field names of
 * {@link IncidentMetricsView}.
 */
public final class StandardMetrics {

    public static final String TIME_TO_DETECT = "timeToDetect";
    public static final String TIME_TO_ACKNOWLEDGE = "timeToAcknowledge";
    public static final String TIME_TO_LEADER = "timeToLeader";
    public static final String TIME_TO_FIRST_UPDATE = "timeToFirstUpdate";
    public static final String TIME_TO_MITIGATE = "timeToMitigate";
    public static final String TIME_TO_RESOLVE = "timeToResolve";
    public static final String TIME_TO_MITIGATE_FROM_IMPACT = "timeToMitigateFromImpact";
    public static final String TIME_TO_RESOLVE_FROM_IMPACT = "timeToResolveFromImpact";
    public static final String IMPACT_DURATION = "impactDuration";
    public static final String LONGEST_UPDATE_GAP = "longestUpdateGap";
    public static final String RECORDING_LAG = "recordingLag";

    private StandardMetrics() {
    }

    /** All standard definitions, in the order reports list them. */
    public static List<MetricDefinition> all() {
        return List.of(
                MetricDefinition.between(TIME_TO_DETECT, 1,
                        "From the start of impact to the first detection (alert, customer report or declaration)",
                        Milestones::impactStarted, Milestones::firstDetection),
                MetricDefinition.between(TIME_TO_ACKNOWLEDGE, 1, "From the declaration to the first acknowledgement",
                        Milestones::declared, Milestones::acknowledged),
                MetricDefinition.between(TIME_TO_LEADER, 1, "From the declaration to the first leader assigned",
                        Milestones::declared, Milestones::firstLeader),
                MetricDefinition.between(TIME_TO_FIRST_UPDATE, 1, "From the declaration to the first status update",
                        Milestones::declared, Milestones::firstStatusUpdate),
                MetricDefinition.between(TIME_TO_MITIGATE, 1, "From the declaration to the mitigation that counts",
                        Milestones::declared, Milestones::mitigated),
                MetricDefinition.between(TIME_TO_RESOLVE, 1, "From the declaration to the resolution that counts",
                        Milestones::declared, Milestones::resolved),
                MetricDefinition.between(TIME_TO_MITIGATE_FROM_IMPACT, 1,
                        "From the start of impact to the mitigation that counts",
                        Milestones::impactStarted, Milestones::mitigated),
                MetricDefinition.between(TIME_TO_RESOLVE_FROM_IMPACT, 1,
                        "From the start of impact to the resolution that counts",
                        Milestones::impactStarted, Milestones::resolved),
                MetricDefinition.between(IMPACT_DURATION, 1,
                        "From the start of impact to its recorded end, else the mitigation, else the resolution",
                        Milestones::impactStarted, Milestones::impactEnded),
                new MetricDefinition(LONGEST_UPDATE_GAP, 1,
                        "The largest gap between two consecutive status updates while the incident was open",
                        StandardMetrics::longestUpdateGap),
                new MetricDefinition(RECORDING_LAG, 1,
                        "The longest time between a milestone happening and it being recorded",
                        StandardMetrics::recordingLag));
    }

    /** Consecutive updates count only when both fall in the same open period (no resolution between them). */
    static Span longestUpdateGap(Milestones milestones) {
        List<Milestones.Period> periods = milestones.openPeriods();
        Span longest = Span.NONE;
        Duration longestGap = null;
        for (Milestones.Period period : periods) {
            List<Point> updates = milestones.statusUpdates().stream().filter(update -> period.contains(update.at()))
                    .toList();
            for (int i = 1; i < updates.size(); i++) {
                Span gap = new Span(updates.get(i - 1), updates.get(i));
                if (longestGap == null || gap.duration().compareTo(longestGap) > 0) {
                    longest = gap;
                    longestGap = gap.duration();
                }
            }
        }
        return longest;
    }

    static Span recordingLag(Milestones milestones) {
        Span longest = Span.NONE;
        Duration longestLag = null;
        for (Fact fact : milestones.facts()) {
            if (fact.recordedAt() == null) {
                continue;
            }
            Span lag = new Span(new Point(fact.occurredAt(), fact.originEventId()),
                    new Point(fact.recordedAt(), fact.originEventId()));
            if (longestLag == null || lag.duration().compareTo(longestLag) > 0) {
                longest = lag;
                longestLag = lag.duration();
            }
        }
        return longest;
    }
}
