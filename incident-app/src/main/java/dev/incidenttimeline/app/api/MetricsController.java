package dev.incidenttimeline.app.api;

import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.metrics.MetricsGroupBy;
import dev.incidenttimeline.metrics.MetricsQueries;
import dev.incidenttimeline.metrics.SummarizeMetrics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * Response metrics from the metrics read model through {@link MetricsQueries}: one incident's clocks, and reports
 * over a period grouped by service, severity, detection source, week or month. When the host turned the read model
 * off ({@code incident.projections.metrics.enabled=false}) these answer 404 {@code METRICS_DISABLED}. A caller tied
 * to an organisation sees its own organisation's incidents only (the query carries the organisation, the read model
 * filters by it).
 */
@RestController
@Tag(name = "Metrics", description = "Time to acknowledge, mitigate, resolve, ... per incident and over a period")
class MetricsController {

    private final ObjectProvider<MetricsQueries> metrics;

    MetricsController(ObjectProvider<MetricsQueries> metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/api/incidents/{id}/metrics")
    @Operation(summary = "One incident's response metrics (ISO-8601 durations, null when a clock has no value)")
    IncidentMetricsApiView incident(@PathVariable String id) {
        return queries().incident(IncidentId.of(id)).map(IncidentMetricsApiView::from)
                .orElseThrow(() -> IncidentQueryController.notFound(id));
    }

    @GetMapping("/api/metrics")
    @Operation(summary = "Response metrics over the incidents declared in [from, to), grouped")
    MetricsReportApiView summarize(
            @Parameter(description = "declared at or after this instant") @RequestParam(required = false) String from,
            @Parameter(description = "declared before this instant") @RequestParam(required = false) String to,
            @Parameter(description = "service, severity, detectedBy, week or month; none for one group")
            @RequestParam(required = false) String groupBy,
            @Parameter(description = "whether drills count (default false)") @RequestParam(required = false)
            String includeDrills) {
        Instant start = QueryParameters.instant("from", from);
        Instant end = QueryParameters.instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw QueryParameters.malformed("from: the period's start (" + start + ") must be before its end ("
                    + end + ").");
        }
        MetricsGroupBy grouping;
        try {
            grouping = groupBy == null || groupBy.isBlank() ? null : MetricsGroupBy.fromParameter(groupBy.trim());
        } catch (IllegalArgumentException unknown) {
            throw QueryParameters.malformed("groupBy: " + unknown.getMessage());
        }
        return MetricsReportApiView.from(queries().summarize(new SummarizeMetrics(start, end, grouping,
                QueryParameters.flag("includeDrills", includeDrills, false))));
    }

    private MetricsQueries queries() {
        MetricsQueries queries = metrics.getIfAvailable();
        if (queries == null) {
            throw ApiProblem.metricsDisabled();
        }
        return queries;
    }
}
