package dev.incidenttimeline.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.CustomerCalledBack;
import dev.incidenttimeline.incident.api.DeadlineKind;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.LinkCustomerReport;
import dev.incidenttimeline.incident.api.MitigateIncident;
import dev.incidenttimeline.incident.api.PostStatusUpdate;
import dev.incidenttimeline.incident.api.RecordCustomerCallback;
import dev.incidenttimeline.incident.api.ResolveIncident;
import dev.incidenttimeline.incident.api.ResponseDeadlineMissed;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.incident.api.Visibility;
import dev.incidenttimeline.notification.NotificationDispatcher;
import dev.incidenttimeline.support.MutableClock;
import dev.incidenttimeline.support.RecordingHttpServer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A SEV1 walked through with a simulated clock (set by hand, running on in between): nobody acknowledges within
 * 5 minutes, an update is overdue, a
 * customer is called back before the promised time. The incident's events and the outgoing webhook and Slack
 * messages show the two breaches and nothing else.
 */
@SpringBootTest(classes = ResponsePaceScenarioIntegrationTest.Host.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:response-pace;DB_CLOSE_DELAY=-1",
        "incident.core.policies.scheduler.polling-interval=100ms",
        "incident.core.notifications.retry.base-delay=5ms",
        "incident.core.notifications.slack.bot-token=xoxb-test",
        "incident.core.notifications.slack.channel=C0INCIDENTS"})
class ResponsePaceScenarioIntegrationTest {

    static final Instant T0 = Instant.parse("2026-11-20T21:00:00Z");
    static final MutableClock CLOCK = new MutableClock(T0);
    static final RecordingHttpServer SERVER = new RecordingHttpServer();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {

        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("incident.core.notifications.webhook.url", () -> SERVER.url("/hook"));
        registry.add("incident.core.notifications.slack.api-url", () -> SERVER.url("/slack"));
    }

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Autowired
    IncidentGateway incidents;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    @BeforeEach
    void processorsHaveStarted() {
        for (String processor : List.of(ResponseDeadlineSaga.PROCESSING_GROUP,
                NotificationDispatcher.PROCESSING_GROUP)) {
            await().until(() -> processing.eventProcessor(processor, StreamingEventProcessor.class)
                    .map(it -> !it.processingStatus().isEmpty()).orElse(false));
        }
    }

    @Test
    void recordsAMissedAcknowledgementAndAnOverdueUpdateButNotAKeptCallback() {
        IncidentId id = incidents.declare(new DeclareIncident(null, "Checkout is down", Severity.SEV1,
                List.of("checkout"), DetectionSource.ALERT, null, null, "alertmanager", false, T0, "alert-77"));
        await().until(() -> scheduledDeadlines() == 3);

        at(Duration.ofMinutes(6));
        await().until(() -> missed(id).size() == 1);

        at(Duration.ofMinutes(7));
        incidents.send(new AcknowledgeIncident(id, "bob", T0.plus(Duration.ofMinutes(7)), null));
        at(Duration.ofMinutes(8));
        incidents.send(new LinkCustomerReport(id, "T-4711", "ACME", "+31 20 555 0100",
                T0.plus(Duration.ofHours(1)), "support", T0.plus(Duration.ofMinutes(8)), null));
        at(Duration.ofMinutes(10));
        incidents.send(update(id, "u1", "Checkout errors at 100%, rolling back release 2026.11.3",
                Duration.ofMinutes(10)));

        // The policy works asynchronously: let it schedule the next update before time moves past it.
        await().until(() -> scheduledTimes().contains(T0.plus(Duration.ofMinutes(40))));
        at(Duration.ofMinutes(41));
        await().until(() -> missed(id).size() == 2);

        at(Duration.ofMinutes(45));
        incidents.send(update(id, "u2", "Rollback done, error rate falling", Duration.ofMinutes(45)));
        at(Duration.ofMinutes(50));
        incidents.send(new RecordCustomerCallback(id, "T-4711", "carol", "told ACME checkout works again",
                T0.plus(Duration.ofMinutes(50)), null));
        at(Duration.ofMinutes(55));
        incidents.send(new MitigateIncident(id, "bob", "rolled back", T0.plus(Duration.ofMinutes(55)), null));
        at(Duration.ofMinutes(62));
        incidents.send(new ResolveIncident(id, "bob", "fixed the release", T0.plus(Duration.ofMinutes(62)), null));
        await().until(() -> scheduledDeadlines() == 0);
        at(Duration.ofHours(3));

        assertThat(missed(id)).extracting(ResponseDeadlineMissed::kind, ResponseDeadlineMissed::dueAt,
                        ResponseDeadlineMissed::occurredAt, ResponseDeadlineMissed::allowed,
                        ResponseDeadlineMissed::policy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DeadlineKind.ACKNOWLEDGE, T0.plus(Duration.ofMinutes(5)),
                                T0.plus(Duration.ofMinutes(5)), Duration.ofMinutes(5), "SEV1"),
                        org.assertj.core.groups.Tuple.tuple(DeadlineKind.UPDATE_CADENCE,
                                T0.plus(Duration.ofMinutes(40)), T0.plus(Duration.ofMinutes(40)),
                                Duration.ofMinutes(30), "SEV1"));
        assertThat(payloads(id)).filteredOn(CustomerCalledBack.class::isInstance).hasSize(1);

