package dev.incidenttimeline.metrics;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.host.MetricsTestHost;
import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.ChangeSeverity;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.LinkAlert;
import dev.incidenttimeline.incident.api.RecordImpact;
import dev.incidenttimeline.incident.api.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.incidenttimeline.metrics.StandardMetrics.TIME_TO_ACKNOWLEDGE;
import static dev.incidenttimeline.metrics.StandardMetrics.TIME_TO_DETECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Reports over a set of incidents declared in March and April 2026 (a period no other test uses), with figures worked
 * out by hand from the acknowledgement delays given:
 *
 * <pre>
 * incident  declared          services            severity    detected by  ack after  notes
 * A         Mon 2026-03-02    checkout            SEV1        ALERT         1 min     impact -8, detected -3: detect 5
 * B         Tue 2026-03-03    checkout, payments  SEV2        ALERT         2 min
 * C         Tue 2026-03-10    checkout            SEV2        CUSTOMER      3 min
 * D         Tue 2026-03-17    checkout            SEV1        MONITORING    4 min     alert before impact: detect -5
 * E         Tue 2026-03-24    checkout, payments  SEV2        CUSTOMER     10 min
 * F         Wed 2026-04-01    payments (+search)  SEV3->SEV4  MANUAL         -        impact recorded on search
 * G (drill) Thu 2026-03-05    checkout            SEV1        ALERT       100 min
 * H         Fri 2026-02-20    checkout            SEV1        ALERT        50 min     before the period
 * </pre>
 */
