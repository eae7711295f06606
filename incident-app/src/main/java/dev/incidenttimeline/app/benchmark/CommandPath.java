package dev.incidenttimeline.app.benchmark;

import dev.incidenttimeline.app.benchmark.EventTable.Row;
import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.IncidentCommand;
import dev.incidenttimeline.incident.api.IncidentId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Section 1: commands per second through the whole write side ({@link IncidentGateway} → command bus → the
 * {@code Incident} aggregate → event store → commit), each caller playing whole incident stories on incidents of
 * its own; and the baseline, the same event rows inserted with plain JDBC, one transaction per row.
 */
final class CommandPath {

    private final IncidentGateway gateway;
    private final EventTable table;
    private final AtomicLong seed = new AtomicLong(7);

    CommandPath(IncidentGateway gateway, EventTable table) {
        this.gateway = gateway;
        this.table = table;
    }

    /**
     * A rate and what it cost: the CPU time of the whole process (every thread: the callers, the event processors,
     * the database) per operation while it ran. On a machine shared with other work the rate follows the load, the
     * CPU time per operation much less.
     */
    record Measured(double perSecond, double cpuMicrosPerOp, long ops) {
    }

    /** The CPU time (ns) this process has used so far, all threads. */
    static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** Commands/s with {@code callers} threads, each sending its own incidents' commands for {@code window}. */
    double commandsPerSecond(int callers, Duration window) throws Exception {
        return commands(callers, window).perSecond();
    }

    /** As {@link #commandsPerSecond}, with the process's CPU time per command. */
    Measured commands(int callers, Duration window) throws Exception {
        List<Callable<Long>> work = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        for (int caller = 0; caller < callers; caller++) {
            SplittableRandom random = new SplittableRandom(seed.incrementAndGet());
            work.add(() -> {
                long sent = 0;
                while (System.nanoTime() < deadline) {
                    IncidentStory story = IncidentStory.write(random, IncidentId.random(), declaredAt(random));
                    for (IncidentCommand command : story.commands()) {
                        gateway.send(command);
                        sent++;
                        if (System.nanoTime() >= deadline) {
                            break;
                        }
                    }
                }
                return sent;
            });
        }
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        long sent = sum(run(work));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Measured(sent / seconds, (OS.getProcessCpuTime() - cpu) / 1e3 / Math.max(1, sent), sent);
    }

    /**
     * Rows/s of plain JDBC inserts, one transaction per row, of {@code rows} rows from fresh stories (serialized
     * before the clock starts: the baseline is the database's limit, not the serializer's).
     */
    double rawInsertsPerSecond(int callers, int rows) throws Exception {
        return rawInserts(callers, rows).perSecond();
    }

    /** As {@link #rawInsertsPerSecond}, with the process's CPU time per row. */
    Measured rawInserts(int callers, int rows) throws Exception {
        SplittableRandom random = new SplittableRandom(seed.incrementAndGet());
        List<List<Row>> perCaller = new ArrayList<>();
        for (int caller = 0; caller < callers; caller++) {
            perCaller.add(new ArrayList<>());
        }
        int written = 0;
        for (int story = 0; written < rows; story++) {
            IncidentStory next = IncidentStory.write(random, IncidentId.random(), declaredAt(random));
            List<Row> storyRows = table.rows(next.events(), 0, Instant.now());
            storyRows = storyRows.subList(0, Math.min(storyRows.size(), rows - written));
            perCaller.get(story % callers).addAll(storyRows);
            written += storyRows.size();
        }
        List<Callable<Long>> work = new ArrayList<>();
        for (List<Row> mine : perCaller) {
            work.add(() -> {
                for (Row row : mine) {
                    table.insertOne(row);
                }
                return (long) mine.size();
            });
        }
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        long inserted = sum(run(work));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Measured(inserted / seconds, (OS.getProcessCpuTime() - cpu) / 1e3 / Math.max(1, inserted),
                inserted);
    }

    /** Far enough back that a whole story stays in the past, as a live incident's commands do. */
    private static Instant declaredAt(SplittableRandom random) {
        return Instant.now().minus(Duration.ofDays(1)).minusSeconds(random.nextInt(86_400));
    }

    static <T> List<T> run(List<Callable<T>> work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(work.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : threads.invokeAll(work)) {
                results.add(result.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static long sum(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }

}
