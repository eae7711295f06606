package dev.incidenttimeline.summary;

import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentStatus;
import dev.incidenttimeline.incident.api.Severity;

import java.time.Instant;
import java.util.Set;

/**
 * Lists incidents, newest declaration first, answered with a list of {@link IncidentSummaryView}. Every filter left
 * empty (or {@code null}) lets everything through.
 *
 * @param statuses     the statuses wanted
 * @param severities   the (current) severities wanted
 * @param service      a service the incident touches (declared or in a recorded impact)
 * @param detectedBy   the detection sources wanted
 * @param declaredFrom declared at or after this time
 * @param declaredTo   declared before this time
 * @param limit        at most this many (1 to 1000; 0 means 100)
 */
public record ListIncidents(Set<IncidentStatus> statuses,
                            Set<Severity> severities,
                            String service,
                            Set<DetectionSource> detectedBy,
                            Instant declaredFrom,
                            Instant declaredTo,
                            int limit) {

    /** The most incidents one query returns. */
    public static final int MAX_LIMIT = 1000;

    public ListIncidents {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        detectedBy = detectedBy == null ? Set.of() : Set.copyOf(detectedBy);
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " (0 for the default)");
        }
        limit = limit == 0 ? 100 : limit;
    }

    /** All incidents (the latest 100). */
    public static ListIncidents all() {
        return new ListIncidents(null, null, null, null, null, null, 0);
    }

    public ListIncidents withStatuses(Set<IncidentStatus> wanted) {
        return new ListIncidents(wanted, severities, service, detectedBy, declaredFrom, declaredTo, limit);
    }

    public ListIncidents withSeverities(Set<Severity> wanted) {
        return new ListIncidents(statuses, wanted, service, detectedBy, declaredFrom, declaredTo, limit);
    }

    public ListIncidents withService(String wanted) {
        return new ListIncidents(statuses, severities, wanted, detectedBy, declaredFrom, declaredTo, limit);
    }

    public ListIncidents withDetectedBy(Set<DetectionSource> wanted) {
        return new ListIncidents(statuses, severities, service, wanted, declaredFrom, declaredTo, limit);
    }

    /** Declared in [{@code from}, {@code to}); either may be {@code null}. */
    public ListIncidents declaredBetween(Instant from, Instant to) {
        return new ListIncidents(statuses, severities, service, detectedBy, from, to, limit);
    }

    public ListIncidents withLimit(int wanted) {
        return new ListIncidents(statuses, severities, service, detectedBy, declaredFrom, declaredTo, wanted);
    }
}
