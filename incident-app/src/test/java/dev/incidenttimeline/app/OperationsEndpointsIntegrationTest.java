package dev.incidenttimeline.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static dev.incidenttimeline.app.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The parts an operator relies on: the API description, Swagger UI, health and the Prometheus endpoint. */
@AppIntegrationTest
class OperationsEndpointsIntegrationTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void describesTheApiInOpenApi() {
        HttpResponse<String> docs = http.get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(json(docs).get("paths").propertyNames()).contains("/api/incidents",
                "/api/incidents/{id}/acknowledgements", "/api/incidents/{id}/roles", "/api/incidents/{id}/updates",
                "/api/incidents/{id}/notes", "/api/incidents/{id}/mitigation", "/api/incidents/{id}/resolution",
                "/api/integrations/alertmanager", "/api/integrations/pagerduty", "/api/imports/slack");
        assertThat(http.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void reportsHealth() {
        HttpResponse<String> health = http.get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void exposesResponseMetricsForPrometheus() {
        http.post("/api/incidents", "{}");

        HttpResponse<String> scrape = http.get("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("http_server_requests_seconds_count", "jvm_memory_used_bytes");
    }
}
