package dev.incidenttimeline.postmortem;

import java.time.Instant;

/**
 * A time a person held a role.
 *
 * @param role  the role's name, e.g. {@code LEADER}
 * @param from  when they took it
 * @param until when they left it or handed it over; {@code null} if they still held it
 */
public record RoleSpellView(String role, Instant from, Instant until) {
}
