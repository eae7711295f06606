package dev.incidenttimeline.postmortem;

/**
 * Someone on the issue team.
 *
 * @param role   the role they hold, e.g. {@code LEADER}
 * @param person who
 */
public record TeamMemberView(String role, String person) {
}
