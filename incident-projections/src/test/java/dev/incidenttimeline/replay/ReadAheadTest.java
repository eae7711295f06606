package dev.incidenttimeline.replay;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The read-ahead hands over the same batches, in the same order, as reading on the replay's own thread, and stops
 * cleanly whichever side ends first. On Axon's own event store (its in-memory engine: the reading, not the database,
 * is what is tested here; the replay on a real database is {@link BulkReplayIntegrationTest}).
 */
class ReadAheadTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void handsOverEveryEventInTheStoresOrderInBatchesOfTheGivenSize() throws InterruptedException {
        store.publish(events(7));

        List<List<Object>> batches = new ArrayList<>();
        try (ReadAhead reading = ReadAhead.start(store, 3, () -> false)) {
            List<TrackedEventMessage<?>> batch;
            while ((batch = reading.next()) != null) {
                batches.add(batch.stream().map(event -> (Object) event.getPayload()).toList());
            }
            assertThat(reading.next()).as("after the end").isNull();
        }

        assertThat(batches).containsExactly(
                List.of("event 0", "event 1", "event 2"),
                List.of("event 3", "event 4", "event 5"),
                List.of("event 6"));
    }

    @Test
    void anEmptyStoreEndsAtOnce() throws InterruptedException {
        try (ReadAhead reading = ReadAhead.start(store, 3, () -> false)) {
            assertThat(reading.next()).isNull();
        }
    }

    @Test
    void closingBeforeTheEndStopsTheReaderThatWaitsForRoom() {
        store.publish(events(20));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            ReadAhead reading = ReadAhead.start(store, 1, () -> false);
            assertThat(reading.next()).hasSize(1);
            // The reader now waits with two batches in the queue and eighteen events still to read.
            reading.close();
        });
    }

    @Test
    void stopsReadingOnceTheReplayIsStopped() throws InterruptedException {
        store.publish(events(20));
        AtomicBoolean stopped = new AtomicBoolean(true);

        try (ReadAhead reading = ReadAhead.start(store, 5, stopped::get)) {
            assertThat(reading.next()).isNull();
        }
    }

    @Test
    void aFailingReadReachesTheReplayWithItsCause() {
        IllegalStateException unreachable = new IllegalStateException("database unreachable");
        StreamableMessageSource<TrackedEventMessage<?>> failing = token -> {
            throw unreachable;
        };

        assertThatThrownBy(() -> {
            try (ReadAhead reading = ReadAhead.start(failing, 5, () -> false)) {
                reading.next();
            }
        }).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Reading the event store for the replay failed")
                .hasCause(unreachable);
    }

    private static List<EventMessage<?>> events(int count) {
        return IntStream.range(0, count)
                .<EventMessage<?>>mapToObj(i -> GenericEventMessage.asEventMessage("event " + i))
                .toList();
    }
}
