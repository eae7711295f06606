package dev.incidenttimeline.app.admin;

import dev.incidenttimeline.app.AppIntegrationTest;
import dev.incidenttimeline.app.Http;
import dev.incidenttimeline.replay.ProjectionReplayer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.incidenttimeline.app.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person is erased over HTTP: her name is gone from the timeline (a pseudonym in every place she appeared), the
 * timeline keeps its entries and texts, the metrics do not change, a replay builds the same read models, the key is
 * gone and the incident still takes commands. Another organisation's administrator cannot erase her.
 */
@AppIntegrationTest
class ErasureIntegrationTest {

    private static final String ALICE = "Alice Example";

    @LocalServerPort
    int port;

    @Autowired
    ProjectionReplayer replayer;

    @Autowired
    JdbcTemplate jdbc;

    Http responder;
    Http admin;
    Http otherAdmin;

    @BeforeEach
    void setUp() {
        Http http = new Http(port);
        responder = http.as("acme-responder-token");
        admin = http.as("acme-admin-token");
        otherAdmin = http.as("globex-admin-token");
    }

    @Test
    void erasesAPersonEverywhereAndKeepsTheTimelineAndMetrics() {
        String id = incidentWithAlice();
        // Every read model, not only the timeline: the metrics must show the mitigation before they are compared, and
        // a model still handling Alice's events during the erasure would write her name after it (README, Erasure).
        replayer.awaitCaughtUp(Duration.ofSeconds(60));
        assertThat(entries(id)).hasSize(7);
        assertThat(json(responder.get("/api/incidents/" + id + "/metrics")).path("timeToMitigate").isString())
                .isTrue();
        List<JsonNode> before = entries(id);
        String metricsBefore = responder.get("/api/incidents/" + id + "/metrics").body();
        assertThat(timeline(id)).contains(ALICE);

        HttpResponse<String> elsewhere = otherAdmin.post("/api/admin/erasures", "{\"person\": \"" + ALICE + "\"}");
        assertThat(elsewhere.statusCode()).isEqualTo(200);
        assertThat(json(elsewhere).get("subjects").asInt()).isZero();
        assertThat(timeline(id)).contains(ALICE);

        HttpResponse<String> erased = admin.post("/api/admin/erasures", "{\"person\": \"" + ALICE + "\"}");
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(json(erased).get("subjects").asInt()).isEqualTo(1);
        assertThat(json(erased).get("readModelRows").asLong()).isPositive();
        String pseudonym = json(erased).get("pseudonyms").get(0).asString();
        assertThat(pseudonym).startsWith("erased person ");

        List<JsonNode> after = entries(id);
        assertThat(timeline(id)).doesNotContain(ALICE);
        assertThat(after).hasSize(before.size());
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).get("kind")).isEqualTo(before.get(i).get("kind"));
            assertThat(after.get(i).get("occurredAt")).isEqualTo(before.get(i).get("occurredAt"));
            assertThat(after.get(i).get("actor").asString())
                    .isEqualTo(before.get(i).get("actor").asString().replace(ALICE, pseudonym));
            assertThat(after.get(i).path("text").asString())
                    .isEqualTo(before.get(i).path("text").asString().replace(ALICE, pseudonym));
        }
        assertThat(texts(after)).contains("Rolling back the deploy", "Error rate is back to normal")
                .anyMatch(text -> text.startsWith("Bob Builder is now") && text.endsWith("(handed over from "
                        + pseudonym + ")"));
        assertThat(responder.get("/api/incidents/" + id + "/metrics").body()).isEqualTo(metricsBefore);
        assertThat(responder.get("/api/incidents/" + id).body()).doesNotContain(ALICE).contains(pseudonym);
        assertThat(responder.get("/api/incidents/" + id + "/postmortem").body()).doesNotContain(ALICE);
        assertThat(jdbc.queryForObject("select count(*) from personal_data_key where organisation = 'acme' "
                + "and name = ?", Integer.class, ALICE)).isZero();

        // The scrubbed read models are what a replay after the erasure builds.
        String timeline = timeline(id);
        String detail = responder.get("/api/incidents/" + id).body();
        String postmortem = responder.get("/api/incidents/" + id + "/postmortem").body();
        replayer.replayAll();
        replayer.awaitCaughtUp(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(timeline(id)).isEqualTo(timeline);
            assertThat(responder.get("/api/incidents/" + id).body()).isEqualTo(detail);
            assertThat(responder.get("/api/incidents/" + id + "/postmortem").body()).isEqualTo(postmortem);
            assertThat(responder.get("/api/incidents/" + id + "/metrics").body()).isEqualTo(metricsBefore);
        });

        // The incident still takes commands, also ones naming her again (as a new person).
        assertThat(responder.post("/api/incidents/" + id + "/updates",
                "{\"author\": \"Bob Builder\", \"text\": \"Monitoring\", \"visibility\": \"INTERNAL\"}")
                .statusCode()).isEqualTo(201);
        assertThat(responder.post("/api/incidents/" + id + "/roles",
                "{\"role\": \"scribe\", \"person\": \"" + ALICE + "\", \"by\": \"Bob Builder\"}").statusCode())
                .isBetween(200, 299);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(entries(id)).hasSize(9));
    }

    @Test
    void refusesAnErasureWithoutAName() {
        HttpResponse<String> refused = admin.post("/api/admin/erasures", "{\"person\": \" \"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json(refused).get("code").asString()).isEqualTo("INVALID_PAYLOAD");
        assertThat(responder.post("/api/admin/erasures", "{\"person\": \"Bob Builder\"}").statusCode())
                .isEqualTo(403);
    }

    private String incidentWithAlice() {
        HttpResponse<String> declared = responder.post("/api/incidents", """
                {"title": "Checkout errors", "severity": "SEV2", "services": ["checkout"], "detectedBy": "MANUAL",
                 "declaredBy": "%s"}""".formatted(ALICE));
        assertThat(declared.statusCode()).isEqualTo(201);
        String id = json(declared).get("id").asString();
        String base = "/api/incidents/" + id;
        accepted(responder.post(base + "/acknowledgements", "{\"by\": \"" + ALICE + "\"}"));
        accepted(responder.post(base + "/updates", "{\"author\": \"" + ALICE
                + "\", \"text\": \"Rolling back the deploy\", \"visibility\": \"INTERNAL\"}"));
        accepted(responder.post(base + "/roles", "{\"role\": \"leader\", \"person\": \"" + ALICE
                + "\", \"by\": \"Bob Builder\"}"));
        accepted(responder.post(base + "/roles", "{\"role\": \"leader\", \"person\": \"Bob Builder\", \"by\": \""
                + ALICE + "\"}"));
        accepted(responder.post(base + "/updates", "{\"author\": \"" + ALICE
                + "\", \"text\": \"Error rate is back to normal\", \"visibility\": \"PUBLIC\"}"));
        accepted(responder.post(base + "/mitigation", "{\"by\": \"" + ALICE + "\", \"summary\": \"Rolled back\"}"));
        return id;
    }

    private static void accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    private String timeline(String id) {
        return responder.get("/api/incidents/" + id + "/timeline").body();
    }

    private List<JsonNode> entries(String id) {
        List<JsonNode> entries = new ArrayList<>();
        // path, not get: before the timeline projection has seen the incident the answer is a 404 without entries, which
        // the awaiting caller should see as "not yet" (an empty list), not as a NullPointerException that ends the wait.
        json(responder.get("/api/incidents/" + id + "/timeline")).path("entries").forEach(entries::add);
        return entries;
    }

    private static List<String> texts(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.path("text").asString()).toList();
    }
}
