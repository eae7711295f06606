package dev.incidenttimeline.app.api;

import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentStatus;
import dev.incidenttimeline.incident.api.Milestone;
import dev.incidenttimeline.incident.api.PostmortemStatus;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.summary.IncidentDetailView;
import dev.incidenttimeline.summary.IncidentSummaryView;
import dev.incidenttimeline.summary.MilestoneView;
import dev.incidenttimeline.summary.TaskView;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One incident's current state, {@code GET /api/incidents/{id}}.
 *
 * @param id                the incident's id
 * @param title             its title
 * @param status            where the response is
 * @param severity          its current severity
 * @param services          the services it touches, sorted
 * @param detectedBy        how it was first noticed
 * @param drill             whether it is a drill
 * @param declaredAt        when it was declared
 * @param declaredBy        who declared it
 * @param leader            who leads it now, {@code null} if nobody
 * @param postmortem        where its postmortem is
 * @param lastChangedAt     when its last event was recorded
 * @param milestones        every milestone ({@code IMPACT_STARTED}, {@code DETECTED}, {@code ACKNOWLEDGED},
 *                          {@code MITIGATED}, {@code RESOLVED}, {@code IMPACT_ENDED}) with its time, {@code null}
 *                          when it has not happened or is unknown
 * @param roles             the roles someone holds now, sorted by role
 * @param openTasks         the tasks not done yet, in the order they were given
 * @param completedTasks    the tasks done
 * @param customersAffected the latest recorded number of affected customers, {@code null} if unknown
 * @param usersAffected     the latest recorded number of affected users, {@code null} if unknown
 */
public record IncidentView(String id,
                           String title,
                           IncidentStatus status,
                           Severity severity,
                           List<String> services,
                           DetectionSource detectedBy,
                           boolean drill,
                           Instant declaredAt,
                           String declaredBy,
                           String leader,
                           PostmortemStatus postmortem,
                           Instant lastChangedAt,
                           Map<Milestone, Instant> milestones,
                           List<RoleHolder> roles,
                           List<Task> openTasks,
                           List<Task> completedTasks,
                           Integer customersAffected,
                           Long usersAffected) {

    /**
     * Someone holding a role.
     *
     * @param role   the role's name ({@code LEADER}, {@code COMMUNICATOR}, ...)
     * @param person who holds it
     * @param since  since when
     */
    public record RoleHolder(String role, String person, Instant since) {
    }

    /**
     * A task of the response.
     *
     * @param id          the task's id
     * @param title       what is to be done
     * @param assignee    who does it
     * @param assignedAt  when it was given
     * @param completedAt when it was done, {@code null} while open
     * @param completedBy who marked it done, {@code null} while open
     */
    public record Task(String id, String title, String assignee, Instant assignedAt, Instant completedAt,
                       String completedBy) {

        static Task from(TaskView view) {
            return new Task(view.taskId().value(), view.title(), view.assignee(), view.assignedAt(),
                    view.completedAt(), view.completedBy());
        }
    }

    static IncidentView from(IncidentDetailView detail) {
        IncidentSummaryView summary = detail.summary();
        Map<Milestone, Instant> milestones = new LinkedHashMap<>();
        for (Milestone milestone : Milestone.values()) {
            milestones.put(milestone, null);
        }
        for (MilestoneView milestone : detail.milestones()) {
            milestones.put(milestone.milestone(), milestone.at());
        }
        return new IncidentView(summary.incidentId().value(), summary.title(), summary.status(), summary.severity(),
                summary.services(), summary.detectedBy(), summary.drill(), summary.declaredAt(),
                detail.declaredBy(), summary.leader(), summary.postmortem(), summary.lastChangedAt(), milestones,
                detail.roles().stream().map(role -> new RoleHolder(role.role().name(), role.person(), role.since()))
                        .toList(),
                detail.openTasks().stream().map(Task::from).toList(),
                detail.completedTasks().stream().map(Task::from).toList(),
                detail.customersAffected(), detail.usersAffected());
    }
}
