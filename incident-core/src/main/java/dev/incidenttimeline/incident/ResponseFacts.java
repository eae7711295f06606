package dev.incidenttimeline.incident;

import dev.incidenttimeline.incident.api.DeadlineKind;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Whether the fact that meets a response deadline happened by its due time, as far as the incident knows. The
 * incident asks this before it records a missed deadline, so that a deadline that fired just as it was met (or
 * whose meeting fact was recorded with an earlier time) leaves no false breach.
 */
final class ResponseFacts {

    private ResponseFacts() {
    }

    static boolean met(DeadlineKind kind, String reference, Instant startedAt, Instant dueAt, Instant acknowledgedAt,
                       Instant mitigatedAt, Instant resolvedAt, Collection<Instant> statusUpdates,
                       Map<String, Instant> calledBack) {
        // A resolved incident waits for nothing but its customer callbacks.
        boolean resolvedInTime = notAfter(resolvedAt, dueAt);
        return switch (kind) {
            case ACKNOWLEDGE -> resolvedInTime || notAfter(acknowledgedAt, dueAt);
            case MITIGATE -> resolvedInTime || notAfter(mitigatedAt, dueAt);
            case FIRST_UPDATE -> resolvedInTime || statusUpdates.stream().anyMatch(at -> !at.isAfter(dueAt));
            case UPDATE_CADENCE -> resolvedInTime || statusUpdates.stream()
                    .anyMatch(at -> !at.isAfter(dueAt) && (startedAt == null || at.isAfter(startedAt)));
            case CUSTOMER_CALLBACK -> notAfter(calledBack.get(reference), dueAt);
        };
    }

    static Instant earlier(Instant one, Instant other) {
        return one.isBefore(other) ? one : other;
    }

    private static boolean notAfter(Instant time, Instant dueAt) {
        return time != null && !time.isAfter(dueAt);
    }
}
