package dev.incidenttimeline.summary;

import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentStatus;
import dev.incidenttimeline.incident.api.PostmortemStatus;
import dev.incidenttimeline.incident.api.Severity;

import java.time.Instant;
import java.util.List;

/**
 * One incident in a list.
 *
 * @param incidentId     the incident
 * @param title          its title
 * @param status         where the response is
 * @param severity       its current severity
 * @param services       the services it touches (declared and from recorded impact), sorted
 * @param detectedBy     how it was first noticed
 * @param drill          whether it is a drill
 * @param declaredAt     when it was declared
 * @param leader         who holds the leader role now, if anyone
 * @param openTasks      how many tasks are not done
 * @param postmortem     where its postmortem is
 * @param lastChangedAt  when its last event was recorded
 */
public record IncidentSummaryView(IncidentId incidentId,
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

    public IncidentSummaryView {
        services = List.copyOf(services);
    }
}
