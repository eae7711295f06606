package dev.incidenttimeline.app.benchmark;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The app's event processors (read models and policies) as the command path sees them: stopped for the baseline
 * (raw rows are real events, and a processor handling them while they are inserted is work the database's limit
 * must not include), started again and waited for until every one has handled everything stored, so that the next
 * measurement starts without a backlog.
 */
final class Processors {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    Processors(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    boolean any() {
        return !processing.eventProcessors().isEmpty();
    }

    String names() {
        return String.join(", ", processing.eventProcessors().keySet());
    }

    void stop() {
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
    }

    /** Starts every processor and waits until each has handled every event stored so far. */
    void startAndCatchUp(Duration timeout) throws InterruptedException {
        processing.eventProcessors().values().forEach(EventProcessor::start);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the event processors did not catch up within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    private boolean caughtUp() {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong headPosition = head == null ? OptionalLong.empty() : head.position();
        if (headPosition.isEmpty()) {
            return true;
        }
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                continue;
            }
            Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
            if (!streaming.isRunning() || status.isEmpty() || status.values().stream().anyMatch(segment ->
                    segment.isErrorState() || segment.getCurrentPosition().orElse(-1) < headPosition.getAsLong())) {
                return false;
            }
        }
        return true;
    }
}
