package dev.incidenttimeline.embedding;

import dev.incidenttimeline.incident.Incident;
import dev.incidenttimeline.incident.api.*;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A long incident is snapshotted, and an incident loaded from its snapshot (not from its cached instance) still
 * knows everything its rules need: the source ids it has seen, its entries, roles, tasks, alerts and lifecycle.
 */
@SpringBootTest(classes = IncidentSnapshotIntegrationTest.Host.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:incident-snapshots;DB_CLOSE_DELAY=-1",
        "incident.core.snapshot-threshold=5",
        // No response deadlines: a missed one would append an event to the incidents these tests count.
        "incident.core.policies.enabled=false"})
class IncidentSnapshotIntegrationTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {
    }

    private static final Instant T0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    private static final EntryId UPDATE = EntryId.of("update-1");
    private static final EntryId NOTE = EntryId.of("note-1");
    private static final TaskId ROLLBACK = TaskId.of("task-rollback");

    @Autowired
    IncidentGateway incidents;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("incidentCache")
    Cache incidentCache;

    @Autowired
    SnapshotThread snapshotThread;

    @Autowired
    Snapshotter snapshotter;

    private static Instant at(int minutes) {
        return T0.plus(minutes, ChronoUnit.MINUTES);
    }

    @Test
    void loadsALongIncidentFromItsSnapshotWithEverythingItsRulesNeed() {
        IncidentId id = IncidentId.random();
        incidents.declare(new DeclareIncident(id, "Card payments failing", Severity.SEV2, List.of("payments"),
                DetectionSource.ALERT, null, null, "alice", false, T0, "alertmanager:4f2a"));
        incidents.send(new PostStatusUpdate(id, UPDATE, "bob", "Rolling back", Visibility.INTERNAL, null, at(10),
                "slack:C024BE91L:1.1"));
        incidents.send(new AddTimelineNote(id, NOTE, "carol", "Card number 4111 in the logs", null, at(11), null));
        incidents.send(new RedactEntry(id, NOTE, "alice", "card number", at(12), null));
        incidents.send(new PinEntry(id, UPDATE, "bob", at(13), null));
        // The threshold is passed: a snapshot holds the five events above; the next ones follow it in the stream.
        incidents.send(new AcknowledgeIncident(id, "bob", at(14), null));
        incidents.send(new AssignRole(id, Role.LEADER, "bob", "alice", at(15), null));
        incidents.send(new AssignTask(id, ROLLBACK, "Roll payments back", "dave", "bob", at(16), null));
        incidents.send(new LinkAlert(id, "alertmanager", "4f2a", "PaymentErrorRate", null, Map.of(), at(0), null));

        await().untilAsserted(() -> assertThat(snapshots(id)).isEqualTo(1));
        String snapshot = new String(jdbc.queryForObject(
                "select payload from snapshot_event_entry where aggregate_identifier = ?", byte[].class,
                id.value()), StandardCharsets.UTF_8);
        assertThat(snapshot).contains(id.value(), "slack:C024BE91L:1.1", "alertmanager:4f2a", "update-1", "note-1",
                "\"redacted\":true", "\"pinned\":true");

        incidentCache.removeAll();
        assertThat(eventStore.readEvents(id.value()).asStream().findFirst().map(EventMessage::getPayload))
                .containsInstanceOf(Incident.class);
        int eventsBefore = events(id).size();

        // Redelivered and repeated facts still add nothing.
        incidents.send(new PostStatusUpdate(id, UPDATE, "bob", "Rolling back", Visibility.INTERNAL, null, at(10),
                "slack:C024BE91L:1.1"));
        incidents.send(new AssignRole(id, Role.LEADER, "bob", "alice", at(20), null));
        incidents.send(new PinEntry(id, UPDATE, "bob", at(20), null));
        incidents.send(new LinkAlert(id, "alertmanager", "4f2a", "PaymentErrorRate", null, Map.of(), at(20), null));
        incidents.declare(new DeclareIncident(id, "Card payments failing", Severity.SEV2, List.of("payments"),
                DetectionSource.ALERT, null, null, "alice", false, T0, "alertmanager:4f2a"));
        assertThat(events(id)).hasSize(eventsBefore);

        // The rules still see the entries, ids and time of declaration.
        assertRejected(() -> incidents.send(new AmendEntry(id, NOTE, "Payments deployed", null, "carol", null, null,
                null)), ErrorCode.ENTRY_REDACTED);
        assertRejected(() -> incidents.send(new AddTimelineNote(id, UPDATE, "carol", "x", null, null, null)),
                ErrorCode.INVALID_INPUT);
        assertRejected(() -> incidents.send(new MitigateIncident(id, "bob", "Rolled back", T0.minusSeconds(1),
                null)), ErrorCode.TIME_OUT_OF_ORDER);
        assertThat(events(id)).hasSize(eventsBefore);

        incidents.send(new UnpinEntry(id, UPDATE, "bob", at(21), null));
        incidents.send(new CompleteTask(id, ROLLBACK, "dave", at(22), null));
        incidents.send(new ResolveAlert(id, "alertmanager", "4f2a", at(23), null));
        incidents.send(new MitigateIncident(id, "bob", "Rolled back", at(24), null));
        incidents.send(new ResolveIncident(id, "bob", "Fixed", at(30), null));
        assertRejected(() -> incidents.send(new ResolveIncident(id, "bob", "Fixed", at(31), null)),
                ErrorCode.INVALID_TRANSITION);

        assertThat(events(id).subList(eventsBefore, eventsBefore + 5))
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("EntryUnpinned", "TaskCompleted", "AlertResolved", "IncidentMitigated",
                        "IncidentResolved");
        assertThat(events(id)).hasSize(eventsBefore + 5);
    }

    @Test
    void handlesAValidCommandAfterARejectedOneOnTheCachedIncident() {
        IncidentId id = incidents.declare(new DeclareIncident(null, "Search is slow", Severity.SEV3,
                List.of("search"), DetectionSource.MONITORING, null, null, "alice", false, T0, null));
        incidents.send(new PostStatusUpdate(id, UPDATE, "alice", "Looking into it", Visibility.PUBLIC, null, at(5),
                null));

        assertRejected(() -> incidents.send(new AmendEntry(id, UPDATE, "Reindexing", at(600), "alice", null, null,
                null)), ErrorCode.TIME_IN_FUTURE);
        assertRejected(() -> incidents.send(new CloseIncident(id, "alice", null, null)),
                ErrorCode.INVALID_TRANSITION);
        incidents.send(new AmendEntry(id, UPDATE, "Reindexing", null, "alice", null, at(6), null));

        assertThat(events(id)).extracting(Object::getClass).containsExactly(IncidentDeclared.class,
                StatusUpdatePosted.class, EntryAmended.class);
        EntryAmended amended = (EntryAmended) events(id).get(2);
        assertThat(amended.previousText()).isEqualTo("Looking into it");
        assertThat(amended.newTime()).isEqualTo(at(5));
    }

    @Test
    void aCommandThatCrossesTheThresholdDoesNotWaitForTheSnapshot() throws InterruptedException {
        CountDownLatch snapshotThreadBusy = new CountDownLatch(1);
        snapshotThread.execute(() -> {
            try {
                snapshotThreadBusy.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        IncidentId id;
        try {
            id = incidents.declare(new DeclareIncident(null, "Queue backlog", Severity.SEV3, List.of("queue"),
                    DetectionSource.MONITORING, null, null, "alice", false, T0, null));
            for (int i = 0; i < 6; i++) {
                incidents.send(new AddTimelineNote(id, EntryId.random(), "bob", "Note " + i, null, at(i + 1), null));
            }

            // The threshold (5) was crossed and every command has returned: the snapshot waits for its thread.
            assertThat(snapshots(id)).isZero();
        } finally {
            snapshotThreadBusy.countDown();
        }
        await().untilAsserted(() -> assertThat(snapshots(id)).isEqualTo(1));
    }

    @Test
    void aSnapshotAskedForWhileACommandPreparesItsCommitIsTakenOnceItHasCommitted() {
        IncidentId id = incidents.declare(new DeclareIncident(null, "Login slow", Severity.SEV3, List.of("login"),
                DetectionSource.MONITORING, null, null, "alice", false, T0, null));
        incidents.send(new AddTimelineNote(id, EntryId.random(), "bob", "Looking", null, at(1), null));
        incidents.send(new AddTimelineNote(id, EntryId.random(), "bob", "Still looking", null, at(2), null));
        List<Integer> snapshotsBeforeTheCommit = new ArrayList<>();

        // As Axon's trigger asks for an incident loaded from the store: while the unit of work prepares its commit.
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("command"));
        unitOfWork.onPrepareCommit(u -> {
            snapshotter.scheduleSnapshot(Incident.class, id.value());
            everythingQueuedHasRun();
            snapshotsBeforeTheCommit.add(snapshots(id));
        });
        unitOfWork.commit();

        assertThat(snapshotsBeforeTheCommit).containsExactly(0);
        await().untilAsserted(() -> assertThat(snapshots(id)).isEqualTo(1));
    }

    /** The thread runs its tasks in order: once a task queued now has run, so has every task queued before it. */
    private void everythingQueuedHasRun() {
        CountDownLatch ran = new CountDownLatch(1);
        snapshotThread.execute(ran::countDown);
        try {
            assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private int snapshots(IncidentId id) {
        return jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                Integer.class, id.value());
    }

    /** The incident's events, without any snapshot. */
    private List<Object> events(IncidentId id) {
        return eventStore.readEvents(id.value(), 0).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    private static void assertRejected(Runnable command, ErrorCode code) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(IncidentRejected.class,
                rejected -> assertThat(rejected.code()).isEqualTo(code));
    }
}
