package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.*;
import dev.incidenttimeline.metrics.IncidentMetricsView;
import dev.incidenttimeline.metrics.MetricsQueries;
import dev.incidenttimeline.projections.IncidentQueries;
import dev.incidenttimeline.projections.TestHost;
import dev.incidenttimeline.timeline.EntryKind;
import dev.incidenttimeline.timeline.FindTimeline;
import dev.incidenttimeline.timeline.TimelineEntryView;
import dev.incidenttimeline.timeline.TimelineView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.incidenttimeline.timeline.EntryKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 3's "done when", told as the EV-charging outage of the seeds: an alert fires, someone acknowledges, a leader
 * is assigned, updates flow, a customer reports it (and is called back late), it is mitigated and resolved, the
 * postmortem is written and published; then the timeline (now and as known before a backdated note), the metrics and
 * the postmortem are what a person computing them by hand gets, and the published postmortem stays as it was.
 */
@SpringBootTest(classes = TestHost.class,
        properties = "spring.datasource.url=jdbc:h2:mem:charging-scenario;DB_CLOSE_DELAY=-1")
class ChargingOutageScenarioIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    IncidentGateway incidents;

    @Autowired
    IncidentQueries queries;

    @Autowired
    PostmortemQueries postmortems;

    @Autowired
    MetricsQueries metricsQueries;

    private static Instant at(String hhmm) {
        return Instant.parse("2025-03-03T" + hhmm + ":00Z");
    }

    @Test
    void recordsTheChargingOutageFromAlertToPublishedPostmortem() {
        IncidentId id = incidents.declare(new DeclareIncident(null, "Charging sessions fail to start", Severity.SEV2,
                List.of("charging-api"), DetectionSource.ALERT, at("21:28"), at("21:20"), "alertmanager", false,
                at("21:35"), null));
        incidents.send(new LinkAlert(id, "alertmanager", "fp-1", "ChargeSessionStartFailures",
                "Start failures above 20%", Map.of(), at("21:36"), null));
        incidents.send(new AcknowledgeIncident(id, "anna", at("21:42"), null));
        incidents.send(new AssignRole(id, Role.LEADER, "anna", "anna", at("21:45"), null));
        incidents.send(new AssignRole(id, Role.COMMUNICATOR, "ben", "anna", at("21:50"), null));
        incidents.send(new PostStatusUpdate(id, EntryId.random(), "ben", "We are investigating failed charging starts",
                Visibility.PUBLIC, List.of(), at("21:52"), null));
        incidents.send(new LinkCustomerReport(id, "T-4471", "Fleetco", "ops@fleetco.example", at("22:30"), "ben",
                at("22:05"), null));
        EntryId rollback = EntryId.random();
        incidents.send(new PostStatusUpdate(id, rollback, "anna", "Rolling back charge-api 4.12; token db password is "
                + "hunter2", Visibility.INTERNAL, List.of(), at("22:10"), null));
        incidents.send(new PinEntry(id, rollback, "anna", at("22:11"), null));
        incidents.send(new RecordImpact(id, List.of("charging-api", "mobile-app"), 42, 1800L,
                List.of("Fleetco", "CityCharge"), "anna", at("22:15"), null));
        incidents.send(new MitigateIncident(id, "anna", "Rolled back charge-api to 4.11", at("22:20"), null));
        incidents.send(new PostStatusUpdate(id, EntryId.random(), "ben", "Charging works again; we keep watching",
                Visibility.PUBLIC, List.of(), at("22:25"), null));
        // What the response policy sends when the promised callback time passes without a callback.
        incidents.send(new RecordMissedDeadline(id, DeadlineKind.CUSTOMER_CALLBACK, "T-4471", at("22:05"),
                at("22:30"), Duration.ofMinutes(25), "promise",
                RecordMissedDeadline.sourceIdOf(DeadlineKind.CUSTOMER_CALLBACK, "T-4471", at("22:30"))));
        incidents.send(new RecordCustomerCallback(id, "T-4471", "ben", "Told Fleetco the cause and the fix",
                at("22:45"), null));
        incidents.send(new ResolveIncident(id, "anna", "Fixed the session-token config; alerts cleared",
                at("22:50"), null));
        await().atMost(WAIT).until(() -> queries.timeline(FindTimeline.of(id)).entries().stream()
                .anyMatch(entry -> entry.kind() == RESOLVED));
        // The store keeps recorded times in milliseconds: the boundary is one, and the next event comes a
        // millisecond later, so "as known at the boundary" has everything before it and nothing after it.
        Instant beforeBackdatedNote = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        await().until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(beforeBackdatedNote));

        incidents.send(new AddTimelineNote(id, EntryId.random(), "anna", "charge-api 4.12 deployed", List.of(),
                at("21:18"), null));
        incidents.send(new StartPostmortem(id, "anna", Instant.parse("2025-03-04T10:00:00Z"), null));
        incidents.send(new WritePostmortemSummary(id, "A config change in charge-api 4.12 broke session tokens; "
                + "charging could not start for an hour.", "anna", Instant.parse("2025-03-04T10:05:00Z"), null));
        incidents.send(new RecordContributingFactor(id, "The token config is not validated at deploy", "anna",
                Instant.parse("2025-03-04T10:10:00Z"), null));
        incidents.send(new RecordContributingFactor(id, "# Alerting <script>alert(1)</script> | threshold | too high",
                "ben", Instant.parse("2025-03-04T10:11:00Z"), null));
        incidents.send(new RecordLessonLearned(id, "Roll back first, debug later", "anna",
                Instant.parse("2025-03-04T10:15:00Z"), null));
        ActionItemId validate = ActionItemId.of("AI-1");
        ActionItemId threshold = ActionItemId.of("AI-2");
        incidents.send(new AddActionItem(id, validate, "Validate token config in CI", "carl",
                LocalDate.parse("2025-03-14"), "anna", Instant.parse("2025-03-04T10:20:00Z"), null));
        incidents.send(new AddActionItem(id, threshold, "Lower the start-failure alert threshold", "ben",
                LocalDate.parse("2025-03-21"), "anna", Instant.parse("2025-03-04T10:21:00Z"), null));
        incidents.send(new CompleteActionItem(id, validate, "carl", Instant.parse("2025-03-05T08:00:00Z"), null));
        Instant beforePublication = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        incidents.send(new PublishPostmortem(id, "anna", Instant.parse("2025-03-05T09:00:00Z"), null));
        Instant afterPublication = Instant.now();
        await().atMost(WAIT).until(() -> postmortems.postmortem(FindPostmortem.of(id))
                .map(view -> view.postmortemStatus() == PostmortemStatus.PUBLISHED).orElse(false));
        await().atMost(WAIT).until(() -> queries.timeline(FindTimeline.of(id)).entries().stream()
                .anyMatch(entry -> entry.kind() == POSTMORTEM_PUBLISHED));
        await().atMost(WAIT).until(() -> metricsQueries.incident(id).map(m -> m.timeToResolve() != null)
                .orElse(false));
        PostmortemView published = postmortems.postmortem(new FindPostmortem(id, TimelineDetail.FULL, false))
                .orElseThrow();
        String publishedMarkdown = PostmortemMarkdown.render(published);

        // The timeline now, and as known before the backdated note was recorded.
        TimelineView now = queries.timeline(FindTimeline.of(id));
        assertThat(now.entries()).extracting(TimelineEntryView::kind).containsExactly(NOTE, IMPACT_STARTED, DETECTED,
                DECLARED, ALERT_LINKED, ACKNOWLEDGED, ROLE_ASSIGNED, ROLE_ASSIGNED, STATUS_UPDATE,
                CUSTOMER_REPORT_LINKED, STATUS_UPDATE, IMPACT_RECORDED, MITIGATED, STATUS_UPDATE, DEADLINE_MISSED,
                CUSTOMER_CALLED_BACK, RESOLVED, POSTMORTEM_STARTED, POSTMORTEM_PUBLISHED);
        assertThat(now.entries().get(0).occurredAt()).isEqualTo(at("21:18"));
        TimelineView then = queries.timeline(FindTimeline.of(id).asKnownAt(beforeBackdatedNote));
        assertThat(then.entries()).extracting(TimelineEntryView::kind).containsExactly(IMPACT_STARTED, DETECTED,
                DECLARED, ALERT_LINKED, ACKNOWLEDGED, ROLE_ASSIGNED, ROLE_ASSIGNED, STATUS_UPDATE,
                CUSTOMER_REPORT_LINKED, STATUS_UPDATE, IMPACT_RECORDED, MITIGATED, STATUS_UPDATE, DEADLINE_MISSED,
                CUSTOMER_CALLED_BACK, RESOLVED);
        assertThat(then.entries()).extracting(TimelineEntryView::occurredAt).containsExactly(at("21:20"),
                at("21:28"), at("21:35"), at("21:36"), at("21:42"), at("21:45"), at("21:50"), at("21:52"),
                at("22:05"), at("22:10"), at("22:15"), at("22:20"), at("22:25"), at("22:30"), at("22:45"),
                at("22:50"));
        assertThat(entry(now, DEADLINE_MISSED).text()).contains("T-4471").contains("25 min allowed");

        // The metrics, computed by hand.
        IncidentMetricsView metrics = metricsQueries.incident(id).orElseThrow();
        assertThat(metrics.timeToDetect()).isEqualTo(Duration.ofMinutes(8)); // detected 21:28 − impact 21:20
        assertThat(metrics.timeToAcknowledge()).isEqualTo(Duration.ofMinutes(7)); // ack 21:42 − declared 21:35
        assertThat(metrics.timeToLeader()).isEqualTo(Duration.ofMinutes(10)); // leader 21:45 − declared 21:35
        assertThat(metrics.timeToFirstUpdate()).isEqualTo(Duration.ofMinutes(17)); // update 21:52 − declared 21:35
        assertThat(metrics.timeToMitigate()).isEqualTo(Duration.ofMinutes(45)); // mitigated 22:20 − declared 21:35
        assertThat(metrics.timeToResolve()).isEqualTo(Duration.ofMinutes(75)); // resolved 22:50 − declared 21:35
        assertThat(metrics.impactDuration()).isEqualTo(Duration.ofMinutes(60)); // mitigated 22:20 − impact 21:20
        // updates at 21:52, 22:10, 22:25: gaps 18 and 15 minutes
        assertThat(metrics.longestUpdateGap()).isEqualTo(Duration.ofMinutes(18));
        assertThat(metrics.customerFirst()).isFalse(); // the alert (21:28) before the customer (22:05)
        // one breach: Fleetco's callback promised by 22:30, made at 22:45
        assertThat(metrics.missedDeadlines()).isEqualTo(Map.of(DeadlineKind.CUSTOMER_CALLBACK, 1));

        // The postmortem, published: frozen at the publication's recorded time.
        assertThat(published.knownAt()).isBetween(beforePublication, afterPublication);
        assertThat(published.title()).isEqualTo("Charging sessions fail to start");
        assertThat(published.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(published.publishedBy()).isEqualTo("anna");
        assertThat(published.changedAfterPublication()).isFalse();
        assertThat(published.keyDurations()).isEqualTo(new KeyDurationsView(Duration.ofMinutes(8),
                Duration.ofMinutes(7), Duration.ofMinutes(10), Duration.ofMinutes(17), Duration.ofMinutes(45),
                Duration.ofMinutes(75), Duration.ofMinutes(60), Duration.ofMinutes(18)));
        assertThat(published.impact().duration()).isEqualTo(Duration.ofMinutes(60));
        assertThat(published.detection().timeToDetect()).isEqualTo(Duration.ofMinutes(8));
        assertThat(published.dates()).isEqualTo(new PostmortemDatesView(at("21:35"), at("21:20"), at("21:28"),
                at("21:42"), at("22:20"), at("22:50"), null, Instant.parse("2025-03-05T09:00:00Z")));
        assertThat(published.participants()).containsExactly(
                new ParticipantView("alertmanager", at("21:35"), List.of()),
                new ParticipantView("anna", at("21:42"), List.of(new RoleSpellView("LEADER", at("21:45"), null))),
                new ParticipantView("ben", at("21:50"),
                        List.of(new RoleSpellView("COMMUNICATOR", at("21:50"), null))));
        assertThat(published.impact().services()).containsExactly("charging-api", "mobile-app");
        assertThat(published.impact().customersAffected()).isEqualTo(42);
        assertThat(published.impact().usersAffected()).isEqualTo(1800L);
        assertThat(published.impact().affectedCustomers()).containsExactly("Fleetco", "CityCharge");
        assertThat(published.detection().source()).isEqualTo(DetectionSource.ALERT);
        assertThat(published.detection().firstAlert()).isEqualTo("ChargeSessionStartFailures");
        assertThat(published.detection().customerFirst()).isFalse();
        assertThat(published.mitigation()).isEqualTo(new ResponseStepView(at("22:20"), "anna",
                "Rolled back charge-api to 4.11"));
        assertThat(published.resolution()).isEqualTo(new ResponseStepView(at("22:50"), "anna",
                "Fixed the session-token config; alerts cleared"));
        assertThat(published.responsePace()).containsExactly(new MissedDeadlineView(DeadlineKind.CUSTOMER_CALLBACK,
                "T-4471", at("22:05"), at("22:30"), Duration.ofMinutes(25), "promise"));
        assertThat(published.customerReports()).containsExactly(new CustomerReportView("T-4471", "Fleetco",
                at("22:05"), at("22:30"), at("22:45"), "ben", "Told Fleetco the cause and the fix", true));
        assertThat(published.contributingFactors()).hasSize(2);
        assertThat(published.lessonsLearned()).containsExactly("Roll back first, debug later");
        assertThat(published.actionItems()).containsExactly(
                new ActionItemView("AI-1", "Validate token config in CI", "carl", LocalDate.parse("2025-03-14"),
                        true, Instant.parse("2025-03-05T08:00:00Z")),
                new ActionItemView("AI-2", "Lower the start-failure alert threshold", "ben",
                        LocalDate.parse("2025-03-21"), false, null));
        assertThat(published.timeline()).extracting(TimelineEntryView::kind).containsExactlyElementsOf(
                now.entries().stream().map(TimelineEntryView::kind).toList());
        PostmortemView significant = postmortems.postmortem(FindPostmortem.of(id)).orElseThrow();
        assertThat(significant.timeline()).extracting(TimelineEntryView::kind).containsExactly(IMPACT_STARTED,
                DETECTED, DECLARED, ACKNOWLEDGED, CUSTOMER_REPORT_LINKED, STATUS_UPDATE, MITIGATED, DEADLINE_MISSED,
                RESOLVED);
        PostmortemView publicOnly = postmortems.postmortem(new FindPostmortem(id, TimelineDetail.SIGNIFICANT, true))
                .orElseThrow();
        assertThat(publicOnly.timeline()).extracting(TimelineEntryView::text).containsExactly(
                "We are investigating failed charging starts", "Charging works again; we keep watching");

        // After publication: a note, a redaction of a pinned update, an action item done.
        incidents.send(new AddTimelineNote(id, EntryId.random(), "ben", "Fleetco asked for a credit", List.of(),
                null, null));
        incidents.send(new RedactEntry(id, rollback, "anna", "a password in the text", null, null));
        incidents.send(new CompleteActionItem(id, threshold, "ben", null, null));
        await().atMost(WAIT).until(() -> postmortems.postmortem(FindPostmortem.of(id))
                .map(PostmortemView::changedAfterPublication).orElse(false));
        await().atMost(WAIT).until(() -> entry(queries.timeline(FindTimeline.of(id)), STATUS_UPDATE, rollback)
                .redacted());
        await().atMost(WAIT).until(() -> queries.timeline(FindTimeline.of(id)).entries().size()
                == now.entries().size() + 1);

        PostmortemView later = postmortems.postmortem(new FindPostmortem(id, TimelineDetail.FULL, false))
                .orElseThrow();
        assertThat(later.knownAt()).isEqualTo(published.knownAt());
        assertThat(later.timeline()).hasSameSizeAs(published.timeline());
        assertThat(later.actionItems()).isEqualTo(published.actionItems());
        assertThat(later.contributingFactors()).isEqualTo(published.contributingFactors());
        TimelineEntryView redacted = entry(later, rollback);
        assertThat(redacted.redacted()).isTrue();
        assertThat(redacted.text()).isNull();
        String laterMarkdown = PostmortemMarkdown.render(later);
        assertThat(laterMarkdown).doesNotContain("hunter2").doesNotContain("Fleetco asked for a credit");
        assertThat(publishedMarkdown).contains("hunter2");
        assertThat(laterMarkdown.replace("_redacted_", "Rolling back charge-api 4.12; token db password is "
                + "hunter2")).isEqualTo(publishedMarkdown);

        // The stakeholder summary is about now.
        StakeholderSummaryView summary = postmortems.stakeholderSummary(id).orElseThrow();
        assertThat(summary.began()).isEqualTo(at("21:20"));
        assertThat(summary.ended()).isEqualTo(at("22:50"));
        assertThat(summary.team()).containsExactly(new TeamMemberView("LEADER", "anna"),
                new TeamMemberView("COMMUNICATOR", "ben"));
        assertThat(summary.affectedCustomers()).containsExactly("Fleetco", "CityCharge");
        assertThat(summary.nextSteps()).isEmpty();
        assertThat(summary.latestUpdate()).isEqualTo("Charging works again; we keep watching");
        assertThat(StakeholderSummaryText.plainText(summary)).startsWith(
                "Subject: Charging sessions fail to start, 2025-03-03 21:20 UTC\n");
    }

    private static TimelineEntryView entry(TimelineView view, EntryKind kind) {
        return view.entries().stream().filter(entry -> entry.kind() == kind).findFirst().orElseThrow();
    }

    private static TimelineEntryView entry(TimelineView view, EntryKind kind, EntryId entryId) {
        return view.entries().stream().filter(entry -> entry.kind() == kind && entryId.equals(entry.entryId()))
                .findFirst().orElseThrow();
    }

    private static TimelineEntryView entry(PostmortemView view, EntryId entryId) {
        return view.timeline().stream().filter(entry -> entryId.equals(entry.entryId())).findFirst().orElseThrow();
    }
}
