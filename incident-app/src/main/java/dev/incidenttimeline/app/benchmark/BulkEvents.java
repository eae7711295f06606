package dev.incidenttimeline.app.benchmark;

import dev.incidenttimeline.app.benchmark.EventTable.Row;
import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.incident.api.IncidentId;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;

/**
 * The bulk generator: writes N events of realistic incidents straight into the event table, so that a million
 * events of five years of incidents exist in seconds rather than hours. Incidents are declared at random times
 * over the years; neighbouring incidents overlap, so their events interleave in the global order as live ones do.
 * Each event is serialized with the app's event serializer and carries its aggregate's sequence number, so Axon
 * (an aggregate load, a replay) reads them as its own.
 */
final class BulkEvents {

    /** How many incidents run at the same time in the generated history (their events interleave). */
    private static final int OVERLAPPING = 32;
    private static final int BATCH = 1_000;

    private final EventTable table;

    BulkEvents(EventTable table) {
        this.table = table;
    }

    /** What was written. */
    record Written(long events, long incidents, long bytes, double seconds) {
    }

    /**
     * Writes {@code events} events of incidents spread over the {@code years} before {@code end}, with a fixed
     * seed. Serializing and inserting run on two threads.
     */
    Written write(long events, int years, Instant end, long seed) throws Exception {
        BlockingQueue<List<Row>> batches = new ArrayBlockingQueue<>(8);
        List<Row> poison = List.of();
        long expectedIncidents = Math.max(1, events / ((IncidentStory.MIN_STEPS + IncidentStory.MAX_STEPS) / 2));
        Duration span = Duration.ofDays(365L * years).minus(IncidentStory.LONGEST);
        Instant start = end.minus(span).minus(IncidentStory.LONGEST);
        long step = span.toSeconds() / expectedIncidents;
        long began = System.nanoTime();
        Callable<long[]> producer = () -> {
            SplittableRandom random = new SplittableRandom(seed);
            long produced = 0;
            long incidents = 0;
            long bytes = 0;
            Instant declaredAt = start;
            try {
                while (produced < events) {
                    List<IncidentEvent> block = new ArrayList<>();
                    for (int i = 0; i < OVERLAPPING && produced + block.size() < events; i++) {
                        declaredAt = declaredAt.plusSeconds(random.nextLong(1, 2 * step + 1));
                        if (declaredAt.isAfter(end.minus(IncidentStory.LONGEST))) {
                            declaredAt = start.plusSeconds(random.nextLong(span.toSeconds()));
                        }
                        IncidentStory story = IncidentStory.write(random, IncidentId.random(), declaredAt);
                        block.addAll(story.events().subList(0,
                                (int) Math.min(story.steps().size(), events - produced - block.size())));
                        incidents++;
                    }
                    // In the order they happened; sequence numbers follow each incident's own order.
                    block.sort(Comparator.comparing(IncidentEvent::occurredAt));
                    Map<IncidentId, Long> sequences = new HashMap<>();
                    List<Row> rows = new ArrayList<>(BATCH);
                    for (IncidentEvent event : block) {
                        long sequence = sequences.merge(event.incidentId(), 1L, Long::sum) - 1;
                        Row row = table.row(event, sequence, event.occurredAt().plusMillis(random.nextInt(50, 2_000)));
                        bytes += row.size();
                        rows.add(row);
                        if (rows.size() == BATCH) {
                            batches.put(rows);
                            rows = new ArrayList<>(BATCH);
                        }
                    }
                    if (!rows.isEmpty()) {
                        batches.put(rows);
                    }
                    produced += block.size();
                }
            } finally {
                batches.put(poison);
            }
            return new long[] {produced, incidents, bytes};
        };
        Callable<long[]> consumer = () -> {
            long inserted = 0;
            try {
                for (List<Row> rows = batches.take(); rows != poison; rows = batches.take()) {
                    table.insertBatched(rows, BATCH);
                    inserted += rows.size();
                }
            } catch (SQLException failure) {
                // Let the producer finish instead of blocking on a full queue, then report the failure.
                List<Row> rest;
                do {
                    rest = batches.take();
                } while (rest != poison);
                throw failure;
            }
            return new long[] {inserted};
        };
        List<long[]> results = CommandPath.run(List.of(producer, consumer));
        long[] produced = results.get(0);
        if (results.get(1)[0] != produced[0]) {
            throw new SQLException("generated " + produced[0] + " events but stored " + results.get(1)[0]);
        }
        return new Written(produced[0], produced[1], produced[2], (System.nanoTime() - began) / 1e9);
    }
}
