package dev.incidenttimeline.app.api;

import dev.incidenttimeline.app.AppIntegrationTest;
import dev.incidenttimeline.app.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.incidenttimeline.app.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@AppIntegrationTest
class MetricsApiIntegrationTest {

    /** A period of its own: the test classes share one database. */
    private static final Instant WEEK = Instant.parse("2021-03-08T00:00:00Z");

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void showsEveryClockOfOneIncidentAsIsoDurations() {
        Instant declared = Instant.parse("2021-06-01T10:00:00Z");
        String id = declare("Orders stuck in payment", "SEV2", "CUSTOMER", declared);
        post(id, "acknowledgements", """
                {"by": "Noor", "occurredAt": "%s"}""".formatted(declared.plusSeconds(180)));
        post(id, "roles", """
                {"role": "LEADER", "person": "Noor", "occurredAt": "%s"}""".formatted(declared.plusSeconds(240)));
        post(id, "updates", """
                {"author": "Noor", "text": "Looking", "visibility": "PUBLIC", "occurredAt": "%s"}"""
                .formatted(declared.plusSeconds(300)));
        post(id, "updates", """
                {"author": "Noor", "text": "Found it", "visibility": "PUBLIC", "occurredAt": "%s"}"""
                .formatted(declared.plusSeconds(1200)));
        post(id, "mitigation", """
                {"by": "Noor", "summary": "Queue drained", "occurredAt": "%s"}""".formatted(declared.plusSeconds(1800)));
        post(id, "resolution", """
                {"by": "Noor", "summary": "Fixed", "occurredAt": "%s"}""".formatted(declared.plusSeconds(3600)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> response = http.get("/api/incidents/" + id + "/metrics");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("timeToResolve").asString()).isEqualTo("PT1H");
        });
        JsonNode metrics = json(http.get("/api/incidents/" + id + "/metrics"));
        assertThat(metrics.get("incidentId").asString()).isEqualTo(id);
        assertThat(metrics.get("declaredAt").asString()).isEqualTo(declared.toString());
        assertThat(metrics.get("severity").asString()).isEqualTo("SEV2");
        assertThat(metrics.get("customerFirst").asBoolean()).isTrue();
        assertThat(metrics.get("timeToDetect").asString()).isEqualTo("PT8M");
        assertThat(metrics.get("timeToAcknowledge").asString()).isEqualTo("PT3M");
        assertThat(metrics.get("timeToLeader").asString()).isEqualTo("PT4M");
        assertThat(metrics.get("timeToFirstUpdate").asString()).isEqualTo("PT5M");
        assertThat(metrics.get("timeToMitigate").asString()).isEqualTo("PT30M");
        assertThat(metrics.get("timeToResolve").asString()).isEqualTo("PT1H");
        assertThat(metrics.get("timeToMitigateFromImpact").asString()).isEqualTo("PT40M");
        assertThat(metrics.get("timeToResolveFromImpact").asString()).isEqualTo("PT1H10M");
        assertThat(metrics.get("impactDuration").asString()).isEqualTo("PT40M");
        assertThat(metrics.get("longestUpdateGap").asString()).isEqualTo("PT15M");
        JsonNode acknowledge = metric(metrics, "timeToAcknowledge");
        assertThat(acknowledge.get("startedAt").asString()).isEqualTo(declared.toString());
        assertThat(acknowledge.get("stoppedAt").asString()).isEqualTo(declared.plusSeconds(180).toString());
        assertThat(acknowledge.get("stopEventId").asString()).isNotBlank();
    }

    @Test
    void answersAClockThatNeverStoppedWithNull() {
        String id = declare("Slow search", "SEV4", "ALERT", Instant.parse("2021-06-02T10:00:00Z"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.get("/api/incidents/" + id + "/metrics").statusCode()).isEqualTo(200));
        JsonNode metrics = json(http.get("/api/incidents/" + id + "/metrics"));
        assertThat(metrics.get("customerFirst").asBoolean()).isFalse();
        for (String clock : List.of("timeToAcknowledge", "timeToLeader", "timeToFirstUpdate", "timeToMitigate",
                "timeToResolve", "longestUpdateGap")) {
            assertThat(metrics.get(clock).isNull()).as(clock).isTrue();
        }
    }

    @Test
    void summarizesAPeriodGroupedBySeverityDetectionWeekAndMonth() {
        String sev1 = declare("Checkout down", "SEV1", "CUSTOMER", WEEK.plusSeconds(3600));
        post(sev1, "acknowledgements", """
                {"by": "Ada", "occurredAt": "%s"}""".formatted(WEEK.plusSeconds(3600 + 120)));
        String sev2 = declare("Login slow", "SEV2", "ALERT", WEEK.plusSeconds(7200));
        post(sev2, "acknowledgements", """
                {"by": "Ada", "occurredAt": "%s"}""".formatted(WEEK.plusSeconds(7200 + 600)));
        declare("Reports late", "SEV2", "ALERT", WEEK.plus(Duration.ofDays(8)));
        String period = "from=" + WEEK + "&to=" + WEEK.plus(Duration.ofDays(14));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(json(http.get("/api/metrics?" + period)).path("groups").path(0).path("incidents").asLong())
                        .isEqualTo(3));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(json(http.get("/api/metrics?" + period)).path("groups").path(0).path("metrics")
                        .path("timeToAcknowledge").path("count").asLong()).isEqualTo(2));
        JsonNode all = json(http.get("/api/metrics?" + period));
        assertThat(all.get("from").asString()).isEqualTo(WEEK.toString());
        assertThat(all.get("groupBy").isNull()).isTrue();
        JsonNode everything = all.get("groups").get(0);
        assertThat(everything.get("key").asString()).isEqualTo("all");
        assertThat(everything.get("customerFirst").asLong()).isEqualTo(1);
        JsonNode acknowledge = everything.get("metrics").get("timeToAcknowledge");
        assertThat(acknowledge.get("p50").asString()).isEqualTo("PT6M");
        assertThat(acknowledge.get("max").asString()).isEqualTo("PT10M");
        assertThat(everything.get("metrics").get("timeToResolve").get("count").asLong()).isZero();
        assertThat(everything.get("metrics").get("timeToResolve").get("p50").isNull()).isTrue();

        JsonNode bySeverity = json(http.get("/api/metrics?" + period + "&groupBy=severity"));
        assertThat(bySeverity.get("groupBy").asString()).isEqualTo("severity");
        assertThat(keys(bySeverity)).containsExactly("SEV1", "SEV2");
        assertThat(bySeverity.get("groups").get(0).get("metrics").get("timeToAcknowledge").get("p50").asString())
                .isEqualTo("PT2M");
        assertThat(bySeverity.get("groups").get(1).get("incidents").asLong()).isEqualTo(2);

        JsonNode byDetection = json(http.get("/api/metrics?" + period + "&groupBy=detectedBy"));
        assertThat(keys(byDetection)).containsExactly("ALERT", "CUSTOMER");
        assertThat(byDetection.get("groups").get(1).get("customerFirstShare").asDouble()).isEqualTo(1.0);
        assertThat(keys(json(http.get("/api/metrics?" + period + "&groupBy=week"))))
                .containsExactly("2021-W10", "2021-W11");
        assertThat(keys(json(http.get("/api/metrics?" + period + "&groupBy=month")))).containsExactly("2021-03");
    }

    @Test
    void refusesBadReportParametersAndUnknownIncidents() {
        assertProblem(http.get("/api/metrics?groupBy=planet"), 400, "MALFORMED_REQUEST", "groupBy:");
        assertProblem(http.get("/api/metrics?from=last-week"), 400, "MALFORMED_REQUEST", "from: \"last-week\"");
        assertProblem(http.get("/api/metrics?to=2021-02-30T00:00:00Z"), 400, "MALFORMED_REQUEST", "to:");
        assertProblem(http.get("/api/metrics?from=2021-03-02T00:00:00Z&to=2021-03-01T00:00:00Z"), 400,
                "MALFORMED_REQUEST", "must be before its end");
        assertProblem(http.get("/api/metrics?includeDrills=perhaps"), 400, "MALFORMED_REQUEST", "includeDrills:");
        assertProblem(http.get("/api/incidents/no-such-incident/metrics"), 404, "INCIDENT_NOT_FOUND", "no-such");
    }

    private void assertProblem(HttpResponse<String> response, int status, String code, String detail) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("code").asString()).isEqualTo(code);
        assertThat(json(response).get("detail").asString()).contains(detail);
    }

    private String declare(String title, String severity, String detectedBy, Instant declared) {
        HttpResponse<String> created = http.post("/api/incidents", """
                {"title": "%s", "severity": "%s", "services": ["metrics-test"], "detectedBy": "%s",
                 "impactStartedAt": "%s", "detectedAt": "%s", "declaredBy": "Maria", "occurredAt": "%s"}"""
                .formatted(title, severity, detectedBy, declared.minusSeconds(600), declared.minusSeconds(120),
                        declared));
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    private void post(String id, String what, String json) {
        assertThat(http.post("/api/incidents/" + id + "/" + what, json).statusCode()).as(what).isBetween(200, 299);
    }

    private static JsonNode metric(JsonNode metrics, String name) {
        for (JsonNode metric : metrics.get("metrics")) {
            if (metric.get("name").asString().equals(name)) {
                return metric;
            }
        }
        throw new AssertionError("no metric " + name);
    }

    private static List<String> keys(JsonNode report) {
        List<String> keys = new ArrayList<>();
        report.get("groups").forEach(group -> keys.add(group.get("key").asString()));
        return keys;
    }
}
