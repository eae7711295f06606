package dev.incidenttimeline.metrics;

import dev.incidenttimeline.host.MetricsTestHost;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test (Surefire does not pick it up by name): prints how long metrics reports take over a read model of
 * {@code -Dincidents=100000} incidents written straight into the tables. Run with {@code mvn -B -pl
 * incident-projections -am test -Dtest=MetricsReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(classes = MetricsTestHost.class,
        properties = "spring.datasource.url=jdbc:h2:mem:metrics-benchmark;DB_CLOSE_DELAY=-1")
class MetricsReportBenchmark {

    private static final Instant START = Instant.parse("2025-12-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MetricsQueries metrics;

    @Test
    void printsReportTimes() {
        int incidents = Integer.getInteger("incidents", 100_000);
        long seeding = System.nanoTime();
        seed(incidents);
        System.out.printf("seeded %,d incidents in %,d ms%n", incidents, (System.nanoTime() - seeding) / 1_000_000);

        Instant lastMonth = Instant.parse("2026-10-01T00:00:00Z");
        // Every run asks for a period a millisecond longer than the one before: H2 reuses the result of a query
        // repeated on unchanged tables, which would measure nothing.
        measure("all time, by service", run -> report(START.minusMillis(run), MetricsGroupBy.SERVICE));
        measure("all time, by severity", run -> report(START.minusMillis(run), MetricsGroupBy.SEVERITY));
        measure("all time, by week", run -> report(START.minusMillis(run), MetricsGroupBy.WEEK));
        measure("all time, not grouped", run -> report(START.minusMillis(run), null));
        measure("one month, by service", run -> report(lastMonth.minusMillis(run), MetricsGroupBy.SERVICE));
        measure("one month, by detectedBy", run -> report(lastMonth.minusMillis(run), MetricsGroupBy.DETECTED_BY));
        // The same questions again while the read model does not change: answered from the report cache.
        measure("repeated, all time, service", run -> report(START, MetricsGroupBy.SERVICE));
        measure("repeated, one month, week", run -> report(lastMonth, MetricsGroupBy.WEEK));
    }

    private MetricsReportView report(Instant from, MetricsGroupBy groupBy) {
        return metrics.summarize(from, END, groupBy, false);
    }

    private void measure(String name, LongFunction<MetricsReportView> report) {
        for (int i = 0; i < 5; i++) {
            assertThat(report.apply(1_000_000 + i).groups()).isNotEmpty();
        }
        int runs = Integer.getInteger("runs", 30);
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            report.apply(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-28s p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (%d runs)%n", name,
                nanos[runs / 2] / 1e6, nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6, nanos[runs - 1] / 1e6, runs);
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
            incidentRows.add(new Object[]{id, Timestamp.from(declared), severity, detectedBy, drill,
                    random.nextInt(5) == 0, 20});
            serviceRows.add(new Object[]{id, "service-" + random.nextInt(20)});
            if (random.nextBoolean()) {
                serviceRows.add(new Object[]{id, "service-" + (20 + random.nextInt(5))});
            }
            for (String metric : metricNames) {
                Long value = random.nextInt(10) == 0 ? null
                        : (long) (Math.exp(random.nextGaussian() * 1.2 + 13) * (random.nextInt(200) == 0 ? -1 : 1));
                valueRows.add(new Object[]{valueId++, id, metric, 1, value, value != null && value < 0,
                        Timestamp.from(declared), "event-a", null, null, Timestamp.from(declared), drill, severity,
                        detectedBy});
            }
            if (incidentRows.size() == 1000) {
                flush(incidentRows, serviceRows, valueRows);
            }
        }
        flush(incidentRows, serviceRows, valueRows);
    }

    private void flush(List<Object[]> incidentRows, List<Object[]> serviceRows, List<Object[]> valueRows) {
        jdbc.batchUpdate("insert into metrics_incident (incident_id, declared_at, severity, detected_by, drill,"
                + " customer_first, last_sequence) values (?, ?, ?, ?, ?, ?, ?)", incidentRows);
        jdbc.batchUpdate("insert into metrics_incident_service (incident_id, service) values (?, ?)", serviceRows);
        jdbc.batchUpdate("insert into metrics_value (id, incident_id, metric, definition_version, value_millis,"
                + " inconsistent, started_at, start_event_id, stopped_at, stop_event_id, declared_at, drill, severity,"
                + " detected_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", valueRows);
        incidentRows.clear();
        serviceRows.clear();
        valueRows.clear();
    }
}
