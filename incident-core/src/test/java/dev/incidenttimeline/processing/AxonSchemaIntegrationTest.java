package dev.incidenttimeline.processing;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.AddTimelineNote;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.Severity;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Flyway creates Axon's tables and Hibernate only validates them ({@code ddl-auto=validate}, nothing but the core
 * module on the classpath), on H2 and on PostgreSQL; on PostgreSQL the bytes are in {@code bytea} columns, never in
 * large objects, and events are numbered one by one.
 */
class AxonSchemaIntegrationTest {

    @Test
    void validatesAxonTablesCreatedByFlywayOnH2() {
        try (ConfigurableApplicationContext node = start("jdbc:h2:mem:axon-schema;DB_CLOSE_DELAY=-1", "sa")) {
            IncidentId id = declareAndAcknowledge(node);
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Integer.class, id.value())).isEqualTo(3);
            assertThat(jdbc.queryForList("SELECT DISTINCT data_type FROM information_schema.columns "
                    + "WHERE LOWER(table_name) = 'domain_event_entry' AND LOWER(column_name) = 'payload'",
                    String.class)).containsExactly("BINARY VARYING");
        }
    }

    @Test
    void storesBytesInByteaColumnsWithoutLargeObjectsOnPostgres() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create("schema");
             ConfigurableApplicationContext node = start(database.url(), PostgresTestDatabase.USER)) {
            IncidentId id = declareAndAcknowledge(node);
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            await().until(() -> node.getBean(Declarations.class).seen.contains(id));
            await().until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM token_entry WHERE token IS NOT NULL",
                    Long.class) > 0);

            List<Map<String, Object>> binaryColumns = jdbc.queryForList("""
                    SELECT table_name, column_name, data_type FROM information_schema.columns
                    WHERE table_schema = 'public' AND column_name IN
                          ('payload', 'meta_data', 'token', 'serialized_saga', 'diagnostics')""");
            assertThat(binaryColumns).hasSize(10)
                    .allSatisfy(column -> assertThat(column.get("data_type")).isEqualTo("bytea"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_largeobject_metadata", Long.class)).isZero();
            assertThat(jdbc.queryForObject(
                    "SELECT increment_by FROM pg_sequences WHERE sequencename = 'domain_event_entry_seq'", Long.class))
                    .isEqualTo(1L);
            List<Long> globalIndexes = jdbc.queryForList("SELECT global_index FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, id.value());
            assertThat(globalIndexes).hasSize(3);
            assertThat(globalIndexes.get(2) - globalIndexes.get(0)).isEqualTo(2L);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history "
                    + "WHERE version = '1' AND success", Integer.class)).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(String url, String user) {
        return new SpringApplicationBuilder(Host.class).run(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.jpa.hibernate.ddl-auto=validate",
                "--spring.main.banner-mode=off");
    }

    private static IncidentId declareAndAcknowledge(ConfigurableApplicationContext node) {
        IncidentGateway incidents = node.getBean(IncidentGateway.class);
        IncidentId id = incidents.declare(new DeclareIncident(null, "Payments time out", Severity.SEV2,
                List.of("payments"), DetectionSource.ALERT, null, null, "alice", false, null, null));
        incidents.send(new AcknowledgeIncident(id, "bob", null, null));
        incidents.send(new AddTimelineNote(id, EntryId.random(), "bob", "Rolled back the 21:02 deploy", List.of(),
                null, null));
        return id;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {

        @Bean
        Declarations declarations() {
            return new Declarations();
        }
    }

    /** A read model in a pooled processor, so the token store is used too. */
    @ProcessingGroup("schema-declarations")
    static class Declarations {

        final List<IncidentId> seen = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(IncidentDeclared event) {
            seen.add(event.incidentId());
        }
    }
}
