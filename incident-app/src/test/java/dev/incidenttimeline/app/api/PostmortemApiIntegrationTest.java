package dev.incidenttimeline.app.api;

import dev.incidenttimeline.app.AppIntegrationTest;
import dev.incidenttimeline.app.Http;
import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.incidenttimeline.app.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@AppIntegrationTest
class PostmortemApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    IncidentGateway incidents;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void servesThePostmortemAsJsonAndAsMarkdownToDownload() {
        Instant t0 = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        IncidentId id = incidents.declare(new DeclareIncident(null, "Webshop <b>down</b> | peak", Severity.SEV1,
                List.of("webshop"), DetectionSource.CUSTOMER, null, null, "maria", false, t0, null));
        incidents.send(new AcknowledgeIncident(id, "maria", t0.plusSeconds(300), null));
        incidents.send(new PostStatusUpdate(id, EntryId.random(), "maria", "We know the webshop is down",
                Visibility.PUBLIC, List.of(), t0.plusSeconds(600), null));
        incidents.send(new AddTimelineNote(id, EntryId.random(), "maria", "# internal\n<script>x()</script>",
                List.of(), t0.plusSeconds(700), null));
        incidents.send(new MitigateIncident(id, "maria", "Scaled out", t0.plusSeconds(1800), null));
        incidents.send(new ResolveIncident(id, "maria", "Fixed the pool size", t0.plusSeconds(2400), null));
        incidents.send(new StartPostmortem(id, "maria", t0.plusSeconds(3600), null));
        incidents.send(new AddActionItem(id, ActionItemId.of("A1"), "Alert on pool exhaustion", "joost",
                LocalDate.parse("2030-01-31"), "maria", t0.plusSeconds(3700), null));
        String path = "/api/incidents/" + id.value() + "/postmortem";
        // The postmortem's timeline comes from the timeline read model, which may lag behind the postmortem's own.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> response = http.get(path + "?timeline=full", Map.of("Accept", "application/json"));
            return response.statusCode() == 200 && json(response).get("actionItems").size() == 1
                    && json(response).get("timeline").valueStream()
                    .anyMatch(entry -> entry.get("kind").asString().equals("POSTMORTEM_STARTED"));
        });

        HttpResponse<String> asJson = http.get(path + "?timeline=full", Map.of("Accept", "application/json"));
        assertThat(asJson.statusCode()).isEqualTo(200);
        assertThat(asJson.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(json(asJson).get("postmortemStatus").asString()).isEqualTo("DRAFT");
        assertThat(json(asJson).get("timelineDetail").asString()).isEqualTo("FULL");
        // The response policy may add missed deadlines of this backdated SEV1 any time; the rest is fixed.
        assertThat(json(asJson).get("timeline").valueStream().map(entry -> entry.get("kind").asString())
                .filter(kind -> !kind.equals("DEADLINE_MISSED")).toList()).containsExactly("DECLARED",
                "ACKNOWLEDGED", "STATUS_UPDATE", "NOTE", "MITIGATED", "RESOLVED", "POSTMORTEM_STARTED");
        assertThat(json(asJson).get("actionItems").get(0).get("owner").asString()).isEqualTo("joost");

        HttpResponse<String> publicJson = http.get(path + "?public=true", Map.of("Accept", "application/json"));
        assertThat(json(publicJson).get("timeline").size()).isEqualTo(1);
        assertThat(json(publicJson).get("timeline").get(0).get("text").asString())
                .isEqualTo("We know the webshop is down");

        HttpResponse<String> markdown = http.get(path + "?timeline=full", Map.of("Accept", "text/markdown"));
        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/markdown"));
        assertThat(markdown.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment").contains("postmortem-" + id.value() + ".md"));
        assertThat(markdown.body()).startsWith("# Postmortem: Webshop &lt;b&gt;down&lt;/b&gt; \\| peak\n")
                .contains("\\# internal<br>&lt;script&gt;x\\(\\)&lt;/script&gt;")
                .doesNotContain("<script>").doesNotContain("<b>")
                .contains("| Alert on pool exhaustion | joost | 2030-01-31 | open |");
    }

    @Test
    void servesTheStakeholderSummaryAsMarkdownAndPlainText() {
        Instant t0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        IncidentId id = incidents.declare(new DeclareIncident(null, "Push campaigns fail", Severity.SEV2,
                List.of("push"), DetectionSource.ALERT, null, null, "lee", false, t0, null));
        incidents.send(new AssignRole(id, Role.LEADER, "lee", "lee", t0.plusSeconds(120), null));
        incidents.send(new MitigateIncident(id, "lee", "Database query killed", t0.plusSeconds(900), null));
        String path = "/api/incidents/" + id.value() + "/stakeholder-summary";
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> response = http.get(path, Map.of("Accept", "text/plain"));
            return response.statusCode() == 200 && response.body().contains("Database query killed");
        });

        HttpResponse<String> text = http.get(path, Map.of("Accept", "text/plain"));
        assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain"));
        assertThat(text.body()).startsWith("Subject: Push campaigns fail, ").contains("  * Leader: lee\n")
                .contains("mitigated, not resolved yet");
        HttpResponse<String> markdown = http.get(path, Map.of("Accept", "text/markdown"));
        assertThat(markdown.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/markdown"));
        assertThat(markdown.body()).startsWith("# Subject: Push campaigns fail, ").contains("## Issue team\n- Leader: lee");
    }

    @Test
    void answersAnUnknownIncidentWithAProblem() {
        HttpResponse<String> response = http.get("/api/incidents/no-such-incident/postmortem",
                Map.of("Accept", "application/json"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("code").asString()).isEqualTo("INCIDENT_NOT_FOUND");
        HttpResponse<String> markdown = http.get("/api/incidents/no-such-incident/postmortem",
                Map.of("Accept", "text/markdown"));
        assertThat(markdown.statusCode()).isEqualTo(404);
        HttpResponse<String> summary = http.get("/api/incidents/no-such-incident/stakeholder-summary",
                Map.of("Accept", "text/plain"));
        assertThat(summary.statusCode()).isEqualTo(404);
    }
}
