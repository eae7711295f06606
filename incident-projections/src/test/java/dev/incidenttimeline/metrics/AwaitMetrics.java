package dev.incidenttimeline.metrics;

import dev.incidenttimeline.incident.api.IncidentId;

import java.time.Duration;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;

/** Waiting for the metrics read model, which the processor updates after the command has returned. */
final class AwaitMetrics {

    private AwaitMetrics() {
    }

    /** The incident's metrics once they meet the expectation (its assertions pass), within 15 seconds. */
    static IncidentMetricsView awaitMetrics(MetricsQueries metrics, IncidentId id,
                                            Consumer<IncidentMetricsView> expectation) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> metrics.incident(id).orElse(null), view -> {
            if (view == null) {
                return false;
            }
            try {
                expectation.accept(view);
                return true;
            } catch (AssertionError notYet) {
                return false;
            }
        });
    }
}
