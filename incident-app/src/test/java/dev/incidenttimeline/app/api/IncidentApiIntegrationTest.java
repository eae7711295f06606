package dev.incidenttimeline.app.api;

import dev.incidenttimeline.app.AppIntegrationTest;
import dev.incidenttimeline.app.Http;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentAcknowledged;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.incident.api.IncidentMitigated;
import dev.incidenttimeline.incident.api.IncidentResolved;
import dev.incidenttimeline.incident.api.Role;
import dev.incidenttimeline.incident.api.RoleAssigned;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.incident.api.SeverityChanged;
import dev.incidenttimeline.incident.api.StatusUpdatePosted;
import dev.incidenttimeline.incident.api.TimelineNoteAdded;
import dev.incidenttimeline.incident.api.EntryAmended;
import dev.incidenttimeline.incident.api.Visibility;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static dev.incidenttimeline.app.Http.events;
import static dev.incidenttimeline.app.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

@AppIntegrationTest
class IncidentApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void recordsAWholeResponseOverHttp() {
        Instant declared = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> created = http.post("/api/incidents", """
                {"title": "Checkout slow in peak season", "severity": "SEV2", "services": ["webshop", "checkout"],
                 "detectedBy": "CUSTOMER", "detectedAt": "%s", "impactStartedAt": "%s", "declaredBy": "Maria",
                 "occurredAt": "%s"}
                """.formatted(declared.minusSeconds(60), declared.minus(1, ChronoUnit.HOURS), declared));

        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/incidents/" + id);

        assertThat(http.post("/api/incidents/" + id + "/acknowledgements", """
                {"by": "Sven", "occurredAt": "%s"}""".formatted(declared.plusSeconds(120))).statusCode())
                .isEqualTo(204);
        assertThat(http.post("/api/incidents/" + id + "/roles", """
                {"role": "LEADER", "person": "Sven", "occurredAt": "%s"}""".formatted(declared.plusSeconds(180)))
                .statusCode()).isEqualTo(204);
        HttpResponse<String> update = http.post("/api/incidents/" + id + "/updates", """
                {"author": "Sven", "text": "Investigating two services", "visibility": "PUBLIC",
                 "links": ["https://status.example.com/incidents/1"], "occurredAt": "%s"}"""
                .formatted(declared.plusSeconds(300)));
        assertThat(update.statusCode()).isEqualTo(201);
        HttpResponse<String> note = http.post("/api/incidents/" + id + "/notes", """
                {"author": "Sven", "text": "First alert fired and recovered an hour earlier", "occurredAt": "%s"}"""
                .formatted(declared.minus(1, ChronoUnit.HOURS)));
        assertThat(note.statusCode()).isEqualTo(201);
        String noteId = json(note).get("id").asString();
        assertThat(http.post("/api/incidents/" + id + "/entries/" + noteId + "/amendments", """
                {"newText": "First alert fired and recovered 61 minutes earlier", "by": "Sven"}""").statusCode())
                .isEqualTo(204);
        assertThat(http.post("/api/incidents/" + id + "/severity", """
                {"severity": "SEV1", "reason": "Orders dropped by half", "by": "Sven", "occurredAt": "%s"}"""
                .formatted(declared.plusSeconds(400))).statusCode()).isEqualTo(204);
        assertThat(http.post("/api/incidents/" + id + "/mitigation", """
                {"by": "Sven", "summary": "Traffic routed via the healthy load balancer", "occurredAt": "%s"}"""
                .formatted(declared.plusSeconds(3600))).statusCode()).isEqualTo(204);
        assertThat(http.post("/api/incidents/" + id + "/resolution", """
                {"by": "Sven", "summary": "Unhealthy components recovered", "occurredAt": "%s"}"""
                .formatted(declared.plusSeconds(7200))).statusCode()).isEqualTo(204);

