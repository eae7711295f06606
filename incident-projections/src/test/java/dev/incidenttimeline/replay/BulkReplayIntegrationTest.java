package dev.incidenttimeline.replay;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.AddTimelineNote;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.incident.api.TimelineNoteAdded;
import dev.incidenttimeline.projections.ProjectionGroup;
import dev.incidenttimeline.projections.ReadModelResets;
import dev.incidenttimeline.projections.TestHost;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A replay rebuilds the models from one read of the store in batches while the processors stay stopped: commands
 * handled meanwhile are not lost, and a handler that fails dead-letters its incident as under the processor.
 */
@SpringBootTest(classes = {TestHost.class, BulkReplayIntegrationTest.FragileModel.class}, properties = {
        "spring.datasource.url=jdbc:h2:mem:bulk-replay-test;DB_CLOSE_DELAY=-1",
        "incident.projections.replay-batch-size=3",
        "incident.core.policies.enabled=false"})
class BulkReplayIntegrationTest {

    private static final Instant T0 = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    private static final String POISON = "Poison pill";

    @Autowired
    IncidentGateway incidents;

    @Autowired
    ProjectionReplayer replayer;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    Fragile fragile;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    TransactionManager transactionManager;

    @Autowired
    ReadModelResets readModelResets;

    @Autowired
    Serializer serializer;

    @Test
    void keepsTheEventsStoredWhileItRebuilds() {
        IncidentId before = declareWithNotes("Before", 6);
        for (int i = 1; i < 4; i++) {
            declareWithNotes("Before " + i, 6);
        }
        await().atMost(Duration.ofSeconds(30)).until(replayer::isCaughtUp);

        replayer.replayAll();
        // Stored while the models are being rebuilt (batches of 3 events): the processors must pick these up.
        IncidentId during = declareWithNotes("During the replay", 6);
        await().atMost(Duration.ofSeconds(30)).until(replayer::isCaughtUp);

        assertThat(entries(during)).isPositive().isEqualTo(entries(before));
        assertThat(jdbc.queryForObject("select count(*) from incident_summary where incident_id = ?", Long.class,
                during.value())).isEqualTo(1);
        List<Map<String, Object>> afterTheBusyReplay = timeline();
        replayer.replayAll();
        await().atMost(Duration.ofSeconds(30)).until(replayer::isCaughtUp);
        assertThat(timeline()).isEqualTo(afterTheBusyReplay);
    }

    @Test
    void deadLettersTheIncidentAHandlerFailsOnAndRebuildsTheOthers() {
        IncidentId healthy = declareWithNotes("Healthy", 2);
        IncidentId poisoned = declareWithNotes(POISON, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> replayer.isCaughtUp(Fragile.GROUP));
        assertThat(fragile.handled).contains("Healthy", POISON);

        fragile.poisonFails = true;
        replayer.replay(Fragile.GROUP);
        await().atMost(Duration.ofSeconds(30)).until(() -> replayer.isCaughtUp(Fragile.GROUP));

        // Every event stored is replayed, also those of other tests; of these two incidents only the healthy one.
        assertThat(fragile.handled).contains("Healthy").doesNotContain(POISON, "note on " + poisoned.value())
                .filteredOn(("note on " + healthy.value())::equals).hasSize(2);
        SequencedDeadLetterQueue<?> deadLetters = processing.deadLetterQueue(Fragile.GROUP).orElseThrow();
        assertThat(deadLetters.amountOfSequences()).isEqualTo(1);
        // The failed declaration and the two notes that followed it, in order, behind it in the queue.
        assertThat(deadLetters.sequenceSize(poisoned.value())).isEqualTo(3);
    }

