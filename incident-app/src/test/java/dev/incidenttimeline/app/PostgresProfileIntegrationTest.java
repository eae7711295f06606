package dev.incidenttimeline.app;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.metrics.MetricCatalog;
import dev.incidenttimeline.metrics.MetricDefinition;
import dev.incidenttimeline.metrics.MetricsQueries;
import dev.incidenttimeline.metrics.MetricsRecomputation;
import dev.incidenttimeline.metrics.Milestones;
import dev.incidenttimeline.replay.ProjectionReplayer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app with the {@code postgres} profile runs on PostgreSQL: Flyway creates the schema and commands are stored.
 * Only the database name differs from the profile (each test run uses a database of its own); PostgreSQL on
 * 127.0.0.1:5432 is required, the test fails without it.
 */
class PostgresProfileIntegrationTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    @Test
    void storesIncidentsInPostgresWithThePostgresProfile() throws SQLException {
        onPostgres((app, database) -> {
            IncidentId id = declare(app, "Checkout errors");
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

            assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(database);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Integer.class, id.value())).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success",
                    Integer.class)).isPositive();
        });
    }

    /**
     * The reset protocol of the read models (README, Replay) on PostgreSQL, where TRUNCATE is part of the transaction
     * and the processors' segments race for the first batch of a replay: a row no event explains is gone after a
     * replay, and after a reset that was recorded but not carried out (Axon's own resetTokens, as after a crash).
     */
    @Test
    void emptiesEveryReadModelOnPostgresBeforeItsReplay() throws SQLException {
        onPostgres((app, database) -> {
            for (int i = 0; i < 3; i++) {
                declare(app, "Checkout errors " + i);
            }
            ProjectionReplayer replayer = app.getBean(ProjectionReplayer.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(60)).until(replayer::isCaughtUp);
            int summaries = count(jdbc, "incident_summary");
            assertThat(summaries).isGreaterThanOrEqualTo(3);  // and the demo incidents, if any

            addRowsNoEventExplains(jdbc);
            replayer.replayAll();
            assertThat(count(jdbc, "read_model_reset")).isZero();
            assertThat(ghostRows(jdbc)).isZero();
            await().atMost(Duration.ofSeconds(60)).until(replayer::isCaughtUp);
            assertThat(count(jdbc, "incident_summary")).isEqualTo(summaries);

            addRowsNoEventExplains(jdbc);
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            List<StreamingEventProcessor> processors = replayer.groups().stream()
                    .map(group -> processing.eventProcessorByProcessingGroup(group, StreamingEventProcessor.class)
                            .orElseThrow())
                    .toList();
            processors.forEach(StreamingEventProcessor::shutDown);
            processors.forEach(StreamingEventProcessor::resetTokens);
            assertThat(count(jdbc, "read_model_reset")).isEqualTo(processors.size());
            processors.forEach(StreamingEventProcessor::start);
            await().atMost(Duration.ofSeconds(60)).until(replayer::isCaughtUp);

            assertThat(count(jdbc, "read_model_reset")).isZero();
            assertThat(ghostRows(jdbc)).isZero();
            assertThat(count(jdbc, "incident_summary")).isEqualTo(summaries);
        });
    }

    /**
     * A recomputation after a new metric definition on PostgreSQL, while half of the incidents get new events: the
     * incidents that get none have the new metric from the recomputation alone, and the page's row locks and the
     * batches' (README, Versioned definitions and replay) leave every incident with one value of it.
     */
    @Test
    void recomputesTheMetricsOnPostgresWhileNewEventsArrive() throws SQLException {
        onPostgres((app, database) -> {
            Instant declared = Instant.parse("2026-02-02T09:00:00Z");
            IncidentGateway incidents = app.getBean(IncidentGateway.class);
            List<IncidentId> ids = IntStream.range(0, 20).mapToObj(i -> incidents.declare(new DeclareIncident(null,
                    "Search errors " + i, Severity.SEV2, List.of("search"), DetectionSource.ALERT, null, null,
                    "frank", false, declared, null))).toList();
            List<IncidentId> quiet = ids.subList(0, 10);
            List<IncidentId> busy = ids.subList(10, 20);
            quiet.forEach(id -> incidents.send(new AcknowledgeIncident(id, "frank", declared.plusSeconds(300), null)));
            ProjectionReplayer replayer = app.getBean(ProjectionReplayer.class);
            await().atMost(Duration.ofSeconds(60)).until(replayer::isCaughtUp);
            app.getBean(MetricCatalog.class).register(MetricDefinition.between("declarationToAcknowledgement", 1,
                    "From the declaration to the acknowledgement", Milestones::declared, Milestones::acknowledged));

            CompletableFuture<MetricsRecomputation.Result> recomputing = CompletableFuture.supplyAsync(
                    app.getBean(MetricsRecomputation.class)::recomputeAll);
            busy.forEach(id -> incidents.send(new AcknowledgeIncident(id, "frank", declared.plusSeconds(300), null)));

            assertThat(recomputing.join().incidents()).isGreaterThanOrEqualTo(ids.size());
            await().atMost(Duration.ofSeconds(60)).until(replayer::isCaughtUp);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT incident_id FROM metrics_value WHERE metric = ?"
                    + " GROUP BY incident_id HAVING COUNT(*) > 1", String.class, "declarationToAcknowledgement"))
                    .isEmpty();
            MetricsQueries metrics = app.getBean(MetricsQueries.class);
            assertThat(ids).allSatisfy(id -> assertThat(metrics.incident(id).orElseThrow()
                    .metric("declarationToAcknowledgement").orElseThrow().value()).isEqualTo(Duration.ofMinutes(5)));
        });
    }

    private interface OnPostgres {
        void run(ConfigurableApplicationContext app, String database);
    }

    /** The app with the postgres profile on a database of its own, dropped afterwards. */
    private static void onPostgres(OnPostgres test) throws SQLException {
        String database = "it_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + database);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IncidentTimelineApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + SERVER + database, "--server.port=0",
                        "--spring.main.banner-mode=off")) {
            test.run(app, database);
        } finally {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static IncidentId declare(ConfigurableApplicationContext app, String title) {
        return app.getBean(IncidentGateway.class).declare(new DeclareIncident(null, title, Severity.SEV1,
                List.of("checkout"), DetectionSource.CUSTOMER, null, null, "frank", false, null, null));
    }

    /** As if an older version of each model had written them: only emptying the model removes them. */
    private static void addRowsNoEventExplains(JdbcTemplate jdbc) {
        jdbc.update("INSERT INTO timeline_incident (incident_id, organisation) VALUES ('ghost', NULL)");
        jdbc.update("INSERT INTO incident_summary_service (incident_id, service) VALUES ('ghost', 'ghost')");
        jdbc.update("INSERT INTO postmortem_incident (incident_id, organisation) VALUES ('ghost', NULL)");
        jdbc.update("INSERT INTO metrics_incident (incident_id, customer_first, drill, last_sequence)"
                + " VALUES ('ghost', false, false, 0)");
        jdbc.update("INSERT INTO metrics_incident_service (incident_id, service) VALUES ('ghost', 'ghost')");
    }

    private static int ghostRows(JdbcTemplate jdbc) {
        return List.of("timeline_incident", "incident_summary_service", "postmortem_incident", "metrics_incident",
                "metrics_incident_service").stream()
                .mapToInt(table -> jdbc.queryForObject("SELECT COUNT(*) FROM " + table
                        + " WHERE incident_id = 'ghost'", Integer.class))
                .sum();
    }

    private static int count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            connection.createStatement().execute(sql);
        }
    }
}
