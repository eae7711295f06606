package dev.incidenttimeline.summary;

import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.Milestone;
import dev.incidenttimeline.incident.api.Role;
import dev.incidenttimeline.incident.api.TaskId;
import dev.incidenttimeline.tenancy.Organisations;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Answers {@link ListIncidents} and {@link FindIncident} from the summary tables. */
public class SummaryQueryHandler {

    private final SummaryStore store;

    SummaryQueryHandler(SummaryStore store) {
        this.store = store;
    }

    /** The incidents of the asking organisation (all without tenancy) that pass the filter. */
    @QueryHandler
    public List<IncidentSummaryView> handle(ListIncidents query,
                                            @MetaDataValue(Organisations.METADATA_KEY) String organisation) {
        List<String> ids = store.find(query, organisation);
        Map<String, IncidentState> states = store.load(ids);
        return ids.stream().map(states::get).map(SummaryQueryHandler::summary).toList();
    }

    /** The incident's current state, or {@code null} if it is not known (yet) or another organisation's. */
    @QueryHandler
    public IncidentDetailView handle(FindIncident query,
                                     @MetaDataValue(Organisations.METADATA_KEY) String organisation) {
        IncidentState state = store.load(List.of(query.incidentId().value())).get(query.incidentId().value());
        if (state == null || !Organisations.mayAccess(organisation, state.organisation)) {
            return null;
        }
        List<RoleView> roles = state.roles.entrySet().stream()
                .map(role -> new RoleView(Role.of(role.getKey()), role.getValue().person(), role.getValue().since()))
                .toList();
        List<TaskView> open = new ArrayList<>();
        List<TaskView> done = new ArrayList<>();
        state.tasks.forEach((taskId, task) -> {
            TaskView view = new TaskView(TaskId.of(taskId), task.title(), task.assignee(), task.assignedAt(),
                    task.completedAt(), task.completedBy());
            (task.completedAt() == null ? open : done).add(view);
        });
        List<MilestoneView> milestones = List.of(
                new MilestoneView(Milestone.IMPACT_STARTED, state.impactStartedAt),
                new MilestoneView(Milestone.DETECTED, state.detectedAt),
                new MilestoneView(Milestone.ACKNOWLEDGED, state.acknowledgedAt),
                new MilestoneView(Milestone.MITIGATED, state.mitigatedAt),
                new MilestoneView(Milestone.RESOLVED, state.resolvedAt),
                new MilestoneView(Milestone.IMPACT_ENDED, state.impactEndedAt));
        return new IncidentDetailView(summary(state), state.declaredBy, roles, open, done, milestones,
                state.customersAffected, state.usersAffected);
    }

    private static IncidentSummaryView summary(IncidentState state) {
        return new IncidentSummaryView(IncidentId.of(state.incidentId), state.title, state.status, state.severity,
                List.copyOf(state.services), state.detectedBy, state.drill, state.declaredAt, state.leader(),
                state.openTasks(), state.postmortem, state.lastRecordedAt);
    }
}
