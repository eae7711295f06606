package dev.incidenttimeline.app.operations;

import dev.incidenttimeline.app.Http;
import dev.incidenttimeline.app.IncidentTimelineApplication;
import dev.incidenttimeline.processing.OwnPostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;

import static dev.incidenttimeline.app.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away while the app runs (a PostgreSQL server of the test's own is stopped, never the machine's):
 * a write is answered with a 503 problem {@code STORE_UNAVAILABLE} that says to retry, stores nothing, and the app
 * serves again by itself once the database is back.
 */
class StoreOutageIntegrationTest {

    private static final String NOTE = """
            {"author": "Gina", "text": "%s"}""";

    @Test
    void answersRetryableServiceUnavailableWhileTheStoreIsDown() {
        try (OwnPostgresServer server = OwnPostgresServer.initialise();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(IncidentTimelineApplication.class)
                     .profiles("postgres")
                     .run("--spring.datasource.url=" + server.url(), "--server.port=0",
                             "--spring.datasource.hikari.connection-timeout=2000",
                             "--incident.demo.enabled=false", "--incident.core.policies.enabled=false",
                             "--spring.main.banner-mode=off")) {
            Http http = new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String incident = json(http.post("/api/incidents", """
                    {"title": "Primary database failover", "severity": "SEV1", "services": ["db"],
                     "detectedBy": "ALERT", "declaredBy": "Gina"}""")).get("id").asString();
            String notes = "/api/incidents/" + incident + "/notes";
            assertThat(http.post(notes, NOTE.formatted("before the outage")).statusCode()).isEqualTo(201);

            server.stop();
            HttpResponse<String> during = http.post(notes, NOTE.formatted("during the outage"));

            assertThat(during.statusCode()).isEqualTo(503);
            assertThat(during.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(during.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(json(during).get("code").asString()).isEqualTo("STORE_UNAVAILABLE");
            assertThat(json(during).get("retryable").asBoolean()).isTrue();

            server.start();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    http.post(notes, NOTE.formatted("after the outage")).statusCode()).isEqualTo(201));
            assertThat(jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                    + " ORDER BY sequence_number", String.class, incident))
                    .as("the declaration and the notes before and after, nothing of the outage")
                    .hasSize(3);
        }
    }
}
