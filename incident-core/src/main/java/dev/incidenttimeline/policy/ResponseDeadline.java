package dev.incidenttimeline.policy;

import dev.incidenttimeline.incident.api.DeadlineKind;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.RecordMissedDeadline;

import java.time.Duration;
import java.time.Instant;

/**
 * A running response deadline: what is due ({@code kind}, {@code reference}), from when, by when, and by which
 * policy. It is also the payload of the scheduled deadline message.
 *
 * @param kind      which pace
 * @param reference the ticket id of a customer callback; {@code null} for the other kinds
 * @param startedAt when its clock started
 * @param dueAt     when the fact that meets it is due
 * @param policy    the policy that set it ({@code promise} for a time promised in a customer report)
 */
public record ResponseDeadline(DeadlineKind kind, String reference, Instant startedAt, Instant dueAt, String policy) {

    /** Identifies this deadline: the same kind, reference and due time are the same deadline. */
    public String key() {
        return RecordMissedDeadline.sourceIdOf(kind, reference, dueAt);
    }

    /** How long the policy allowed. */
    public Duration allowed() {
        return Duration.between(startedAt, dueAt);
    }

    /** The command that records this deadline as missed on the incident. */
    public RecordMissedDeadline missedOn(IncidentId incidentId) {
        return new RecordMissedDeadline(incidentId, kind, reference, startedAt, dueAt, allowed(), policy, key());
    }
}