@SpringBootTest(classes = MetricsTestHost.class,
        properties = "spring.datasource.url=jdbc:h2:mem:metrics-projection;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsReportIntegrationTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-05-01T00:00:00Z");

    @Autowired
    IncidentGateway incidents;

    @Autowired
    MetricsQueries metrics;

    private final Map<IncidentId, Instant> declaredAt = new HashMap<>();

    @BeforeAll
    void declareIncidents() {
        IncidentId a = declare("2026-03-02", List.of("checkout"), Severity.SEV1, DetectionSource.ALERT, false, 3, 8);
        acknowledge(a, 1);
        acknowledge(declare("2026-03-03", List.of("checkout", "payments"), Severity.SEV2, DetectionSource.ALERT,
                false, 0, 0), 2);
        acknowledge(declare("2026-03-10", List.of("checkout"), Severity.SEV2, DetectionSource.CUSTOMER, false, 0,
                0), 3);
        IncidentId d = declare("2026-03-17", List.of("checkout"), Severity.SEV1, DetectionSource.MONITORING, false,
                2, 5);
        incidents.send(new LinkAlert(d, "alertmanager", "fp-d", "Errors", null, null,
                at("2026-03-17").minusSeconds(10 * 60), null));
        acknowledge(d, 4);
        acknowledge(declare("2026-03-24", List.of("checkout", "payments"), Severity.SEV2, DetectionSource.CUSTOMER,
                false, 0, 0), 10);
        IncidentId f = declare("2026-04-01", List.of("payments"), Severity.SEV3, DetectionSource.MANUAL, false, 0, 0);
        incidents.send(new ChangeSeverity(f, Severity.SEV4, "only internal users", "alice", null, null));
        incidents.send(new RecordImpact(f, List.of("search"), null, null, null, "alice", null, null));
        acknowledge(declare("2026-03-05", List.of("checkout"), Severity.SEV1, DetectionSource.ALERT, true, 0, 0),
                100);
        acknowledge(declare("2026-02-20", List.of("checkout"), Severity.SEV1, DetectionSource.ALERT, false, 0, 0),
                50);

        await().atMost(Duration.ofSeconds(20)).until(() -> declaredAt.keySet().stream()
                .allMatch(id -> metrics.incident(id).filter(view -> view.timeToAcknowledge() != null
                        || view.severity() == Severity.SEV4 && view.services().contains("search")).isPresent()));
    }

    @Test
    void summarizesEachServiceLeavingDrillsAndOtherPeriodsOut() {
        MetricsReportView report = metrics.summarize(FROM, TO, MetricsGroupBy.SERVICE, false);

        assertThat(report.groups()).extracting(MetricsGroupView::key).containsExactly("checkout", "payments",
                "search");
        MetricsGroupView checkout = report.group("checkout").orElseThrow();
        assertThat(checkout.incidents()).isEqualTo(5);
        assertThat(checkout.customerFirst()).isEqualTo(2);
        assertThat(checkout.customerFirstShare()).isEqualTo(0.4);
        // 1, 2, 3, 4, 10 minutes: mean 20/5 = 4; p90 at rank 3.6 = 4 + 0.6 * 6 = 7.6; p95 at rank 3.8 = 8.8.
        assertThat(checkout.metrics().get(TIME_TO_ACKNOWLEDGE)).isEqualTo(new MetricSummaryView(5,
                minutes(4), minutes(3), minutes(7.6), minutes(8.8), minutes(10), 0));
        // D's negative time to detect is counted as an inconsistency, not as a value.
        assertThat(checkout.metrics().get(TIME_TO_DETECT)).isEqualTo(new MetricSummaryView(1,
                minutes(5), minutes(5), minutes(5), minutes(5), minutes(5), 1));
        assertThat(checkout.inconsistencies()).isEqualTo(1);

        MetricsGroupView payments = report.group("payments").orElseThrow();
        assertThat(payments.incidents()).isEqualTo(3);
        // 2 and 10 minutes (F was never acknowledged): mean 6, p90 = 2 + 0.9 * 8 = 9.2, p95 = 2 + 0.95 * 8 = 9.6.
        assertThat(payments.metrics().get(TIME_TO_ACKNOWLEDGE)).isEqualTo(new MetricSummaryView(2,
                minutes(6), minutes(6), minutes(9.2), minutes(9.6), minutes(10), 0));
        assertThat(report.group("search").orElseThrow().incidents()).isEqualTo(1);
    }

    @Test
    void countsDrillsWhenAsked() {
        MetricsGroupView checkout = metrics.summarize(FROM, TO, MetricsGroupBy.SERVICE, true)
                .group("checkout").orElseThrow();

        assertThat(checkout.incidents()).isEqualTo(6);
        assertThat(checkout.metrics().get(TIME_TO_ACKNOWLEDGE).max()).isEqualTo(minutes(100));
    }

    @Test
    void summarizesEachCurrentSeverity() {
        MetricsReportView report = metrics.summarize(FROM, TO, MetricsGroupBy.SEVERITY, false);

        assertThat(report.groups()).extracting(MetricsGroupView::key).containsExactly("SEV1", "SEV2", "SEV4");
        // SEV1: 1 and 4 minutes; SEV2: 2, 3 and 10 minutes.
        assertThat(report.group("SEV1").orElseThrow().metrics().get(TIME_TO_ACKNOWLEDGE)).isEqualTo(
                new MetricSummaryView(2, minutes(2.5), minutes(2.5), minutes(3.7), minutes(3.85), minutes(4), 0));
        assertThat(report.group("SEV2").orElseThrow().metrics().get(TIME_TO_ACKNOWLEDGE)).isEqualTo(
                new MetricSummaryView(3, minutes(5), minutes(3), minutes(8.6), minutes(9.3), minutes(10), 0));
        MetricsGroupView sev4 = report.group("SEV4").orElseThrow();
        assertThat(sev4.incidents()).isEqualTo(1);
        assertThat(sev4.metrics().get(TIME_TO_ACKNOWLEDGE)).isEqualTo(
                new MetricSummaryView(0, null, null, null, null, null, 0));
    }

    @Test
    void summarizesEachDetectionSourceWithTheShareCustomersReportedFirst() {
        MetricsReportView report = metrics.summarize(FROM, TO, MetricsGroupBy.DETECTED_BY, false);

        assertThat(report.groups()).extracting(MetricsGroupView::key)
                .containsExactly("ALERT", "CUSTOMER", "MANUAL", "MONITORING");
        assertThat(report.group("ALERT").orElseThrow().incidents()).isEqualTo(2);
        assertThat(report.group("ALERT").orElseThrow().customerFirstShare()).isZero();
        assertThat(report.group("CUSTOMER").orElseThrow().incidents()).isEqualTo(2);
        assertThat(report.group("CUSTOMER").orElseThrow().customerFirstShare()).isEqualTo(1.0);
    }

    @Test
    void summarizesEachWeekAndMonth() {
        MetricsReportView weeks = metrics.summarize(FROM, TO, MetricsGroupBy.WEEK, false);
        MetricsReportView months = metrics.summarize(FROM, TO, MetricsGroupBy.MONTH, false);

        assertThat(weeks.groups()).extracting(MetricsGroupView::key, MetricsGroupView::incidents).containsExactly(
                tuple("2026-W10", 2L), tuple("2026-W11", 1L),
                tuple("2026-W12", 1L), tuple("2026-W13", 1L),
                tuple("2026-W14", 1L));
        assertThat(months.groups()).extracting(MetricsGroupView::key, MetricsGroupView::incidents).containsExactly(
                tuple("2026-03", 5L), tuple("2026-04", 1L));
        assertThat(months.group("2026-03").orElseThrow().metrics().get(TIME_TO_ACKNOWLEDGE).mean())
                .isEqualTo(minutes(4));
    }

    @Test
    void summarizesEverythingInOneGroupAndEndsThePeriodExclusively() {
        // F was declared at 2026-04-01T10:00, exactly at the end: it is left out.
        MetricsReportView report = metrics.summarize(FROM, at("2026-04-01"), null, false);

        assertThat(report.groups()).extracting(MetricsGroupView::key).containsExactly("all");
        MetricsGroupView all = report.groups().get(0);
        assertThat(all.incidents()).isEqualTo(5);
        assertThat(all.customerFirstShare()).isEqualTo(0.4);
        assertThat(all.metrics()).containsKeys(StandardMetrics.all().stream().map(MetricDefinition::name)
                .toArray(String[]::new));
    }

    private IncidentId declare(String day, List<String> services, Severity severity, DetectionSource detectedBy,
                               boolean drill, int detectedMinutesBefore, int impactMinutesBefore) {
        Instant at = at(day);
        IncidentId id = incidents.declare(new DeclareIncident(null, "Incident of " + day, severity, services,
                detectedBy, at.minusSeconds(detectedMinutesBefore * 60L),
                impactMinutesBefore == 0 ? null : at.minusSeconds(impactMinutesBefore * 60L), "alice", drill, at,
                null));
        declaredAt.put(id, at);
        return id;
    }

    private void acknowledge(IncidentId id, int minutesAfter) {
        incidents.send(new AcknowledgeIncident(id, "bob", declaredAt.get(id).plusSeconds(minutesAfter * 60L), null));
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T10:00:00Z");
    }

    private static Duration minutes(double minutes) {
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }
}
