package dev.incidenttimeline.postmortem;

import java.time.Instant;
import java.util.List;

/**
 * Someone who took part in the response.
 *
 * @param person   who
 * @param joinedAt when they first took part (declared, acknowledged, joined or took a role)
 * @param roles    the roles they held, in the order they took them
 */
public record ParticipantView(String person, Instant joinedAt, List<RoleSpellView> roles) {

    public ParticipantView {
        roles = List.copyOf(roles);
    }
}
