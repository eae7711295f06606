package dev.incidenttimeline.app.admin;

import dev.incidenttimeline.app.Http;
import dev.incidenttimeline.metrics.MetricCatalog;
import dev.incidenttimeline.metrics.MetricDefinition;
import dev.incidenttimeline.metrics.Milestones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static dev.incidenttimeline.app.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator adds a metric and recomputes the past over HTTP: the incidents declared before the definition get its
 * value, without a replay; a viewer and an administrator of one organisation may not ask. The test registers a
 * definition in the running catalogue (as a deployment with a new {@code MetricDefinition} bean would have it), so it
 * has an app and a database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:metrics-recomputation-endpoint;DB_CLOSE_DELAY=-1",
        "incident.demo.enabled=false",
        "incident.core.policies.enabled=false",
        // acme-admin-token: an administrator of one organisation.
        "incident.security.tokens.acme-admin.token-hash=8aeb934816ad3780c8f6c6a2bf98e6df6115b81de9e11de4b3a78a58bb196d90",
        "incident.security.tokens.acme-admin.role=ADMIN",
        "incident.security.tokens.acme-admin.organisation=acme"})
class MetricsRecomputationEndpointIntegrationTest {

    private static final String NEW_METRIC = "timeFromDetectionToAcknowledgement";

    @LocalServerPort
    int port;

    @Autowired
    MetricCatalog catalog;

    @Test
    void givesTheIncidentsOfThePastAMetricAddedAfterThem() {
        Http http = new Http(port);
        Instant declared = Instant.parse("2025-11-03T08:00:00Z");
        HttpResponse<String> created = http.post("/api/incidents", """
                {"title": "Search is down", "severity": "SEV1", "services": ["search"], "detectedBy": "ALERT",
                 "detectedAt": "%s", "declaredBy": "Ines", "occurredAt": "%s"}"""
                .formatted(declared.minusSeconds(600), declared));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).get("id").asString();
        assertThat(http.post("/api/incidents/" + id + "/acknowledgements", """
                {"by": "Ines", "occurredAt": "%s"}""".formatted(declared.plusSeconds(120))).statusCode())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(15)).until(() -> metrics(http, id)
                .map(metrics -> metrics.get("timeToAcknowledge").asString("")).orElse("").equals("PT2M"));
        catalog.register(MetricDefinition.between(NEW_METRIC, 1, "From the first detection to the acknowledgement",
                Milestones::firstDetection, Milestones::acknowledged));
        assertThat(metric(http, id)).isEmpty();

        HttpResponse<String> recomputed = http.post("/api/admin/metrics/recomputation", "");

        assertThat(recomputed.statusCode()).isEqualTo(200);
        assertThat(json(recomputed).get("incidents").asInt()).isEqualTo(1);
        assertThat(json(recomputed).get("changed").asInt()).isEqualTo(1);
        JsonNode value = metric(http, id).orElseThrow();
        assertThat(value.get("value").asString()).isEqualTo("PT12M");
        assertThat(value.get("version").asInt()).isEqualTo(1);
        assertThat(json(http.post("/api/admin/metrics/recomputation", "")).get("changed").asInt()).isZero();
    }

    @Test
    void refusesAViewerAndAnAdministratorOfOneOrganisation() {
        Http http = new Http(port);

        HttpResponse<String> byViewer = http.as(Http.VIEWER_TOKEN).post("/api/admin/metrics/recomputation", "");
        HttpResponse<String> byAcme = http.as("acme-admin-token").post("/api/admin/metrics/recomputation", "");

        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(byAcme.statusCode()).isEqualTo(403);
        assertThat(json(byAcme).get("code").asString())
                .isEqualTo(MetricsRecomputationController.EVERY_ORGANISATION);
    }

    private static Optional<JsonNode> metrics(Http http, String id) {
        HttpResponse<String> response = http.get("/api/incidents/" + id + "/metrics");
        return response.statusCode() == 200 ? Optional.of(json(response)) : Optional.empty();
    }

    private static Optional<JsonNode> metric(Http http, String id) {
        return metrics(http, id).flatMap(metrics -> metrics.get("metrics").valueStream()
                .filter(metric -> NEW_METRIC.equals(metric.get("name").asString())).findFirst());
    }
}
