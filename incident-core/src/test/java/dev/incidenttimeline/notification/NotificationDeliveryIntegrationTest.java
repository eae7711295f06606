package dev.incidenttimeline.notification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.support.RecordingHttpServer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook and the Slack incoming webhook against a local HTTP server: failed sends are retried with backoff,
 * each event reaches each channel once, also when it is delivered again, and the processor cannot replay.
 */
@SpringBootTest(classes = NotificationDeliveryIntegrationTest.Host.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:notification-delivery;DB_CLOSE_DELAY=-1",
        "incident.core.policies.enabled=false",
        "incident.core.notifications.retry.base-delay=5ms",
        "incident.core.notifications.retry.attempts=4"})
class NotificationDeliveryIntegrationTest {

    static final RecordingHttpServer SERVER = new RecordingHttpServer();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("incident.core.notifications.webhook.url", () -> SERVER.url("/hook"));
        registry.add("incident.core.notifications.webhook.headers.Authorization", () -> "Bearer hook-secret");
        registry.add("incident.core.notifications.slack.webhook-url", () -> SERVER.url("/services/T0/B0/x"));
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
    NotificationDispatcher dispatcher;
    @Autowired
    NotificationRecords records;
    @Autowired
    EventProcessingConfiguration processing;

    @BeforeEach
    void processorHasStarted() {
        await().until(() -> processor().processingStatus().size() == 1);
        SERVER.clear();
    }

    @Test
    void retriesFailedSendsAndDeliversEachEventOncePerChannel() {
        SERVER.failNext(2);
        IncidentId id = incidents.declare(declaration("Search results are empty"));

        await().until(() -> SERVER.accepted("/hook").size() == 1 && SERVER.accepted("/services/T0/B0/x").size() == 1);
        assertThat(SERVER.requests()).filteredOn(request -> !request.answeredOk()).hasSize(2);
        JsonNode hook = SERVER.accepted("/hook").get(0);
        assertThat(hook.path("type").asText()).isEqualTo("IncidentDeclared");
        assertThat(hook.path("incidentId").asText()).isEqualTo(id.value());
        assertThat(hook.path("event").path("severity").asText()).isEqualTo("SEV3");
        assertThat(SERVER.requests()).filteredOn(request -> request.path().equals("/hook"))
                .allSatisfy(request -> assertThat(request.authorization()).isEqualTo("Bearer hook-secret"));
        JsonNode slack = SERVER.accepted("/services/T0/B0/x").get(0);
        assertThat(slack.path("text").asText()).isEqualTo(":rotating_light: *Search results are empty* (incident "
                + id + ")\nSEV3 declared by alertmanager: Search results are empty (search)");
        assertThat(slack.path("blocks").get(0).path("text").path("type").asText()).isEqualTo("mrkdwn");
    }

    @Test
    void sendsNothingForAnEventDeliveredAgain() {
        IncidentId id = incidents.declare(declaration("Login loops"));
        incidents.send(new AcknowledgeIncident(id, "bob", null, null));
        await().until(() -> SERVER.accepted("/hook").size() == 2 && SERVER.accepted("/services/T0/B0/x").size() == 2);

        List<? extends DomainEventMessage<?>> stored = eventStore.readEvents(id.value()).asStream().toList();
        // The receiver has answered; wait until the dispatcher has also written down that it sent them.
        await().until(() -> stored.stream().allMatch(message ->
                records.wasSent(message.getIdentifier(), WebhookNotifier.CHANNEL)
                        && records.wasSent(message.getIdentifier(), SlackNotifier.CHANNEL)));
        stored.forEach(message -> dispatcher.on((IncidentEvent) message.getPayload(), message));

        assertThat(SERVER.requests()).hasSize(4);
    }

    @Test
    void cannotBeReplayed() {
        assertThat(processor().supportsReset()).isFalse();
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(NotificationDispatcher.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }

    private static DeclareIncident declaration(String title) {
        return new DeclareIncident(null, title, Severity.SEV3, List.of("search"), DetectionSource.ALERT, null, null,
                "alertmanager", false, null, null);
    }
}
