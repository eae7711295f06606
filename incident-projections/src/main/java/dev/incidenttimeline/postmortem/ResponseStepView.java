package dev.incidenttimeline.postmortem;

import java.time.Instant;

/**
 * The mitigation or the resolution that counts.
 *
 * @param at      when (after corrections of the milestone's time)
 * @param by      who
 * @param summary how, in their words
 */
public record ResponseStepView(Instant at, String by, String summary) {
}
