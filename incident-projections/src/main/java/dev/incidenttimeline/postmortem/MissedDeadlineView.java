package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.incident.api.DeadlineKind;

import java.time.Duration;
import java.time.Instant;

/**
 * A response deadline that passed before the fact that meets it.
 *
 * @param kind      which pace was broken
 * @param reference what it is about (the ticket of a promised callback), or {@code null}
 * @param startedAt when its clock started
 * @param dueAt     when the fact was due
 * @param allowed   how long the policy allowed
 * @param policy    the policy that set it
 */
public record MissedDeadlineView(DeadlineKind kind,
                                 String reference,
                                 Instant startedAt,
                                 Instant dueAt,
                                 Duration allowed,
                                 String policy) {
}
