package dev.incidenttimeline.app.api;

import dev.incidenttimeline.app.AppIntegrationTest;
import dev.incidenttimeline.app.Http;
import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.AssignTask;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.PinEntry;
import dev.incidenttimeline.incident.api.RedactEntry;
import dev.incidenttimeline.incident.api.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.incidenttimeline.app.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@AppIntegrationTest
class IncidentQueryApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    IncidentGateway gateway;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void listsIncidentsFilteredByQueryParameters() {
        String service = "svc-" + UUID.randomUUID();
        Instant declared = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String customerFound = declare("Checkout slow", "SEV1", service, "CUSTOMER", declared);
        String alerted = declare("Disk filling up", "SEV3", service, "ALERT", declared.plusSeconds(60));
        http.post("/api/incidents/" + alerted + "/roles", "{\"role\": \"LEADER\", \"person\": \"Ilse\"}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ids(http.get("/api/incidents?service=" + service)))
                        .containsExactly(alerted, customerFound));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(json(http.get("/api/incidents?service=" + service + "&severity=SEV3")).get(0)
                        .get("leader").asString()).isEqualTo("Ilse"));

        JsonNode first = json(http.get("/api/incidents?service=" + service + "&severity=SEV1")).get(0);
        assertThat(first.get("id").asString()).isEqualTo(customerFound);
        assertThat(first.get("title").asString()).isEqualTo("Checkout slow");
        assertThat(first.get("status").asString()).isEqualTo("DECLARED");
        assertThat(first.get("severity").asString()).isEqualTo("SEV1");
        assertThat(first.get("services").get(0).asString()).isEqualTo(service);
        assertThat(first.get("detectedBy").asString()).isEqualTo("CUSTOMER");
        assertThat(first.get("declaredAt").asString()).isEqualTo(declared.toString());
        assertThat(first.get("leader").isNull()).isTrue();
        assertThat(first.get("postmortem").asString()).isEqualTo("NONE");

        assertThat(ids(http.get("/api/incidents?service=" + service + "&detectedBy=alert,manual")))
                .containsExactly(alerted);
        assertThat(ids(http.get("/api/incidents?service=" + service + "&status=RESOLVED&status=CLOSED"))).isEmpty();
        assertThat(ids(http.get("/api/incidents?service=" + service + "&status=DECLARED&limit=1")))
                .containsExactly(alerted);
        assertThat(ids(http.get("/api/incidents?service=" + service + "&from=" + declared.plusSeconds(30)
                + "&to=" + declared.plusSeconds(3600)))).containsExactly(alerted);
    }

    @Test
    void findsAnIncidentWithItsMilestonesRolesAndTasks() {
        Instant declared = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String id = declare("Payments API 502s", "SEV2", "payments", "ALERT", declared);
        http.post("/api/incidents/" + id + "/acknowledgements", """
                {"by": "Noor", "occurredAt": "%s"}""".formatted(declared.plusSeconds(90)));
        http.post("/api/incidents/" + id + "/roles", """
                {"role": "COMMUNICATOR", "person": "Sam", "occurredAt": "%s"}""".formatted(declared.plusSeconds(120)));
        gateway.send(new AssignTask(IncidentId.of(id), TaskId.of("t-1"), "Roll back release 4.2", "Noor", "Sam",
                declared.plusSeconds(150), null));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> response = http.get("/api/incidents/" + id);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("openTasks")).hasSize(1);
        });
        JsonNode incident = json(http.get("/api/incidents/" + id));
        assertThat(incident.get("id").asString()).isEqualTo(id);
        assertThat(incident.get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(incident.get("declaredBy").asString()).isEqualTo("Maria");
        assertThat(incident.get("milestones").get("DETECTED").asString()).isEqualTo(declared.toString());
        assertThat(incident.get("milestones").get("ACKNOWLEDGED").asString())
                .isEqualTo(declared.plusSeconds(90).toString());
        assertThat(incident.get("milestones").get("MITIGATED").isNull()).isTrue();
        assertThat(incident.get("roles").get(0).get("role").asString()).isEqualTo("COMMUNICATOR");
        assertThat(incident.get("roles").get(0).get("person").asString()).isEqualTo("Sam");
        JsonNode task = incident.get("openTasks").get(0);
        assertThat(task.get("id").asString()).isEqualTo("t-1");
        assertThat(task.get("title").asString()).isEqualTo("Roll back release 4.2");
        assertThat(task.get("assignee").asString()).isEqualTo("Noor");
        assertThat(task.get("completedAt").isNull()).isTrue();
        assertThat(incident.get("completedTasks")).isEmpty();
    }

    @Test
    void showsTheTimelineAsNowKnownAndAsKnownEarlier() {
        Instant declared = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String id = declare("Search returns nothing", "SEV2", "search", "CUSTOMER", declared);
        String update = json(http.post("/api/incidents/" + id + "/updates", """
                {"author": "Rik", "text": "We are looking into empty search results", "visibility": "PUBLIC",
                 "links": ["https://status.example.com/1"], "occurredAt": "%s"}"""
                .formatted(declared.plusSeconds(300)))).get("id").asString();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(json(http.get("/api/incidents/" + id + "/timeline")).get("entries")).hasSize(2));
        // Recorded times are kept in milliseconds: a boundary on one, and the next event a millisecond later.
        Instant beforeNote = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        await().until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(beforeNote));
        String note = json(http.post("/api/incidents/" + id + "/notes", """
                {"author": "Rik", "text": "Index rebuild started at 09:00 <script>x</script>", "occurredAt": "%s"}"""
                .formatted(declared.minusSeconds(600)))).get("id").asString();
        String secret = json(http.post("/api/incidents/" + id + "/notes", """
                {"author": "Rik", "text": "Customer phone number 555-1234"}""")).get("id").asString();
        gateway.send(new PinEntry(IncidentId.of(id), EntryId.of(update), "Rik", null, null));
        gateway.send(new RedactEntry(IncidentId.of(id), EntryId.of(secret), "Rik", "personal data", null, null));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(kinds(http.get("/api/incidents/" + id + "/timeline")))
                        .containsExactly("NOTE", "DECLARED", "STATUS_UPDATE", "NOTE"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(json(http.get("/api/incidents/" + id + "/timeline")).get("entries").get(3)
                        .get("redacted").asBoolean()).isTrue());
        JsonNode timeline = json(http.get("/api/incidents/" + id + "/timeline"));
        assertThat(timeline.get("incidentId").asString()).isEqualTo(id);
        assertThat(timeline.get("knownAt").isNull()).isTrue();
        JsonNode backdated = timeline.get("entries").get(0);
        assertThat(backdated.get("entryId").asString()).isEqualTo(note);
        assertThat(backdated.get("occurredAt").asString()).isEqualTo(declared.minusSeconds(600).toString());
        assertThat(Instant.parse(backdated.get("recordedAt").asString())).isAfter(beforeNote);
        assertThat(backdated.get("actor").asString()).isEqualTo("Rik");
        assertThat(backdated.get("text").asString()).isEqualTo("Index rebuild started at 09:00 <script>x</script>");
        assertThat(backdated.get("visibility").asString()).isEqualTo("INTERNAL");
        assertThat(backdated.get("pinned").asBoolean()).isFalse();
        JsonNode publicUpdate = timeline.get("entries").get(2);
        assertThat(publicUpdate.get("visibility").asString()).isEqualTo("PUBLIC");
        assertThat(publicUpdate.get("pinned").asBoolean()).isTrue();
        assertThat(publicUpdate.get("links").get(0).asString()).isEqualTo("https://status.example.com/1");
        assertThat(timeline.get("entries").get(3).get("text").isNull()).isTrue();

        JsonNode earlier = json(http.get("/api/incidents/" + id + "/timeline?knownAt=" + beforeNote));
        assertThat(earlier.get("knownAt").asString()).isEqualTo(beforeNote.toString());
        assertThat(kinds(earlier)).containsExactly("DECLARED", "STATUS_UPDATE");
        assertThat(kinds(http.get("/api/incidents/" + id + "/timeline?kind=NOTE,DECLARED")))
                .containsExactly("NOTE", "DECLARED", "NOTE");
        assertThat(kinds(http.get("/api/incidents/" + id + "/timeline?visibility=PUBLIC")))
                .containsExactly("STATUS_UPDATE");
        assertThat(kinds(http.get("/api/incidents/" + id + "/timeline?pinned=true"))).containsExactly("STATUS_UPDATE");
        assertThat(kinds(http.get("/api/incidents/" + id + "/timeline?knownAt=" + declared.minusSeconds(3600))))
                .isEmpty();
    }

    @Test
    void answersAnUnknownIncidentWithNotFound() {
        for (String path : List.of("/api/incidents/no-such-incident", "/api/incidents/no-such-incident/timeline")) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(response).get("code").asString()).isEqualTo("INCIDENT_NOT_FOUND");
        }
    }

    @Test
    void refusesBadQueryParametersNamingThem() {
        assertMalformed("/api/incidents?status=SLEEPING", "status: \"SLEEPING\" is not one of DECLARED");
        assertMalformed("/api/incidents?severity=SEV9", "severity: \"SEV9\"");
        assertMalformed("/api/incidents?detectedBy=PIGEON", "detectedBy: \"PIGEON\"");
        assertMalformed("/api/incidents?from=yesterday", "from: \"yesterday\" is not an ISO-8601 instant");
        assertMalformed("/api/incidents?limit=5000", "limit: \"5000\" is not a whole number from 1 to 1000");
        assertMalformed("/api/incidents/x/timeline?knownAt=2024-13-01T00:00:00Z", "knownAt:");
        assertMalformed("/api/incidents/x/timeline?kind=GOSSIP", "kind: \"GOSSIP\"");
        assertMalformed("/api/incidents/x/timeline?visibility=SECRET", "visibility: \"SECRET\"");
        assertMalformed("/api/incidents/x/timeline?pinned=maybe", "pinned: \"maybe\" is not true or false");
    }

    private void assertMalformed(String path, String detail) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(json(response).get("detail").asString()).contains(detail);
    }

    private String declare(String title, String severity, String service, String detectedBy, Instant at) {
        HttpResponse<String> created = http.post("/api/incidents", """
                {"title": "%s", "severity": "%s", "services": ["%s"], "detectedBy": "%s", "declaredBy": "Maria",
                 "occurredAt": "%s"}""".formatted(title, severity, service, detectedBy, at));
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(response).forEach(incident -> ids.add(incident.get("id").asString()));
        return ids;
    }

    private static List<String> kinds(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return kinds(json(response));
    }

    private static List<String> kinds(JsonNode timeline) {
        List<String> kinds = new ArrayList<>();
        timeline.get("entries").forEach(entry -> kinds.add(entry.get("kind").asString()));
        return kinds;
    }
}
