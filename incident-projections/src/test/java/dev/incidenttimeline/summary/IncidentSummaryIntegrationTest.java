package dev.incidenttimeline.summary;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.*;
import dev.incidenttimeline.projections.IncidentQueries;
import dev.incidenttimeline.projections.TestHost;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = TestHost.class,
        properties = "spring.datasource.url=jdbc:h2:mem:summary-test;DB_CLOSE_DELAY=-1")
class IncidentSummaryIntegrationTest {

    private static final Instant T0 = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    IncidentGateway incidents;

    @Autowired
    IncidentQueries queries;

    @Test
    void listsAndFiltersIncidentsAndShowsOneIncidentsState() {
        String tag = IncidentId.random().value().substring(0, 8);
        IncidentId payments = incidents.declare(new DeclareIncident(null, "Payments down " + tag, Severity.SEV1,
                List.of("payments-" + tag), DetectionSource.CUSTOMER, null, T0.minusSeconds(900), "alice", false, T0,
                null));
        IncidentId search = incidents.declare(new DeclareIncident(null, "Search slow " + tag, Severity.SEV3,
                List.of("search-" + tag), DetectionSource.ALERT, null, null, "bob", false, T0.plusSeconds(3600),
                null));
        IncidentId batch = incidents.declare(new DeclareIncident(null, "Batch late " + tag, Severity.SEV4,
                List.of("batch-" + tag), DetectionSource.MONITORING, null, null, "carol", false,
                T0.plus(2, ChronoUnit.DAYS), null));
        incidents.send(new AcknowledgeIncident(payments, "dave", T0.plusSeconds(120), null));
        incidents.send(new AssignRole(payments, Role.LEADER, "erin", "dave", T0.plusSeconds(180), null));
        incidents.send(new AssignRole(payments, Role.COMMUNICATOR, "frank", "erin", T0.plusSeconds(200), null));
        incidents.send(new AssignRole(payments, Role.LEADER, "grace", "erin", T0.plusSeconds(1800), null));
        incidents.send(new AssignTask(payments, TaskId.of("roll-back"), "Roll back 2.41", "heidi", "grace",
                T0.plusSeconds(240), null));
        incidents.send(new AssignTask(payments, TaskId.of("tell-bank"), "Call the acquiring bank", "ivan", "grace",
                T0.plusSeconds(250), null));
        incidents.send(new CompleteTask(payments, TaskId.of("roll-back"), "heidi", T0.plusSeconds(900), null));
        incidents.send(new RecordImpact(payments, List.of("checkout-" + tag), 120, 40_000L, List.of(), "erin",
                T0.plusSeconds(1000), null));
        incidents.send(new MitigateIncident(payments, "heidi", "rolled back", T0.plusSeconds(1200), null));
        incidents.send(new ChangeSeverity(search, Severity.SEV2, "spreading to the API", "bob",
                T0.plusSeconds(4000), null));
        incidents.send(new ResolveIncident(batch, "carol", "caught up", T0.plus(2, ChronoUnit.DAYS)
                .plusSeconds(600), null));

        await().atMost(Duration.ofSeconds(20)).until(() -> queries.incident(payments)
                .map(detail -> detail.summary().status() == IncidentStatus.MITIGATED).orElse(false)
                && queries.incident(search).map(detail -> detail.summary().severity() == Severity.SEV2).orElse(false)
                && queries.incident(batch).map(detail -> detail.summary().status() == IncidentStatus.RESOLVED)
                .orElse(false));

        ListIncidents mine = ListIncidents.all().declaredBetween(T0, T0.plus(3, ChronoUnit.DAYS));
        assertThat(queries.incidents(mine.withService("search-" + tag)))
                .extracting(IncidentSummaryView::incidentId).containsExactly(search);
        assertThat(queries.incidents(mine.withService("checkout-" + tag)))
                .extracting(IncidentSummaryView::incidentId).containsExactly(payments);
        assertThat(queries.incidents(mine.withStatuses(Set.of(IncidentStatus.RESOLVED))))
                .extracting(IncidentSummaryView::incidentId).contains(batch).doesNotContain(payments, search);
        assertThat(queries.incidents(mine.withSeverities(Set.of(Severity.SEV1, Severity.SEV2))))
                .extracting(IncidentSummaryView::incidentId).contains(payments, search).doesNotContain(batch);
        assertThat(queries.incidents(mine.withDetectedBy(Set.of(DetectionSource.CUSTOMER))))
                .extracting(IncidentSummaryView::incidentId).contains(payments).doesNotContain(search, batch);
        assertThat(queries.incidents(ListIncidents.all().declaredBetween(T0, T0.plusSeconds(3600))))
                .extracting(IncidentSummaryView::incidentId).contains(payments).doesNotContain(search, batch);
        assertThat(queries.incidents(mine.withService("payments-" + tag)))
                .singleElement().satisfies(summary -> {
                    assertThat(summary.leader()).isEqualTo("grace");
                    assertThat(summary.openTasks()).isEqualTo(1);
                    assertThat(summary.services()).containsExactly("checkout-" + tag, "payments-" + tag);
                    assertThat(summary.declaredAt()).isEqualTo(T0);
                });

        IncidentDetailView detail = queries.incident(payments).orElseThrow();
        assertThat(detail.declaredBy()).isEqualTo("alice");
        assertThat(detail.roles()).containsExactly(
                new RoleView(Role.COMMUNICATOR, "frank", T0.plusSeconds(200)),
                new RoleView(Role.LEADER, "grace", T0.plusSeconds(1800)));
        assertThat(detail.openTasks()).containsExactly(new TaskView(TaskId.of("tell-bank"),
                "Call the acquiring bank", "ivan", T0.plusSeconds(250), null, null));
        assertThat(detail.completedTasks()).extracting(TaskView::taskId).containsExactly(TaskId.of("roll-back"));
        assertThat(detail.milestones()).containsExactly(
                new MilestoneView(Milestone.IMPACT_STARTED, T0.minusSeconds(900)),
                new MilestoneView(Milestone.DETECTED, T0),
                new MilestoneView(Milestone.ACKNOWLEDGED, T0.plusSeconds(120)),
                new MilestoneView(Milestone.MITIGATED, T0.plusSeconds(1200)),
                new MilestoneView(Milestone.RESOLVED, null),
                new MilestoneView(Milestone.IMPACT_ENDED, null));
        assertThat(detail.customersAffected()).isEqualTo(120);
        assertThat(detail.usersAffected()).isEqualTo(40_000L);
    }

    @Test
    void findsNothingForAnUnknownIncident() {
        assertThat(queries.incident(IncidentId.of("no-such-incident"))).isEmpty();
    }
}
