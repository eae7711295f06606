package dev.incidenttimeline.replay;

import dev.incidenttimeline.projections.ProjectionGroup;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Rebuilds the read models of this module from the event store on demand, and tells when they have caught up.
 *
 * <pre>{@code
 * replayer.replay(TimelineProjection.PROCESSING_GROUP);   // or replayAll()
 * replayer.awaitCaughtUp(Duration.ofMinutes(5));
 * }</pre>
 */
public class ProjectionReplayer {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final List<String> groups;

    public ProjectionReplayer(EventProcessingConfiguration processing, EventStore eventStore,
                              List<ProjectionGroup> groups) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.groups = groups.stream().map(ProjectionGroup::name).toList();
    }

    /** The processing groups of the read models this module runs. */
    public List<String> groups() {
        return groups;
    }

    /** Rebuilds every read model of this module. */
    public void replayAll() {
        groups.forEach(this::replay);
    }

    /**
     * Rebuilds one read model: stops its processor, empties the model and rewinds its tokens to the first event,
     * then starts it again. Returns at once; the model fills up in the background ({@link #awaitCaughtUp}).
     *
     * @throws IllegalArgumentException if no streaming processor runs this processing group
     */
    public void replay(String processingGroup) {
        StreamingEventProcessor processor = processor(processingGroup);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    /** Whether every read model of this module has handled every event stored so far. */
    public boolean isCaughtUp() {
        return groups.stream().allMatch(this::isCaughtUp);
    }

    /** Whether this read model has handled every event stored so far (its segments reached the store's head). */
    public boolean isCaughtUp(String processingGroup) {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong headPosition = head == null ? OptionalLong.empty() : head.position();
        if (headPosition.isEmpty()) {
            return true;
        }
        StreamingEventProcessor processor = processor(processingGroup);
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (!processor.isRunning() || status.isEmpty()) {
            return false;
        }
        return status.values().stream().allMatch(segment -> !segment.isErrorState()
                && segment.getCurrentPosition().orElse(-1) >= headPosition.getAsLong());
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

    private StreamingEventProcessor processor(String processingGroup) {
        return processing.eventProcessorByProcessingGroup(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("No streaming event processor handles the "
                        + "processing group " + processingGroup));
    }
}
