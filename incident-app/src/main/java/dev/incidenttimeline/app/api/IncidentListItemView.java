package dev.incidenttimeline.app.api;

import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentStatus;
import dev.incidenttimeline.incident.api.PostmortemStatus;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.summary.IncidentSummaryView;

import java.time.Instant;
import java.util.List;

/**
 * One incident in {@code GET /api/incidents}.
 *
 * @param id            the incident's id
 * @param title         its title
 * @param status        where the response is
 * @param severity      its current severity
 * @param services      the services it touches, sorted
 * @param detectedBy    how it was first noticed
 * @param drill         whether it is a drill
 * @param declaredAt    when it was declared
 * @param leader        who leads it now, {@code null} if nobody
 * @param openTasks     how many of its tasks are not done
 * @param postmortem    where its postmortem is
 * @param lastChangedAt when its last event was recorded
 */
public record IncidentListItemView(String id,
                                   String title,
                                   IncidentStatus status,
                                   Severity severity,
                                   List<String> services,
                                   DetectionSource detectedBy,
                                   boolean drill,
                                   Instant declaredAt,
                                   String leader,
                                   int openTasks,
                                   PostmortemStatus postmortem,
                                   Instant lastChangedAt) {

    static IncidentListItemView from(IncidentSummaryView view) {
        return new IncidentListItemView(view.incidentId().value(), view.title(), view.status(), view.severity(),
                view.services(), view.detectedBy(), view.drill(), view.declaredAt(), view.leader(),
                view.openTasks(), view.postmortem(), view.lastChangedAt());
    }
}
