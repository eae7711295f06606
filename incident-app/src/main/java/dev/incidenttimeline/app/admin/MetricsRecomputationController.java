package dev.incidenttimeline.app.admin;

import dev.incidenttimeline.app.api.ApiProblem;
import dev.incidenttimeline.metrics.MetricsRecomputation;
import dev.incidenttimeline.tenancy.CurrentOrganisation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recomputing every incident's metrics from the facts the metrics read model keeps, after a metric definition was
 * added or changed (see {@link MetricsRecomputation}): seconds where a replay of the metrics reads every event. The
 * answer comes when it is done. It covers every organisation's incidents, so a token tied to one may not ask.
 */
@RestController
@RequestMapping("/api/admin/metrics/recomputation")
@Tag(name = "Administration", description = "Operator endpoints")
class MetricsRecomputationController {

    /** The code of the problem response for a caller tied to one organisation. */
    static final String EVERY_ORGANISATION = "RECOMPUTATION_COVERS_EVERY_ORGANISATION";

    private final ObjectProvider<MetricsRecomputation> recomputation;
    private final CurrentOrganisation organisation;

    MetricsRecomputationController(ObjectProvider<MetricsRecomputation> recomputation,
                                   CurrentOrganisation organisation) {
        this.recomputation = recomputation;
        this.organisation = organisation;
    }

    @PostMapping
    @Operation(summary = "Recompute every incident's metrics with the definitions in force; answers when done")
    MetricsRecomputation.Result recompute() {
        if (organisation.get() != null) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, EVERY_ORGANISATION, "A recomputation covers the incidents of "
                    + "every organisation; ask with a token that is not tied to one.");
        }
        MetricsRecomputation metrics = recomputation.getIfAvailable();
        if (metrics == null) {
            throw ApiProblem.metricsDisabled();
        }
        return metrics.recomputeAll();
    }
}
