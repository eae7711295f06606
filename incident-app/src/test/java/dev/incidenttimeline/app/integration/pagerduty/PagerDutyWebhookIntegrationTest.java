package dev.incidenttimeline.app.integration.pagerduty;

import dev.incidenttimeline.app.AppIntegrationTest;
import dev.incidenttimeline.app.Http;
import dev.incidenttimeline.incident.api.AlertLinked;
import dev.incidenttimeline.incident.api.IncidentAcknowledged;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.incident.api.IncidentResolved;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.incident.api.TimelineNoteAdded;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.incidenttimeline.app.Http.events;
import static dev.incidenttimeline.app.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Deliveries written in PagerDuty's webhook v3 format, signed with the test app's secret. */
@AppIntegrationTest
class PagerDutyWebhookIntegrationTest {

    private static final String WEBHOOK = "/api/integrations/pagerduty";

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    Http http;
    String pagerDutyId;
    Instant created;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        pagerDutyId = "Q" + UUID.randomUUID().toString().substring(0, 12).toUpperCase().replace("-", "");
        created = Instant.now().minus(60, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void mapsTheIncidentLifecycleToCommands() {
        HttpResponse<String> triggered = deliver(incidentEvent("incident.triggered", created, null, "triggered"));
        deliver(incidentEvent("incident.acknowledged", created.plusSeconds(180), "Kees de Vries", "acknowledged"));
        deliver(noteEvent(created.plusSeconds(300), "Charging sessions fail at one energy partner; rolling back"));
        HttpResponse<String> resolved = deliver(incidentEvent("incident.resolved", created.plusSeconds(1500),
                "Kees de Vries", "resolved"));

        assertThat(triggered.statusCode()).isEqualTo(200);
        assertThat(json(triggered).get("outcome").asString()).isEqualTo("DECLARED");
        assertThat(json(resolved).get("outcome").asString()).isEqualTo("RECORDED");
        String id = json(triggered).get("incidentId").asString();
        List<IncidentEvent> events = events(eventStore, id);
        assertThat(events).extracting(event -> event.getClass().getSimpleName()).containsExactly(
                "IncidentDeclared", "AlertLinked", "IncidentAcknowledged", "TimelineNoteAdded", "IncidentResolved");
        IncidentDeclared declared = (IncidentDeclared) events.get(0);
        assertThat(declared.title()).isEqualTo("Charging API returns 503 for smart-charging sessions");
        assertThat(declared.severity()).isEqualTo(Severity.SEV1);
        assertThat(declared.services()).containsExactly("EV Charging API");
        assertThat(declared.occurredAt()).isEqualTo(created);
        assertThat(((AlertLinked) events.get(1)).labels())
                .containsEntry("html_url", "https://acme.pagerduty.com/incidents/" + pagerDutyId);
        IncidentAcknowledged acknowledged = (IncidentAcknowledged) events.get(2);
        assertThat(acknowledged.by()).isEqualTo("Kees de Vries");
        assertThat(acknowledged.occurredAt()).isEqualTo(created.plusSeconds(180));
        assertThat(((TimelineNoteAdded) events.get(3)).text()).contains("rolling back");
        assertThat(((IncidentResolved) events.get(4)).occurredAt()).isEqualTo(created.plusSeconds(1500));
    }

    @Test
    void declaresFromAnAcknowledgementWhoseTriggerWasMissed() {
        HttpResponse<String> response = deliver(incidentEvent("incident.acknowledged", created.plusSeconds(60),
                "Kees de Vries", "acknowledged"));

        String id = json(response).get("incidentId").asString();
        assertThat(events(eventStore, id)).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("IncidentDeclared", "AlertLinked", "IncidentAcknowledged");
    }

    @Test
    void changesNothingWhenADeliveryIsDuplicated() {
        String trigger = incidentEvent("incident.triggered", created, null, "triggered");
        String note = noteEvent(created.plusSeconds(30), "Looking at the gateway logs");
        String id = json(deliver(trigger)).get("incidentId").asString();
        deliver(note);
        int stored = events(eventStore, id).size();

        deliver(trigger);
        deliver(note);
        deliver(note);

        assertThat(events(eventStore, id)).hasSize(stored);
    }

    @Test
    void refusesADeliveryWithoutAValidSignature() {
        String body = incidentEvent("incident.triggered", created, null, "triggered");

        HttpResponse<String> unsigned = http.post(WEBHOOK, "application/json", body, Map.of());
        HttpResponse<String> forged = http.post(WEBHOOK, "application/json", body,
                Map.of("X-PagerDuty-Signature", PagerDutySignature.sign(bytes(body), "guessed-secret")));
        HttpResponse<String> tampered = http.post(WEBHOOK, "application/json", body.replace("P1", "P5"),
                Map.of("X-PagerDuty-Signature", signature(body)));

        assertThat(List.of(unsigned, forged, tampered)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).get("code").asString()).isEqualTo("INVALID_SIGNATURE");
        });
        assertThat(events(eventStore, PagerDutyWebhook.incidentOf(pagerDutyId).value())).isEmpty();
    }

    @Test
    void ignoresEventTypesItDoesNotMapAndAResolutionOfAResolvedIncident() {
        deliver(incidentEvent("incident.triggered", created, null, "triggered"));
        deliver(incidentEvent("incident.resolved", created.plusSeconds(60), "Kees de Vries", "resolved"));

        HttpResponse<String> priority = deliver(incidentEvent("incident.priority_updated", created.plusSeconds(90),
                "Kees de Vries", "resolved"));
        HttpResponse<String> resolvedAgain = deliver(incidentEvent("incident.resolved", created.plusSeconds(120),
                "Kees de Vries", "resolved"));

        assertThat(json(priority).get("outcome").asString()).isEqualTo("IGNORED");
        assertThat(json(resolvedAgain).get("outcome").asString()).isEqualTo("IGNORED");
        assertThat(json(resolvedAgain).get("detail").asString()).contains("resolved already");
    }

    @Test
    void refusesAPayloadNotInTheDocumentedFormat() {
        HttpResponse<String> notJson = deliver("{\"event\": ");
        HttpResponse<String> noEvent = deliver("{\"messages\": []}");
        HttpResponse<String> noIncidentId = deliver(incidentEvent("incident.triggered", created, null, "triggered")
                .replace("\"id\": \"" + pagerDutyId + "\"", "\"id\": 42"));

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(noEvent.statusCode()).isEqualTo(400);
        assertThat(json(noEvent).get("code").asString()).isEqualTo("INVALID_PAYLOAD");
        assertThat(noIncidentId.statusCode()).isEqualTo(400);
        assertThat(json(noIncidentId).get("detail").asString()).contains("event.data.id");
        assertThat(events(eventStore, PagerDutyWebhook.incidentOf(pagerDutyId).value())).isEmpty();
    }

    private HttpResponse<String> deliver(String body) {
        return http.post(WEBHOOK, "application/json", body, Map.of("X-PagerDuty-Signature",
                "v1=0000000000000000000000000000000000000000000000000000000000000000," + signature(body)));
    }

    private static String signature(String body) {
        return PagerDutySignature.sign(bytes(body), AppIntegrationTest.PAGERDUTY_SECRET);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private String incidentEvent(String type, Instant occurredAt, String agent, String status) {
        return """
                {
                  "event": {
                    "id": "%s",
                    "event_type": "%s",
                    "resource_type": "incident",
                    "occurred_at": "%s",
                    "agent": %s,
                    "client": null,
                    "data": {
                      "id": "%s",
                      "type": "incident",
                      "self": "https://api.pagerduty.com/incidents/%s",
                      "html_url": "https://acme.pagerduty.com/incidents/%s",
                      "number": 812,
                      "status": "%s",
                      "incident_key": "charging-api-503",
                      "created_at": "%s",
                      "title": "Charging API returns 503 for smart-charging sessions",
                      "service": {"id": "PSVC01", "type": "service_reference", "summary": "EV Charging API",
                                  "self": "https://api.pagerduty.com/services/PSVC01",
                                  "html_url": "https://acme.pagerduty.com/services/PSVC01"},
                      "assignees": [{"id": "PUSR01", "type": "user_reference", "summary": "Kees de Vries"}],
                      "escalation_policy": {"id": "PEP01", "type": "escalation_policy_reference",
                                            "summary": "Platform on call"},
                      "teams": [],
                      "priority": {"id": "PPRI01", "type": "priority_reference", "summary": "P1"},
                      "urgency": "high",
                      "conference_bridge": null,
                      "resolve_reason": null
                    }
                  }
                }""".formatted(UUID.randomUUID(), type, occurredAt,
                agent == null ? "null" : "{\"id\": \"PUSR01\", \"type\": \"user_reference\", \"summary\": \"" + agent
                        + "\", \"html_url\": \"https://acme.pagerduty.com/users/PUSR01\"}",
                pagerDutyId, pagerDutyId, pagerDutyId, status, created);
    }

    private String noteEvent(Instant occurredAt, String content) {
        return """
                {
                  "event": {
                    "id": "%s",
                    "event_type": "incident.annotated",
                    "resource_type": "incident",
                    "occurred_at": "%s",
                    "agent": {"id": "PUSR02", "type": "user_reference", "summary": "Sanne Bakker"},
                    "client": null,
                    "data": {
                      "incident": {"id": "%s", "type": "incident_reference",
                                   "html_url": "https://acme.pagerduty.com/incidents/%s"},
                      "id": "PNOTE%s",
                      "content": "%s",
                      "trimmed": false,
                      "type": "incident_note"
                    }
                  }
                }""".formatted(UUID.nameUUIDFromBytes(bytes(content + occurredAt)), occurredAt, pagerDutyId,
                pagerDutyId, occurredAt.getEpochSecond(), content);
    }
}
