package dev.incidenttimeline.metrics;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.host.MetricsTestHost;
import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.LinkAlert;
import dev.incidenttimeline.incident.api.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static dev.incidenttimeline.metrics.AwaitMetrics.awaitMetrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recomputing the past from the stored facts, on a real database fed by commands through the write side: a new
 * definition and a new version of a standard one reach every incident without a replay, the reports see it, and a
 * processor batch never computes an incident a recomputation holds. The tests register definitions in this
 * context's catalogue, so it has a database of its own and each test a metric name of its own.
 */
@SpringBootTest(classes = MetricsTestHost.class,
        properties = "spring.datasource.url=jdbc:h2:mem:metrics-recomputation;DB_CLOSE_DELAY=-1")
class MetricsRecomputationIntegrationTest {

    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    @Autowired
    IncidentGateway incidents;

    @Autowired
    MetricsQueries metrics;

    @Autowired
    MetricCatalog catalog;

    @Autowired
    MetricsRecomputation recomputation;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void givesEveryIncidentOfThePastANewMetricFromItsFacts() {
        IncidentId alerted = declare(T);
        incidents.send(new LinkAlert(alerted, "alertmanager", "fp-1", "HighErrorRate", null, null,
                T.minusSeconds(5 * 60), null));
        incidents.send(new AcknowledgeIncident(alerted, "bob", T.plusSeconds(4 * 60), null));
        IncidentId neverAlerted = declare(T.plusSeconds(3600));
        incidents.send(new AcknowledgeIncident(neverAlerted, "bob", T.plusSeconds(3600 + 60), null));
        awaitMetrics(metrics, alerted, view -> assertThat(view.timeToAcknowledge()).isNotNull());
        awaitMetrics(metrics, neverAlerted, view -> assertThat(view.timeToAcknowledge()).isNotNull());

        catalog.register(MetricDefinition.between("timeFromAlertToAcknowledge", 1,
                "From the first alert to the acknowledgement", Milestones::firstAlert, Milestones::acknowledged));
        assertThat(metrics.incident(alerted).orElseThrow().metric("timeFromAlertToAcknowledge")).isEmpty();

        MetricsRecomputation.Result result = recomputation.recomputeAll();

        assertThat(result.incidents()).isEqualTo(result.changed()).isGreaterThanOrEqualTo(2);
        MetricValueView fromAlert = metrics.incident(alerted).orElseThrow()
                .metric("timeFromAlertToAcknowledge").orElseThrow();
        assertThat(fromAlert.value()).isEqualTo(Duration.ofMinutes(9));
        assertThat(fromAlert.version()).isEqualTo(1);
        // Without an alert the clock never started: the metric is there, without a value.
        assertThat(metrics.incident(neverAlerted).orElseThrow().metric("timeFromAlertToAcknowledge")
                .orElseThrow().value()).isNull();
        // The other metrics come out as they were.
        assertThat(metrics.incident(alerted).orElseThrow().timeToAcknowledge()).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void goesThroughEveryIncidentPageByPage() {
        List<IncidentId> declared = List.of(declare(T.plusSeconds(1)), declare(T.plusSeconds(2)),
                declare(T.plusSeconds(3)), declare(T.plusSeconds(4)), declare(T.plusSeconds(5)));
        declared.forEach(id -> awaitMetrics(metrics, id, view -> assertThat(view.declaredAt()).isNotNull()));
        catalog.register(MetricDefinition.between("declarationToDeclaration", 1, "Zero for every declared incident",
                Milestones::declared, Milestones::declared));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        int stored = jdbc.queryForObject("select count(*) from metrics_incident", Integer.class);

        MetricsRecomputation.Result result = new MetricsRecomputation(jdbc,
                new TransactionTemplate(transactionManager), catalog, 2).recomputeAll();

        assertThat(result.incidents()).isEqualTo(stored);
        assertThat(jdbc.queryForObject("select count(distinct incident_id) from metrics_value where metric = ?",
                Integer.class, "declarationToDeclaration")).isEqualTo(stored);
    }

    @Test
    void writesNothingWhenTheDefinitionsGiveWhatIsStored() {
        IncidentId id = declare(T);
        incidents.send(new AcknowledgeIncident(id, "bob", T.plusSeconds(60), null));
        awaitMetrics(metrics, id, view -> assertThat(view.timeToAcknowledge()).isNotNull());
        recomputation.recomputeAll();
        MetricsChanges.Position before = MetricsChanges.position(new JdbcTemplate(dataSource));

        MetricsRecomputation.Result again = recomputation.recomputeAll();

        assertThat(again.changed()).isZero();
        assertThat(again.incidents()).isPositive();
        assertThat(MetricsChanges.position(new JdbcTemplate(dataSource))).isEqualTo(before);
    }

    @Test
    void computesFromAFactsRowWhatItComputedFromTheEvent() {
        Instant declared = T.plus(Duration.ofDays(30));
        IncidentId id = declare(declared);
        // 60.9999996 s after the declaration: the database keeps microseconds and rounds this up to 61 s.
        incidents.send(new AcknowledgeIncident(id, "bob", declared.plusSeconds(60).plusNanos(999_999_600), null));
        IncidentMetricsView live = awaitMetrics(metrics, id,
                view -> assertThat(view.timeToAcknowledge()).isNotNull());

        recomputation.recomputeAll();

        assertThat(live.timeToAcknowledge()).isEqualTo(Duration.ofMillis(60_999));
        assertThat(metrics.incident(id).orElseThrow().timeToAcknowledge()).isEqualTo(live.timeToAcknowledge());
    }

    @Test
    void aNewVersionReplacesTheValuesOfThePastAndTheReportsFollow() {
        Instant day = T.plus(Duration.ofDays(10));
        IncidentId id = declare(day);
        incidents.send(new LinkAlert(id, "alertmanager", "fp-2", "Latency", null, null, day.minusSeconds(120),
                null));
        incidents.send(new AcknowledgeIncident(id, "bob", day.plusSeconds(60), null));
        awaitMetrics(metrics, id, view -> assertThat(view.timeToAcknowledge()).isNotNull());
        catalog.register(MetricDefinition.between("alertToAcknowledgement", 1, "From the first alert",
                Milestones::firstAlert, Milestones::acknowledged));
        recomputation.recomputeAll();
        // Asked twice: the second answer comes from the report cache.
        metrics.summarize(day, day.plusSeconds(1), null, false);
        assertThat(mean(metrics.summarize(day, day.plusSeconds(1), null, false))).isEqualTo(Duration.ofMinutes(3));

        catalog.register(MetricDefinition.between("alertToAcknowledgement", 2, "From the declaration",
                Milestones::declared, Milestones::acknowledged));
        metrics.summarize(day, day.plusSeconds(1), null, false); // cached again, under the new catalogue
        recomputation.recomputeAll();

        MetricValueView value = metrics.incident(id).orElseThrow().metric("alertToAcknowledgement").orElseThrow();
        assertThat(value.version()).isEqualTo(2);
        assertThat(value.value()).isEqualTo(Duration.ofMinutes(1));
        assertThat(mean(metrics.summarize(day, day.plusSeconds(1), null, false))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aBatchOfNewEventsWaitsForTheRecomputationThatHoldsItsIncident() throws Exception {
        Instant declared = T.plus(Duration.ofDays(20));
        IncidentId id = declare(declared);
        awaitMetrics(metrics, id, view -> assertThat(view.declaredAt()).isNotNull());
        catalog.register(MetricDefinition.between("declarationToAcknowledgement", 1, "A metric new to the incident",
                Milestones::declared, Milestones::acknowledged));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        CountDownLatch computed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong recomputingSession = new AtomicLong();
        // A page of a recomputation that has computed the incident (and so inserted the new metric's value) but has
        // not committed yet.
        CompletableFuture<Boolean> page = CompletableFuture.supplyAsync(() ->
                new TransactionTemplate(transactionManager).execute(status -> {
                    recomputation.recompute(null, id.value());
                    recomputingSession.set(jdbc.queryForObject("select session_id()", Long.class));
                    computed.countDown();
                    try {
                        return release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }));
        assertThat(computed.await(10, TimeUnit.SECONDS)).isTrue();

        incidents.send(new AcknowledgeIncident(id, "bob", declared.plusSeconds(60), null));

        try {
            // The batch waits for the page either way (it updates the incident's row at the end); what the lock
            // decides is whether it read the incident before the page committed: the duplicate check below.
            await().atMost(Duration.ofSeconds(15)).until(() -> blockedBy(jdbc).contains(recomputingSession.get()));
        } finally {
            release.countDown();
        }
        assertThat(page.get(30, TimeUnit.SECONDS)).isTrue();
        awaitMetrics(metrics, id, view -> assertThat(view.metric("declarationToAcknowledgement").orElseThrow().value())
                .isEqualTo(Duration.ofMinutes(1)));
        // The batch computed the incident from what the page wrote: one value of the new metric, not one each.
        assertThat(jdbc.queryForList("select metric from metrics_value where incident_id = ? group by metric"
                + " having count(*) > 1", String.class, id.value())).isEmpty();
    }

    /** The sessions H2 says other sessions wait for. */
    private static List<Long> blockedBy(JdbcTemplate jdbc) {
        return jdbc.queryForList("select blocker_id from information_schema.sessions where blocker_id is not null",
                Long.class);
    }

    private static Duration mean(MetricsReportView report) {
        Map<String, MetricSummaryView> figures = report.groups().get(0).metrics();
        return figures.get("alertToAcknowledgement").mean();
    }

    private IncidentId declare(Instant declaredAt) {
        return incidents.declare(new DeclareIncident(null, "Checkout errors", Severity.SEV2, List.of("checkout"),
                DetectionSource.ALERT, null, null, "alice", false, declaredAt, null));
    }
}
