package dev.incidenttimeline.app.api;

import dev.incidenttimeline.app.AppIntegrationTest;
import dev.incidenttimeline.app.Http;
import jakarta.persistence.EntityManager;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.incidenttimeline.app.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** No content a client sends gets a 500 or stores anything: it gets a 4xx problem that says what is wrong. */
@AppIntegrationTest
class BadInputIntegrationTest {

    private static final String VALID = """
            {"title": "API down", "severity": "SEV1", "services": ["api"], "detectedBy": "ALERT", "declaredBy": "Ana"}""";

    /** A request, and what the problem must say: its status, its code and a word of its detail. */
    record Bad(String path, String contentType, String body, int status, String code, String detailMentions) {
    }

    @LocalServerPort
    int port;

    @Autowired
    EntityManager entityManager;

    Http http;
    String incident;
    String note;

    @BeforeEach
    void declareOne() {
        http = new Http(port);
        incident = json(http.post("/api/incidents", VALID)).get("id").asString();
        note = json(http.post("/api/incidents/" + incident + "/notes", """
                {"author": "Ana", "text": "a note"}""")).get("id").asString();
    }

    @Test
    void refusesBadContentWithAProblemAndStoresNothing() {
        String incidents = "/api/incidents";
        String one = incidents + "/" + incident;
        List<Bad> batch = List.of(
                bad(incidents, "", 400, "MALFORMED_REQUEST", "missing"),
                bad(incidents, "null", 400, "MALFORMED_REQUEST", ""),
                bad(incidents, "{", 400, "MALFORMED_REQUEST", "JSON"),
                bad(incidents, "not json at all", 400, "MALFORMED_REQUEST", "JSON"),
                bad(incidents, "[1, 2]", 400, "MALFORMED_REQUEST", ""),
                bad(incidents, "[".repeat(5000) + "]".repeat(5000), 400, "MALFORMED_REQUEST", ""),
                bad(incidents, VALID.replace("SEV1", "SEV9"), 400, "MALFORMED_REQUEST", "severity"),
                bad(incidents, VALID.replace("\"ALERT\"", "\"PIGEON\""), 400, "MALFORMED_REQUEST", "detectedBy"),
                bad(incidents, VALID.replace("[\"api\"]", "\"api\""), 400, "MALFORMED_REQUEST", "services"),
                bad(incidents, VALID.replace("[\"api\"]", "[{\"name\": \"api\"}]"), 400, "MALFORMED_REQUEST",
                        "services"),
                bad(incidents, VALID.replace("}", ", \"occurredAt\": \"yesterday\"}"), 400, "MALFORMED_REQUEST",
                        "occurredAt"),
                bad(incidents, VALID.replace("}", ", \"drill\": \"maybe\"}"), 400, "MALFORMED_REQUEST", "drill"),
                bad(incidents, VALID.replace("\"API down\"", "{\"text\": \"API down\"}"), 400, "MALFORMED_REQUEST",
                        "title"),
                bad(incidents, VALID.replace("\"title\": \"API down\", ", ""), 400, "INVALID_INPUT", "Title"),
                bad(incidents, VALID.replace("API down", "x".repeat(201)), 400, "INVALID_INPUT", "title"),
                bad(incidents, VALID.replace("[\"api\"]", "[null]"), 400, "INVALID_INPUT", "services"),
                bad(incidents, VALID.replace("}", ", \"sourceId\": \"" + "s".repeat(300) + "\"}"), 400,
                        "INVALID_INPUT", "sourceId"),
                bad(incidents, VALID.replace("}", ", \"detectedAt\": \"2024-01-02T00:00:00Z\","
                        + " \"occurredAt\": \"2024-01-01T00:00:00Z\"}"), 400, "TIME_OUT_OF_ORDER", "detection"),
                bad(incidents, VALID.replace("}", ", \"occurredAt\": \"+999999-01-01T00:00:00Z\"}"), 400,
                        "TIME_IN_FUTURE", "future"),
                new Bad(incidents, "text/plain", VALID, 415, "UNSUPPORTED_MEDIA_TYPE", ""),
                new Bad(incidents, "application/xml", "<incident/>", 415, "UNSUPPORTED_MEDIA_TYPE", ""),
                bad(one + "/acknowledgements", "{\"by\": \"\"}", 400, "INVALID_INPUT", "By"),
                bad(one + "/acknowledgements", "{\"by\": [\"Ana\"]}", 400, "MALFORMED_REQUEST", "by"),
                bad(incidents + "/unknown-incident/acknowledgements", "{\"by\": \"Ana\"}", 404, "INCIDENT_NOT_FOUND",
                        "unknown-incident"),
                bad(one + "/roles", "{\"role\": \" \", \"person\": \"Ana\"}", 400, "INVALID_INPUT", "Role"),
                bad(one + "/roles", "{\"role\": \"LEADER\"}", 400, "INVALID_INPUT", "Person"),
                bad(one + "/updates", "{\"author\": \"Ana\", \"text\": \"x\", \"visibility\": \"SECRET\"}", 400,
                        "MALFORMED_REQUEST", "visibility"),
                bad(one + "/updates", "{\"author\": \"Ana\", \"text\": \"x\"}", 400, "INVALID_INPUT", "Visibility"),
                bad(one + "/updates", "{\"author\": \"Ana\", \"text\": \"" + "x".repeat(10_001)
                        + "\", \"visibility\": \"INTERNAL\"}", 400, "INVALID_INPUT", "text"),
                bad(one + "/updates", "{\"author\": \"Ana\", \"text\": \"x\", \"visibility\": \"INTERNAL\","
                        + " \"links\": [\"\"]}", 400, "INVALID_INPUT", "link"),
                bad(one + "/notes", "{\"author\": \"Ana\", \"text\": \"x\", \"links\": {\"a\": 1}}", 400,
                        "MALFORMED_REQUEST", "links"),
                bad(one + "/notes", "{\"author\": \"Ana\"}", 400, "INVALID_INPUT", "Text"),
                bad(one + "/entries/no-such-entry/amendments", "{\"newText\": \"y\", \"by\": \"Ana\"}", 404,
                        "UNKNOWN_REFERENCE", "no-such-entry"),
                bad(one + "/entries/" + note + "/amendments", "{\"newTime\": 5.5e9999, \"by\": \"Ana\"}", 400,
                        "MALFORMED_REQUEST", "newTime"),
                bad(one + "/notes", "{\"author\": \"Ana\", \"text\": \"x\", \"occurredAt\": 1700000000}", 400,
                        "MALFORMED_REQUEST", "occurredAt"),
                bad(one + "/severity", "{\"severity\": \"SEV2\", \"by\": \"Ana\"}", 400, "INVALID_INPUT", "Reason"),
                bad(one + "/mitigation", "{\"by\": \"Ana\", \"summary\": 12, \"occurredAt\": \"2001-01-01T00:00Z\"}",
                        400, "TIME_OUT_OF_ORDER", "declaration"),
                bad(one + "/resolution", "{\"by\": \"Ana\"}", 400, "INVALID_INPUT", "Summary"),
                bad("/api/no-such-thing", "{}", 404, "NOT_FOUND", ""));

        long storedBefore = storedEvents();
        SoftAssertions softly = new SoftAssertions();
        for (Bad bad : batch) {
            HttpResponse<String> response = http.post(bad.path(), bad.contentType(), bad.body(), Map.of());
            String request = bad.path() + " " + abbreviate(bad.body());
            softly.assertThat(response.statusCode()).as("status of %s", request).isEqualTo(bad.status());
            softly.assertThat(response.headers().firstValue("Content-Type")).as("type of %s", request)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            if (response.body().startsWith("{")) {
                softly.assertThat(json(response).path("code").asString()).as("code of %s", request)
                        .isEqualTo(bad.code());
                softly.assertThat(json(response).path("detail").asString()).as("detail of %s", request)
                        .containsIgnoringCase(bad.detailMentions());
            }
        }
        softly.assertThat(storedEvents()).as("events stored").isEqualTo(storedBefore);
        softly.assertAll();
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin1 = VALID.replace("API down", "Störung").getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = http.post("/api/incidents", "application/json", latin1);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("code").asString()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void refusesAWrongMethodWithAProblem() {
        HttpResponse<String> response = http.send("PUT", "/api/incidents/" + incident + "/mitigation", "{}");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(json(response).get("code").asString()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    private static Bad bad(String path, String body, int status, String code, String detailMentions) {
        return new Bad(path, "application/json", body, status, code, detailMentions);
    }

    private long storedEvents() {
        return entityManager.createQuery("select count(e) from DomainEventEntry e", Long.class).getSingleResult();
    }

    private static String abbreviate(String body) {
        return body.length() > 80 ? body.substring(0, 80) + "…" : body;
    }
}
