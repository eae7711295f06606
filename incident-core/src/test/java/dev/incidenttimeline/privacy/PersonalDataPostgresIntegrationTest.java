package dev.incidenttimeline.privacy;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.Incident;
import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentAcknowledged;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.processing.PostgresTestDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key table on PostgreSQL, with two nodes and a restart: two nodes naming the same new person at once end with one
 * subject, names stay encrypted in {@code bytea} payloads, and an erasure made before a restart holds after it on
 * every node (the key is gone from the database, not only from a cache).
 */
class PersonalDataPostgresIntegrationTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {
    }

    private static final Instant T0 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    private static final String ORGANISATION = "acme";
    private static final String ALICE = "Alice Example";
    private static final String BOB = "Bob Builder";

    @Test
    void twoNodesShareOneSubjectPerPersonAndAnErasureSurvivesARestart() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create("personal_data")) {
            List<IncidentId> incidents = IntStream.range(0, 8).mapToObj(i -> IncidentId.random()).toList();
            String pseudonym;
            try (ConfigurableApplicationContext first = node(database, "node-1");
                 ConfigurableApplicationContext second = node(database, "node-2")) {
                // Both nodes meet Alice for the first time at the same moment: one key, both readable.
                CompletableFuture.allOf(IntStream.range(0, incidents.size()).mapToObj(i -> CompletableFuture.runAsync(
                        () -> declare(i % 2 == 0 ? first : second, incidents.get(i)))).toArray(CompletableFuture[]::new))
                        .join();
                JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("select count(*) from personal_data_key where name = ?", Integer.class,
                        ALICE)).isEqualTo(1);
                assertThat(jdbc.queryForList("select payload from domain_event_entry", byte[].class)).hasSize(16)
                        .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                        .noneMatch(payload -> payload.contains(ALICE) || payload.contains(BOB));
                assertThat(declaredBy(second, incidents.get(0))).isEqualTo(ALICE);

                pseudonym = first.getBean(Erasure.class).erase(ORGANISATION, ALICE).pseudonyms().get(0);
            }

            try (ConfigurableApplicationContext restarted = node(database, "node-3")) {
                for (IncidentId incident : incidents) {
                    assertThat(declaredBy(restarted, incident)).isEqualTo(pseudonym);
                    assertThat(acknowledgedBy(restarted, incident)).isEqualTo(BOB);
                }
                JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("select count(*) from personal_data_key where name = ?", Integer.class,
                        ALICE)).isZero();
                assertThat(jdbc.queryForObject("select count(*) from personal_data_erasure", Integer.class))
                        .isEqualTo(1);
            }
        }
    }

    /** A node of its own name (two in one JVM would otherwise share the default, the JVM's) and no deadlines. */
    private static ConfigurableApplicationContext node(PostgresTestDatabase database, String name) {
        return new SpringApplicationBuilder(Host.class).run(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--incident.core.processing.node-name=" + name,
                // A missed response deadline would append an event to the table this test counts.
                "--incident.core.policies.enabled=false",
                "--spring.main.banner-mode=off");
    }

    private static void declare(ConfigurableApplicationContext node, IncidentId id) {
        IncidentGateway incidents = node.getBean(IncidentGateway.class);
        incidents.declare(new DeclareIncident(id, "Checkout failing", Severity.SEV2, List.of("checkout"),
                DetectionSource.ALERT, null, null, ALICE, false, T0, null), ORGANISATION);
        incidents.send(new AcknowledgeIncident(id, BOB, T0.plusSeconds(60), null), ORGANISATION);
    }

    private static String declaredBy(ConfigurableApplicationContext node, IncidentId id) {
        return ((IncidentDeclared) events(node, id).get(0)).declaredBy();
    }

    private static String acknowledgedBy(ConfigurableApplicationContext node, IncidentId id) {
        return ((IncidentAcknowledged) events(node, id).get(1)).by();
    }

    private static List<Object> events(ConfigurableApplicationContext node, IncidentId id) {
        return node.getBean(EventStore.class).readEvents(id.value(), 0).asStream()
                .filter(message -> !(message.getPayload() instanceof Incident))
                .map(EventMessage::getPayload).map(Object.class::cast).toList();
    }
}
