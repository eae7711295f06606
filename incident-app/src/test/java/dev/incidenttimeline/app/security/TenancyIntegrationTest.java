package dev.incidenttimeline.app.security;

import dev.incidenttimeline.app.AppIntegrationTest;
import dev.incidenttimeline.app.Http;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.projections.IncidentQueries;
import dev.incidenttimeline.summary.IncidentSummaryView;
import dev.incidenttimeline.summary.ListIncidents;
import dev.incidenttimeline.tenancy.Organisations;
import dev.incidenttimeline.timeline.FindTimeline;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static dev.incidenttimeline.app.Http.events;
import static dev.incidenttimeline.app.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two organisations on one app: globex can neither change nor see acme's incidents, through any endpoint, and is
 * told nothing more than "not found"; acme can.
 */
@AppIntegrationTest
class TenancyIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    IncidentQueries queries;

    @Autowired
    ApiTokens tokens;

    Http acme;
    Http acmeViewer;
    Http globex;

    @BeforeEach
    void setUp() {
        Http http = new Http(port);
        acme = http.as("acme-responder-token");
        acmeViewer = http.as("acme-viewer-token");
        globex = http.as("globex-responder-token");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void keepsEachOrganisationsIncidentsToItself() {
        String id = declare(acme, "Acme checkout failing");
        String globexId = declare(globex, "Globex search slow");
        List<Object> before = List.copyOf(events(eventStore, id));

        Map<String, String> writes = Map.of(
                "/acknowledgements", "{\"by\": \"mallory\"}",
                "/roles", "{\"role\": \"LEADER\", \"person\": \"mallory\", \"by\": \"mallory\"}",
                "/updates", "{\"author\": \"mallory\", \"text\": \"all fine\", \"visibility\": \"PUBLIC\"}",
                "/notes", "{\"author\": \"mallory\", \"text\": \"hello\"}",
                "/severity", "{\"severity\": \"SEV4\", \"reason\": \"mine\", \"by\": \"mallory\"}",
                "/mitigation", "{\"by\": \"mallory\", \"summary\": \"x\"}",
                "/resolution", "{\"by\": \"mallory\", \"summary\": \"x\"}");
        writes.forEach((path, body) -> {
            HttpResponse<String> refused = globex.post("/api/incidents/" + id + path, body);
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
            assertThat(json(refused).get("code").asString()).as(path).isEqualTo("INCIDENT_NOT_FOUND");
        });
        for (String path : List.of("", "/timeline", "/metrics", "/postmortem", "/events")) {
            assertThat(globex.get("/api/incidents/" + id + path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(events(eventStore, id)).isEqualTo(before);

        assertThat(acme.post("/api/incidents/" + id + "/acknowledgements", "{\"by\": \"bob\"}").statusCode())
                .isEqualTo(204);
        assertThat(acme.post("/api/incidents/" + id + "/notes", "{\"author\": \"bob\", \"text\": \"rolled back\"}")
                .statusCode()).isEqualTo(201);
        assertThat(events(eventStore, id)).hasSize(before.size() + 2);

        await().atMost(Duration.ofSeconds(20)).until(() -> queries.timeline(FindTimeline.of(IncidentId.of(id)))
                .entries().size() == 3 && queries.incident(IncidentId.of(id)).isPresent()
                && queries.incident(IncidentId.of(globexId)).isPresent());
        assertThat(as("globex-responder-token", () -> ids(queries.incidents(ListIncidents.all()))))
                .contains(globexId).doesNotContain(id);
        assertThat(as("globex-responder-token", () -> queries.incident(IncidentId.of(id)))).isEmpty();
        assertThat(as("globex-responder-token", () -> queries.timeline(FindTimeline.of(IncidentId.of(id)))
                .entries())).isEmpty();
        assertThat(as("acme-viewer-token", () -> ids(queries.incidents(ListIncidents.all()))))
                .contains(id).doesNotContain(globexId);
        assertThat(as("acme-viewer-token", () -> queries.timeline(FindTimeline.of(IncidentId.of(id))).entries()))
                .hasSize(3);
    }

    @Test
    void reportsEachOrganisationsIncidentsToItsOwnTokensOnly() {
        String service = "reports-" + IncidentId.random().value();
        String acmeId = declare(acme, "Acme basket empty", service);
        declare(acme, "Acme basket slow", service);
        String globexId = declare(globex, "Globex basket gone", service);
        await().atMost(Duration.ofSeconds(20)).until(() -> incidentsOf(new Http(port), service) == 3);

        assertThat(incidentsOf(acme, service)).isEqualTo(2);
        assertThat(incidentsOf(acmeViewer, service)).isEqualTo(2);
        assertThat(incidentsOf(globex, service)).isEqualTo(1);
        assertThat(incidentsOf(new Http(port), service)).as("the operator token").isEqualTo(3);
        assertThat(acme.get("/api/incidents/" + acmeId + "/metrics").statusCode()).isEqualTo(200);
        assertThat(acme.get("/api/incidents/" + globexId + "/metrics").statusCode()).isEqualTo(404);
    }

    @Test
    void recordsTheOrganisationOnEveryEventOfTheIncident() {
        String id = declare(acme, "Acme payments failing");
        acme.post("/api/incidents/" + id + "/acknowledgements", "{\"by\": \"bob\"}");

        assertThat(eventStore.readEvents(id, 0).asStream().map(Organisations::of).toList())
                .containsExactly("acme", "acme");
    }

    @Test
    void refusesViewersOfTheOwningOrganisationToWrite() {
        String id = declare(acme, "Acme login slow");

        assertThat(acmeViewer.post("/api/incidents/" + id + "/notes", "{\"author\": \"v\", \"text\": \"x\"}")
                .statusCode()).isEqualTo(403);
    }

    private static String declare(Http as, String title) {
        return declare(as, title, "web");
    }

    private static String declare(Http as, String title, String service) {
        HttpResponse<String> declared = as.post("/api/incidents", """
                {"title": "%s", "severity": "SEV2", "services": ["%s"], "detectedBy": "MANUAL",
                 "declaredBy": "alice"}""".formatted(title, service));
        assertThat(declared.statusCode()).isEqualTo(201);
        return json(declared).get("id").asString();
    }

    /** How many incidents of the service the caller's report over all time counts. */
    private static long incidentsOf(Http as, String service) {
        HttpResponse<String> report = as.get("/api/metrics?groupBy=service");
        assertThat(report.statusCode()).isEqualTo(200);
        for (var group : json(report).get("groups")) {
            if (group.get("key").asString().equals(service)) {
                return group.get("incidents").asLong();
            }
        }
        return 0;
    }

    /** Runs the query as the owner of the token would in a request. */
    private <T> T as(String token, Supplier<T> query) {
        Caller caller = tokens.authenticate(token).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(new TokenAuthenticationFilter.CallerAuthentication(caller));
        try {
            return query.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static List<String> ids(List<IncidentSummaryView> summaries) {
        return summaries.stream().map(summary -> summary.incidentId().value()).toList();
    }
}
