package dev.incidenttimeline.app.security;

import dev.incidenttimeline.app.AppIntegrationTest;
import dev.incidenttimeline.app.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.Map;

import static dev.incidenttimeline.app.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may call what: tokens, roles, open endpoints, and webhooks with their own secrets. */
@AppIntegrationTest
class AccessIntegrationTest {

    private static final String DECLARATION = """
            {"title": "Checkout failing", "severity": "SEV2", "services": ["checkout"], "detectedBy": "MANUAL",
             "declaredBy": "alice"}""";

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void refusesCallsWithoutTokenAsUnauthenticatedProblem() {
        HttpResponse<String> response = http.anonymous().post("/api/incidents", DECLARATION);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer"));
        assertThat(json(response).get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(http.anonymous().get("/api/incidents/some-id").statusCode()).isEqualTo(401);
    }

    @Test
    void refusesUnknownTokens() {
        HttpResponse<String> response = http.as("guessed-token").post("/api/incidents", DECLARATION);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void refusesWritesOfViewersAsForbidden() {
        HttpResponse<String> response = http.as(Http.VIEWER_TOKEN).post("/api/incidents", DECLARATION);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void letsRespondersWriteButNotImportOrAdminister() {
        Http responder = http.as("acme-responder-token");

        assertThat(responder.post("/api/incidents", DECLARATION).statusCode()).isEqualTo(201);
        assertThat(responder.post("/api/imports/slack", "multipart/form-data; boundary=x", "--x--",
                Map.of()).statusCode()).isEqualTo(403);
        assertThat(responder.post("/api/admin/replays", "{}").statusCode()).isEqualTo(403);
        assertThat(responder.post("/api/incidents/x/entries/y/redactions", "{}").statusCode()).isEqualTo(403);
        assertThat(responder.get("/actuator/prometheus").statusCode()).isEqualTo(403);
    }

    @Test
    void keepsHealthAndApiDescriptionOpenAndPrometheusForAdmins() {
        assertThat(http.anonymous().get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(http.anonymous().get("/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(http.anonymous().get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsAlertmanagerWithItsOwnSecretOnlyOnItsEndpoint() {
        String notification = """
                {"version": "4", "groupKey": "{}:{alertname=\\"DiskFull\\", run=\\"%s\\"}", "status": "firing",
                 "receiver": "incident-timeline", "groupLabels": {}, "commonLabels": {}, "commonAnnotations": {},
                 "externalURL": "http://alertmanager.example.internal:9093", "truncatedAlerts": 0,
                 "alerts": [{"status": "firing", "labels": {"alertname": "DiskFull", "severity": "warning",
                 "service": "db"}, "annotations": {}, "startsAt": "2026-11-20T21:00:00Z",
                 "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prometheus.example.internal:9090",
                 "fingerprint": "d15cf011"}]}""".formatted(System.nanoTime());
        Http alertmanager = http.as(AppIntegrationTest.ALERTMANAGER_SECRET);

        assertThat(alertmanager.post("/api/integrations/alertmanager", notification).statusCode()).isEqualTo(200);
        assertThat(http.as("wrong-secret").post("/api/integrations/alertmanager", notification).statusCode())
                .isEqualTo(401);
        assertThat(http.anonymous().post("/api/integrations/alertmanager", notification).statusCode())
                .isEqualTo(401);
        assertThat(alertmanager.post("/api/incidents", DECLARATION).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesPagerDutyDeliveriesWithoutTokenOrSignature() {
        HttpResponse<String> response = http.anonymous().post("/api/integrations/pagerduty", "{}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }
}
