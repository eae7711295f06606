package dev.incidenttimeline.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;

/**
 * Records that a response deadline passed. Sent by the response policy when a deadline fires (hosts normally do
 * not send it). The incident records it only if the fact that meets the deadline had not happened by
 * {@code dueAt}, and only once per deadline: the {@code sourceId} identifies the deadline.
 *
 * <p>{@code occurredAt} is the due time; see {@link ResponseDeadlineMissed} for the other fields.
 */
public record RecordMissedDeadline(@TargetAggregateIdentifier IncidentId incidentId,
                                   DeadlineKind kind,
                                   String reference,
                                   Instant startedAt,
                                   Instant dueAt,
                                   Duration allowed,
                                   String policy,
                                   String sourceId) implements IncidentCommand {

    @Override
    public Instant occurredAt() {
        return dueAt;
    }

    /** The idempotency key of one deadline: its kind, what it is about and when it is due. */
    public static String sourceIdOf(DeadlineKind kind, String reference, Instant dueAt) {
        return "deadline:" + kind + ":" + (reference == null ? "" : reference) + ":" + dueAt;
    }
}