        List<IncidentEvent> events = events(eventStore, id);
        assertThat(events).extracting(event -> event.getClass().getSimpleName()).containsExactly(
                "IncidentDeclared", "IncidentAcknowledged", "RoleAssigned", "StatusUpdatePosted", "TimelineNoteAdded",
                "EntryAmended", "SeverityChanged", "IncidentMitigated", "IncidentResolved");
        IncidentDeclared declaration = (IncidentDeclared) events.get(0);
        assertThat(declaration.title()).isEqualTo("Checkout slow in peak season");
        assertThat(declaration.severity()).isEqualTo(Severity.SEV2);
        assertThat(declaration.services()).containsExactly("webshop", "checkout");
        assertThat(declaration.detectedBy()).isEqualTo(DetectionSource.CUSTOMER);
        assertThat(declaration.detectedAt()).isEqualTo(declared.minusSeconds(60));
        assertThat(declaration.impactStartedAt()).isEqualTo(declared.minus(1, ChronoUnit.HOURS));
        assertThat(declaration.occurredAt()).isEqualTo(declared);
        assertThat(((IncidentAcknowledged) events.get(1)).by()).isEqualTo("Sven");
        assertThat(((RoleAssigned) events.get(2)).role()).isEqualTo(Role.LEADER);
        StatusUpdatePosted posted = (StatusUpdatePosted) events.get(3);
        assertThat(posted.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(posted.links()).containsExactly("https://status.example.com/incidents/1");
        assertThat(posted.entryId().value()).isEqualTo(json(update).get("id").asString());
        assertThat(((TimelineNoteAdded) events.get(4)).occurredAt()).isEqualTo(declared.minus(1, ChronoUnit.HOURS));
        assertThat(((EntryAmended) events.get(5)).newText()).contains("61 minutes");
        assertThat(((SeverityChanged) events.get(6)).severity()).isEqualTo(Severity.SEV1);
        assertThat(((IncidentMitigated) events.get(7)).occurredAt()).isEqualTo(declared.plusSeconds(3600));
        assertThat(((IncidentResolved) events.get(8)).summary()).isEqualTo("Unhealthy components recovered");
    }

    @Test
    void defaultsTheTimeToNow() {
        Instant before = Instant.now();
        String id = declare("Search is down");

        Instant declaredAt = events(eventStore, id).get(0).occurredAt();

        assertThat(declaredAt).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void appliesARetriedRequestOnce() {
        String body = """
                {"title": "Payments API errors", "severity": "SEV1", "services": ["payments"],
                 "detectedBy": "ALERT", "declaredBy": "bot", "sourceId": "chatbot-%s"}""".formatted(Instant.now());
        HttpResponse<String> first = http.post("/api/incidents", body);
        HttpResponse<String> retried = http.post("/api/incidents", body);
        String id = json(first).get("id").asString();
        String note = """
                {"author": "Ana", "text": "Error rate 40%%", "sourceId": "chat-message-17"}""";
        HttpResponse<String> firstNote = http.post("/api/incidents/" + id + "/notes", note);
        HttpResponse<String> retriedNote = http.post("/api/incidents/" + id + "/notes", note);

        assertThat(json(retriedNote).get("id").asString()).as("the retried note answers the stored entry's id")
                .isEqualTo(json(firstNote).get("id").asString());
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(json(retried).get("id").asString()).isEqualTo(id);
        assertThat(events(eventStore, id)).hasSize(2);
    }

    @Test
    void answersARefusedCommandWithItsErrorCode() {
        String id = declare("Queue backlog");
        http.post("/api/incidents/" + id + "/resolution", """
                {"by": "Ana", "summary": "Drained"}""");

        HttpResponse<String> resolvedTwice = http.post("/api/incidents/" + id + "/resolution", """
                {"by": "Ana", "summary": "Drained again"}""");
        HttpResponse<String> unknown = http.post("/api/incidents/no-such-incident/acknowledgements", """
                {"by": "Ana"}""");
        HttpResponse<String> future = http.post("/api/incidents/" + id + "/notes", """
                {"author": "Ana", "text": "later", "occurredAt": "%s"}""".formatted(Instant.now().plus(1, ChronoUnit.DAYS)));

        assertThat(resolvedTwice.statusCode()).isEqualTo(409);
        assertThat(resolvedTwice.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(resolvedTwice).get("code").asString()).isEqualTo("INVALID_TRANSITION");
        assertThat(json(resolvedTwice).get("detail").asString()).contains("resolved already");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("code").asString()).isEqualTo("INCIDENT_NOT_FOUND");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(json(future).get("code").asString()).isEqualTo("TIME_IN_FUTURE");
        assertThat(events(eventStore, id)).hasSize(2);
    }

    private String declare(String title) {
        HttpResponse<String> created = http.post("/api/incidents", """
                {"title": "%s", "severity": "SEV3", "services": ["jobs"], "detectedBy": "MONITORING",
                 "declaredBy": "Ana"}""".formatted(title));
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).get("id").asString();
    }
}
