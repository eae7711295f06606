package dev.incidenttimeline.app.api;

import dev.incidenttimeline.app.AppIntegrationTest;
import dev.incidenttimeline.app.Http;
import jakarta.persistence.EntityManager;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dev.incidenttimeline.app.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated suite of bad input at every endpoint: for each write endpoint a valid body whose fields are replaced one
 * at a time by values of the wrong type, unknown enum values, huge strings, invalid and future times; broken bodies
 * and content types; unknown incident and entry ids; forged PagerDuty signatures; malformed webhooks and Slack
 * exports; unknown processing groups; GETs with bad parameters. Every input must get a 4xx problem response (never a
 * 500) and store nothing, and the service must still take a valid request afterwards. Replays of webhooks already
 * received are not errors (senders retry): they are answered as before and store nothing.
 */
@AppIntegrationTest
class EveryEndpointBadInputIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HUGE = "x".repeat(100_000);
    private static final String OCCURRED_AT = "\"occurred_at\": \"[^\"]+\"";
    private static final Set<String> TIME_FIELDS = Set.of("occurredAt", "detectedAt", "impactStartedAt", "newTime");
    private static final Set<String> ENUM_FIELDS = Set.of("severity", "detectedBy", "visibility");
    private static final String DECLARATION = """
            {"title": "Payments fail", "severity": "SEV2", "services": ["payments"], "detectedBy": "CUSTOMER",
             "detectedAt": "2024-11-29T21:35:00Z", "impactStartedAt": "2024-11-29T20:35:00Z",
             "declaredBy": "Ana", "drill": false, "occurredAt": "2024-11-29T21:40:00Z", "sourceId": "bad-input"}""";

    /** One bad request and how it is sent. */
    record Input(String description, Supplier<HttpResponse<String>> request) {
    }

    @LocalServerPort
    int port;

    @Autowired
    EntityManager entityManager;

    Http http;
    String incident;
    String entry;

    @BeforeEach
    void declareOne() {
        http = new Http(port);
        incident = json(http.post("/api/incidents", DECLARATION.replace("bad-input", UUID.randomUUID().toString())))
                .get("id").asString();
        entry = json(http.post("/api/incidents/" + incident + "/notes", """
                {"author": "Ana", "text": "Refunds queue up", "occurredAt": "2024-11-29T21:45:00Z"}"""))
                .get("id").asString();
    }

    @Test
    void answersEveryBadInputWithAProblemStoresNothingAndKeepsServing() {
        List<Input> inputs = new ArrayList<>();
        String one = "/api/incidents/" + incident;
        Map<String, String> writes = new LinkedHashMap<>();
        writes.put("/api/incidents", DECLARATION);
        writes.put(one + "/acknowledgements", """
                {"by": "Bo", "occurredAt": "2024-11-29T21:50:00Z", "sourceId": "s"}""");
        writes.put(one + "/roles", """
                {"role": "LEADER", "person": "Bo", "by": "Ana", "occurredAt": "2024-11-29T21:50:00Z", "sourceId": "s"}""");
        writes.put(one + "/updates", """
                {"author": "Bo", "text": "Looking", "visibility": "PUBLIC", "links": ["https://status.example"],
                 "occurredAt": "2024-11-29T21:50:00Z", "sourceId": "s"}""");
        writes.put(one + "/notes", """
                {"author": "Bo", "text": "Seen", "links": ["https://grafana.example"],
                 "occurredAt": "2024-11-29T21:50:00Z", "sourceId": "s"}""");
        writes.put(one + "/entries/" + entry + "/amendments", """
                {"newText": "Refunds queue", "newTime": "2024-11-29T21:44:00Z", "by": "Ana", "reason": "typo",
                 "occurredAt": "2024-11-29T21:50:00Z", "sourceId": "s"}""");
        writes.put(one + "/severity", """
                {"severity": "SEV1", "reason": "all payments", "by": "Ana", "occurredAt": "2024-11-29T21:50:00Z",
                 "sourceId": "s"}""");
        writes.put(one + "/mitigation", """
                {"by": "Bo", "summary": "failover", "occurredAt": "2024-11-29T21:55:00Z", "sourceId": "s"}""");
        writes.put(one + "/resolution", """
                {"by": "Bo", "summary": "fixed", "occurredAt": "2024-11-29T22:55:00Z", "sourceId": "s"}""");
        writes.forEach((path, valid) -> {
            fieldMutations(inputs, path, valid);
            bodyMutations(inputs, path);
            if (!path.equals("/api/incidents")) {
                String rest = path.substring(one.length());
                inputs.add(post("unknown incident", "/api/incidents/no-such-incident" + rest, valid));
                inputs.add(post("huge incident id", "/api/incidents/" + "i".repeat(3000) + rest, valid));
                inputs.add(post("unknown incident with encoded slash", "/api/incidents/a%2Fb" + rest, valid));
            }
        });
        inputs.add(post("unknown entry", one + "/entries/no-such-entry/amendments", """
                {"newText": "x", "by": "Ana"}"""));
        inputs.add(post("resolution before the declaration", one + "/resolution", """
                {"by": "Bo", "summary": "fixed", "occurredAt": "2024-11-28T00:00:00Z"}"""));
        alertmanager(inputs);
        pagerDuty(inputs);
        slack(inputs);
        admin(inputs);
        gets(inputs, one);

        SoftAssertions softly = new SoftAssertions();
        long stored = storedEvents();
        for (Input input : inputs) {
            HttpResponse<String> response = input.request().get();
            softly.assertThat(response.statusCode()).as("status of %s", input.description()).isBetween(400, 499);
            softly.assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as("type of %s", input.description()).startsWith("application/problem+json");
            if (response.body().startsWith("{")) {
                softly.assertThat(json(response).path("code").asString()).as("code of %s", input.description())
                        .isNotBlank();
            }
            long now = storedEvents();
            softly.assertThat(now).as("events stored by %s", input.description()).isEqualTo(stored);
            stored = now;
        }
        System.out.printf("EveryEndpointBadInputIntegrationTest: %d bad inputs tried%n", inputs.size());
        softly.assertAll();

        assertThat(http.post(one + "/notes", """
                {"author": "Ana", "text": "Still serving"}""").statusCode()).isEqualTo(201);
        assertThat(storedEvents()).isEqualTo(stored + 1);
    }

    @Test
    void answersReplaysOfWebhooksAsBeforeAndStoresNothingMore() {
        String pagerDuty = pagerDutyEvent(UUID.randomUUID().toString(), Instant.now().minus(3, ChronoUnit.DAYS));
        String alertmanager = alertmanagerNotification("replay-" + UUID.randomUUID(),
                Instant.now().minus(2, ChronoUnit.DAYS).toString());
        HttpResponse<String> firstPagerDuty = postSigned(pagerDuty, sign(pagerDuty));
        HttpResponse<String> firstAlertmanager = http.post("/api/integrations/alertmanager", alertmanager);
        assertThat(firstPagerDuty.statusCode()).as(firstPagerDuty.body()).isEqualTo(200);
        assertThat(firstAlertmanager.statusCode()).as(firstAlertmanager.body()).isEqualTo(200);
        long stored = storedEvents();

        for (int replay = 0; replay < 3; replay++) {
            HttpResponse<String> againPagerDuty = postSigned(pagerDuty, sign(pagerDuty));
            HttpResponse<String> againAlertmanager = http.post("/api/integrations/alertmanager", alertmanager);

            assertThat(againPagerDuty.statusCode()).isEqualTo(200);
            assertThat(json(againPagerDuty).get("incidentId")).isEqualTo(json(firstPagerDuty).get("incidentId"));
            assertThat(againAlertmanager.statusCode()).isEqualTo(200);
            assertThat(json(againAlertmanager).get("incidentId"))
                    .isEqualTo(json(firstAlertmanager).get("incidentId"));
        }
        assertThat(storedEvents()).isEqualTo(stored);
    }

    /** Each field of a valid body replaced, one at a time, by values that no field of these requests accepts. */
    private void fieldMutations(List<Input> inputs, String path, String valid) {
        ObjectNode template = (ObjectNode) JSON.readTree(valid);
        for (String field : template.propertyNames()) {
            mutate(inputs, path, template, field, "an object", JSON.createObjectNode().put("a", 1));
            mutate(inputs, path, template, field, "a nested array", JSON.readTree("[[1]]"));
            mutate(inputs, path, template, field, "a huge string", JSON.getNodeFactory().stringNode(HUGE));
            if (TIME_FIELDS.contains(field)) {
                for (String time : List.of("yesterday", "2024-02-30T10:00:00Z", "2024-11-29 21:35", "",
                        "+10000-01-01T00:00:00Z", Instant.now().plus(2, ChronoUnit.DAYS).toString())) {
                    mutate(inputs, path, template, field, "time \"" + time + "\"",
                            JSON.getNodeFactory().stringNode(time));
                }
                mutate(inputs, path, template, field, "a number", JSON.getNodeFactory().numberNode(1.7e9));
            }
            if (ENUM_FIELDS.contains(field)) {
                for (String value : List.of("SEV0", "sev1", "NOT_A_VALUE", "")) {
                    mutate(inputs, path, template, field, "enum \"" + value + "\"",
                            JSON.getNodeFactory().stringNode(value));
                }
            }
        }
    }

    private void mutate(List<Input> inputs, String path, ObjectNode template, String field, String what,
                        JsonNode value) {
        ObjectNode body = template.deepCopy();
        body.set(field, value);
        inputs.add(post(field + " as " + what, path, JSON.writeValueAsString(body)));
    }

    private void bodyMutations(List<Input> inputs, String path) {
        for (String body : List.of("", "{", "}", "null", "[]", "42", "\"text\"", "{\"a\":", "not json",
                "[".repeat(3000) + "]".repeat(3000), "{\"x\": \"" + "y".repeat(2_000_000) + "\"}")) {
            inputs.add(post("body " + abbreviate(body), path, body));
        }
        inputs.add(new Input(path + " as text/plain",
                () -> http.post(path, "text/plain", "{}", Map.of())));
        inputs.add(new Input(path + " as form",
                () -> http.post(path, "application/x-www-form-urlencoded", "by=Ana", Map.of())));
    }

    private void alertmanager(List<Input> inputs) {
        String path = "/api/integrations/alertmanager";
        String valid = alertmanagerNotification("bad-" + UUID.randomUUID(), "2024-11-29T20:00:00Z");
        bodyMutations(inputs, path);
        ObjectNode template = (ObjectNode) JSON.readTree(valid);
        for (String field : List.of("version", "groupKey", "status", "alerts")) {
            mutate(inputs, path, template, field, "an object", JSON.createObjectNode().put("a", 1));
            mutate(inputs, path, template, field, "a nested array", JSON.readTree("[[1]]"));
        }
        mutate(inputs, path, template, "groupKey", "a huge string", JSON.getNodeFactory().stringNode(HUGE));
        mutate(inputs, path, template, "groupKey", "null", JSON.nullNode());
        mutate(inputs, path, template, "version", "an unknown version", JSON.getNodeFactory().stringNode("99"));
        for (String startsAt : List.of("yesterday", "2024-02-30T10:00:00Z", "+10000-01-01T00:00:00Z",
                Instant.now().plus(2, ChronoUnit.DAYS).toString())) {
            inputs.add(post("alert startsAt " + startsAt, path,
                    alertmanagerNotification("bad-" + UUID.randomUUID(), startsAt)));
        }
        inputs.add(post("alert with a huge label", path, valid.replace("\"team\": \"shop\"}, \"annotations\"",
                "\"team\": \"" + HUGE + "\"}, \"annotations\"")));
        inputs.add(post("alert labels as a list", path, valid.replace("\"labels\": {", "\"labels\": [{")
                .replace("\"shop\"}, \"annotations\"", "\"shop\"}], \"annotations\"")));
    }

    private void pagerDuty(List<Input> inputs) {
        String path = "/api/integrations/pagerduty";
        String valid = pagerDutyEvent(UUID.randomUUID().toString(), Instant.now().minus(1, ChronoUnit.HOURS));
        String signature = sign(valid);
        inputs.add(new Input("pagerduty without signature", () -> http.post(path, valid)));
        for (String forged : List.of("", "v1=", "v1=" + "0".repeat(64), "v0=" + signature.substring(3),
                signature.toUpperCase(), signature.substring(0, 40),
                // Long, but within Tomcat's 8 KB of headers (beyond it Tomcat answers 400 before the app sees it).
                "v1=" + "a".repeat(6_000),
                signWith(valid, "not-the-secret"), sign(valid + " "), "v1=" + "z".repeat(64) + ", v1=xyz")) {
            inputs.add(new Input("pagerduty signature " + abbreviate(forged), () -> postSigned(valid, forged)));
        }
        inputs.add(new Input("pagerduty body changed after signing",
                () -> postSigned(valid.replace("high", "low"), signature)));
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("empty", "");
        bodies.put("broken JSON", "{");
        bodies.put("null", "null");
        bodies.put("an array", "[]");
        bodies.put("no event", "{}");
        bodies.put("event a number", "{\"event\": 1}");
        bodies.put("event empty", "{\"event\": {}}");
        bodies.put("occurred_at yesterday", valid.replaceFirst(OCCURRED_AT, "\"occurred_at\": \"yesterday\""));
        bodies.put("occurred_at in year 10000",
                valid.replaceFirst(OCCURRED_AT, "\"occurred_at\": \"+10000-01-01T00:00:00Z\""));
        bodies.put("occurred_at in two days", valid.replaceFirst(OCCURRED_AT,
                "\"occurred_at\": \"" + Instant.now().plus(2, ChronoUnit.DAYS) + "\""));
        bodies.put("data an array", valid.replace("\"data\": {", "\"data\": [{")
                .replace("}\n  }\n}", "}]\n  }\n}"));
        bodies.put("data.id a huge string", valid.replaceFirst("\"data\": \\{\\s*\"id\": \"[^\"]+\"",
                "\"data\": {\"id\": \"" + HUGE + "\""));
        bodies.forEach((what, body) -> inputs.add(new Input("signed pagerduty body: " + what,
                () -> postSigned(body, sign(body)))));
    }

    private void slack(List<Input> inputs) {
        String path = "/api/imports/slack";
        byte[] export = zip(Map.of("channels.json", "[{\"id\": \"C01\", \"name\": \"operations\"}]",
                "users.json", "[]"));
        byte[] text = "just text".getBytes(StandardCharsets.UTF_8);
        Map<String, String> fields = Map.of("channel", "operations", "threadTs", "1732837200.000100");
        inputs.add(new Input("slack without file", () -> http.postMultipart(path, fields, null)));
        inputs.add(new Input("slack without channel",
                () -> http.postMultipart(path, Map.of("threadTs", "1732837200.000100"), export)));
        inputs.add(new Input("slack file not a zip", () -> http.postMultipart(path, fields, text)));
        inputs.add(new Input("slack empty file", () -> http.postMultipart(path, fields, new byte[0])));
        inputs.add(new Input("slack unknown channel", () -> http.postMultipart(path,
                Map.of("channel", "no-such-channel", "threadTs", "1732837200.000100"), export)));
        inputs.add(new Input("slack unknown thread", () -> http.postMultipart(path, fields, export)));
        inputs.add(new Input("slack threadTs not a Slack time", () -> http.postMultipart(path,
                Map.of("channel", "operations", "threadTs", "yesterday"), export)));
        inputs.add(new Input("slack huge threadTs", () -> http.postMultipart(path,
                Map.of("channel", "operations", "threadTs", HUGE), export)));
        for (Map.Entry<String, String> extra : List.of(Map.entry("severity", "SEV9"),
                Map.entry("detectedBy", "PIGEON"), Map.entry("incidentId", "no-such-incident"))) {
            Map<String, String> withExtra = new LinkedHashMap<>(fields);
            withExtra.put(extra.getKey(), extra.getValue());
            inputs.add(new Input("slack " + extra, () -> http.postMultipart(path, withExtra, export)));
        }
        inputs.add(new Input("slack as JSON", () -> http.post(path, "{}")));
        inputs.add(new Input("slack broken multipart", () -> http.post(path,
                "multipart/form-data; boundary=nothing", "--nothing\r\ngarbage", Map.of())));
    }

    private void admin(List<Input> inputs) {
        inputs.add(post("retry of an unknown group", "/api/admin/dead-letters/no-such-group/retry", ""));
        inputs.add(post("retry of a huge group name", "/api/admin/dead-letters/" + "g".repeat(3000) + "/retry", ""));
        inputs.add(new Input("dead letters of an unknown group",
                () -> http.get("/api/admin/dead-letters?group=no-such-group")));
        inputs.add(new Input("dead letters of a huge group name",
                () -> http.get("/api/admin/dead-letters?group=" + "g".repeat(3000))));
        inputs.add(new Input("GET on a retry", () -> http.get("/api/admin/dead-letters/timeline/retry")));
    }

    /** The read endpoints with bad parameters (and paths that do not exist answer a problem too). */
    private void gets(List<Input> inputs, String one) {
        for (String path : List.of("/api/incidents/no-such-incident",
                "/api/incidents/no-such-incident/timeline",
                one + "/timeline?knownAt=yesterday",
                one + "/timeline?knownAt=2024-02-30T10:00:00Z",
                one + "/timeline?knownAt=" + "9".repeat(400),
                "/api/incidents?severity=SEV9",
                "/api/incidents?status=EXPLODED",
                "/api/incidents?limit=-1",
                "/api/incidents?limit=abc",
                "/api/metrics?groupBy=moon-phase",
                "/api/metrics?from=yesterday",
                "/api/no-such-thing")) {
            inputs.add(new Input("GET " + abbreviate(path), () -> http.get(path)));
        }
    }

    private Input post(String description, String path, String body) {
        return new Input(abbreviate(path) + ": " + description, () -> http.post(path, body));
    }

    private HttpResponse<String> postSigned(String body, String signature) {
        return http.post("/api/integrations/pagerduty", "application/json", body,
                Map.of("X-PagerDuty-Signature", signature));
    }

    private static String sign(String body) {
        return signWith(body, AppIntegrationTest.PAGERDUTY_SECRET);
    }

    private static String signWith(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String pagerDutyEvent(String pagerDutyId, Instant occurredAt) {
        return """
                {
                  "event": {
                    "id": "%s",
                    "event_type": "incident.triggered",
                    "resource_type": "incident",
                    "occurred_at": "%s",
                    "agent": null,
                    "client": null,
                    "data": {
                      "id": "%s",
                      "type": "incident",
                      "html_url": "https://acme.pagerduty.com/incidents/%s",
                      "number": 1,
                      "status": "triggered",
                      "created_at": "%s",
                      "title": "Charging API down",
                      "service": {"id": "PSVC01", "type": "service_reference", "summary": "EV Charging API"},
                      "priority": {"id": "PPRI01", "type": "priority_reference", "summary": "P1"},
                      "urgency": "high"
                    }
                  }
                }""".formatted(UUID.randomUUID(), occurredAt, pagerDutyId, pagerDutyId, occurredAt);
    }

    private static String alertmanagerNotification(String groupKey, String startsAt) {
        return """
                {"version": "4", "groupKey": "%s", "truncatedAlerts": 0, "status": "firing",
                 "receiver": "incident-timeline", "groupLabels": {"team": "shop"}, "commonLabels": {"team": "shop"},
                 "commonAnnotations": {"summary": "Checkout errors"}, "externalURL": "http://alertmanager:9093",
                 "alerts": [{"status": "firing", "labels": {"alertname": "CheckoutErrors", "severity": "critical",
                   "service": "checkout", "team": "shop"}, "annotations": {"summary": "5xx above 5%%"},
                   "startsAt": "%s", "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prometheus:9090",
                   "fingerprint": "f0000000000000a1"}]}""".formatted(groupKey, startsAt);
    }

    private static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return zip.toByteArray();
    }

    private long storedEvents() {
        return entityManager.createQuery("select count(e) from DomainEventEntry e", Long.class).getSingleResult();
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + " chars)" : text;
    }
}
