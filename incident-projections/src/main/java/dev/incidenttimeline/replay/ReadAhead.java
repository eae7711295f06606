package dev.incidenttimeline.replay;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Reads the event store on a thread of its own, a batch or two ahead of the thread that hands the batches to the read
 * models, and turns each event into what its handlers use (payload, metadata, timestamp) while it does.
 *
 * <p>Why: a replay's time per event is reading and deserializing it plus the read model's handling and writes. On
 * one thread they add up; here they overlap, the way Axon's pooled processor reads on its coordinator and handles on
 * its work packages. The events, their order and the batches are the same as on one thread.
 *
 * <p>An event whose payload cannot be deserialized is handed over as it is: its handler meets the same error where
 * the processor would have met it (and dead-letters the incident, if the model has a dead-letter queue).
 */
final class ReadAhead implements AutoCloseable {

    /** Two batches in waiting keep the reader busy while one is handled, and bound the memory held ahead. */
    private static final int BATCHES_AHEAD = 2;

    private static final Object END = new Object();

    private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private boolean ended;

    private ReadAhead(StreamableMessageSource<TrackedEventMessage<?>> source, int batchSize, BooleanSupplier stopped) {
        this.reader = new Thread(() -> read(source, batchSize, stopped), "incident-replay-read-ahead");
        reader.setDaemon(true);
    }

    /** Starts reading the whole store, from its first event until no further event is available. */
    static ReadAhead start(StreamableMessageSource<TrackedEventMessage<?>> source, int batchSize,
                           BooleanSupplier stopped) {
        ReadAhead readAhead = new ReadAhead(source, batchSize, stopped);
        readAhead.reader.start();
        return readAhead;
    }

    /**
     * The next batch in the store's order, waiting for it if the reader is behind.
     *
     * @return the batch, or {@code null} once every event was handed over (or the read was stopped)
     * @throws IllegalStateException with the reader's failure as its cause, if reading failed
     */
    List<TrackedEventMessage<?>> next() throws InterruptedException {
        if (ended) {
            return null;
        }
        Object next = batches.take();
        if (next == END) {
            ended = true;
            return null;
        }
        if (next instanceof Throwable failure) {
            ended = true;
            throw new IllegalStateException("Reading the event store for the replay failed", failure);
        }
        @SuppressWarnings("unchecked")
        List<TrackedEventMessage<?>> batch = (List<TrackedEventMessage<?>>) next;
        return batch;
    }

    private void read(StreamableMessageSource<TrackedEventMessage<?>> source, int batchSize, BooleanSupplier stopped) {
        try {
            try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
                while (!stopped.getAsBoolean() && !closed) {
                    List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
                    while (batch.size() < batchSize && stream.hasNextAvailable()) {
                        batch.add(prepared(stream.nextAvailable()));
                    }
                    if (batch.isEmpty()) {
                        break;
                    }
                    if (!handOver(batch)) {
                        return;
                    }
                }
            } catch (RuntimeException | Error failure) {
                handOver(failure);
                return;
            }
            handOver(END);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for room in the queue; false if the handling side has closed this meanwhile. */
    private boolean handOver(Object next) throws InterruptedException {
        while (!batches.offer(next, 50, TimeUnit.MILLISECONDS)) {
            if (closed) {
                return false;
            }
        }
        return true;
    }

    private static TrackedEventMessage<?> prepared(TrackedEventMessage<?> event) {
        try {
            // Each is deserialized or parsed once and kept by the message, so the handlers get them for free.
            event.getPayload();
            event.getMetaData();
            event.getTimestamp();
        } catch (RuntimeException notReadable) {
            // Kept as it is: the handler meets the same error, where the processor would have.
        }
        return event;
    }

    /**
     * Stops the reader (after the batch it is reading, if it has not finished) and waits until it closed its stream.
     * Not by interrupting it: an interrupt during a read closes H2's file channel.
     */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        reader.join();
    }
}
