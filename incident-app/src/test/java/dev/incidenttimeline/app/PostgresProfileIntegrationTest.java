package dev.incidenttimeline.app;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app with the {@code postgres} profile runs on PostgreSQL: Flyway creates the schema and commands are stored.
 * Only the database name differs from the profile (each test run uses a database of its own); PostgreSQL on
 * 127.0.0.1:5432 is required, the test fails without it.
 */
class PostgresProfileIntegrationTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    @Test
    void storesIncidentsInPostgresWithThePostgresProfile() throws SQLException {
        String database = "it_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + database);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IncidentTimelineApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + SERVER + database, "--server.port=0",
                        "--spring.main.banner-mode=off")) {
            IncidentId id = app.getBean(IncidentGateway.class).declare(new DeclareIncident(null, "Checkout errors",
                    Severity.SEV1, List.of("checkout"), DetectionSource.CUSTOMER, null, null, "frank", false, null,
                    null));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

            assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(database);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Integer.class, id.value())).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success",
                    Integer.class)).isPositive();
        } finally {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            connection.createStatement().execute(sql);
        }
    }
}
