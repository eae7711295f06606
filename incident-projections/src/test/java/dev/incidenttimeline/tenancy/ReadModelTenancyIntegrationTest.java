package dev.incidenttimeline.tenancy;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.AddTimelineNote;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.metrics.MetricsGroupBy;
import dev.incidenttimeline.metrics.MetricsGroupView;
import dev.incidenttimeline.metrics.MetricsQueries;
import dev.incidenttimeline.metrics.MetricsReportView;
import dev.incidenttimeline.metrics.SummarizeMetrics;
import dev.incidenttimeline.postmortem.FindPostmortem;
import dev.incidenttimeline.postmortem.PostmortemQueries;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each organisation sees its own incidents only, through every query of the read models (timelines, summaries,
 * metrics and reports, postmortems); a host without an organisation (its own processes) sees all.
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

    @Autowired
    MetricsQueries metrics;

    @Autowired
    PostmortemQueries postmortems;

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
                && queries.incident(acme).isPresent() && queries.incident(globex).isPresent());

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
    void measuresAndReportsEachOrganisationsIncidentsForItselfOnly() {
        IncidentId acme = incidents.declare(declaration("Acme carts empty", "carts"), "acme");
        IncidentId acmeToo = incidents.declare(declaration("Acme carts slow", "carts"), "acme");
        IncidentId globex = incidents.declare(declaration("Globex carts gone", "carts"), "globex");
        IncidentId host = incidents.declare(declaration("Carts job stuck", "carts"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Stream.of(acme, acmeToo, globex, host)
                .allMatch(id -> metrics.incident(id).isPresent()));

        assertThat(as("acme", () -> metrics.incident(acme))).isPresent();
        assertThat(as("globex", () -> metrics.incident(acme))).isEmpty();
        assertThat(as("acme", () -> metrics.incident(host))).as("an incident without organisation").isEmpty();
        assertThat(metrics.incident(globex)).as("the host sees all").isPresent();

        // The same report asked for each in turn: a cached report of one must not answer the other.
        SummarizeMetrics carts = new SummarizeMetrics(null, null, MetricsGroupBy.SERVICE, false);
        for (int round = 0; round < 2; round++) {
            assertThat(cartIncidents(metrics.summarize(carts))).isEqualTo(4);
            assertThat(as("acme", () -> cartIncidents(metrics.summarize(carts)))).isEqualTo(2);
            assertThat(as("globex", () -> cartIncidents(metrics.summarize(carts)))).isEqualTo(1);
            assertThat(as("initech", () -> metrics.summarize(carts).groups())).isEmpty();
        }
    }

    @Test
    void showsPostmortemsAndStakeholderSummariesToTheirOwnOrganisationOnly() {
        IncidentId acme = incidents.declare(declaration("Acme invoices late"), "acme");
        await().atMost(Duration.ofSeconds(20)).until(() -> postmortems.postmortem(FindPostmortem.of(acme)).isPresent()
                && queries.incident(acme).isPresent());

        assertThat(as("acme", () -> postmortems.postmortem(FindPostmortem.of(acme)))).isPresent();
        assertThat(as("acme", () -> postmortems.stakeholderSummary(acme))).isPresent();
        assertThat(as("globex", () -> postmortems.postmortem(FindPostmortem.of(acme)))).isEmpty();
        assertThat(as("globex", () -> postmortems.stakeholderSummary(acme))).isEmpty();
        assertThat(postmortems.stakeholderSummary(acme)).as("the host sees all").isPresent();
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
        return declaration(title, "web");
    }

    private static DeclareIncident declaration(String title, String service) {
        return new DeclareIncident(null, title, Severity.SEV2, List.of(service), DetectionSource.MANUAL, null, null,
                "alice", false, T0, null);
    }

    private static long cartIncidents(MetricsReportView report) {
        return report.group("carts").map(MetricsGroupView::incidents).orElse(0L);
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