        await().until(() -> SERVER.accepted("/hook").size() == 10);
        List<JsonNode> hooks = SERVER.accepted("/hook");
        assertThat(hooks).extracting(hook -> hook.path("type").asText()).containsExactly("IncidentDeclared",
                "ResponseDeadlineMissed", "IncidentAcknowledged", "CustomerReportLinked", "StatusUpdatePosted",
                "ResponseDeadlineMissed", "StatusUpdatePosted", "CustomerCalledBack", "IncidentMitigated",
                "IncidentResolved");
        assertThat(hooks).extracting(hook -> hook.path("eventId").asText()).doesNotHaveDuplicates();
        assertThat(hooks.get(1).path("text").asText())
                .isEqualTo("Missed deadline: acknowledge within 5m, due 2026-11-20T21:05:00Z (policy SEV1)");
        assertThat(hooks.get(1).path("event").path("kind").asText()).isEqualTo("ACKNOWLEDGE");
        assertThat(hooks.get(5).path("text").asText()).startsWith("Missed deadline: update every 30m");

        await().until(() -> SERVER.accepted("/slack/chat.postMessage").size() == 10);
        List<JsonNode> slack = SERVER.accepted("/slack/chat.postMessage");
        assertThat(slack.get(0).has("thread_ts")).isFalse();
        assertThat(slack.get(0).path("text").asText()).contains("*Checkout is down*", "SEV1 declared by alertmanager");
        String thread = "1700000000.000100";
        assertThat(slack.subList(1, 10)).allSatisfy(message -> {
            assertThat(message.path("thread_ts").asText()).isEqualTo(thread);
            assertThat(message.path("channel").asText()).isEqualTo("C0INCIDENTS");
        });
        assertThat(slack.get(1).path("text").asText()).startsWith("Missed deadline: acknowledge within 5m");
        assertThat(slack.get(9).path("reply_broadcast").asBoolean()).isTrue();
        assertThat(SERVER.requests()).filteredOn(request -> request.path().startsWith("/slack"))
                .allSatisfy(request -> assertThat(request.authorization()).isEqualTo("Bearer xoxb-test"));
    }

    private static PostStatusUpdate update(IncidentId id, String entry, String text, Duration sinceStart) {
        return new PostStatusUpdate(id, EntryId.of(entry), "bob", text, Visibility.INTERNAL, List.of(),
                T0.plus(sinceStart), null);
    }

    private static void at(Duration sinceStart) {
        CLOCK.set(T0.plus(sinceStart));
    }

    private List<Instant> scheduledTimes() {
        return jdbc.queryForList("SELECT execution_time FROM scheduled_tasks", java.sql.Timestamp.class).stream()
                .map(java.sql.Timestamp::toInstant).toList();
    }

    private int scheduledDeadlines() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Integer.class);
    }

    private List<Object> payloads(IncidentId id) {
        return eventStore.readEvents(id.value()).asStream().map(EventMessage::getPayload).map(Object.class::cast)
                .toList();
    }

    private List<ResponseDeadlineMissed> missed(IncidentId id) {
        return payloads(id).stream().filter(ResponseDeadlineMissed.class::isInstance)
                .map(ResponseDeadlineMissed.class::cast).toList();
    }
}
