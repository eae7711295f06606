package dev.incidenttimeline.replay;

import dev.incidenttimeline.projections.ProjectionGroup;
import dev.incidenttimeline.projections.ReadModelResets;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rebuilds the read models of this module from the event store on demand, and tells when they have caught up.
 *
 * <pre>{@code
 * replayer.replay(TimelineProjection.PROCESSING_GROUP);   // or replayAll()
 * replayer.awaitCaughtUp(Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>A replay resets the processor's tokens as Axon does (its {@code @ResetHandler} records the reset), empties the
 * model's tables while the processor is stopped ({@link ReadModelResets#emptyNow}: {@code TRUNCATE}), then rebuilds
 * the model from one read of the event store in large batches ({@link BulkReplay}) while the processor stays
 * stopped, and finally starts the processor, which carries on from where the rebuild stopped. The processor's own
 * replay would cost a unit of work, interceptors and a dead-letter check per event and per segment; this path pays
 * them once per batch. {@link #replayAll()} rebuilds every model from the same read.
 *
 * <p>One replay at a time: while one rebuilds, another is refused ({@link ReplayUnderWayException}) before it stops or
 * resets anything, because its reset would empty a model that the running rebuild goes on filling.
 */
public class ProjectionReplayer implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(ProjectionReplayer.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final StoredTokens storedTokens;
    private final TransactionManager transactionManager;
    private final List<ProjectionGroup> groups;
    private final ReadModelResets resets;
    private final int batchSize;
    /** One rebuild at a time, off the caller's thread: a replay returns at once, like the processor's own did. */
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-replay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closing;
    /** From a replay's reset until its processors run again. */
    private final AtomicBoolean rebuilding = new AtomicBoolean();

    public ProjectionReplayer(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore,
                              StoredTokens storedTokens, TransactionManager transactionManager,
                              List<ProjectionGroup> groups, ReadModelResets resets, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.storedTokens = storedTokens;
        this.transactionManager = transactionManager;
        this.groups = List.copyOf(groups);
        this.resets = resets;
        this.batchSize = batchSize;
    }

    /** The processing groups of the read models this module runs. */
    public List<String> groups() {
        return groups.stream().map(ProjectionGroup::name).toList();
    }

    /** Rebuilds every read model of this module, from one read of the event store. */
    public void replayAll() {
        replay(groups());
    }

    /**
     * Rebuilds one read model: stops its processor, empties the model and rewinds its tokens to the first event,
     * refills it in the background and then starts the processor again. Returns once the model has been emptied;
     * {@link #awaitCaughtUp} tells when it is full again.
     *
     * @throws IllegalArgumentException if no streaming processor runs this processing group
     * @throws ReplayUnderWayException if a replay started earlier is still rebuilding
     * @throws org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException if another node runs this
     *                                                                                 processor at the moment
     */
    public void replay(String processingGroup) {
        replay(List.of(processingGroup));
    }

    /** Whether a replay is rebuilding a read model now (from its reset until its processor runs again). */
    public boolean isReplaying() {
        return rebuilding.get();
    }

    private void replay(List<String> processingGroups) {
        List<StreamingEventProcessor> processors = processingGroups.stream().map(this::processor).toList();
        if (!rebuilding.compareAndSet(false, true)) {
            throw new ReplayUnderWayException();
        }
        try {
            processors.forEach(StreamingEventProcessor::shutDown);
            processors.forEach(StreamingEventProcessor::resetTokens);
            processingGroups.forEach(this::emptyNow);
            rebuilds.execute(() -> {
                try {
                    rebuildThenStart(processingGroups, processors);
                } finally {
                    rebuilding.set(false);
                }
            });
        } catch (RuntimeException failure) {
            // E.g. another node holds a segment, so the tokens could not be reset: the processors go on as before
            // (one whose tokens were reset already replays through Axon's own replay).
            rebuilding.set(false);
            if (!closing) {
                processors.forEach(StreamingEventProcessor::start);
            }
            throw failure;
        }
    }

    private void rebuildThenStart(List<String> processingGroups, List<StreamingEventProcessor> processors) {
        List<BulkReplay.Target> targets = new ArrayList<>();
        try {
            for (int i = 0; i < processors.size(); i++) {
                targets.add(BulkReplay.Target.of(group(processingGroups.get(i)), processors.get(i), tokenStore,
                        resets));
            }
            long start = System.nanoTime();
            long events = new BulkReplay(eventStore, transactionManager, targets, batchSize, () -> closing).run();
            logger.info("Rebuilt {} from {} events in {} ms", processingGroups, events,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException failure) {
            // Every batch stored its tokens with its writes, so the processors resume right after the last batch
            // that committed: the rest of the rebuild is slower, nothing is lost.
            logger.warn("The bulk replay of {} stopped; its processors carry on from the last batch stored",
                    processingGroups, failure);
        } finally {
            for (BulkReplay.Target target : targets) {
                try {
                    target.releaseClaims(transactionManager);
                } catch (RuntimeException failure) {
                    // The claims then time out, and the processor (here or on another node) takes them over.
                    logger.warn("Could not release the claims of the replay of {}", processingGroups, failure);
                }
            }
        }
        if (!closing) {
            processors.forEach(StreamingEventProcessor::start);
        }
    }

    /** Whether every read model of this module has handled every event stored so far. */
    public boolean isCaughtUp() {
        return groups().stream().allMatch(this::isCaughtUp);
    }

    /**
     * Whether this read model has handled every event stored so far: its processor runs here, and every segment of
     * it, whichever node holds it, reached the store's head. False while a replay rebuilds (this model or another).
     *
     * <p>A segment held here counts by its processor's status, the others by their stored token. The status alone is
     * not enough: a segment appears in it only once its first batch is done, so right after a start the segments with
     * nothing to do would report the head while another still works on its first batch.
     */
    public boolean isCaughtUp(String processingGroup) {
        if (rebuilding.get()) {
            return false;
        }
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong headPosition = head == null ? OptionalLong.empty() : head.position();
        if (headPosition.isEmpty()) {
            return true;
        }
        StreamingEventProcessor processor = processor(processingGroup);
        if (!processor.isRunning()) {
            return false;
        }
        Map<Integer, EventTrackerStatus> here = processor.processingStatus();
        Map<Integer, TrackingToken> stored = storedTokens.of(processor.getName());
        return !stored.isEmpty() && stored.entrySet().stream().allMatch(segment -> {
            EventTrackerStatus status = here.get(segment.getKey());
            if (status != null) {
                return !status.isErrorState()
                        && status.getCurrentPosition().orElse(-1) >= headPosition.getAsLong();
            }
            TrackingToken token = segment.getValue();
            return token != null && token.position().orElse(-1) >= headPosition.getAsLong();
        });
    }

    /**
     * Waits until every read model of this module has handled every event stored so far (the head is read again at
     * each check, so under a steady stream of new events this waits for a moment without backlog).
     *
     * @throws IllegalStateException if that takes longer than {@code timeout}
     */
    public void awaitCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isCaughtUp()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The read models " + groups + " did not catch up with the event "
                        + "store within " + timeout);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the read models to catch up",
                        interrupted);
            }
        }
    }

    /** Whether {@link #close()} was called: a rebuild under way stops after its current batch. */
    boolean isClosing() {
        return closing;
    }

    /**
     * Stops a rebuild under way after its current batch (its processors are then started by the next start of the
     * application, from the last batch stored).
     */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        rebuilds.shutdown();
        if (!rebuilds.awaitTermination(30, TimeUnit.SECONDS)) {
            rebuilds.shutdownNow();
        }
    }

    /**
     * Empties the model right after its reset committed, with its processor stopped. If that fails (on H2 a
     * {@code TRUNCATE} waits at most the lock timeout for another writer, e.g. an erasure), the first batch of the
     * rebuild deletes the rows instead: the reset stays recorded until the model was emptied.
     */
    private void emptyNow(String processingGroup) {
        try {
            resets.emptyNow(group(processingGroup));
        } catch (RuntimeException failure) {
            logger.warn("Could not empty the read model {} right after its reset; its rebuild deletes its rows first",
                    processingGroup, failure);
        }
    }

    private ProjectionGroup group(String processingGroup) {
        return groups.stream().filter(group -> group.name().equals(processingGroup)).findFirst()
                .orElseGet(() -> new ProjectionGroup(processingGroup));
    }

    private StreamingEventProcessor processor(String processingGroup) {
        return processing.eventProcessorByProcessingGroup(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("No streaming event processor handles the "
                        + "processing group " + processingGroup));
    }
}
