package dev.incidenttimeline.metrics;

import dev.incidenttimeline.host.MetricsTestHost;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test (Surefire does not pick it up by name): prints how long metrics reports take over a read model of
 * {@code -Dincidents=100000} incidents over five years written straight into the tables, through the SQL path
 * ({@code -DsqlRuns=3}), a value index that selects every group's percentiles among its values (as the index did
 * before groups could count bits) and the app's value index ({@code -Druns=200}) side by side, and both indexes' load
 * times and the index's heap; {@code -Dreports=year} measures only the reports whose name contains it. Run with
 * {@code mvn -B -pl incident-projections -am test -Dtest=MetricsReportBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(classes = MetricsTestHost.class,
        properties = "spring.datasource.url=jdbc:h2:mem:metrics-benchmark;DB_CLOSE_DELAY=-1")
class MetricsReportBenchmark {

    /** Five years of history, as the app benchmark's read model has. */
    private static final Instant START = Instant.parse("2021-11-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MetricsQueries metrics;

    @Autowired
    MetricsQueryHandler handler;

    @Autowired
    MetricCatalog catalog;

    @Autowired
    PlatformTransactionManager transactionManager;

    /** The index as it was before large groups counted bits: the second baseline. */
    private MetricValueIndex selecting;
    private TransactionTemplate readOnly;

    @Test
    void printsReportTimes() {
        int incidents = Integer.getInteger("incidents", 100_000);
        long seeding = System.nanoTime();
        seed(incidents);
        System.out.printf("seeded %,d incidents in %,d ms%n", incidents, (System.nanoTime() - seeding) / 1_000_000);
        readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        Runtime runtime = Runtime.getRuntime();
        // Twice each, alternating, so that neither load profits from coming second. The rows were written around
        // the projection: a new generation makes the index (loaded, empty, in the background at start) load
        // everything again.
        for (int round = 1; round <= 2; round++) {
            jdbc.update("update metrics_change set generation = generation + 1 where id = 1");
            System.gc();
            long selectingLoading = System.nanoTime();
            selecting = new MetricValueIndex(jdbc, 0);
            int selectingIndexed = readOnly.execute(status -> selecting.incidents());
            long selectingMillis = (System.nanoTime() - selectingLoading) / 1_000_000;
            System.gc();
            long heapBefore = runtime.totalMemory() - runtime.freeMemory();
            long loading = System.nanoTime();
            int indexed = handler.loadIndex();
            long loadMillis = (System.nanoTime() - loading) / 1_000_000;
            System.gc();
            long heapAfter = runtime.totalMemory() - runtime.freeMemory();
            System.out.printf("load %d: selecting index %,d incidents in %,d ms | index %,d incidents in %,d ms, heap"
                            + " after GC +%,d MB (arrays about %,d MB)%n", round, selectingIndexed, selectingMillis,
                    indexed, loadMillis, (heapAfter - heapBefore) / (1 << 20), handler.indexBytes() / (1 << 20));
        }

        Instant lastMonth = Instant.parse("2026-10-01T00:00:00Z");
        Instant lastYear = Instant.parse("2025-11-01T00:00:00Z");
        // Every run asks for a period a millisecond longer than the one before: neither the report cache nor H2
        // answers from an earlier result. Each report through the SQL path and the selecting index (the baselines,
        // same process and data) and through the index, interleaved.
        measure("all time, by service", (run, path) -> report(START.minusMillis(run), MetricsGroupBy.SERVICE, null,
                path));
        measure("one year, by service", (run, path) -> report(lastYear.minusMillis(run), MetricsGroupBy.SERVICE,
                null, path));
        measure("one year, by severity", (run, path) -> report(lastYear.minusMillis(run), MetricsGroupBy.SEVERITY,
                null, path));
        measure("one year, by week", (run, path) -> report(lastYear.minusMillis(run), MetricsGroupBy.WEEK, null,
                path));
        measure("all time, not grouped", (run, path) -> report(START.minusMillis(run), null, null, path));
        measure("all time, org-1, service", (run, path) -> report(START.minusMillis(run), MetricsGroupBy.SERVICE,
                "org-1", path));
        measure("one month, by service", (run, path) -> report(lastMonth.minusMillis(run), MetricsGroupBy.SERVICE,
                null, path));
        measure("one month, by detectedBy", (run, path) -> report(lastMonth.minusMillis(run),
                MetricsGroupBy.DETECTED_BY, null, path));
    }

    private enum Path { SQL, SELECTING_INDEX, INDEX }

    private interface Report {
        MetricsReportView run(long run, Path path);
    }

    private MetricsReportView report(Instant from, MetricsGroupBy groupBy, String organisation, Path path) {
        SummarizeMetrics query = new SummarizeMetrics(from, END, groupBy, false);
        return switch (path) {
            case SQL -> handler.summarizeWithSql(query, organisation);
            case SELECTING_INDEX -> readOnly.execute(status -> selecting.current().summarize(query, organisation,
                    catalog.definitions().stream().map(MetricDefinition::name).toList()));
            case INDEX -> handler.handle(query, organisation);
        };
    }

    private void measure(String name, Report report) {
        if (!name.contains(System.getProperty("reports", ""))) {
            return;
        }
        MetricsReportView sqlAnswer = report.run(1_000_000, Path.SQL);
        assertThat(sqlAnswer.groups()).isNotEmpty();
        assertThat(report.run(1_000_000, Path.INDEX)).as("the index answers as the SQL path").isEqualTo(sqlAnswer);
        assertThat(report.run(1_000_000, Path.SELECTING_INDEX)).as("so does the selecting one").isEqualTo(sqlAnswer);
        for (int i = 1; i < 20; i++) {
            report.run(1_000_000 + i, Path.INDEX);
            report.run(1_000_000 + i, Path.SELECTING_INDEX);
        }
        int sqlRuns = Integer.getInteger("sqlRuns", 3);
        int runs = Integer.getInteger("runs", 200);
        long[] sql = new long[sqlRuns];
        long[] before = new long[runs];
        long[] index = new long[runs];
        // Interleaved, so that both indexes see the same moments of the machine's load.
        for (int i = 0; i < runs; i++) {
            if (i < sqlRuns) {
                long start = System.nanoTime();
                report.run(i, Path.SQL);
                sql[i] = System.nanoTime() - start;
            }
            long start = System.nanoTime();
            report.run(i, Path.SELECTING_INDEX);
            before[i] = System.nanoTime() - start;
            start = System.nanoTime();
            report.run(i, Path.INDEX);
            index[i] = System.nanoTime() - start;
        }
        System.out.printf("%-26s SQL p50 %8.1f p99 %8.1f (%d) | selecting index p50 %6.2f p99 %6.2f | index p50 %6.2f"
                        + " p99 %6.2f max %6.2f ms (%d runs) | p50 selecting/index %.1fx, p99 %.1fx%n", name,
                p(sql, 0.5), p(sql, 0.99), sqlRuns, p(before, 0.5), p(before, 0.99), p(index, 0.5), p(index, 0.99),
                p(index, 1.0), runs, p(before, 0.5) / p(index, 0.5), p(before, 0.99) / p(index, 0.99));
    }

    private static double p(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)] / 1e6;
    }

    private void seed(int count) {
        Random random = new Random(42);
        List<String> metricNames = StandardMetrics.all().stream().map(MetricDefinition::name).toList();
        long span = Duration.between(START, END).toMillis();
        List<Object[]> incidentRows = new ArrayList<>();
        List<Object[]> serviceRows = new ArrayList<>();
        List<Object[]> valueRows = new ArrayList<>();
        long valueId = 1;
        for (int i = 0; i < count; i++) {
            String id = "bench-" + i;
            Instant declared = START.plusMillis((long) (random.nextDouble() * span));
            String severity = Severity.values()[random.nextInt(5)].name();
            String detectedBy = DetectionSource.values()[random.nextInt(4)].name();
            boolean drill = random.nextInt(50) == 0;
            String organisation = "org-" + random.nextInt(4);
            incidentRows.add(new Object[]{id, Timestamp.from(declared), severity, detectedBy, drill,
                    random.nextInt(5) == 0, 20, organisation});
            serviceRows.add(new Object[]{id, "service-" + random.nextInt(20)});
            if (random.nextBoolean()) {
                serviceRows.add(new Object[]{id, "service-" + (20 + random.nextInt(5))});
            }
            for (String metric : metricNames) {
                Long value = random.nextInt(10) == 0 ? null
                        : (long) (Math.exp(random.nextGaussian() * 1.2 + 13) * (random.nextInt(200) == 0 ? -1 : 1));
                valueRows.add(new Object[]{valueId++, id, metric, 1, value, value != null && value < 0,
                        Timestamp.from(declared), "event-a", null, null, Timestamp.from(declared), drill, severity,
                        detectedBy, organisation});
            }
            if (incidentRows.size() == 1000) {
                flush(incidentRows, serviceRows, valueRows);
            }
        }
        flush(incidentRows, serviceRows, valueRows);
    }

    private void flush(List<Object[]> incidentRows, List<Object[]> serviceRows, List<Object[]> valueRows) {
        jdbc.batchUpdate("insert into metrics_incident (incident_id, declared_at, severity, detected_by, drill,"
                + " customer_first, last_sequence, organisation) values (?, ?, ?, ?, ?, ?, ?, ?)", incidentRows);
        jdbc.batchUpdate("insert into metrics_incident_service (incident_id, service) values (?, ?)", serviceRows);
        jdbc.batchUpdate("insert into metrics_value (id, incident_id, metric, definition_version, value_millis,"
                + " inconsistent, started_at, start_event_id, stopped_at, stop_event_id, declared_at, drill, severity,"
                + " detected_by, organisation) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", valueRows);
        incidentRows.clear();
        serviceRows.clear();
        valueRows.clear();
    }
}
