package dev.incidenttimeline.metrics;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.host.MetricsTestHost;
import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.AddTimelineNote;
import dev.incidenttimeline.incident.api.AlertLinked;
import dev.incidenttimeline.incident.api.AmendEntry;
import dev.incidenttimeline.incident.api.AssignRole;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.IncidentAcknowledged;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentMitigated;
import dev.incidenttimeline.incident.api.IncidentResolved;
import dev.incidenttimeline.incident.api.LinkAlert;
import dev.incidenttimeline.incident.api.LinkCustomerReport;
import dev.incidenttimeline.incident.api.Milestone;
import dev.incidenttimeline.incident.api.MilestoneTimeRecorded;
import dev.incidenttimeline.incident.api.MitigateIncident;
import dev.incidenttimeline.incident.api.PostStatusUpdate;
import dev.incidenttimeline.incident.api.RecordMilestoneTime;
import dev.incidenttimeline.incident.api.RedactEntry;
import dev.incidenttimeline.incident.api.ReopenIncident;
import dev.incidenttimeline.incident.api.ResolveIncident;
import dev.incidenttimeline.incident.api.Role;
import dev.incidenttimeline.incident.api.RoleAssigned;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.incident.api.StatusUpdatePosted;
import dev.incidenttimeline.incident.api.Visibility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static dev.incidenttimeline.metrics.AwaitMetrics.awaitMetrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The metrics read model on a real database, fed by commands through the write side. Every incident happens at fixed
 * times in the past, so each expected duration is worked out by hand from the times given.
 */
@SpringBootTest(classes = MetricsTestHost.class,
        properties = "spring.datasource.url=jdbc:h2:mem:metrics-projection;DB_CLOSE_DELAY=-1")
class MetricsProjectionIntegrationTest {

    private static final Instant T = Instant.parse("2026-05-04T21:00:00Z");

    @Autowired
    IncidentGateway incidents;

    @Autowired
    MetricsQueries metrics;

    @Autowired
    EventStore eventStore;

