package dev.incidenttimeline.postmortem;

import java.time.Instant;

/**
 * The dates of an incident, after every correction of a milestone's time known to the document; {@code null} when it
 * did not happen (yet) or is not known.
 *
 * @param declaredAt     declared
 * @param impactStartedAt the impact started
 * @param detectedAt     first noticed (the declaration when nothing earlier is known)
 * @param acknowledgedAt first acknowledged
 * @param mitigatedAt    the mitigation that counts (after a reopening, the next one)
 * @param resolvedAt     the resolution that counts
 * @param impactEndedAt  the recorded end of impact
 * @param publishedAt    the postmortem was published (as the publisher said it happened)
 */
public record PostmortemDatesView(Instant declaredAt,
                                  Instant impactStartedAt,
                                  Instant detectedAt,
                                  Instant acknowledgedAt,
                                  Instant mitigatedAt,
                                  Instant resolvedAt,
                                  Instant impactEndedAt,
                                  Instant publishedAt) {
}
