package dev.incidenttimeline.summary;

import java.util.List;

/**
 * One incident's current state.
 *
 * @param summary           what the list shows
 * @param declaredBy        who declared it
 * @param roles             the roles someone holds now, sorted by role
 * @param openTasks         the tasks not done yet, in the order they were given
 * @param completedTasks    the tasks done, in the order they were given
 * @param milestones        every milestone with its time ({@code null} if it has not happened or is unknown)
 * @param customersAffected the latest recorded number of affected customers, {@code null} if unknown
 * @param usersAffected     the latest recorded number of affected users, {@code null} if unknown
 */
public record IncidentDetailView(IncidentSummaryView summary,
                                 String declaredBy,
                                 List<RoleView> roles,
                                 List<TaskView> openTasks,
                                 List<TaskView> completedTasks,
                                 List<MilestoneView> milestones,
                                 Integer customersAffected,
                                 Long usersAffected) {

    public IncidentDetailView {
        roles = List.copyOf(roles);
        openTasks = List.copyOf(openTasks);
        completedTasks = List.copyOf(completedTasks);
        milestones = List.copyOf(milestones);
    }
}
