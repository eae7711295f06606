package dev.incidenttimeline.processing;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.AddTimelineNote;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.ErrorCode;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentRejected;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.incident.api.TimelineNoteAdded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away for a while (the test's own PostgreSQL server is stopped and started again): commands are
 * refused while it is down with the retryable {@link ErrorCode#STORE_UNAVAILABLE} (from Spring's
 * {@code CannotCreateTransactionException}) and store nothing, and
 * afterwards commands and event processing resume by themselves.
 */
class DatabaseOutageIntegrationTest {

    @Test
    void failsCommandsCleanlyWhileTheDatabaseIsDownAndResumesAfterwards() {
        try (OwnPostgresServer server = OwnPostgresServer.initialise();
             ConfigurableApplicationContext node = new SpringApplicationBuilder(Host.class).run(
                     "--spring.datasource.url=" + server.url(),
                     "--spring.datasource.username=postgres",
                     "--spring.datasource.hikari.connection-timeout=2000",
                     "--spring.main.banner-mode=off",
                     "--incident.core.processing.token-claim-interval=300ms")) {
            IncidentGateway incidents = node.getBean(IncidentGateway.class);
            Notes notes = node.getBean(Notes.class);
            IncidentId id = incidents.declare(new DeclareIncident(null, "Primary database failover", Severity.SEV1,
                    List.of("db"), DetectionSource.ALERT, null, null, "gina", false, null, null));
            note(incidents, id, "before the outage");
            await().atMost(Duration.ofSeconds(30)).until(() -> notes.texts.contains("before the outage"));

            server.stop();
            assertThatThrownBy(() -> note(incidents, id, "during the outage"))
                    .isInstanceOfSatisfying(IncidentRejected.class, rejected -> {
                        assertThat(rejected.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
                        assertThat(rejected.code().isRetryable()).isTrue();
                    });
            server.start();

            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                   .untilAsserted(() -> note(incidents, id, "after the outage"));
            await().atMost(Duration.ofSeconds(90)).until(() -> notes.texts.contains("after the outage"));

            assertThat(notes.texts).containsExactly("before the outage", "after the outage");
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            List<Long> sequence = jdbc.queryForList("SELECT sequence_number FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, id.value());
            assertThat(sequence).containsExactlyElementsOf(LongStream.range(0, 3).boxed().toList());
        }
    }

    private static void note(IncidentGateway incidents, IncidentId id, String text) {
        incidents.send(new AddTimelineNote(id, EntryId.random(), "gina", text, List.of(), null, null));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {

        @Bean
        Notes notes() {
            return new Notes();
        }
    }

    /**
     * A read model of the notes, in the order they were handled. Idempotent by event id, as every read model must be:
     * an event handled just before the database went away may be delivered again, because its token was not stored.
     */
    @ProcessingGroup("outage-notes")
    static class Notes {

        final List<String> texts = new CopyOnWriteArrayList<>();
        final Set<String> handledEvents = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(TimelineNoteAdded event, EventMessage<?> message) {
            if (handledEvents.add(message.getIdentifier())) {
                texts.add(event.text());
            }
        }
    }
}
