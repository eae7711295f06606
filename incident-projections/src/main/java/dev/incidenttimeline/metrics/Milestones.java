package dev.incidenttimeline.metrics;

import dev.incidenttimeline.incident.api.DetectionSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An incident's milestone facts and the moments derived from them, as {@link MetricDefinition}s see them. Every
 * moment is a {@link Point} (time and the event that set it) or null when it did not happen (yet).
 *
 * <p>The rules, as the product brief defines them:
 * <ul>
 *     <li>the <em>first detection</em> is the earliest of the declared detection time, the alerts that fired and the
 *     customers' reports (never later than the declaration); a detection time recorded as a correction wins;</li>
 *     <li>after a reopening, only the mitigation and resolution that follow it count;</li>
 *     <li>the impact ends when it was recorded to end, otherwise at the mitigation (or the resolution of an incident
 *     resolved without a mitigation);</li>
 *     <li>a customer told us first when the incident was declared as found by a customer, or a customer's report came
 *     before both our own detection and every alert.</li>
 * </ul>
 */
public final class Milestones {

    private static final Comparator<Fact> BY_TIME = Comparator.comparing(Fact::at).thenComparingLong(Fact::sequence);

    private final List<Fact> facts;
    private final DetectionSource detectedBy;

    public Milestones(List<Fact> facts, DetectionSource detectedBy) {
        this.facts = facts.stream().sorted(Comparator.comparingLong(Fact::sequence)).toList();
        this.detectedBy = detectedBy;
    }

    /** All facts in the order they were first recorded. */
    public List<Fact> facts() {
        return facts;
    }

    /** How the incident was declared to have been found, or null if its declaration was not seen. */
    public DetectionSource detectedBy() {
        return detectedBy;
    }

    public Point declared() {
        return single(FactKind.DECLARED);
    }

    public Point impactStarted() {
        return single(FactKind.IMPACT_STARTED);
    }

    /** The end of impact: as recorded, otherwise the mitigation, otherwise the resolution. */
    public Point impactEnded() {
        Point recorded = single(FactKind.IMPACT_ENDED);
        if (recorded != null) {
            return recorded;
        }
        Point mitigated = mitigated();
        return mitigated != null ? mitigated : resolved();
    }

    /** The first detection: a corrected detection time, else the earliest detection, alert, report or declaration. */
    public Point firstDetection() {
        Fact detected = fact(FactKind.DETECTED);
        if (detected != null && !detected.point().eventId().equals(detected.originEventId())) {
            return detected.point();
        }
        return earliest(of(FactKind.DETECTED, FactKind.ALERT_FIRED, FactKind.CUSTOMER_REPORTED, FactKind.DECLARED));
    }

    public Point acknowledged() {
        return single(FactKind.ACKNOWLEDGED);
    }

    public Point firstLeader() {
        return earliest(of(FactKind.LEADER_ASSIGNED));
    }

    public Point firstAlert() {
        return earliest(of(FactKind.ALERT_FIRED));
    }

    public Point firstCustomerReport() {
        return earliest(of(FactKind.CUSTOMER_REPORTED));
    }

    /** The status updates in the order they were posted in the world (amended times included). */
    public List<Point> statusUpdates() {
        return of(FactKind.STATUS_UPDATE).sorted(BY_TIME).map(Fact::point).toList();
    }

    public Point firstStatusUpdate() {
        return earliest(of(FactKind.STATUS_UPDATE));
    }

    /** The mitigation that counts: the last one after the last reopening, or null. */
    public Point mitigated() {
        return sinceLastReopening(FactKind.MITIGATED);
    }

    /** The resolution that counts: the last one after the last reopening, or null. */
    public Point resolved() {
        return sinceLastReopening(FactKind.RESOLVED);
    }

    /** Whether a customer told us before our own monitoring or people did. */
    public boolean customerFirst() {
        if (detectedBy == DetectionSource.CUSTOMER) {
            return true;
        }
        Point report = firstCustomerReport();
        Point ours = earliest(of(FactKind.DETECTED, FactKind.ALERT_FIRED, FactKind.DECLARED));
        return report != null && (ours == null || report.at().isBefore(ours.at()));
    }

    /**
     * The periods the incident was open: from the declaration to a resolution, from a reopening to the next
     * resolution, and from the last (re)opening on if it is not resolved (then the period's end is null).
     */
    public List<Period> openPeriods() {
        Point declared = declared();
        if (declared == null) {
            return List.of();
        }
        List<Period> periods = new ArrayList<>();
        Instant openedAt = declared.at();
        for (Fact fact : facts) {
            if (fact.kind() == FactKind.RESOLVED && openedAt != null) {
                periods.add(new Period(openedAt, fact.at()));
                openedAt = null;
            } else if (fact.kind() == FactKind.REOPENED && openedAt == null) {
                openedAt = fact.at();
            }
        }
        if (openedAt != null) {
            periods.add(new Period(openedAt, null));
        }
        return periods;
    }

    /**
     * A time the incident was open.
     *
     * @param from when it was declared or reopened
     * @param to   when it was resolved, or null if it still is open
     */
    public record Period(Instant from, Instant to) {

        /** Whether the moment lies in this period, both ends included. */
        public boolean contains(Instant moment) {
            return !moment.isBefore(from) && (to == null || !moment.isAfter(to));
        }
    }

    private Stream<Fact> of(FactKind... kinds) {
        List<FactKind> wanted = List.of(kinds);
        return facts.stream().filter(fact -> wanted.contains(fact.kind()));
    }

    private Fact fact(FactKind kind) {
        return of(kind).findFirst().orElse(null);
    }

    private Point single(FactKind kind) {
        Fact fact = fact(kind);
        return fact == null ? null : fact.point();
    }

    private static Point earliest(Stream<Fact> facts) {
        return facts.min(BY_TIME).map(Fact::point).orElse(null);
    }

    private Point sinceLastReopening(FactKind kind) {
        long reopened = of(FactKind.REOPENED).mapToLong(Fact::sequence).max().orElse(-1);
        return of(kind).filter(fact -> fact.sequence() > reopened).reduce((first, second) -> second)
                .map(Fact::point).orElse(null);
    }
}
