package dev.incidenttimeline.embedding;

import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.ErrorCode;
import dev.incidenttimeline.incident.api.IncidentAcknowledged;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentRejected;
import dev.incidenttimeline.incident.api.MitigateIncident;
import dev.incidenttimeline.incident.api.ResolveIncident;
import dev.incidenttimeline.incident.api.Severity;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A host that adds nothing but the library and a database gets a working write side: commands are checked, events
 * are stored as JSON in the host's database and read back intact.
 */
@SpringBootTest(classes = EmbeddedWriteSideIntegrationTest.Host.class,
        properties = "spring.datasource.url=jdbc:h2:mem:embedded-write-side;DB_CLOSE_DELAY=-1")
class EmbeddedWriteSideIntegrationTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {
    }

    @Autowired
    IncidentGateway incidents;

    @Autowired
    EventStore eventStore;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void storesEventsAsJsonAndReadsThemBack() {
        Instant declaredAt = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        IncidentId id = incidents.declare(new DeclareIncident(null, "Checkout is slow", Severity.SEV2,
                List.of("checkout"), DetectionSource.ALERT, null, null, "alice", false, declaredAt, "alert-1"));
        incidents.send(new AcknowledgeIncident(id, "bob", declaredAt.plusSeconds(90), null));

        List<Object> events = eventStore.readEvents(id.value()).asStream().map(EventMessage::getPayload)
                .map(Object.class::cast).toList();

        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
        assertThat(events).containsExactly(
                new IncidentDeclared(id, "Checkout is slow", Severity.SEV2, List.of("checkout"), DetectionSource.ALERT,
                        declaredAt, null, "alice", false, declaredAt, "alert-1"),
                new IncidentAcknowledged(id, "bob", declaredAt.plusSeconds(90), null));
    }

    @Test
    void declaresOnceWhenTheSameSourceDeliversTwice() {
        DeclareIncident fromWebhook = new DeclareIncident(null, "API down", Severity.SEV1, List.of("api"),
                DetectionSource.ALERT, null, null, "alertmanager", false, null, "webhook-42");

        IncidentId first = incidents.declare(fromWebhook);
        IncidentId second = incidents.declare(fromWebhook);

        assertThat(second).isEqualTo(first);
        assertThat(eventStore.readEvents(first.value()).asStream()).hasSize(1);
    }

    @Test
    void rejectsWithAStableCodeAndStoresNothing() {
        IncidentId id = incidents.declare(new DeclareIncident(null, "Queue backlog", Severity.SEV3, List.of("jobs"),
                DetectionSource.MONITORING, null, null, "carol", false, null, null));

        assertThatThrownBy(() -> incidents.send(new ResolveIncident(id, "carol", "drained",
                Instant.now().plus(1, ChronoUnit.HOURS), null)))
                .isInstanceOfSatisfying(IncidentRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo(ErrorCode.TIME_IN_FUTURE));
        assertThatThrownBy(() -> incidents.send(new MitigateIncident(IncidentId.of("no-such-incident"), "carol",
                "rolled back", null, null)))
                .isInstanceOfSatisfying(IncidentRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo(ErrorCode.INCIDENT_NOT_FOUND));
        assertThat(eventStore.readEvents(id.value()).asStream()).hasSize(1);
    }
}
