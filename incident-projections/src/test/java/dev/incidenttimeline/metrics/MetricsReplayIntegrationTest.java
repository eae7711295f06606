package dev.incidenttimeline.metrics;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.host.MetricsTestHost;
import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.AssignRole;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.LinkAlert;
import dev.incidenttimeline.incident.api.Role;
import dev.incidenttimeline.incident.api.Severity;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Metric definitions added or changed after the incidents happened: a replay of the metrics processing group
 * computes them over all history. Has a database of its own, since it changes the catalogue.
 */
@SpringBootTest(classes = MetricsTestHost.class,
        properties = "spring.datasource.url=jdbc:h2:mem:metrics-replay;DB_CLOSE_DELAY=-1")
class MetricsReplayIntegrationTest {

    private static final Instant T = Instant.parse("2026-06-01T08:00:00Z");
    private static final String ALERT_TO_ACKNOWLEDGE = "timeFromAlertToAcknowledge";

    @Autowired
    IncidentGateway incidents;

    @Autowired
    MetricsQueries metrics;

    @Autowired
    MetricCatalog catalog;

    @Autowired
    EventProcessingConfiguration eventProcessing;

    @Test
    void computesADefinitionAddedAfterTheFactForPastIncidents() {
        // Alert fired 3 minutes before the declaration, acknowledged 2 minutes after it, leader after 6 minutes.
        IncidentId first = incident(T, 3, 2);
        // Alert fired 1 minute before, acknowledged 9 minutes after.
        IncidentId second = incident(T.plusSeconds(3600), 1, 9);
        IncidentMetricsView before = awaitLeader(first);
        awaitLeader(second);
        assertThat(before.metric(ALERT_TO_ACKNOWLEDGE)).isEmpty();

        catalog.register(MetricDefinition.between(ALERT_TO_ACKNOWLEDGE, 1,
                "From the first alert to the first acknowledgement", Milestones::firstAlert, Milestones::acknowledged));
        catalog.register(MetricDefinition.between(StandardMetrics.TIME_TO_ACKNOWLEDGE, 2,
                "From the first detection to the first acknowledgement",
                Milestones::firstDetection, Milestones::acknowledged));
        replay();

        // A query during the replay may find an incident not rebuilt yet: wait until both are complete again.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(metrics.incident(first)).hasValueSatisfying(after -> {
                assertThat(after.metric(ALERT_TO_ACKNOWLEDGE).map(MetricValueView::value))
                        .hasValue(Duration.ofMinutes(5));
                assertThat(after.metric(StandardMetrics.TIME_TO_ACKNOWLEDGE)).hasValueSatisfying(value -> {
                    assertThat(value.version()).isEqualTo(2);
                    assertThat(value.value()).isEqualTo(Duration.ofMinutes(5));
                });
                // What did not change is rebuilt as it was, down to the events it came from.
                assertThat(after.metric(StandardMetrics.TIME_TO_LEADER))
                        .isEqualTo(before.metric(StandardMetrics.TIME_TO_LEADER));
            });
            assertThat(metrics.incident(second)).hasValueSatisfying(after -> {
                assertThat(after.metric(ALERT_TO_ACKNOWLEDGE).map(MetricValueView::value))
                        .hasValue(Duration.ofMinutes(10));
                assertThat(after.timeToAcknowledge()).isEqualTo(Duration.ofMinutes(10));
                assertThat(after.timeToLeader()).isNotNull();
            });
        });
        MetricsGroupView all = metrics.summarize(T, T.plusSeconds(7200), null, false).groups().get(0);
        // 5 and 10 minutes.
        assertThat(all.metrics().get(ALERT_TO_ACKNOWLEDGE).mean()).isEqualTo(Duration.ofSeconds(450));
    }

    private void replay() {
        StreamingEventProcessor processor = eventProcessing
                .eventProcessor(MetricsProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        assertThat(processor).isInstanceOf(PooledStreamingEventProcessor.class);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    private IncidentId incident(Instant declaredAt, int alertMinutesBefore, int ackMinutesAfter) {
        IncidentId id = incidents.declare(new DeclareIncident(null, "Login failures", Severity.SEV2, List.of("auth"),
                DetectionSource.ALERT, null, null, "alice", false, declaredAt, null));
        incidents.send(new LinkAlert(id, "alertmanager", "fp-" + id, "LoginErrors", null, null,
                declaredAt.minusSeconds(alertMinutesBefore * 60L), null));
        incidents.send(new AcknowledgeIncident(id, "bob", declaredAt.plusSeconds(ackMinutesAfter * 60L), null));
        incidents.send(new AssignRole(id, Role.LEADER, "bob", "bob", declaredAt.plusSeconds(6 * 60), null));
        return id;
    }

    private IncidentMetricsView awaitLeader(IncidentId id) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> metrics.incident(id).orElse(null),
                view -> view != null && view.timeToLeader() != null);
    }
}