    @Test
    void refusesASecondReplayWhileOneRebuildsAndStopsOrResetsNothing() {
        declareWithNotes("Before the held one", 1);
        declareWithNotes("Held while a second replay is asked for", 1);
        await().atMost(Duration.ofSeconds(30)).until(replayer::isCaughtUp);
        fragile.holdAt("Held while a second replay is asked for");
        try {
            replayer.replay(Fragile.GROUP);
            await().atMost(Duration.ofSeconds(30)).until(() -> fragile.holding);
            List<String> rebuiltSoFar = List.copyOf(fragile.handled);

            assertThatThrownBy(replayer::replayAll).isInstanceOf(ReplayUnderWayException.class);

            assertThat(rebuiltSoFar).contains("Before the held one");
            assertThat(fragile.handled).as("not reset by the refused replay").containsAll(rebuiltSoFar);
            assertThat(processing.eventProcessorByProcessingGroup("timeline", StreamingEventProcessor.class)
                    .orElseThrow().isRunning()).as("the timeline's processor, not stopped").isTrue();
            assertThat(replayer.isReplaying()).isTrue();
            assertThat(replayer.isCaughtUp()).isFalse();
        } finally {
            fragile.hold.countDown();
        }
        await().atMost(Duration.ofSeconds(30)).until(replayer::isCaughtUp);
        assertThat(replayer.isReplaying()).isFalse();
        assertThat(fragile.handled).contains("Held while a second replay is asked for");
        fragile.hold = null;
    }

    @Test
    void aReplayWhoseTokensAnotherNodeHoldsIsRefusedAndTheProcessorGoesOn() {
        declareWithNotes("Before another node took over", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> replayer.isCaughtUp(Fragile.GROUP));
        StreamingEventProcessor processor = fragileProcessor();
        processor.shutDown();
        // As if another node had claimed every segment meanwhile (its claim is fresh).
        jdbc.update("update token_entry set owner = 'another-node', timestamp = ? where processor_name = ?",
                Instant.now().toString(), Fragile.GROUP);
        List<String> before = List.copyOf(fragile.handled);

        try {
            assertThatThrownBy(() -> replayer.replay(Fragile.GROUP))
                    .isInstanceOf(UnableToClaimTokenException.class);

            assertThat(processor.isRunning()).as("the processor, started again").isTrue();
            assertThat(replayer.isReplaying()).isFalse();
            assertThat(fragile.handled).as("not reset").isEqualTo(before);
        } finally {
            jdbc.update("update token_entry set owner = null where processor_name = ?", Fragile.GROUP);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> replayer.isCaughtUp(Fragile.GROUP));
    }

