package dev.incidenttimeline.tenancy;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.AddTimelineNote;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.projections.IncidentQueries;
import dev.incidenttimeline.projections.TestHost;
import dev.incidenttimeline.summary.IncidentSummaryView;
import dev.incidenttimeline.summary.ListIncidents;
import dev.incidenttimeline.timeline.FindTimeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each organisation sees its own incidents only, through every query of the read models; a host without an
 * organisation (its own processes) sees all.
 */
@SpringBootTest(classes = {TestHost.class, ReadModelTenancyIntegrationTest.Acting.class},
        properties = "spring.datasource.url=jdbc:h2:mem:tenancy-test;DB_CLOSE_DELAY=-1")
class ReadModelTenancyIntegrationTest {

    private static final Instant T0 = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    /** Who the test acts for; {@code null}: the host itself. Not a thread local: Awaitility polls elsewhere. */
    private static volatile String actingFor;

    @TestConfiguration
    static class Acting {

        @Bean
        CurrentOrganisation currentOrganisation() {
            return () -> actingFor;
        }
    }

    @Autowired
    IncidentGateway incidents;

    @Autowired
    IncidentQueries queries;

    @AfterEach
    void actAsHost() {
        actingFor = null;
    }

    @Test
    void showsEachOrganisationOnlyItsOwnIncidents() {
        IncidentId acme = incidents.declare(declaration("Acme checkout down"), "acme");
        IncidentId globex = incidents.declare(declaration("Globex search slow"), "globex");
        incidents.send(new AddTimelineNote(acme, EntryId.random(), "alice", "Rolled back 2.41", List.of(),
                T0.plusSeconds(60), null), "acme");
        await().atMost(Duration.ofSeconds(20)).until(() -> queries.timeline(FindTimeline.of(acme)).entries().size() == 2
                && queries.incident(globex).isPresent());

        assertThat(as("acme", () -> ids(queries.incidents(ListIncidents.all())))).contains(acme).doesNotContain(globex);
        assertThat(as("globex", () -> ids(queries.incidents(ListIncidents.all())))).contains(globex)
                .doesNotContain(acme);
        assertThat(as("acme", () -> queries.incident(acme))).isPresent();
        assertThat(as("globex", () -> queries.incident(acme))).isEmpty();
        assertThat(as("acme", () -> queries.timeline(FindTimeline.of(acme)).entries())).hasSize(2);
        assertThat(as("globex", () -> queries.timeline(FindTimeline.of(acme)).entries())).isEmpty();
        assertThat(ids(queries.incidents(ListIncidents.all()))).contains(acme, globex);
    }

    @Test
    void givesTheSameSourceIdOfTwoOrganisationsTwoIncidents() {
        String sourceId = "alertmanager:" + IncidentId.random().value();
        DeclareIncident fromAlert = new DeclareIncident(null, "Disk full", Severity.SEV3, List.of("db"),
                DetectionSource.ALERT, null, null, "alertmanager", false, T0, sourceId);

        IncidentId acme = incidents.declare(fromAlert, "acme");
        IncidentId globex = incidents.declare(fromAlert, "globex");

        assertThat(acme).isNotEqualTo(globex);
        assertThat(incidents.declare(fromAlert, "acme")).isEqualTo(acme);
    }

    private static DeclareIncident declaration(String title) {
        return new DeclareIncident(null, title, Severity.SEV2, List.of("web"), DetectionSource.MANUAL, null, null,
                "alice", false, T0, null);
    }

    private static <T> T as(String organisation, Supplier<T> query) {
        actingFor = organisation;
        try {
            return query.get();
        } finally {
            actingFor = null;
        }
    }

    private static List<IncidentId> ids(List<IncidentSummaryView> summaries) {
        return summaries.stream().map(IncidentSummaryView::incidentId).toList();
    }
}
