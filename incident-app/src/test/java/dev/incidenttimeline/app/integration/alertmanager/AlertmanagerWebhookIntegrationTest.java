package dev.incidenttimeline.app.integration.alertmanager;

import dev.incidenttimeline.app.AppIntegrationTest;
import dev.incidenttimeline.app.Http;
import dev.incidenttimeline.incident.api.AlertLinked;
import dev.incidenttimeline.incident.api.AlertResolved;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.incident.api.Severity;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.incidenttimeline.app.Http.events;
import static dev.incidenttimeline.app.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Notifications written in Alertmanager's webhook format, payload version 4. */
@AppIntegrationTest
class AlertmanagerWebhookIntegrationTest {

    private static final String WEBHOOK = "/api/integrations/alertmanager";

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    Http http;
    String groupKey;
    Instant t0;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        groupKey = "{}/{team=\"shop\"}:{alertname=\"CheckoutLatencyHigh\", run=\"" + UUID.randomUUID() + "\"}";
        t0 = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void declaresAnIncidentForAFiringGroupAndLinksItsAlerts() {
        HttpResponse<String> response = deliver("firing",
                alert("firing", "a1b2c3d4e5f60001", "CheckoutLatencyHigh", "warning", "checkout", t0, null),
                alert("firing", "a1b2c3d4e5f60002", "PaymentErrors", "critical", "payments", t0.plusSeconds(40), null));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("outcome").asString()).isEqualTo("DECLARED");
        String id = json(response).get("incidentId").asString();
        assertThat(id).isEqualTo(AlertmanagerWebhook.incidentOf(groupKey, 1).value());
        List<IncidentEvent> events = events(eventStore, id);
        assertThat(events).hasSize(3);
        IncidentDeclared declared = (IncidentDeclared) events.get(0);
        assertThat(declared.title()).isEqualTo("Checkout p99 latency above 2s");
        assertThat(declared.severity()).isEqualTo(Severity.SEV1);
        assertThat(declared.services()).containsExactly("checkout", "payments");
        assertThat(declared.detectedBy()).isEqualTo(DetectionSource.ALERT);
        assertThat(declared.detectedAt()).isEqualTo(t0);
        assertThat(events.subList(1, 3)).allSatisfy(event -> assertThat(event).isInstanceOf(AlertLinked.class));
        AlertLinked linked = (AlertLinked) events.get(2);
        assertThat(linked.source()).isEqualTo("alertmanager");
        assertThat(linked.fingerprint()).isEqualTo("a1b2c3d4e5f60002");
        assertThat(linked.name()).isEqualTo("PaymentErrors");
        assertThat(linked.occurredAt()).isEqualTo(t0.plusSeconds(40));
        assertThat(linked.labels()).containsEntry("service", "payments");
    }

    @Test
    void linksNewAlertsAndRecordsResolvedOnesOfLaterNotifications() {
        String first = alert("firing", "f00000000000000a", "CheckoutLatencyHigh", "warning", "checkout", t0, null);
        String id = json(deliver("firing", first)).get("incidentId").asString();

        HttpResponse<String> second = deliver("firing", first,
                alert("firing", "f00000000000000b", "CheckoutErrors", "warning", "checkout", t0.plusSeconds(120), null));
        HttpResponse<String> third = deliver("firing",
                alert("resolved", "f00000000000000a", "CheckoutLatencyHigh", "warning", "checkout", t0,
                        t0.plusSeconds(600)),
                alert("firing", "f00000000000000b", "CheckoutErrors", "warning", "checkout", t0.plusSeconds(120), null));

        assertThat(json(second).get("incidentId").asString()).isEqualTo(id);
        assertThat(json(second).get("outcome").asString()).isEqualTo("RECORDED");
        assertThat(json(third).get("incidentId").asString()).isEqualTo(id);
        List<IncidentEvent> events = events(eventStore, id);
        assertThat(events).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("IncidentDeclared", "AlertLinked", "AlertLinked", "AlertResolved");
        AlertResolved resolved = (AlertResolved) events.get(3);
        assertThat(resolved.fingerprint()).isEqualTo("f00000000000000a");
        assertThat(resolved.occurredAt()).isEqualTo(t0.plusSeconds(600));
    }

    @Test
    void changesNothingWhenANotificationIsRedelivered() {
        String firing = alert("firing", "r00000000000000a", "DiskFull", "critical", "db", t0, null);
        String resolved = alert("resolved", "r00000000000000a", "DiskFull", "critical", "db", t0, t0.plusSeconds(90));
        String id = json(deliver("firing", firing)).get("incidentId").asString();
        deliver("resolved", resolved);
        int stored = events(eventStore, id).size();

        deliver("firing", firing);
        deliver("resolved", resolved);
        deliver("resolved", resolved);

        assertThat(stored).isEqualTo(3);
        assertThat(events(eventStore, id)).hasSize(stored);
    }

    @Test
    void declaresANewIncidentWhenTheGroupFiresAgainAfterTheResolution() {
        String old = alert("firing", "n00000000000000a", "ApiDown", "critical", "api", t0, null);
        String firstId = json(deliver("firing", old)).get("incidentId").asString();
        assertThat(http.post("/api/incidents/" + firstId + "/resolution", """
                {"by": "Ana", "summary": "Restarted the pods"}""").statusCode()).isEqualTo(204);
        Instant firesAgainAt = Instant.now();

        HttpResponse<String> repeated = deliver("firing", old);
        HttpResponse<String> again = deliver("firing", old,
                alert("firing", "n00000000000000b", "ApiErrors", "critical", "api", firesAgainAt, null));

        assertThat(json(repeated).get("incidentId").asString()).isEqualTo(firstId);
        assertThat(json(again).get("outcome").asString()).isEqualTo("DECLARED");
        String secondId = json(again).get("incidentId").asString();
        assertThat(secondId).isNotEqualTo(firstId).isEqualTo(AlertmanagerWebhook.incidentOf(groupKey, 2).value());
        assertThat(events(eventStore, firstId)).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("IncidentDeclared", "AlertLinked", "IncidentResolved");
        assertThat(events(eventStore, secondId)).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("IncidentDeclared", "AlertLinked", "AlertLinked");
    }

    @Test
    void ignoresAResolvedGroupThatNeverFired() {
        HttpResponse<String> response = deliver("resolved",
                alert("resolved", "i00000000000000a", "Blip", "info", "web", t0, t0.plusSeconds(30)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("outcome").asString()).isEqualTo("IGNORED");
        assertThat(events(eventStore, AlertmanagerWebhook.incidentOf(groupKey, 1).value())).isEmpty();
    }

    @Test
    void refusesANotificationNotInTheDocumentedFormat() {
        String good = alert("firing", "b00000000000000a", "ApiDown", "critical", "api", t0, null);

        HttpResponse<String> oldVersion = http.post(WEBHOOK, notification("3", "firing", good));
        HttpResponse<String> noFingerprint = deliver("firing", good,
                alert("firing", "", "ApiDown", "critical", "api", t0, null));
        HttpResponse<String> badStatus = deliver("firing", good.replace("\"firing\"", "\"burning\""));

        assertThat(List.of(oldVersion, noFingerprint, badStatus)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("code").asString()).isEqualTo("INVALID_PAYLOAD");
        });
        assertThat(json(noFingerprint).get("detail").asString()).contains("alerts[1].fingerprint");
        assertThat(events(eventStore, AlertmanagerWebhook.incidentOf(groupKey, 1).value())).isEmpty();
    }

    private HttpResponse<String> deliver(String status, String... alerts) {
        return http.post(WEBHOOK, notification("4", status, alerts));
    }

    private String notification(String version, String status, String... alerts) {
        return """
                {
                  "version": "%s",
                  "groupKey": "%s",
                  "truncatedAlerts": 0,
                  "status": "%s",
                  "receiver": "incident-timeline",
                  "groupLabels": {"team": "shop"},
                  "commonLabels": {"team": "shop"},
                  "commonAnnotations": {"summary": "Checkout p99 latency above 2s"},
                  "externalURL": "http://alertmanager.example.internal:9093",
                  "alerts": [%s]
                }""".formatted(version, groupKey.replace("\"", "\\\""), status,
                Arrays.stream(alerts).collect(Collectors.joining(",\n")));
    }

    private static String alert(String status, String fingerprint, String name, String severity, String service,
                                Instant startsAt, Instant endsAt) {
        return """
                {
                  "status": "%s",
                  "labels": {"alertname": "%s", "severity": "%s", "service": "%s", "team": "shop"},
                  "annotations": {"summary": "%s is firing", "runbook_url": "https://runbooks.example.internal/%s"},
                  "startsAt": "%s",
                  "endsAt": "%s",
                  "generatorURL": "http://prometheus.example.internal:9090/graph?g0.expr=up",
                  "fingerprint": "%s"
                }""".formatted(status, name, severity, service, name, name, startsAt,
                endsAt == null ? "0001-01-01T00:00:00Z" : endsAt, fingerprint);
    }
}
