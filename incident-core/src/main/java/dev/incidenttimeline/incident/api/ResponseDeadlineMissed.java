package dev.incidenttimeline.incident.api;

import org.axonframework.serialization.Revision;

import java.time.Duration;
import java.time.Instant;

/**
 * A response deadline passed before the fact that meets it happened: nobody acknowledged within the allowed time,
 * an update was overdue, a promised customer callback was not made. {@code occurredAt} is the due time, so the
 * breach sorts where it happened on the timeline, whenever it was noticed.
 *
 * <p>The event keeps the policy that applied ({@code policy}, {@code allowed}), so that history stays honest when
 * the policy is changed later.
 *
 * @param kind      which pace was broken
 * @param reference what the deadline is about when there can be several of a kind: the ticket id of a customer
 *                  callback; {@code null} otherwise
 * @param startedAt when the deadline's clock started (the incident's start, the previous update, the report)
 * @param dueAt     when the fact was due
 * @param allowed   how long was allowed from {@code startedAt} to {@code dueAt} (for a promised callback: the time
 *                  the customer was promised)
 * @param policy    the name of the policy that set the deadline, e.g. {@code SEV1} or {@code SEV1 for payments}, or
 *                  {@code promise} for a callback promised in a customer report
 */
@Revision("1")
public record ResponseDeadlineMissed(IncidentId incidentId,
                                     DeadlineKind kind,
                                     String reference,
                                     Instant startedAt,
                                     Instant dueAt,
                                     Duration allowed,
                                     String policy,
                                     Instant occurredAt,
                                     String sourceId) implements IncidentEvent {
}
