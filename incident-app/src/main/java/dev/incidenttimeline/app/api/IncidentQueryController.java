package dev.incidenttimeline.app.api;

import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.ErrorCode;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentRejected;
import dev.incidenttimeline.incident.api.IncidentStatus;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.incident.api.Visibility;
import dev.incidenttimeline.projections.IncidentQueries;
import dev.incidenttimeline.summary.ListIncidents;
import dev.incidenttimeline.timeline.EntryKind;
import dev.incidenttimeline.timeline.FindTimeline;
import dev.incidenttimeline.timeline.TimelineView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Reads incidents and their timelines from the read models through {@link IncidentQueries}. The read models are
 * eventually consistent: an incident declared a moment ago may not be listed yet, and is answered with 404 until it
 * is. Query parameters are checked like request bodies (see {@link QueryParameters}).
 */
@RestController
@RequestMapping("/api/incidents")
@Tag(name = "Incidents", description = "Declare incidents and record the response")
class IncidentQueryController {

    private final IncidentQueries queries;

    IncidentQueryController(IncidentQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List incidents, newest declaration first")
    List<IncidentListItemView> list(
            @Parameter(description = "statuses, comma-separated or repeated: DECLARED, ACKNOWLEDGED, MITIGATED, "
                    + "RESOLVED, CLOSED") @RequestParam(required = false) List<String> status,
            @Parameter(description = "severities, comma-separated or repeated: SEV1 .. SEV5")
            @RequestParam(required = false) List<String> severity,
            @Parameter(description = "a service the incident touches") @RequestParam(required = false) String service,
            @Parameter(description = "detection sources: ALERT, CUSTOMER, MONITORING, MANUAL")
            @RequestParam(required = false) List<String> detectedBy,
            @Parameter(description = "declared at or after this instant") @RequestParam(required = false) String from,
            @Parameter(description = "declared before this instant") @RequestParam(required = false) String to,
            @Parameter(description = "at most this many, 1 to 1000 (default 100)")
            @RequestParam(required = false) String limit) {
        ListIncidents query = ListIncidents.all()
                .withStatuses(QueryParameters.all("status", status, IncidentStatus.class))
                .withSeverities(QueryParameters.all("severity", severity, Severity.class))
                .withService(service == null || service.isBlank() ? null : service.trim())
                .withDetectedBy(QueryParameters.all("detectedBy", detectedBy, DetectionSource.class))
                .declaredBetween(QueryParameters.instant("from", from), QueryParameters.instant("to", to))
                .withLimit(QueryParameters.number("limit", limit, 1, ListIncidents.MAX_LIMIT, 100));
        return queries.incidents(query).stream().map(IncidentListItemView::from).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One incident's current state: milestones, roles, tasks")
    IncidentView incident(@PathVariable String id) {
        return queries.incident(IncidentId.of(id)).map(IncidentView::from).orElseThrow(() -> notFound(id));
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The incident's timeline, as now known or as known at an earlier time")
    TimelineEntriesView timeline(
            @PathVariable String id,
            @Parameter(description = "only what had been recorded by this instant") @RequestParam(required = false)
            String knownAt,
            @Parameter(description = "entry kinds, comma-separated or repeated (STATUS_UPDATE, NOTE, ...)")
            @RequestParam(required = false) List<String> kind,
            @Parameter(description = "INTERNAL or PUBLIC") @RequestParam(required = false) String visibility,
            @Parameter(description = "only pinned entries") @RequestParam(required = false) String pinned) {
        IncidentId incidentId = IncidentId.of(id);
        FindTimeline query = new FindTimeline(incidentId, QueryParameters.instant("knownAt", knownAt),
                QueryParameters.all("kind", kind, EntryKind.class),
                QueryParameters.one("visibility", visibility, Visibility.class),
                QueryParameters.flag("pinned", pinned, false));
        TimelineView timeline = queries.timeline(query);
        // An empty timeline is also what a filter or an early knownAt gives for a known incident.
        if (timeline.entries().isEmpty() && queries.incident(incidentId).isEmpty()
                && queries.timeline(FindTimeline.of(incidentId)).entries().isEmpty()) {
            throw notFound(id);
        }
        return TimelineEntriesView.from(timeline);
    }

    static IncidentRejected notFound(String id) {
        return new IncidentRejected(ErrorCode.INCIDENT_NOT_FOUND, "There is no incident " + id + " (yet: an incident"
                + " declared a moment ago shows up once the read models have caught up).");
    }
}