    @Test
    void aRebuildStoppedByShutDownIsCarriedOnByTheProcessorWithEveryEventHandledOnce() throws Exception {
        IncidentId early = declareWithNotes("Early", 1);
        // Four notes after the held declaration: the batch it is in (three events) ends before "Late" begins.
        IncidentId held = declareWithNotes("Held when the application shuts down", 4);
        IncidentId late = declareWithNotes("Late", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> replayer.isCaughtUp(Fragile.GROUP));
        // A replayer of its own, so that closing it (as the application's shutdown does) leaves the shared one be.
        ProjectionReplayer shuttingDown = new ProjectionReplayer(processing, eventStore, tokenStore,
                new StoredTokens(jdbc, serializer), transactionManager, List.of(new ProjectionGroup(Fragile.GROUP)),
                readModelResets, 3);
        fragile.holdAt("Held when the application shuts down");
        shuttingDown.replay(Fragile.GROUP);
        await().atMost(Duration.ofSeconds(30)).until(() -> fragile.holding);

        CompletableFuture<Void> shutDown = CompletableFuture.runAsync(() -> {
            try {
                shuttingDown.close();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        // Released only once the shutdown has begun, so the held batch is the last one the rebuild handles.
        await().atMost(Duration.ofSeconds(30)).until(shuttingDown::isClosing);
        fragile.hold.countDown();
        shutDown.get(30, TimeUnit.SECONDS);
        fragile.hold = null;
        StreamingEventProcessor processor = fragileProcessor();
        try {
            assertThat(processor.isRunning()).as("not started by a replayer that shut down").isFalse();
            assertThat(fragile.handled).as("stopped after the held batch").doesNotContain("Late");
        } finally {
            processor.start(); // as the next start of the application does
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> replayer.isCaughtUp(Fragile.GROUP));

        assertThat(fragile.handled).filteredOn(("note on " + early.value())::equals).hasSize(1);
        assertThat(fragile.handled).filteredOn(("note on " + held.value())::equals).hasSize(4);
        assertThat(fragile.handled).filteredOn(("note on " + late.value())::equals).hasSize(1);
        assertThat(fragile.handled).filteredOn("Late"::equals).hasSize(1);
    }

    @Test
    void aModelIsNotCaughtUpWhileOneOfItsSegmentsHandlesItsFirstBatchAfterAStart() {
        declareWithNotes("Before the restart", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> replayer.isCaughtUp(Fragile.GROUP));
        StreamingEventProcessor processor = fragileProcessor();
        int segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
                Integer.class, Fragile.GROUP);
        processor.shutDown();
        // As the processor does at its next claim extension: every segment's token stored at the head, so that after
        // the start each segment's first batch holds only what is new.
        TrackingToken handled = eventStore.createHeadToken();
        for (int segment = 0; segment < segments; segment++) {
            int claimed = segment;
            transactionManager.executeInTransaction(() -> {
                tokenStore.fetchToken(Fragile.GROUP, claimed);
                tokenStore.storeToken(handled, Fragile.GROUP, claimed);
                tokenStore.releaseClaim(Fragile.GROUP, claimed);
            });
        }
        String title = "Held in the first batch after a start";
        fragile.holdAt(title);
        declareWithNotes(title, 0);
        long head = eventStore.createHeadToken().position().orElseThrow();
        try {
            processor.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> fragile.holding);
            // The other segments had nothing to handle and report the head; the held one has not reported yet.
            await().atMost(Duration.ofSeconds(30)).until(() -> processor.processingStatus().values().stream()
                    .filter(segment -> segment.getCurrentPosition().orElse(-1) >= head).count() == segments - 1);

            assertThat(replayer.isCaughtUp(Fragile.GROUP)).isFalse();
        } finally {
            fragile.hold.countDown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> replayer.isCaughtUp(Fragile.GROUP));
        assertThat(fragile.handled).contains(title);
        fragile.hold = null;
    }

    private IncidentId declareWithNotes(String title, int notes) {
        IncidentId id = incidents.declare(new DeclareIncident(null, title, Severity.SEV3, List.of("api"),
                DetectionSource.ALERT, T0, T0, "alice", false, T0, null));
        for (int i = 0; i < notes; i++) {
            incidents.send(new AddTimelineNote(id, EntryId.random(), "bob", "Note " + i, List.of(),
                    T0.plusSeconds(i + 1), null));
        }
        return id;
    }

    private StreamingEventProcessor fragileProcessor() {
        return processing.eventProcessorByProcessingGroup(Fragile.GROUP, StreamingEventProcessor.class).orElseThrow();
    }

    private long entries(IncidentId incident) {
        return jdbc.queryForObject("select count(*) from timeline_entry where incident_id = ?", Long.class,
                incident.value());
    }

    private List<Map<String, Object>> timeline() {
        return jdbc.queryForList("select * from timeline_entry").stream()
                .sorted(Comparator.comparing(Object::toString)).toList();
    }

    /** A read model that fails on the poisoned incident once told to, as a bug in a projection would. */
    @ProcessingGroup(Fragile.GROUP)
    static class Fragile {

        static final String GROUP = "fragile-replay";

        final List<String> handled = new CopyOnWriteArrayList<>();
        volatile boolean poisonFails;
        /** When set, the handler of the declaration titled {@link #heldTitle} waits for it: a slow replay. */
        volatile CountDownLatch hold;
        volatile String heldTitle;
        volatile boolean holding;

        void holdAt(String title) {
            heldTitle = title;
            hold = new CountDownLatch(1);
        }

        @EventHandler
        void on(IncidentDeclared event) throws InterruptedException {
            CountDownLatch gate = hold;
            if (gate != null && event.title().equals(heldTitle)) {
                holding = true;
                gate.await(30, TimeUnit.SECONDS);
                holding = false;
            }
            if (poisonFails && POISON.equals(event.title())) {
                throw new IllegalStateException("cannot handle " + event.title());
            }
            handled.add(event.title());
        }

        @EventHandler
        void on(TimelineNoteAdded event) {
            handled.add("note on " + event.incidentId().value());
        }

        @ResetHandler
        void reset() {
            handled.clear();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FragileModel {

        @Bean
        ProjectionGroup fragileGroup() {
            return new ProjectionGroup(Fragile.GROUP);
        }

        @Bean
        Fragile fragile() {
            return new Fragile();
        }
    }
}