    @Autowired
    MetricsProjection projection;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void computesEveryClockFromTheMilestones() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS); // recorded times are in milliseconds
        IncidentId id = declare(T, T.minusSeconds(4 * 60), T.minusSeconds(10 * 60), DetectionSource.ALERT);
        incidents.send(new LinkAlert(id, "alertmanager", "fp-1", "HighErrorRate", null, null,
                T.minusSeconds(6 * 60), null));
        incidents.send(new AcknowledgeIncident(id, "bob", T.plusSeconds(3 * 60), null));
        incidents.send(new AssignRole(id, Role.SCRIBE, "carol", "bob", T.plusSeconds(4 * 60), null));
        incidents.send(new AssignRole(id, Role.LEADER, "bob", "bob", T.plusSeconds(5 * 60), null));
        incidents.send(new AssignRole(id, Role.LEADER, "dave", "bob", T.plusSeconds(30 * 60), null));
        update(id, T.plusSeconds(7 * 60));
        update(id, T.plusSeconds(20 * 60));
        update(id, T.plusSeconds(50 * 60));
        incidents.send(new MitigateIncident(id, "bob", "rolled back", T.plusSeconds(60 * 60), null));
        incidents.send(new ResolveIncident(id, "bob", "fixed", T.plusSeconds(90 * 60), null));
        update(id, T.plusSeconds(140 * 60));
        Instant after = Instant.now();

        IncidentMetricsView view = awaitMetrics(metrics, id, shown -> assertThat(shown.timeToResolve()).isNotNull());

        // The alert fired 4 minutes after impact started, before the declared detection: it is the first detection.
        assertThat(view.timeToDetect()).isEqualTo(Duration.ofMinutes(4));
        assertThat(view.timeToAcknowledge()).isEqualTo(Duration.ofMinutes(3));
        assertThat(view.timeToLeader()).isEqualTo(Duration.ofMinutes(5));
        assertThat(view.timeToFirstUpdate()).isEqualTo(Duration.ofMinutes(7));
        assertThat(view.timeToMitigate()).isEqualTo(Duration.ofMinutes(60));
        assertThat(view.timeToResolve()).isEqualTo(Duration.ofMinutes(90));
        assertThat(view.timeToMitigateFromImpact()).isEqualTo(Duration.ofMinutes(70));
        assertThat(view.timeToResolveFromImpact()).isEqualTo(Duration.ofMinutes(100));
        assertThat(view.impactDuration()).isEqualTo(Duration.ofMinutes(70));
        // 20 -> 50 while open; the update 50 minutes after the resolution does not count.
        assertThat(view.longestUpdateGap()).isEqualTo(Duration.ofMinutes(30));
        // Everything was recorded now; of the facts recorded as they happened, the alert happened earliest.
        Instant alertFired = T.minusSeconds(6 * 60);
        assertThat(view.recordingLag())
                .isBetween(Duration.between(alertFired, before), Duration.between(alertFired, after));
        assertThat(view.metric(StandardMetrics.RECORDING_LAG)).hasValueSatisfying(value ->
                assertThat(value.startEventId()).isEqualTo(eventId(id, AlertLinked.class, 0)));
        assertThat(view.inconsistencies()).isEmpty();
        assertThat(view.severity()).isEqualTo(Severity.SEV2);
        assertThat(view.services()).containsExactly("checkout");
        assertThat(view.detectedBy()).isEqualTo(DetectionSource.ALERT);
        assertThat(view.customerFirst()).isFalse();
    }

    @Test
    void tellsWhichEventsStartedAndStoppedEachClock() {
        IncidentId id = declare(T, null, T.minusSeconds(10 * 60), DetectionSource.MANUAL);
        incidents.send(new LinkAlert(id, "alertmanager", "fp-1", "HighLatency", null, null,
                T.minusSeconds(2 * 60), null));
        incidents.send(new AcknowledgeIncident(id, "bob", T.plusSeconds(60), null));
        incidents.send(new AssignRole(id, Role.LEADER, "bob", "bob", T.plusSeconds(120), null));
        update(id, T.plusSeconds(5 * 60));
        update(id, T.plusSeconds(25 * 60));
        incidents.send(new MitigateIncident(id, "bob", "failed over", T.plusSeconds(30 * 60), null));

        IncidentMetricsView view = awaitMetrics(metrics, id, shown -> assertThat(shown.timeToMitigate()).isNotNull());

        String declared = eventId(id, IncidentDeclared.class, 0);
        String alert = eventId(id, AlertLinked.class, 0);
        assertThat(view.metric(StandardMetrics.TIME_TO_DETECT)).hasValue(new MetricValueView(
                StandardMetrics.TIME_TO_DETECT, 1, Duration.ofMinutes(8), false,
                T.minusSeconds(10 * 60), declared, T.minusSeconds(2 * 60), alert));
        assertThat(view.metric(StandardMetrics.TIME_TO_ACKNOWLEDGE)).hasValueSatisfying(value -> {
            assertThat(value.startEventId()).isEqualTo(declared);
            assertThat(value.stopEventId()).isEqualTo(eventId(id, IncidentAcknowledged.class, 0));
        });
        assertThat(view.metric(StandardMetrics.TIME_TO_LEADER)).hasValueSatisfying(value ->
                assertThat(value.stopEventId()).isEqualTo(eventId(id, RoleAssigned.class, 0)));
        assertThat(view.metric(StandardMetrics.LONGEST_UPDATE_GAP)).hasValueSatisfying(value -> {
            assertThat(value.startEventId()).isEqualTo(eventId(id, StatusUpdatePosted.class, 0));
            assertThat(value.stopEventId()).isEqualTo(eventId(id, StatusUpdatePosted.class, 1));
            assertThat(value.value()).isEqualTo(Duration.ofMinutes(20));
        });
        assertThat(view.metric(StandardMetrics.IMPACT_DURATION)).hasValueSatisfying(value ->
                assertThat(value.stopEventId()).isEqualTo(eventId(id, IncidentMitigated.class, 0)));
        assertThat(view.metric(StandardMetrics.RECORDING_LAG)).hasValueSatisfying(value -> {
            assertThat(value.startEventId()).isEqualTo(value.stopEventId());
            assertThat(value.value()).isEqualTo(Duration.between(value.startedAt(), value.stoppedAt()));
        });
    }

    @Test
    void givesNoValueForAClockThatNeverStartedOrStopped() {
        IncidentId id = declare(T, null, null, DetectionSource.MONITORING);
        update(id, T.plusSeconds(5 * 60));

        IncidentMetricsView view = awaitMetrics(metrics, id,
                shown -> assertThat(shown.timeToFirstUpdate()).isEqualTo(Duration.ofMinutes(5)));

        // No known start of impact, no acknowledgement, leader, mitigation or resolution, a single update.
        assertThat(view.timeToDetect()).isNull();
        assertThat(view.timeToAcknowledge()).isNull();
        assertThat(view.timeToLeader()).isNull();
        assertThat(view.timeToMitigate()).isNull();
        assertThat(view.timeToResolve()).isNull();
        assertThat(view.timeToMitigateFromImpact()).isNull();
        assertThat(view.timeToResolveFromImpact()).isNull();
        assertThat(view.impactDuration()).isNull();
        assertThat(view.longestUpdateGap()).isNull();
        assertThat(view.recordingLag()).isNotNull();
        // A clock that started but never stopped still says where it started.
        assertThat(view.metric(StandardMetrics.TIME_TO_ACKNOWLEDGE)).hasValue(new MetricValueView(
                StandardMetrics.TIME_TO_ACKNOWLEDGE, 1, null, false, T, eventId(id, IncidentDeclared.class, 0),
                null, null));
    }

    @Test
    void flagsANegativeDurationAsInconsistent() {
        IncidentId id = declare(T, T.minusSeconds(2 * 60), T.minusSeconds(5 * 60), DetectionSource.MANUAL);
        // An alert that fired before the recorded start of impact: one of the two times is wrong.
        incidents.send(new LinkAlert(id, "alertmanager", "fp-9", "DiskFull", null, null, T.minusSeconds(10 * 60),
                null));

        IncidentMetricsView view = awaitMetrics(metrics, id,
                shown -> assertThat(shown.inconsistencies()).containsExactly(StandardMetrics.TIME_TO_DETECT));

        assertThat(view.timeToDetect()).isEqualTo(Duration.ofMinutes(-5));
        assertThat(view.metric(StandardMetrics.TIME_TO_DETECT)).hasValueSatisfying(value ->
                assertThat(value.inconsistent()).isTrue());
    }

    @Test
    void correctedMilestonesChangeEveryMetricThatDependsOnThem() {
        IncidentId id = declare(T, null, null, DetectionSource.MONITORING);
        incidents.send(new AcknowledgeIncident(id, "bob", T.plusSeconds(10 * 60), null));
        incidents.send(new MitigateIncident(id, "bob", "restarted", T.plusSeconds(40 * 60), null));
        incidents.send(new ResolveIncident(id, "bob", "fixed", T.plusSeconds(60 * 60), null));
        awaitMetrics(metrics, id, shown -> assertThat(shown.timeToResolve()).isEqualTo(Duration.ofMinutes(60)));

        // The retro finds the real start of impact, an earlier detection, and the real acknowledgement.
        correct(id, Milestone.IMPACT_STARTED, T.minusSeconds(30 * 60));
        correct(id, Milestone.DETECTED, T.minusSeconds(20 * 60));
        correct(id, Milestone.ACKNOWLEDGED, T.plusSeconds(2 * 60));
        correct(id, Milestone.MITIGATED, T.plusSeconds(35 * 60));
        IncidentMetricsView view = awaitMetrics(metrics, id,
                shown -> assertThat(shown.timeToMitigate()).isEqualTo(Duration.ofMinutes(35)));

        assertThat(view.timeToDetect()).isEqualTo(Duration.ofMinutes(10));
        assertThat(view.timeToAcknowledge()).isEqualTo(Duration.ofMinutes(2));
        assertThat(view.timeToMitigateFromImpact()).isEqualTo(Duration.ofMinutes(65));
        assertThat(view.timeToResolveFromImpact()).isEqualTo(Duration.ofMinutes(90));
        assertThat(view.impactDuration()).isEqualTo(Duration.ofMinutes(65));
        assertThat(view.metric(StandardMetrics.TIME_TO_DETECT)).hasValueSatisfying(value -> {
            assertThat(value.startEventId()).isEqualTo(eventId(id, MilestoneTimeRecorded.class, 0));
            assertThat(value.stopEventId()).isEqualTo(eventId(id, MilestoneTimeRecorded.class, 1));
        });

        // The impact is found to have ended after the mitigation.
        correct(id, Milestone.IMPACT_ENDED, T.plusSeconds(45 * 60));
        IncidentMetricsView ended = awaitMetrics(metrics, id,
                shown -> assertThat(shown.impactDuration()).isEqualTo(Duration.ofMinutes(75)));
        assertThat(ended.timeToMitigateFromImpact()).isEqualTo(Duration.ofMinutes(65));
    }

    @Test
    void followsAmendedStatusUpdatesAndKeepsRedactedOnes() {
        IncidentId id = declare(T, null, null, DetectionSource.ALERT);
        EntryId first = update(id, T.plusSeconds(10 * 60));
        EntryId second = update(id, T.plusSeconds(15 * 60));
        EntryId third = update(id, T.plusSeconds(40 * 60));
        incidents.send(new AddTimelineNote(id, EntryId.random(), "carol", "deploy went out", null,
                T.plusSeconds(70 * 60), null));
        awaitMetrics(metrics, id, shown -> assertThat(shown.longestUpdateGap()).isEqualTo(Duration.ofMinutes(25)));

        incidents.send(new AmendEntry(id, first, null, T.plusSeconds(5 * 60), "carol", "posted earlier", null, null));
        incidents.send(new AmendEntry(id, third, null, T.plusSeconds(20 * 60), "carol", "clock skew", null, null));
        incidents.send(new RedactEntry(id, second, "carol", "customer name", null, null));
        leader(id, T.plusSeconds(80 * 60));

        // Updates now at 5, 15 (redacted, still an update) and 20 minutes: gaps of 10 and 5 minutes.
        IncidentMetricsView view = awaitMetrics(metrics, id, shown -> assertThat(shown.timeToLeader()).isNotNull());
        assertThat(view.longestUpdateGap()).isEqualTo(Duration.ofMinutes(10));
        assertThat(view.timeToFirstUpdate()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void countsTheMitigationAndResolutionAfterAReopening() {
        IncidentId id = declare(T, null, null, DetectionSource.ALERT);
        update(id, T.plusSeconds(5 * 60));
        incidents.send(new MitigateIncident(id, "bob", "restarted", T.plusSeconds(10 * 60), null));
        update(id, T.plusSeconds(18 * 60));
        incidents.send(new ResolveIncident(id, "bob", "looks fine", T.plusSeconds(20 * 60), null));
        update(id, T.plusSeconds(25 * 60));
        awaitMetrics(metrics, id, shown -> assertThat(shown.timeToResolve()).isEqualTo(Duration.ofMinutes(20)));
        incidents.send(new ReopenIncident(id, "bob", "errors are back", T.plusSeconds(30 * 60), null));
        leader(id, T.plusSeconds(31 * 60));

        IncidentMetricsView reopened = awaitMetrics(metrics, id, shown -> assertThat(shown.timeToLeader()).isNotNull());
        assertThat(reopened.timeToResolve()).isNull();
        assertThat(reopened.timeToMitigate()).isNull();

        update(id, T.plusSeconds(40 * 60));
        incidents.send(new MitigateIncident(id, "bob", "rolled back", T.plusSeconds(50 * 60), null));
        incidents.send(new ResolveIncident(id, "bob", "fixed", T.plusSeconds(70 * 60), null));

        IncidentMetricsView view = awaitMetrics(metrics, id,
                shown -> assertThat(shown.timeToResolve()).isEqualTo(Duration.ofMinutes(70)));
        assertThat(view.timeToMitigate()).isEqualTo(Duration.ofMinutes(50));
        assertThat(view.metric(StandardMetrics.TIME_TO_MITIGATE)).hasValueSatisfying(value ->
                assertThat(value.stopEventId()).isEqualTo(eventId(id, IncidentMitigated.class, 1)));
        assertThat(view.metric(StandardMetrics.TIME_TO_RESOLVE)).hasValueSatisfying(value ->
                assertThat(value.stopEventId()).isEqualTo(eventId(id, IncidentResolved.class, 1)));
        // 5 -> 18 within the first open period; 18 -> 40 spans the time it was resolved and does not count.
        assertThat(view.longestUpdateGap()).isEqualTo(Duration.ofMinutes(13));
    }

    @Test
    void knowsWhenACustomerToldUsFirst() {
        IncidentId reportedEarly = declare(T, null, null, DetectionSource.MANUAL);
        incidents.send(new LinkCustomerReport(reportedEarly, "T-1", "acme", null, null, "support",
                T.minusSeconds(3 * 60), null));
        IncidentId declaredByCustomer = declare(T, null, null, DetectionSource.CUSTOMER);
        IncidentId alertFirst = declare(T, null, null, DetectionSource.MANUAL);
        incidents.send(new LinkAlert(alertFirst, "alertmanager", "fp-2", "Errors", null, null,
                T.minusSeconds(10 * 60), null));
        incidents.send(new LinkCustomerReport(alertFirst, "T-2", "acme", null, null, "support",
                T.minusSeconds(3 * 60), null));

        // Events of one incident are applied in order: once its last update is seen, everything before it is.
        assertThat(List.of(reportedEarly, declaredByCustomer, alertFirst)).map(id -> {
            update(id, T.plusSeconds(60));
            return awaitMetrics(metrics, id, shown -> assertThat(shown.timeToFirstUpdate()).isNotNull())
                    .customerFirst();
        }).containsExactly(true, true, false);
    }

    @Test
    void ignoresAnEventItHasAppliedAlready() {
        IncidentId id = declare(T, null, null, DetectionSource.ALERT);
        incidents.send(new AcknowledgeIncident(id, "bob", T.plusSeconds(60), null));
        awaitMetrics(metrics, id, shown -> assertThat(shown.timeToAcknowledge()).isEqualTo(Duration.ofMinutes(1)));

        // The acknowledgement delivered again (sequence 1), even with other content, changes nothing.
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> projection.on(
                new IncidentAcknowledged(id, "eve", T.plusSeconds(600), null), 1, "redelivered", Instant.now()));

        assertThat(metrics.incident(id).orElseThrow().timeToAcknowledge()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void answersAReportAgainUntilTheReadModelChanges() {
        Instant july = Instant.parse("2026-07-01T00:00:00Z");
        Instant august = Instant.parse("2026-08-01T00:00:00Z");
        IncidentId first = declare(july.plusSeconds(3600), null, null, DetectionSource.ALERT);
        awaitMetrics(metrics, first, shown -> assertThat(shown.declaredAt()).isNotNull());

        // The same report object again: answered from the cache. Incidents of other tests still being handled change
        // the read model meanwhile, so ask until two answers match.
        MetricsReportView report = await().atMost(Duration.ofSeconds(15)).until(
                () -> metrics.summarize(july, august, null, false),
                answer -> metrics.summarize(july, august, null, false) == answer);
        assertThat(report.groups()).extracting(MetricsGroupView::incidents).containsExactly(1L);

        declare(july.plusSeconds(7200), null, null, DetectionSource.ALERT);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                metrics.summarize(july, august, null, false).groups())
                .extracting(MetricsGroupView::incidents).containsExactly(2L));
    }

    @Test
    void knowsNothingOfAnUnknownIncident() {
        assertThat(metrics.incident(IncidentId.of("no-such-incident"))).isEmpty();
    }

    private IncidentId declare(Instant declaredAt, Instant detectedAt, Instant impactStartedAt,
                               DetectionSource detectedBy) {
        return incidents.declare(new DeclareIncident(null, "Checkout errors", Severity.SEV2, List.of("checkout"),
                detectedBy, detectedAt, impactStartedAt, "alice", false, declaredAt, null));
    }

    private EntryId update(IncidentId id, Instant at) {
        EntryId entryId = EntryId.random();
        incidents.send(new PostStatusUpdate(id, entryId, "bob", "Investigating", Visibility.INTERNAL, null, at,
                null));
        return entryId;
    }

    private void leader(IncidentId id, Instant at) {
        incidents.send(new AssignRole(id, Role.LEADER, "dave", "bob", at, null));
    }

    private void correct(IncidentId id, Milestone milestone, Instant time) {
        incidents.send(new RecordMilestoneTime(id, milestone, time, "carol", "found in the retro", null, null));
    }

    /** The identifier of the n-th stored event of this type in the incident's stream. */
    private String eventId(IncidentId id, Class<?> type, int n) {
        return eventStore.readEvents(id.value()).asStream().filter(event -> type.isInstance(event.getPayload()))
                .map(DomainEventMessage::getIdentifier).skip(n).findFirst().orElseThrow();
    }
}
