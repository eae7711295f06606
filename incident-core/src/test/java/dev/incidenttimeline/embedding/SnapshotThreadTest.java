package dev.incidenttimeline.embedding;

import dev.incidenttimeline.incident.Incident;
import dev.incidenttimeline.privacy.ErasureLock;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** When the snapshot thread takes a snapshot that a command's unit of work asked for. */
class SnapshotThreadTest {

    private final SnapshotThread snapshotThread = new SnapshotThread(new ErasureLock());
    private final List<String> taken = new CopyOnWriteArrayList<>();
    /** The command's unit of work, if any: the snapshotter notes whether it had committed when the snapshot ran. */
    private volatile UnitOfWork<?> command;
    private final Snapshotter snapshotter = snapshotThread.inBackground((type, id) -> taken.add(
            command != null && command.phase().isAfter(UnitOfWork.Phase.COMMIT) ? id + ", committed" : id));

    @AfterEach
    void stop() {
        snapshotThread.destroy();
    }

    @Test
    void aSnapshotAskedForBeforeTheCommitIsTakenOnlyAfterIt() {
        List<String> takenBeforeTheCommit = new ArrayList<>();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("command"));
        command = unitOfWork;
        // As Axon's trigger asks for an incident loaded from the store: while the unit of work prepares its commit.
        unitOfWork.onPrepareCommit(u -> {
            snapshotter.scheduleSnapshot(Incident.class, "incident-1");
            everythingQueuedHasRun();
            takenBeforeTheCommit.addAll(taken);
        });
        unitOfWork.commit();

        assertThat(takenBeforeTheCommit).isEmpty();
        await().untilAsserted(() -> assertThat(taken).containsExactly("incident-1, committed"));
    }

    @Test
    void aSnapshotAskedForOutsideAUnitOfWorkIsQueuedAtOnce() {
        snapshotter.scheduleSnapshot(Incident.class, "incident-2");
        everythingQueuedHasRun();

        assertThat(taken).containsExactly("incident-2");
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
}
