package dev.incidenttimeline.summary;

import dev.incidenttimeline.incident.api.Milestone;

import java.time.Instant;

/**
 * A milestone and its time as now known.
 *
 * @param milestone the milestone
 * @param at        when it happened; {@code null} if it has not happened or is unknown
 */
public record MilestoneView(Milestone milestone, Instant at) {
}
