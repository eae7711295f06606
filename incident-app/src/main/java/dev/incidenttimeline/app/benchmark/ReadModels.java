package dev.incidenttimeline.app.benchmark;

import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.metrics.MetricsGroupBy;
import dev.incidenttimeline.metrics.MetricsQueries;
import dev.incidenttimeline.projections.IncidentQueries;
import dev.incidenttimeline.replay.ProjectionReplayer;
import dev.incidenttimeline.timeline.FindTimeline;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Sections 2 and 3: rebuilding each read model from the event store alone (the other processors stopped), and the
 * latencies of the queries on read models built that way. Queries go through the facades the app uses
 * ({@link IncidentQueries}, {@link MetricsQueries}), so they include the query bus.
 */
final class ReadModels {

    private final ProjectionReplayer replayer;
    private final EventProcessingConfiguration processing;
    private final DataSource dataSource;
    private final IncidentQueries incidents;
    private final MetricsQueries metrics;
    /** How far the next report's period is moved: every report asks a period no earlier report asked. */
    private long reportShift;

    ReadModels(ProjectionReplayer replayer, EventProcessingConfiguration processing, DataSource dataSource,
               IncidentQueries incidents, MetricsQueries metrics) {
        this.replayer = replayer;
        this.processing = processing;
        this.dataSource = dataSource;
        this.incidents = incidents;
        this.metrics = metrics;
    }

    /** The read models' processing groups, in the order they are replayed. */
    List<String> groups() {
        return replayer.groups();
    }

    /**
     * A replay of one read model; {@code resetSeconds} is the part of {@code seconds} spent emptying the model (the
     * reset, before the rebuild).
     */
    record Replayed(double seconds, double resetSeconds, double peakHeapMb) {
    }

    /**
     * Rebuilds one read model with every other event processor stopped, and leaves its processor stopped too once
     * it has caught up with the event store's head.
     */
    Replayed replayAlone(String group, Duration timeout) throws Exception {
        stopAll();
        System.gc();
        long start = System.nanoTime();
        double peak;
        double reset;
        try (HeapSampler heap = new HeapSampler()) {
            replayer.replay(group);
            reset = (System.nanoTime() - start) / 1e9;
            long deadline = start + timeout.toNanos();
            while (!replayer.isCaughtUp(group)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(group + " did not catch up within " + timeout);
                }
                Thread.sleep(20);
            }
            peak = heap.peakMb();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        stopAll();
        return new Replayed(seconds, reset, peak);
    }

    void stopAll() {
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
    }

    /** Starts one read model's processor (the policy processors stay stopped: they would act on the bulk events). */
    void start(String group) {
        processing.eventProcessorByProcessingGroup(group).orElseThrow().start();
    }

    boolean caughtUp(String group) {
        return replayer.isCaughtUp(group);
    }

    /** Up to {@code count} incident ids of the metrics read model, in a fixed random order. */
    List<IncidentId> sampleIncidents(int count, long seed) throws SQLException {
        List<IncidentId> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select incident_id from metrics_incident")) {
            while (rows.next()) {
                ids.add(IncidentId.of(rows.getString(1)));
            }
        }
        Collections.shuffle(ids, new Random(seed));
        return ids.subList(0, Math.min(count, ids.size()));
    }

    long count(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Latencies (ns) of a timeline query for each incident, in turn, {@code ops} times. */
    long[] timelines(List<IncidentId> ids, int ops) {
        return timed(ops, i -> incidents.timeline(FindTimeline.of(ids.get(i % ids.size()))));
    }

    /** The number of entries of one incident's timeline. */
    int entries(IncidentId id) {
        return incidents.timeline(FindTimeline.of(id)).entries().size();
    }

    long[] incidentMetrics(List<IncidentId> ids, int ops) {
        return timed(ops, i -> metrics.incident(ids.get(i % ids.size())).orElseThrow());
    }

    /**
     * Latencies (ns) of the grouped report over the year before {@code end}; each call moves the period by a
     * millisecond from every earlier one so that neither the report cache nor H2 can answer from an earlier result.
     */
    long[] yearReports(Instant end, MetricsGroupBy groupBy, int ops) {
        return timed(ops, i -> {
            Instant to = end.minusMillis(++reportShift);
            metrics.summarize(to.minus(Duration.ofDays(365)), to, groupBy, false);
        });
    }

    private static long[] timed(int ops, Consumer<Integer> query) {
        long[] nanos = new long[ops];
        for (int i = 0; i < ops; i++) {
            long start = System.nanoTime();
            query.accept(i);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }
}
