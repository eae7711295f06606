package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentStatus;
import dev.incidenttimeline.incident.api.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the company needs to know about an incident, as facts (the renderer {@link StakeholderSummaryText} puts them
 * in the shape of the e-mail): the issue, the services impacted, when it began and ended, the team, what happened and
 * why, the impact on customers, who was affected, where it stands, and what comes next.
 *
 * @param incidentId        the incident
 * @param title             the name
 * @param severity          its current severity
 * @param began             when the impact started (the declaration when no earlier start is known)
 * @param ended             when it was resolved, {@code null} while it is not
 * @param mitigatedAt       when the impact was stopped, {@code null} while it is not
 * @param services          the services impacted
 * @param team              who holds which role now, in the order they took it
 * @param whatHappened      the postmortem's summary, else how it was resolved, else mitigated; {@code null} if
 *                          nothing was written yet
 * @param causes            the contributing factors recorded so far
 * @param customersAffected the latest count of affected customers, {@code null} if not counted
 * @param usersAffected     the latest count of affected users, {@code null} if not counted
 * @param impactDuration    how long the impact lasted (response metrics), {@code null} if not known
 * @param affectedCustomers the customers named as affected or who reported it
 * @param status            where the response is
 * @param latestUpdate      the latest status update's text (not redacted), {@code null} if none
 * @param latestUpdateAt    when it was posted
 * @param fix               how it was resolved (or mitigated), {@code null} while neither
 * @param nextSteps         the open action items, in the order added
 */
public record StakeholderSummaryView(IncidentId incidentId,
                                     String title,
                                     Severity severity,
                                     Instant began,
                                     Instant ended,
                                     Instant mitigatedAt,
                                     List<String> services,
                                     List<TeamMemberView> team,
                                     String whatHappened,
                                     List<String> causes,
                                     Integer customersAffected,
                                     Long usersAffected,
                                     Duration impactDuration,
                                     List<String> affectedCustomers,
                                     IncidentStatus status,
                                     String latestUpdate,
                                     Instant latestUpdateAt,
                                     String fix,
                                     List<ActionItemView> nextSteps) {

    public StakeholderSummaryView {
        services = List.copyOf(services);
        team = List.copyOf(team);
        causes = List.copyOf(causes);
        affectedCustomers = List.copyOf(affectedCustomers);
        nextSteps = List.copyOf(nextSteps);
    }
}
