package dev.incidenttimeline.policy;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.DeadlineKind;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.ResponseDeadlineMissed;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.support.MutableClock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A deadline scheduled before a restart fires after it, exactly once: one node schedules the acknowledge deadline
 * and stops; the clock passes the due time while nothing runs; a new node on the same database fires it and the
 * incident records one missed deadline. On an H2 file and on PostgreSQL.
 */
class ResponseDeadlineRestartIntegrationTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-20T21:00:00Z"));

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {

        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @Test
    void firesADeadlineScheduledBeforeARestartOnceOnH2(@TempDir Path directory) {
        firesADeadlineScheduledBeforeARestartOnce("jdbc:h2:file:" + directory.resolve("incidents"), "sa");
    }

    @Test
    void firesADeadlineScheduledBeforeARestartOnceOnPostgres() throws SQLException {
        String database = "incident_restart_" + UUID.randomUUID().toString().replace("-", "");
        String server = "jdbc:postgresql://127.0.0.1:5432/";
        try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
            try {
                firesADeadlineScheduledBeforeARestartOnce(server + database, "postgres");
            } finally {
                statement.execute("DROP DATABASE " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void startsTheSchedulerOnlyOnceAxonHasSubscribedItsHandlers(@TempDir Path directory) {
        // A deadline due while the application was down fires as soon as the scheduler starts; before Axon runs, the
        // command it sends finds no handler (this test's restart case then waited minutes for db-scheduler's retry).
        try (ConfigurableApplicationContext context = start("jdbc:h2:file:" + directory.resolve("incidents"), "sa")) {
            int axon = context.getBean(SpringAxonConfiguration.class).getPhase();
            int scheduler = context.getBean(ResponsePolicyConfiguration.ResponseDeadlineSchedulerLifecycle.class)
                    .getPhase();
            assertThat(scheduler).isGreaterThan(axon);
        }
    }

    private void firesADeadlineScheduledBeforeARestartOnce(String url, String user) {
        Instant declaredAt = CLOCK.instant().truncatedTo(ChronoUnit.MILLIS);
        IncidentId id;
        try (ConfigurableApplicationContext first = start(url, user)) {
            id = first.getBean(IncidentGateway.class).declare(new DeclareIncident(null, "Payments time out",
                    Severity.SEV1, List.of("payments"), DetectionSource.ALERT, null, null, "alertmanager", false,
                    declaredAt, null));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await().until(() -> scheduledDeadlines(jdbc) == 3);
            assertThat(missed(first, id)).isEmpty();
        }

        CLOCK.advance(Duration.ofMinutes(6));

        try (ConfigurableApplicationContext second = start(url, user)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().until(() -> missed(second, id).size() == 1);
            await().until(() -> scheduledDeadlines(jdbc) == 2);
            // A few polling rounds more: still exactly one.
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                    .until(() -> missed(second, id).size() == 1);
            ResponseDeadlineMissed missed = missed(second, id).get(0);
            assertThat(missed.kind()).isEqualTo(DeadlineKind.ACKNOWLEDGE);
            assertThat(missed.dueAt()).isEqualTo(declaredAt.plus(Duration.ofMinutes(5)));
            assertThat(missed.policy()).isEqualTo("SEV1");
        }
    }

    private static ConfigurableApplicationContext start(String url, String user) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Host.class)
                .properties("spring.datasource.url=" + url,
                        "spring.datasource.username=" + user,
                        "spring.datasource.password=",
                        "incident.core.policies.scheduler.polling-interval=100ms")
                .run();
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        await().until(() -> processing.eventProcessor(ResponseDeadlineSaga.PROCESSING_GROUP,
                StreamingEventProcessor.class).map(it -> !it.processingStatus().isEmpty()).orElse(false));
        return context;
    }

    private static int scheduledDeadlines(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Integer.class);
    }

    private static List<ResponseDeadlineMissed> missed(ConfigurableApplicationContext context, IncidentId id) {
        return context.getBean(EventStore.class).readEvents(id.value()).asStream().map(EventMessage::getPayload)
                .filter(ResponseDeadlineMissed.class::isInstance).map(ResponseDeadlineMissed.class::cast).toList();
    }
}
