package dev.incidenttimeline.metrics;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.host.MetricsTestHost;
import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A deployment with a new metric definition: the host is stopped, started again with a {@link MetricDefinition} bean
 * more, and the incidents of before get the new metric's values without anyone asking for it; a node with the
 * definitions of before does not take them away again on its start.
 */
class MetricsRecomputationOnStartIntegrationTest {

    private static final String DATABASE = "--spring.datasource.url=jdbc:h2:mem:metrics-recompute-on-start;"
            + "DB_CLOSE_DELAY=-1";
    private static final String NEW_METRIC = "declarationToAcknowledgementDeployed";
    private static final Instant DECLARED = Instant.parse("2026-01-12T06:00:00Z");

    @Test
    void givesTheIncidentsOfBeforeADefinitionAddedSinceTheLastStart() {
        IncidentId id;
        try (ConfigurableApplicationContext before = start(MetricsTestHost.class)) {
            IncidentGateway incidents = before.getBean(IncidentGateway.class);
            id = incidents.declare(new DeclareIncident(null, "Login fails", Severity.SEV2, List.of("login"),
                    DetectionSource.ALERT, null, null, "alice", false, DECLARED, null));
            incidents.send(new AcknowledgeIncident(id, "bob", DECLARED.plusSeconds(420), null));
            MetricsQueries metrics = before.getBean(MetricsQueries.class);
            await().atMost(Duration.ofSeconds(15)).until(() -> metrics.incident(id)
                    .map(IncidentMetricsView::timeToAcknowledge).isPresent());
            assertThat(before.getBean(MetricsRecomputation.class).standing())
                    .isEqualTo(MetricsRecomputation.Standing.UP_TO_DATE);
        }

        try (ConfigurableApplicationContext after = start(MetricsTestHost.class, NewDefinition.class)) {
            MetricsQueries metrics = after.getBean(MetricsQueries.class);

            Optional<MetricValueView> value = await().atMost(Duration.ofSeconds(15)).until(
                    () -> metrics.incident(id).flatMap(view -> view.metric(NEW_METRIC)), Optional::isPresent);

            assertThat(value.orElseThrow().value()).isEqualTo(Duration.ofMinutes(7));
            assertThat(after.getBean(MetricsRecomputation.class).standing())
                    .isEqualTo(MetricsRecomputation.Standing.UP_TO_DATE);
        }

        // A node still on the definitions of before (a rolling deployment) finds values newer than its catalogue:
        // it leaves them alone rather than taking the new metric away again.
        try (ConfigurableApplicationContext older = start(MetricsTestHost.class)) {
            assertThat(older.getBean(MetricsRecomputation.class).standing())
                    .isEqualTo(MetricsRecomputation.Standing.AHEAD);
        }
    }

    private static ConfigurableApplicationContext start(Class<?>... sources) {
        return new SpringApplicationBuilder(sources).run(DATABASE, "--spring.main.banner-mode=off");
    }

    @Configuration(proxyBeanMethods = false)
    static class NewDefinition {

        @Bean
        MetricDefinition declarationToAcknowledgementDeployed() {
            return MetricDefinition.between(NEW_METRIC, 1, "From the declaration to the acknowledgement",
                    Milestones::declared, Milestones::acknowledged);
        }
    }
}
